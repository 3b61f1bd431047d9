"""Writing the analyses as files other tools read (CSV for R or a spreadsheet, GEXF for Gephi).

:data:`TABLES` maps each exported CSV file to the function that builds its
table from an :class:`~analysis.results.Analyses`, and :data:`FILES` each other
file to the function that writes it; the command line, the tests and the book
all go through :func:`export`. An analysis adds its files here.

The export never leaves half a result: every file is written into a
temporary folder beside ``OUTDIR``, and the set is moved into place only when
all of it has been written. On any failure or interrupt ``OUTDIR`` is left as
it was; files in it that the export does not write are never touched.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from analysis.errors import AnalysisError
from analysis.people import register_table, write_gexf
from analysis.results import Analyses


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
    "sentiment.csv": lambda results: results.sentence_scores,
}

#: File name -> function writing a non-tabular file (e.g. a GEXF network) at a path.
FILES: dict[str, Callable[[Analyses, Path], None]] = {
    "network.gexf": lambda results, path: write_gexf(results.network, path),
}


def export(results: Analyses, outdir: str | Path,
           progress: Callable[[str], None] | None = None) -> list[Path]:
    """Write every table in :data:`TABLES` and file in :data:`FILES` to ``outdir``.

    CSV files are UTF-8 with a header row and no index column. The folder is
    created if needed. Every file is first written into a temporary folder
    beside ``outdir``; only when all are written are they moved into
    ``outdir``, replacing files of the same names (a failure while moving puts
    the old ones back). ``progress``, if given, is called with one line per
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
    names = [*TABLES, *FILES]
    with _staging(out) as stage:
        for name in names:
            begin = time.perf_counter()
            if name in TABLES:
                TABLES[name](results).to_csv(stage / name, index=False, encoding="utf-8",
                                             lineterminator="\n")
            else:
                FILES[name](results, stage / name)
            if progress is not None:
                progress(f"{name} ({time.perf_counter() - begin:.1f} s)")
        _move_into(stage, out, names)
    return [out / name for name in names]


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


def _move_into(stage: Path, out: Path, names: list[str]) -> None:
    """Move the staged files into ``out`` under a lock; on any failure put the old files back."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        lock = os.open(out, os.O_RDONLY)
    except OSError as exc:
        raise AnalysisError(f"{out}: cannot create or open the folder ({exc.strerror})") from exc
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise AnalysisError(f"{out}: another export is writing into this folder") from None
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
            if isinstance(exc, OSError):
                raise AnalysisError(f"{out}: the files could not be moved into place "
                                    f"({exc.strerror}); the folder is as it was") from exc
            raise
    finally:
        os.close(lock)
