"""Helpers for the Jupyter Book on chapter 4 of Victor Serge's *Memoirs of a Revolutionary*.

Start from :func:`load_chapter`; every table it returns carries offsets into
the seed file as stored.

Example:
    >>> from analysis import load_chapter
    >>> chapter = load_chapter()
    >>> chapter.source.path.name
    'serge-memoirs-ch4-excerpt.txt'
"""

from analysis.errors import AnalysisError, DataFileError, SourceError
from analysis.text import Chapter, load_chapter

__all__ = ["AnalysisError", "Chapter", "DataFileError", "SourceError", "load_chapter"]
