"""Anchors of the reading page and the who's-who, and links to them for the book's pages.

Every anchor is spelled here once: a paragraph ``p43``, a sentence ``s312``, a
person ``person-lenin`` (:func:`paragraph_anchor`, :func:`sentence_anchor`,
:func:`person_anchor`); the pages, the marks, the who's-who, the figures and
the book's extension all take them from these functions.

The book's pages sit beside the reading page (``reading.html``) and the
who's-who (``whos-who.html``), so a link from a page's output is relative to
them; the book's extension checks, when the book is built, that every such
link lands on an anchor that exists (and rewrites it for a page in another
folder). In prose, the roles ``{para}`43``` and ``{sent}`312``` do the same.

Example:
    >>> paragraph_link(43)
    '<a class="rv-link" href="reading.html#p43">¶43</a>'
    >>> table = linked_table(pd.DataFrame({"paragraph_id": [3, 8], "n": [2, 1]}),
    ...                      {"paragraph_id": "paragraph"})
    >>> 'href="reading.html#p8"' in table._repr_html_()
    True
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis.reading_view.markup import breakable, esc

#: The reading page and the who's-who, as linked from a page beside them.
READING_PAGE = "reading.html"
WHOS_WHO_PAGE = "whos-who.html"


def paragraph_anchor(paragraph_id: int) -> str:
    """The id of a paragraph on the reading page.

    Example:
        >>> paragraph_anchor(43)
        'p43'
    """
    return f"p{int(paragraph_id)}"


def sentence_anchor(sentence_id: int) -> str:
    """The id of a sentence on the reading page.

    Example:
        >>> sentence_anchor(312)
        's312'
    """
    return f"s{int(sentence_id)}"


def person_anchor(person_id: str) -> str:
    """The id of a person's entry in the who's-who.

    Example:
        >>> person_anchor("lenin")
        'person-lenin'
    """
    return f"person-{person_id}"


def paragraph_href(paragraph_id: int, page: str = READING_PAGE) -> str:
    """The address of a paragraph on the reading page.

    Example:
        >>> paragraph_href(43)
        'reading.html#p43'
    """
    return f"{page}#{paragraph_anchor(paragraph_id)}"


def sentence_href(sentence_id: int, page: str = READING_PAGE) -> str:
    """The address of a sentence on the reading page.

    Example:
        >>> sentence_href(312)
        'reading.html#s312'
    """
    return f"{page}#{sentence_anchor(sentence_id)}"


def person_href(person_id: str, page: str = WHOS_WHO_PAGE) -> str:
    """The address of a person's entry in the who's-who.

    Example:
        >>> person_href("lenin")
        'whos-who.html#person-lenin'
    """
    return f"{page}#{person_anchor(person_id)}"


def _link(href: str, default: str, text: str | None) -> str:
    """A link of the reading view to ``href``, reading ``text`` (escaped) or ``default``."""
    shown = default if text is None else esc(text)
    return f'<a class="rv-link" href="{esc(href)}">{shown}</a>'


def paragraph_link(paragraph_id: int, page: str = READING_PAGE, text: str | None = None) -> str:
    """A link to a paragraph, reading "¶43" (or ``text``).

    Example:
        >>> paragraph_link(8)
        '<a class="rv-link" href="reading.html#p8">¶8</a>'
    """
    return _link(paragraph_href(paragraph_id, page), f"¶{int(paragraph_id)}", text)


def sentence_link(sentence_id: int, page: str = READING_PAGE, text: str | None = None) -> str:
    """A link to a sentence, reading "s312" (or ``text``).

    Example:
        >>> sentence_link(312)
        '<a class="rv-link" href="reading.html#s312">s312</a>'
    """
    return _link(sentence_href(sentence_id, page), sentence_anchor(sentence_id), text)


def person_link(person_id: str, page: str = WHOS_WHO_PAGE, text: str | None = None) -> str:
    """A link to a person's entry, reading ``text`` (the ``person_id`` if not given).

    Example:
        >>> person_link("lenin", text="Lenin")
        '<a class="rv-link" href="whos-who.html#person-lenin">Lenin</a>'
    """
    return _link(person_href(person_id, page), esc(person_id), text)


#: The kinds of link :func:`linked_table` makes, each with its link function.
KINDS = {"paragraph": paragraph_link, "sentence": sentence_link, "person": person_link}


def link_cells(ids: pd.Series, kind: str, texts: pd.Series | None = None,
               numbers: bool = False) -> pd.Series:
    """A column of ids as links (empty where the id is missing), reading ``texts`` if given.

    ``numbers=True`` makes a paragraph or sentence link read its bare number
    (so that a sortable table sorts it as a number).

    Example:
        >>> link_cells(pd.Series([3, None]), "paragraph").tolist()
        ['<a class="rv-link" href="reading.html#p3">¶3</a>', '']
        >>> link_cells(pd.Series([3]), "paragraph", numbers=True).tolist()
        ['<a class="rv-link" href="reading.html#p3">3</a>']
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    make = KINDS[kind]
    if texts is None:
        texts = ids.map(lambda v: str(int(v)) if numbers and kind != "person" and not pd.isna(v)
                        else None)
    return pd.Series([
        "" if pd.isna(v) else make(v if kind == "person" else int(v),
                                   text=None if t is None or (not isinstance(t, str) and pd.isna(t))
                                   else t)
        for v, t in zip(ids, texts)], index=ids.index, dtype=object)


