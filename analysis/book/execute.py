"""Running a book's pages in one Python process, each page's cells in order, with their outputs.

A page of the book is a MyST Markdown notebook (``analysis/book/pages/*.md``).
MyST-NB would start a Jupyter kernel for each page, and each kernel would import
the libraries and compute the analyses of the text again (about seven seconds a
page, before the page's own work). Here every page runs in one IPython shell of
the build's own process (or of a process forked from it): the shell's namespace
is emptied between pages, so a page sees only what its own cells define, and
what a page changes in the process (display formatters, pandas' options,
Matplotlib's settings, the warnings already shown) is undone after it, while
the imported modules and the analyses (:func:`analysis.pages.current`,
computed once) are shared. The shell
shows what a kernel shows: the value of a cell's last expression (an
``execute_result``), what it displays (``display_data``: glued numbers,
tables, figures through the same inline backend of Matplotlib that a kernel
uses) and what it prints (``stream``), in the order they came. A cell that
raises stops the page with :class:`PageError`, which names the page and the
cell; an error of the package's own (a malformed data file) keeps its message.

Example:
    >>> nb = read_page("# A page\\n\\n```{code-cell} ipython3\\n1 + 1\\n```\\n")
    >>> [cell.cell_type for cell in nb.cells]
    ['markdown', 'code']
"""

from __future__ import annotations

import base64
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import nbformat

from analysis.errors import AnalysisError

#: The Matplotlib backend of a Jupyter kernel — figures are shown as PNG images.
INLINE = "module://matplotlib_inline.backend_inline"

#: The MyST syntax the pages use (as in the book's ``_config.yml``).
MYST_EXTENSIONS = ("dollarmath", "colon_fence", "deflist", "substitution")


class PageError(AnalysisError):
    """A page's cell raised: the page, the cell and the error, in one line."""


def read_page(text: str, path: str | Path | None = None) -> nbformat.NotebookNode:
    """A MyST Markdown page as a notebook, read as MyST-NB reads it (cells, tags, options)."""
    from myst_nb.core.read import read_myst_markdown_notebook
    from myst_parser.config.main import MdParserConfig

    config = MdParserConfig(enable_extensions=set(MYST_EXTENSIONS))
    return read_myst_markdown_notebook(text, config=config, path=path)


def shell() -> Any:
    """The one IPython shell pages run in (made on first use, before Matplotlib is imported).

    It keeps no history file, and Matplotlib draws with a kernel's
    inline backend, so a figure that is a cell's value becomes a PNG image.
    """
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    if InteractiveShell.initialized():
        found = InteractiveShell.instance()
        if isinstance(found, _Shell):
            return found
        raise AnalysisError("pages must run in the book's own shell, not in another IPython")
    os.environ["MPLBACKEND"] = INLINE
    config = Config()
    config.HistoryManager.enabled = False
    sh = _Shell.instance(config=config)
    import matplotlib

    sh.fresh_rc = {k: v for k, v in matplotlib.rcParams.items() if k != "backend"}
    return sh


def run_page(nb: nbformat.NotebookNode, name: str, folder: str | Path = ".") -> nbformat.NotebookNode:
    """Run every code cell of ``nb`` (the page ``name``) in :func:`shell`; return it with outputs.

    The cells run in ``folder`` (the page's folder, as MyST-NB runs a notebook).

    Raises:
        PageError: a cell raised (the package's own errors keep their message).
    """
    sh = shell()
    sh.reset(new_session=True)
    with _inside(Path(folder)), _isolated(sh):
        _run_cells(sh, nb, name)
    nb.metadata.setdefault("kernelspec", {"name": "python3", "display_name": "Python 3",
                                          "language": "python"})
    nb.metadata["language_info"] = {"name": "python", "version": sys.version.split()[0]}
    return nb


@contextmanager
def _inside(folder: Path) -> Iterator[None]:
    """Run the block in ``folder``, then return to the folder it began in."""
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


@contextmanager
def _isolated(sh: Any) -> Iterator[None]:
    """Run a page as in a process of its own: what it changes in the process is undone after it.

    Before the page, the warnings it may give are shown again (as they would be the first
    time) and pandas' options are their defaults; after it, the display formatters it
    registered are removed, its figures closed and Matplotlib's settings are those of a
    fresh process again.
    """
    import warnings

    for module in list(sys.modules.values()):
        getattr(module, "__warningregistry__", {}).clear()
    if "pandas" in sys.modules:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            sys.modules["pandas"].reset_option("all")
    printers = {mime: (dict(f.type_printers), dict(f.deferred_printers))
                for mime, f in sh.display_formatter.formatters.items()}
    try:
        yield
    finally:
        for mime, (types, deferred) in printers.items():
            formatter = sh.display_formatter.formatters[mime]
            formatter.type_printers.clear()
            formatter.type_printers.update(types)
            formatter.deferred_printers.clear()
            formatter.deferred_printers.update(deferred)
        if "matplotlib.pyplot" in sys.modules:
            sys.modules["matplotlib.pyplot"].close("all")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            sys.modules["matplotlib"].rcParams.update(sh.fresh_rc)


