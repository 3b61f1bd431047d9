"""Scanning and typesetting corrections, kept as data and applied with an offset map.

The seed file is never edited. Each correction names a span of the seed
(``start``/``end``, Python ``str`` offsets), the characters ``found`` there,
their ``replacement``, the ``kind`` of defect and a ``note``. Applying the
table yields the *established text*; an :class:`OffsetMap` leads every
position in it back to the seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.schema import Field, TableSchema, check_table, read_csv_table
from analysis.errors import DataFileError
from analysis.text.source import SEED_SHA256, Source, data_path

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

#: The schema of a corrections table, one row per defect of the file as stored.
CORRECTIONS = TableSchema((
    Field("start", "integer", required=True, minimum=0,
          description="where the defect begins in the file as stored (a character offset)"),
    Field("end", "integer", required=True, minimum=0, description="where it ends"),
    Field("found", description="the characters found there (checked against the file)"),
    Field("replacement", description="what the established text reads instead"),
    Field("kind", required=True, enum=tuple(KINDS), description="the kind of defect"),
    Field("note", description="why"),
))
COLUMNS = CORRECTIONS.names


def empty_corrections() -> pd.DataFrame:
    """Return a corrections table with no rows (for texts without corrections).

    Example:
        >>> list(empty_corrections().columns)
        ['start', 'end', 'found', 'replacement', 'kind', 'note']
    """
    return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("start", "end") else "object")
                         for c in COLUMNS})


def default_corrections_path() -> Path:
    """Return the path of the corrections table for the bundled seed.

    Example:
        >>> default_corrections_path().name
        'corrections.csv'
    """
    return data_path("corrections.csv")


def load_corrections(path: str | Path, source: Source) -> pd.DataFrame:
    """Read a corrections CSV and check every row against the source text.

    Raises:
        DataFileError: naming the file, the row (as numbered in a spreadsheet,
            header = row 1) and the column of the first problem: a missing
            column, a non-integer offset, an unknown kind, ``found`` not at
            ``start:end`` in the source, or overlapping spans.

    Example:
        >>> from analysis.text.source import read_source
        >>> table = load_corrections(default_corrections_path(), read_source())
        >>> table.loc[0, ["found", "replacement"]].tolist()
        ['’', '']
    """
    file = Path(path)
    table = read_csv_table(file, COLUMNS)
    check_table(table.map(str.strip), CORRECTIONS, str(file))
    return check_corrections(table, source, str(file))


def check_corrections(raw: pd.DataFrame, source: Source, name: str = "corrections"
                      ) -> pd.DataFrame:
    """Check a corrections table against the source; return it sorted and typed.

    ``name`` is used in error messages (a file name, or a label for a table
    built in code). Rows are numbered as in a spreadsheet (header = row 1).

    Example:
        >>> from analysis.text.source import read_source
        >>> bad = pd.DataFrame({"start": [0], "end": [3], "found": ["Xyz"],
        ...     "replacement": [""], "kind": ["split word"], "note": [""]})
        >>> check_corrections(bad, read_source(), "mine.csv")
        Traceback (most recent call last):
        ...
        analysis.errors.DataFileError: mine.csv: row 2, column found: the text at 0:3 is 'Mem', not 'Xyz'
    """
    file = name
    missing = [c for c in COLUMNS if c not in raw.columns]
    if missing:
        raise DataFileError(f"{file}: row 1 (header): missing column(s) {', '.join(missing)}")
    check_table(raw[COLUMNS].astype(str), CORRECTIONS, file)
    rows = []
    for i, rec in enumerate(raw[COLUMNS].astype(str).to_dict("records")):
        where = f"{file}: row {i + 2}"
        start, end = int(rec["start"]), int(rec["end"])
        if not start <= end <= len(source.text):
            raise DataFileError(f"{where}, column end: span {start}:{end} is outside the text "
                                f"(it has {len(source.text)} characters)")
        found = source.text[start:end]
        if found != rec["found"]:
            raise DataFileError(
                f"{where}, column found: the text at {start}:{end} is {found!r}, "
                f"not {rec['found']!r}"
            )
        rows.append({**rec, "start": start, "end": end})
    table = pd.DataFrame(rows, columns=COLUMNS) if rows else empty_corrections()
    table = table.sort_values(["start", "end"], kind="stable").reset_index(drop=True)
    overlaps = table["start"].iloc[1:].to_numpy() < table["end"].iloc[:-1].to_numpy()
    if overlaps.any():
        bad = int(np.flatnonzero(overlaps)[0]) + 1
        raise DataFileError(
            f"{file}: corrections at {table.loc[bad - 1, 'start']} and "
            f"{table.loc[bad, 'start']} overlap"
        )
    return table.astype({"start": "int64", "end": "int64"})


def corrections_for(source: Source, corrections: str | Path | pd.DataFrame | None = None
                    ) -> pd.DataFrame:
    """Choose the corrections table for a source.

    ``None`` means: the bundled table if the source is the bundled seed (same
    SHA-256), otherwise no corrections. A path is loaded and checked, and so
    is a DataFrame.

    Example:
        >>> from analysis.text.source import read_source
        >>> len(corrections_for(read_source())) > 0
        True
    """
    if corrections is None:
        if source.sha256 == SEED_SHA256:
            return load_corrections(default_corrections_path(), source)
        return empty_corrections()
    if isinstance(corrections, pd.DataFrame):
        return check_corrections(corrections, source)
    return load_corrections(corrections, source)


@dataclass(frozen=True)
class OffsetMap:
    """Maps spans of the established text back to spans of the seed text.

    For every character of the established text, ``seed_start`` and
    ``seed_end`` hold the seed span it came from: the character itself, or the
    whole corrected span for a character of a replacement.

    Example:
        >>> text, omap = apply_corrections("19 18 and", pd.DataFrame(
        ...     {"start": [2], "end": [3], "found": [" "], "replacement": [""],
        ...      "kind": ["split number"], "note": [""]}))
        >>> text
        '1918 and'
        >>> omap.to_seed(0, 4)
        (0, 5)
    """

    seed_start: np.ndarray
    seed_end: np.ndarray
    seed_length: int

    def to_seed(self, start: int, end: int) -> tuple[int, int]:
        """Return the seed span of the established span ``[start, end)``."""
        if start >= end:
            pos = int(self.seed_start[start]) if start < len(self.seed_start) else self.seed_length
            return pos, pos
        return int(self.seed_start[start]), int(self.seed_end[end - 1])

    def spans_to_seed(self, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Vectorised :meth:`to_seed` for non-empty spans."""
        starts = np.asarray(starts, dtype=np.int64)
        ends = np.asarray(ends, dtype=np.int64)
        return self.seed_start[starts], self.seed_end[ends - 1]


def apply_corrections(text: str, corrections: pd.DataFrame) -> tuple[str, OffsetMap]:
    """Apply a (checked, sorted, non-overlapping) corrections table to a text.

    Returns the established text and its :class:`OffsetMap` to the seed.
    See :class:`OffsetMap` for an example.
    """
    pieces: list[str] = []
    starts: list[np.ndarray] = []
    ends: list[np.ndarray] = []
    pos = 0
    for start, end, replacement in corrections[["start", "end", "replacement"]].itertuples(
            index=False):
        start, end = int(start), int(end)
        pieces.append(text[pos:start])
        kept = np.arange(pos, start, dtype=np.int64)
        starts.append(kept)
        ends.append(kept + 1)
        pieces.append(replacement)
        starts.append(np.full(len(replacement), start, dtype=np.int64))
        ends.append(np.full(len(replacement), end, dtype=np.int64))
        pos = end
    pieces.append(text[pos:])
    kept = np.arange(pos, len(text), dtype=np.int64)
    starts.append(kept)
    ends.append(kept + 1)
    return "".join(pieces), OffsetMap(np.concatenate(starts), np.concatenate(ends), len(text))
