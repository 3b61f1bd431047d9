"""Scanning and typesetting corrections, kept as data, anchored in the text and applied.

The seed file is never edited. Each correction is a stand-off record
(:mod:`analysis.text.anchoring`): the characters of the file it mends, quoted
(``exact``, with its ``prefix`` and ``suffix``) and placed (``start``/``end``, a
hint), then their ``replacement``, the ``kind`` of defect and a ``note``. On
load every correction is re-anchored in the text; one whose quote is no longer
there (a copy that has it mended already, or changed) is left out and reported,
never applied in the wrong place.

Example:
    >>> table = load_corrections(data_path("corrections.csv"))
    >>> table.loc[1, ["exact", "replacement", "kind"]].tolist()
    [' ', '', 'split number']
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analysis.errors import DataFileError
from analysis.schema import Field, TableSchema, check_table, read_csv_table, typed
from analysis.text.anchoring import ANCHOR_FIELDS
from analysis.text.offsets import OffsetMap, apply_edits

#: Kinds of defect a correction may name (the book explains each).
KINDS = {
    "split number": "a number broken by a space",
    "split word": "a word broken by a space",
    "lost footnote marker": "a stray closing quote where the print had a note marker",
    "page break": "a paragraph broken in mid-sentence by a page break",
    "capitalisation": "a capital letter in the wrong place, or a missing one",
    "punctuation": "a full stop, comma or space in the wrong place",
    "quotation mark": "a straight or missing quotation mark among curly ones",
    "hyphenation": "a compound that lost its hyphen at a line end",
}

#: The schema of a corrections file, one row per defect of the file as stored.
CORRECTIONS = TableSchema((
    *ANCHOR_FIELDS,
    Field("replacement", verbatim=True,
          description="what the established text reads instead of the quote"),
    Field("kind", required=True, enum=tuple(KINDS), description="the kind of defect"),
    Field("note", description="why"),
))

#: The columns of the corrections a chapter applies (``Chapter.corrections``).
COLUMNS = ["start", "end", "found", "replacement", "kind", "note"]


def empty_corrections() -> pd.DataFrame:
    """Return a table of applied corrections with no rows (for texts without corrections).

    Example:
        >>> list(empty_corrections().columns)
        ['start', 'end', 'found', 'replacement', 'kind', 'note']
    """
    return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("start", "end") else "object")
                         for c in COLUMNS})


def load_corrections(path: str | Path) -> pd.DataFrame:
    """Read a corrections file and check it against its schema (:data:`CORRECTIONS`).

    The quotes are anchored in a text when a chapter is loaded
    (:func:`analysis.text.establish.establish`). ``prefix`` and ``suffix`` may be
    left out (no context: each correction is then found by its quote alone, at
    its hint or nearest to it); a file of the earlier format, whose quote column
    is called ``found``, reads as well.

    Raises:
        DataFileError: naming the file, the row (as numbered in a spreadsheet,
            header = row 1) and the column of the first problem: a missing
            column, a non-integer offset, an unknown kind.

    Example:
        >>> load_corrections(data_path("corrections.csv")).attrs["path"].endswith("corrections.csv")
        True
    """
    raw = read_csv_table(path, [])
    if "found" in raw.columns and "exact" not in raw.columns:
        raw = raw.rename(columns={"found": "exact"})
    return check_corrections(raw, str(path))


def check_corrections(raw: pd.DataFrame, name: str = "corrections") -> pd.DataFrame:
    """Check a corrections table built in code against the schema; return it typed.

    ``name`` is used in error messages. ``prefix`` and ``suffix`` may be left out;
    every cell but the quotes and replacements is stripped of white space.

    Example:
        >>> bad = pd.DataFrame({"start": [0], "end": [3], "exact": ["Mem"],
        ...     "replacement": [""], "kind": ["typo"], "note": [""]})
        >>> check_corrections(bad, "mine")
        Traceback (most recent call last):
        ...
        analysis.errors.DataFileError: mine: row 2, column kind: 'typo' is not one of split number, split word, lost footnote marker, page break, capitalisation, punctuation, quotation mark, hyphenation
    """
    table = raw.assign(**{f.name: "" for f in CORRECTIONS.fields
                          if f.optional and f.name not in raw.columns})
    missing = [c for c in CORRECTIONS.names if c not in table.columns]
    if missing:
        raise DataFileError(f"{name}: row 1 (header): missing column(s) {', '.join(missing)}")
    strings = table[CORRECTIONS.names].astype(str)
    strings = strings.assign(**{f.name: strings[f.name].str.strip() for f in CORRECTIONS.fields
                                if not f.verbatim})
    check_table(strings, CORRECTIONS, name)
    out = typed(strings, CORRECTIONS).reset_index(drop=True)
    out.attrs["path"] = name
    return out


def applied(records: pd.DataFrame, anchored: pd.DataFrame, text: str, name: str) -> pd.DataFrame:
    """The corrections that anchored, as applied to ``text``: :data:`COLUMNS`, in text order.

    ``anchored`` is :func:`analysis.text.anchoring.anchor_records`'s table for
    ``records``; ``found`` is what ``text`` (the file as stored) holds there.

    Raises:
        DataFileError: two corrections overlap (naming their rows).

    Example:
        >>> recs = pd.DataFrame({"replacement": ["", "’"], "kind": ["split number"] * 2,
        ...                      "note": ["", ""]})
        >>> spots = pd.DataFrame({"start": [2, -1], "end": [3, -1],
        ...                       "anchoring": ["in place", "not found"]})
        >>> applied(recs, spots, "19 18", "mine").values.tolist()
        [[2, 3, ' ', '', 'split number', '']]
    """
    keep = anchored["anchoring"] != "not found"
    table = pd.DataFrame({"start": anchored.loc[keep, "start"], "end": anchored.loc[keep, "end"],
                          "found": [text[a:b] for a, b in zip(anchored.loc[keep, "start"],
                                                              anchored.loc[keep, "end"])],
                          **{c: records.loc[keep, c] for c in ("replacement", "kind", "note")}})
    table["row"] = table.index + 2
    table = table.sort_values(["start", "end"], kind="stable").reset_index(drop=True)
    overlaps = np.flatnonzero(table["start"].iloc[1:].to_numpy() < table["end"].iloc[:-1].to_numpy())
    if len(overlaps):
        first, second = table.iloc[overlaps[0]], table.iloc[overlaps[0] + 1]
        raise DataFileError(f"{name}: the corrections of rows {first['row']} and {second['row']} "
                            f"overlap (at {first['start']} and {second['start']})")
    return table[COLUMNS].astype({"start": "int64", "end": "int64"}) if len(table) else \
        empty_corrections()


def apply_with_layout(text: str, layout: list[tuple[int, int, str]], corrections: pd.DataFrame
                      ) -> tuple[str, OffsetMap]:
    """Apply the layout's edits and the corrections to ``text`` at once: the established text.

    A correction replaces the whole span it anchored on, so the layout's edits
    inside it are dropped (a page break stored as ``\\r\\n\\r\\n`` is mended as one).

    Example:
        >>> fixes = pd.DataFrame({"start": [2], "end": [3], "replacement": [""]})
        >>> apply_with_layout("19\\n18 and", [(2, 3, " ")], fixes)[0]
        '1918 and'
    """
    spans = list(zip(corrections["start"], corrections["end"], corrections["replacement"]))
    lows = np.array([a for a, _, _ in spans], dtype=np.int64)
    highs = np.array([b for _, b, _ in spans], dtype=np.int64)
    kept = []
    for start, end, replacement in layout:
        i = int(np.searchsorted(highs, start, side="right"))
        touching = i < len(spans) and lows[i] < end and (
            highs[i] > lows[i] or start < lows[i] < end)
        if not touching:
            kept.append((start, end, replacement))
    return apply_edits(text, sorted(kept + [(int(a), int(b), r) for a, b, r in spans],
                                    key=lambda e: (e[0], e[1])))
