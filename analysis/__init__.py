"""A tested package for reading one chapter of a memoir: its text, themes, people, tone and time.

Start from :func:`analysis.load_chapter` (:func:`analysis.datafiles.load_chapter`); every table it returns carries offsets into
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

import os
import signal
import sys


def _interrupted_while_starting(signum: int, _: object) -> None:
    """Stop ``python -m analysis`` quietly when a signal comes while it starts: nothing was written."""
    os.write(2, b"interrupted: nothing was written\n")
    os._exit(128 + signum)


_interrupted_while_starting.while_starting = True  # the command line puts its own in its place
if sys.argv[:1] == ["-m"]:  # run as python -m analysis: no traceback for an early Ctrl-C
    signal.signal(signal.SIGINT, _interrupted_while_starting)
    signal.signal(signal.SIGTERM, _interrupted_while_starting)
    signal.signal(signal.SIGHUP, _interrupted_while_starting)

from typing import TYPE_CHECKING  # noqa: E402

from analysis.errors import AnalysisError, DataFileError, SourceError

if TYPE_CHECKING:
    from analysis.datafiles import load_chapter
    from analysis.text.chapter import Chapter

__all__ = ["AnalysisError", "Chapter", "DataFileError", "SourceError", "load_chapter"]


def __getattr__(name: str) -> object:
    """Import :class:`analysis.text.chapter.Chapter` and :func:`analysis.datafiles.load_chapter` when first used."""
    if name == "Chapter":
        from analysis.text.chapter import Chapter

        return Chapter
    if name == "load_chapter":
        from analysis.datafiles import load_chapter

        return load_chapter
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
