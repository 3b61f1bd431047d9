"""Bad input of every kind, through the command line: one clear line, and OUTDIR as it was.

Each case runs ``analysis.cli.main`` in this process (so that a writer can be made to fail)
and checks stderr: one line naming the problem (``error: ...``, exit 1; an interrupt exits
130), or a warning where the run can go on; and that the output folder is byte for byte as
it was, the files the export does not write included.
"""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path

import pandas as pd
import pytest

from analysis.export import folder
from analysis.cli import main
from analysis.datafiles import FILE_NAMES
from analysis.export import FILES, TABLES
from analysis.datafiles import data_path, seed_path

SMALL = "Title\n\nLenin spoke. The famine spread.\n"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of ``folder`` (and the hidden files beside it) with its bytes."""
    files = {p.name: p.read_bytes() for p in folder.iterdir()} if folder.exists() else {}
    beside = sorted(p.name for p in folder.parent.iterdir() if p.name.startswith("."))
    return {**files, "(beside)": "\n".join(beside).encode()}


@pytest.fixture()
def outdir(tmp_path: Path) -> Path:
    """An earlier export's folder: an old network.gexf, an old paragraphs.csv, a file of mine."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "network.gexf").write_text("<gexf>old</gexf>\n", encoding="utf-8")
    (out / "paragraphs.csv").write_text("old\n", encoding="utf-8")
    (out / "my notes.txt").write_text("mine\n", encoding="utf-8")
    return out


@pytest.fixture()
def text(tmp_path: Path) -> Path:
    path = tmp_path / "small.txt"
    path.write_text(SMALL, encoding="utf-8")
    return path


