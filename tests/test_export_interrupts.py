"""The export's all-or-nothing promise under interrupts, tested the way it once failed.

The switch of the new files into OUTDIR is a series of renames. Each test slows
or breaks the renames (``os.replace`` patched) and stops the export at every step
of the switch, before and after each rename, by every means: an exception raised
in this process (as Ctrl-C raises one), a real SIGINT, SIGTERM or SIGHUP sent to
a child process running the command line, and SIGKILL followed by the next
export. After each, OUTDIR must hold one complete set of files, the earlier or
the new one, with the line saying which, and nothing may be left beside it.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from analysis import AnalysisError
from analysis.cli import main
from analysis.datafiles import DataFiles
from analysis.export import export, folder, names, prepare
from analysis.export.folder import Interrupted, staging_name
from analysis.results import Analyses

ROOT = Path(__file__).resolve().parent.parent
EARLIER = "Title\n\nTrotsky spoke. The famine spread.\n"
TEXT = "Title\n\nLenin spoke. The famine spread.\n"


def snapshot(out: Path) -> dict[str, bytes]:
    """Every file of ``out`` with its bytes, and the names of what lies hidden beside it."""
    files = {p.name: p.read_bytes() for p in sorted(out.iterdir())} if out.is_dir() else {}
    beside = sorted(p.name for p in out.parent.iterdir() if staging_name(out).fullmatch(p.name))
    return {**files, "(beside)": "\n".join(beside).encode()}


def consistent(out: Path) -> bool:
    """Every file ``datapackage.json`` lists has the SHA-256 it gives."""
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    return all(f"sha256:{hashlib.sha256((out / r['path']).read_bytes()).hexdigest()}" == r["hash"]
               for r in package["resources"])


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The new text and its analyses, and an earlier export (of another text) with a file of mine."""
    base = tmp_path_factory.mktemp("texts")
    texts = {}
    for label, content in (("earlier", EARLIER), ("new", TEXT)):
        texts[label] = base / f"{label}.txt"
        texts[label].write_text(content, encoding="utf-8")
    out = base / "earlier" / "out"
    out.parent.mkdir()
    export(Analyses(DataFiles().chapter(texts["earlier"])), out)
    (out / "my notes.txt").write_text("mine\n", encoding="utf-8")
    assert consistent(out)
    return {"results": Analyses(DataFiles().chapter(texts["new"]), DataFiles()),
            "text": texts["new"], "earlier": snapshot(out)}


@pytest.fixture()
def sets(prepared: dict[str, object], tmp_path: Path) -> dict[str, object]:
    """:func:`prepared` with ``new``, the new export as it is when written into ``tmp_path/out``
    over the earlier one (the data package gives the text's path from the folder)."""
    out = earlier_into(tmp_path, prepared)
    export(prepared["results"], out)
    new = snapshot(out)
    shutil.rmtree(out)
    assert new != prepared["earlier"] and new["my notes.txt"] == b"mine\n"
    return {**prepared, "new": new}


def earlier_into(tmp: Path, sets: dict[str, object]) -> Path:
    """A fresh OUTDIR ``tmp/out`` holding the earlier export (and my file)."""
    out = tmp / "out"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name, data in sets["earlier"].items():
        if name != "(beside)":
            (out / name).write_bytes(data)
    return out


def renames_of_a_switch(tmp: Path, sets: dict[str, object],
                        renames: Callable[..., AbstractContextManager[list[str]]]) -> int:
    """How many renames a switch into a folder holding an earlier export takes."""
    out = earlier_into(tmp, sets)
    with renames() as calls:
        export(sets["results"], out)
    return len(calls)


# --- in this process: an exception at every step -----------------------------------------

@pytest.mark.parametrize("stop", [KeyboardInterrupt(), OSError(errno.EIO, os.strerror(errno.EIO))],
                         ids=["interrupt", "io-error"])
@pytest.mark.parametrize("when", ["before", "after"])
def test_a_stop_at_every_rename_leaves_the_earlier_files(
        tmp_path: Path, sets: dict[str, object],
        renames: Callable[..., AbstractContextManager[list[str]]], stop: BaseException,
        when: str) -> None:
    steps = renames_of_a_switch(tmp_path, sets, renames)
    assert steps == 1 + 2 * len(names())  # the journal, then each file out and in
    for step in range(1, steps + 1):
        out = earlier_into(tmp_path, sets)
        with renames(step, when, stop), pytest.raises((type(stop), AnalysisError)):
            export(sets["results"], out)
        assert snapshot(out) == sets["earlier"], f"stopped {when} rename {step}"


def test_a_new_folder_is_one_rename(tmp_path: Path, sets: dict[str, object],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    renamed: list[tuple[str, str]] = []
    real = os.rename
    monkeypatch.setattr(folder.os, "rename", lambda a, b: (renamed.append((a, b)), real(a, b)))
    out = tmp_path / "new"
    export(sets["results"], out)
    assert [Path(b) for _, b in renamed] == [out]
    assert sorted(p.name for p in out.iterdir()) == sorted(names()) and consistent(out)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert oct(out.stat().st_mode & 0o777) == oct(0o777 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_roll_back_that_fails_is_finished_by_the_next_export(
        tmp_path: Path, sets: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    out = earlier_into(tmp_path, sets)
    real = os.replace
    calls: list[str] = []

    def broken(src: object, dst: object) -> None:  # the 6th rename fails, and so does the undo
        calls.append(str(dst))
        if len(calls) >= 6:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real(src, dst)

    monkeypatch.setattr(folder.os, "replace", broken)
    with pytest.raises(AnalysisError, match="nor all put back .*the next export into it puts "
                                            "them back from .out.export-"):
        export(sets["results"], out)
    monkeypatch.setattr(folder.os, "replace", real)
    assert snapshot(out) != sets["earlier"]  # mixed, for now; the journal is kept beside it
    lines: list[str] = []
    prepare(out, lines.append)
    assert snapshot(out) == sets["earlier"]
    assert len(lines) == 1 and lines[0].startswith(f"note: {out}: an earlier export was stopped "
                                                   "while moving its files in; its steps were "
                                                   "undone")


def test_a_staging_folder_left_while_writing_is_removed_with_a_line(
        tmp_path: Path, sets: dict[str, object], capsys: pytest.CaptureFixture[str]) -> None:
    out = earlier_into(tmp_path, sets)
    left = tmp_path / ".out.export-abcd1234"
    left.mkdir()
    (left / "paragraphs.csv").write_text("half\n", encoding="utf-8")
    assert main(["export", str(out), "--text", str(sets["text"])]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (f"note: {out}: removed .out.export-abcd1234 beside it, left by an earlier "
                      "export that stopped before moving its files in")
    assert snapshot(out) == sets["new"]


def test_a_staging_folder_in_use_is_left_alone(tmp_path: Path, sets: dict[str, object]) -> None:
    import fcntl

    out = earlier_into(tmp_path, sets)
    busy = tmp_path / ".out.export-busy0000"
    busy.mkdir()
    lock = os.open(busy, os.O_RDONLY)
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        lines: list[str] = []
        prepare(out, lines.append)
        assert busy.is_dir() and lines == []
    finally:
        os.close(lock)


# --- in a child process: real signals at every step ---------------------------------------

CHILD = textwrap.dedent("""
    import os, signal, sys, time
    from analysis import cli
    from analysis.datafiles import DataFiles
    from analysis.export import export
    from analysis.export.folder import signals_interrupt
    from analysis.results import Analyses

    out, text, delay, command = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
    real = os.replace

    def slowed(src, dst):  # each rename of the switch (not of its undoing) is slowed down
        forward = getattr(signal.getsignal(signal.SIGINT), "__name__", "") == "stop"
        if forward:
            print(f"@@before {os.path.basename(dst)}", flush=True)
            time.sleep(delay)
        real(src, dst)
        if forward:
            print(f"@@after {os.path.basename(dst)}", flush=True)
            time.sleep(delay)

    os.replace = slowed
    results = Analyses(DataFiles().chapter(text))
    for _ in sys.stdin:
        if command == "cli":  # the command line, whole
            status = cli.main(["export", out, "--text", text])
        else:  # the export, its signals handled as the command line handles them
            with signals_interrupt():
                try:
                    export(results, out)
                    status = 0
                except KeyboardInterrupt as exc:
                    written = getattr(exc, "written", False)
                    print("interrupted: the export was complete; " + out + " holds the new files"
                          if written else "interrupted: nothing was written", flush=True)
                    status = 128 + getattr(exc, "signum", 2)
        print(f"@@status {status}", flush=True)
""")


class Child:
    """A child process making one export each time it is told to, its renames slowed down.

    ``command``: ``cli`` runs ``python -m analysis export`` (``cli.main``) each time;
    ``export`` reuses the analyses and runs :func:`analysis.export.export` under the
    command line's signal handlers (faster, for the many runs of a test of every step).
    """

    def __init__(self, out: Path, text: Path, command: str = "export",
                 delay: float = 0.01) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(out), str(text), str(delay), command], cwd=ROOT,
            env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True)

    def run(self, at: int | None = None, sig: int = signal.SIGINT) -> tuple[int | None,
                                                                                 list[str]]:
        """One export; ``sig`` sent at its ``at``-th slowed step. Its status and its lines."""
        self.process.stdin.write("go\n")
        self.process.stdin.flush()
        lines, steps = [], 0
        for line in self.process.stdout:
            line = line.rstrip("\n")
            if line.startswith("@@before") or line.startswith("@@after"):
                steps += 1
                if steps == at:
                    self.process.send_signal(sig)
                continue
            if line.startswith("@@status"):
                return int(line.split()[1]), lines
            lines.append(line)
        return None, lines  # the child died

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


def check_one_set(out: Path, lines: list[str], status: int | None, sig: int,
                  sets: dict[str, object], at: int) -> None:
    """After an interrupted export: its status, its line, and one complete set in ``out``."""
    assert status == 128 + sig, (at, lines)
    said = [line for line in lines if line.startswith("interrupted")]
    assert len(said) == 1 and "Traceback" not in "\n".join(lines), (at, lines)
    if said[0] == "interrupted: nothing was written":
        assert snapshot(out) == sets["earlier"], at
    else:
        assert said[0] == f"interrupted: the export was complete; {out} holds the new files"
        assert snapshot(out) == sets["new"], at


#: The signals that stop an export, sent in turn at the steps of the switch.
STOPS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def test_a_signal_at_every_step_leaves_one_complete_set(tmp_path: Path,
                                                        sets: dict[str, object]) -> None:
    out = earlier_into(tmp_path, sets)
    child = Child(out, sets["text"])
    try:
        steps = 2 * (1 + 2 * len(names()))  # before and after each rename
        for at in range(1, steps + 1):
            earlier_into(tmp_path, sets)
            sig = STOPS[at % len(STOPS)]
            status, lines = child.run(at, sig)
            check_one_set(out, lines, status, sig, sets, at)
        earlier_into(tmp_path, sets)
        status, lines = child.run()  # and left alone, it writes the new set
        assert status == 0 and snapshot(out) == sets["new"], lines
    finally:
        child.close()


@pytest.mark.parametrize("at, sig", [(2, signal.SIGINT), (27, signal.SIGTERM),
                                     (54, signal.SIGHUP)])
def test_the_command_says_what_a_signal_left(tmp_path: Path, sets: dict[str, object], at: int,
                                             sig: int) -> None:
    out = earlier_into(tmp_path, sets)
    child = Child(out, sets["text"], command="cli")
    try:
        status, lines = child.run(at, sig)
        check_one_set(out, lines, status, sig, sets, at)
    finally:
        child.close()


STRACE = shutil.which("strace")


@pytest.mark.skipif(STRACE is None, reason="strace is not installed (apt-get install strace)")
@pytest.mark.parametrize("sig, after", [(signal.SIGINT, 0.45), (signal.SIGTERM, 2.05)],
                         ids=["sigint", "sigterm"])
def test_python_m_analysis_with_every_rename_slowed_by_strace(
        tmp_path: Path, sets: dict[str, object], sig: int, after: float) -> None:
    """The command as a user runs it, each rename system call delayed by 0.1 s (strace),
    stopped ``after`` seconds into the switch: OUTDIR keeps its earlier files."""
    out = earlier_into(tmp_path, sets)
    renames = "rename,renameat,renameat2"
    process = subprocess.Popen(
        [STRACE, "-f", "--seccomp-bpf", "-o", os.devnull, "-e", f"trace={renames}", "-e",
         f"inject={renames}:delay_enter=100000", sys.executable, "-m", "analysis", "export",
         str(out), "--text", str(sets["text"])],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".out.export-*/journal.json")):  # the switch has begun
        if process.poll() is not None:
            pytest.skip(f"strace cannot trace here: {process.stderr.read()[:200]}")
        assert time.monotonic() < deadline, "the switch never began"
        time.sleep(0.005)
    time.sleep(after)
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
    os.kill(int(children[0]), sig)  # the command itself, not strace
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + sig, stderr
    assert stderr.splitlines() == ["interrupted: nothing was written"] and stdout == ""
    assert snapshot(out) == sets["earlier"]


@pytest.mark.parametrize("at", [1, 4, 54])
def test_sigkill_during_the_switch_is_undone_by_the_next_export(
        tmp_path: Path, sets: dict[str, object], at: int,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = earlier_into(tmp_path, sets)
    child = Child(out, sets["text"], command="cli")
    status, lines = child.run(at, signal.SIGKILL)
    child.process.wait(timeout=30)
    assert status is None and snapshot(out)["(beside)"]  # its staging folder is left
    lines = []
    prepare(out, lines.append)  # what the next export does first
    assert snapshot(out) == sets["earlier"]
    undone = "an earlier export was stopped while moving its files in; its steps were undone"
    assert len(lines) == 1 and (undone in lines[0]) == (at > 1), lines
    assert main(["export", str(out), "--text", str(sets["text"])]) == 0
    assert snapshot(out) == sets["new"] and consistent(out)


def test_sigterm_while_writing_leaves_no_staging_folder(tmp_path: Path,
                                                        sets: dict[str, object]) -> None:
    out = earlier_into(tmp_path, sets)
    code = textwrap.dedent("""
        import sys, time
        from analysis import cli, export
        real = export.write_csv
        def slow(*args, **kwargs):
            print("@@writing", flush=True)
            time.sleep(0.5)
            real(*args, **kwargs)
        export.write_csv = slow
        sys.exit(cli.main(["export", sys.argv[1], "--text", sys.argv[2]]))
    """)
    child = subprocess.Popen([sys.executable, "-c", code, str(out), str(sets["text"])], cwd=ROOT,
                             env={**os.environ, "PYTHONUNBUFFERED": "1"}, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    lines = []
    for line in child.stdout:
        lines.append(line)
        if line.startswith("@@writing") and sum(x.startswith("@@") for x in lines) == 3:
            child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=30) == 128 + signal.SIGTERM
    assert "interrupted: nothing was written\n" in lines and "Traceback" not in "".join(lines)
    assert snapshot(out) == sets["earlier"]


# --- while the command starts -----------------------------------------------------------------

def test_an_interrupt_while_the_command_starts_is_quiet(tmp_path: Path) -> None:
    # as ``python -m analysis`` runs it: the package is imported while argv[0] is "-m"
    code = ("import os, signal, sys, time\nsys.argv[0] = '-m'\nimport analysis\n"
            "sys.argv[0] = 'analysis'\nimport analysis.cli\n"
            "os.kill(os.getpid(), signal.SIGINT)\ntime.sleep(10)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 130
    assert result.stderr == "interrupted: nothing was written\n"


def test_the_command_gives_back_the_default_handlers(tmp_path: Path) -> None:
    before = {s: signal.getsignal(s) for s in folder.SIGNALS}
    main(["export", str(tmp_path / "file"), "--text", str(tmp_path / "missing.txt")])
    assert {s: signal.getsignal(s) for s in folder.SIGNALS} == before


def test_a_signal_during_the_commit_is_held_until_it_is_done(
        tmp_path: Path, sets: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    out = earlier_into(tmp_path, sets)
    real: Callable[[object], None] = folder._sync
    calls: list[object] = []

    def sync_then_signal(path: object) -> None:  # the 2nd sync is the commit's: SIGINT comes
        real(path)
        calls.append(path)
        if len(calls) == 2:
            signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(folder, "_sync", sync_then_signal)
    with pytest.raises(Interrupted) as raised:
        export(sets["results"], out)
    assert raised.value.written and raised.value.status == 130
    assert snapshot(out) == sets["new"]
