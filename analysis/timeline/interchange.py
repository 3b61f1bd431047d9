"""Time in the export's files: the tables, their schemas, TEI dates and Web Annotation bodies.

What the export writes of time, each as data the writers take:

- :func:`expressions_table` and :data:`TIME_EXPRESSIONS`: ``time_expressions.csv``
  and its Table Schema;
- :data:`CHRONOLOGY_EXPORT`: the schema of ``chronology.csv`` as exported
  (:func:`chronology_table`; a text without a chronology gets the table empty,
  with its schema);
- :func:`hindsight_column`: the ``hindsight`` column of ``sentences.csv``, and
  :func:`hindsight_annotation_column` its ``hindsight_annotation`` (the readers'
  reference);
- :func:`tei_elements`: the ``<date>``, ``<time>`` or ``<measure type="age">``
  element of each expression, for the TEI writer
  (:func:`analysis.timeline.dates.tei_date`);
- :func:`web_annotation_bodies` and :func:`hindsight_bodies`: the bodies of a time
  expression's and a hindsight sentence's Web Annotation.

:mod:`analysis.export` (``time_expressions.csv``, ``chronology.csv``,
``sentences.csv``) and :mod:`analysis.formats` (``chapter.tei.xml``,
``annotations.jsonld``) write them.

Example:
    >>> from analysis.timeline import time_expressions
    >>> table = expressions_table(time_expressions(chapter))
    >>> table.columns.tolist()
    ['start', 'end', 'text', 'type', 'value', 'paragraph_id', 'sentence_id', 'resolution']
"""

from __future__ import annotations

import pandas as pd

from analysis.schema import Field, TableSchema
from analysis.timeline.chronology import CHRONOLOGY
from analysis.timeline.dates import tei_date
from analysis.timeline.expressions import TIMEX_TYPES

#: The Table Schema of ``time_expressions.csv``.
TIME_EXPRESSIONS = TableSchema((
    Field("start", "integer", required=True, minimum=0,
          description="where the expression begins in the text file as stored (character offset)"),
    Field("end", "integer", required=True, minimum=0, description="where it ends"),
    Field("text", required=True, description="the expression, as established (scanning "
                                             "errors corrected)"),
    Field("type", required=True, enum=TIMEX_TYPES, description="the TIMEX3 type"),
    Field("value", description="the TIMEX3 value: 1921-03-18, 1921-SU, P18M, PRESENT_REF, "
                               "FUTURE_REF …; X for what is unknown"),
    Field("paragraph_id", "integer", required=True, description="the paragraph it lies in"),
    Field("sentence_id", "integer", required=True, description="the sentence it lies in"),
    Field("resolution", enum=("explicit", "context", "unresolved"),
          description="how the value was reached: said by the words, resolved from the time "
                      "the passage narrates, or left unresolved"),
), primary_key=("start", "end"),
    foreign_keys=(("paragraph_id", "paragraphs.csv", "paragraph_id"),
                  ("sentence_id", "sentences.csv", "sentence_id")))

#: The Table Schema of ``chronology.csv`` as exported — the sentence and paragraph each
#: event's quote begins in, the quote's offsets in the file analysed, the data file's values.
CHRONOLOGY_EXPORT = TableSchema((
    Field("sentence_id", "integer", required=True, description="the sentence the quote begins in"),
    Field("paragraph_id", "integer", required=True,
          description="the paragraph the quote begins in"),
    Field("start", "integer", required=True, minimum=0,
          description="where the passage the data file quotes begins in the text file as stored "
                      "(a character offset, as anchored in this text)"),
    Field("end", "integer", required=True, minimum=0, description="where the passage ends"),
    *(f for f in CHRONOLOGY.fields if f.name not in ("start", "end", "prefix", "exact", "suffix")),
), foreign_keys=(("paragraph_id", "paragraphs.csv", "paragraph_id"),
                 ("sentence_id", "sentences.csv", "sentence_id")))


