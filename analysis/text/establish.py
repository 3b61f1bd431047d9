"""From the file as stored to the established text: its layout, its corrections, what is left out.

:func:`establish` is the first step of :func:`analysis.datafiles.load_chapter`:

1. the layout is read (:mod:`analysis.text.layout`: byte-order mark, line
   endings, hard-wrapped lines, NUL characters);
2. the corrections are anchored in the text so read (:mod:`analysis.text.anchoring`):
   a correction that does not anchor is left out and reported. Corrections
   offered ``if_fits`` (those made for another copy of the text, such as the
   bundled chapter's for any text given) apply only where most of them anchor:
   the text is then a copy of the one they were made for (``bundled``);
3. what is not the chapter is left out of the analysis, its offsets kept: a
   Project Gutenberg file's licence header and footer (the ``*** START OF ...
   ***`` and ``*** END OF ... ***`` lines and what lies beyond them), and, in a
   copy of the text the corrections were made for, whatever comes before its
   ``opening`` words (a line of provenance, a title page);
4. the layout's edits and the corrections are applied at once, with one offset map.

Example:
    >>> from analysis.text.source import read_source
    >>> from analysis.text.corrections import load_corrections
    >>> est = establish(read_source(chapter.source.path),
    ...                 load_corrections(data_path("corrections.csv")), if_fits=True)
    >>> str(est.anchoring), est.bundled, len(est.excluded)
    ('corrections: 30 of 30 anchored (0 moved)', True, 0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.text.anchoring import AnchorReport, anchor_records
from analysis.text.corrections import (applied, apply_with_layout, check_corrections,
                                       empty_corrections)
from analysis.text.layout import layout_edits, layout_warnings
from analysis.text.offsets import OffsetMap, apply_edits
from analysis.text.source import Source

_GUTENBERG = re.compile(r"^[ \t]*\*{3}[ \t]*(START|END) OF (?:THE |THIS )?PROJECT GUTENBERG "
                        r"E(?:BOOK|TEXT)\b[^\r\n]*", re.IGNORECASE | re.MULTILINE)

@dataclass(frozen=True)
class Established:
    """A file's established text and how it was made (see :func:`establish`).

    - ``text``, ``offset_map``: the established text and its map to the file;
    - ``plain``, ``plain_map``: the file as its layout reads, uncorrected, in
      which records are anchored;
    - ``corrections``: those applied (``start, end, found, replacement, kind, note``);
    - ``anchoring``: how the corrections anchored (``None``: there were none to anchor);
    - ``bundled``: the corrections offered ``if_fits`` fit the file: it is a copy of the
      text they were made for;
    - ``body``: the span of ``text`` that is the chapter (the rest is ``excluded``);
    - ``excluded``: ``part, start, end`` (offsets into the file) of what is left out;
    - ``warnings``: lines a reader should see (NUL characters);
    - ``line_breaks``: where ``text`` reads a single line break of the file as a
      space (a heading keeps it: :func:`analysis.datafiles.load_chapter`).
    """

    text: str
    offset_map: OffsetMap
    plain: str
    plain_map: OffsetMap
    corrections: pd.DataFrame
    anchoring: AnchorReport | None
    bundled: bool
    body: tuple[int, int]
    excluded: pd.DataFrame
    warnings: tuple[str, ...]
    line_breaks: np.ndarray


def establish(source: Source, corrections: pd.DataFrame | None = None, *, if_fits: bool = False,
              opening: str = "") -> Established:
    """Establish the text of ``source`` (see the module's steps).

    Args:
        source: the file as stored.
        corrections: the corrections to anchor and apply (a table of
            :func:`analysis.text.corrections.load_corrections`); ``None``: none.
        if_fits: apply ``corrections`` only if most of them anchor (they were made
            for another copy of the text); ``bundled`` says whether they did.
        opening: the opening words of the text the corrections were made for; in
            a copy they fit, whatever precedes them is left out.

    Raises:
        DataFileError: the corrections table is malformed or two of its
            corrections overlap where they anchor.

    Example:
        >>> from analysis.text.source import read_source
        >>> est = establish(read_source(chapter.source.path))
        >>> est.text[est.body[0]:est.body[0] + 26], len(est.corrections)
        ('Memoirs of a Revolutionary', 0)
    """
    edits = layout_edits(source.text)
    plain, plain_map = apply_edits(source.text, edits)
    name = "corrections"
    bundled = False
    if corrections is None:
        table, report = empty_corrections(), None
    else:
        records = check_corrections(corrections, corrections.attrs.get("path", name))
        found, report = anchor_records(records, plain, plain_map, name, required=False)
        bundled = if_fits and 2 * report.anchored > report.total
        if if_fits and not bundled:
            table, report = empty_corrections(), None
        else:
            table = applied(records, found, source.text, records.attrs.get("path", name))
    text, omap = ((plain, plain_map) if table.empty
                  else apply_with_layout(source.text, edits, table))
    parts = _gutenberg(source.text)
    if bundled and opening:
        parts += _before_opening(opening, plain, plain_map)
    lo = max([end for part, _, end in parts if part != "Project Gutenberg footer"], default=0)
    hi = min([start for part, start, _ in parts if part == "Project Gutenberg footer"],
             default=len(source.text))
    body = tuple(int(x) for x in omap.from_seed([lo, hi]))
    excluded = pd.DataFrame(parts, columns=["part", "start", "end"]).astype(
        {"start": "int64", "end": "int64"})
    return Established(text, omap, plain, plain_map, table, report, bundled, body, excluded,
                       tuple(layout_warnings(source.text, source.path)),
                       _single_breaks(edits, omap))


def _single_breaks(edits: list[tuple[int, int, str]], omap: OffsetMap) -> np.ndarray:
    """Where the established text has a space for a single line break of the file."""
    spans = np.array([(a, b) for a, b, r in edits if r == " "], dtype=np.int64).reshape(-1, 2)
    at = omap.from_seed(spans[:, 0])
    inside = at < omap.length
    at, spans = at[inside], spans[inside]
    same = (omap.seed_starts(at) == spans[:, 0]) & (omap.seed_ends(at) == spans[:, 1])
    return at[same]


def _gutenberg(text: str) -> list[tuple[str, int, int]]:
    """The Project Gutenberg licence header and footer of ``text``, if it has the markers."""
    parts = []
    for marker in _GUTENBERG.finditer(text):
        if marker.group(1).upper() == "START":
            parts.append(("Project Gutenberg header", 0, marker.end()))
        else:
            parts.append(("Project Gutenberg footer", marker.start(), len(text)))
    return parts


def _before_opening(opening: str, plain: str, plain_map: OffsetMap) -> list[tuple[str, int, int]]:
    """In a copy of the text the corrections were made for, what precedes its ``opening`` words."""
    found, _ = anchor_records(pd.DataFrame([{"start": 0, "end": len(opening), "exact": opening}]),
                              plain, plain_map, "the chapter's opening", required=False)
    at = int(found["start"].iloc[0])
    head = plain[:int(plain_map.from_seed([max(at, 0)])[0])]
    return [("before the chapter's opening", 0, at)] if at > 0 and head.strip() else []
