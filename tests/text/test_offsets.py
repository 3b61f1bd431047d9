"""The offset map held as runs: the same answers as a map of every character, in a few runs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import Chapter
from analysis.text import offsets
from analysis.text.offsets import apply_edits


def _per_character(text: str, edits: list[tuple[int, int, str]]) -> tuple[np.ndarray, np.ndarray]:
    """The seed start and end of every character of the edited text, one by one."""
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for start, end, replacement in edits:
        starts += range(pos, start)
        ends += range(pos + 1, start + 1)
        starts += [start] * len(replacement)
        ends += [end] * len(replacement)
        pos = end
    starts += range(pos, len(text))
    ends += range(pos + 1, len(text) + 1)
    return np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64)


@st.composite
def edited(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]]]:
    """A text and sorted, non-overlapping edits of it: deletions, insertions, replacements."""
    text = draw(st.text(alphabet="ab \n’", max_size=30))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = []
    for start, end in zip(cuts[::2], cuts[1::2]):
        if edits and (start < edits[-1][1] or (start == end == edits[-1][1])):
            continue
        edits.append((start, end, draw(st.text(alphabet="XY", max_size=3))))
    return text, edits


@given(edited())
def test_the_runs_give_every_character_its_seed_span(case: tuple[str, list]) -> None:
    text, edits = case
    established, omap = apply_edits(text, edits)
    starts, ends = _per_character(text, edits)
    assert omap.length == len(established) == len(starts)
    assert omap.seed_start.tolist() == starts.tolist()
    assert omap.seed_end.tolist() == ends.tolist()
    positions = np.arange(len(established))
    assert omap.seed_starts(positions).tolist() == starts.tolist()
    assert omap.seed_ends(positions).tolist() == ends.tolist()
    seed = np.arange(-1, len(text) + 3)
    assert omap.from_seed(seed).tolist() == np.searchsorted(starts, seed, "left").tolist()
    assert omap.from_seed_end(seed).tolist() == np.searchsorted(ends, seed, "right").tolist()
    padded = np.append(starts, len(text))
    for a in range(len(established) + 1):
        for b in range(a, len(established) + 1):
            assert omap.to_seed(a, b) == (padded[a], ends[b - 1] if b > a else padded[a])


def test_a_long_text_with_few_edits_has_a_map_of_few_runs() -> None:
    text = "word " * 400_000
    established, omap = apply_edits(text, [(10, 11, ""), (1_000_000, 1_000_001, "--"),
                                           (1_999_995, 2_000_000, "")])
    assert len(omap.breaks) <= 2 * 3 + 1
    assert omap.to_seed(len(established) - 1, len(established)) == (1_999_994, 1_999_995)
    assert omap.from_seed([1_000_000]).tolist() == [999_999]


def test_the_chapter_map_is_a_few_runs_per_correction(chapter: Chapter) -> None:
    assert len(chapter.offset_map.breaks) <= 2 * len(chapter.corrections) + 3
    i = chapter.seed_text.index("19 18")
    assert chapter.established(i, i + 5) == "1918"


def test_lookups_a_block_at_a_time_give_the_same_spans(chapter: Chapter,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    omap = chapter.offset_map
    starts = chapter._est["sentences"]["est_start"].to_numpy()
    ends = chapter._est["sentences"]["est_end"].to_numpy()
    whole = omap.spans_to_seed(starts, ends), omap.seed_starts(starts), omap.seed_ends(ends - 1)
    monkeypatch.setattr(offsets, "BLOCK", 7)
    blocks = omap.spans_to_seed(starts, ends), omap.seed_starts(starts), omap.seed_ends(ends - 1)
    assert [a.tolist() for a in (*whole[0], *whole[1:])] == [
        b.tolist() for b in (*blocks[0], *blocks[1:])]
    assert blocks[0][0].tolist() == chapter.sentences["start"].tolist()
