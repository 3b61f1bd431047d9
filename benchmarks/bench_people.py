"""Time the historical-figures analyses on the chapter and on a text 100 times larger.

Run: ``.venv/bin/python benchmarks/bench_people.py [--repeat N]``. Prints one row per
step: seconds on the chapter and on the chapter's text repeated N times (default 100),
loaded from a temporary file with ``load_chapter(path)``. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis import Chapter, load_chapter
from analysis.network import build_network, cooccurrence
from analysis.people import load_register, mention_counts, mentions, portrayal, unregistered_names


def timed(step: Callable[[], object]) -> tuple[float, object]:
    """Run ``step`` once; return (seconds, result)."""
    start = time.perf_counter()
    result = step()
    return time.perf_counter() - start, result


def steps(chapter: Chapter) -> dict[str, float]:
    """Seconds taken by each step of the analysis on ``chapter``."""
    register = load_register()
    out: dict[str, float] = {}
    out["mentions"], found = timed(lambda: mentions(chapter, register))
    out["mention counts"], _ = timed(lambda: mention_counts(found, register))
    out["unregistered names"], _ = timed(lambda: unregistered_names(chapter, register))
    out["co-occurrence (sentences)"], _ = timed(lambda: cooccurrence(found, "sentence"))
    out["network"], _ = timed(lambda: build_network(found, register))
    scores = chapter.sentences[["sentence_id"]].assign(
        sentiment=(chapter.sentences["sentence_id"] % 9 - 4) / 4)
    out["portrayal (2000 resamples)"], _ = timed(lambda: portrayal(found, scores, register))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()
    load_small, chapter = timed(load_chapter)
    small = steps(chapter)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text("\n\n".join([chapter.seed_text] * args.repeat), encoding="utf-8")
        load_big, big = timed(lambda: load_chapter(path))
        large = steps(big)
    table = pd.DataFrame({"chapter (s)": {"load_chapter (core)": load_small, **small},
                          f"x{args.repeat} (s)": {"load_chapter (core)": load_big, **large}})
    table["ratio"] = table.iloc[:, 1] / table.iloc[:, 0]
    print(f"words: {len(chapter.words):,} and {len(big.words):,}")
    print(table.round(3).to_string())


if __name__ == "__main__":
    main()
