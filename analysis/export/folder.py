"""Writing a set of files into a folder all or nothing: staging, a journal, recovery, signals.

``OUTDIR`` stays flat (``OUTDIR/people.csv``: R and Gephi open the files where
they are), so a new set of files cannot replace the old one by renaming one
folder, except when ``OUTDIR`` does not exist yet. The switch is therefore made
recoverable:

1. every file is written into a *staging folder* beside ``OUTDIR``
   (``.OUTDIR.export-XXXXXXXX``, on the same file system, so that moves are
   renames), locked by its writer while it lives (:func:`staging`);
2. if ``OUTDIR`` does not exist, the staging folder is renamed to it: one
   rename, the whole set or nothing;
3. otherwise a *journal* naming every file is written into the staging folder
   (to a temporary name, synced, then renamed) before ``OUTDIR`` changes; each
   file of ``OUTDIR`` is then renamed into ``.previous/`` in the staging
   folder and the new one renamed into ``OUTDIR`` (:func:`switch`);
4. the journal's removal is the commit: from then on ``OUTDIR`` holds the new
   set. Until then, any failure or interrupt rolls every step back, and which
   steps were taken is read from the files themselves (a new file still staged
   was not moved, an old file in ``.previous/`` was), so the roll-back is right
   wherever the interrupt landed and can be run again (:func:`roll_back`).

The same switch serves the book (``python -m analysis book OUTDIR``), whose
staging folders are ``.OUTDIR.book-XXXXXXXX`` and whose entries are the built
book's files and folders: each function takes the ``work`` (:data:`WORKS`) it
does, for its folder's name and its messages.

A run killed where it could not clean up (SIGKILL, a power cut) leaves its
staging folder; the next export (or book) into the same folder finds it (its lock is
free: its writer is gone) and rolls it back if it holds a journal, or removes
it if not (:func:`recover`), with a line saying so. ``OUTDIR`` therefore holds
one complete set of files, the earlier or the new, whatever stopped the export.

While the journal is rolled back or committed, SIGINT, SIGTERM and SIGHUP are
held back (:func:`signals_held`) and delivered after; :func:`signals_interrupt`
makes SIGTERM and SIGHUP stop the command as Ctrl-C does (:class:`Interrupted`).

Example:
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = Path(tmp) / "out"
    ...     with locked(out) as lock, staging(out) as stage:
    ...         _ = (stage / "a.csv").write_text("x\\n", encoding="utf-8")
    ...         switch(stage, out, ["a.csv"], lock)
    ...     sorted(p.name for p in Path(tmp).iterdir()), (out / "a.csv").read_text(encoding="utf-8")
    (['out'], 'x\\n')
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from analysis.errors import AnalysisError

#: The journal's name in a staging folder — while it exists, ``OUTDIR`` is being switched.
JOURNAL = "journal.json"

#: Where the files the export replaces wait in a staging folder until the switch is committed.
PREVIOUS = ".previous"

#: What writes into a folder this way -> how its messages name it — the export, the book.
WORKS = {"export": "export", "book": "book build"}

#: The signals that stop an export (and are held back while its journal is settled).
SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
                if hasattr(signal, name))


class Interrupted(KeyboardInterrupt):
    """A signal stopped the work (SIGINT, SIGTERM or SIGHUP); ``written``: after the switch.

    Example:
        >>> Interrupted(signal.SIGTERM).status
        143
    """

    def __init__(self, signum: int = signal.SIGINT, written: bool = False) -> None:
        super().__init__(signum)
        self.signum = int(signum)
        self.written = written

    @property
    def status(self) -> int:
        """The exit status that says so, 128 + the signal's number."""
        return 128 + self.signum


def staging_name(out: Path) -> re.Pattern[str]:
    """The names of the staging folders of exports (and books) into ``out`` (beside it).

    Example:
        >>> bool(staging_name(Path("out")).fullmatch(".out.export-ab12_x9z"))
        True
        >>> staging_name(Path("out")).fullmatch(".out.book-ab12_x9z")["work"]
        'book'
    """
    works = "|".join(map(re.escape, WORKS))
    return re.compile(re.escape(f".{out.name}.") + rf"(?P<work>{works})-[a-z0-9_]{{8}}")


