"""Writing the analyses as files other tools read, in the field's standards.

:data:`TABLES` maps each exported CSV file (for R, pandas or a spreadsheet) to
the function that builds its table from an :class:`~analysis.results.Analyses`,
and :data:`SCHEMAS` declares each table once, as a Frictionless Table Schema
(field names, types, descriptions, primary and foreign keys); :data:`FILES` maps
each other file to the function that writes it: the network for Gephi (GEXF),
every mention, theme hit, sentence score and correction as a W3C Web Annotation
collection (JSON-LD), the established text in TEI P5, and last the Frictionless
Data Package descriptor, which describes every CSV by its schema and lists every
file written with its SHA-256 (the export's manifest), with the text and the data
files used. The command line, the tests and the book all go through
:func:`export`. An analysis adds its files here.

The export never leaves half a result: every file is written into a
temporary folder beside ``OUTDIR``, and the set is moved into place only when
all of it has been written, under a lock on ``OUTDIR`` taken before anything is
built. On any failure or interrupt ``OUTDIR`` is left as it was; files in it
that the export does not write are never touched.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import time
from dataclasses import replace
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from analysis.errors import AnalysisError
from analysis.formats import write_annotations, write_datapackage, write_tei
from analysis.people import REGISTER, register_table, write_gexf
from analysis.results import Analyses
from analysis.schema import Field, TableSchema
from analysis.text.corrections import KINDS


def paragraphs_table(results: Analyses) -> pd.DataFrame:
    """``paragraph_id, kind, start, end, text``: one row per paragraph.

    Example:
        >>> list(paragraphs_table(Analyses(chapter)).columns)
        ['paragraph_id', 'kind', 'start', 'end', 'text']
    """
    return results.chapter.paragraphs[["paragraph_id", "kind", "start", "end", "text"]]


def sentences_table(results: Analyses) -> pd.DataFrame:
    """``sentence_id, paragraph_id, start, end, text``: one row per sentence.

    Example:
        >>> sentences_table(Analyses(chapter)).loc[4, "text"][:29]
        'The Third Congress of the Com'
    """
    return results.chapter.sentences[["sentence_id", "paragraph_id", "start", "end", "text"]]


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
        >>> len(people_table(Analyses(chapter)))
        69
    """
    return register_table(results.mentions, results.register)


