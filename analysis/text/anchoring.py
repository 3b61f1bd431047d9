"""Stand-off records anchored in the manner of the W3C Web Annotation Data Model.

Every record the project keeps beside the text (a correction, a reader's annotation)
names its passage twice: by a *TextQuoteSelector*, the quoted text ``exact``
with up to :data:`CONTEXT` characters of context before it (``prefix``) and after
it (``suffix``), and by a *TextPositionSelector*, its ``start``/``end`` offsets in
the file as stored, which serve as a hint. On load each record is re-anchored
(:func:`anchor_records`) in the text as its layout reads
(:mod:`analysis.text.layout`), so that a copy with other line endings or
line breaks still holds every quote:

1. at the hint, if the quote is there with its context;
2. otherwise at the occurrence of the quote that agrees best with its context,
   the nearest to the hint among equals. An occurrence counts only if at least
   :data:`EVIDENCE` characters of quote and context agree there, next to one
   another (all of them, for a record that has fewer): a lone space or
   apostrophe is found by its context, never by chance;
3. otherwise, by the same rules, in the text and the quote read with every run of
   white space as one space (a copy with double spaces, or with its lines broken
   elsewhere), for a text of up to :data:`COLLAPSE_LIMIT` characters (a chapter);
4. otherwise it is not found.

A record anchored where its hint says is ``in place``; anywhere else, ``moved``
(its offsets in this file are not those it was made on); else ``not found``.

Example:
    >>> rec = quote("The famine spread. The famine ended.", 19, 36)
    >>> rec["exact"], rec["prefix"]
    ('The famine ended.', 'The famine spread. ')
    >>> text = "A line of provenance. The famine spread. The famine ended."
    >>> locate(text, rec["exact"], rec["prefix"], rec["suffix"], hint=19)
    41
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.errors import DataFileError
from analysis.schema import Field
from analysis.text.layout import read_quote
from analysis.text.offsets import OffsetMap

#: Characters of context kept on each side of a quote.
CONTEXT = 32

#: Characters of quote and context that must agree for a record to be found away from its hint.
EVIDENCE = 32

#: A unit (sentence, paragraph) up to this long is quoted whole; a longer one by its opening.
UNIT_QUOTE = 500

#: The length of the opening that quotes a longer unit (cut back to the end of a word).
OPENING = 80

#: How many occurrences of each search string are tried on each side of the hint.
NEARBY = 8

#: The largest text in which a quote is also looked for with its white space collapsed.
COLLAPSE_LIMIT = 4_000_000

_SPACE = re.compile(r"\s+")

#: The ways a record anchors.
STATUSES = ("in place", "moved", "not found")

#: The columns that anchor a record, first in every record file (a TextPositionSelector
#: and a TextQuoteSelector); the quote and its context are read verbatim.
ANCHOR_FIELDS: tuple[Field, ...] = (
    Field("start", "integer", required=True, minimum=0,
          description="where the quote begins in the file as stored (a character offset): "
                      "the hint"),
    Field("end", "integer", required=True, minimum=0, description="where the quote ends"),
    Field("prefix", verbatim=True, optional=True,
          description=f"up to {CONTEXT} characters of the text before the quote"),
    Field("exact", verbatim=True, description="the quote: the text anchored, as stored"),
    Field("suffix", verbatim=True, optional=True,
          description=f"up to {CONTEXT} characters of the text after the quote"),
)


def quote(text: str, start: int, end: int, context: int = CONTEXT) -> dict[str, object]:
    """The anchor of ``text[start:end]``: ``start, end, prefix, exact, suffix``.

    Example:
        >>> quote("Lenin spoke. Trotsky replied.", 13, 20, context=6)
        {'start': 13, 'end': 20, 'prefix': 'poke. ', 'exact': 'Trotsky', 'suffix': ' repli'}
    """
    return {"start": start, "end": end, "prefix": text[max(0, start - context):start],
            "exact": text[start:end], "suffix": text[end:end + context]}


def unit_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """The span that quotes the unit ``text[start:end]``: all of it, or for a long one its opening.

    A unit of at most :data:`UNIT_QUOTE` characters is quoted whole; a longer
    one by its first :data:`OPENING` characters, cut back to a word's end. The
    record then maps to the unit in which its quote begins.

    Example:
        >>> unit_quote("Short.", 0, 6)
        (0, 6)
        >>> text = "word " * 200
        >>> unit_quote(text, 0, len(text))
        (0, 79)
    """
    if end - start <= UNIT_QUOTE:
        return start, end
    cut = text.rfind(" ", start, start + OPENING + 1)
    return start, cut if cut > start else start + OPENING


def _agreement(text: str, pos: int, exact: str, prefix: str, suffix: str) -> int:
    """How many characters of the quote and its context agree at ``pos`` (-1: not the quote)."""
    if pos < 0 or not text.startswith(exact, pos):
        return -1
    before = text[max(0, pos - len(prefix)):pos][::-1]
    after = text[pos + len(exact):pos + len(exact) + len(suffix)]
    return (len(exact) + len(os.path.commonprefix([before, prefix[::-1]]))
            + len(os.path.commonprefix([after, suffix])))


def _occurrences(text: str, needle: str, around: int) -> list[int]:
    """Up to :data:`NEARBY` starts of ``needle`` on each side of ``around``, nearest first."""
    found = []
    pos = max(around, 0)
    for _ in range(NEARBY):
        pos = text.find(needle, pos)
        if pos < 0:
            break
        found.append(pos)
        pos += 1
    end = min(max(around, 0), len(text)) + len(needle) - 1
    for _ in range(NEARBY):
        pos = text.rfind(needle, 0, end)
        if pos < 0:
            break
        found.append(pos)
        end = pos + len(needle) - 1
    return found


def locate(text: str, exact: str, prefix: str, suffix: str, hint: int) -> int | None:
    """Where the quote ``exact`` anchors in ``text`` (see the module's rules); ``None``: not found.

    Example:
        >>> locate("19 18 and 19 18", " ", "19", "18", hint=12)
        12
        >>> locate("nothing here", " ", "19", "18", hint=2) is None
        True
    """
    whole = len(exact) + len(prefix) + len(suffix)
    if _agreement(text, hint, exact, prefix, suffix) == whole:
        return hint
    short_prefix, short_suffix = prefix[-12:], suffix[:12]
    needles = [(prefix + exact + suffix, len(prefix)), (short_prefix + exact, len(short_prefix)),
               (exact + short_suffix, 0), (exact, 0)]
    candidates = {hint}
    for needle, offset in needles:
        if needle:
            candidates.update(pos + offset for pos in _occurrences(text, needle, hint - offset))
    scored = [(_agreement(text, pos, exact, prefix, suffix), -abs(pos - hint), pos)
              for pos in candidates]
    best = max(scored)
    return best[2] if best[0] >= min(EVIDENCE, whole) else None


class _Collapsed:
    """A text read with every run of white space as one space, and the way back to the text.

    Example:
        >>> view = _Collapsed("Lenin  spoke.\\n\\nTrotsky   replied.")
        >>> view.text
        'Lenin spoke. Trotsky replied.'
        >>> view.find("spoke. Trotsky", "Lenin ", " replied", hint=0)
        (7, 22)
    """

    def __init__(self, text: str) -> None:
        self.text = _SPACE.sub(" ", text)
        view, orig = [0], [0]
        shift = 0
        for match in _SPACE.finditer(text):
            at = match.start() - shift
            view += [at, at + 1]
            orig += [match.start(), match.end()]
            shift += len(match.group()) - 1
        self._view = np.asarray(view, dtype=np.int64)
        self._orig = np.asarray(orig, dtype=np.int64)

    def to_text(self, i: int) -> int:
        """The offset in the text of the collapsed text's character ``i``."""
        k = int(np.searchsorted(self._view, i, side="right")) - 1
        return int(self._orig[k] + (i - self._view[k]))

    def to_view(self, i: int) -> int:
        """The offset in the collapsed text nearest to the text's offset ``i``."""
        k = int(np.searchsorted(self._orig, i, side="right")) - 1
        return int(self._view[k] + (0 if k % 2 else i - self._orig[k]))

    def find(self, exact: str, prefix: str, suffix: str, hint: int) -> tuple[int, int] | None:
        """The span in the text of a quote found with its white space collapsed, or ``None``."""
        quote_view = _SPACE.sub(" ", exact)
        pos = locate(self.text, quote_view, _SPACE.sub(" ", prefix), _SPACE.sub(" ", suffix),
                     self.to_view(hint))
        if pos is None or not quote_view:
            return None
        return self.to_text(pos), self.to_text(pos + len(quote_view) - 1) + 1


@dataclass(frozen=True)
class AnchorReport:
    """How the records of one file anchored: how many, which moved, which were not found.

    ``moved`` and ``missing`` name rows as numbered in a spreadsheet (header =
    row 1); ``missing`` also gives each quote and its hint.

    Example:
        >>> print(AnchorReport("corrections", 30, moved=(4, 9), missing=((28, "MY", 40528),)))
        corrections: 29 of 30 anchored (2 moved); not found: row 28 'MY' (at 40528)
    """

    name: str
    total: int
    moved: tuple[int, ...] = ()
    missing: tuple[tuple[int, str, int], ...] = ()

    @property
    def anchored(self) -> int:
        """How many records anchored (in place or moved)."""
        return self.total - len(self.missing)

    def __str__(self) -> str:
        line = f"{self.name}: {self.anchored} of {self.total} anchored ({len(self.moved)} moved)"
        if self.missing:
            line += "; not found: " + ", ".join(f"row {row} {exact!r} (at {hint})"
                                                for row, exact, hint in self.missing)
        return line


def anchor_records(records: pd.DataFrame, text: str, omap: OffsetMap, name: str, *,
                   required: bool = True) -> tuple[pd.DataFrame, AnchorReport]:
    """Anchor every record (``start, end, exact`` and perhaps ``prefix, suffix``) in a text.

    ``text`` is the file as its layout reads and ``omap`` its map to the file
    (:func:`analysis.text.layout.read_layout`); hints and results are offsets
    into the file. Returns a table aligned with ``records``: ``start, end`` (the
    quote's span in this file, ``-1`` if not found) and ``anchoring`` (one of
    :data:`STATUSES`), and the :class:`AnchorReport`.

    Raises:
        DataFileError: ``required`` and a record is not found, naming ``name``
            (the file), the row and the quote.

    Example:
        >>> from analysis.text.layout import read_layout
        >>> seed = "Title\\n\\nLenin spoke. Trotsky replied."
        >>> copy, omap = read_layout("A line added\\r\\n\\r\\n" + seed.replace("\\n", "\\r\\n"))
        >>> recs = pd.DataFrame([quote(seed, 20, 27)])
        >>> found, report = anchor_records(recs, copy, omap, "mine.csv")
        >>> found.to_dict("records"), str(report)
        ([{'start': 38, 'end': 45, 'anchoring': 'moved'}], 'mine.csv: 1 of 1 anchored (1 moved)')
    """
    hints = records["start"].astype("int64").to_numpy()
    ends = records["end"].astype("int64").to_numpy()
    view_hints = omap.from_seed(np.clip(hints, 0, omap.seed_length))
    empty = pd.Series("", index=records.index)
    columns = zip(records.get("prefix", empty), records["exact"], records.get("suffix", empty))
    starts, stops, status, moved, missing = [], [], [], [], []
    collapsed: _Collapsed | None = None
    for i, ((prefix, exact, suffix), hint) in enumerate(zip(columns, view_hints)):
        prefix, exact, suffix = read_quote(prefix, exact, suffix)
        pos = locate(text, exact, prefix, suffix, int(hint))
        span = None if pos is None else (pos, pos + len(exact))
        if span is None and len(text) <= COLLAPSE_LIMIT:
            collapsed = collapsed or _Collapsed(text)
            span = collapsed.find(exact, prefix, suffix, int(hint))
        row = i + 2
        if span is None:
            if required:
                raise DataFileError(f"{name}: row {row}, column exact: the quote {exact!r} is not "
                                    f"in the text (not at {hints[i]}, nor anywhere else with its "
                                    "context)")
            missing.append((row, exact, int(hints[i])))
            starts.append(-1)
            stops.append(-1)
            status.append("not found")
            continue
        lo, hi = omap.to_seed(*span)
        where = "in place" if (lo, hi) == (hints[i], ends[i]) else "moved"
        if where == "moved":
            moved.append(row)
        starts.append(lo)
        stops.append(hi)
        status.append(where)
    table = pd.DataFrame({"start": np.asarray(starts, dtype=np.int64),
                          "end": np.asarray(stops, dtype=np.int64), "anchoring": status},
                         index=records.index)
    return table, AnchorReport(name, len(records), tuple(moved), tuple(missing))
