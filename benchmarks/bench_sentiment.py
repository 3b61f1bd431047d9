"""Benchmark: sentences scored per second by each sentiment method.

Run: ``.venv/bin/python benchmarks/bench_sentiment.py [--repeat 100]``. Times
each method of :data:`analysis.sentiment.METHODS` on the chapter's sentences
and on a text ``--repeat`` times longer (the chapter's seed text repeated,
written to a temporary file and loaded with ``load_chapter(path)``), plus the
whole ``sentence_scores`` table, the per-word explanations and the arc (kernel smoothing with bootstrap
band and shuffle test) on each. Prints a small table; not part of the tests.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import pandas as pd

from analysis import load_chapter
from analysis.arc import arc_points, shuffle_test, smooth_arc
from analysis.sentiment import METHODS, score_method, sentence_explanations, sentence_scores


def timed(func, *args, **kwargs) -> tuple[object, float]:
    start = time.perf_counter()
    result = func(*args, **kwargs)
    return result, time.perf_counter() - start


def bench(label: str, chapter) -> list[dict]:
    texts = chapter.sentences["text"]
    rows = []
    for method in METHODS:
        _, seconds = timed(score_method, texts, method)
        rows.append({"text": label, "step": f"score {method}", "sentences": len(texts),
                     "seconds": seconds, "sentences/s": len(texts) / seconds})
    scores, seconds = timed(sentence_scores, chapter)
    rows.append({"text": label, "step": "sentence_scores (all)", "sentences": len(texts),
                 "seconds": seconds, "sentences/s": len(texts) / seconds})
    _, seconds = timed(sentence_explanations, chapter)
    rows.append({"text": label, "step": "sentence_explanations", "sentences": len(texts),
                 "seconds": seconds, "sentences/s": len(texts) / seconds})
    points = arc_points(chapter, scores)
    _, seconds = timed(lambda: (smooth_arc(points, n_boot=200), shuffle_test(points, n_perm=200)))
    rows.append({"text": label, "step": "arc + band + shuffle (200 each)",
                 "sentences": len(points), "seconds": seconds,
                 "sentences/s": len(points) / seconds})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100, help="size of the large text")
    args = parser.parse_args()
    chapter = load_chapter()
    rows = bench("chapter", chapter)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text("\n\n".join([chapter.seed_text] * args.repeat), encoding="utf-8")
        big, seconds = timed(load_chapter, path)
        rows.append({"text": f"{args.repeat}x", "step": "load_chapter", "sentences":
                     len(big.sentences), "seconds": seconds,
                     "sentences/s": len(big.sentences) / seconds})
        rows += bench(f"{args.repeat}x", big)
    table = pd.DataFrame(rows)
    print(table.to_string(index=False, formatters={"seconds": "{:.2f}".format,
                                                   "sentences/s": "{:,.0f}".format}))


if __name__ == "__main__":
    main()
