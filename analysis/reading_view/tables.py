"""Interactive tables (search, sort, pages) that work offline: ITables with its scripts embedded.

:func:`interactive` shows a DataFrame as an ITables (DataTables) table in
ITables' offline mode: the DataTables bundle that ships in the ``itables``
package is embedded, once, in the output, so that the built book loads nothing
from another host. Without JavaScript the reader sees the plain table.
Columns can be links into the reading page or the who's-who
(:mod:`analysis.reading_view.links`). Every output is the same on every run
(the table's id is given, never drawn at random), so the stored notebook
output can be compared.

Example:
    >>> table = interactive(register[["person_id", "name", "role"]].head(3), table_id="people",
    ...                     links={"name": ("person", "person_id")})
    >>> html = table._repr_html_()
    >>> 'id="people"' in html and 'whos-who.html#person-lenin' in html
    True
    >>> "https://cdn" in html or "unpkg" in html  # nothing from another host
    False
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd
from itables import options as itables_options
from itables.javascript import generate_init_offline_itables_html, to_html_datatable

from analysis.reading_view.links import html_cells

#: What the table shows while its script loads, in place of ITables' own words.
LOADING = "Loading the table…"

_LOADING = re.compile(r"Loading ITables v[\d.]+ from the <code>init_notebook_mode</code> cell\.\.\."
                      r"\s*\(need <a href=[^>]*>help</a>\?\)")
_HINT = re.compile(r"<sup><noscript>.*?</noscript><a href=[^>]*>ⓘ</a></sup>", re.S)
_BUNDLE_NOTE = re.compile(r'<div style="vertical-align:middle; text-align:left">\s*<noscript>.*?'
                          r"</noscript>\s*</div>\s*$", re.S)


def bundle() -> str:
    """The DataTables script and style of the ``itables`` package, embedded (about 1 MB).

    Example:
        >>> html = bundle()
        >>> html.startswith("<script>") and "noscript" not in html
        True
    """
    return _BUNDLE_NOTE.sub("", generate_init_offline_itables_html(itables_options.dt_bundle))


class InteractiveTable:
    """An interactive table as a notebook output (what :func:`interactive` returns)."""

    def __init__(self, frame: pd.DataFrame, html: str) -> None:
        self.data = frame
        self.html = html

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return repr(self.data)


def interactive(frame: pd.DataFrame, *, table_id: str,
                links: Mapping[str, str | tuple[str, str]] | None = None,
                include_bundle: bool = True, page_length: int = 10,
                **options: object) -> InteractiveTable:
    """``frame`` as a searchable, sortable table whose scripts ship with the book.

    Args:
        frame: the table (round its floats first: the output stores them).
        table_id: the table's HTML id, unique on its page.
        links: columns to show as links: column -> ``"paragraph"``,
            ``"sentence"`` or ``"person"`` (the column holds the ids), or
            ``(kind, id_column)`` (the column's text, linked to the id in
            ``id_column``); see :func:`analysis.reading_view.links.html_cells`.
        include_bundle: embed the DataTables bundle; a second table on the
            same page passes ``False``.
        page_length: rows per page.
        options: further ITables/DataTables options (e.g. ``order=[[1, "desc"]]``).

    Example:
        >>> t = interactive(pd.DataFrame({"paragraph_id": [3, 8]}), table_id="t",
        ...                 links={"paragraph_id": "paragraph"}, include_bundle=False)
        >>> 'reading.html#p8' in t._repr_html_() and LOADING in t._repr_html_()
        True
    """
    cells = html_cells(frame, links or {}, numbers=True)
    settings: dict[str, object] = {"classes": "display compact", "pageLength": page_length,
                                   "showIndex": False, "maxBytes": 0,
                                   "display_logo_when_loading": False,
                                   "text_in_header_can_be_selected": False}
    if len(frame) <= page_length:
        settings["layout"] = {"topStart": None, "bottomStart": None, "bottomEnd": None}
    settings.update(options)
    table = to_html_datatable(cells, table_id=table_id, connected=False, allow_html=True,
                              **settings)
    table = _HINT.sub("", _LOADING.sub(LOADING, table))
    return InteractiveTable(frame, (bundle() if include_bundle else "") + table)
