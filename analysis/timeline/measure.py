"""The method measured against the readers: every comparison of time and hindsight, in tables.

:func:`load_annotation_files` reads whichever parts of the annotation are given
(:data:`analysis.timeline.annotations.PARTS`; their files are named by
:meth:`analysis.datafiles.DataFiles.time_annotation_paths`);
:func:`time_agreement` and :func:`hindsight_agreement_table` set, in one table,
the two readers against each other (how far the task itself is agreed) and the
method against each reader and against the reference, which exists only once
the adjudication does: without it, its row is left out and the table's
``attrs["note"]`` says so.

Example:
    >>> from analysis.timeline.expressions import time_expressions
    >>> files = load_annotation_files(chapter, files.time_annotation_paths(chapter))
    >>> table = time_agreement(chapter, time_expressions(chapter), files, n_boot=50)
    >>> table.index.tolist()
    ['reader A vs reader B', 'method vs reader A', 'method vs reader B', 'method vs reference']
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from analysis.text import Chapter
from analysis.timeline.annotations import (PARTS, HINDSIGHT, HINDSIGHT_ADJUDICATION, TIME,
                                           TIME_ADJUDICATION, hindsight_reference,
                                           load_hindsight, load_time, time_reference)
from analysis.timeline.validation import comparisons, hindsight_agreement, span_agreement


def load_annotation_files(chapter: Chapter, paths: Mapping[str, str | Path]
                          ) -> dict[str, pd.DataFrame | None]:
    """Each part of the annotation given in ``paths`` (keys of
    :data:`~analysis.timeline.annotations.PARTS`), ``None`` for the others.

    Raises:
        DataFileError: a file given is malformed or does not anchor.

    Example:
        >>> sorted(k for k, v in load_annotation_files(chapter, {}).items() if v is not None)
        []
    """
    out: dict[str, pd.DataFrame | None] = {key: None for key in PARTS}
    for key, path in paths.items():
        settled = key.endswith("adjudication")
        if key.startswith("time"):
            out[key] = load_time(chapter, path, TIME_ADJUDICATION if settled else TIME)
        else:
            out[key] = load_hindsight(chapter, path,
                                      HINDSIGHT_ADJUDICATION if settled else HINDSIGHT)
    return out


def references(files: dict[str, pd.DataFrame | None]
               ) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """The reference time expressions and hindsight sentences, where their files are all there.

    Example:
        >>> references(load_annotation_files(chapter, {}))
        (None, None)
    """
    time = hindsight = None
    if all(files.get(k) is not None for k in ("time_a", "time_b", "time_adjudication")):
        time = time_reference(files["time_a"], files["time_b"], files["time_adjudication"])
    if all(files.get(k) is not None for k in ("hindsight_a", "hindsight_b",
                                              "hindsight_adjudication")):
        hindsight = hindsight_reference(files["hindsight_a"], files["hindsight_b"],
                                        files["hindsight_adjudication"])
    return time, hindsight


def _note(table: pd.DataFrame, reference: object, what: str) -> pd.DataFrame:
    if reference is None:
        table.attrs["note"] = (f"no reference for {what}: the adjudication file is missing, so "
                               "the method is measured against each reader only")
    return table


def time_agreement(chapter: Chapter, method: pd.DataFrame,
                   files: dict[str, pd.DataFrame | None], **kwargs: object) -> pd.DataFrame:
    """Span agreement (:func:`analysis.timeline.validation.span_agreement`) of every pair there is.

    ``method``: :func:`analysis.timeline.expressions.time_expressions`; ``files``:
    :func:`load_annotation_files`; ``kwargs`` go to the bootstrap (``n_boot``,
    ``seed``, ``level``). Paragraphs redrawn: every paragraph that is not a title.
    """
    paragraphs = chapter.paragraphs.loc[chapter.paragraphs["kind"] != "title",
                                        "paragraph_id"].tolist()
    a, b = files.get("time_a"), files.get("time_b")
    reference, _ = references(files)
    pairs = {}
    if a is not None and b is not None:
        pairs["reader A vs reader B"] = (a, b)
    for name, other in (("reader A", a), ("reader B", b), ("reference", reference)):
        if other is not None:
            pairs[f"method vs {name}"] = (method, other)
    table = comparisons(pairs, span_agreement, paragraphs, **kwargs) if pairs else pd.DataFrame()
    return _note(table, reference, "the time expressions")


def hindsight_agreement_table(chapter: Chapter, marks: pd.DataFrame,
                              files: dict[str, pd.DataFrame | None],
                              **kwargs: object) -> pd.DataFrame:
    """Hindsight agreement (:func:`analysis.timeline.validation.hindsight_agreement`) of every pair.

    ``marks``: :func:`analysis.timeline.hindsight.hindsight`; the sentences are
    those of the narration.

    Example:
        >>> from analysis.timeline import hindsight, time_expressions
        >>> files = load_annotation_files(chapter, files.time_annotation_paths(chapter))
        >>> t = hindsight_agreement_table(chapter, hindsight(chapter, time_expressions(chapter)),
        ...                               files, n_boot=20)
        >>> float(t.loc["method vs reference", "precision"])
        1.0
    """
    narrative = chapter.paragraphs.loc[chapter.paragraphs["kind"] == "narrative", "paragraph_id"]
    sentences = chapter.sentences[chapter.sentences["paragraph_id"].isin(narrative)]
    found = marks.loc[marks["hindsight"], "sentence_id"]
    a, b = files.get("hindsight_a"), files.get("hindsight_b")
    _, reference = references(files)
    pairs = {}
    if a is not None and b is not None:
        pairs["reader A vs reader B"] = (a["sentence_id"], b["sentence_id"])
    for name, other in (("reader A", a), ("reader B", b), ("reference", reference)):
        if other is not None:
            pairs[f"method vs {name}"] = (found, other["sentence_id"])
    table = (comparisons(pairs, hindsight_agreement, sentences, **kwargs) if pairs
             else pd.DataFrame())
    return _note(table, reference, "hindsight")
