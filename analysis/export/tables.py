"""The export's CSV tables: what each holds, its Table Schema, and how it is written.

:data:`TABLES` maps each exported CSV file (for R, pandas or a spreadsheet) to
the function that builds its table from an :class:`~analysis.results.Analyses`;
:data:`SCHEMAS` declares each table once, as a Frictionless Table Schema (field
names, types, descriptions, primary and foreign keys), and :func:`table_schema`
completes it from the data (a theme of the lexicon, a column of the register).
A table a text lacks the data for (``chronology.csv`` without a chronology) is
written empty, with its header, so that every export holds the same files; its
``attrs["absent"]`` says why, which the data package repeats.
:func:`write_csv` writes a table in blocks of rows, so that a large table is
never held twice; its text cells are written exactly as they are (offsets point
into them), unless ``spreadsheet_safe`` asks for the form a spreadsheet cannot
mistake for a formula.

Example:
    >>> table = sentiment_table(Analyses(chapter))
    >>> table_schema("sentiment.csv", table, Analyses(chapter)).primary_key
    ('sentence_id',)
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.people import REGISTER, register_table
from analysis.results import Analyses
from analysis.schema import Field, TableSchema
from analysis.text.corrections import KINDS
from analysis.timeline import references
from analysis.timeline.interchange import (CHRONOLOGY_EXPORT, TIME_EXPRESSIONS, chronology_table,
                                           expressions_table, hindsight_annotation_column,
                                           hindsight_column)

#: Rows written at a time by :func:`write_csv`.
BLOCK = 20_000

#: What a cell may begin with that a spreadsheet reads as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def paragraphs_table(results: Analyses) -> pd.DataFrame:
    """``paragraph_id, kind, start, end, text``: one row per paragraph.

    Example:
        >>> list(paragraphs_table(Analyses(chapter)).columns)
        ['paragraph_id', 'kind', 'start', 'end', 'text']
    """
    return results.chapter.paragraphs[["paragraph_id", "kind", "start", "end", "text"]]


def sentences_table(results: Analyses) -> pd.DataFrame:
    """``sentence_id, paragraph_id, start, end, text`` and hindsight: one row per sentence.

    ``hindsight`` is the rule's mark (:attr:`~analysis.results.Analyses.hindsight`:
    true or false in the narration, empty in the titles and the editor's notes),
    ``hindsight_cue`` the words that fired and ``hindsight_later`` the later time
    the sentence speaks from (a TIMEX3 value), both empty where it has none;
    ``hindsight_annotation`` is the readers' reference (two AI language-model
    readers working from written guidelines, an AI adjudicator where they
    differ; :func:`analysis.timeline.interchange.hindsight_annotation_column`),
    empty for a text without it.

    Example:
        >>> table = sentences_table(Analyses(chapter))
        >>> table.loc[4, "text"][:29]
        'The Third Congress of the Com'
        >>> table.columns.tolist()[5:]
        ['hindsight', 'hindsight_cue', 'hindsight_later', 'hindsight_annotation']
    """
    sentences = results.chapter.sentences[["sentence_id", "paragraph_id", "start", "end", "text"]]
    marks = results.hindsight
    fired = marks[marks["hindsight"]].set_index("sentence_id")
    _, reference = references(results.time_annotations)
    ids = sentences["sentence_id"]
    return sentences.assign(
        hindsight=hindsight_column(sentences, marks),
        hindsight_cue=ids.map(fired["cue"]).astype("object"),
        hindsight_later=ids.map(fired["later"]).astype("object"),
        hindsight_annotation=hindsight_annotation_column(sentences, marks, reference))


def corrections_table(results: Analyses) -> pd.DataFrame:
    """``start, end, found, replacement, kind, note``: the corrections applied.

    Example:
        >>> corrections_table(Analyses(chapter))["kind"].nunique() > 3
        True
    """
    return results.chapter.corrections[["start", "end", "found", "replacement", "kind", "note"]]


def people_table(results: Analyses) -> pd.DataFrame:
    """The register with each person's mention counts (:func:`analysis.people.mentions.register_table`).

    Example:
        >>> len(people_table(Analyses(chapter)))  # a text's own register, whole
        69
    """
    return register_table(results.mentions, results.shown_register)


def sentiment_table(results: Analyses) -> pd.DataFrame:
    """Each sentence's scores by every method, whether it is in a note, and its reference tone.

    ``sentiment`` is the method's score, which any text gets; ``annotation`` is
    the tone of the reference reading (:attr:`~analysis.results.Analyses.tone_reference`,
    -2..+2: the score two AI language-model readers agree on, or an AI
    adjudicator's where they differ), empty for a sentence without one (the notes,
    the titles, and every sentence of a text without annotations); ``in_note`` is
    true in the editor's notes.

    Example:
        >>> table = sentiment_table(Analyses(chapter))
        >>> table.columns.tolist()[-3:], int(table["annotation"].notna().sum())
        (['sentiment', 'in_note', 'annotation'], 319)
    """
    scores = results.sentence_scores
    kinds = results.chapter.paragraphs.set_index("paragraph_id")["kind"]
    out = scores.assign(in_note=scores["paragraph_id"].map(kinds).eq("editorial").to_numpy())
    reference = results.tone_reference
    annotation = (pd.Series(dtype="Int64") if reference is None
                  else reference.set_index("sentence_id")["score"])
    return out.assign(annotation=out["sentence_id"].map(annotation).astype("Int64"))


def time_expressions_table(results: Analyses) -> pd.DataFrame:
    """Every time expression, typed and normalised (:func:`analysis.timeline.interchange.expressions_table`).

    Example:
        >>> table = time_expressions_table(Analyses(chapter))
        >>> table.loc[table["text"] == "1918", ["type", "value"]].values.tolist()[0]
        ['DATE', '1918']
    """
    return expressions_table(results.time_expressions)


def chronology_export(results: Analyses) -> pd.DataFrame:
    """The events the text tells, dated (:func:`analysis.timeline.interchange.chronology_table`).

    Empty, with its columns, for a text without a chronology: every export holds
    the same files, and a folder exported for one text and then for another never
    keeps the first text's chronology (the export leaves alone a file it does not
    write). ``attrs["absent"]`` then says why (:attr:`~analysis.results.Analyses.missing`).

    Example:
        >>> len(chronology_export(Analyses(chapter))) > 40
        True
    """
    table = chronology_table(results.chronology)
    if results.chronology is None:
        table.attrs["absent"] = results.missing["chronology"]
    return table


#: File name -> function building its table from the analyses. Analyses add entries.
TABLES: dict[str, Callable[[Analyses], pd.DataFrame]] = {
    "paragraphs.csv": paragraphs_table,
    "sentences.csv": sentences_table,
    "corrections.csv": corrections_table,
    "themes.csv": lambda results: results.paragraph_scores,
    "theme_hits.csv": lambda results: results.theme_hits,
    "people.csv": people_table,
    "mentions.csv": lambda results: results.mentions,
    "unregistered_names.csv": lambda results: results.unregistered_names,
    "sentiment.csv": sentiment_table,
    "time_expressions.csv": time_expressions_table,
    "chronology.csv": chronology_export,
}


def _span(what: str) -> tuple[Field, Field]:
    """``start`` and ``end``: offsets into the file as stored."""
    return (Field("start", "integer", required=True, minimum=0,
                  description=f"where the {what} begins in the text file as stored (a character "
                              "offset, counted from 0)"),
            Field("end", "integer", required=True, minimum=0,
                  description=f"where the {what} ends (the offset after its last character)"))


def _id(unit: str, key: bool = False) -> Field:
    """A paragraph or sentence id, unique in its own table."""
    return Field(f"{unit}_id", "integer", required=True, unique=key, minimum=1,
                 description=f"the {unit}'s number, from 1, in the order of the text")


def _score(name: str, what: str) -> Field:
    """A sentiment score in [-1, 1]."""
    return Field(name, "number", minimum=-1, maximum=1, description=what)


def _text(what: str) -> Field:
    """A text cell, written exactly (unless the export is spreadsheet-safe)."""
    return Field("text", description=f"{what}, exactly as established")


_PARAGRAPH = ("paragraph_id", "paragraphs.csv", "paragraph_id")
_SENTENCE = ("sentence_id", "sentences.csv", "sentence_id")

#: File name -> the schema of its table, declared once. A column a table has and its schema
#: does not declare (a theme of the lexicon, a column of the register) is described from the
#: data it comes from (:func:`table_schema`).
SCHEMAS: dict[str, TableSchema] = {
    "paragraphs.csv": TableSchema((
        _id("paragraph", key=True),
        Field("kind", required=True, enum=("title", "narrative", "editorial"),
              description="title, narrative (the author's prose) or editorial (the editor's "
                          "bracketed notes)"),
        *_span("paragraph"), _text("the paragraph")), primary_key=("paragraph_id",)),
    "sentences.csv": TableSchema((
        _id("sentence", key=True), _id("paragraph"), *_span("sentence"),
        _text("the sentence"),
        Field("hindsight", "boolean", description=(
            "whether the sentence speaks from a time after the events it tells, by rule (a "
            "fate told in advance, a later year, the time of writing); empty outside the "
            "narration")),
        Field("hindsight_cue", description="the words that marked it, ' | ' between them"),
        Field("hindsight_later", description=(
            "the later time it speaks from, as a TIMEX3 value: a year, PRESENT_REF (the time "
            "of writing) or FUTURE_REF (a later time not named)")),
        Field("hindsight_annotation", "boolean", description=(
            "whether the reference reading marks it as hindsight: the sentences two AI "
            "language-model readers agree on, an AI adjudicator's where they differ (empty: "
            "not annotated)"))),
        primary_key=("sentence_id",), foreign_keys=(_PARAGRAPH,)),
    "corrections.csv": TableSchema((
        *_span("defect"), Field("found", description="the characters the file holds there"),
        Field("replacement", description="what the established text reads instead"),
        Field("kind", required=True, enum=tuple(KINDS), description="the kind of defect"),
        Field("note", description="why")), primary_key=("start", "end")),
    "themes.csv": TableSchema((_id("paragraph", key=True), *_span("paragraph")),
                              primary_key=("paragraph_id",), foreign_keys=(_PARAGRAPH,)),
    "theme_hits.csv": TableSchema((
        Field("theme", required=True, description="the theme (a key of the lexicon)"),
        Field("term", required=True, description="the lexicon's term, or the expansion word"),
        _id("sentence"), _id("paragraph"), *_span("hit"),
        Field("match", description="the words matched, as established"),
        Field("weight", "number", minimum=0, description="the term's weight"),
        Field("source", enum=("lexicon", "expansion"), description="lexicon or expansion")),
        primary_key=("theme", "start", "end"), foreign_keys=(_SENTENCE, _PARAGRAPH)),
    "people.csv": TableSchema((
        *(replace(f, description=f.description or f"the person's {f.name}")
          for f in REGISTER.fields if f.name != "narrator"),
        Field("narrator", "boolean", description="the person who tells the text"),
        Field("narration", "integer", minimum=0, description="mentions in the narration"),
        Field("notes", "integer", minimum=0, description="mentions in the editor's notes"),
        Field("total", "integer", minimum=0, description="all mentions"),
        Field("first_paragraph", "integer", minimum=1,
              description="the paragraph of the first mention (empty: never named)")),
        primary_key=("person_id",)),
    "mentions.csv": TableSchema((
        Field("person_id", required=True, description="the person named (people.csv)"),
        Field("surface", description="the name as written"), _id("paragraph"), _id("sentence"),
        *_span("name"), Field("in_note", "boolean", description="in an editor's note"),
        Field("kind", description="how the name was found"),
        Field("resolved_by", description="the rule that gave the name to its person")),
        primary_key=("start", "end", "person_id"),
        foreign_keys=(("person_id", "people.csv", "person_id"), _SENTENCE, _PARAGRAPH)),
    "unregistered_names.csv": TableSchema((
        Field("candidate", required=True, unique=True, description="a capitalised name"),
        Field("score", "number", description="how likely the name is a person's"),
        Field("count", "integer", minimum=1, description="how often it occurs"),
        *_span("first occurrence"),
        Field("paragraphs", description="the paragraphs it occurs in"),
        Field("evidence", description="why it scores so")), primary_key=("candidate",)),
    "sentiment.csv": TableSchema((
        _id("sentence", key=True), _id("paragraph"), *_span("sentence"),
        _score("vader", "VADER's compound score"), _score("textblob", "TextBlob's polarity"),
        _score("vader_patched", "VADER with the lexicon patch"),
        _score("sentiment", "the book's score (vader_patched)"),
        Field("in_note", "boolean", description="in an editor's note"),
        Field("annotation", "integer", minimum=-2, maximum=2,
              description="the tone of the reference reading, -2 .. +2: the score two AI "
                          "language-model readers agree on, an AI adjudicator's where they "
                          "differ (empty: not annotated)")),
        primary_key=("sentence_id",), foreign_keys=(_SENTENCE, _PARAGRAPH)),
    "time_expressions.csv": TIME_EXPRESSIONS,
    "chronology.csv": CHRONOLOGY_EXPORT,
}


def table_schema(name: str, table: pd.DataFrame, results: Analyses) -> TableSchema:
    """The schema of an exported table: its declared fields (:data:`SCHEMAS`), in the
    table's column order, with a field for each column it does not declare.

    A theme column is a number (described by the lexicon), any other a column
    of the register, typed by its values.

    Example:
        >>> results = Analyses(chapter)
        >>> fields = table_schema("themes.csv", results.paragraph_scores, results).fields
        >>> [f.name for f in fields], fields[-1].type
        (['paragraph_id', 'start', 'end', 'terror', 'nep', 'free_thought'], 'number')
    """
    declared = SCHEMAS.get(name, TableSchema(()))
    known = {f.name: f for f in declared.fields}
    themes = results.lexicon.themes.set_index("theme") if name == "themes.csv" else None
    fields = []
    for column in table.columns:
        if column in known:
            fields.append(known[column])
        elif themes is not None and column in themes.index:
            fields.append(Field(column, "number", minimum=0, description=(
                f"{themes.loc[column, 'label']}: weighted hits per 100 words, in context")))
        else:
            kind = table[column].dtype.kind
            fields.append(Field(column, {"i": "integer", "u": "integer", "f": "number",
                                         "b": "boolean"}.get(kind, "string"),
                                description="a column of the data file it comes from"))
    return TableSchema(tuple(fields), declared.primary_key, declared.foreign_keys)


def key_problem(name: str, table: pd.DataFrame, schema: TableSchema) -> str | None:
    """Why ``table`` breaks its primary key (a line naming the first duplicate), or ``None``.

    A hit or a name inside a correction's replacement takes the seed span of
    the whole correction, so two of them can share their offsets.

    Example:
        >>> twice = pd.DataFrame({"theme": ["nep", "nep"], "start": [5, 5], "end": [9, 9]})
        >>> key_problem("theme_hits.csv", twice, SCHEMAS["theme_hits.csv"])[:62]
        'theme_hits.csv: 1 row shares its key (theme, start, end) with '
    """
    key = [c for c in schema.primary_key if c in table.columns]
    if not key or len(key) < len(schema.primary_key):
        return None
    twice = table.duplicated(key, keep="first")
    if not twice.any():
        return None
    first = table.loc[twice.idxmax(), key].tolist()
    return (f"{name}: {int(twice.sum())} row{'s' if twice.sum() > 1 else ''} share"
            f"{'' if twice.sum() > 1 else 's'} its key ({', '.join(key)}) with another, the "
            f"first ({', '.join(map(str, first))}): inside one correction's replacement, all "
            "take the correction's offsets; datapackage.json declares no primary key for it")


def write_csv(table: pd.DataFrame, path: str | Path, *, spreadsheet_safe: bool = False) -> None:
    """Write ``table`` as UTF-8 CSV (a header row, ``\\n`` line ends, no index), block by block.

    Empty and missing cells are empty; a cell holding a delimiter, a quote or
    any line break (``\\r`` too, which Python's writer leaves bare with ``\\n``
    line ends) is quoted. Text is written exactly, unless ``spreadsheet_safe``:
    then a text cell beginning with ``= + - @``, a tab or a carriage return
    gets a leading ``'``, so that a spreadsheet shows it instead of running it.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     write_csv(pd.DataFrame({"a": ["x\\ry", "=1+1"], "n": [1.5, np.nan]}),
        ...               Path(tmp) / "t.csv", spreadsheet_safe=True)
        ...     open(Path(tmp) / "t.csv", encoding="utf-8", newline="").read()
        'a,n\\n"x\\ry",1.5\\n\\'=1+1,\\n'
    """
    with Path(path).open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(_RowEnds(stream), lineterminator="\r\n")
        writer.writerow([str(c) for c in table.columns])
        for start in range(0, len(table), BLOCK):
            for row in _cells(table.iloc[start:start + BLOCK], spreadsheet_safe):
                writer.writerow(row)


class _RowEnds:
    """A stream for :class:`csv.writer` that ends each row with ``\\n``.

    The writer is given ``\\r\\n`` as its line end so that it quotes every cell
    holding ``\\r`` or ``\\n``; each row it writes ends with those two
    characters, which become one ``\\n`` here.
    """

    def __init__(self, stream: object) -> None:
        self.stream = stream

    def write(self, row: str) -> None:
        self.stream.write(row[:-2] + "\n")


def _cells(block: pd.DataFrame, spreadsheet_safe: bool) -> Iterator[list[object]]:
    """The rows of ``block`` as cells for the CSV writer (``None`` for a missing value)."""
    columns = []
    for name in block.columns:
        values = block[name].astype(object).to_numpy()
        columns.append([_cell(v, spreadsheet_safe) for v in values])
    return zip(*columns) if columns else iter([[]] * len(block))


def _cell(value: object, spreadsheet_safe: bool) -> object:
    """One cell: ``None`` for NaN and NA; a guarded text if ``spreadsheet_safe`` asks."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float | np.floating):
        return None if math.isnan(value) else repr(float(value))
    if isinstance(value, str):
        return "'" + value if spreadsheet_safe and value.startswith(FORMULA_STARTS) else value
    if isinstance(value, np.bool_ | bool):
        return str(bool(value))
    return value
