"""The reading view: the chapter's text with the analyses laid on it, the who's-who, and links into them.

The modules: :mod:`~analysis.reading_view.markup` (well-nested HTML from offset
intervals, and the one escaping of text and of JSON embedded in a page),
:mod:`~analysis.reading_view.links` (every anchor, ``p43``, ``s312``,
``person-lenin``, and the links to them for the pages' tables),
:mod:`~analysis.reading_view.marks` (the marks of each layer and their
tooltips), :mod:`~analysis.reading_view.page`
(:func:`~analysis.reading_view.page.render`, the reading page, from an
:class:`~analysis.results.Analyses`), :mod:`~analysis.reading_view.whos_who`
(:func:`~analysis.reading_view.whos_who.whos_who`),
:mod:`~analysis.reading_view.tables` (:func:`~analysis.reading_view.tables.show`,
a searchable, sortable table), :mod:`~analysis.reading_view.figures`
(interactive figures) and :mod:`~analysis.reading_view.placement` (labels that
cover no other). The book's extension (``book/_ext/reading_pages.py``) puts
the reading page and the who's-who into the book when it is built, and ships
the scripts of the tables and figures once. The tables and figures are not
re-exported (they import their libraries): import them from their modules.

Example:
    >>> from analysis import reading_view
    >>> reading_view.paragraph_link(43)
    '<a class="rv-link" href="reading.html#p43">¶43</a>'
"""

from analysis.reading_view.links import (READING_PAGE, WHOS_WHO_PAGE, linked_table,
                                         paragraph_anchor, paragraph_href, paragraph_link,
                                         person_anchor, person_href, person_link,
                                         sentence_anchor, sentence_href, sentence_link)
from analysis.reading_view.markup import Atom, Mark, esc, nest, script_json
from analysis.reading_view.page import LAYERS, OPENING_WORDS, Layer, render
from analysis.reading_view.whos_who import whos_who

__all__ = ["LAYERS", "OPENING_WORDS", "READING_PAGE", "WHOS_WHO_PAGE", "Atom", "Layer", "Mark",
           "esc", "linked_table", "nest", "paragraph_anchor", "paragraph_href", "paragraph_link",
           "person_anchor", "person_href", "person_link", "render", "script_json",
           "sentence_anchor", "sentence_href", "sentence_link", "whos_who"]
