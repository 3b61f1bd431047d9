"""Writing the analyses as files other tools read (CSV for R or a spreadsheet, GEXF for Gephi).

:data:`TABLES` maps each exported file name to the function that builds its
table from a :class:`~analysis.text.Chapter`; the CLI, the tests and the book
all go through :func:`export`. An analysis module adds its files here. A
builder that reads data files (a register, a lexicon ...) takes them, loaded,
after the chapter (and after the path, for :data:`FILES`): :data:`DATA` names
them, and :func:`export` loads them from an ``analysis.datafiles.DataFiles``
(the bundled files, or an extender's own folder).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis.datafiles import DataFiles
from analysis.errors import AnalysisError
from analysis.network import write_gexf
from analysis.people import mentions_table, register_table, unregistered_names
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
TABLES: dict[str, Callable[..., pd.DataFrame]] = {
    "paragraphs.csv": paragraphs_table,
    "sentences.csv": sentences_table,
    "corrections.csv": corrections_table,
    "themes.csv": paragraph_scores,
    "theme_hits.csv": theme_hits,
    "people.csv": register_table,
    "mentions.csv": mentions_table,
    "unregistered_names.csv": unregistered_names,
    "sentiment.csv": sentence_scores,
}

#: File name -> function writing a non-tabular file (e.g. a GEXF network).
FILES: dict[str, Callable[..., None]] = {"network.gexf": write_gexf}

#: File name -> the data its builder takes after the chapter (and the path), in
#: order, as names of ``analysis.datafiles.DataFiles`` loaders.
DATA: dict[str, tuple[str, ...]] = {
    "themes.csv": ("lexicon",),
    "theme_hits.csv": ("lexicon",),
    "people.csv": ("register",),
    "mentions.csv": ("register",),
    "unregistered_names.csv": ("register", "known_names"),
    "sentiment.csv": ("patch",),
    "network.gexf": ("register",),
}


def export(chapter: Chapter, outdir: str | Path, files: DataFiles | None = None) -> list[Path]:
    """Write every table in :data:`TABLES` and file in :data:`FILES` to ``outdir``.

    CSV files are UTF-8 with a header row and no index column. The folder is
    created if needed. ``files`` gives the data files (register, lexicon ...)
    the builders take (see :data:`DATA`); ``None`` means the bundled ones. They
    are all loaded and checked before anything is written. Returns the paths
    written, in order.

    Raises:
        AnalysisError: ``outdir`` exists and is not a folder, or cannot be
            created; a data file is malformed (a ``DataFileError``).

    Example:
        >>> import tempfile
        >>> from analysis import load_chapter
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     [p.name for p in export(load_chapter(), tmp)][:3]
        ['paragraphs.csv', 'sentences.csv', 'corrections.csv']
    """
    files = DataFiles() if files is None else files
    needed = dict.fromkeys(name for names in DATA.values() for name in names)
    loaded = {name: getattr(files, name)() for name in needed}
    data = {file: [loaded[name] for name in names] for file, names in DATA.items()}
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
        table = build(chapter, *data.get(name, []))
        table.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        written.append(path)
    for name, write in FILES.items():
        path = out / name
        write(chapter, path, *data.get(name, []))
        written.append(path)
    return written
