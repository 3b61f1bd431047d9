"""The whole corpus as one Frictionless data package, written all or nothing.

``python -m analysis export-corpus OUTDIR [--corpus FILE]`` writes:

- ``texts.csv``: one row per text, its ``text_id``, ``author``, ``title``,
  ``year``, provenance (``source``, ``cut``, ``rights``, ``gutenberg`` …), its
  file's name and SHA-256;
- ``people.csv``: the register the texts share, each person once, with the
  Wikidata item that links them across the texts
  (:func:`analysis.corpus.witnesses.shared_register`);
- every table of the single-text export (:data:`analysis.export.TABLES`) for
  all the texts at once, each row with its ``text_id`` (each text's own register
  with its counts as ``registers.csv``);
- ``corpus.tei.xml``: a TEI ``teiCorpus`` whose header lists the shared people
  and whose members are each text's TEI (:mod:`analysis.formats.tei`);
- ``datapackage.json``: every CSV described by its Table Schema, keys
  beginning with ``text_id``, every file with its SHA-256.

The texts are analysed in parallel (:func:`analysis.corpus.tables.map_texts`).
Nothing is written until all of them are; then every file goes into a staging
folder beside ``OUTDIR`` and is switched in at once, by the export's own
machinery (:mod:`analysis.export.folder`), so ``OUTDIR`` holds the earlier
files or the new ones, whatever stops the command.

Example:
    >>> import tempfile
    >>> from analysis.corpus.witnesses import bundled_corpus, load_corpus
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     written = export_corpus(load_corpus(bundled_corpus()), Path(tmp) / "out", workers=1)
    >>> [p.name for p in written][:3], written[-1].name
    (['texts.csv', 'people.csv', 'paragraphs.csv'], 'datapackage.json')
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis.corpus.tables import TEXT_ID, TextTables, map_texts, merge
from analysis.corpus.witnesses import Corpus
from analysis.export.folder import check_outdir, locked, recover, staging, switch
from analysis.export.tables import TABLES, write_csv
from analysis.formats.datapackage import sha256
from analysis.formats.jsonld import WIKIDATA
from analysis.formats.tei import TEI
from analysis.formats.xmltext import xml_clean
from analysis.schema import Field, TableSchema, resource_name

#: The TEI corpus file, and the descriptor written last.
TEI_FILE, MANIFEST = "corpus.tei.xml", "datapackage.json"

#: The corpus's own tables, before the texts' (:data:`analysis.export.TABLES`).
OWN = ("texts.csv", "people.csv")

_TEXTS = TableSchema((
    Field("text_id", required=True, unique=True, description="the text's id in every table"),
    Field("author", required=True), Field("title", required=True),
    Field("year", "integer", required=True, description="the year of first publication"),
    Field("written", description="when the text was written"),
    Field("events", description="when the events it tells took place"),
    Field("translator"), Field("gutenberg", "integer", description="its Project Gutenberg number"),
    Field("source", required=True, description="where the file comes from"),
    Field("cut", required=True, description="what of the source the file holds"),
    Field("rights", required=True, description="its copyright status"),
    Field("file", required=True, description="the text file's name; every start/end of its "
                                             "rows is a character offset into it as stored"),
    Field("sha256", required=True, pattern="[0-9a-f]{64}", description="the file's SHA-256")),
    primary_key=("text_id",))

_PEOPLE = TableSchema((
    Field("person_id", required=True, unique=True, description="the person's id in every text"),
    Field("name", required=True), Field("label", description="the short name figures show"),
    Field("wikidata", pattern=r"Q[1-9][0-9]*", description="the Wikidata item"),
    Field("texts", description="the texts whose register holds the person, ';' between")),
    primary_key=("person_id",))


def names() -> list[str]:
    """Every file the corpus export writes, in order (the descriptor last).

    Example:
        >>> names()[:3], names()[-2:]
        (['texts.csv', 'people.csv', 'paragraphs.csv'], ['corpus.tei.xml', 'datapackage.json'])
    """
    texts = [("registers.csv" if n == "people.csv" else n) for n in TABLES]
    return [*OWN, *texts, TEI_FILE, MANIFEST]


def texts_table(corpus: Corpus) -> pd.DataFrame:
    """One row per text: ids, author, title, year, provenance, file and SHA-256.

    Example:
        >>> from analysis.corpus.witnesses import bundled_corpus, load_corpus
        >>> texts_table(load_corpus(bundled_corpus()))[["text_id", "year"]].values.tolist()
        [['serge', 1951], ['russell', 1920], ['goldman', 1923]]
    """
    rows = [{f.name: getattr(w, f.name, None) for f in _TEXTS.fields}
            | {"file": w.text.name, "gutenberg": w.gutenberg} for w in corpus.texts]
    return pd.DataFrame(rows, columns=_TEXTS.names).astype({"gutenberg": "Int64"})


def export_corpus(corpus: Corpus, outdir: str | Path, *, workers: int | None = None,
                  progress: Callable[[str], None] | None = None,
                  notes: list[str] | None = None) -> list[Path]:
    """Write the corpus's data package into ``outdir``, all or nothing; return the paths.

    ``workers``: processes for the texts (``None``: one per core). ``notes``
    gathers what a reader should know (an earlier export's leftovers settled,
    a table without a key). ``outdir`` is checked first, and locked while
    the files are switched in (another export into it is refused).

    Raises:
        AnalysisError: ``outdir`` cannot be written, another export is writing
            into it, the disk is full, or a text's data is malformed.
        KeyboardInterrupt: an interrupt; ``outdir`` is as it was (unless the
            exception says ``written``).
    """
    check_outdir(outdir)
    out = Path(outdir)
    order = names()
    say = (notes if notes is not None else []).append
    parts = map_texts(corpus, workers, progress)
    for part in parts.values():
        for line in part.notes:
            say(line)
    tables, schemas = merge(parts)
    with locked(out) as lock:
        recover(out, order, say)
        with staging(out) as stage:
            own = {"texts.csv": (texts_table(corpus), _TEXTS),
                   "people.csv": (corpus.register(), _PEOPLE)}
            for name, (table, schema) in own.items():
                write_csv(table, stage / name)
                schemas[name] = schema
            for name, table in tables.items():
                write_csv(table, stage / name)
            write_tei_corpus(corpus, parts, stage / TEI_FILE)
            write_descriptor(corpus, stage, schemas, order)
            switch(stage, out, order, lock)
    return [out / name for name in order]


def write_tei_corpus(corpus: Corpus, parts: dict[str, TextTables], path: Path) -> None:
    """The ``teiCorpus``: a header with the corpus's title and the shared ``listPerson``, then
    each text's ``TEI`` (:func:`analysis.corpus.tables.text_tables`), one at a time.

    Example:
        >>> import tempfile
        >>> from analysis.corpus.witnesses import bundled_corpus, load_corpus
        >>> from analysis.corpus.tables import jobs, text_tables
        >>> corpus = load_corpus(bundled_corpus())
        >>> part = text_tables(jobs(corpus)[1])
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     write_tei_corpus(corpus, {"russell": part}, Path(tmp) / "c.xml")
        ...     root = ET.parse(Path(tmp) / "c.xml").getroot()
        >>> root.tag.endswith("teiCorpus"), len(root.findall(f"{{{TEI}}}TEI"))
        (True, 1)
    """
    header = ET.Element("teiHeader")
    desc = ET.SubElement(header, "fileDesc")
    ET.SubElement(ET.SubElement(desc, "titleStmt"), "title").text = xml_clean(corpus.title)
    ET.SubElement(ET.SubElement(desc, "publicationStmt"), "p").text = (
        "Written by the analysis package (python -m analysis export-corpus) from the texts "
        "below; each member's persName ref points to a person of the listPerson here.")
    source = ET.SubElement(desc, "sourceDesc")
    people = ET.SubElement(source, "listPerson")
    for rec in corpus.register().to_dict("records"):
        person = ET.SubElement(people, "person",
                               {"xml:id": xml_clean(rec["person_id"])})
        name = ET.SubElement(person, "persName",
                             {"ref": WIKIDATA + rec["wikidata"]} if rec["wikidata"] else {})
        name.text = xml_clean(str(rec["name"]))
        if rec["wikidata"]:
            ET.SubElement(person, "idno", {"type": "wikidata"}).text = rec["wikidata"]
    ET.indent(header, space=" ")
    with path.open("w", encoding="utf-8") as stream:
        stream.write(f"<?xml version='1.0' encoding='utf-8'?>\n<teiCorpus xmlns=\"{TEI}\">")
        stream.write(ET.tostring(header, encoding="unicode") + "\n")
        for text_id in corpus.ids:
            if text_id in parts:
                stream.write(parts[text_id].tei + "\n")
        stream.write("</teiCorpus>\n")


def _descriptor(name: str, schema: TableSchema) -> dict:
    """A corpus table's schema: keys into another table of the same text take the ``text_id``."""
    out = TableSchema(schema.fields, schema.primary_key).descriptor()
    keys = [{"fields": ["text_id"], "reference": {"resource": "texts", "fields": ["text_id"]}}
            ] if name not in OWN else []
    for field, table, other in schema.foreign_keys:
        shared = table == "people.csv"
        keys.append({"fields": [field] if shared else ["text_id", field], "reference": {
            "resource": resource_name(table), "fields": [other] if shared else ["text_id", other]}})
    if keys:
        out["foreignKeys"] = keys
    return out