def one_line(capsys: pytest.CaptureFixture[str], args: list[str], status: int = 1) -> str:
    assert main(args) == status
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if not line.startswith("corrections: ")]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def data_folder(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    for name, content in files.items():
        (folder / name.replace("__", ".")).write_text(content, encoding="utf-8")
    return folder


# --- an export that fails leaves OUTDIR as it was ---------------------------------------------

@pytest.mark.parametrize("content, message", [
    ("", "people.csv: the file is empty (a CSV file needs at least its header row)"),
    (data_path("people.csv").read_text(encoding="utf-8").splitlines()[0] + "\n",
     "people.csv: holds no person, only its header row"),
])
def test_an_empty_register_is_one_line(tmp_path: Path, outdir: Path, text: Path, content: str,
                                       message: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(outdir)
    folder = data_folder(tmp_path, people__csv=content)
    line = one_line(capsys, ["export", str(outdir), "--text", str(text), "--data", str(folder)])
    assert line.startswith("error: ") and message in line
    assert snapshot(outdir) == before


def test_an_interrupt_changes_nothing(outdir: Path, text: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(_: object) -> pd.DataFrame:
        raise KeyboardInterrupt

    before = snapshot(outdir)
    monkeypatch.setitem(TABLES, "mentions.csv", interrupted)
    assert one_line(capsys, ["export", str(outdir), "--text", str(text)], 130) == \
        "interrupted: nothing was written"
    assert snapshot(outdir) == before


def test_an_interrupt_while_moving_puts_the_old_files_back(
        outdir: Path, text: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    real = os.replace
    calls: list[str] = []

    def interrupted(src: Path, dst: Path) -> None:
        calls.append(Path(dst).name)
        if len(calls) == 7:
            raise KeyboardInterrupt
        real(src, dst)

    before = snapshot(outdir)
    monkeypatch.setattr(folder.os, "replace", interrupted)
    assert main(["export", str(outdir), "--text", str(text)]) == 130
    monkeypatch.setattr(folder.os, "replace", real)
    assert snapshot(outdir) == before


def test_a_full_disk_changes_nothing(outdir: Path, text: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    def full(_: object, path: Path) -> None:
        Path(path).write_bytes(b"half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    before = snapshot(outdir)
    monkeypatch.setitem(FILES, "chapter.tei.xml", full)
    line = one_line(capsys, ["export", str(outdir), "--text", str(text)])
    assert line == (f"error: {outdir}: the export could not be written (No space left on "
                    "device); nothing was changed")
    assert snapshot(outdir) == before


def test_a_folder_that_cannot_be_written_changes_nothing(outdir: Path, text: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    real = os.replace

    def refused(src: Path, dst: Path) -> None:  # no entry of the folder can change
        if outdir in (Path(src).parent, Path(dst).parent):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        real(src, dst)

    before = snapshot(outdir)
    monkeypatch.setattr(folder.os, "replace", refused)
    line = one_line(capsys, ["export", str(outdir), "--text", str(text)])
    assert line == (f"error: {outdir}: the files could not be moved into place (Permission "
                    "denied); the folder is as it was")
    assert snapshot(outdir) == before


def test_a_second_export_into_the_same_folder_is_refused(outdir: Path, text: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    before = snapshot(outdir)
    lock = os.open(outdir, os.O_RDONLY)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        line = one_line(capsys, ["export", str(outdir), "--text", str(text)])
    finally:
        os.close(lock)
    assert line == (f"error: {outdir}: another export is writing into this folder; nothing "
                    "was changed")
    assert snapshot(outdir) == before


def test_two_exports_give_the_same_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                         ) -> None:
    assert main(["export", str(tmp_path / "a")]) == 0
    assert main(["export", str(tmp_path / "b")]) == 0
    capsys.readouterr()
    for name in [*TABLES, *FILES]:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert b"lastmodifieddate" not in (tmp_path / "a" / "network.gexf").read_bytes()


# --- other bad inputs --------------------------------------------------------------------------

@pytest.mark.parametrize("name", [n for n in FILE_NAMES.values() if n.endswith(".csv")])
def test_a_zero_byte_data_csv(tmp_path: Path, text: Path, name: str,
                              capsys: pytest.CaptureFixture[str]) -> None:
    folder = data_folder(tmp_path, **{name.replace(".", "__"): ""})
    line = one_line(capsys, ["export", str(tmp_path / "out"), "--text", str(text),
                             "--data", str(folder)])
    assert line == f"error: {folder / name}: the file is empty (a CSV file needs at least its " \
                   "header row)"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("make, message", [
    (lambda p: (os.symlink(p.parent / "loop", p), os.symlink(p, p.parent / "loop")),
     "is a loop of symbolic links"),
    (lambda p: p.mkdir(), "is a folder, not a file"),
    (lambda p: os.symlink(p.parent / "nowhere.csv", p), "is a symbolic link to a missing file"),
    (lambda p: os.mkfifo(p), "is a FIFO (named pipe), not a regular file"),
])
def test_a_corrections_file_that_is_no_file(tmp_path: Path, text: Path, make, message: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = data_folder(tmp_path, themes__toml=data_path("themes.toml").read_text("utf-8"))
    make(folder / "corrections.csv")
    line = one_line(capsys, ["export", str(tmp_path / "out"), "--text", str(text),
                             "--data", str(folder)])
    assert line == f"error: {folder / 'corrections.csv'}: {message}"


@pytest.mark.parametrize("path, message", [
    ("/dev/zero", "is a character device, not a regular file"),
    ("FIFO", "is a FIFO (named pipe), not a regular file"),
])
def test_a_text_that_is_no_file_never_hangs(tmp_path: Path, path: str, message: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    if path == "FIFO":
        path = str(tmp_path / "fifo")
        os.mkfifo(path)
    line = one_line(capsys, ["export", str(tmp_path / "out"), "--text", path])
    assert line == f"error: {path}: {message}"


def test_a_text_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     text: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from analysis.text import source

    monkeypatch.setattr(source, "MAX_BYTES", 10)
    line = one_line(capsys, ["export", str(tmp_path / "out"), "--text", str(text)])
    assert line.startswith(f"error: {text}: larger than 0 MiB")


THEMES = data_path("themes.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("themes, message", [
    (THEMES.replace("[nep]", "[start]"),
     "theme [start]: the key is also a column of the score tables"),
    (THEMES.replace('{ term = "Cheka", weight = 3', '{ term = "Cheka", weight = inf', 1),
     "term 'Cheka', key 'weight': inf is not a positive finite number"),
    (THEMES.replace('terms = [', 'terms = [\n  { term = "/(a+)+$/", weight = 1 },', 1),
     "[terror] key 'term': /(a+)+$/ nests a repeat inside a repeat (such as (a+)+), which can "
     "take exponential time"),
])
def test_a_bad_lexicon_is_one_line(tmp_path: Path, text: Path, themes: str, message: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert themes != THEMES
    folder = data_folder(tmp_path, themes__toml=themes)
    line = one_line(capsys, ["export", str(tmp_path / "out"), "--text", str(text),
                             "--data", str(folder)])
    assert line.startswith(f"error: {folder / 'themes.toml'}: line ") and message in line


def test_a_register_column_named_like_a_computed_one(tmp_path: Path, text: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    register = data_path("people.csv").read_text(encoding="utf-8").splitlines()
    rows = [register[0] + ",total"] + [r + ",1" for r in register[1:]]
    folder = data_folder(tmp_path, people__csv="\n".join(rows) + "\n")
    line = one_line(capsys, ["export", str(tmp_path / "out"), "--text", str(text),
                             "--data", str(folder)])
    assert "people.csv: row 1 (header): column 'total' is one the export computes" in line


def test_nul_bytes_are_a_warning_and_the_run_goes_on(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(SMALL.replace("Lenin", "Len\0in").encode("utf-8"))
    assert main(["export", str(tmp_path / "out"), "--text", str(path)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (f"warning: {path}: 1 NUL character (the first at character 10) are left "
                      "out of the analysis; was the file saved as UTF-16?")
    sentences = pd.read_csv(tmp_path / "out" / "sentences.csv")
    assert sentences["text"].tolist() == ["Title", "Lenin spoke.", "The famine spread."]


# --- what the command line says of the text --------------------------------------------------

def test_the_corrections_line_names_those_not_found(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    seed = seed_path().read_text(encoding="utf-8")
    path = tmp_path / "copy.txt"
    path.write_text(seed.replace("Producers", "Growers"), encoding="utf-8")
    assert main(["export", str(tmp_path / "out"), "--text", str(path)]) == 0
    err = capsys.readouterr().err.splitlines()
    i = seed.index("Producers")
    # the 16 corrections after the shorter word have moved by two characters
    assert err[0] == (f"corrections: 29 of 30 anchored (16 moved); not found: row 15 'Producers' "
                      f"(at {i})")
    # the readers' tone annotation quotes that sentence too: it is left out of the reference,
    # and a note for each reader says so
    assert [line.split(":")[0] for line in err[1:]] == ["note", "note"]
    assert "sentiment_reader_a.csv" in err[1] and "not found: row 180" in err[1]
    table = pd.read_csv(tmp_path / "out" / "sentiment.csv")
    assert table["sentiment"].notna().all()


def test_a_gutenberg_licence_is_noted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "pg.txt"
    body = "*** START OF THE PROJECT GUTENBERG EBOOK X ***\n\nTitle\n\nLenin spoke.\n\n"
    content = ("Licence.\n\n" + body + "*** END OF THE PROJECT GUTENBERG EBOOK X ***\nMore "
               "licence.\n")
    path.write_text(content, encoding="utf-8")
    assert main(["export", str(tmp_path / "out"), "--text", str(path)]) == 0
    err = capsys.readouterr().err.splitlines()
    head, foot = content.index(" ***\n\nTitle") + 4, content.index("*** END")
    assert err[:2] == [
        f"note: {path}: Project Gutenberg header (characters 0-{head}) is left out of the "
        "analysis",
        f"note: {path}: Project Gutenberg footer (characters {foot}-{len(content)}) is left out "
        "of the analysis"]
    assert pd.read_csv(tmp_path / "out" / "paragraphs.csv")["text"].tolist() == [
        "Title", "Lenin spoke."]
