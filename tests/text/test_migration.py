"""The anchored files give exactly the records of the files they replaced (tools/migrate_anchors.py).

``tests/data/legacy`` keeps every record file as it was before anchoring: the
corrections by offsets, the annotations by ``sentence_id``/``paragraph_id`` of the
chapter as then segmented. Loaded from the anchored files, on the seed, every
record has the same span, the same unit and the same values; and a change of
segmentation no longer breaks the loaders.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import Chapter, load_chapter, people, sentiment, themes
from analysis.text import annotations
from analysis.text.source import data_path

LEGACY = Path(__file__).resolve().parents[1] / "data" / "legacy"


def legacy(name: str) -> pd.DataFrame:
    return pd.read_csv(LEGACY / name, dtype=str, keep_default_na=False)


def same(new: pd.DataFrame, old: pd.DataFrame, key: list[str], values: list[str]) -> None:
    """Every old row is a new row, with the same key and values, and nothing else is."""
    cols = key + values
    mine = new[cols].astype(str).sort_values(cols).reset_index(drop=True)
    theirs = old[cols].astype(str).sort_values(cols).reset_index(drop=True)
    pd.testing.assert_frame_equal(mine, theirs)


def test_corrections_are_exactly_todays(chapter: Chapter) -> None:
    old = legacy("corrections.csv")
    applied = chapter.corrections.astype(str)
    assert applied[["start", "end", "found", "replacement", "kind", "note"]].values.tolist() == \
        old[["start", "end", "found", "replacement", "kind", "note"]].values.tolist()
    assert str(chapter.anchoring) == "corrections: 30 of 30 anchored (0 moved)"


def test_themes_of_both_readers_are_exactly_todays(chapter: Chapter, lexicon) -> None:
    for reader in ("a", "b"):
        new = themes.load_annotation(chapter, data_path(f"annotations/themes_reader_{reader}.csv"),
                                     lexicon.names)
        same(new, legacy(f"themes_reader_{reader}.csv"), ["paragraph_id", "theme"],
             ["label", "reason"])
        spans = chapter.paragraphs.set_index("paragraph_id").loc[new["paragraph_id"]]
        assert new["start"].tolist() == spans["start"].tolist()
        assert new.attrs["anchoring"].moved == ()


def test_reader_a_tone_is_exactly_todays_plus_the_completion(chapter: Chapter) -> None:
    new = sentiment.load_annotations(chapter, data_path("annotations/sentiment_reader_a.csv"))
    old = legacy("sentiment_reader_a.csv")
    more = legacy("sentiment_reader_a_completion.csv").assign(split="heldout", batch="3")
    for col in ("start", "end", "text", "paragraph_id"):
        more[col] = more["sentence_id"].astype(int).map(
            chapter.sentences.set_index("sentence_id")[col]).astype(str)
    old["paragraph_id"] = old["sentence_id"].astype(int).map(
        chapter.sentences.set_index("sentence_id")["paragraph_id"]).astype(str)
    same(new, pd.concat([old, more]), ["sentence_id", "paragraph_id", "start", "end"],
         ["split", "batch", "score", "reason", "text"])
    assert len(new) == 332 and (new["batch"] == 3).sum() == 80


@pytest.mark.parametrize("name, load, values", [
    ("sentiment_reader_b.csv", annotations.load_tone, ["score", "reason"]),
    ("sentiment_adjudication.csv", annotations.load_tone_adjudication,
     ["score_a", "score_b", "adjudicated", "reason"]),
    ("emotions_check.csv", annotations.load_emotions,
     ["fear", "anger", "sadness", "trust", "reason"]),
])
def test_the_new_sentence_files_are_the_readers_own(chapter: Chapter, name: str, load,
                                                    values: list[str]) -> None:
    new = load(chapter, data_path(f"annotations/{name}"))
    same(new, legacy(name), ["sentence_id"], values)
    sents = chapter.sentences.set_index("sentence_id").loc[new["sentence_id"]]
    assert new["text"].tolist() == sents["text"].tolist()
    assert new["paragraph_id"].tolist() == sents["paragraph_id"].tolist()


def test_the_theme_adjudication_is_the_adjudicators_own(chapter: Chapter, lexicon) -> None:
    new = annotations.load_theme_adjudication(
        chapter, data_path("annotations/themes_adjudication.csv"), lexicon.names)
    same(new, legacy("themes_adjudication.csv"), ["paragraph_id", "theme"],
         ["label_a", "label_b", "adjudicated", "reason"])


def test_the_mention_check_is_exactly_todays(chapter: Chapter) -> None:
    new = people.load_check(chapter, data_path("annotations/mentions_check.csv"))
    old = legacy("mentions_check.csv")
    same(new.astype(object).where(new.notna(), ""), old, ["paragraph_id", "person_id", "start", "end"], ["surface", "reason"])


def test_a_change_of_segmentation_no_longer_breaks_the_loaders(tmp_path: Path, lexicon) -> None:
    # without "Dr." and "St." among the abbreviations, sentences split after them: ids shift
    mine = tmp_path / "abbreviations.txt"
    mine.write_text("N.E.P.\n", encoding="utf-8")
    other = load_chapter(abbreviations=mine)
    assert len(other.sentences) > 339
    path = data_path("annotations/sentiment_reader_a.csv")
    tone, today = sentiment.load_annotations(other, path), sentiment.load_annotations(load_chapter(),
                                                                                      path)
    assert tone[["score", "reason"]].values.tolist() == today[["score", "reason"]].values.tolist()
    # each row goes to the sentence its quote begins (the first half of a sentence now cut in
    # two after "St."): the same sentences, under their new numbers
    assert all(old.startswith(new) for new, old in zip(tone["text"], today["text"]))
    assert (tone["text"] != today["text"]).sum() >= 1
    assert (tone["sentence_id"] > today["sentence_id"]).sum() > 100
    ann = themes.load_annotation(other, data_path("annotations/themes_reader_a.csv"),
                                 lexicon.names)
    assert len(ann) == 156
