"""Tests of analysis.datafiles: the one place that knows the bundled data files."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from analysis import Chapter, DataFileError
from analysis.datafiles import CHAPTER_SPECIFIC, FILE_NAMES, TONE_FILES, DataFiles
from analysis.text.source import data_path


def test_every_kind_of_data_file_has_a_name_and_a_bundled_file() -> None:
    assert [f.name for f in fields(DataFiles)] == [*FILE_NAMES, "annotations"]
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


def test_the_bundled_chapter_has_its_tone_reference(files: DataFiles, chapter: Chapter) -> None:
    assert files.annotation_folder(chapter) == data_path("annotations")
    for name in TONE_FILES.values():
        assert data_path(f"annotations/{name}").is_file(), name
    reference = files.tone_reference(chapter)
    assert len(reference) == 319  # every sentence of the narration
    assert reference["how"].value_counts().to_dict() == {"agreed": 254, "adjudicated": 65}


def test_another_text_has_no_tone_reference(tmp_path: Path) -> None:
    text = tmp_path / "other.txt"
    text.write_text("Title\n\nA short chapter of prose.\n", encoding="utf-8")
    files = DataFiles()
    assert files.annotation_folder(files.chapter(text)) is None
    assert files.tone_reference(files.chapter(text)) is None


def test_an_annotations_folder_missing_a_file_is_named(tmp_path: Path, chapter: Chapter) -> None:
    (tmp_path / "sentiment_reader_a.csv").write_text("x\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"sentiment_reader_b.csv: no such file \(a tone "
                                            r"annotation needs"):
        DataFiles(annotations=tmp_path).tone_reference(chapter)