def _run_cells(sh: Any, nb: nbformat.NotebookNode, name: str) -> None:
    """Run the code cells of ``nb`` in order, each with its outputs (see :func:`run_page`)."""
    number = 0
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        number += 1
        with _captured(sh) as outputs:
            result = sh.run_cell(cell.source, store_history=True)
        error = result.error_before_exec or result.error_in_exec
        if error is not None:
            if isinstance(error, AnalysisError):
                raise type(error)(str(error)) from error
            raise PageError(f"{name}: code cell {number} (cell {index + 1}) raised "
                            f"{type(error).__name__}: {_first_line(error)}") from error
        cell.execution_count = number
        cell.outputs = [_output(kind, payload, number) for kind, payload in _merged(outputs)]


def _first_line(error: BaseException) -> str:
    """The first line of what an error says (its name if it says nothing)."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


# --- the shell and its capture -------------------------------------------------------------------

def _shell_class() -> type:
    """The IPython shell whose display hook and publisher keep outputs instead of printing them."""
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell

    class Hook(DisplayHook):
        """A cell's value: kept as an ``execute_result``."""

        outputs: list[tuple[str, Any]] | None = None

        def write_output_prompt(self) -> None:
            """No prompt: nothing is printed."""

        def write_format_data(self, format_dict: dict, md_dict: dict | None = None) -> None:
            if self.outputs is not None:
                self.outputs.append(("execute_result", (format_dict, md_dict or {})))

        def finish_displayhook(self) -> None:
            """Nothing to flush: nothing was printed."""

    class Publisher(DisplayPublisher):
        """What a cell displays: kept as ``display_data``."""

        outputs: list[tuple[str, Any]] | None = None

        def publish(self, data: dict, metadata: dict | None = None, source: Any = None, *,
                    transient: dict | None = None, update: bool = False, **kwargs: Any) -> None:
            if self.outputs is not None:
                self.outputs.append(("display_data", (data, metadata or {})))

        def clear_output(self, wait: bool = False) -> None:
            if self.outputs is not None:
                self.outputs.clear()

    class Shell(InteractiveShell):
        """The shell the pages run in."""

        displayhook_class = Hook
        display_pub_class = Publisher

    return Shell


_Shell = _shell_class()


class _Stream(io.TextIOBase):
    """``sys.stdout`` or ``sys.stderr`` while a cell runs: each write kept in order."""

    def __init__(self, name: str, outputs: list[tuple[str, Any]]) -> None:
        self.name, self.outputs = name, outputs

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if text:
            self.outputs.append(("stream", (self.name, text)))
        return len(text)


@contextmanager
def _captured(sh: Any) -> Iterator[list[tuple[str, Any]]]:
    """Keep everything a cell shows, prints or warns, in order, in the list yielded."""
    outputs: list[tuple[str, Any]] = []
    streams = sys.stdout, sys.stderr
    sh.displayhook.outputs = sh.display_pub.outputs = outputs
    sys.stdout, sys.stderr = _Stream("stdout", outputs), _Stream("stderr", outputs)
    try:
        yield outputs
    finally:
        sys.stdout, sys.stderr = streams
        sh.displayhook.outputs = sh.display_pub.outputs = None


def _merged(outputs: list[tuple[str, Any]]) -> Iterator[tuple[str, Any]]:
    """The outputs with consecutive writes to one stream joined."""
    stream: tuple[str, str] | None = None
    for kind, payload in outputs:
        if kind == "stream" and stream is not None and stream[0] == payload[0]:
            stream = (stream[0], stream[1] + payload[1])
            continue
        if stream is not None:
            yield "stream", stream
            stream = None
        if kind == "stream":
            stream = payload
        else:
            yield kind, payload
    if stream is not None:
        yield "stream", stream


def _output(kind: str, payload: Any, number: int) -> nbformat.NotebookNode:
    """One output in the notebook format (images base64-encoded, as a kernel sends them)."""
    if kind == "stream":
        return nbformat.v4.new_output("stream", name=payload[0], text=payload[1])
    data, metadata = payload
    data = {mime: base64.b64encode(value).decode("ascii") if isinstance(value, bytes) else value
            for mime, value in data.items()}
    if kind == "execute_result":
        return nbformat.v4.new_output("execute_result", data=data, metadata=metadata,
                                      execution_count=number)
    return nbformat.v4.new_output("display_data", data=data, metadata=metadata)
