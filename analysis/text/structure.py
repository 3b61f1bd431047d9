"""How the text is built: its provenance, paragraph and sentence statistics, notes, corrections.

Example:
    >>> paragraph_stats(chapter).groupby("kind")["n_words"].sum().to_dict()
    {'editorial': 368, 'narrative': 7253, 'title': 14}
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.text.chapter import Chapter

#: A line ending of each kind, Windows first so that its ``\\r`` is not counted twice.
_LINE_ENDINGS = {"CRLF": r"\r\n", "CR": r"\r(?!\n)", "LF": r"(?<!\r)\n"}
#: A line break with text on both sides — inside a paragraph, read as a space.
_INNER_BREAK = re.compile(r"[^\s](?:[ \t]*(?:\r\n?|\n))[ \t]*(?=[^\s])")


def line_endings(text: str) -> pd.Series:
    """How many line endings of each kind ``text`` holds: ``LF``, ``CRLF`` and ``CR``.

    Example:
        >>> line_endings("a\\r\\nb\\nc\\rd").to_dict()
        {'CRLF': 1, 'CR': 1, 'LF': 1}
    """
    return pd.Series({kind: len(re.findall(pattern, text))
                      for kind, pattern in _LINE_ENDINGS.items()}, dtype="int64")


def provenance(chapter: Chapter) -> pd.Series:
    """How the file was read, in one row: what it is and what reading it did.

    ``file`` (its name), ``sha256``, ``characters`` (as stored), ``line_endings``
    (the kinds it holds, most frequent first: ``LF``, ``CRLF``, ``CR``, or empty),
    ``byte_order_mark`` (whether it opens with one), ``inner_breaks`` (line breaks
    inside a paragraph, each read as a space: a hard-wrapped file has many),
    ``left_out`` (what the file holds that is not the text, ``"; "`` between
    them: a Project Gutenberg licence, a line of provenance; empty if nothing),
    ``left_out_characters``, and the corrections: ``corrections`` (offered),
    ``anchored`` (found in this copy), ``moved`` (found away from their position
    hint) and ``not_found``.

    Example:
        >>> row = provenance(chapter)
        >>> row["line_endings"], row["byte_order_mark"], row["left_out"], row["inner_breaks"]
        ('LF', False, '', 1)
        >>> row[["corrections", "anchored", "moved", "not_found"]].tolist()
        [30, 30, 0, 0]
    """
    text = chapter.seed_text
    ends = line_endings(text)
    ends = ends[ends > 0].sort_values(ascending=False, kind="stable")
    excluded = chapter.excluded
    report = chapter.anchoring
    offered = 0 if report is None else report.total
    return pd.Series({
        "file": chapter.source.path.name, "sha256": chapter.source.sha256,
        "characters": len(text), "line_endings": ", ".join(ends.index),
        "byte_order_mark": text.startswith("\ufeff"),
        "inner_breaks": len(_INNER_BREAK.findall(text)),
        "left_out": "; ".join(excluded["part"].astype(str)),
        "left_out_characters": int((excluded["end"] - excluded["start"]).sum()),
        "corrections": offered, "anchored": 0 if report is None else report.anchored,
        "moved": 0 if report is None else len(report.moved),
        "not_found": 0 if report is None else len(report.missing)}, dtype="object")


def paragraph_stats(chapter: Chapter) -> pd.DataFrame:
    """One row per paragraph: ``paragraph_id, kind, start, end, n_sentences, n_words, position``.

    ``position`` is the paragraph's middle as a fraction of the seed text (0 = start, 1 = end),
    the common axis of every "along the chapter" figure in the book.

    Example:
        >>> paragraph_stats(chapter).iloc[2][["paragraph_id", "n_sentences"]].astype(int).tolist()
        [3, 7]
    """
    paras = chapter.paragraphs
    n_sent = chapter.sentences.groupby("paragraph_id").size()
    n_words = chapter.words.groupby("paragraph_id").size()
    out = paras[["paragraph_id", "kind", "start", "end"]].copy()
    out["n_sentences"] = out["paragraph_id"].map(n_sent).fillna(0).astype(int)
    out["n_words"] = out["paragraph_id"].map(n_words).fillna(0).astype(int)
    out["position"] = (out["start"] + out["end"]) / 2 / len(chapter.seed_text)
    return out


def sentence_stats(chapter: Chapter) -> pd.DataFrame:
    """One row per sentence: ``sentence_id, paragraph_id, kind, start, end, n_words``.

    Example:
        >>> int(sentence_stats(chapter).query("kind == 'narrative'")["n_words"].max())
        70
    """
    kinds = chapter.paragraph_kind
    n_words = chapter.words.groupby("sentence_id").size()
    out = chapter.sentences[["sentence_id", "paragraph_id", "start", "end"]].copy()
    out.insert(2, "kind", out["paragraph_id"].map(kinds))
    out["n_words"] = out["sentence_id"].map(n_words).fillna(0).astype(int)
    return out


def kind_summary(chapter: Chapter) -> pd.DataFrame:
    """Paragraphs, sentences and words by paragraph kind, with a total row.

    Example:
        >>> int(kind_summary(chapter).loc["total", "paragraphs"])
        63
    """
    stats = paragraph_stats(chapter)
    table = stats.groupby("kind").agg(paragraphs=("paragraph_id", "size"),
                                      sentences=("n_sentences", "sum"),
                                      words=("n_words", "sum"))
    table = table.reindex([k for k in ("title", "narrative", "editorial") if k in table.index])
    table.loc["total"] = table.sum()
    return table.astype(int)


def editorial_notes(chapter: Chapter, width: int | None = 90) -> pd.DataFrame:
    """The editor's bracketed notes: ``paragraph_id, start, end, n_words, opening``.

    ``opening`` is the note's first ``width`` characters, for a listing (``None``:
    the whole note).

    Example:
        >>> editorial_notes(chapter).iloc[0]["opening"][:20]
        '[Paul Levi (1883-193'
    """
    stats = paragraph_stats(chapter).set_index("paragraph_id")
    notes = chapter.paragraphs[chapter.paragraphs["kind"] == "editorial"]
    out = notes[["paragraph_id", "start", "end"]].copy()
    out["n_words"] = out["paragraph_id"].map(stats["n_words"])
    out["opening"] = [t if width is None or len(t) <= width else t[: width - 1] + "…"
                      for t in notes["text"]]
    return out.reset_index(drop=True)


def corrections_in_context(chapter: Chapter, context: int = 30) -> pd.DataFrame:
    """The corrections table with each defect shown in its context, as stored and as established.

    Columns: ``start, end, paragraph_id, kind, as_stored, established, note``. Line breaks are
    shown as ``⏎`` so a mended page break stays visible.

    Example:
        >>> row = corrections_in_context(chapter).iloc[1]
        >>> row["as_stored"][25:41], row["established"][25:40]
        ('of 19 18 in Mosc', 'of 1918 in Mosc')
    """
    seed = chapter.seed_text
    paras = chapter.paragraphs
    rows = []
    for rec in chapter.corrections.itertuples(index=False):
        lo, hi = max(0, rec.start - context), min(len(seed), rec.end + context)
        para = paras[(paras["start"] <= rec.end) & (paras["end"] >= rec.start)]
        rows.append({
            "start": rec.start,
            "end": rec.end,
            "paragraph_id": int(para["paragraph_id"].iloc[0]) if len(para) else pd.NA,
            "kind": rec.kind,
            "as_stored": _visible(seed[lo:hi]),
            "established": _visible(seed[lo:rec.start] + rec.replacement + seed[rec.end:hi]),
            "note": rec.note,
        })
    return pd.DataFrame(rows, columns=["start", "end", "paragraph_id", "kind", "as_stored",
                                       "established", "note"])


def _visible(text: str) -> str:
    """Show line breaks as ⏎ so that they survive in a one-line table cell."""
    return text.replace("\r\n", "⏎").replace("\n", "⏎")


def along_chapter(chapter: Chapter, frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``position`` (and ``position_end``): ``start`` (``end``) as a fraction of the seed text.

    The common axis of the book's "along the chapter" figures.

    Example:
        >>> along_chapter(chapter, chapter.paragraphs)[["position", "position_end"]].iloc[-1].tolist()
        [0.95..., 1.0]
    """
    size = len(chapter.seed_text)
    out = frame.assign(position=frame["start"].to_numpy() / size)
    if "end" in frame.columns:
        out = out.assign(position_end=frame["end"].to_numpy() / size)
    return out
