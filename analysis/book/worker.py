"""The build of a book, run as its own process: ``python -m analysis.book.worker FOLDER``.

The ``book`` command (:func:`analysis.book.build_book`) runs this in a child
process, with the text, data folder and title in the environment
(:data:`analysis.pages.TEXT`, :data:`~analysis.pages.DATA`,
:data:`~analysis.pages.TITLE`) and its output going to the cache folder's
``build.log``. In ``FOLDER`` (the cache folder, :mod:`analysis.book.cache`) it

1. loads the text and checks every data file, as the export does;
2. writes the export's files into the project (when an input changed);
3. runs each notebook page whose source or inputs changed
   (:mod:`analysis.book.execute`): the analyses are computed once, in this
   process, and the pages share them, on one process per core (:func:`run_pages`);
4. writes the project (:func:`analysis.book.project.write_project`) and
   renders it with Jupyter Book (Sphinx), warnings being errors, as ``make book``.

It exits 0 when ``FOLDER/project/_build/html`` holds the book; otherwise 1, with
one line in ``FOLDER/status`` that says what went wrong (a data file, a page
and its cell, Sphinx's first warning and the page it is about), never a
traceback (that is in the log). ``FOLDER/notes`` holds the notes of the
analyses (:attr:`~analysis.results.Analyses.notes`), for the command's stderr.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from analysis.book import cache
from analysis.book.project import EXPORT, PAGES_DIR, is_notebook, sources, write_project
from analysis.errors import AnalysisError

#: Files of the cache folder — the one-line failure, the lines for stderr, the log, the export's
#: stamp, the inputs of the last build; how long each page took.
STATUS, NOTES, LOG, EXPORTED, INPUTS = "status", "notes", "build.log", "exported", "inputs.json"
TIMES = "times.json"

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_PROBLEM = re.compile(r"^(?:(?P<where>\S.*?):(?:\d+:)? )?(?P<level>WARNING|ERROR|CRITICAL): "
                      r"(?P<what>.*)$")


def main(argv: list[str] | None = None) -> int:
    """Build the book in the cache folder ``argv[0]``; the exit status (see the module)."""
    folder = Path((sys.argv[1:] if argv is None else argv)[0])
    (folder / STATUS).unlink(missing_ok=True)
    (folder / cache.BUILT).unlink(missing_ok=True)
    try:
        build(folder)
    except AnalysisError as exc:
        (folder / STATUS).write_text(str(exc), encoding="utf-8")
        return 1
    except Exception as exc:  # noqa: BLE001 (the command shows one line; the log the traceback)
        import traceback

        traceback.print_exc()
        (folder / STATUS).write_text(f"the book could not be built: {type(exc).__name__}: "
                                     f"{_first_line(exc)} (the whole log: {folder / LOG})",
                                     encoding="utf-8")
        return 1
    return 0


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else ""


def build(folder: Path) -> None:
    """Steps 1 to 4 of the module's description (each step's time is logged)."""
    from analysis import pages
    from analysis.book.execute import shell
    from analysis.export import export

    clock = _Clock()
    project = folder / "project"
    if (folder / cache.DIRTY).exists():  # the last build stopped or failed: Sphinx starts afresh
        shutil.rmtree(project / "_build", ignore_errors=True)
    shell()  # before anything imports Matplotlib
    pages.current.cache_clear()
    results = pages.current()
    results.files.check(results.chapter)
    clock.log("read the text and checked the data files")
    environ = os.environ
    found = cache.inputs(environ.get(pages.TEXT) or _seed(), environ.get(pages.DATA),
                         environ.get(pages.TITLE))
    stamp = cache.digest(found)
    _log_changes(folder / INPUTS, found)
    if _read(folder / EXPORTED) != stamp or not (project / EXPORT).is_dir():
        export(results, project / EXPORT)
        portable(project / EXPORT / "datapackage.json")
        (folder / EXPORTED).write_text(stamp, encoding="utf-8")
        clock.log("wrote the export")
    (folder / NOTES).write_text("".join(f"{line}\n" for line in results.notes),
                                encoding="utf-8")
    state = cache.read_state(folder)
    pages_read = sources()
    keys = {name: hashlib.sha256(f"{text}\0{stamp}".encode("utf-8", "surrogateescape")).hexdigest()
            for name, text in pages_read.items() if is_notebook(text)}
    todo = [(name, pages_read[name], str(project / "book")) for name, key in keys.items()
            if state.get(name) != key or not (project / "book" / f"{name}.ipynb").is_file()]
    took = _times(folder / TIMES)
    todo.sort(key=lambda job: -took.get(job[0], 0.0))  # the longest first: the cores end together
    executed = {}
    for name, page, seconds in run_pages(todo):
        executed[name], state[name], took[name] = page, keys[name], round(seconds, 1)
        clock.log(f"ran the page {name} ({seconds:.1f} s)")
    cache.write_if_changed(folder / TIMES, json.dumps(took, indent=1, sort_keys=True))
    (folder / cache.DIRTY).touch()
    written = write_project(project, results.title, stamp, pages_read, executed)
    cache.write_state(folder, state)
    clock.log(f"wrote the project ({len(written)} file(s) changed)")
    _sphinx(project, folder / LOG)
    (folder / cache.DIRTY).unlink()
    (folder / cache.BUILT).write_text(stamp, encoding="utf-8")
    clock.log("rendered the book")


def run_pages(todo: list[tuple[str, str, str]]) -> Iterator[tuple[str, str, float]]:
    """Run the pages ``(name, source, folder)``; yield each as ``(name, notebook JSON, seconds)``.

    On a machine with more than one core the pages run in as many processes, forked
    from this one once the analyses are computed (each inherits them, and the
    imported libraries), each taking the next page when it is done with one.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    workers = min(cores or 1, len(todo))
    if workers <= 1:
        yield from map(_page, todo)
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap_unordered(_page, todo)


