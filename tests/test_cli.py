"""The export command: the public interface other tools use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import Chapter
from analysis.export import TABLES, export


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True,
                          text=True, check=False)


def test_export_writes_the_core_tables(tmp_path: Path) -> None:
    result = run("export", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    paragraphs = pd.read_csv(tmp_path / "out" / "paragraphs.csv", encoding="utf-8")
    sentences = pd.read_csv(tmp_path / "out" / "sentences.csv", encoding="utf-8")
    corrections = pd.read_csv(tmp_path / "out" / "corrections.csv", encoding="utf-8",
                              keep_default_na=False)
    assert list(paragraphs.columns) == ["paragraph_id", "kind", "start", "end", "text"]
    assert list(sentences.columns) == ["sentence_id", "paragraph_id", "start", "end", "text"]
    assert list(corrections.columns) == ["start", "end", "found", "replacement", "kind", "note"]
    assert (len(paragraphs), len(sentences)) == (63, 339)
    split = corrections[corrections["kind"] == "split word"]
    assert split[["found", "replacement"]].values.tolist() == [[" ", ""]]


def test_export_of_another_text(tmp_path: Path) -> None:
    text = tmp_path / "other.txt"
    text.write_text("Title\n\nGorky frowned. The famine spread.\n", encoding="utf-8")
    result = run("export", str(tmp_path / "out"), "--text", str(text))
    assert result.returncode == 0, result.stderr
    sentences = pd.read_csv(tmp_path / "out" / "sentences.csv")
    assert sentences["text"].tolist() == ["Title", "Gorky frowned.", "The famine spread."]


def test_export_function_matches_the_registry(chapter: Chapter, tmp_path: Path) -> None:
    written = export(chapter, tmp_path)
    assert [p.name for p in written][: len(TABLES)] == list(TABLES)


def test_help_explains_the_command() -> None:
    result = run("export", "--help")
    assert result.returncode == 0
    assert "OUTDIR" in result.stdout and "--text" in result.stdout and "paragraphs.csv" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["export", "OUT", "--text", "missing.txt"], "error: missing.txt: no such file"),
    (["export", "OUT", "--text", "."], "is a directory"),
])
def test_bad_input_gives_one_line_and_no_traceback(tmp_path: Path, args: list[str],
                                                   message: str) -> None:
    args = [str(tmp_path / a) if a == "OUT" else a for a in args]
    result = run(*args)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_outdir_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("export", str(blocker))
    assert result.returncode == 1 and "exists and is not a folder" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [[], ["export"], ["frobnicate"]])
def test_bad_arguments_exit_2_without_traceback(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "usage:" in result.stderr
