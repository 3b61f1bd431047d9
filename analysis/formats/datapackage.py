"""The export folder as a Frictionless Data Package: ``datapackage.json``, its manifest.

The descriptor describes every CSV file of the export by its Table Schema
(field names, types, descriptions, constraints, primary and foreign keys:
:data:`analysis.export.SCHEMAS`) and lists every other file written, each with
its size and SHA-256, so that ``frictionless validate datapackage.json`` checks
the whole export: every cell against its schema, every key, every file's bytes.
It also names what the export was made from (``sources``): the text file and
each data file the analyses actually read for that text (a bundled chapter's
corrections are not listed for another text), each with its SHA-256 and a
relative path: a file bundled with the package by its path in the package's
repository (``analysis/data/people.csv``), any other by its path from the
export folder (``../texts/memoir.txt``), so that no path of the machine that
wrote the export is recorded.

Example:
    >>> import tempfile
    >>> from analysis.export import export
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = export(Analyses(chapter), tmp)
    ...     package = json.loads((Path(tmp) / "datapackage.json").read_text(encoding="utf-8"))
    >>> [r["name"] for r in package["resources"]][:2], package["sources"][0]["title"]
    (['paragraphs', 'sentences'], 'serge-memoirs-ch4-excerpt.txt')
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import os
from pathlib import Path

from analysis.datafiles import ANNOTATION_SETS, DATA_FOLDER, FILE_NAMES, SPAN_SETS, DataFiles
from analysis.results import Analyses
from analysis.schema import TableSchema, resource_name

#: Media types of the files the export writes besides its CSV files.
MEDIA_TYPES = {".gexf": ("gexf", "application/gexf+xml"),
               ".jsonld": ("jsonld", "application/ld+json"),
               ".xml": ("xml", "application/tei+xml")}


def sha256(path: str | Path) -> str:
    """The SHA-256 of a file, as a hexadecimal string.

    Example:
        >>> sha256(chapter.source.path) == chapter.source.sha256
        True
    """
    digest = hashlib.sha256()
    with Path(path).open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _resource(folder: Path, name: str, schema: TableSchema | None, absent: str | None = None
              ) -> dict[str, object]:
    """The descriptor of one file of the export (``absent``: why a table is empty)."""
    path = folder / name
    out: dict[str, object] = {"name": resource_name(name), "path": name,
                              "bytes": path.stat().st_size, "hash": f"sha256:{sha256(path)}"}
    if absent:
        out["description"] = f"Empty: {absent}."
    if schema is not None:
        return {**out, "profile": "tabular-data-resource", "format": "csv",
                "mediatype": "text/csv", "encoding": "utf-8", "schema": schema.descriptor()}
    file_format, media = MEDIA_TYPES.get(path.suffix, (
        path.suffix.lstrip(".") or "bin", mimetypes.guess_type(name)[0] or "application/octet-stream"))
    return {**out, "format": file_format, "mediatype": media, "encoding": "utf-8"}


#: Data file (a field of :class:`~analysis.datafiles.DataFiles`) -> the property of
#: :class:`~analysis.results.Analyses` that reads it, where it is not the field's own name.
READ_BY = {"people": "register", "shared_names": "register", "non_person_names": "known_names",
           "themes": "lexicon", "sentiment_lexicon_patch": "patch"}

#: The data files read with the text itself (the corrections only when some applied).
WITH_THE_TEXT = ("abbreviations", "corrections")

#: The properties of :class:`~analysis.results.Analyses` the export's files are computed from,
#: and the reference readings among them: only their files are listed as sources, whatever
#: else the same analyses computed before (so one text and data give one descriptor).
EXPORT_READS = frozenset({"register", "known_names", "lexicon", "patch", "stopwords",
                          "chronology", "time_annotations"})
EXPORT_READINGS = frozenset({"tone"})

#: The folder the bundled files' paths are given from — the package's repository.
PACKAGE_ROOT = DATA_FOLDER.resolve().parents[1]


def _read(results: Analyses) -> list[tuple[Path, bool]]:
    """Each data file the export read for this text (``bundled``: the package's own)."""
    files: DataFiles = results.files
    computed = vars(results)
    out = []
    for field in FILE_NAMES:
        read_by = READ_BY.get(field, field)
        if field not in WITH_THE_TEXT and (read_by not in EXPORT_READS
                                           or computed.get(read_by) is None):
            continue  # nothing exported read it (or it was not there for this text)
        if field == "corrections" and results.chapter.anchoring is None:
            continue  # no corrections were applied to this text
        given = getattr(files, field)
        path = files.path(field)
        if field == "shared_names" and given is None:  # the rules beside the register, if any
            path = files.path("people").parent / FILE_NAMES[field]
            given = None if files.people is None else path
        out.append((path, given is None))
    folder = files.annotation_folder(results.chapter)
    for kind, found in computed.get("_readings", {}).items():
        if kind in EXPORT_READINGS and found is not None and folder is not None:
            out += [(folder / name, files.annotations is None)
                    for name in ANNOTATION_SETS[kind].values() if (folder / name).is_file()]
    time_read = computed.get("time_annotations") or {}
    if folder is not None:
        out += [(folder / SPAN_SETS[part], files.annotations is None)
                for part, table in time_read.items() if table is not None]
    return [(path, bundled) for path, bundled in out if path.is_file()]


def _relative(path: Path, bundled: bool, folder: Path) -> str:
    """``path`` from the package's repository (a bundled file) or from ``folder``, in POSIX form."""
    base = PACKAGE_ROOT if bundled else folder
    try:
        return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive
        return path.name


def sources(results: Analyses, folder: str | Path = ".") -> list[dict[str, str]]:
    """The text file and every data file the export's files were computed from, with its SHA-256.

    ``folder``: the export folder, which the paths of files not bundled with
    the package are relative to.

    Example:
        >>> results = Analyses(chapter)
        >>> _ = results.register  # read, so it is listed
        >>> listed = sources(results)
        >>> [s["title"] for s in listed][:3], listed[1]["path"]
        (['serge-memoirs-ch4-excerpt.txt', 'people.csv', 'shared_names.csv'], 'analysis/data/people.csv')
    """
    src = results.chapter.source
    seed = src.path.resolve().parent == PACKAGE_ROOT / "seeds"
    out = [{"title": src.path.name, "path": _relative(src.path, seed, Path(folder)),
            "hash": f"sha256:{src.sha256}",
            "description": "the text analysed; every start/end is a character offset into it"
            + (" (bundled with the package)" if seed else "")}]
    for path, bundled in _read(results):
        out.append({"title": path.name, "path": _relative(path, bundled, Path(folder)),
                    "hash": f"sha256:{sha256(path)}",
                    "description": "a data file the analyses read"
                    + (" (bundled with the package)" if bundled else "")})
    return out


def write_datapackage(results: Analyses, path: str | Path, schemas: dict[str, TableSchema],
                      others: list[str], *, spreadsheet_safe: bool = False,
                      absent: dict[str, str] | None = None) -> None:
    """Write the descriptor of the export folder holding ``path``.

    ``schemas``: each CSV file of the folder -> its Table Schema; ``others``:
    the other files of the folder, described by their format, size and SHA-256.
    Both must be written already. ``spreadsheet_safe``: the CSV files were
    written so (:func:`analysis.export.tables.write_csv`), which the
    description says. ``absent``: each table written empty for want of data (a
    text without a chronology) -> why, which its resource's description says.
    See the module's example.
    """
    absent = absent or {}
    folder = Path(path).parent
    chapter = results.chapter
    descriptor = {
        "name": resource_name(chapter.source.path.stem.lower().replace(" ", "-")) or "export",
        "title": f"Analyses of {chapter.source.path.name}",
        "description": ("Paragraphs, sentences (with hindsight), corrections, themes, people, "
                        "mentions, sentiment, time expressions and the chronology of the "
                        "text, with offsets into the file as stored; "
                        + (str(chapter.anchoring) if chapter.anchoring else "no corrections")
                        + ("; spreadsheet-safe: a text cell beginning with = + - @, a tab or a "
                           "carriage return has a ' put before it, so such cells are not the "
                           "text exactly" if spreadsheet_safe else
                           "; every text cell is the text exactly")),
        "profile": "data-package",
        "sources": sources(results, folder),
        "resources": [_resource(folder, name, schema, absent.get(name))
                      for name, schema in schemas.items()]
        + [_resource(folder, name, None) for name in others],
    }
    Path(path).write_text(json.dumps(descriptor, ensure_ascii=False, indent=1) + "\n",
                          encoding="utf-8")
