"""Tests of the page The text (analysis.pages.text) and of the file's provenance (text.structure).

On the bundled chapter each number is checked against what it counts, read
from the files themselves (the seed's bytes, the corrections and abbreviations
files); on Russell's chapter (a Project Gutenberg cut with Windows line endings
and no corrections) and on a file with a Gutenberg header and footer and a
byte-order mark, every function works and the sections say what the text lacks.
"""

from __future__ import annotations

import hashlib
import math
import re
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import analysis.pages.text as page
from analysis import pages
from analysis.datafiles import DataFiles, data_path
from analysis.errors import SourceError
from analysis.results import Analyses
from analysis.text.structure import line_endings, provenance

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "serge-memoirs-ch4-excerpt.txt"
RUSSELL = ROOT / "seeds" / "russell-bolshevism-lenin-trotsky-gorky.txt"
RUSSELL_DATA = ROOT / "tests" / "data" / "russell"
GUTENBERG = ("\ufeffThe Project Gutenberg eBook of Something\r\n\r\n"
             "*** START OF THE PROJECT GUTENBERG EBOOK SOMETHING ***\r\n\r\nA TITLE\r\n\r\n"
             "He went to Moscow in 1920. The next year he\r\nleft for Berlin.\r\n\r\n"
             "*** END OF THE PROJECT GUTENBERG EBOOK SOMETHING ***\r\n\r\nLicence text here.\r\n")


@pytest.fixture(scope="module")
def values(results: Analyses) -> dict[str, object]:
    return page.numbers(results)


@pytest.fixture(scope="module")
def russell() -> Analyses:
    """Russell's chapter with its own data folder: no corrections, no episodes, no annotations."""
    if not RUSSELL.is_file() or not RUSSELL_DATA.is_dir():
        pytest.skip("Russell's chapter or its data folder is not there")
    return Analyses.load(RUSSELL, DataFiles.from_dir(RUSSELL_DATA))


@pytest.fixture(scope="module")
def gutenberg(tmp_path_factory: pytest.TempPathFactory) -> Analyses:
    path = tmp_path_factory.mktemp("gutenberg") / "something.txt"
    path.write_bytes(GUTENBERG.encode("utf-8"))
    return Analyses.load(path)


def test_the_file_is_the_seed_as_stored(values: dict[str, object]) -> None:
    data = SEED.read_bytes()
    assert values["text_file"] == SEED.name
    assert values["text_sha256"] == hashlib.sha256(data).hexdigest()
    assert values["text_sha"] == values["text_sha256"][:16]
    assert values["text_chars"] == len(data.decode("utf-8"))
    assert values["text_line_endings"] == "LF" and b"\r" not in data
    assert values["text_bom"] == "no" and values["text_left_out"] is None
    # one line break inside a block: the heading "from Chapter 4.\nOn Third Congress ..."
    assert values["text_inner_breaks"] == 1


def test_units_count_what_the_chapter_holds(results: Analyses, values: dict[str, object]) -> None:
    chapter = results.chapter
    kinds = chapter.paragraphs["kind"].value_counts()
    assert values["text_paragraphs"] == len(chapter.paragraphs) == 63
    assert (values["text_narrative_paragraphs"], values["text_notes"], values["text_titles"]) == (
        kinds["narrative"], kinds["editorial"], kinds["title"])
    assert values["text_sentences"] == len(chapter.sentences)
    assert values["text_words"] == len(chapter.words)
    note_words = int(chapter.words["paragraph_id"].map(chapter.paragraph_kind).eq("editorial").sum())
    assert values["text_note_words"] == note_words
    assert values["text_note_share"] == round(100 * note_words / len(chapter.words), 1)


def test_sentence_lengths_are_the_narration_s(results: Analyses, values: dict[str, object]) -> None:
    chapter = results.chapter
    narrative = chapter.sentences[chapter.sentences["paragraph_id"].map(chapter.paragraph_kind)
                                  == "narrative"]
    lengths = chapter.words.groupby("sentence_id").size().reindex(narrative["sentence_id"],
                                                                  fill_value=0)
    assert values["text_mean_sentence"] == round(float(lengths.mean()), 1)
    assert values["text_median_sentence"] == round(float(lengths.median()))
    assert values["text_longest_sentence"] == int(lengths.max()) == 70
    assert values["text_longest_sentence_id"] == int(lengths.idxmax())


def test_corrections_are_the_file_s_rows(values: dict[str, object]) -> None:
    rows = pd.read_csv(data_path("corrections.csv"), dtype=str, keep_default_na=False)
    assert values["text_corrections"] == values["text_corrections_offered"] == len(rows)
    assert values["text_corrections_anchored"] == len(rows)
    assert values["text_corrections_moved"] == values["text_corrections_not_found"] == 0
    assert values["text_correction_kinds"] == rows["kind"].nunique()


