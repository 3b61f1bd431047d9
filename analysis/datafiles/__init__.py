"""The data files an analysis reads: the bundled ones, or an extender's own; the one place that
knows their names.

:mod:`~analysis.datafiles.names` names every data file and annotation file and says where the
bundled ones are (it imports nothing heavy, so the command line's help can list them);
:mod:`~analysis.datafiles.files` holds :class:`DataFiles`, which reads them, and
:func:`load_chapter`, the one loader with a default; :mod:`~analysis.datafiles.annotations` its
methods for the readers' annotations. The names below are imported on first use.

Example:
    >>> from analysis.datafiles import DataFiles, FILE_NAMES
    >>> DataFiles().path("themes").name == FILE_NAMES["themes"]
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.datafiles.names import (ANNOTATION_SETS, CHAPTER_SPECIFIC, CORPUS_FILE,
                                      DATA_FOLDER, FILE_NAMES, SEED, SEED_SHA256, SPAN_SETS,
                                      data_path, seed_path)

if TYPE_CHECKING:
    from analysis.datafiles.files import DataFiles, load_chapter

__all__ = ["ANNOTATION_SETS", "CHAPTER_SPECIFIC", "CORPUS_FILE", "DATA_FOLDER", "FILE_NAMES",
           "SEED", "SEED_SHA256", "SPAN_SETS", "DataFiles", "data_path", "load_chapter",
           "seed_path"]


def __getattr__(name: str) -> object:
    """Import :class:`DataFiles` and :func:`load_chapter` (and the libraries they read with) when
    first used."""
    if name in ("DataFiles", "load_chapter"):
        from analysis.datafiles import files

        return getattr(files, name)
    raise AttributeError(f"module 'analysis.datafiles' has no attribute {name!r}")
