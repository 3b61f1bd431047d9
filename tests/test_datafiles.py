"""Tests of analysis.datafiles: the one place that knows the data files, and the one door to them."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
import shutil
from dataclasses import fields
from pathlib import Path

import pytest

import analysis
from analysis import Chapter, DataFileError
from analysis.datafiles import (ANNOTATION_SETS, CHAPTER_SPECIFIC, CORPUS_FILE, FILE_NAMES,
                                SPAN_SETS, DataFiles, data_path, seed_path)
from analysis.results import Analyses

ROOT = Path(__file__).resolve().parents[1]
NAMES = sorted({*FILE_NAMES.values(), *(n for s in ANNOTATION_SETS.values() for n in s.values()),
                *SPAN_SETS.values(), CORPUS_FILE, seed_path().name})
#: The export writes files named like data files (people.csv, corrections.csv): where a module
#: names those, it names an output (a download, a table of the export, the help text), not an input.
OUTPUT_NAMES = {"people.csv", "corrections.csv", "chronology.csv"}


def test_every_kind_of_data_file_has_a_name_and_a_bundled_file() -> None:
    assert [f.name for f in fields(DataFiles)] == [*FILE_NAMES, "annotations"]
    for field, name in FILE_NAMES.items():
        assert DataFiles().path(field) == data_path(name)
        assert data_path(name).is_file(), name
    assert set(CHAPTER_SPECIFIC) <= set(FILE_NAMES)
    for kind, roles in ANNOTATION_SETS.items():
        assert data_path(f"annotations/{roles['reader_a']}").is_file(), kind


def test_no_module_or_page_but_datafiles_names_a_data_file() -> None:
    """ARCHITECTURE.md: the data files are named in one place, ``DataFiles``."""
    pattern = re.compile("|".join(re.escape(n) for n in NAMES))
    offenders = []
    for path in sorted((ROOT / "analysis").rglob("*.py")):
        if "datafiles" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        if re.search(r"\bdata_path\(|resources\.files\(\"analysis", re.sub(r"(>>>|\.\.\.) .*", "", source)):
            offenders.append(f"{path.relative_to(ROOT)}: finds a bundled file itself")
        code = "\n".join(line for line in source.splitlines()
                         if not line.lstrip().startswith((">>>", "...", "#")))
        code = re.sub(r'"""(.|\n)*?"""', "", code)      # docstrings describe, code names
        offenders += [f"{path.relative_to(ROOT)}: {m}" for m in set(pattern.findall(code))
                      if m not in OUTPUT_NAMES]
    for notebook in sorted((ROOT / "book").glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        offenders += [f"{notebook.name}: {m}" for m in set(pattern.findall(code))]
    assert offenders == []


def test_the_one_loader_with_a_default_is_load_chapter() -> None:
    """ARCHITECTURE.md: no loader falls back to a bundled file; ``load_chapter`` alone has a default."""
    with_default = []
    for info in pkgutil.walk_packages(analysis.__path__, "analysis."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if not name.startswith("load_") or function.__module__ != info.name:
                continue
            first = next(iter(inspect.signature(function).parameters.values()), None)
            if first is not None and first.default is not inspect.Parameter.empty:
                with_default.append(f"{info.name}.{name}")
    assert with_default == ["analysis.datafiles.files.load_chapter"]


def test_a_given_file_replaces_the_bundled_one(tmp_path: Path) -> None:
    mine = tmp_path / "themes.toml"
    files = DataFiles(themes=mine)
    assert files.path("themes") == mine
    assert files.path("people") == data_path("people.csv")


def test_the_loaders_are_the_bundled_tables(files: DataFiles, chapter: Chapter, lexicon,
                                            register, patch, known_names, episodes) -> None:
    assert files.lexicon().names == lexicon.names
    assert files.register().equals(register) and files.patch().equals(patch)
    assert files.known_names().equals(known_names)
    assert files.episodes_table(chapter).equals(episodes)
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


def test_the_bundled_chapter_has_every_annotation_set(files: DataFiles, chapter: Chapter) -> None:
    assert files.annotation_folder(chapter) == data_path("annotations")
    tone = files.readings("tone", chapter).reference()
    assert len(tone) == len(files.readings("tone", chapter).reader_b)  # every sentence scored
    assert tone["how"].value_counts().to_dict() == {"agreed": 254, "adjudicated": 65}
    for kind in ANNOTATION_SETS:
        assert files.absence(kind, chapter) is None
        assert not files.readings(kind, chapter).reference().empty


def test_another_text_has_no_annotation_and_says_why(tmp_path: Path) -> None:
    text = tmp_path / "other.txt"
    text.write_text("Title\n\nA short chapter of prose.\n", encoding="utf-8")
    results = Analyses.load(text)
    assert results.files.annotation_folder(results.chapter) is None
    assert results.tone_reference is None and results.reference_track is None
    assert results.missing["tone_reference"].startswith("no tone annotation for this text")
    assert results.episodes is None and "no episodes" in results.missing["episodes"]


def test_an_unknown_annotation_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "tone_reader_a.csv").write_text("x\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"tone_reader_a\.csv: not an annotation file name"):
        DataFiles.from_dir(tmp_path)


def test_a_copy_with_double_spaces_and_an_edited_row_keeps_what_anchors(
        tmp_path: Path, chapter: Chapter) -> None:
    """A copy of the bundled text is recognised by how its records anchor, not by its SHA-256;
    an annotation row that no longer anchors is dropped alone, and a note says so."""
    text = chapter.seed_text.replace(". ", ".  ")
    sentence = chapter.sentences.set_index("sentence_id").loc[7, "text"]
    text = text.replace(sentence, sentence.replace("Kronstadt", "Cronstadt"))
    copy = tmp_path / "copy.txt"
    copy.write_text(text, encoding="utf-8")
    results = Analyses.load(copy)
    assert results.chapter.bundled and len(results.chapter.corrections) >= 28
    assert len(results.chapter.paragraphs) == len(chapter.paragraphs)
    reference = results.tone_reference
    assert 315 <= len(reference) < 319
    assert any("sentiment_reader" in note and "not found" in note for note in results.notes)


def test_an_annotations_folder_of_one_reader_is_a_set_of_one_reader(
        tmp_path: Path, chapter: Chapter) -> None:
    shutil.copy(data_path("annotations/sentiment_reader_a.csv"), tmp_path)
    tone = DataFiles(annotations=tmp_path).readings("tone", chapter)
    assert tone.n_readers == 1 and set(tone.reference()["how"]) == {"one reader"}
