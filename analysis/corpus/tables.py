"""The corpus's tables: one pure function from a text to its tables, mapped on every core, then merged.

A corpus job is embarrassingly parallel: :func:`text_tables` takes one text
(its file, its data folder, its title: :class:`TextJob`) and returns its
tables (those of the export, :data:`analysis.export.TABLES`, each with its
Table Schema) and its TEI, with no state outside its arguments. :func:`map_texts`
maps it over the texts of a corpus with a :class:`concurrent.futures.ProcessPoolExecutor`
(one process per core, at most one per text), and :func:`merge` puts the
tables of all the texts together, each row with its ``text_id``. On a cluster
the same function would be mapped by Dask (``dask.bag.from_sequence(jobs).map(text_tables)``)
or Spark (``sc.parallelize(jobs).map(text_tables)``), unchanged.

Example:
    >>> from analysis.corpus.witnesses import bundled_corpus, load_corpus
    >>> corpus = load_corpus(bundled_corpus())
    >>> part = text_tables(jobs(corpus)[1])
    >>> part.text_id, len(part.tables["paragraphs.csv"]) > 10
    ('russell', True)
"""

from __future__ import annotations

import os
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from analysis.corpus.witnesses import Corpus
from analysis.datafiles import DataFiles
from analysis.export.tables import TABLES, key_problem, table_schema
from analysis.formats.tei import NS, write_tei
from analysis.results import Analyses
from analysis.schema import Field, TableSchema

#: The per-text table the corpus writes under another name — each text's register with its
#: counts (the shared register, ``people.csv``, lists each person once).
RENAMED = {"people.csv": "registers.csv"}

#: The ``text_id`` column every merged table begins with.
TEXT_ID = Field("text_id", required=True, pattern=r"[a-z][a-z0-9_]*",
                description="the text the row comes from (texts.csv)")


@dataclass(frozen=True)
class TextJob:
    """What :func:`text_tables` needs of one text: plain values, so that any process can run it."""

    text_id: str
    text: Path
    data: Path | None
    title: str


@dataclass(frozen=True)
class TextTables:
    """One text's tables (file name -> table), their schemas, its TEI and its notes."""

    text_id: str
    tables: dict[str, pd.DataFrame]
    schemas: dict[str, TableSchema]
    tei: str
    notes: list[str]


def jobs(corpus: Corpus) -> list[TextJob]:
    """One job per text of ``corpus``, in its order."""
    return [TextJob(w.text_id, w.text, w.data, f"{w.author}, {w.title}") for w in corpus.texts]


def text_tables(job: TextJob) -> TextTables:
    """Analyse one text: its export tables with their schemas, and its TEI (a ``TEI`` element).

    A pure function of ``job``: it reads the text and its data files and
    returns what it computed. A table whose rows break its primary key (a hit
    inside a correction's replacement) gets no key, with a note, as in the export.
    """
    files = DataFiles() if job.data is None else DataFiles.from_dir(job.data)
    results = Analyses.load(job.text, files, title=job.title)
    tables: dict[str, pd.DataFrame] = {}
    schemas: dict[str, TableSchema] = {}
    for name, build in TABLES.items():
        table = build(results)
        schema = table_schema(name, table, results)
        problem = key_problem(name, table, schema)
        if problem:
            results.notes.append(f"warning: {job.text_id}: {problem}")
            schema = TableSchema(schema.fields, (), schema.foreign_keys)
        tables[RENAMED.get(name, name)] = table.reset_index(drop=True)
        schemas[RENAMED.get(name, name)] = schema
    with tempfile.TemporaryDirectory() as tmp:
        write_tei(results, Path(tmp) / "text.tei.xml")
        tei = _member(Path(tmp) / "text.tei.xml", job)
    return TextTables(job.text_id, tables, schemas, tei, list(results.notes))


