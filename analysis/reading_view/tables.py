"""Searchable tables (search, sort, pages) for the book's pages: ITables, its script shipped once with the book.

:func:`show` is what every page calls for a searchable table. Its output holds
only the table: its data, a plain copy of its first rows (what a reader without
JavaScript sees) and the call that makes it searchable. The DataTables script
and style of the pinned ``itables`` package are not in the output: the book's
extension copies them into the book's ``_static`` folder once (:func:`assets`)
and loads them on the pages that hold a table, as it does ``plotly.min.js``,
so a stored notebook stays small and the built book loads nothing from
another host. Every cell is whole (long text wraps, a web address may break
after a slash); headings wrap between words (and after an underscore, as in
``sentence_id``); the menu of rows per page holds
the table's own page length. Columns can be links into the reading page or the
who's-who (:mod:`analysis.reading_view.links`). The output is the same on
every run (the table's id is given, never drawn at random), so a stored
notebook output can be compared, and every ``<`` in the table's data is
written ``\\u003c``, so no cell can end the script that holds it.

Example:
    >>> table = show(register[["person_id", "name", "role"]].head(3), table_id="people",
    ...              links={"name": ("person", "person_id")})
    >>> html = table._repr_html_()
    >>> 'id="people"' in html and 'whos-who.html#person-lenin' in html
    True
    >>> "https://" in html or "base64" in html  # nothing from another host, no bundle
    False
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from itables import options as itables_options
from itables.javascript import to_html_datatable
from itables.version import __version__ as ITABLES_VERSION

from analysis.reading_view.links import html_cells
from analysis.reading_view.markup import esc, wrap_headings

#: What the table shows while its script loads, in place of ITables' own words.
LOADING = "Loading the table…"

#: The marker of a page that holds a table (the book's extension loads the scripts there).
MARKER = "data-rv-table"

#: Where the book's ``_static`` keeps the table's script and style, and the module that loads them.
STATIC_DIR = "itables"
LOADER = f"{STATIC_DIR}/load-itables.js"
STYLE = f"{STATIC_DIR}/dt_bundle.css"

#: A column whose longest cell is longer than this is text — it gets room to wrap (``rv-long``).
LONG_TEXT = 60

_KEY = "_itables_" + re.sub(r"[.-]", "_", ITABLES_VERSION)
_READY = f"itables-{ITABLES_VERSION}-ready"
_LOADING = re.compile(r"Loading ITables v[\d.]+ from the <code>init_notebook_mode</code> cell\.\.\."
                      r"\s*\(need <a href=[^>]*>help</a>\?\)")
_HINT = re.compile(r"<sup><noscript>.*?</noscript><a href=[^>]*>ⓘ</a></sup>", re.S)
_ARGS = re.compile(r"(let dt_args = )(\{.*?\n\s*\});", re.S)


def loader() -> str:
    """The module that loads the DataTables bundle beside it and tells the page's tables.

    ITables' offline tables wait for ``window._itables_<version>`` (a promise of
    the bundle) or its ready event; this sets both, once per page.

    Example:
        >>> "import(\\"./dt_bundle.js\\")" in loader() and ITABLES_VERSION in loader()
        True
    """
    return (f"// Loads the DataTables bundle of ITables {ITABLES_VERSION} (shipped beside this file)\n"
            f"// for the page's searchable tables (analysis.reading_view.tables).\n"
            f'if (!window["{_KEY}"]) {{\n'
            f'  window["{_KEY}"] = import("./dt_bundle.js");\n'
            f'  window["{_KEY}"].then(function (dt) {{\n'
            f"    dt.set_or_remove_dark_class();\n"
            f'    window.dispatchEvent(new Event("{_READY}"));\n'
            f"  }});\n"
            f"}}\n")


def assets(static: Path) -> list[Path]:
    """Write the tables' script, style and loader into ``static`` (a book's ``_static``).

    The bundle is copied from the installed (pinned) ``itables`` package only
    when it changed. Returns the files written or kept.

    Example:
        >>> import tempfile
        >>> written = assets(Path(tempfile.mkdtemp()))
        >>> sorted(p.name for p in written)
        ['dt_bundle.css', 'dt_bundle.js', 'load-itables.js']
    """
    target = static / STATIC_DIR
    target.mkdir(parents=True, exist_ok=True)
    bundle = Path(itables_options.dt_bundle)
    out = []
    for source in (bundle, bundle.with_suffix(".css")):
        copy = target / source.name
        if not copy.is_file() or copy.read_bytes() != source.read_bytes():
            shutil.copyfile(source, copy)
        out.append(copy)
    load = static / LOADER
    if not load.is_file() or load.read_text(encoding="utf-8") != loader():
        load.write_text(loader(), encoding="utf-8")
    return [*out, load]


class SearchableTable:
    """A searchable table as a notebook output (what :func:`show` returns)."""

    def __init__(self, frame: pd.DataFrame, html: str) -> None:
        self.data = frame
        self.html = html

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return repr(self.data)


def _escape_args(table: str) -> str:
    """The table's call with every ``<`` of its JSON arguments written ``\\u003c``."""
    found = _ARGS.search(table)
    if found is None:
        raise RuntimeError(f"itables {ITABLES_VERSION}: the table's arguments were not found")
    return table[:found.start(2)] + found.group(2).replace("<", "\\u003c") + table[found.end(2):]


