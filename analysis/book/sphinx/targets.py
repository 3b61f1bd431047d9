"""What the book's links lead to: the texts, their reading pages and the anchors those hold.

A book reads one text, :func:`analyses` (:func:`analysis.pages.current`: the
bundled chapter, or the text the environment names); its reading page is
``book/reading`` and its who's-who ``book/whos-who``. The bundled book also
reads the other texts of the corpus of witnesses (:func:`corpus`): each has a
reading page of its own, ``book/reading-<text_id>``, with its who's-who below
the text (:func:`documents`; the names come from
:func:`analysis.pages.witnesses.reading_pages`). A link names a page by its
*key*: ``reading``, ``whos-who`` or ``reading-<text_id>``; :func:`anchors`
gives the ids a page holds, so that a link to a missing one fails the build.

Example:
    >>> documents()["russell"], documents()["serge"]
    ('book/reading-russell', 'book/reading')
    >>> sorted(anchors("reading-russell") & {"p1", "s1", "person-lenin", "rv", "ww"})
    ['p1', 'person-lenin', 'rv', 's1', 'ww']
    >>> anchors("reading-nobody") is None
    True
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.corpus.witnesses import Corpus
    from analysis.results import Analyses

#: The book's own reading page and who's-who (documents), and the key of each.
READING_DOC, WHOS_WHO_DOC = "book/reading", "book/whos-who"
READING, WHOS_WHO = "reading", "whos-who"


def analyses() -> Analyses:
    """The analyses of the text the book reads (:func:`analysis.pages.current`), computed once."""
    from analysis import pages

    return pages.current()


@functools.lru_cache(maxsize=1)
def corpus() -> Corpus:
    """The corpus of witnesses whose texts get a reading page each (the bundled one)."""
    from analysis.pages import witnesses

    return witnesses.current()


@functools.lru_cache(maxsize=1)
def documents() -> dict[str, str]:
    """``text_id`` -> the document of its reading page (the book's own for the text it reads)."""
    from analysis.pages.witnesses import reading_pages

    pages = reading_pages(corpus(), analyses().chapter.source.path)
    return {text_id: "book/" + page.removesuffix(".html") for text_id, page in pages.items()}


def key_of(document: str) -> str:
    """The key of a page (``book/reading-goldman`` -> ``reading-goldman``)."""
    return document.rsplit("/", 1)[-1]


def witness(key: str) -> str | None:
    """The ``text_id`` whose own reading page has the key ``key`` (``None``: no text's).

    Example:
        >>> witness("reading-goldman"), witness("reading"), witness("whos-who")
        ('goldman', None, None)
    """
    if not key.startswith(READING + "-"):
        return None
    found = [t for t, doc in documents().items() if key_of(doc) == key]
    return found[0] if found else None


def results_of(text_id: str) -> Analyses:
    """The analyses of a text of the corpus (the book's own text: :func:`analyses`)."""
    if documents().get(text_id) == READING_DOC:
        return analyses()
    return corpus().results(text_id)


@functools.lru_cache(maxsize=None)
def anchors(key: str) -> frozenset[str] | None:
    """The ids a page holds that links may lead to (``None``: the book has no such page).

    ``reading``: each paragraph and sentence of the book's text, and ``rv``;
    ``whos-who``: each person of its register as shown, and ``ww``; a witness's
    ``reading-<text_id>``: both, for its text and register (its who's-who is on
    the same page).
    """
    from analysis.reading_view import paragraph_anchor, person_anchor, sentence_anchor

    def text(results: Analyses) -> set[str]:
        return ({paragraph_anchor(i) for i in results.chapter.paragraphs["paragraph_id"]}
                | {sentence_anchor(i) for i in results.chapter.sentences["sentence_id"]} | {"rv"})

    def people(results: Analyses) -> set[str]:
        return {person_anchor(p) for p in results.shown_register["person_id"]} | {"ww"}

    if key == READING:
        return frozenset(text(analyses()))
    if key == WHOS_WHO:
        return frozenset(people(analyses()))
    text_id = witness(key)
    if text_id is None:
        return None
    results = results_of(text_id)
    return frozenset(text(results) | people(results))


def sources(results: Analyses) -> list[Path]:
    """The files a reading page is made from: the text and every file of its data folders."""
    from analysis.datafiles import FILE_NAMES

    found = [Path(results.chapter.source.path)]
    for folder in sorted({results.files.path(name).parent for name in FILE_NAMES}):
        found += [p for p in sorted(folder.rglob("*")) if p.is_file()
                  and "__pycache__" not in p.parts]
    return found
