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

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

#: ``OffsetMap.stop`` of a run of characters kept as they are in the file.
_KEPT = -1

#: Positions looked up at a time, so that the working arrays of a long text's lookups stay small.
BLOCK = 1 << 20


@dataclass(frozen=True)
class OffsetMap:
    """Maps spans of an edited text back to spans of the seed text (the file as stored).

    For every character of the edited text, the map gives the seed span it came
    from: the character itself, or the whole edited span for a character of a
    replacement. It is held as runs, not per character: the edited text is cut
    where an edit begins or ends, and each run is either characters kept as
    they are (``stop`` is -1; the run's characters follow one another in the
    seed from ``origin``) or one edit's replacement (every character maps to
    the seed span ``[origin, stop)``). ``breaks`` is where each run begins in
    the edited text, ``length`` the edited text's length. A text of millions of
    characters with a few thousand edits has a map of a few thousand runs.

    Example:
        >>> text, omap = apply_edits("armies ? And", [(6, 8, "?")])
        >>> text, omap.to_seed(0, 7), omap.from_seed([9])
        ('armies? And', (0, 8), array([8]))
        >>> omap.seed_starts([5, 6, 7]), omap.seed_ends([5, 6, 7])
        (array([5, 6, 8]), array([6, 8, 9]))
    """

    breaks: np.ndarray
    origin: np.ndarray
    stop: np.ndarray
    length: int
    seed_length: int

    @property
    def seed_start(self) -> np.ndarray:
        """Every character's seed start in one array, built anew on each call.

        For a large text, ask :meth:`seed_starts` for the positions needed.
        """
        return self.seed_starts(np.arange(self.length)).astype(self._dtype)

    @property
    def seed_end(self) -> np.ndarray:
        """Every character's seed end in one array, built anew on each call (as ``seed_start``)."""
        return self.seed_ends(np.arange(self.length)).astype(self._dtype)

    @property
    def _dtype(self) -> type:
        return np.int32 if self.seed_length < 2**31 - 1 else np.int64

    def _runs(self, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The run of each position of the edited text, and whether it is kept."""
        run = np.searchsorted(self.breaks, positions, side="right") - 1
        return run, self.stop[run] == _KEPT

    def seed_starts(self, positions: Iterable[int] | np.ndarray) -> np.ndarray:
        """The seed start of each given character of the edited text (at ``length``, the seed's
        end), a block of positions at a time."""
        return _blockwise(self._starts, np.asarray(positions, dtype=np.int64))

    def seed_ends(self, positions: Iterable[int] | np.ndarray) -> np.ndarray:
        """The seed end of each given character of the edited text (each below ``length``)."""
        return _blockwise(self._ends, np.asarray(positions, dtype=np.int64))

    def _starts(self, at: np.ndarray) -> np.ndarray:
        """:meth:`seed_starts` of one block."""
        if not len(self.breaks):
            return np.full(at.shape, self.seed_length, dtype=np.int64)
        inside = at < self.length
        run, kept = self._runs(np.where(inside, at, 0))
        found = self.origin[run] + np.where(kept, at - self.breaks[run], 0)
        return np.where(inside, found, self.seed_length)

    def _ends(self, at: np.ndarray) -> np.ndarray:
        """:meth:`seed_ends` of one block."""
        run, kept = self._runs(at)
        return np.where(kept, self.origin[run] + at - self.breaks[run] + 1, self.stop[run])

    def to_seed(self, start: int, end: int) -> tuple[int, int]:
        """Return the seed span of the edited span ``[start, end)``."""
        lo, hi = self.spans_to_seed([start], [end])
        return int(lo[0]), int(hi[0])

    def spans_to_seed(self, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Vectorised :meth:`to_seed` (an empty span maps to the seed position where it lies)."""
        starts = np.asarray(starts, dtype=np.int64).reshape(-1)
        ends = np.asarray(ends, dtype=np.int64).reshape(-1)
        lo, hi = np.empty(len(starts), dtype=np.int64), np.empty(len(starts), dtype=np.int64)
        for i in range(0, len(starts), BLOCK):
            a, b = starts[i:i + BLOCK], ends[i:i + BLOCK]
            lo[i:i + BLOCK] = first = self._starts(a)
            filled = b > a
            hi[i:i + BLOCK] = (np.where(filled, self._ends(np.where(filled, b - 1, 0)), first)
                               if filled.any() else first)
        return lo, hi

    def from_seed(self, positions: Iterable[int] | np.ndarray) -> np.ndarray:
        """The positions of the edited text where the given seed positions fall (or follow):
        for each, the first character whose seed start is at or after it."""
        kept = self.stop == _KEPT
        last = self.origin + np.where(kept, np.diff(self.breaks, append=self.length) - 1, 0)
        return self._first_run_past(positions, last, "left")

    def from_seed_end(self, positions: Iterable[int] | np.ndarray) -> np.ndarray:
        """For each seed position, the first character of the edited text whose seed end
        lies beyond it (``length`` if none): where a seed span ending there ends, edited."""
        kept = self.stop == _KEPT
        last = np.where(kept, self.origin + np.diff(self.breaks, append=self.length), self.stop)
        return self._first_run_past(positions, last, "right")

    def _first_run_past(self, positions: Iterable[int] | np.ndarray, last: np.ndarray,
                        side: str) -> np.ndarray:
        """For each seed position, the edited position in the first run whose ``last`` seed
        position is past it (``side`` as :func:`numpy.searchsorted`'s); ``length`` if none."""
        at = np.asarray(list(positions) if not isinstance(positions, np.ndarray) else positions,
                        dtype=np.int64)
        if not len(self.breaks):
            return np.full(at.shape, self.length, dtype=np.int64)
        run = np.searchsorted(last, at, side=side)
        inside = run < len(self.breaks)
        run = np.where(inside, run, 0)
        kept = self.stop[run] == _KEPT
        found = self.breaks[run] + np.where(kept, np.maximum(at - self.origin[run], 0), 0)
        return np.where(inside, found, self.length)


def _blockwise(lookup: Callable[[np.ndarray], np.ndarray], at: np.ndarray) -> np.ndarray:
    """``lookup`` of every position of ``at``, a :data:`BLOCK` of positions at a time."""
    if at.size <= BLOCK:
        return lookup(at)
    flat = at.reshape(-1)
    out = np.empty(flat.shape, dtype=np.int64)
    for i in range(0, len(flat), BLOCK):
        out[i:i + BLOCK] = lookup(flat[i:i + BLOCK])
    return out.reshape(at.shape)


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
    runs: list[tuple[int, int, int]] = []  # (break, origin, stop) of each run that is not empty
    pos = at = 0
    for start, end, replacement in edits:
        start, end = int(start), int(end)
        pieces.append(text[pos:start])
        if start > pos:
            runs.append((at, pos, _KEPT))
            at += start - pos
        pieces.append(replacement)
        if replacement:
            runs.append((at, start, end))
            at += len(replacement)
        pos = end
    pieces.append(text[pos:])
    if len(text) > pos:
        runs.append((at, pos, _KEPT))
        at += len(text) - pos
    table = np.array(runs, dtype=np.int64).reshape(-1, 3)
    return "".join(pieces), OffsetMap(table[:, 0].copy(), table[:, 1].copy(), table[:, 2].copy(),
                                      at, len(text))