def test_abbreviations_are_the_file_s_lines_without_initials(values: dict[str, object]) -> None:
    lines = [line.strip() for line in data_path("abbreviations.txt").read_text().splitlines()]
    listed = {line.rstrip(".").lower() for line in lines if line and not line.startswith("#")}
    assert values["text_abbreviations"] == len({a for a in listed if len(a) > 1})


def test_no_number_is_printed_with_more_digits_than_the_prose(values: dict[str, object]) -> None:
    for key, value in values.items():
        if isinstance(value, float):
            assert value == round(value, 1), key
            assert not math.isnan(value), key


def test_tables_and_figures_of_the_bundled_chapter(results: Analyses) -> None:
    assert page.kinds_table(results).loc["total", "words"] == len(results.chapter.words)
    notes = page.notes_table(results)
    assert len(notes) == 9 and not notes["text"].str.endswith("…").any()
    assert notes["text"].str.startswith("[").all()
    assert page.corrections_by_kind(results)["corrections"].sum() == 30
    table = page.corrections_table(results)
    assert table.loc[1, "as_stored"].count("19 18") == 1 and "1918" in table.loc[1, "established"]
    both = page.stored_and_established(results, 31)
    assert "19 18" in both.loc["as stored", "text"] and "1918" in both.loc["established", "text"]
    first = page.stored_and_established(results)
    assert first.loc["as stored", "text"] != first.loc["established", "text"]
    for shown in (page.paragraphs_figure(results), page.sentences_figure(results)):
        figure = shown.figure
        words = " ".join([figure.axes[0].get_title(), figure.axes[0].get_xlabel(),
                          figure.axes[0].get_ylabel()])
        assert "Serge" not in words
        plt.close(figure)


def test_boundary_cases_keep_their_words_whole(results: Analyses) -> None:
    default = page.boundary_table(results)
    assert default["text"].str.contains(r"Dr\. N", regex=True).any()
    assert default["text"].str.contains("‘Do you think so?’ he said thoughtfully.", regex=False).any()
    given_pattern = page.boundary_table(results, r"I\.W\.W\.")
    assert given_pattern["text"].str.contains("I.W.W.", regex=False).all() and len(given_pattern)


def test_sections_of_the_bundled_chapter(results: Analyses) -> None:
    reading = page.reading_section(results).data
    assert "LF" in reading and "30 of 30 anchored" in reading and "nothing" in reading
    assert "30 corrections of 8 kinds" in page.corrections_section(results).data


def test_russell_has_windows_lines_and_no_corrections(russell: Analyses) -> None:
    values = page.numbers(russell)
    assert values["text_line_endings"] == "CRLF"
    assert values["text_inner_breaks"] > 100  # wrapped at about 70 columns
    assert values["text_corrections"] == values["text_corrections_offered"] == 0
    assert values["text_notes"] == 3
    assert values["text_title"] == russell.title == "III — LENIN, TROTSKY AND GORKY"  # its headings
    assert page.corrections_by_kind(russell) is None
    assert page.corrections_table(russell) is None
    assert page.stored_and_established(russell) is None
    assert "no corrections table" in page.corrections_section(russell).data
    assert "none for this text" in page.reading_section(russell).data
    assert len(page.notes_table(russell)) == 3
    plt.close("all")


def test_gutenberg_header_and_byte_order_mark_are_said(gutenberg: Analyses) -> None:
    values = page.numbers(gutenberg)
    assert values["text_bom"] == "yes"
    assert values["text_left_out"] == "Project Gutenberg header; Project Gutenberg footer"
    assert values["text_left_out_chars"] > 0
    reading = page.reading_section(gutenberg).data
    assert "byte-order mark opens the file" in reading and "Project Gutenberg header" in reading
    assert page.notes_table(gutenberg) is None


def test_a_missing_text_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(pages.TEXT, str(tmp_path / "nothing.txt"))
    pages.current.cache_clear()
    try:
        with pytest.raises(SourceError, match="no such file") as caught:
            page.numbers(pages.current())
        assert "\n" not in str(caught.value)
    finally:
        pages.current.cache_clear()


@given(st.text(alphabet="ab \r\n", max_size=60))
def test_line_endings_count_every_break_once(text: str) -> None:
    counts = line_endings(text)
    assert counts.sum() == len(re.findall(r"\r\n|\r|\n", text))
    assert counts["CRLF"] == text.count("\r\n")


def test_provenance_of_an_unwrapped_file(chapter) -> None:
    row = provenance(chapter)
    assert row["characters"] == len(chapter.seed_text) and row["left_out_characters"] == 0
