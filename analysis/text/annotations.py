"""Annotation files of a chapter's units: the machinery every annotation set shares.

Every annotation file is a record file (:mod:`analysis.text.records`): each row
anchors a sentence, a paragraph or a span by quoting it, then gives its values
and a reason. The loaders here anchor every row in the chapter as loaded and
return the unit's ids, its span and the values; a row whose quote is not in this
copy of the text is left out, and the table's ``attrs["anchoring"]`` says how
many anchored (:class:`~analysis.text.anchoring.AnchorReport`). What each set
holds (its schema) is declared beside the analysis it checks: tone in
:mod:`analysis.sentiment.annotation`, themes in :mod:`analysis.themes.validation`,
emotions in :mod:`analysis.sentiment.emotions`, mentions in
:mod:`analysis.people.validation`; :func:`adjudication_schema` gives each set's
adjudication file the same shape.

Example:
    >>> from analysis.schema import Field
    >>> schema = adjudication_schema(Field("score", "integer", minimum=-2, maximum=2))
    >>> schema.names[5:]
    ['score_a', 'score_b', 'adjudicated', 'reason']
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd

from analysis.errors import DataFileError
from analysis.schema import Field, TableSchema
from analysis.text.anchoring import ANCHOR_FIELDS, AnchorReport
from analysis.text.chapter import Chapter
from analysis.text.records import read_records, unit_of

#: Every annotation row's reason.
REASON = Field("reason", required=True, description="why, in one line")


def adjudication_schema(value: Field) -> TableSchema:
    """The adjudication file of an annotation set whose readers give ``value``.

    One row per unit the readers disagree on, anchored like theirs: ``<value>_a``
    and ``<value>_b`` (each reader's value, as the adjudicator saw it),
    ``adjudicated`` (the value settled) and ``reason`` (which rule decided).
    See the module's example.
    """
    def renamed(name: str, what: str) -> Field:
        return replace(value, name=name, description=what, unique=False)

    return TableSchema((*ANCHOR_FIELDS, renamed(f"{value.name}_a", "reader A's value"),
                        renamed(f"{value.name}_b", "reader B's value"),
                        renamed("adjudicated", "the value settled"), REASON))


def anchoring_note(table: pd.DataFrame) -> list[str]:
    """A line for each file of ``table`` whose rows did not all anchor (empty if all did).

    Example:
        >>> t = pd.DataFrame()
        >>> t.attrs["anchoring"] = AnchorReport("mine.csv", 3, missing=((4, "Lenin", 90),))
        >>> anchoring_note(t)
        ["mine.csv: 2 of 3 anchored (0 moved); not found: row 4 'Lenin' (at 90)"]
    """
    report = table.attrs.get("anchoring")
    return [str(report)] if report is not None and report.missing else []


def load_sentences(chapter: Chapter, path: str | Path, schema: TableSchema,
                   key: str | None = None) -> pd.DataFrame:
    """Read an annotation of sentences: ``sentence_id, paragraph_id, start, end``, the values, ``text``.

    ``start``, ``end`` and ``text`` are the sentence's, in the chapter as loaded;
    rows whose quote is not in the text are left out, and
    ``attrs["anchoring"]`` says how many anchored.

    Raises:
        DataFileError: the file breaks ``schema``, a quote lies in no sentence,
            or two rows annotate one sentence (with the same value of ``key``, when
            a sentence holds one row per value of ``key``).

    Example:
        >>> from analysis.sentiment.emotions import EMOTIONS
        >>> emo = load_sentences(chapter, data_path("annotations/emotions_reader_a.csv"), EMOTIONS)
        >>> emo.loc[0, ["sentence_id", "anger"]].tolist()
        [7, 1]
    """
    records = read_records(chapter, path, schema, "sentence", required=False)
    values = [f.name for f in schema.fields if f not in ANCHOR_FIELDS]
    out = unit_of(chapter, records, "sentence", path, key)
    out = out[["sentence_id", "paragraph_id", "start", "end", *values, "text"]].astype(
        {"sentence_id": "int64", "paragraph_id": "int64"})
    out.attrs["anchoring"] = records.attrs["anchoring"]
    return out.reset_index(drop=True)


def load_paragraphs(chapter: Chapter, path: str | Path, schema: TableSchema,
                    key: str) -> pd.DataFrame:
    """Read an annotation of narrative paragraphs, one row per paragraph and value of ``key``.

    Returns ``paragraph_id, start, end`` (the paragraph's span) and the values;
    rows whose quote is not in the text are left out (``attrs["anchoring"]``).

    Raises:
        DataFileError: the file breaks ``schema``, a quote is not in a narrative
            paragraph, or a paragraph and ``key`` are given twice (naming the
            file and row).

    Example:
        >>> from analysis.themes.validation import THEMES
        >>> adj = load_paragraphs(chapter, data_path("annotations/themes_reader_a.csv"), THEMES, "theme")
        >>> adj[["paragraph_id", "theme", "label"]].values[0].tolist()
        [3, 'terror', 1]
    """
    file = Path(path)
    records = read_records(chapter, file, schema, "paragraph", required=False)
    rows = records.index.to_numpy() + 2
    kinds = chapter.paragraph_kind
    seen: dict[tuple[int, str], int] = {}
    for row, pid, value in zip(rows, records["paragraph_id"], records[key]):
        if kinds[pid] != "narrative":
            raise DataFileError(f"{file}: row {row}, column exact: paragraph {pid} is "
                                f"{kinds[pid]}, not narrative")
        if (pid, value) in seen:
            raise DataFileError(f"{file}: row {row}: paragraph {pid} and {key} {value} are "
                                f"annotated already in row {seen[pid, value]}")
        seen[pid, value] = row
    values = [f.name for f in schema.fields if f not in ANCHOR_FIELDS]
    spans = chapter.paragraphs.set_index("paragraph_id").loc[records["paragraph_id"]]
    out = records.assign(start=spans["start"].to_numpy(), end=spans["end"].to_numpy())
    out = out[["paragraph_id", "start", "end", *values]].astype({"paragraph_id": "int64"})
    out.attrs["anchoring"] = records.attrs["anchoring"]
    return out.reset_index(drop=True)
