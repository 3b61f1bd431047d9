"""The story's dates: a chronology of the events a text tells, set against the order of telling.

A chronology file (``chronology.csv``, :data:`CHRONOLOGY`) lists the events a
text narrates or mentions, one row each: the passage that tells it, anchored
by quotation like every record file (:mod:`analysis.text.records`); a short
name; its date from the historical record (ISO 8601, ``date_end`` where it
lasted); what the text says of when (``text_date``, quoted, or empty); the
reference work at its canonical address (``source``); and a ``note`` where the
text's dating and the record differ.

:func:`narration_table` lays the text's dates along the order of telling: every
dated time expression (:func:`analysis.timeline.expressions.time_expressions`)
and every event of the chronology, at its place in the text and its stretch of
history, with the time its paragraph narrates; :func:`jumps` says which are
told out of order — an **analepsis** (a jump back before the time narrated) or
a **prolepsis** (a jump forward) — and :func:`jumps_by_episode` counts them.

Example:
    >>> chron = load_chronology(chapter, data_path("chronology.csv"))
    >>> row = chron[chron["event"].str.startswith("March Action")].iloc[0]
    >>> row.date, row.date_end, row.text_date
    ('1921-03-17', '1921-04-01', '18 March of the previous year (1921)')
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analysis.errors import DataFileError
from analysis.schema import Field, TableSchema
from analysis.text import Chapter
from analysis.text.anchoring import ANCHOR_FIELDS
from analysis.text.records import read_records
from analysis.timeline.dates import interval

_ISO_DATE = Field("date", required=True, pattern=r"\d{4}(-\d{2}(-\d{2})?)?",
                  pattern_means="an ISO 8601 date (1921, 1921-03 or 1921-03-18)",
                  description="when the event happened, by the historical record (its start)")

#: The schema of a chronology file.
CHRONOLOGY = TableSchema((
    *ANCHOR_FIELDS,
    Field("event", required=True, description="a short name of the event"),
    _ISO_DATE,
    Field("date_end", pattern=_ISO_DATE.pattern, pattern_means=_ISO_DATE.pattern_means,
          description="when it ended, where it lasted (ISO 8601), else empty"),
    Field("text_date", verbatim=True,
          description="what the text says of when, quoted; empty where it says nothing"),
    Field("source", required=True, pattern=r"https://\S+(?: https://\S+)*",
          pattern_means="one or more https addresses, a space between them",
          description="the reference work(s) the date is taken from, at their canonical address"),
    Field("note", description="where the text's dating and the record differ: both, side by side"),
))

#: The columns of :func:`narration_table`.
NARRATION = ["kind", "label", "start", "sentence_id", "paragraph_id", "position", "date_from",
             "date_to", "reference_year"]


def load_chronology(chapter: Chapter, path: str | Path) -> pd.DataFrame:
    """Read a chronology file (:data:`CHRONOLOGY`), anchor every row in ``chapter``.

    Returns ``sentence_id, paragraph_id, start, end`` (the passage quoted, as
    anchored) and the file's columns, in the order of the text.

    Raises:
        DataFileError: the file breaks the schema, a quote is not found, or an
            event ends before it begins (naming the file, row and column).

    Example:
        >>> chron = load_chronology(chapter, data_path("chronology.csv"))
        >>> bool(chron["start"].is_monotonic_increasing), chron.columns.tolist()[:4]
        (True, ['sentence_id', 'paragraph_id', 'start', 'end'])
    """
    table = read_records(chapter, path, CHRONOLOGY, "sentence")
    for row, (a, b) in zip(table.index, zip(table["date"], table["date_end"])):
        if b and interval(b)[1] <= interval(a)[0]:
            raise DataFileError(f"{path}: row {row + 2}, column date_end: {b} is not after "
                                f"the date, {a}")
    columns = ["sentence_id", "paragraph_id", "start", "end"] + [
        f.name for f in CHRONOLOGY.fields if f not in ANCHOR_FIELDS]
    out = table[columns].astype({"sentence_id": "int64", "paragraph_id": "int64"})
    return out.sort_values("start", kind="stable").reset_index(drop=True)


def _positions(chapter: Chapter, starts: pd.Series) -> np.ndarray:
    """The place of seed offsets in the text, as a share of it (0 to 1)."""
    return np.round(np.asarray(starts, dtype=float) / max(len(chapter.seed_text), 1), 4)


def narration_table(chapter: Chapter, expressions: pd.DataFrame, reference: pd.Series,
                    chronology: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every dated mark of the text at its place in the telling and in history (:data:`NARRATION`).

    ``kind`` is ``expression`` (a time expression whose value is a calendar
    time: a year, month, day, season or decade) or ``event`` (a row of the
    chronology, dated from the record); ``label`` its words or the event's
    name; ``position`` its place in the text (share of the file); ``date_from``
    and ``date_to`` its stretch in decimal years; ``reference_year`` the year
    its paragraph narrates (``reference``, by ``paragraph_id``). Expressions
    with no calendar value (``now`` as the time of writing, durations) are
    left out.

    Example:
        >>> from analysis.timeline.expressions import narrated_years, time_expressions
        >>> found = time_expressions(chapter)
        >>> table = narration_table(chapter, found, narrated_years(chapter, found))
        >>> table.loc[table["label"] == "November 1920", ["date_from", "reference_year"]].values.tolist()
        [[1920.8333, 1921]]
    """
    rows = []
    for e in expressions.itertuples():
        span = interval(e.value) if e.type in ("DATE", "TIME") else None
        if span:
            rows.append(("expression", e.text, e.start, e.sentence_id, e.paragraph_id, *span))
    if chronology is not None:
        for c in chronology.itertuples():
            lo = interval(c.date)[0]
            hi = interval(c.date_end)[1] if c.date_end else interval(c.date)[1]
            rows.append(("event", c.event, c.start, c.sentence_id, c.paragraph_id, lo, hi))
    table = pd.DataFrame(rows, columns=["kind", "label", "start", "sentence_id",
                                        "paragraph_id", "date_from", "date_to"])
    table.insert(5, "position", _positions(chapter, table["start"]))
    table["reference_year"] = table["paragraph_id"].map(pd.Series(reference, dtype="object"))
    return table[NARRATION].sort_values(["start", "kind"], kind="stable").reset_index(drop=True)


