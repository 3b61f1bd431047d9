"""Benchmark of the whole pipeline, stage by stage, at 1, 10 and 100 times the chapter.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/pipeline.py [--sizes 1 10 100] [--no-book]``).
Each size runs in a fresh subprocess, so that its peak memory (max RSS) is its own. Prints:

- seconds per stage (establishment, themes, people, sentiment, figures) and for the whole pipeline,
  words per second and peak memory, for the chapter's text repeated 1, 10 and 100 times;
- two baselines measured in the same run: VADER alone on the same sentences, and NLTK's
  ``Text.concordance_list`` against :func:`analysis.reading.concordance`;
- the growth exponent of each stage's time with text size (a log-log fit; 1.0 is linear);
- the book's build time, cold (fresh execution cache) and warm (cache filled, nothing changed).

The targets (issue 6) are printed beside the figures. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
STAGES = ["establishment", "themes", "people", "sentiment", "figures"]


def run_size(repeat: int) -> dict[str, float]:
    """Time every stage on the chapter's text repeated ``repeat`` times (in this process)."""
    from matplotlib import pyplot as plt
    from nltk.text import Text
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis import load_chapter
    from analysis import people, reading, sentiment, themes
    from analysis.plots import plot_paragraph_lengths
    from analysis.source import default_seed_path
    from analysis.structure import paragraph_stats

    seed = default_seed_path().read_text(encoding="utf-8")
    out: dict[str, float] = {"repeat": repeat}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "text.txt"
        path.write_text("\n\n".join([seed] * repeat), encoding="utf-8")
        start = time.perf_counter()
        chapter = load_chapter(path)
        out["establishment"] = time.perf_counter() - start

    def stage(name: str, step) -> object:
        begin = time.perf_counter()
        result = step()
        out[name] = time.perf_counter() - begin
        return result

    stage("themes", lambda: (themes.paragraph_scores(chapter), themes.theme_hits(chapter)))
    stage("people", lambda: people.mentions(chapter))
    stage("sentiment", lambda: sentiment.sentence_scores(chapter))

    def draw() -> None:
        fig = plot_paragraph_lengths(paragraph_stats(chapter))
        fig.savefig(BytesIO(), format="png")
        plt.close(fig)

    stage("figures", draw)
    out["pipeline"] = sum(out[s] for s in STAGES)
    out["words"] = float(len(chapter.words))
    out["sentences"] = float(len(chapter.sentences))

    analyzer = SentimentIntensityAnalyzer()
    texts = chapter.sentences["text"].tolist()
    stage("vader_alone", lambda: [analyzer.polarity_scores(t) for t in texts])

    stage("concordance", lambda: reading.concordance(chapter, "Cheka"))
    nltk_text = Text(chapter.tokens["token"].tolist())
    stage("nltk_concordance", lambda: nltk_text.concordance_list("Cheka", width=80, lines=10**9))
    out["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def time_book() -> dict[str, float]:
    """Build the book twice with the execution cache on: cold (empty cache), then warm.

    The build runs in a temporary copy of the repository whose ``_config.yml`` says
    ``execute_notebooks: cache`` (the book itself always executes afresh).
    """
    jb = str(Path(sys.executable).with_name("jupyter-book"))
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "book"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", "_build", ".git"))
        config = copy / "_config.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "execute_notebooks: force", "execute_notebooks: cache"), encoding="utf-8")
        for label in ("book_cold", "book_warm"):
            start = time.perf_counter()
            subprocess.run([jb, "build", str(copy)], check=True, capture_output=True)
            times[label] = time.perf_counter() - start
    return times


def report(rows: pd.DataFrame, book: dict[str, float]) -> str:
    """Format the measurements and the targets as a plain-text report."""
    lines = []
    table = rows.set_index("repeat")[STAGES + ["pipeline", "vader_alone", "concordance",
                                               "nltk_concordance"]]
    table.index = [f"x{int(r)}" for r in table.index]
    lines += ["Seconds per stage (text repeated 1, 10, 100 times):", table.round(3).to_string(), ""]
    extra = pd.DataFrame({
        "words": rows["words"].astype(int).to_numpy(),
        "words/s (pipeline)": (rows["words"] / rows["pipeline"]).round(0).astype(int).to_numpy(),
        "peak MiB": rows["peak_mib"].round(0).astype(int).to_numpy(),
        "pipeline / VADER alone": (rows["pipeline"] / rows["vader_alone"]).round(2).to_numpy(),
        "concordance / NLTK": (rows["concordance"] / rows["nltk_concordance"]).round(2).to_numpy(),
    }, index=table.index)
    lines += [extra.to_string(), ""]
    if len(rows) > 1:
        size = np.log(rows["words"].to_numpy())
        slopes = {s: float(np.polyfit(size, np.log(rows[s].to_numpy()), 1)[0])
                  for s in STAGES + ["pipeline"]}
        lines += ["Growth exponent of time with text size (1.0 = linear):",
                  "  " + ", ".join(f"{k} {v:.2f}" for k, v in slopes.items()), ""]
    first, last = rows.iloc[0], rows.iloc[-1]
    lines += [
        "Targets:",
        f"  pipeline <= 1.5 x VADER alone on the chapter: {first.pipeline / first.vader_alone:.2f} x",
        f"  peak memory at the largest size < 2048 MiB: {last.peak_mib:.0f} MiB",
        f"  concordance at least as fast as NLTK's: {first.concordance / first.nltk_concordance:.2f}"
        " x NLTK's time on the chapter",
    ]
    if book:
        lines += ["", f"Book build: cold {book['book_cold']:.1f} s, warm cache {book['book_warm']:.1f} s"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--no-book", action="store_true", help="skip the book build timings")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: one size, as JSON
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one)))
        return
    rows = []
    for repeat in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(repeat)], check=True,
                              capture_output=True, text=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    book = {} if args.no_book else time_book()
    print(report(pd.DataFrame(rows), book))


if __name__ == "__main__":
    main()
