"""The established text in TEI P5: ``chapter.tei.xml``.

- ``teiHeader``: the title, the source (the text file's name and its SHA-256,
  ``idno type="sha256"``) and, in the source description, a ``listPerson`` from the
  register: one ``person`` per person (``xml:id`` = ``person_id``), with their
  name and, where the register has a Wikidata QID, ``idno type="wikidata"`` and a
  ``ref`` to the entity on the name;
- the body: one element per paragraph, its ``n`` the ``paragraph_id``: ``head``
  for a title, ``p`` for narrative, ``note type="editorial"`` for an editor's note;
- in the text, ``persName ref="#person_id"`` for each mention and ``choice``
  with ``sic`` (what the file holds) and ``corr`` (the replacement) for each
  correction. A correction inside a name is nested in its ``persName``, and a
  name that would cut a correction in two is widened to hold all of it.

The schema of TEI (``tei_all.rng``) is not packaged for PyPI or npm, so the file
is checked by the tests for its structure and counts, not validated against it
(``book/extending.md`` says how to validate it with Jing).

Example:
    >>> import tempfile
    >>> results = Analyses(chapter)
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_tei(results, Path(tmp) / "c.xml")
    ...     root = ET.parse(Path(tmp) / "c.xml").getroot()
    >>> len(root.findall(".//tei:body//tei:persName", NS)) == len(results.mentions)
    True
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.formats.jsonld import WIKIDATA
from analysis.formats.xmltext import left_out, xml_clean
from analysis.results import Analyses

#: The TEI namespace, and the prefix the examples and tests use for it.
TEI = "http://www.tei-c.org/ns/1.0"
NS = {"tei": TEI}
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_ELEMENT = {"title": "head", "narrative": "p", "editorial": "note"}


def _el(parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str
        ) -> ET.Element:
    """A TEI element (under ``parent`` if given) with its text and attributes.

    Its tag has no namespace: it is written inside the ``TEI`` element, which
    declares the TEI namespace as the default.
    """
    qualified = {(_XML_ID if k == "xml_id" else k): xml_clean(v) for k, v in attrs.items()}
    el = (ET.Element if parent is None else lambda t, **a: ET.SubElement(parent, t, **a))(
        tag, **qualified)
    if text is not None:
        el.text = xml_clean(text)
    return el


def _add_text(el: ET.Element, text: str) -> None:
    """Append text after ``el``'s last child (or inside it, if it has none)."""
    text = xml_clean(text)
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def tei_header(results: Analyses) -> ET.Element:
    """The ``teiHeader``: title, source with checksum, list of persons.

    Example:
        >>> tei_header(Analyses(chapter)).find("fileDesc/sourceDesc/bibl/idno").get("type")
        'sha256'
    """
    src = results.chapter.source
    header = _el(None, "teiHeader")
    desc = _el(header, "fileDesc")
    _el(_el(desc, "titleStmt"), "title", f"The established text of {src.path.name}")
    _el(_el(desc, "publicationStmt"), "p",
        "Written by the analysis package (python -m analysis export) from the file below: "
        "its corrections as choice, sic and corr, its mentions of people as persName.")
    source = _el(desc, "sourceDesc")
    bibl = _el(source, "bibl")
    _el(bibl, "title", src.path.name)
    _el(bibl, "idno", src.sha256, type="sha256")
    people = _el(source, "listPerson")
    for rec in results.shown_register.to_dict("records"):
        person = _el(people, "person", xml_id=rec["person_id"])
        qid = str(rec.get("wikidata", "") or "")
        _el(person, "persName", rec["name"], **({"ref": WIKIDATA + qid} if qid else {}))
        if qid:
            _el(person, "idno", qid, type="wikidata")
    return header


def _est(results: Analyses, start: int, end: int) -> tuple[int, int]:
    """The span of the established text that the seed span ``[start, end)`` became."""
    omap = results.chapter.offset_map
    return int(omap.from_seed([start])[0]), int(omap.from_seed_end([end])[0])


def _rows(table: pd.DataFrame, columns: list[str]) -> tuple[np.ndarray, list[tuple]]:
    """The rows of ``table`` sorted by ``start``: their starts, and the ``columns`` as tuples."""
    ordered = table.sort_values("start", kind="stable")
    return ordered["start"].to_numpy(), list(ordered[columns].itertuples(index=False))


def _within(rows: tuple[np.ndarray, list[tuple]], start: int, end: int) -> list[tuple]:
    """The rows (from :func:`_rows`, ``end`` second) that lie inside ``[start, end)``."""
    starts, values = rows
    part = values[np.searchsorted(starts, start, side="left"):
                  np.searchsorted(starts, end, side="left")]
    return [r for r in part if r[1] <= end]