def write_descriptor(corpus: Corpus, folder: Path, schemas: dict[str, TableSchema],
                     order: list[str]) -> None:
    """``datapackage.json``: every CSV by its schema, the TEI file, each with its SHA-256."""
    resources = []
    for name in order:
        if name == MANIFEST:
            continue
        path = folder / name
        entry: dict[str, object] = {"name": resource_name(name), "path": name,
                                    "bytes": path.stat().st_size,
                                    "hash": f"sha256:{sha256(path)}", "encoding": "utf-8"}
        if name in schemas:
            entry |= {"profile": "tabular-data-resource", "format": "csv",
                      "mediatype": "text/csv", "schema": _descriptor(name, schemas[name])}
        else:
            entry |= {"format": "xml", "mediatype": "application/tei+xml"}
        resources.append(entry)
    descriptor = {
        "name": resource_name(corpus.name) or "corpus", "title": corpus.title,
        "description": ("The texts of a corpus analysed alike: paragraphs, sentences, "
                        "corrections, themes, people, mentions and sentiment, each row with "
                        "its text_id and offsets into its text's file as stored; every text "
                        "cell is the text exactly."),
        "profile": "data-package",
        "sources": [{"title": w.text.name, "path": w.text.name, "hash": f"sha256:{w.sha256}",
                     "description": f"{w.author}, {w.title} ({w.year}): {w.source}"}
                    for w in corpus.texts],
        "resources": resources,
    }
    (folder / MANIFEST).write_text(json.dumps(descriptor, ensure_ascii=False, indent=1) + "\n",
                                   encoding="utf-8")


__all__ = ["MANIFEST", "TEI_FILE", "TEXT_ID", "export_corpus", "names", "texts_table",
           "write_descriptor", "write_tei_corpus"]
