"""What each page of a book shows, for any text: its numbers, figures and tables.

A page of a book about a text (a notebook of the bundled chapter's book, or a
page of the book ``python -m analysis book`` writes for any text) holds prose,
calls and glued numbers, and nothing else. Each module of this package serves
one page: its ``numbers(results)`` gives every number the page's prose names,
already rounded to the precision the prose prints (a float is never glued at
full precision: another processor differs in the last digits), and its other
functions give the page's figures and tables. They take an
:class:`~analysis.results.Analyses` and accept what a text lacks (a reference
reading, episodes, a second reader): where something is missing they say so, in
the words of :attr:`~analysis.results.Analyses.missing`, instead of failing.

Which text a page reads comes from one place, :func:`current`: the bundled
chapter with the bundled data files, unless the environment names another text
(:data:`TEXT`), data folder (:data:`DATA`) or title (:data:`TITLE`), as the
``book`` command does for each page it runs. What a page measures beyond the
tables of :class:`~analysis.results.Analyses` is computed once per text by a
function marked :func:`once`, so that its numbers, figures and tables share it.
The shared modules: :mod:`~analysis.pages.format` (how the prose says a
statistic and who read the text) and :mod:`~analysis.pages.figures` (how a
figure is stored).

Example:
    >>> results = current()
    >>> results.chapter.source.path.name
    'serge-memoirs-ch4-excerpt.txt'
    >>> as_number(0.123456, 2), as_number(float("nan"), 2), as_number(3, 0), as_number(-0.001, 2)
    (0.12, None, 3, 0.0)
"""

from __future__ import annotations

import functools
import inspect
import math
import os
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import ParamSpec, TypeVar

import pandas as pd

from analysis.datafiles import DataFiles
from analysis.results import Analyses

#: The environment variables that name the text a book's pages read, its data folder and title.
TEXT, DATA, TITLE = "ANALYSIS_TEXT", "ANALYSIS_DATA", "ANALYSIS_TITLE"


@lru_cache(maxsize=1)
def current() -> Analyses:
    """The analyses of the text the pages read (see the module's notes), computed once per process."""
    text, data = os.environ.get(TEXT), os.environ.get(DATA)
    files = DataFiles.from_dir(Path(data)) if data else DataFiles()
    return Analyses.load(Path(text) if text else None, files, title=os.environ.get(TITLE) or None)


def as_number(value: object, digits: int) -> float | int | None:
    """``value`` rounded to ``digits`` places as the prose prints it (``None`` if undefined).

    ``digits=0`` gives a whole number. See the module's example.
    """
    number = float(value)  # type: ignore[arg-type]
    if math.isnan(number):
        return None
    return int(round(number)) if digits == 0 else round(number, digits) + 0.0  # never "-0.0"


def at(table: pd.DataFrame | None, index: object, column: str,
       digits: int) -> float | int | None:
    """``table.loc[index, column]`` rounded as :func:`as_number` (``None`` without the table, the
    row or a value).

    Example:
        >>> table = pd.DataFrame({"auc": [0.8123, None]}, index=["terror", "nep"])
        >>> at(table, "terror", "auc", 2), at(table, "nep", "auc", 2), at(None, "terror", "auc", 2)
        (0.81, None, None)
    """
    if table is None or index not in table.index or pd.isna(table.loc[index, column]):
        return None
    return as_number(table.loc[index, column], digits)


P = ParamSpec("P")
R = TypeVar("R")


def once(compute: Callable[P, R]) -> Callable[P, R]:
    """``compute(results, ...)`` computed once per ``results`` and arguments, then kept with it.

    For what a page measures from an :class:`~analysis.results.Analyses` (or a
    corpus) beyond its own tables: the page's numbers, figures and tables all ask
    for it, and it is computed the first time. The result lives as long as
    ``results`` (as the :class:`~analysis.results.Analyses`' own tables do);
    the arguments after ``results`` must be hashable.

    Example:
        >>> calls = []
        >>> @once
        ... def length(results, extra=0):
        ...     calls.append(extra)
        ...     return len(results.chapter.sentences) + extra
        >>> results = Analyses(chapter)
        >>> length(results) == length(results, 0) == length(results, extra=0), calls
        (True, [0])
    """
    signature = inspect.signature(compute)
    name = f"{compute.__module__}.{compute.__qualname__}"

    @functools.wraps(compute)
    def kept(*args: P.args, **kwargs: P.kwargs) -> R:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        results, *rest = bound.arguments.values()
        store = results.__dict__.setdefault("_pages", {})
        key = (name, *rest)
        if key not in store:
            store[key] = compute(*args, **kwargs)
        return store[key]
    return kept


def glue_numbers(numbers: Mapping[str, object]) -> None:
    """Glue every number of a page (``name -> value``) for its prose, without showing it.

    A value that is ``None`` (undefined for this text) is glued as ``"—"``.
    """
    from myst_nb import glue

    for name, value in numbers.items():
        glue(name, "—" if value is None else value, display=False)
