"""The export folder as a Frictionless Data Package: ``datapackage.json``, its manifest.

The descriptor describes every CSV file of the export by its Table Schema
(field names, types, descriptions, constraints, primary and foreign keys:
:data:`analysis.export.SCHEMAS`) and lists every other file written, each with
its size and SHA-256, so that ``frictionless validate datapackage.json`` checks
the whole export: every cell against its schema, every key, every file's bytes.
It also names what the export was made from: the text file (its name and
SHA-256) and each data file used (its path and SHA-256).

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
from pathlib import Path

from analysis.datafiles import FILE_NAMES, TONE_FILES, DataFiles
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


def _resource(folder: Path, name: str, schema: TableSchema | None) -> dict[str, object]:
    """The descriptor of one file of the export."""
    path = folder / name
    out: dict[str, object] = {"name": resource_name(name), "path": name,
                              "bytes": path.stat().st_size, "hash": f"sha256:{sha256(path)}"}
    if schema is not None:
        return {**out, "profile": "tabular-data-resource", "format": "csv",
                "mediatype": "text/csv", "encoding": "utf-8", "schema": schema.descriptor()}
    file_format, media = MEDIA_TYPES.get(path.suffix, (
        path.suffix.lstrip(".") or "bin", mimetypes.guess_type(name)[0] or "application/octet-stream"))
    return {**out, "format": file_format, "mediatype": media, "encoding": "utf-8"}


def sources(results: Analyses) -> list[dict[str, str]]:
    """The text file and every data file the analyses read, each with its SHA-256.

    Example:
        >>> [s["title"] for s in sources(Analyses(chapter))][:2]
        ['serge-memoirs-ch4-excerpt.txt', 'people.csv']
    """
    src = results.chapter.source
    out = [{"title": src.path.name, "path": str(src.path), "hash": f"sha256:{src.sha256}",
            "description": "the text analysed; every start/end is a character offset into it"}]
    files: DataFiles = results.files
    used = [(files.path(name), getattr(files, name) is None) for name in FILE_NAMES]
    folder = files.annotation_folder(results.chapter)
    if folder is not None and results.tone_reference is not None:
        used += [(folder / name, files.annotations is None) for name in TONE_FILES.values()]
    for path, bundled in used:
        if path.is_file():
            out.append({"title": path.name, "path": str(path), "hash": f"sha256:{sha256(path)}",
                        "description": "a data file the analyses read"
                        + (" (bundled)" if bundled else "")})
    return out


def write_datapackage(results: Analyses, path: str | Path, schemas: dict[str, TableSchema],
                      others: list[str]) -> None:
    """Write the descriptor of the export folder holding ``path``.

    ``schemas``: each CSV file of the folder -> its Table Schema; ``others``:
    the other files of the folder, described by their format, size and SHA-256.
    Both must be written already. See the module's example.
    """
    folder = Path(path).parent
    chapter = results.chapter
    descriptor = {
        "name": resource_name(chapter.source.path.stem.lower().replace(" ", "-")) or "export",
        "title": f"Analyses of {chapter.source.path.name}",
        "description": ("Paragraphs, sentences, corrections, themes, people, mentions and "
                        "sentiment of the text, with offsets into the file as stored; "
                        + (str(chapter.anchoring) if chapter.anchoring else "no corrections")),
        "profile": "data-package",
        "sources": sources(results),
        "resources": [_resource(folder, name, schema) for name, schema in schemas.items()]
        + [_resource(folder, name, None) for name in others],
    }
    Path(path).write_text(json.dumps(descriptor, ensure_ascii=False, indent=1) + "\n",
                          encoding="utf-8")