def html_cells(frame: pd.DataFrame, links: Mapping[str, str | tuple[str, str]],
               numbers: bool = False) -> pd.DataFrame:
    """``frame`` with the columns (or index levels) named in ``links`` as links, the rest escaped.

    Text is escaped, and its long runs (web addresses) may break
    (:func:`analysis.reading_view.markup.breakable`).

    ``links`` maps a column to the kind of the ids it holds (``paragraph``,
    ``sentence``, ``person``), or to ``(kind, id_column)``: the column's text,
    linked to the id in another column.

    Example:
        >>> cells = html_cells(pd.DataFrame({"person_id": ["lenin"], "name": ["Lenin"],
        ...                                  "text": ["a < b"]}), {"name": ("person", "person_id")})
        >>> cells.loc[0, "name"], cells.loc[0, "text"]
        ('<a class="rv-link" href="whos-who.html#person-lenin">Lenin</a>', 'a &lt; b')
    """
    out = frame.copy()
    for column in out.columns:
        if column in links:
            spec = links[column]
            kind, source = (spec, None) if isinstance(spec, str) else spec
            out[column] = (link_cells(out[column], kind, numbers=numbers) if source is None else
                           link_cells(frame[source], kind, texts=frame[column].astype(str)))
        elif out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: v if pd.isna(v) else breakable(esc(v)))
    names = list(out.index.names)
    if any(n in links and isinstance(links[n], str) for n in names):
        index = out.index.to_frame(index=False)
        for name in names:
            if name in links and isinstance(links[name], str):
                index[name] = link_cells(index[name], links[name], numbers=numbers).to_numpy()
        out.index = pd.MultiIndex.from_frame(index) if len(names) > 1 else pd.Index(
            index[names[0]], name=names[0])
    return out


class LinkedTable:
    """A DataFrame shown with some columns as links (what :func:`linked_table` returns).

    Its HTML is the DataFrame's own table (class ``dataframe``), so it looks
    like every other table of the book, with every cell whole whatever
    ``display.max_colwidth`` says; its plain text is the DataFrame's.
    """

    def __init__(self, frame: pd.DataFrame, links: Mapping[str, str | tuple[str, str]]) -> None:
        self.data = frame
        self.links = dict(links)

    def _repr_html_(self) -> str:
        with pd.option_context("display.max_colwidth", None):
            return html_cells(self.data, self.links).to_html(escape=False, na_rep="")

    def __repr__(self) -> str:
        return repr(self.data)


def linked_table(frame: pd.DataFrame, links: Mapping[str, str | tuple[str, str]]) -> LinkedTable:
    """Show ``frame`` with the columns (or index levels) in ``links`` as links.

    ``links`` maps a column to the kind of its ids: ``paragraph`` (to the
    reading page's paragraph), ``sentence`` (to its sentence) or ``person`` (to
    the who's-who entry), or to ``(kind, id_column)`` (the column's text linked
    to the id in another column). Use it as a cell's last expression.

    Example:
        >>> t = linked_table(pd.DataFrame({"sentence_id": [312], "score": [-0.5]}),
        ...                  {"sentence_id": "sentence"})
        >>> print(t)
           sentence_id  score
        0          312   -0.5
    """
    return LinkedTable(frame, links)
