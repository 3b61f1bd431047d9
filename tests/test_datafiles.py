"""Tests of analysis.datafiles: the one place that knows the bundled data files."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from analysis import Chapter, DataFileError
from analysis.datafiles import CHAPTER_SPECIFIC, FILE_NAMES, DataFiles
from analysis.text.source import data_path


def test_every_kind_of_data_file_has_a_name_and_a_bundled_file() -> None:
    assert [f.name for f in fields(DataFiles)] == list(FILE_NAMES)
    for field, name in FILE_NAMES.items():
        assert DataFiles().path(field) == data_path(name)
        assert data_path(name).is_file(), name
    assert set(CHAPTER_SPECIFIC) <= set(FILE_NAMES)


def test_a_given_file_replaces_the_bundled_one(tmp_path: Path) -> None:
    mine = tmp_path / "themes.toml"
    files = DataFiles(themes=mine)
    assert files.path("themes") == mine
    assert files.path("people") == data_path("people.csv")


def test_the_loaders_are_the_bundled_tables(files: DataFiles, chapter: Chapter, lexicon,
                                            register, patch, known_names, episodes) -> None:
    assert files.lexicon().names == lexicon.names
    assert files.register().equals(register) and files.patch().equals(patch)
    assert files.known_names().equals(known_names) and files.episodes_table().equals(episodes)
    assert files.chapter().text == chapter.text


def test_the_bundled_chapter_uses_no_fallback(files: DataFiles, chapter: Chapter,
                                              tmp_path: Path) -> None:
    assert files.fallbacks(chapter) == []
    other = tmp_path / "other.txt"
    other.write_text("Title\n\nA chapter of prose.\n", encoding="utf-8")
    assert files.fallbacks(files.chapter(other)) == [FILE_NAMES[f] for f in CHAPTER_SPECIFIC]
    assert DataFiles(people=tmp_path / "p.csv").fallbacks(files.chapter(other)) == [
        "themes.toml", "sentiment_lexicon_patch.csv"]


def test_a_missing_file_given_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"absent\.csv: no such file"):
        DataFiles(sentiment_lexicon_patch=tmp_path / "absent.csv").patch()
