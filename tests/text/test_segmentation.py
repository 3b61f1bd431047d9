"""Paragraphs, sentences and tokens: known counts and the hard boundaries, by name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis import Chapter, DataFileError, load_chapter
from analysis.datafiles import DataFiles, data_path
from analysis.text.segment import load_abbreviations


def test_paragraph_counts_follow_the_blank_lines(chapter: Chapter) -> None:
    blocks = [b for b in re.split(r"\n\s*\n", chapter.seed_text) if b.strip()]
    notes = [b for b in blocks if b.startswith("[")]
    # One page break is mended, joining two blocks; the two heading blocks are titles.
    assert len(chapter.paragraphs) == len(blocks) - 1 == 63
    assert chapter.paragraphs["kind"].value_counts().to_dict() == {
        "narrative": 63 - len(notes) - 2, "editorial": len(notes), "title": 2}


def test_sentence_and_word_counts(chapter: Chapter) -> None:
    assert len(chapter.sentences) == 339
    assert len(chapter.words) == 7635
    assert chapter.sentences["sentence_id"].tolist() == list(range(1, 340))


def _sentence_with(chapter: Chapter, fragment: str) -> str:
    found = chapter.sentences[chapter.sentences["text"].str.contains(fragment, regex=False)]
    assert len(found) == 1, f"{fragment!r} is in {len(found)} sentences"
    return found["text"].iloc[0]


@pytest.mark.parametrize("sentence", [
    "Here too I met a Russian militant who had been in a British prison and was now home from "
    "Latin America: Dr. Alexandrov, I think.",
    "We decided to break this blockade; I went off to the village with Dr. N — , an old believer "
    "and Tolstoyan whose musical voice and benign solemnity would, we hoped, have some effect.",
    "And the N.E.P. was not nearly so dangerous as it looked from outside, because we still kept "
    "all the fullness of power.",
    "‘We are Christians too, little sister!’",
    "‘Do you think so?’ he said thoughtfully.",
    "‘What can I do now in this life?’ he asked me despondently one evening.",
    "For what did we fight, spill so much blood, agree to so many sacrifices? asked the Civil War "
    "veterans bitterly.",
    "And little girls made so bold as to come to see us in the evenings, when we would all sing "
    "French songs together....",
    "However, it could not last; in three months hunger and weariness forced us to abandon the "
    "project.",
    "Dzerzhinsky answered, ‘Are we entitled to make an exception of a poet and still shoot the "
    "others?’",
])
def test_hard_boundaries(chapter: Chapter, sentence: str) -> None:
    assert sentence in set(chapter.sentences["text"])


@pytest.mark.parametrize("fragment", [
    "St. Thomas’s Summa to justify his adherence",
    "organizer of the I.W.W., who had come to end his days",
    "[S. N. Prokopovich (1871-1955) and his wife",
    "With the coming of the N.E.P., the famine",
    "a lawyer named Bak",
])
def test_abbreviations_and_initials_do_not_end_sentences(chapter: Chapter, fragment: str) -> None:
    sentence = _sentence_with(chapter, fragment)
    assert not sentence.startswith(fragment.split()[-1])


def test_tokens_split_possessives_and_keep_abbreviations(chapter: Chapter) -> None:
    sid = int(chapter.find(r"Actually, Lenin’s polemic").loc[0, "sentence_id"])
    tokens = chapter.tokens.loc[chapter.tokens["sentence_id"] == sid, "token"].tolist()
    assert tokens[:6] == ["Actually", ",", "Lenin", "’s", "polemic", "marked"]
    assert "N.E.P." in set(chapter.tokens["token"])


def test_find_returns_seed_offsets_and_units(chapter: Chapter) -> None:
    hits = chapter.find(r"\b1918\b")   # only in the established text: the scan has '19 18'
    first = hits.iloc[0]
    assert chapter.seed_text[first.start:first.end] == "19 18"
    assert first.paragraph_id == 6
    assert len(chapter.find(r"\bKronstadt\b")) == chapter.seed_text.count("Kronstadt") == 6
    assert chapter.find(r"no such words here").empty


def test_abbreviations_are_data(tmp_path: Path) -> None:
    text = tmp_path / "admiral.txt"
    text.write_text("Title\n\nWe met Adm. Kolchak in Omsk. He was calm.\n", encoding="utf-8")
    assert load_chapter(text).sentences["text"].tolist() == [
        "Title", "We met Adm.", "Kolchak in Omsk.", "He was calm."]
    mine = tmp_path / "abbreviations.txt"
    mine.write_text("# my list\nAdm.\n", encoding="utf-8")
    assert load_chapter(text, DataFiles(abbreviations=mine)).sentences["text"].tolist() == [
        "Title", "We met Adm. Kolchak in Omsk.", "He was calm."]
    assert {"dr", "n.e.p", "i.w.w", "st"} <= load_abbreviations(data_path("abbreviations.txt"))


@pytest.mark.parametrize("content, message", [
    ("Dr.\nAdm\n", r"abbreviations\.txt: line 2: 'Adm' is not one abbreviation"),
    ("Dr. Mr.\n", r"abbreviations\.txt: line 1: 'Dr\. Mr\.' is not one abbreviation"),
])
def test_bad_abbreviation_list(tmp_path: Path, content: str, message: str) -> None:
    mine = tmp_path / "abbreviations.txt"
    mine.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_abbreviations(mine)
    with pytest.raises(DataFileError, match="no such file"):
        load_abbreviations(tmp_path / "missing.txt")