def _lengths(page_length: int, rows: int) -> list[int]:
    """The menu of rows per page: the page length, the usual steps below the table's size, all rows.

    Example:
        >>> _lengths(8, 65), _lengths(10, 40), _lengths(25, 25)
        ([8, 10, 25, 50, 65], [10, 25, 40], [25])
    """
    steps = sorted({page_length, 10, 25, 50, 100})
    return [n for n in steps if n < rows and n >= page_length] + [max(rows, page_length)]


def show(frame: pd.DataFrame, *, table_id: str,
         links: Mapping[str, str | tuple[str, str]] | None = None, page_length: int = 10,
         caption: str | None = None, **options: object) -> SearchableTable:
    """``frame`` as a searchable, sortable table whose script ships with the book.

    Args:
        frame: the table (round its floats first: the output stores them).
        table_id: the table's HTML id, unique on its page.
        links: columns to show as links: column -> ``"paragraph"``,
            ``"sentence"`` or ``"person"`` (the column holds the ids), or
            ``(kind, id_column)`` (the column's text, linked to the id in
            ``id_column``); see :func:`analysis.reading_view.links.html_cells`.
        page_length: rows per page (the first choice of the menu).
        caption: a caption, said above the table.
        options: further ITables/DataTables options (e.g. ``order=[[1, "desc"]]``,
            ``columnDefs``).

    Example:
        >>> t = show(pd.DataFrame({"paragraph_id": [3, 8], "note": ["x" * 70, "y"]}),
        ...          table_id="t", links={"paragraph_id": "paragraph"})
        >>> html = t._repr_html_()
        >>> 'reading.html#p8' in html and LOADING in html and '"className": "rv-long"' in html
        True
        >>> '"lengthMenu": [8, 10, 25, 50, 65]' in show(pd.DataFrame({"a": range(65)}), table_id="u",
        ...                                               page_length=8).html
        True
    """
    cells = html_cells(frame, links or {}, numbers=True)
    if not isinstance(cells.columns, pd.MultiIndex):  # a heading may wrap after an underscore
        cells.columns = [wrap_headings(f"<th>{esc(c)}</th>")[4:-5] for c in cells.columns]
    shift = frame.index.nlevels if options.get("showIndex") else 0
    long = [i + shift for i, column in enumerate(frame.columns)
            if (frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]))
            and frame[column].astype(str).str.len().max() > LONG_TEXT]
    defs = list(options.pop("columnDefs", []))  # type: ignore[call-overload]
    if long:
        defs.append({"targets": long, "className": "rv-long"})
    settings: dict[str, object] = {"classes": "display compact rv-dt", "pageLength": page_length,
                                   "lengthMenu": _lengths(page_length, len(frame)),
                                   "showIndex": False, "maxBytes": 0,
                                   "display_logo_when_loading": False, "autoWidth": False,
                                   "text_in_header_can_be_selected": False}
    if defs:
        settings["columnDefs"] = defs
    if len(frame) <= page_length:
        settings["layout"] = {"topStart": None, "bottomStart": None, "bottomEnd": None}
    settings.update(options)
    table = to_html_datatable(cells, caption=caption, table_id=table_id, connected=False,
                              allow_html=True, **settings)
    table = _escape_args(_HINT.sub("", _LOADING.sub(LOADING, table)))
    return SearchableTable(frame, f'<div class="rv-table" {MARKER}="{esc(table_id)}">{table}</div>')