def check_outdir(outdir: str | Path, work: str = "export") -> None:
    """Refuse at once an ``out`` no export can write: a file, a folder that cannot be written.

    Raises:
        AnalysisError: ``out`` is empty, exists and is not a folder, or cannot
            be written or created (nor a folder beside it).

    Example:
        >>> check_outdir(Path("/dev/null"))
        Traceback (most recent call last):
        ...
        analysis.errors.AnalysisError: /dev/null: exists and is not a folder
    """
    if not str(outdir).strip():
        raise AnalysisError("OUTDIR is empty: give the folder to write into")
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise AnalysisError(f"{out}: exists and is not a folder")
    if out.is_dir() and not os.access(out, os.W_OK | os.X_OK):
        raise AnalysisError(f"{out}: cannot write into the folder (permission denied)")
    parent = _parent(out)
    existing = next(p for p in [parent, *parent.parents] if p.exists() or p == p.parent)
    if not existing.is_dir():
        raise AnalysisError(f"{out}: cannot create the folder: {existing} is not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise AnalysisError(f"{out}: cannot write beside it in {existing} (permission denied; "
                            f"the {WORKS[work]} is written in a folder beside OUTDIR first)")


def _parent(out: Path) -> Path:
    """The folder ``out`` is in (``.`` for a bare name)."""
    return out.parent if str(out.parent) else Path(".")


@contextmanager
def locked(out: Path, work: str = "export") -> Iterator[int | None]:
    """An exclusive lock on ``out`` while the export runs (``None`` if it does not exist yet)."""
    if not out.is_dir():
        yield None
        return
    lock = _lock(out, work)
    try:
        yield lock
    finally:
        os.close(lock)


def _lock(out: Path, work: str = "export") -> int:
    """Open ``out`` and lock it, or say why not."""
    try:
        lock = os.open(out, os.O_RDONLY)
    except OSError as exc:
        raise AnalysisError(f"{out}: cannot open the folder ({exc.strerror})") from exc
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(lock)
        other = "export" if work == "export" else "book build or export"
        raise AnalysisError(f"{out}: another {other} is writing into this folder; "
                            "nothing was changed") from None
    return lock


@contextmanager
def staging(out: Path, work: str = "export") -> Iterator[Path]:
    """A locked staging folder beside ``out``, removed after (unless it became ``out``).

    An ``OSError`` inside (a full disk ...) becomes one :class:`~analysis.errors.AnalysisError`.
    """
    parent = _parent(out)
    try:
        parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.{work}-", dir=parent))
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(stage, 0o777 & ~mask)  # the mode a new OUTDIR would have
        owner = os.open(stage, os.O_RDONLY)
    except OSError as exc:
        raise AnalysisError(f"{out}: cannot write beside it ({exc.strerror})") from exc
    fcntl.flock(owner, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        yield stage
    except OSError as exc:
        raise AnalysisError(f"{out}: the {WORKS[work]} could not be written ({exc.strerror}); "
                            "nothing was changed") from exc
    finally:
        with signals_held():
            if stage.is_dir() and not (stage / JOURNAL).exists():  # else: for the next run
                shutil.rmtree(stage, ignore_errors=True)
            os.close(owner)


def switch(stage: Path, out: Path, names: list[str], lock: int | None,
           work: str = "export") -> None:
    """Put the staged files ``names`` in ``out``, all or none (see the module's description).

    ``lock``: the lock held on ``out``, ``None`` if it did not exist when the
    export began. An interrupt before the commit rolls back (and is raised
    again); one during the commit is held until it is done, then raised as an
    :class:`Interrupted` with ``written`` set.

    Raises:
        AnalysisError: a file could not be moved (the folder is as it was).
    """
    if lock is None:
        try:
            with signals_held():
                os.rename(stage, out)  # a new folder: one rename, the whole set
                _sync(_parent(out))
            return
        except OSError as exc:
            if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY, errno.EISDIR):
                raise AnalysisError(f"{out}: cannot create the folder ({exc.strerror})") from exc
        with locked(out, work) as lock:  # made meanwhile by another run: switch file by file
            return switch(stage, out, names, lock, work)
    (stage / PREVIOUS).mkdir()
    try:
        _write_journal(stage, out, names)
        for name in names:
            if os.path.lexists(out / name):
                os.replace(out / name, stage / PREVIOUS / name)
            os.replace(stage / name, out / name)
    except BaseException as exc:
        try:
            with signals_held():
                roll_back(stage, out, names)
        except OSError as undo:
            raise AnalysisError(
                f"{out}: the files could not be moved into place ({_why(exc)}) nor all put back "
                f"({undo.strerror}); the next {WORKS[work]} into it puts them back from "
                f"{stage.name}") from exc
        if isinstance(exc, OSError):
            raise AnalysisError(f"{out}: the files could not be moved into place "
                                f"({exc.strerror}); the folder is as it was") from exc
        raise
    try:
        with signals_held():
            _sync(out)
            (stage / JOURNAL).unlink()  # the commit: from now on OUTDIR holds the new set
    except KeyboardInterrupt as exc:
        raise Interrupted(getattr(exc, "signum", signal.SIGINT), written=True) from None


def _why(exc: BaseException) -> str:
    """What an error says (an interrupt: that it was one)."""
    return (exc.strerror or str(exc)) if isinstance(exc, OSError) else "interrupted"


def roll_back(stage: Path, out: Path, names: list[str]) -> None:
    """Undo every step of a switch that was not committed, and remove its journal.

    Which steps were taken is read from the files: a new file no longer in the
    staging folder was moved into ``out`` (it goes back), an old file in
    ``.previous/`` was moved out (it returns). Safe to run again.
    """
    previous = stage / PREVIOUS
    for name in names:
        if not os.path.lexists(stage / name) and os.path.lexists(out / name):
            os.replace(out / name, stage / name)
        if os.path.lexists(previous / name):
            os.replace(previous / name, out / name)
    _sync(out)
    (stage / JOURNAL).unlink(missing_ok=True)


def _write_journal(stage: Path, out: Path, names: list[str]) -> None:
    """Write the journal (to a temporary name, synced, then renamed: it is whole or absent)."""
    draft = stage / f".{JOURNAL}.part"
    with draft.open("w", encoding="utf-8") as stream:
        json.dump({"outdir": str(out), "files": names}, stream)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(draft, stage / JOURNAL)
    _sync(stage)


def _sync(folder: Path) -> None:
    """Make the renames in ``folder`` durable (where the system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def recover(out: Path, names: list[str], say: Callable[[str], None]) -> None:
    """Settle the staging folders that earlier exports into ``out`` left behind.

    A folder still locked belongs to a running export and is left alone. One
    with a journal (or, from an earlier version, files in ``.previous/``) was
    stopped while switching: it is rolled back, ``names`` standing in for a
    journal that lists none. Any other is removed. Each is reported by ``say``.
    Call it holding the lock on ``out``.
    """
    parent = _parent(out)
    if not parent.is_dir():
        return
    pattern = staging_name(out)
    for stage in sorted(p for p in parent.iterdir() if pattern.fullmatch(p.name) and p.is_dir()):
        try:
            owner = os.open(stage, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(owner, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(owner)
            continue  # another export is writing it
        try:
            with signals_held():
                _settle(stage, out, names, say)
        finally:
            os.close(owner)


def _settle(stage: Path, out: Path, names: list[str], say: Callable[[str], None]) -> None:
    """Roll back or remove one staging folder left behind (see :func:`recover`)."""
    match = staging_name(out).fullmatch(stage.name)
    earlier = WORKS[match["work"]] if match else "export"
    journal = stage / JOURNAL
    previous = stage / PREVIOUS
    listed = names
    if journal.is_file():
        try:
            listed = list(json.loads(journal.read_text(encoding="utf-8"))["files"])
        except (OSError, ValueError, KeyError, TypeError):
            listed = names
    if (journal.is_file() or (previous.is_dir() and any(previous.iterdir()))) and out.is_dir():
        roll_back(stage, out, listed)
        say(f"note: {out}: an earlier {earlier} was stopped while moving its files in; its "
            f"steps were undone, the folder holds its earlier files again ({stage.name} removed)")
    else:
        say(f"note: {out}: removed {stage.name} beside it, left by an earlier {earlier} that "
            "stopped before moving its files in")
    shutil.rmtree(stage, ignore_errors=True)


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP back inside the block; deliver the first after it.

    Outside the main thread (where no signal is handled) it does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = {s: signal.signal(s, lambda signum, _: pending.append(signum))
                for s in SIGNALS if signal.getsignal(s) is not None}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        if pending:
            signal.raise_signal(pending[0])


@contextmanager
def signals_interrupt() -> Iterator[None]:
    """Inside the block, SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted` (main thread only).

    The handlers before it are put back after, except those of a program's start
    (marked ``while_starting``), which give way to Python's defaults.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _: object) -> None:
        raise Interrupted(signum)

    previous = {s: signal.signal(s, stop) for s in SIGNALS if signal.getsignal(s) is not None}
    try:
        yield
    finally:
        for s, handler in previous.items():
            if getattr(handler, "while_starting", False):
                handler = signal.default_int_handler if s == signal.SIGINT else signal.SIG_DFL
            signal.signal(s, handler)
