"""The established text in TEI P5: ``chapter.tei.xml``.

- ``teiHeader``: the title, the source (the text file's name and its SHA-256,
  ``idno type="sha256"``) and, in the source description, a ``listPerson`` from the
  register: one ``person`` per person (``xml:id`` = ``person_id``), with their
  name and, where the register has a Wikidata QID, ``idno type="wikidata"`` and a
  ``ref`` to the entity on the name;
- the body: one element per paragraph, its ``n`` the ``paragraph_id``: ``head``
  for a title, ``p`` for narrative, ``note type="editorial"`` for an editor's note;
- in the text, ``s n="sentence_id"`` for each sentence (``type="hindsight"`` and
  ``ana="timex:LATER"``, the later time it speaks from, where the rule marks it:
  :attr:`~analysis.results.Analyses.hindsight`), ``persName ref="#person_id"``
  for each mention, ``choice`` with ``sic`` (what the file holds) and ``corr``
  (the replacement) for each correction, and for each time expression a
  ``date``, ``time`` or ``measure type="age"`` (``when``, ``notBefore``,
  ``notAfter``, ``dur``; ``ana="timex:VALUE"``:
  :func:`analysis.timeline.interchange.tei_elements`). A correction inside a name
  is nested in its ``persName``, and a name that would cut a correction in two is
  widened to hold all of it. Names and corrections are never cut: a sentence
  edge that falls inside one (a full stop a correction adds) moves to its end,
  and a time expression that crosses the edge of a name, a correction, a
  sentence or another time expression is written as plain text, each with a warning (``Analyses.notes``)
  naming them;
- ``encodingDesc`` says so, for a reader of the file.

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
from analysis.timeline.interchange import tei_elements

#: The TEI namespace, and the prefix the examples and tests use for it.
TEI = "http://www.tei-c.org/ns/1.0"
NS = {"tei": TEI}
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_ELEMENT = {"title": "head", "narrative": "p", "editorial": "note"}
#: Which element holds which where two cover the same text, outermost first.
_NESTING = {"s": 0, "persName": 1, "date": 2, "time": 2, "measure": 2, "choice": 3}
#: What the body's elements mean, said in the header.
ENCODING = ("Each sentence is an s element, its n the sentence_id of sentences.csv; a sentence "
            "the rule marks as written with hindsight (speaking from a time after the events it "
            "tells) has type=\"hindsight\" and, in ana, the later time it speaks from. Each time "
            "expression is a date, time or measure (type=\"age\") element: its type is the TIMEX3 "
            "type, its ana the TIMEX3 value after timex: (PRESENT_REF is the time of writing, "
            "FUTURE_REF a later time not named, X what is unknown), and when, notBefore, "
            "notAfter and dur give it in TEI's terms where they can. persName marks a mention "
            "of a person of the listPerson, choice with sic and corr a correction of the file.")


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
        "its corrections as choice, sic and corr, its mentions of people as persName, its "
        "sentences as s, its time expressions as date, time and measure.")
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
    _el(_el(header, "encodingDesc"), "p", ENCODING)
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


def _crosses(a: tuple, b: tuple) -> bool:
    """Whether two spans (``lo, hi, ...``) overlap with neither holding the other."""
    return a[0] < b[0] < a[1] < b[1] or b[0] < a[0] < b[1] < a[1]


def _outside(at: int, spans: list[tuple]) -> int:
    """``at``, or the end of the spans (``lo, hi, ...``) it falls strictly inside."""
    inside = [hi for lo, hi, *_ in spans if lo < at < hi]
    while inside:
        at = max(inside)
        inside = [hi for lo, hi, *_ in spans if lo < at < hi]
    return at


def _marks(results: Analyses, start: int, end: int, fixes: tuple[np.ndarray, list[tuple]],
           found: tuple[np.ndarray, list[tuple]], sentences: tuple[np.ndarray, list[tuple]],
           times: tuple[np.ndarray, list[tuple]], dropped: list[tuple[str, str]]
           ) -> list[tuple[int, int, str, dict]]:
    """The corrections, mentions, sentences and time expressions inside the seed span
    ``[start, end)``, as spans of the established text, outermost first; a name is widened
    to hold a correction it cuts. ``fixes``, ``found``, ``sentences`` and ``times``: the
    corrections, mentions, sentences and the time expressions' elements (:func:`_rows`).
    A sentence edge inside a name or correction moves to its end (``("s", "s12")`` in
    ``dropped``); a time expression crossing the edge of any of these, or of an earlier
    time expression, is left out (``("date", "“1921” (s40)")``)."""
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
    fixed = list(marks)
    text = results.chapter.text
    for r in _within(sentences, start, end):
        lo, hi = _est(results, int(r.start), int(r.end))
        # the seed span of a sentence whose edge lies in a correction holds all of it
        lo = max(text.find(r.text, lo, hi), lo)
        hi = lo + len(r.text)
        attrs = {"n": str(r.sentence_id)}
        if r.hindsight is True:
            attrs |= {"type": "hindsight", "ana": f"timex:{r.later}"}
        if (_outside(lo, fixed), _outside(hi, fixed)) != (lo, hi):
            lo, hi = _outside(lo, fixed), _outside(hi, fixed)
            dropped.append(("s", f"s{r.sentence_id}"))
        if hi > lo:
            marks.append((lo, hi, "s", attrs))
    for r in _within(times, start, end):  # each against the others, and the dates kept
        lo, hi = _est(results, int(r.start), int(r.end))
        if any(_crosses((lo, hi), other) for other in marks):
            dropped.append((r.element, f"“{r.text}” (s{r.sentence_id})"))
        elif hi > lo:
            marks.append((lo, hi, r.element, dict(r.attributes)))
    return sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]), _NESTING[m[2]]))


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
            _fill(text, _el(el, tag, **data), lo, hi, marks[i + 1:j])
        pos = hi
        i = j
    _add_text(el, text[pos:end])


def paragraphs(results: Analyses, dropped: list[tuple[str, str]] | None = None
               ) -> Iterator[ET.Element]:
    """The body's elements, one per paragraph (see the module's description), one at a time.

    ``dropped``, if given, hears of each sentence whose edge moved out of a name or
    correction, ``("s", "s12")``, and each time expression left out where it crosses
    another element's edge, ``("date", "“1921” (s40)")``.

    Example:
        >>> first = next(paragraphs(Analyses(chapter)))
        >>> first.tag, first.get("n"), first[0].tag
        ('head', '1', 's')
    """
    dropped = [] if dropped is None else dropped
    fixes = _rows(results.chapter.corrections, ["start", "end", "found", "replacement"])
    found = _rows(results.mentions, ["start", "end", "person_id"])
    marks = results.hindsight.set_index("sentence_id")
    sents = results.chapter.sentences[["sentence_id", "start", "end", "text"]]
    sentences = _rows(sents.assign(
        hindsight=sents["sentence_id"].map(marks["hindsight"]).eq(True).astype(object),
        later=sents["sentence_id"].map(marks["later"])),
        ["start", "end", "sentence_id", "hindsight", "later", "text"])
    expressions = results.time_expressions
    times = _rows(tei_elements(expressions).assign(
        text=expressions["text"].to_numpy(), sentence_id=expressions["sentence_id"].to_numpy()),
        ["start", "end", "element", "attributes", "text", "sentence_id"])
    for para in results.chapter.paragraphs.itertuples(index=False):
        extra = {"type": "editorial"} if para.kind == "editorial" else {}
        block = _el(None, _ELEMENT.get(para.kind, "p"), n=str(para.paragraph_id), **extra)
        lo, hi = _est(results, int(para.start), int(para.end))
        _fill(results.chapter.text, block, lo, hi,
              _marks(results, int(para.start), int(para.end), fixes, found, sentences, times,
                     dropped))
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
    dropped: list[tuple[str, str]] = []
    with Path(path).open("w", encoding="utf-8") as stream:
        stream.write(f"<?xml version='1.0' encoding='utf-8'?>\n<TEI xmlns=\"{TEI}\">")
        stream.write(ET.tostring(header, encoding="unicode"))
        stream.write("<text><body><div>\n")
        for block in paragraphs(results, dropped):
            stream.write(ET.tostring(block, encoding="unicode") + "\n")
        stream.write("</div></body></text></TEI>\n")
    results.notes.extend(crossing_warnings(dropped))


def crossing_warnings(dropped: list[tuple[str, str]]) -> list[str]:
    """The warnings for the sentences whose edge moved and the time expressions left out.

    Example:
        >>> for line in crossing_warnings([("s", "s4"), ("date", "“May 1921” (s9)")]):
        ...     print(line)
        warning: chapter.tei.xml: an edge of 1 sentence falls inside a name or a correction, so its s element begins or ends where that ends: s4
        warning: chapter.tei.xml: 1 time expression crosses the edge of a name, a correction, a sentence or another date and is written as plain text: “May 1921” (s9)
    """
    out = []
    sentences = [said for tag, said in dropped if tag == "s"]
    times = [said for tag, said in dropped if tag != "s"]
    if sentences:
        out.append(f"warning: chapter.tei.xml: an edge of {len(sentences)} sentence"
                   f"{'' if len(sentences) == 1 else 's'} falls inside a name or a correction, "
                   f"so {'its' if len(sentences) == 1 else 'their'} s element begins or ends "
                   f"where that ends: {_listed(sentences)}")
    if times:
        one = len(times) == 1
        out.append(f"warning: chapter.tei.xml: {len(times)} time expression"
                   f"{' crosses' if one else 's cross'} the edge of a name, a correction, a "
                   f"sentence or another date and {'is' if one else 'are'} written as plain "
                   "text: "
                   f"{_listed(times)}")
    return out


def _listed(items: list[str], most: int = 10) -> str:
    """The first ``most`` items, ``", "`` between them, ``…`` after them if there are more."""
    return ", ".join(items[:most]) + (" …" if len(items) > most else "")
