"""Exceptions raised by the package, each naming the file and the problem.

Every error a reader or an extender can trigger with bad input derives from
:class:`AnalysisError`, so the command line can print it as one line and exit
non-zero without a traceback.
"""

from __future__ import annotations


class AnalysisError(Exception):
    """Base class of every error the package raises on bad input or data."""


class SourceError(AnalysisError):
    """A text file cannot be read as a chapter (missing, not UTF-8, empty ...)."""


class DataFileError(AnalysisError):
    """A data file (corrections, lexicon, register, annotations) is malformed.

    The message names the file, and the row and column where it can.
    """
