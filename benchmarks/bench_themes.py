"""Benchmark of the theme scoring: the chapter, and a text 100 times larger.

Run: ``.venv/bin/python benchmarks/bench_themes.py [--repeat N]``. The larger
text is the chapter's seed text repeated (paragraph breaks between copies),
written to a temporary file and loaded with ``load_chapter(path)``. Prints one
row per step with the best of ``--repeat`` wall-clock times in seconds. Not
part of the test suite.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis import Chapter, load_chapter, reading, themes


def best_time(step: Callable[[], object], repeat: int) -> float:
    """The shortest wall-clock time of ``repeat`` runs of ``step``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return min(times)


def steps(chapter: Chapter) -> dict[str, Callable[[], object]]:
    """The steps timed, by name."""
    lexicon = themes.load_lexicon()
    return {
        "theme_hits": lambda: themes.theme_hits(chapter, lexicon),
        "paragraph_scores (count)": lambda: themes.paragraph_scores(chapter, lexicon,
                                                                    method="count"),
        "paragraph_scores (context)": lambda: themes.paragraph_scores(chapter, lexicon),
        "sentence_scores (context)": lambda: themes.sentence_scores(chapter, lexicon),
        "theme_density": lambda: themes.theme_density(chapter, lexicon=lexicon),
        "keyness": lambda: reading.keyness(chapter),
        "collocates('Cheka')": lambda: reading.collocates(chapter, "Cheka"),
    }


def main() -> None:
    """Time each step on the chapter and on the chapter repeated 100 times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per step (best is kept)")
    parser.add_argument("--times", type=int, default=100, help="size of the large text")
    args = parser.parse_args()
    small = load_chapter()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "repeated.txt"
        path.write_text("\n\n".join([small.seed_text] * args.times), encoding="utf-8")
        start = time.perf_counter()
        large = load_chapter(path)
        load_large = time.perf_counter() - start
    rows = []
    for label, chapter in (("chapter", small), (f"chapter x {args.times}", large)):
        for name, step in steps(chapter).items():
            rows.append({"text": label, "words": len(chapter.words), "step": name,
                         "seconds": best_time(step, args.repeat)})
    table = pd.DataFrame(rows).pivot(index="step", columns="text", values="seconds")
    table = table[["chapter", f"chapter x {args.times}"]].loc[list(steps(small))]
    table["ratio"] = table.iloc[:, 1] / table.iloc[:, 0]
    print(f"words: {len(small.words)} and {len(large.words)}; "
          f"loading the large text took {load_large:.1f} s (not part of theme scoring)")
    print(table.round(3).to_string())


if __name__ == "__main__":
    main()