def sentiment_table(results: Analyses) -> pd.DataFrame:
    """Each sentence's scores by every method, whether it is in a note, and its reference tone.

    ``sentiment`` is the method's score, which any text gets; ``annotation`` is
    the reference tone of the close reading (:attr:`~analysis.results.Analyses.tone_reference`,
    -2..+2), empty for a sentence without one (the notes, the titles, and every
    sentence of a text without annotations); ``in_note`` is true in the
    editor's notes.

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
                  else reference.set_index("sentence_id")["reference"])
    return out.assign(annotation=out["sentence_id"].map(annotation).astype("Int64"))


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
        *_span("paragraph"), Field("text", description="the established text")),
        primary_key=("paragraph_id",)),
    "sentences.csv": TableSchema((
        _id("sentence", key=True), _id("paragraph"), *_span("sentence"),
        Field("text", description="the established text")),
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
              description="the reference tone of the close reading, -2 .. +2: the two readers' "
                          "score where they agree, the adjudicated one where they do not (empty: "
                          "not annotated)")),
        primary_key=("sentence_id",), foreign_keys=(_SENTENCE, _PARAGRAPH)),
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


#: The file that describes all the others, written last whatever the order of :data:`FILES`.
MANIFEST = "datapackage.json"

#: File name -> function writing a non-tabular file at a path; the data package
#: (:data:`MANIFEST`) is written last, as it describes every other file.
FILES: dict[str, Callable[[Analyses, Path], None]] = {
    "network.gexf": lambda results, path: write_gexf(results.network, path),
    "annotations.jsonld": write_annotations,
    "chapter.tei.xml": write_tei,
    "datapackage.json": lambda results, path: write_datapackage(
        results, path, {name: table_schema(name, TABLES[name](results), results)
                        for name in TABLES},
        [name for name in FILES if name != MANIFEST]),
}


def export(results: Analyses, outdir: str | Path,
           progress: Callable[[str], None] | None = None) -> list[Path]:
    """Write every table in :data:`TABLES` and file in :data:`FILES` to ``outdir``.

    CSV files are UTF-8 with a header row and no index column. The folder is
    created if needed. ``outdir`` is locked first, if it exists (another export
    into it is refused at once); every file is written into a temporary folder
    beside it; only when all are written are they moved into ``outdir``,
    replacing files of the same names (a failure or an interrupt while moving
    puts the old ones back). ``progress``, if given, is called with one line per
    file built (its name and the seconds it took). Returns the paths written,
    in order.

    Raises:
        AnalysisError: ``outdir`` exists and is not a folder, cannot be
            created or written, another export is writing into it, the disk
            is full, or a data file is malformed (a ``DataFileError``).

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     [p.name for p in export(Analyses(chapter), tmp)][:3]
        ['paragraphs.csv', 'sentences.csv', 'corrections.csv']
    """
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise AnalysisError(f"{out}: exists and is not a folder")
    names = [*TABLES, *(name for name in FILES if name != MANIFEST), MANIFEST]
    with _locked(out) as lock, _staging(out) as stage:
        for name in names:
            begin = time.perf_counter()
            if name in TABLES:
                TABLES[name](results).to_csv(stage / name, index=False, encoding="utf-8",
                                             lineterminator="\n")
            else:
                FILES[name](results, stage / name)
            if progress is not None:
                progress(f"{name} ({time.perf_counter() - begin:.1f} s)")
        _move_into(stage, out, names, lock)
    return [out / name for name in names]


@contextmanager
def _locked(out: Path) -> Iterator[int | None]:
    """An exclusive lock on ``out`` while the export runs (``None`` if it does not exist yet)."""
    if not out.is_dir():
        yield None
        return
    lock = _lock(out)
    try:
        yield lock
    finally:
        os.close(lock)


def _lock(out: Path) -> int:
    """Open ``out`` and lock it, or say why not."""
    try:
        lock = os.open(out, os.O_RDONLY)
    except OSError as exc:
        raise AnalysisError(f"{out}: cannot open the folder ({exc.strerror})") from exc
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(lock)
        raise AnalysisError(f"{out}: another export is writing into this folder; "
                            "nothing was changed") from None
    return lock


@contextmanager
def _staging(out: Path) -> Iterator[Path]:
    """A temporary folder beside ``out`` (same file system, so moves are renames), removed after."""
    parent = out.parent if str(out.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.export-", dir=parent))
    except OSError as exc:
        raise AnalysisError(f"{out}: cannot write beside it ({exc.strerror})") from exc
    try:
        yield stage
    except OSError as exc:
        raise AnalysisError(f"{out}: the export could not be written ({exc.strerror}); "
                            "nothing was changed") from exc
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _move_into(stage: Path, out: Path, names: list[str], lock: int | None) -> None:
    """Move the staged files into ``out`` (locked, created if new); on any failure put the old
    files back."""
    created = None
    if lock is None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AnalysisError(f"{out}: cannot create the folder ({exc.strerror})") from exc
        created = lock = _lock(out)
    backup = stage / ".previous"
    backup.mkdir()
    moved: list[str] = []
    try:
        for name in names:
            if (out / name).exists():
                os.replace(out / name, backup / name)
            moved.append(name)
            os.replace(stage / name, out / name)
    except BaseException as exc:
        for name in reversed(moved):
            if (out / name).exists():
                os.replace(out / name, stage / name)
            if (backup / name).exists():
                os.replace(backup / name, out / name)
        if created is not None and not any(out.iterdir()):
            out.rmdir()  # it did not exist before
        if isinstance(exc, OSError):
            raise AnalysisError(f"{out}: the files could not be moved into place "
                                f"({exc.strerror}); the folder is as it was") from exc
        raise
    finally:
        if created is not None:
            os.close(created)
