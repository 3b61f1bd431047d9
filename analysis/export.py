"""Writing the analyses as files other tools read (CSV for R or a spreadsheet, GEXF for Gephi).

:data:`TABLES` maps each exported file name to the function that builds its
table from a :class:`~analysis.text.Chapter`; the CLI, the tests and the book
all go through :func:`export`. An analysis module adds its files here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis.errors import AnalysisError
from analysis.network import write_gexf
from analysis.people import mentions_table, register_table
from analysis.sentiment import sentence_scores
from analysis.text import Chapter
from analysis.themes import paragraph_scores, theme_hits


def paragraphs_table(chapter: Chapter) -> pd.DataFrame:
    """``paragraph_id, kind, start, end, text``: one row per paragraph.

    Example:
        >>> from analysis import load_chapter
        >>> list(paragraphs_table(load_chapter()).columns)
        ['paragraph_id', 'kind', 'start', 'end', 'text']
    """
    return chapter.paragraphs[["paragraph_id", "kind", "start", "end", "text"]]


def sentences_table(chapter: Chapter) -> pd.DataFrame:
    """``sentence_id, paragraph_id, start, end, text``: one row per sentence.

    Example:
        >>> from analysis import load_chapter
        >>> sentences_table(load_chapter()).loc[4, "text"][:29]
        'The Third Congress of the Com'
    """
    return chapter.sentences[["sentence_id", "paragraph_id", "start", "end", "text"]]


def corrections_table(chapter: Chapter) -> pd.DataFrame:
    """``start, end, found, replacement, kind, note``: the corrections applied.

    Example:
        >>> from analysis import load_chapter
        >>> corrections_table(load_chapter())["kind"].nunique() > 3
        True
    """
    return chapter.corrections[["start", "end", "found", "replacement", "kind", "note"]]


#: File name -> function building its table. Analysis modules add entries.
TABLES: dict[str, Callable[[Chapter], pd.DataFrame]] = {
    "paragraphs.csv": paragraphs_table,
    "sentences.csv": sentences_table,
    "corrections.csv": corrections_table,
    "themes.csv": paragraph_scores,
    "theme_hits.csv": theme_hits,
    "people.csv": register_table,
    "mentions.csv": mentions_table,
    "sentiment.csv": sentence_scores,
}

#: File name -> function writing a non-tabular file (e.g. a GEXF network).
FILES: dict[str, Callable[[Chapter, Path], None]] = {"network.gexf": write_gexf}


def export(chapter: Chapter, outdir: str | Path) -> list[Path]:
    """Write every table in :data:`TABLES` and file in :data:`FILES` to ``outdir``.

    CSV files are UTF-8 with a header row and no index column. The folder is
    created if needed. Returns the paths written, in order.

    Raises:
        AnalysisError: ``outdir`` exists and is not a folder, or cannot be created.

    Example:
        >>> import tempfile
        >>> from analysis import load_chapter
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     [p.name for p in export(load_chapter(), tmp)][:3]
        ['paragraphs.csv', 'sentences.csv', 'corrections.csv']
    """
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise AnalysisError(f"{out}: exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AnalysisError(f"{out}: cannot create the folder ({exc.strerror})") from exc
    written = []
    for name, build in TABLES.items():
        path = out / name
        build(chapter).to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        written.append(path)
    for name, write in FILES.items():
        path = out / name
        write(chapter, path)
        written.append(path)
    return written
