"""Time expressions by rule: real values from the chapter, invariants, and another text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.text import Chapter
from analysis.text.chapter import read_chapter
from analysis.timeline import hindsight, narrated_years, time_expressions
from analysis.timeline.reference import story_year


@pytest.fixture(scope="module")
def found(chapter: Chapter) -> pd.DataFrame:
    return time_expressions(chapter)


def value_of(found: pd.DataFrame, text: str) -> list[tuple[str, str]]:
    return found.loc[found["text"] == text, ["type", "value"]].apply(tuple, axis=1).tolist()


@pytest.mark.parametrize(("text", "expected"), [
    ("1918", ("DATE", "1918")),                       # "19 18" in the file
    ("November 1920", ("DATE", "1920-11")),
    ("this summer of 1921", ("DATE", "1921-SU")),
    ("the beginning of the autumn of 1921", ("DATE", "1921-AU")),
    ("the previous year", ("DATE", "1920")),          # relative to 1921, beside "(1921)"
    ("eighteen months", ("DURATION", "P18M")),
    ("some ten years", ("DURATION", "P10Y")),
    ("the age of twenty-five", ("AGE", "P25Y")),
    ("just over forty", ("AGE", "P40Y")),
    ("fifteen years ago", ("DATE", "1906")),
    ("twelve years earlier", ("DATE", "1909")),
    ("early in 1953", ("DATE", "1953")),
    ("about 1938", ("DATE", "1938")),
    ("one week to the next", ("SET", "P1W")),
    ("much later", ("DATE", "1936")),
    ("the turn of the century", ("DATE", "1900")),
])
def test_real_values(found: pd.DataFrame, text: str, expected: tuple[str, str]) -> None:
    assert expected in value_of(found, text)


def test_split_year_is_read_through_the_correction(chapter: Chapter, found: pd.DataFrame) -> None:
    row = found[found["text"] == "1918"].iloc[0]
    assert chapter.seed_text[row.start:row.end] == "19 18"
    row = found[(found["text"] == "1921") & (found["paragraph_id"] == 7)].iloc[0]
    assert chapter.seed_text[row.start:row.end] == "192 1"


def test_now_is_the_time_of_writing_only_in_the_present(found: pd.DataFrame) -> None:
    now = found[found["text"].str.lower() == "now"]
    present = now[now["value"] == "PRESENT_REF"]
    assert set(present["paragraph_id"]) == {20, 53}        # "Even now ... he is", "up till now"
    assert (now.loc[now["paragraph_id"] == 51, "value"] == "1921").all()  # inside a quotation
    assert (now.loc[now["paragraph_id"] == 28, "value"] == "1936").all()  # "He was now", 1936


def test_no_false_friends(found: pd.DataFrame) -> None:
    texts = set(found["text"].str.lower())
    assert not texts & {"the winter", "21", "now and then", "the time to"}
    assert not (found["paragraph_id"] <= 2).any()          # the title lines are not read


def test_story_year_and_references(chapter: Chapter, found: pd.DataFrame) -> None:
    assert found.attrs["story_year"] == 1921
    years = narrated_years(chapter, found)
    assert set(years.dropna()) == {1921}


def test_offsets_cover_the_expression(chapter: Chapter, found: pd.DataFrame) -> None:
    for row in found.itertuples():
        assert chapter.established(row.start, row.end) == row.text
        sentence = chapter.sentences.set_index("sentence_id").loc[row.sentence_id]
        assert sentence.start <= row.start < row.end <= sentence.end
    assert not found.duplicated(["start", "end"]).any()
    spans = found.sort_values("start")
    assert (spans["start"].to_numpy()[1:] >= spans["end"].to_numpy()[:-1]).all()


def test_another_text_without_years_leaves_relative_times_unresolved(tmp_path: Path) -> None:
    text = tmp_path / "other.txt"
    text.write_text("A Title\n\nThe next day we left the city. Two years ago we had come in "
                    "the spring. Now I am writing this in the evening.\n", encoding="utf-8")
    chapter = read_chapter(text, abbreviations=frozenset())
    found = time_expressions(chapter)
    assert found.attrs["story_year"] is None
    assert value_of(found, "The next day") == [("DATE", "XXXX-XX-XX")]
    assert value_of(found, "Two years ago") == [("DATE", "PAST_REF")]
    assert set(found.loc[found["text"] == "Two years ago", "resolution"]) == {"unresolved"}
    assert value_of(found, "Now") == [("DATE", "PRESENT_REF")]
    marks = hindsight(chapter, found)
    assert len(marks) == 3 and bool(marks["hindsight"].iloc[-1])  # the time of writing


def test_a_given_reference_year_resolves(tmp_path: Path) -> None:
    text = tmp_path / "other.txt"
    text.write_text("T\n\nThe previous year had been hard for everyone in the town.\n",
                    encoding="utf-8")
    found = time_expressions(read_chapter(text, abbreviations=frozenset()), reference_year=1850)
    assert value_of(found, "The previous year") == [("DATE", "1849")]


def test_a_text_with_no_time_at_all(tmp_path: Path) -> None:
    text = tmp_path / "plain.txt"
    text.write_text("T\n\nLenin spoke. The famine spread across the land.\n", encoding="utf-8")
    chapter = read_chapter(text, abbreviations=frozenset())
    found = time_expressions(chapter)
    assert found.empty and list(found.columns)[:3] == ["start", "end", "text"]
    assert not hindsight(chapter, found)["hindsight"].any()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["In 1921 we met.", "That summer it rained.", "He was forty.",
                                 "Even now I remember.", "We waited for years.", "It was dawn.",
                                 "Nothing happened.", "On 18 March 1921 it began."]),
                min_size=1, max_size=8))
def test_every_span_is_text_of_the_file(tmp_path_factory: pytest.TempPathFactory,
                                        sentences: list[str]) -> None:
    path = tmp_path_factory.mktemp("t") / "t.txt"
    path.write_text("Title\n\n" + " ".join(sentences) + "\n", encoding="utf-8")
    chapter = read_chapter(path, abbreviations=frozenset())
    found = time_expressions(chapter)
    for row in found.itertuples():
        assert chapter.seed_text[row.start:row.end] == row.text
    assert story_year(pd.DataFrame({"year": [], "narrating": [], "sentence_id": []})) is None
