"""The export command: the public interface other tools use."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest

from analysis import cli
from analysis.cli import main
from analysis.datafiles import FILE_NAMES
from analysis.export import FILES, TABLES


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True,
                          text=True, check=False)


def test_export_writes_the_core_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "out")]) == 0
    out, err = capsys.readouterr()
    # the bundled chapter with its own files: no warning, no progress, the corrections in place
    assert err == "corrections: 30 of 30 anchored (0 moved)\n"
    assert out.split() == [str(tmp_path / "out" / name) for name in [*TABLES, *FILES]]
    paragraphs = pd.read_csv(tmp_path / "out" / "paragraphs.csv", encoding="utf-8")
    sentences = pd.read_csv(tmp_path / "out" / "sentences.csv", encoding="utf-8")
    corrections = pd.read_csv(tmp_path / "out" / "corrections.csv", encoding="utf-8",
                              keep_default_na=False)
    assert list(paragraphs.columns) == ["paragraph_id", "kind", "start", "end", "text"]
    assert list(sentences.columns) == ["sentence_id", "paragraph_id", "start", "end", "text",
                                       "hindsight", "hindsight_cue", "hindsight_later",
                                       "hindsight_annotation"]
    assert list(corrections.columns) == ["start", "end", "found", "replacement", "kind", "note"]
    assert (len(paragraphs), len(sentences)) == (63, 339)
    split = corrections[corrections["kind"] == "split word"]
    assert split[["found", "replacement"]].values.tolist() == [[" ", ""]]


def test_the_command_line_writes_what_the_function_writes(tmp_path: Path,
                                                         exported: dict[str, Path],
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    assert main(["export", str(tmp_path)]) == 0
    capsys.readouterr()
    for name, path in exported.items():
        assert (tmp_path / name).read_bytes() == path.read_bytes(), name


def test_export_of_another_text(tmp_path: Path) -> None:
    text = tmp_path / "other.txt"
    text.write_text("Title\n\nGorky frowned. The famine spread.\n", encoding="utf-8")
    result = run("export", str(tmp_path / "out"), "--text", str(text))
    assert result.returncode == 0, result.stderr
    sentences = pd.read_csv(tmp_path / "out" / "sentences.csv")
    assert sentences["text"].tolist() == ["Title", "Gorky frowned.", "The famine spread."]
    assert result.stdout.split() == [str(tmp_path / "out" / n) for n in [*TABLES, *FILES]]
    assert result.stderr.startswith(f"warning: {text} is not the bundled chapter")


def test_export_function_matches_the_registry(exported: dict[str, Path]) -> None:
    assert list(exported)[: len(TABLES)] == list(TABLES)
    assert list(exported) == [*TABLES, *FILES]
    assert all(path.is_file() and path.stat().st_size > 0 for path in exported.values())


def test_help_explains_the_command() -> None:
    result = run("export", "--help")
    assert result.returncode == 0
    assert "OUTDIR" in result.stdout and "--text" in result.stdout and "paragraphs.csv" in result.stdout


def test_help_names_what_the_export_writes_and_the_data_files_it_reads() -> None:
    assert cli.EXPORTED == ", ".join([*TABLES, *FILES])
    assert cli.DATA_FILES == ", ".join(FILE_NAMES.values())


def test_the_command_line_starts_without_the_heavy_libraries() -> None:
    code = ("import sys\nfrom analysis.cli import build_parser\n"
            "build_parser().parse_args(['export', 'out'])\n"
            "heavy = ('pandas', 'numpy', 'matplotlib', 'networkx', 'nltk', 'scipy', "
            "'vaderSentiment', 'frictionless')\n"
            "print(' '.join(m for m in heavy if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""


@pytest.mark.parametrize("args, message", [
    (["export", "OUT", "--text", "missing.txt"], "error: missing.txt: no such file"),
    (["export", "OUT", "--text", "."], "is a folder, not a file"),
])
def test_bad_input_gives_one_line_and_no_traceback(tmp_path: Path, args: list[str],
                                                   message: str) -> None:
    args = [str(tmp_path / a) if a == "OUT" else a for a in args]
    result = run(*args)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "OUT").exists()


def test_outdir_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("export", str(blocker), "--text", str(small_text(tmp_path)))
    assert result.returncode == 1 and "exists and is not a folder" in result.stderr
    assert "Traceback" not in result.stderr
    assert blocker.read_text() == "x"


@pytest.mark.parametrize("args", [[], ["export"], ["frobnicate"]])
def test_bad_arguments_exit_2_without_traceback(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "usage:" in result.stderr


def test_an_interrupt_exits_130_and_writes_nothing(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(results: object) -> pd.DataFrame:
        raise KeyboardInterrupt

    monkeypatch.setitem(TABLES, "sentiment.csv", interrupted)
    out = tmp_path / "out"
    out.mkdir()
    (out / "paragraphs.csv").write_text("old\n", encoding="utf-8")
    assert main(["export", str(out), "--text", str(small_text(tmp_path))]) == 130
    assert capsys.readouterr().err == "interrupted: nothing was written\n"
    assert sorted(p.name for p in out.iterdir()) == ["paragraphs.csv"]
    assert (out / "paragraphs.csv").read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_large_text_shows_a_progress_bar_on_a_terminal(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    monkeypatch.setattr(cli, "LARGE_TEXT", 10)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    threads = set(threading.enumerate())
    bar = cli._Progress(["the text", "paragraphs.csv"], large=True)
    started = set(threading.enumerate()) - threads  # the scorers fork: no thread of the bar's
    bar.close()
    assert bar.bar is not None and not started
    assert main(["export", str(tmp_path / "out"), "--text", str(small_text(tmp_path))]) == 0
    err = capsys.readouterr().err
    # tqdm redraws one line with \r: each step is named as it begins
    shown = [part for part in err.replace("\n", "\r").split("\r") if part.strip()]
    assert any(part.startswith("reading the text") for part in shown)
    for name in [*TABLES, *FILES]:
        assert any(part.startswith(f"writing {name}") for part in shown), name
    assert shown[-1].startswith("warning: ")  # the bar is gone, the lines after it stay


def test_no_progress_bar_when_stderr_is_no_terminal(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(cli, "LARGE_TEXT", 10)
    assert main(["export", str(tmp_path / "out"), "--text", str(small_text(tmp_path))]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err and "writing" not in err
    assert [line.split(":")[0] for line in err.splitlines()] == ["warning"]


def small_text(folder: Path) -> Path:
    text = folder / "small.txt"
    text.write_text("Title\n\nLenin spoke. The famine spread.\n", encoding="utf-8")
    return text
