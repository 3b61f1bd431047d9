"""``python -m analysis book``: bad input is one line, and OUTDIR holds one whole book.

The book's build itself is replaced here by a small tree of files (``fake_build``), so that
the all-or-nothing switch can be stopped before and after each of its renames quickly; one
test runs the real child process and stops the command with a signal while it works.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

import analysis.book as book
from analysis import AnalysisError
from analysis.book import cache
from analysis.cli import main
from analysis.export.folder import staging_name

ROOT = Path(__file__).resolve().parents[2]
SMALL = "Title\n\nLenin spoke. The famine spread.\n"

#: The book's built files (a tree, as Sphinx writes it) for the fake build.
NEW = {"index.html": "<p>new</p>", "_static/a.js": "new()", "book/intro.html": "<p>intro</p>",
       "book/img/x.png": "png"}
EARLIER = {"index.html": "<p>old</p>", "_static/a.js": "old()", "book/old.html": "<p>old</p>",
           "my notes.txt": "mine"}


def tree(out: Path) -> dict[str, str]:
    """Every file under ``out`` with its text, and the staging folders left beside it."""
    files = ({p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
              for p in sorted(out.rglob("*")) if p.is_file()} if out.is_dir() else {})
    beside = sorted(p.name for p in out.parent.iterdir() if staging_name(out).fullmatch(p.name))
    return {**files, "(beside)": "\n".join(beside)}


def lay(out: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every build's cache in the test's folder, never the user's."""
    monkeypatch.setenv(cache.XDG, str(tmp_path / "xdg"))
    return tmp_path / "xdg"


@pytest.fixture()
def fake_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """The child process replaced by one that writes :data:`NEW` as the built book."""
    def run(held: Path, text: object, data: object, title: object, check: object) -> None:
        if check is not None:
            check()
        lay(held / "project" / "_build" / "html", NEW)
        (held / "notes").write_text("note: a line of the analyses\n", encoding="utf-8")

    monkeypatch.setattr(book, "_run", run)


@pytest.fixture()
def text(tmp_path: Path) -> Path:
    path = tmp_path / "small.txt"
    path.write_text(SMALL, encoding="utf-8")
    return path


def one_line(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    assert main(args) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err, captured.err
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    return lines[0]


# --- bad input: one line, nothing written ----------------------------------------------------

def test_a_missing_text_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    own_cache: Path) -> None:
    out = tmp_path / "out"
    line = one_line(capsys, ["book", str(out), "--text", str(tmp_path / "no-such.txt")])
    assert line.startswith(f"error: {tmp_path / 'no-such.txt'}: ")
    assert not out.exists() and not _workers(own_cache)


def test_a_latin1_text_is_one_line_with_the_command_that_converts_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latin1 = tmp_path / "russell-8.txt"
    latin1.write_bytes("Title\n\nGorky spoke in a café.\n".encode("latin-1"))
    line = one_line(capsys, ["book", str(tmp_path / "out"), "--text", str(latin1)])
    assert "not UTF-8 text (undecodable byte 0xe9" in line and "iconv -f latin1 -t utf-8" in line


def test_a_malformed_data_file_is_one_line_naming_it(tmp_path: Path, text: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "themes.toml").write_text("[exile]\nlabel = 'Exile'\nterms = [\n", encoding="utf-8")
    line = one_line(capsys, ["book", str(tmp_path / "out"), "--text", str(text),
                             "--data", str(data)])
    assert line.startswith(f"error: {data / 'themes.toml'}")


def test_an_outdir_that_is_a_file_is_one_line_at_once(tmp_path: Path, text: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.write_text("mine\n", encoding="utf-8")
    begin = time.perf_counter()
    assert one_line(capsys, ["book", str(out), "--text", str(text)]) == (
        f"error: {out}: exists and is not a folder")
    assert time.perf_counter() - begin < 5 and out.read_text(encoding="utf-8") == "mine\n"


def test_the_child_s_error_is_the_library_s_one_line(tmp_path: Path) -> None:
    # Without the command line's checks, the child process finds the problem and says it.
    out = tmp_path / "out"
    with pytest.raises(AnalysisError) as err:
        book.build_book(out, tmp_path / "no-such.txt")
    assert str(err.value).startswith(f"{tmp_path / 'no-such.txt'}: ")
    assert "\n" not in str(err.value) and not out.exists()


# --- all or nothing --------------------------------------------------------------------------

def test_a_book_is_written_whole_beside_the_files_it_does_not_write(
        tmp_path: Path, text: Path, fake_build: None, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    lay(out, EARLIER)
    assert main(["book", str(out), "--text", str(text)]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"{out / 'index.html'}\n"
    assert "note: a line of the analyses" in captured.err
    # Each entry of the built book replaces the earlier one whole (book/old.html goes with
    # book/); my file stays.
    assert tree(out) == {**NEW, "my notes.txt": "mine", "(beside)": ""}


def renames_of_a_build(tmp_path: Path, text: Path,
                       renames: Callable[..., AbstractContextManager[list[str]]]) -> int:
    out = tmp_path / "count"
    lay(out, EARLIER)
    with renames() as calls:
        book.build_book(out, text, say=lambda line: None)
    return len(calls)


@pytest.mark.parametrize("stop", [KeyboardInterrupt(), OSError(errno.EIO, os.strerror(errno.EIO))],
                         ids=["interrupt", "io-error"])
def test_a_stop_before_or_after_any_rename_leaves_the_earlier_book(
        tmp_path: Path, text: Path, fake_build: None,
        renames: Callable[..., AbstractContextManager[list[str]]], stop: BaseException) -> None:
    steps = renames_of_a_build(tmp_path, text, renames)
    assert steps == 1 + 2 * 3  # the journal, then index.html, _static/ and book/ out and in
    out = tmp_path / "out"
    for step in range(1, steps + 1):
        for when in ("before", "after"):
            if out.exists():
                shutil.rmtree(out)
            lay(out, EARLIER)
            earlier = tree(out)
            with renames(step, when, stop), pytest.raises((type(stop), AnalysisError)):
                book.build_book(out, text, say=lambda line: None)
            assert tree(out) == earlier, f"stopped {when} rename {step}"


def _workers(cache_root: Path) -> list[int]:
    """The book's child processes working in a cache folder under ``cache_root``."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            command = (proc / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if "analysis.book.worker" in command and str(cache_root) in command:
            found.append(int(proc.name))
    return found


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_while_the_book_is_built_stops_it_all_and_leaves_the_earlier_book(
        tmp_path: Path, text: Path, own_cache: Path, sig: int) -> None:
    out = tmp_path / "out"
    lay(out, EARLIER)
    earlier = tree(out)
    env = {**os.environ, cache.XDG: str(own_cache)}
    child = subprocess.Popen([sys.executable, "-m", "analysis", "book", str(out), "--text",
                              str(text)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not _workers(own_cache) and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.05)
    assert _workers(own_cache), "the child process never started"
    time.sleep(0.5)
    child.send_signal(sig)
    stdout, stderr = child.communicate(timeout=60)
    assert child.returncode == 128 + sig, stderr
    assert stderr.splitlines()[-1] == "interrupted: nothing was written" and "Traceback" not in stderr
    assert stdout == "" and tree(out) == earlier
    deadline = time.monotonic() + 15
    while _workers(own_cache) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _workers(own_cache), "the child process was left running"