def _marks(results: Analyses, start: int, end: int, fixes: tuple[np.ndarray, list[tuple]],
           found: tuple[np.ndarray, list[tuple]]) -> list[tuple[int, int, str, dict]]:
    """The corrections and mentions inside the seed span ``[start, end)``, as spans of the
    established text, outermost first; a name is widened to hold a correction it cuts.
    ``fixes`` and ``found``: the corrections and the mentions (:func:`_rows`)."""
    omap = results.chapter.offset_map
    inside = _within(fixes, start, end)
    marks = []
    for r in inside:
        at = int(omap.from_seed([r.start])[0])
        marks.append((at, at + len(r.replacement), "choice", {"sic": r.found,
                                                              "corr": r.replacement}))
    for r in _within(found, start, end):
        lo, hi = _est(results, int(r.start), int(r.end))
        for a, b, _, _ in marks[:len(inside)]:
            if a < hi and lo < b:  # a correction across the name's edge: the name holds it all
                lo, hi = min(lo, a), max(hi, b)
        marks.append((lo, hi, "persName", {"ref": f"#{r.person_id}"}))
    return sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]), m[2] != "persName"))


def _fill(text: str, el: ET.Element, start: int, end: int,
          marks: list[tuple[int, int, str, dict]]) -> None:
    """Write ``text[start:end]`` (the established text) into ``el``, with its marks nested."""
    pos = start
    i = 0
    while i < len(marks):
        lo, hi, tag, data = marks[i]
        j = i + 1
        while j < len(marks) and marks[j][1] <= hi and marks[j][0] < max(hi, lo + 1):
            j += 1
        if lo < pos:  # overlaps what was written: leave it out rather than cut the tree
            i = j
            continue
        _add_text(el, text[pos:lo])
        if tag == "choice":
            choice = _el(el, "choice")
            _el(choice, "sic", data["sic"])
            _el(choice, "corr", data["corr"])
        else:
            _fill(text, _el(el, "persName", ref=data["ref"]), lo, hi, marks[i + 1:j])
        pos = hi
        i = j
    _add_text(el, text[pos:end])


def paragraphs(results: Analyses) -> Iterator[ET.Element]:
    """The body's elements, one per paragraph (see the module's description), one at a time.

    Example:
        >>> first = next(paragraphs(Analyses(chapter)))
        >>> first.tag, first.get("n")
        ('head', '1')
    """
    fixes = _rows(results.chapter.corrections, ["start", "end", "found", "replacement"])
    found = _rows(results.mentions, ["start", "end", "person_id"])
    for para in results.chapter.paragraphs.itertuples(index=False):
        extra = {"type": "editorial"} if para.kind == "editorial" else {}
        block = _el(None, _ELEMENT.get(para.kind, "p"), n=str(para.paragraph_id), **extra)
        lo, hi = _est(results, int(para.start), int(para.end))
        _fill(results.chapter.text, block, lo, hi,
              _marks(results, int(para.start), int(para.end), fixes, found))
        yield block


def write_tei(results: Analyses, path: str | Path) -> None:
    """Write the TEI document as UTF-8 XML at ``path``, a paragraph at a time.

    What XML cannot hold is left out, with a warning in ``results.notes``.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     write_tei(Analyses(chapter), Path(tmp) / "c.xml")
        ...     ET.parse(Path(tmp) / "c.xml").getroot().tag
        '{http://www.tei-c.org/ns/1.0}TEI'
    """
    omap = results.chapter.offset_map
    warning = left_out(results.chapter.text, "the text", "chapter.tei.xml",
                       lambda i: int(omap.seed_starts([i])[0]))
    bad = [p for p, n in zip(results.register["person_id"], results.register["name"])
           if xml_clean(str(n)) != str(n)]
    if bad:
        warning = (f"{warning}; " if warning else "warning: chapter.tei.xml: ") + (
            f"control characters (which XML cannot hold) are left out of the name of "
            f"{', '.join(bad)} (from the register)")
    if warning:
        results.notes.append(warning)
    header = tei_header(results)
    ET.indent(header, space=" ")
    with Path(path).open("w", encoding="utf-8") as stream:
        stream.write(f"<?xml version='1.0' encoding='utf-8'?>\n<TEI xmlns=\"{TEI}\">")
        stream.write(ET.tostring(header, encoding="unicode"))
        stream.write("<text><body><div>\n")
        for block in paragraphs(results):
            stream.write(ET.tostring(block, encoding="unicode") + "\n")
        stream.write("</div></body></text></TEI>\n")