def jumps(narration: pd.DataFrame, margin: float = 1.0) -> pd.DataFrame:
    """Each dated mark set against the time its paragraph narrates: ``order``.

    ``order`` is ``analepsis`` where the mark ends before the reference year
    begins, ``prolepsis`` where it begins after the reference year ends
    (``margin`` years after its start), ``in order`` otherwise, ``unknown``
    where the paragraph has no reference year. ``distance`` is the years
    between the mark's middle and the middle of the reference year.

    Example:
        >>> t = pd.DataFrame({"date_from": [1918.0, 1921.4, 1936.0], "date_to": [1919.0, 1921.7,
        ...                   1937.0], "reference_year": [1921, 1921, 1921]})
        >>> jumps(t)["order"].tolist()
        ['analepsis', 'in order', 'prolepsis']
    """
    ref = pd.to_numeric(narration["reference_year"], errors="coerce")
    order = np.select([ref.isna(), narration["date_to"] <= ref,
                       narration["date_from"] >= ref + margin],
                      ["unknown", "analepsis", "prolepsis"], "in order")
    middle = (narration["date_from"] + narration["date_to"]) / 2
    return narration.assign(order=order, distance=(middle - (ref + 0.5)).round(2))


def jumps_by_episode(marks: pd.DataFrame, episodes: pd.DataFrame) -> pd.DataFrame:
    """Analepses and prolepses per episode (:func:`jumps` of the narration, in text order).

    ``episodes``: :func:`analysis.text.episodes.episode_positions`. Returns one
    row per episode: ``episode``, then the count of marks of each order.

    Example:
        >>> m = pd.DataFrame({"start": [5, 50, 70], "order": ["analepsis", "in order",
        ...                   "prolepsis"]})
        >>> eps = pd.DataFrame({"episode": ["a", "b"], "start": [0, 60]})
        >>> jumps_by_episode(m, eps).values.tolist()
        [['a', 1, 1, 0], ['b', 0, 0, 1]]
    """
    order = episodes.sort_values("start")
    idx = order["start"].searchsorted(marks["start"].to_numpy(), side="right") - 1
    names = np.where(idx >= 0, order["episode"].to_numpy()[np.clip(idx, 0, None)], "")
    table = pd.crosstab(pd.Categorical(names, categories=[""] + order["episode"].tolist()),
                        marks["order"].to_numpy(), dropna=False)
    for column in ("analepsis", "in order", "prolepsis"):
        if column not in table.columns:
            table[column] = 0
    table = table[["analepsis", "in order", "prolepsis"]]
    table = table[(table.sum(axis=1) > 0) | (table.index != "")]
    return table.rename_axis(index="episode", columns=None).reset_index().astype(
        {"analepsis": "int64", "in order": "int64", "prolepsis": "int64"})