def _page(job: tuple[str, str, str]) -> tuple[str, str, float]:
    """Run one page (see :func:`run_pages`)."""
    import nbformat

    from analysis.book.execute import read_page, run_page

    name, text, folder = job
    begin = time.perf_counter()
    page = run_page(read_page(text, PAGES_DIR / f"{name}.md"), f"{name}.md", folder)
    return name, nbformat.writes(page), time.perf_counter() - begin


class _Clock:
    """Log lines with the seconds each step took."""

    def __init__(self) -> None:
        self.start = self.last = time.perf_counter()

    def log(self, what: str) -> None:
        now = time.perf_counter()
        print(f"[book] {what}: {now - self.last:.1f} s (total {now - self.start:.1f} s)",
              flush=True)
        self.last = now


def _log_changes(path: Path, found: dict[str, str]) -> None:
    """Log which inputs changed since the last build, and keep these for the next."""
    try:
        before = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        before = {}
    changed = sorted(k for k in found.keys() | before.keys() if found.get(k) != before.get(k))
    print(f"[book] inputs changed: {', '.join(changed) or 'none'}", flush=True)
    cache.write_if_changed(path, json.dumps(found, indent=1, sort_keys=True))


def portable(package: Path) -> None:
    """Give the data package's sources by their file names, not by a path from the cache folder.

    The export gives each file it read (the text, the data files) by its path from
    the export's folder; the book's copy of it is downloaded from elsewhere, and a
    path from the cache folder would only tell where the book was built.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = Path(tmp) / "datapackage.json"
        ...     _ = path.write_text('{"sources": [{"title": "t.txt", "path": "../../t.txt"}, '
        ...                         '{"title": "a.csv", "path": "analysis/data/a.csv"}]}')
        ...     portable(path)
        ...     [s["path"] for s in json.loads(path.read_text())["sources"]]
        ['t.txt', 'analysis/data/a.csv']
    """
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    for source in descriptor.get("sources", []):
        if str(source.get("path", "")).startswith("../"):
            source["path"] = source.get("title") or Path(source["path"]).name
    package.write_text(json.dumps(descriptor, ensure_ascii=False, indent=1) + "\n",
                       encoding="utf-8")


def _seed() -> Path:
    """The bundled text (the one the pages read when no text is named)."""
    from analysis.datafiles import seed_path

    return seed_path()


def _times(path: Path) -> dict[str, float]:
    """How long each page took when it last ran (empty if not known)."""
    try:
        return {str(k): float(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError, AttributeError, TypeError):
        return {}


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def _sphinx(project: Path, log: Path) -> None:
    """Render the project with Jupyter Book, warnings being errors; say the first problem."""
    from jupyter_book.cli.main import build

    sys.stdout.flush()
    sys.stderr.flush()
    start = log.stat().st_size if log.is_file() else 0
    try:
        build.main([str(project), "--warningiserror", "--keep-going"], standalone_mode=False)
        failed = False
    except SystemExit as exc:
        failed = exc.code not in (0, None)
    except RuntimeError:
        failed = True
    sys.stdout.flush()
    sys.stderr.flush()
    if failed or not (project / "_build" / "html" / "index.html").is_file():
        raise AnalysisError(problem(_since(log, start), project, log))


def _since(log: Path, start: int) -> str:
    """What the log holds from byte ``start`` on."""
    try:
        with log.open("rb") as stream:
            stream.seek(start)
            return stream.read().decode("utf-8", "replace")
    except OSError:
        return ""


def problem(output: str, project: Path, log: Path) -> str:
    """The first warning or error of a Sphinx run's ``output``, in one line naming its page.

    Example:
        >>> out = "x\\n/c/project/book/people.ipynb: WARNING: no such anchor [ref]\\n"
        >>> problem(out, Path("/c/project"), Path("/c/build.log"))
        'the book could not be built: page people: no such anchor [ref] (the whole log: /c/build.log)'
    """
    found = []
    for line in _ANSI.sub("", output).splitlines():
        m = _PROBLEM.match(line.strip())
        if m:
            found.append(m)
    if not found:
        return f"the book could not be built (the whole log: {log})"
    first = found[0]
    where = first["where"] or ""
    page = Path(where).with_suffix("").name if where.startswith(str(project)) else where
    more = f" and {len(found) - 1} more problem(s)" if len(found) > 1 else ""
    return (f"the book could not be built: {'page ' + page + ': ' if page else ''}"
            f"{first['what']}{more} (the whole log: {log})")


if __name__ == "__main__":
    from analysis.book import worker  # the module by its name, so that its pages can be pickled

    sys.exit(worker.main())
