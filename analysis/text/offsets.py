"""Edits of a text and the offset map that leads every character of the result back to the file.

The established text is the file as stored with two kinds of edit applied:
the layout's (:mod:`analysis.text.layout`: line endings, a byte-order mark,
hard-wrapped lines) and the corrections (:mod:`analysis.text.corrections`).
Both are ``(start, end, replacement)`` spans of the file, applied at once by
:func:`apply_edits`, whose :class:`OffsetMap` gives, for every character of the
result, the span of the file it came from.

Example:
    >>> text, omap = apply_edits("19 18 and", [(2, 3, "")])
    >>> text, omap.to_seed(0, 4)
    ('1918 and', (0, 5))
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class OffsetMap:
    """Maps spans of an edited text back to spans of the seed text (the file as stored).

    For every character of the edited text, ``seed_start`` and ``seed_end``
    hold the seed span it came from: the character itself, or the whole edited
    span for a character of a replacement. They are 32-bit integers where the
    seed allows (under 2**31 characters: any text the package reads), which
    halves the map of a large text.

    Example:
        >>> text, omap = apply_edits("armies ? And", [(6, 8, "?")])
        >>> text, omap.to_seed(0, 7), omap.from_seed([9])
        ('armies? And', (0, 8), array([8]))
    """

    seed_start: np.ndarray
    seed_end: np.ndarray
    seed_length: int

    def to_seed(self, start: int, end: int) -> tuple[int, int]:
        """Return the seed span of the edited span ``[start, end)``."""
        if start >= end:
            pos = int(self.seed_start[start]) if start < len(self.seed_start) else self.seed_length
            return pos, pos
        return int(self.seed_start[start]), int(self.seed_end[end - 1])

    def spans_to_seed(self, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Vectorised :meth:`to_seed` (an empty span maps to the seed position where it lies)."""
        starts = np.asarray(starts, dtype=np.int64)
        ends = np.asarray(ends, dtype=np.int64)
        padded = np.append(self.seed_start, self.seed_length)
        lo = padded[starts]
        hi = np.where(ends > starts, self.seed_end[np.maximum(ends - 1, 0)] if len(self.seed_end)
                      else lo, lo)
        return lo, hi

    def from_seed(self, positions: Iterable[int]) -> np.ndarray:
        """The positions of the edited text where the given seed positions fall (or follow)."""
        return np.searchsorted(self.seed_start, np.asarray(list(positions), dtype=np.int64),
                               side="left")


def apply_edits(text: str, edits: Iterable[tuple[int, int, str]]) -> tuple[str, OffsetMap]:
    """Apply sorted, non-overlapping ``(start, end, replacement)`` edits to ``text``.

    Returns the edited text and its :class:`OffsetMap` to ``text``. An edit
    with ``start == end`` inserts its replacement; one with an empty
    replacement deletes.

    Example:
        >>> apply_edits("co operatives", [(2, 3, "-")])[0]
        'co-operatives'
    """
    pieces: list[str] = []
    starts: list[np.ndarray] = []
    ends: list[np.ndarray] = []
    pos = 0
    for start, end, replacement in edits:
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
    dtype = np.int32 if len(text) < 2**31 - 1 else np.int64
    return "".join(pieces), OffsetMap(np.concatenate(starts).astype(dtype, copy=False),
                                      np.concatenate(ends).astype(dtype, copy=False), len(text))
