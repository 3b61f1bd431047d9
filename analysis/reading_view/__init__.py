"""The reading view: the chapter's text with the analyses laid on it, the who's-who, and links into them.

The modules: :mod:`~analysis.reading_view.markup` (well-nested HTML from offset
intervals), :mod:`~analysis.reading_view.marks` (the marks of each layer and
their tooltips), :mod:`~analysis.reading_view.page` (:func:`~analysis.reading_view.page.render`, the
reading page), :mod:`~analysis.reading_view.whos_who`
(:func:`~analysis.reading_view.whos_who.whos_who`),
:mod:`~analysis.reading_view.links` (links to paragraphs, sentences and people
for the pages' tables), :mod:`~analysis.reading_view.tables` (an interactive,
searchable and sortable table) and :mod:`~analysis.reading_view.figures`
(interactive figures). The book's extension (``book/_ext/reading_view.py``)
puts the reading page and the who's-who into the book when it is built. The
tables and figures are not re-exported (they import their libraries): import
them from their modules.

Example:
    >>> from analysis import reading_view
    >>> reading_view.paragraph_link(43)
    '<a class="rv-link" href="reading.html#p43">¶43</a>'
"""

from analysis.reading_view.links import (READING_PAGE, WHOS_WHO_PAGE, linked_table,
                                         paragraph_href, paragraph_link, person_href,
                                         person_link, sentence_href, sentence_link)
from analysis.reading_view.markup import Atom, Mark, nest
from analysis.reading_view.page import OPENING_WORDS, render
from analysis.reading_view.whos_who import whos_who

__all__ = ["OPENING_WORDS", "READING_PAGE", "WHOS_WHO_PAGE", "Atom", "Mark", "linked_table",
           "nest", "paragraph_href", "paragraph_link", "person_href", "person_link", "render",
           "sentence_href", "sentence_link", "whos_who"]
