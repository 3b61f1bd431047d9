"""Benchmark of the whole pipeline, stage by stage, at 1, 20 and 100 times the chapter.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/pipeline.py [--sizes 1 20 100]
[--no-book]``). Each size runs in a fresh subprocess, so that its peak memory (max RSS) is its
own. Prints:

- seconds per stage (establishment, themes, people, sentiment, figures) and for the whole
  pipeline, words per second and peak memory, for the chapter's text repeated 1, 20 and 100 times;
- the export of the same text (``python -m analysis export``'s work: every table computed once
  and written), against one plain VADER pass over the same sentences, measured in the same run;
  and NLTK's ``Text.concordance_list`` against :func:`analysis.themes.reading.concordance`;
- the growth exponent of each stage's time with text size (a log-log fit; 1.0 is linear);
- how long ``python -m analysis --help`` takes;
- the book's build: cold (fresh execution cache), warm (nothing changed), and after one notebook
  was edited (only that one re-executes).

The targets are printed beside the figures. Not part of the test suite.
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

    from analysis import load_chapter, people, sentiment, themes
    from analysis.datafiles import DataFiles
    from analysis.export import export
    from analysis.results import Analyses
    from analysis.text import default_seed_path, paragraph_stats
    from analysis.text.figures import plot_paragraph_lengths
    from analysis.themes import reading

    files = DataFiles()
    lexicon, register, patch = files.lexicon(), files.register(), files.patch()
    seed = default_seed_path().read_text(encoding="utf-8")
    out: dict[str, float] = {"repeat": repeat}

    def stage(name: str, step) -> object:
        begin = time.perf_counter()
        result = step()
        out[name] = time.perf_counter() - begin
        return result

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "text.txt"
        path.write_text("\n\n".join([seed] * repeat), encoding="utf-8")
        chapter = stage("establishment", lambda: load_chapter(path))
        stage("themes", lambda: themes.paragraph_scores(
            chapter, lexicon, hits=themes.theme_hits(chapter, lexicon)))
        stage("people", lambda: people.mentions(chapter, register))
        stage("sentiment", lambda: sentiment.sentence_scores(chapter, patch))

        def draw() -> None:
            fig = plot_paragraph_lengths(paragraph_stats(chapter))
            fig.savefig(BytesIO(), format="png")
            plt.close(fig)

        stage("figures", draw)
        out["pipeline"] = sum(out[s] for s in STAGES)
        analyzer = SentimentIntensityAnalyzer()
        texts = chapter.sentences["text"].tolist()
        stage("vader_alone", lambda: [analyzer.polarity_scores(t) for t in texts])
        stage("export", lambda: export(Analyses(load_chapter(path), files), Path(tmp) / "out"))
    out["words"] = float(len(chapter.words))
    stage("concordance", lambda: reading.concordance(chapter, "Cheka"))
    nltk_text = Text(chapter.tokens["token"].tolist())
    stage("nltk_concordance", lambda: nltk_text.concordance_list("Cheka", width=80, lines=10**9))
    out["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def time_help() -> float:
    """Seconds for ``python -m analysis --help`` (best of three)."""
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "analysis", "--help"], check=True,
                       capture_output=True, cwd=ROOT)
        runs.append(time.perf_counter() - start)
    return min(runs)


def time_book() -> dict[str, float]:
    """Build the book in a temporary copy: cold, warm, then after editing one notebook.

    The copy is built as the book is (``execute_notebooks: cache``): a fresh copy has an
    empty cache, so the cold build executes every notebook.
    """
    jb = str(Path(sys.executable).with_name("jupyter-book"))
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "book"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", "_build", ".git"))
        for label in ("book_cold", "book_warm", "book_one_edited"):
            if label == "book_one_edited":
                notebook = copy / "book" / "text.ipynb"
                data = json.loads(notebook.read_text(encoding="utf-8"))
                code = next(c for c in data["cells"] if c["cell_type"] == "code")
                code["source"] = [*code["source"], "\n# edited"]
                notebook.write_text(json.dumps(data), encoding="utf-8")
            start = time.perf_counter()
            subprocess.run([jb, "build", str(copy)], check=True, capture_output=True)
            times[label] = time.perf_counter() - start
    return times


def report(rows: pd.DataFrame, help_time: float, book: dict[str, float]) -> str:
    """Format the measurements and the targets as a plain-text report."""
    lines = []
    table = rows.set_index("repeat")[STAGES + ["pipeline", "vader_alone", "export", "concordance",
                                               "nltk_concordance"]]
    table.index = [f"x{int(r)}" for r in table.index]
    lines += ["Seconds per stage (text repeated 1, 20, 100 times):", table.round(3).to_string(), ""]
    extra = pd.DataFrame({
        "words": rows["words"].astype(int).to_numpy(),
        "words/s (pipeline)": (rows["words"] / rows["pipeline"]).round(0).astype(int).to_numpy(),
        "peak MiB": rows["peak_mib"].round(0).astype(int).to_numpy(),
        "pipeline / sentiment": (rows["pipeline"] / rows["sentiment"]).round(2).to_numpy(),
        "export / VADER alone": (rows["export"] / rows["vader_alone"]).round(2).to_numpy(),
        "concordance / NLTK": (rows["concordance"] / rows["nltk_concordance"]).round(2).to_numpy(),
    }, index=table.index)
    lines += [extra.to_string(), ""]
    if len(rows) > 1:
        size = np.log(rows["words"].to_numpy())
        slopes = {s: float(np.polyfit(size, np.log(rows[s].to_numpy()), 1)[0])
                  for s in STAGES + ["pipeline"]}
        lines += ["Growth exponent of time with text size (1.0 = linear):",
                  "  " + ", ".join(f"{k} {v:.2f}" for k, v in slopes.items()), ""]
    by = rows.set_index("repeat")
    lines += ["Targets:"]
    if 20 in by.index:
        lines.append(f"  export of x20 <= 8 x one VADER pass: {by.loc[20, 'export'] / by.loc[20, 'vader_alone']:.2f} x")
    last = rows.iloc[-1]
    lines += [
        f"  pipeline <= 1.5 x its sentiment stage at x{int(last['repeat'])}: "
        f"{last.pipeline / last.sentiment:.2f} x",
        f"  python -m analysis --help < 1 s: {help_time:.2f} s",
        f"  peak memory at the largest size < 2048 MiB: {last.peak_mib:.0f} MiB",
    ]
    if book:
        lines += [f"  warm make book after editing one notebook < 20 s: "
                  f"{book['book_one_edited']:.1f} s",
                  "", f"Book build: cold {book['book_cold']:.1f} s, warm {book['book_warm']:.1f} s, "
                  f"one notebook edited {book['book_one_edited']:.1f} s"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 20, 100])
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
    print(report(pd.DataFrame(rows), time_help(), book))


if __name__ == "__main__":
    main()
