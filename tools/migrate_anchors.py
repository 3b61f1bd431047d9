"""One-off migration of the stand-off records to anchored files (run once, December 2026).

The project's corrections and hand annotations named their passages by offsets
or by unit ids (``sentence_id``, ``paragraph_id``) of the chapter as it was then
segmented; a change of segmentation, or another copy of the text, broke them.
This script rewrote every record file once in the anchored format of
``analysis.text.anchoring`` (a TextQuoteSelector, ``prefix, exact, suffix``, with
its TextPositionSelector ``start, end`` as a hint), and converted the second
reader's, the adjudicator's and the emotion checker's files (made on the chapter
as loaded then) into the same format. It was run once, from the repository root::

    .venv/bin/python tools/migrate_anchors.py tests/data/legacy

where ``tests/data/legacy`` keeps every file as it was before (the originals of
``analysis/data/corrections.csv`` and ``annotations/``, and the files the readers
handed in). The tests (``tests/text/test_migration.py``) load the legacy files'
ids against the chapter and check that the anchored files give exactly the same
spans, units and values, so running the script again changes nothing. It writes:

- ``analysis/data/corrections.csv`` (``found`` becomes ``exact``, with context);
- in ``analysis/data/annotations/``: ``themes_reader_a.csv``, ``themes_reader_b.csv``,
  ``themes_adjudication.csv``, ``sentiment_reader_a.csv`` (reader A's 252 sentences,
  then the 80 of the completion as split ``heldout``, batch 3), ``sentiment_reader_b.csv``,
  ``sentiment_adjudication.csv``, ``emotions_check.csv`` and ``mentions_check.csv``.

A record of a sentence or a paragraph quotes the unit (all of it, or the opening
of a long one: ``analysis.text.anchoring.unit_quote``); a mention quotes its name.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.text import load_chapter, quote, unit_quote  # noqa: E402
from analysis.text.source import data_path, read_source  # noqa: E402

#: Legacy file (same name in annotations/) -> (the unit its ids name, the value columns kept).
UNIT_FILES: dict[str, tuple[str, list[str]]] = {
    "themes_reader_a.csv": ("paragraph", ["theme", "label", "reason"]),
    "themes_reader_b.csv": ("paragraph", ["theme", "label", "reason"]),
    "themes_adjudication.csv": ("paragraph",
                                ["theme", "label_a", "label_b", "adjudicated", "reason"]),
    "sentiment_reader_b.csv": ("sentence", ["score", "reason"]),
    "sentiment_adjudication.csv": ("sentence", ["score_a", "score_b", "adjudicated", "reason"]),
    "emotions_check.csv": ("sentence", ["fear", "anger", "sadness", "trust", "reason"]),
}


def write(table: pd.DataFrame, path: Path) -> None:
    """Write a record file: UTF-8, a header row, Unix line ends."""
    table.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    print(f"{path.relative_to(ROOT)}: {len(table)} rows")


def corrections(legacy: Path) -> pd.DataFrame:
    """The corrections, their ``found`` now the quote ``exact``, with its context."""
    seed = read_source().text
    old = pd.read_csv(legacy / "corrections.csv", dtype=str, keep_default_na=False)
    rows = []
    for rec in old.itertuples(index=False):
        start, end = int(rec.start), int(rec.end)
        assert seed[start:end] == rec.found, (start, rec.found)
        rows.append({**quote(seed, start, end), "replacement": rec.replacement,
                     "kind": rec.kind, "note": rec.note})
    return pd.DataFrame(rows)


def unit_anchors(chapter, unit: str, ids: pd.Series) -> pd.DataFrame:
    """The anchor of each unit named by ``ids`` (sentence or paragraph ids of the chapter)."""
    units = (chapter.sentences if unit == "sentence" else chapter.paragraphs).set_index(
        f"{unit}_id")
    seed = chapter.seed_text
    return pd.DataFrame([quote(seed, *unit_quote(seed, int(units.loc[i, "start"]),
                                                 int(units.loc[i, "end"])))
                         for i in ids.astype(int)], index=ids.index)


def by_units(chapter, legacy: pd.DataFrame, unit: str, values: list[str]) -> pd.DataFrame:
    """A legacy table of unit ids and values, anchored by its units, in text order."""
    anchors = unit_anchors(chapter, unit, legacy[f"{unit}_id"])
    out = pd.concat([anchors, legacy[values]], axis=1)
    return out.sort_values("start", kind="stable").reset_index(drop=True)


def sentiment_reader_a(chapter, legacy: Path) -> pd.DataFrame:
    """Reader A's 252 sentences, then the 80 of the completion (held out, batch 3)."""
    old = pd.read_csv(legacy / "sentiment_reader_a.csv", dtype=str, keep_default_na=False)
    sents = chapter.sentences.set_index("sentence_id")
    for rec in old.itertuples(index=False):  # the old file's own guard still holds
        sid = int(rec.sentence_id)
        assert (int(rec.start), int(rec.end), rec.text) == (
            sents.loc[sid, "start"], sents.loc[sid, "end"], sents.loc[sid, "text"]), sid
    more = pd.read_csv(legacy / "sentiment_reader_a_completion.csv", dtype=str,
                       keep_default_na=False).assign(split="heldout", batch="3")
    both = pd.concat([old, more], ignore_index=True)
    return by_units(chapter, both, "sentence", ["split", "batch", "score", "reason"])


def mentions_check(chapter, legacy: Path) -> pd.DataFrame:
    """The hand check of mentions: each mention by its name; a paragraph naming nobody by itself."""
    old = pd.read_csv(legacy / "mentions_check.csv", dtype=str, keep_default_na=False)
    seed = chapter.seed_text
    rows = []
    for rec in old.itertuples(index=False):
        if rec.person_id:
            start, end = int(rec.start), int(rec.end)
            assert seed[start:end] == rec.surface, (start, rec.surface)
            anchor = quote(seed, start, end)
        else:
            anchor = unit_anchors(chapter, "paragraph", pd.Series([rec.paragraph_id])).iloc[0]
        rows.append({**dict(anchor), "person_id": rec.person_id, "reason": rec.reason})
    return pd.DataFrame(rows)


def main(legacy: Path) -> None:
    """Write every anchored file from the legacy files in ``legacy``."""
    write(corrections(legacy), data_path("corrections.csv"))
    chapter = load_chapter()
    assert (len(chapter.paragraphs), len(chapter.sentences)) == (63, 339)
    folder = data_path("annotations")
    for name, (unit, values) in UNIT_FILES.items():
        old = pd.read_csv(legacy / name, dtype=str, keep_default_na=False)
        write(by_units(chapter, old, unit, values), folder / name)
    write(sentiment_reader_a(chapter, legacy), folder / "sentiment_reader_a.csv")
    write(mentions_check(chapter, legacy), folder / "mentions_check.csv")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "data" / "legacy")
