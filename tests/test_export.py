"""Tests of analysis.export: the registries, and an export that never leaves half a result."""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from analysis import AnalysisError, DataFileError
from analysis.export import folder
from analysis.export import FILES, TABLES, export
from analysis.results import Analyses

OLD = "old\n"


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    """An output folder holding an earlier paragraphs.csv and a file the export does not write."""
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "paragraphs.csv").write_text(OLD, encoding="utf-8")
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")
    return folder


def unchanged(folder: Path) -> bool:
    """The folder holds just what the ``out`` fixture put there, and nothing is left beside it."""
    names = sorted(p.name for p in folder.iterdir())
    staging = [p.name for p in folder.parent.iterdir() if p.name.startswith(".")]
    return (names == ["notes.txt", "paragraphs.csv"] and not staging
            and (folder / "paragraphs.csv").read_text(encoding="utf-8") == OLD)


def test_the_registries_build_from_the_analyses(results: Analyses) -> None:
    assert list(TABLES) == ["paragraphs.csv", "sentences.csv", "corrections.csv", "themes.csv",
                            "theme_hits.csv", "people.csv", "mentions.csv",
                            "unregistered_names.csv", "sentiment.csv", "time_expressions.csv",
                            "chronology.csv"]
    assert list(FILES) == ["network.gexf", "annotations.jsonld", "chapter.tei.xml",
                           "datapackage.json"]
    for name, build in TABLES.items():
        assert isinstance(build(results), pd.DataFrame), name


def test_a_success_replaces_the_files_and_keeps_the_others(results: Analyses, out: Path) -> None:
    written = export(results, out)
    assert [p.name for p in written] == [*TABLES, *FILES]
    assert (out / "paragraphs.csv").read_text(encoding="utf-8").startswith("paragraph_id,kind,")
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]


def test_csv_files_are_utf8_with_a_header_and_no_index(results: Analyses,
                                                       exported: dict[str, Path]) -> None:
    for name in TABLES:
        raw = exported[name].read_bytes()
        assert b"\r\n" not in raw, name
        header = raw.decode("utf-8").splitlines()[0].split(",")
        assert header == TABLES[name](results).columns.tolist(), name


def test_a_failing_table_leaves_the_folder_as_it_was(results: Analyses, out: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_: Analyses) -> pd.DataFrame:
        raise DataFileError("people.csv: row 2, column name: empty")

    monkeypatch.setitem(TABLES, "people.csv", broken)
    with pytest.raises(DataFileError, match="row 2, column name: empty"):
        export(results, out)
    assert unchanged(out)


def test_a_full_disk_is_one_error_and_changes_nothing(results: Analyses, out: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_: Analyses, path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(FILES, "network.gexf", full)
    with pytest.raises(AnalysisError) as err:
        export(results, out)
    assert str(err.value) == (f"{out}: the export could not be written (No space left on "
                              "device); nothing was changed")
    assert unchanged(out)


def test_a_failure_while_moving_puts_the_old_files_back(results: Analyses, out: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.replace
    moved: list[str] = []

    def failing(src: Path, dst: Path) -> None:
        if Path(dst).parent == out:
            moved.append(Path(dst).name)
            if len(moved) == 3:
                raise OSError(13, "Permission denied")
        real(src, dst)

    monkeypatch.setattr(folder.os, "replace", failing)
    with pytest.raises(AnalysisError, match="the files could not be moved into place "
                                            r"\(Permission denied\); the folder is as it was"):
        export(results, out)
    monkeypatch.setattr(folder.os, "replace", real)
    assert unchanged(out)


def test_another_export_into_the_same_folder_is_refused(results: Analyses, out: Path) -> None:
    lock = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with pytest.raises(AnalysisError, match="another export is writing into this folder"):
            export(results, out)
    finally:
        os.close(lock)
    assert unchanged(out)


def test_an_outdir_that_is_a_file(results: Analyses, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(AnalysisError, match="exists and is not a folder"):
        export(results, blocker)
    assert blocker.read_text(encoding="utf-8") == "x"


def test_the_folder_is_created(results: Analyses, tmp_path: Path) -> None:
    written = export(results, tmp_path / "new" / "deeper")
    assert all(p.is_file() for p in written)


def test_progress_is_one_line_per_file(results: Analyses, tmp_path: Path) -> None:
    lines: list[str] = []
    export(results, tmp_path, progress=lines.append)
    assert [line.split(" (")[0] for line in lines] == [*TABLES, *FILES]
    assert all(line.endswith(" s)") for line in lines)


def test_an_analysis_adds_its_files_to_the_registries(results: Analyses, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    tables, files = list(TABLES), list(FILES)
    monkeypatch.setitem(TABLES, "kinds.csv", lambda r: r.chapter.paragraphs[["kind"]])
    monkeypatch.setitem(FILES, "readme.txt", lambda r, path: path.write_text("hello\n"))
    names = [p.name for p in export(results, tmp_path)]
    assert names == [*tables, "kinds.csv", *files[:-1], "readme.txt", "datapackage.json"]
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"]: r for r in package["resources"]}
    assert described["kinds.csv"]["schema"]["fields"] == [{"name": "kind", "type": "string",
        "description": "a column of the data file it comes from"}]
    assert described["readme.txt"]["mediatype"] == "text/plain"
    assert pd.read_csv(tmp_path / "kinds.csv")["kind"].iloc[0] == "title"
    assert (tmp_path / "readme.txt").read_text() == "hello\n"
