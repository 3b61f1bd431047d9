"""The book for any text: ``python -m analysis book OUTDIR --text PATH [--data DIR] [--title T]``.

:func:`build_book` builds a complete static HTML book for a text into
``OUTDIR``, offline like the bundled chapter's book and all or nothing like the
export: an introduction with the text's provenance and the data files read, the
annotated reading page and the who's-who (made by the book's Sphinx extension),
the generic page of each analysis (``analysis/book/pages/*.md``, the same calls
of :mod:`analysis.pages` as the bundled chapter's notebooks, with prose for any
text) and the export's files to download.

How:

1. ``OUTDIR`` is checked and locked, and what an earlier, stopped build or
   export left beside it is settled (:mod:`analysis.export.folder`);
2. the book is built in its cache folder (:mod:`analysis.book.cache`: one per
   text and data folder, kept between runs) by a child process
   (:mod:`analysis.book.worker`) that reads the text, data folder and title
   from the environment (:func:`analysis.pages.current`), runs the pages whose
   inputs changed in one process (:mod:`analysis.book.execute`), writes the
   book project (:mod:`analysis.book.project`) and renders it with Jupyter Book;
3. the built HTML is copied into a staging folder beside ``OUTDIR`` and
   switched in all at once (:func:`analysis.export.folder.switch`).

An error (a missing or undecodable text, a malformed data file, a page that
fails, a warning of Sphinx) is one line naming what is wrong, and ``OUTDIR`` is
left as it was; so is an interrupt (Ctrl-C, SIGTERM, SIGHUP), which stops the
child process too.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from analysis.book import cache
from analysis.errors import AnalysisError
from analysis.export.folder import check_outdir, locked, recover, staging, switch

__all__ = ["build_book"]

#: How long the child process is given to stop after SIGTERM before it is killed.
GRACE = 10.0


def build_book(outdir: str | Path, text: str | Path | None = None,
               data: str | Path | None = None, title: str | None = None,
               say: Callable[[str], None] = print,
               check: Callable[[], None] | None = None) -> Path:
    """Build the book of ``text`` (``None``: the bundled one) with ``data`` into ``outdir``.

    ``title``: what the book calls the text (``None``: the data folder's
    ``title.txt``, else the text's first heading). ``say`` is given each line
    for the command's stderr (what was settled beside ``outdir``, the analyses'
    notes). The child process checks the text and every data file first, and its
    error is this function's; ``check``, if given, is run while the child starts
    (the command line checks them there too, to say what is wrong in the words
    and paths the user gave), and its error stops the child. Returns
    ``outdir/index.html``.

    Raises:
        AnalysisError: the text, a data file or ``outdir`` is not usable, or the
            book could not be built (one line saying why); ``outdir`` is as it was.
        KeyboardInterrupt: an interrupt; ``outdir`` is as it was.
    """
    check_outdir(outdir, "book")
    out = Path(outdir)
    folder = cache.cache_dir(text, data)
    with locked(out, "book") as lock:
        recover(out, [], say)
        with cache.hold(folder) as held:
            _run(held, text, data, title, check)
            for line in _read_lines(held / "notes"):
                say(line)
            with staging(out, "book") as stage:
                shutil.copytree(held / "project" / "_build" / "html", stage, dirs_exist_ok=True)
                switch(stage, out, sorted(os.listdir(stage)), lock, "book")
    cache.prune()
    return out / "index.html"


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []


def _run(folder: Path, text: str | Path | None, data: str | Path | None,
         title: str | None, check: Callable[[], None] | None = None) -> None:
    """Run the worker in ``folder`` as a child process (``check`` meanwhile); raise its one
    line if it fails."""
    from analysis.datafiles import seed_path
    from analysis.pages import DATA, TEXT, TITLE

    stamp = cache.digest(cache.inputs(seed_path() if text is None else text, data, title))
    if cache.up_to_date(folder, stamp):  # built from these very inputs: nothing to run
        if check is not None:
            check()
        return
    env = {k: v for k, v in os.environ.items() if k not in (TEXT, DATA, TITLE)}
    env.update({k: os.path.abspath(v) for k, v in ((TEXT, text), (DATA, data)) if v is not None})
    if title:
        env[TITLE] = title
    env.update(NO_COLOR="1", PYTHONUNBUFFERED="1")
    with (folder / "build.log").open("wb") as log:
        child = subprocess.Popen([sys.executable, "-m", "analysis.book.worker", str(folder)],
                                 stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                 env=env, cwd=folder, start_new_session=True)
        try:
            if check is not None:
                check()
            status = child.wait()
        except BaseException:
            _stop(child)
            raise
    if status != 0:
        line = _read_lines(folder / "status")
        raise AnalysisError(line[0] if line else
                            f"the book could not be built (the whole log: {folder / 'build.log'})")


def _stop(child: subprocess.Popen[bytes]) -> None:
    """Stop the child process and all it started: SIGTERM, then SIGKILL after :data:`GRACE`."""
    for sig, wait in ((signal.SIGTERM, GRACE), (signal.SIGKILL, None)):
        try:
            os.killpg(child.pid, sig)
        except ProcessLookupError:
            return
        try:
            child.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue
