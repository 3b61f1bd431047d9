"""Writing the analyses as files other tools read, in the field's standards, all or nothing.

:data:`TABLES` maps each exported CSV file (for R, pandas or a spreadsheet) to
the function that builds its table from an :class:`~analysis.results.Analyses`,
and :data:`SCHEMAS` declares each table once, as a Frictionless Table Schema
(:mod:`analysis.export.tables`); :data:`FILES` maps each other file to the
function that writes it: the network for Gephi (GEXF), every mention, theme hit,
sentence score, correction, time expression and hindsight sentence as a W3C Web
Annotation collection (JSON-LD), the established text in TEI P5 (with its
sentences, names, corrections and dates), and last the Frictionless Data Package descriptor,
which describes every CSV by its schema and lists every file written with its
SHA-256 (the export's manifest), with the text and the data files read. The
command line, the tests and the book all go through :func:`export`. An analysis
adds its files here.

What the export promises:

- **All or nothing.** ``OUTDIR`` holds one complete set of the files, the
  earlier or the new, whatever stops the export: an error, a full disk, Ctrl-C,
  SIGTERM or SIGHUP (the steps taken are undone), SIGKILL or a power cut (the
  next export into the folder undoes them, with a line saying so). Files in
  ``OUTDIR`` that the export does not write are never touched. How:
  :mod:`analysis.export.folder`.
- **Exact text.** Every text cell is the text as established, byte for byte,
  so that ``start``/``end`` lead back to it; a spreadsheet may take a cell
  beginning with ``=`` for a formula, so ``spreadsheet_safe`` writes those
  with a leading ``'`` instead (and the data package says so).
- **Bounded memory.** The JSON-LD, the TEI and the CSV files are written a piece
  at a time; none is built whole in memory.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from analysis.export.folder import check_outdir, locked, recover, staging, switch
from analysis.export.tables import SCHEMAS, TABLES, key_problem, table_schema, write_csv
from analysis.formats import write_annotations, write_datapackage, write_tei
from analysis.formats.xmltext import write_network
from analysis.results import Analyses
from analysis.schema import TableSchema

__all__ = ["FILES", "MANIFEST", "SCHEMAS", "TABLES", "export", "names", "prepare",
           "table_schema"]

#: The file that describes all the others, written last whatever the order of :data:`FILES`.
MANIFEST = "datapackage.json"

#: File name -> function writing a non-tabular file at a path; the data package
#: (:data:`MANIFEST`) is written last, as it describes every other file, by :func:`export`.
FILES: dict[str, Callable[[Analyses, Path], None]] = {
    "network.gexf": write_network,
    "annotations.jsonld": write_annotations,
    "chapter.tei.xml": write_tei,
    MANIFEST: lambda results, path: None,  # written by export(), which has the schemas
}


def names() -> list[str]:
    """Every file the export writes, in the order it writes them (the manifest last).

    Example:
        >>> names()[0], names()[-1]
        ('paragraphs.csv', 'datapackage.json')
    """
    return [*TABLES, *(name for name in FILES if name != MANIFEST), MANIFEST]


def prepare(outdir: str | Path, say: Callable[[str], None]) -> None:
    """Check ``outdir`` before any work, and settle what earlier exports left beside it.

    Raises the errors of :func:`analysis.export.folder.check_outdir` at once,
    and refuses a folder another export is writing into; an earlier export's
    staging folder is rolled back or removed (:func:`analysis.export.folder.recover`),
    each with a line given to ``say``.

    Example:
        >>> prepare("", print)
        Traceback (most recent call last):
        ...
        analysis.errors.AnalysisError: OUTDIR is empty: give the folder to write into
    """
    check_outdir(outdir)
    out = Path(outdir)
    with locked(out):
        recover(out, names(), say)


def export(results: Analyses, outdir: str | Path,
           progress: Callable[[str], None] | None = None, *,
           spreadsheet_safe: bool = False) -> list[Path]:
    """Write every table in :data:`TABLES` and file in :data:`FILES` to ``outdir``, all or nothing.

    CSV files are UTF-8 with a header row and no index column
    (:func:`analysis.export.tables.write_csv`; ``spreadsheet_safe``: see the
    module's description). ``outdir`` is created if needed; it is checked and
    locked first (another export into it is refused at once), and what an
    earlier, stopped export left is settled (:func:`prepare`; its lines and
    every warning go to ``results.notes``). Every file is written into a
    staging folder beside it, then all are switched in at once
    (:mod:`analysis.export.folder`). ``progress``, if given, is called with one
    line per file written (its name and the seconds it took). Returns the paths
    written, in order.

    Raises:
        AnalysisError: ``outdir`` exists and is not a folder, cannot be
            created or written, another export is writing into it, the disk
            is full, or a data file is malformed (a ``DataFileError``).
        KeyboardInterrupt: Ctrl-C (or :class:`~analysis.export.folder.Interrupted`,
            another signal the caller made an interrupt); ``outdir`` is as it was,
            unless the exception says ``written`` (the switch was complete).

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     [p.name for p in export(Analyses(chapter), tmp)][:3]
        ['paragraphs.csv', 'sentences.csv', 'corrections.csv']
    """
    check_outdir(outdir)
    out = Path(outdir)
    order = names()
    written = [out / name for name in order]
    with locked(out) as lock:
        recover(out, order, results.notes.append)
        with staging(out) as stage:
            schemas: dict[str, TableSchema] = {}
            absent: dict[str, str] = {}
            for name in order:
                begin = time.perf_counter()
                if name in TABLES:
                    schemas[name] = _write_table(results, name, stage / name, spreadsheet_safe,
                                                 absent)
                elif name == MANIFEST:
                    write_datapackage(results, stage / name, schemas,
                                      [n for n in order if n not in TABLES and n != MANIFEST],
                                      spreadsheet_safe=spreadsheet_safe, absent=absent)
                else:
                    FILES[name](results, stage / name)
                if progress is not None:
                    progress(f"{name} ({time.perf_counter() - begin:.1f} s)")
            switch(stage, out, order, lock)
    return written


def _write_table(results: Analyses, name: str, path: Path, spreadsheet_safe: bool,
                 absent: dict[str, str]) -> TableSchema:
    """Write one table; return its schema (without a primary key its rows break, with a warning).

    A table left empty for want of data says why in ``attrs["absent"]``, kept in ``absent``.
    """
    table = TABLES[name](results)
    if table.attrs.get("absent"):
        absent[name] = str(table.attrs["absent"])
    schema = table_schema(name, table, results)
    problem = key_problem(name, table, schema)
    if problem:
        results.notes.append(f"warning: {problem}")
        schema = TableSchema(schema.fields, (), schema.foreign_keys)
    write_csv(table, path, spreadsheet_safe=spreadsheet_safe)
    return schema