def _member(path: Path, job: TextJob) -> str:
    """A text's TEI as a member of a ``teiCorpus``: its own title, no ``listPerson`` (the
    corpus's header holds the shared one, which its ``persName ref`` point to)."""
    root = ET.parse(path).getroot()
    root.set("{http://www.w3.org/XML/1998/namespace}id", f"text-{job.text_id}")
    title = root.find("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", NS)
    if title is not None:
        title.text = job.title
    source = root.find("tei:teiHeader/tei:fileDesc/tei:sourceDesc", NS)
    if source is not None:
        for people in source.findall("tei:listPerson", NS):
            source.remove(people)
    for element in root.iter():  # written inside the teiCorpus, whose namespace is TEI's
        element.tag = element.tag.split("}", 1)[-1]
    return ET.tostring(root, encoding="unicode")


def workers_for(n_texts: int, workers: int | None = None) -> int:
    """How many processes to map ``n_texts`` texts on: ``workers``, else one per core, never
    more than there are texts (at least one).

    Example:
        >>> workers_for(3, 8), workers_for(1), workers_for(5, 2)
        (3, 1, 2)
    """
    wanted = workers if workers is not None else (os.cpu_count() or 1)
    return max(1, min(wanted, n_texts))


def map_texts(corpus: Corpus, workers: int | None = None,
              progress: Callable[[str], None] | None = None) -> dict[str, TextTables]:
    """:func:`text_tables` of every text of ``corpus``: in this process if one worker, else
    on a process pool of ``workers`` (``None``: one per core). Returns ``text_id`` -> tables,
    in the corpus's order; ``progress``, if given, hears of each text done.

    Raises:
        AnalysisError: the first text whose data is malformed (the pool is shut down).
    """
    todo = jobs(corpus)
    n = workers_for(len(todo), workers)
    if n == 1:
        done = []
        for job in todo:
            done.append(text_tables(job))
            if progress is not None:
                progress(job.text_id)
        return {part.text_id: part for part in done}
    with ProcessPoolExecutor(max_workers=n) as pool:
        futures = [pool.submit(text_tables, job) for job in todo]
        try:
            parts = []
            for future in futures:
                parts.append(future.result())
                if progress is not None:
                    progress(parts[-1].text_id)
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return {part.text_id: part for part in parts}


def merge(parts: dict[str, TextTables]) -> tuple[dict[str, pd.DataFrame],
                                                  dict[str, TableSchema]]:
    """The tables of every text put together, ``text_id`` first, with their corpus schemas.

    A column one text has and another lacks (a theme of its own lexicon) is
    empty in the other's rows. A field that is unique in one text (a
    ``paragraph_id``) is unique with the ``text_id`` only: the primary key
    begins with it, and a key into another table of the same text becomes
    ``(text_id, field)``.

    Example:
        >>> a = TextTables("a", {"t.csv": pd.DataFrame({"n": [1]})},
        ...                {"t.csv": TableSchema((Field("n", "integer", unique=True),), ("n",))}, "", [])
        >>> b = replace(a, text_id="b")
        >>> tables, schemas = merge({"a": a, "b": b})
        >>> tables["t.csv"].values.tolist(), schemas["t.csv"].primary_key
        ([['a', 1], ['b', 1]], ('text_id', 'n'))
    """
    first = next(iter(parts.values()))
    tables, schemas = {}, {}
    for name in first.tables:
        frames = [p.tables[name].assign(text_id=p.text_id) for p in parts.values()]
        merged = pd.concat(frames, ignore_index=True)
        columns = ["text_id", *[c for c in merged.columns if c != "text_id"]]
        tables[name] = merged[columns]
        fields: dict[str, Field] = {}
        for p in parts.values():
            for f in p.schemas[name].fields:
                fields.setdefault(f.name, replace(f, unique=False))
        key = first.schemas[name].primary_key
        if any(not p.schemas[name].primary_key for p in parts.values()):
            key = ()
        schemas[name] = TableSchema((TEXT_ID, *(fields[c] for c in columns[1:])),
                                    ("text_id", *key) if key else (),
                                    first.schemas[name].foreign_keys)
    return tables, schemas