def expressions_table(expressions: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``time_expressions.csv`` (:data:`TIME_EXPRESSIONS`), in text order.

    ``expressions``: :func:`analysis.timeline.expressions.time_expressions`. See
    the module's example.
    """
    return expressions[TIME_EXPRESSIONS.names].sort_values(["start", "end"]).reset_index(
        drop=True)


def chronology_table(chronology: pd.DataFrame | None) -> pd.DataFrame:
    """The rows of ``chronology.csv`` as exported (:data:`CHRONOLOGY_EXPORT`), in text order.

    ``chronology``: :func:`analysis.timeline.chronology.load_chronology`, or
    ``None`` for a text without one, which gets the table's columns and no row.

    Example:
        >>> from analysis.timeline.chronology import load_chronology
        >>> chron = load_chronology(chapter, data_path("chronology.csv"))
        >>> chronology_table(chron).columns.tolist()[:3]
        ['sentence_id', 'paragraph_id', 'start']
        >>> len(chronology_table(None)), chronology_table(None).columns.tolist() == CHRONOLOGY_EXPORT.names
        (0, True)
    """
    if chronology is None:
        return pd.DataFrame({f.name: pd.Series(dtype="Int64" if f.type == "integer" else "object")
                             for f in CHRONOLOGY_EXPORT.fields})
    return chronology[CHRONOLOGY_EXPORT.names].reset_index(drop=True)


def hindsight_column(sentences: pd.DataFrame, marks: pd.DataFrame) -> pd.Series:
    """The ``hindsight`` column of ``sentences.csv``, aligned with ``sentences``.

    True or false for the sentences of the narration
    (:func:`analysis.timeline.hindsight.hindsight`), empty (``<NA>``) for the
    others (titles and the editor's notes are not read for hindsight).

    Example:
        >>> from analysis.timeline import hindsight, time_expressions
        >>> col = hindsight_column(chapter.sentences, hindsight(chapter, time_expressions(chapter)))
        >>> col.dtype.name, bool(col.isna().iloc[0]), int(col.sum()) > 20
        ('boolean', True, True)
    """
    given = marks.set_index("sentence_id")["hindsight"]
    return pd.Series(sentences["sentence_id"].map(given).to_numpy(), index=sentences.index,
                     name="hindsight", dtype="boolean")


def hindsight_annotation_column(sentences: pd.DataFrame, marks: pd.DataFrame,
                                reference: pd.DataFrame | None) -> pd.Series:
    """The ``hindsight_annotation`` column of ``sentences.csv``: the readers' reference.

    True for a sentence the reference lists
    (:func:`analysis.timeline.annotations.hindsight_reference`), false for the
    other sentences of the narration (those ``marks`` holds), empty for the rest,
    and empty everywhere without a reference (``reference`` is ``None``).

    Example:
        >>> s = pd.DataFrame({"sentence_id": [1, 2, 3]})
        >>> marks = pd.DataFrame({"sentence_id": [2, 3], "hindsight": [True, False]})
        >>> hindsight_annotation_column(s, marks, pd.DataFrame({"sentence_id": [3]})).tolist()
        [<NA>, False, True]
        >>> bool(hindsight_annotation_column(s, marks, None).isna().all())
        True
    """
    if reference is None:
        return pd.Series(pd.NA, index=sentences.index, name="hindsight_annotation",
                         dtype="boolean")
    listed = set(reference["sentence_id"])
    read = listed | set(marks["sentence_id"])
    return pd.Series([(sid in listed) if sid in read else pd.NA
                      for sid in sentences["sentence_id"]], index=sentences.index,
                     name="hindsight_annotation", dtype="boolean")


def tei_elements(expressions: pd.DataFrame) -> pd.DataFrame:
    """The TEI element of each expression: ``start, end, element, attributes`` (a dict).

    ``start, end`` are seed offsets, as in the expressions table; the writer
    wraps the established text of that span in the element
    (:func:`analysis.timeline.dates.tei_date`).

    Example:
        >>> e = pd.DataFrame({"start": [3789], "end": [3794], "type": ["DATE"],
        ...                   "value": ["1918"]})
        >>> tei_elements(e).iloc[0][["element", "attributes"]].tolist()
        ['date', {'type': 'date', 'ana': 'timex:1918', 'when': '1918'}]
    """
    made = [tei_date(t, str(v)) if _given(v) else (tei_date(t, "X")[0], {"type": t.lower()})
            for t, v in zip(expressions["type"], expressions["value"])]
    return pd.DataFrame({"start": expressions["start"].to_numpy(),
                         "end": expressions["end"].to_numpy(),
                         "element": [e for e, _ in made], "attributes": [a for _, a in made]})


def _given(value: object) -> bool:
    """Whether a cell holds a value (not ``None``, NaN or empty)."""
    return value is not None and not (isinstance(value, float) and value != value) \
        and value is not pd.NA and str(value) != ""


def _body(value: object, purpose: str, **more: str) -> dict[str, object]:
    return {"type": "TextualBody", "purpose": purpose, "value": str(value),
            "format": "text/plain", **more}


def web_annotation_bodies(row: dict[str, object]) -> list[dict[str, object]]:
    """The bodies of a time expression's annotation (motivation ``classifying``).

    The TIMEX3 type (``classifying``) and value (``describing``, with
    ``schema:additionalType`` ``TIMEX3``; left out where the expression has none).

    Example:
        >>> web_annotation_bodies({"type": "DATE", "value": "1921-SU"})[1]["value"]
        '1921-SU'
        >>> len(web_annotation_bodies({"type": "DATE", "value": None}))
        1
    """
    return [_body(row["type"], "classifying")] + (
        [_body(row["value"], "describing", **{"schema:additionalType": "TIMEX3"})]
        if _given(row.get("value")) else [])


def hindsight_bodies(row: dict[str, object]) -> list[dict[str, object]]:
    """The bodies of a hindsight sentence's annotation (motivation ``classifying``).

    ``hindsight`` (``classifying``), the later time it speaks from (``describing``,
    a TIMEX3 value) and the cue that fired (``tagging``).

    Example:
        >>> [b["value"] for b in hindsight_bodies({"later": "1936", "cue": "much later"})]
        ['hindsight', '1936', 'much later']
    """
    return [_body("hindsight", "classifying")] + (
        [_body(row["later"], "describing", **{"schema:additionalType": "TIMEX3"})]
        if _given(row.get("later")) else []) + (
        [_body(row["cue"], "tagging")] if _given(row.get("cue")) else [])
