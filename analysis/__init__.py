"""Helpers for the Jupyter Book on chapter 4 of Victor Serge's *Memoirs of a Revolutionary*.

Start from :func:`analysis.text.chapter.load_chapter`; every table it returns carries offsets into
the seed file as stored. The analyses live in subpackages by concern
(:mod:`analysis.text`, :mod:`analysis.themes`, :mod:`analysis.people`,
:mod:`analysis.sentiment`, :mod:`analysis.synthesis`); ``ARCHITECTURE.md`` in
the repository says how the data flows between them. The names below are
imported on first use, so that the command line starts at once.

Example:
    >>> from analysis import load_chapter
    >>> load_chapter().source.path.name
    'serge-memoirs-ch4-excerpt.txt'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.errors import AnalysisError, DataFileError, SourceError

if TYPE_CHECKING:
    from analysis.text.chapter import Chapter, load_chapter

__all__ = ["AnalysisError", "Chapter", "DataFileError", "SourceError", "load_chapter"]


def __getattr__(name: str) -> object:
    """Import :class:`analysis.text.chapter.Chapter` and :func:`analysis.text.chapter.load_chapter` when first used."""
    if name in ("Chapter", "load_chapter"):
        from analysis.text import chapter

        return getattr(chapter, name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
