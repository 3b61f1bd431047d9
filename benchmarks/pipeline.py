"""Benchmark of the whole pipeline, stage by stage, at 1, 20 and 100 times the chapter.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/pipeline.py [--sizes 1 20 100]
[--no-book]``). Each size runs in a fresh subprocess, so that its peak memory (max RSS) is its
own. Prints:

- seconds per stage (establishment, themes, people, sentiment, figures) and for the whole
  pipeline, words per second and peak memory, for the chapter's text repeated 1, 20 and 100 times;
- the export of the same text (``python -m analysis export``'s work: every table computed once
  and written), against one plain VADER pass (``vaderSentiment`` itself) over the same sentences,
  measured in the same run, each the fastest of ``ROUNDS`` runs taken in turn (the machine's
  other work only slows a run down); the export as it runs (its sentences scored on every core
  from :data:`analysis.sentiment.scorers.PARALLEL_MIN` sentences on) and in one process;
- the same export on a text of *distinct* sentences of the 20-times size (each copy of the
  chapter after the first has the lower-case words of every sentence shuffled:
  :func:`distinct_text`), so that no speed-up can come from sentences repeated;
- NLTK's ``Text.concordance_list`` against :func:`analysis.themes.vocabulary.concordance`;
- the growth exponent of each stage's time with text size (a log-log fit; 1.0 is linear);
- how long ``python -m analysis --help`` takes;
- the book's build: cold (fresh execution cache), warm (nothing changed), and after one notebook
  was edited (only that one re-executes);
- the load average before and after (other work on the machine slows every figure down).

The targets are printed beside the figures. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
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
#: Runs of VADER alone and of the export, in turn, at each size up to ``ROUNDS_UP_TO`` times the
#: chapter (one run above it); the fastest of each is kept.
ROUNDS, ROUNDS_UP_TO = 3, 20
#: The size at which the export is also timed on a text of distinct sentences.
DISTINCT_AT = 20


def distinct_text(seed: str, repeat: int, seed_value: int = 0) -> str:
    """The chapter ``repeat`` times, every copy after the first with the lower-case words of each
    sentence shuffled among themselves (names, capitals and punctuation stay where they are, so
    the sentences, names and paragraphs are the chapter's): as long as the repeated text, but
    with (nearly) every sentence its own.
    """
    from analysis import load_chapter
    from analysis.datafiles import seed_path

    chapter = load_chapter(seed_path())
    rng = random.Random(seed_value)
    by_paragraph = chapter.sentences.groupby("paragraph_id", sort=True)["text"].agg(list)
    copies = [seed]
    for _ in range(repeat - 1):
        paragraphs = []
        for sentences in by_paragraph:
            shuffled = []
            for sentence in sentences:
                words = sentence.split()
                at = [i for i, w in enumerate(words) if w.isalpha() and w.islower()]
                moved = [words[i] for i in at]
                rng.shuffle(moved)
                for i, word in zip(at, moved):
                    words[i] = word
                shuffled.append(" ".join(words))
            paragraphs.append(" ".join(shuffled))
        copies.append("\n\n".join(paragraphs))
    return "\n\n".join(copies)


@contextlib.contextmanager
def one_process():
    """Within: the export scores its sentences in this process, whatever their number."""
    from analysis.sentiment import scorers

    saved = scorers.PARALLEL_MIN
    scorers.PARALLEL_MIN = 2**62
    try:
        yield
    finally:
        scorers.PARALLEL_MIN = saved


def export_against_vader(path: Path, files, outdir: Path, rounds: int) -> dict[str, float]:
    """Seconds of one VADER pass over the sentences of ``path``, of its export as it runs and
    of its export in one process: the fastest of ``rounds`` runs of each, taken in turn; and the
    peak memory after the first round (``peak_mib``: the pipeline's, and one export's)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis import load_chapter
    from analysis.export import export
    from analysis.results import Analyses

    chapter = load_chapter(path)
    texts = chapter.sentences["text"].tolist()
    analyzer = SentimentIntensityAnalyzer()
    best = {"vader_alone": float("inf"), "export": float("inf"), "export_1proc": float("inf"),
            "sentences": float(len(texts)), "unique": float(len(set(texts)))}

    def timed(name: str, step) -> None:
        begin = time.perf_counter()
        step()
        best[name] = min(best[name], time.perf_counter() - begin)

    for k in range(rounds):
        timed("vader_alone", lambda: [analyzer.polarity_scores(t) for t in texts])
        timed("export", lambda: export(Analyses(load_chapter(path), files), outdir / f"all{k}"))
        best.setdefault("peak_mib", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        with one_process():
            timed("export_1proc", lambda: export(Analyses(load_chapter(path), files),
                                                 outdir / f"one{k}"))
    return best


def run_size(repeat: int) -> dict[str, float]:
    """Time every stage on the chapter's text repeated ``repeat`` times (in this process)."""
    from matplotlib import pyplot as plt
    from nltk.text import Text

    from analysis import load_chapter, people, sentiment, themes
    from analysis.datafiles import DataFiles, seed_path
    from analysis.text import paragraph_stats
    from analysis.text.figures import plot_paragraph_lengths
    from analysis.themes import vocabulary

    files = DataFiles()
    lexicon, register, patch = files.lexicon(), files.register(), files.patch()
    rules = files.shared_rules()
    seed = seed_path().read_text(encoding="utf-8")
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
        stage("people", lambda: people.mentions(chapter, register, rules))
        stage("sentiment", lambda: sentiment.sentence_scores(chapter, patch))

        def draw() -> None:
            fig = plot_paragraph_lengths(paragraph_stats(chapter))
            fig.savefig(BytesIO(), format="png")
            plt.close(fig)

        stage("figures", draw)
        out["pipeline"] = sum(out[s] for s in STAGES)
        rounds = ROUNDS if repeat <= ROUNDS_UP_TO else 1
        timed = export_against_vader(path, files, Path(tmp), rounds)
        out.update(timed)
        if repeat == DISTINCT_AT:
            path = Path(tmp) / "distinct.txt"
            path.write_text(distinct_text(seed, repeat), encoding="utf-8")
            timed = export_against_vader(path, files, Path(tmp) / "distinct", rounds)
            out.update({f"distinct_{k}": v for k, v in timed.items() if k != "peak_mib"})
    out["words"] = float(len(chapter.words))
    stage("concordance", lambda: vocabulary.concordance(chapter, "Cheka"))
    nltk_text = Text(chapter.tokens["token"].tolist())
    stage("nltk_concordance", lambda: nltk_text.concordance_list("Cheka", width=80, lines=10**9))
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
    table = rows.set_index("repeat")[STAGES + ["pipeline", "vader_alone", "export", "export_1proc",
                                               "concordance", "nltk_concordance"]]
    table.index = [f"x{int(r)}" for r in table.index]
    lines += ["Seconds per stage (text repeated 1, 20, 100 times):", table.round(3).to_string(), ""]
    extra = pd.DataFrame({
        "words": rows["words"].astype(int).to_numpy(),
        "words/s (pipeline)": (rows["words"] / rows["pipeline"]).round(0).astype(int).to_numpy(),
        "peak MiB": rows["peak_mib"].round(0).astype(int).to_numpy(),
        "pipeline / sentiment": (rows["pipeline"] / rows["sentiment"]).round(2).to_numpy(),
        "export / VADER alone": (rows["export"] / rows["vader_alone"]).round(2).to_numpy(),
        "(1 process)": (rows["export_1proc"] / rows["vader_alone"]).round(2).to_numpy(),
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
    if DISTINCT_AT in by.index and "distinct_export" in by.columns:
        d = by.loc[DISTINCT_AT]
        lines += [f"Distinct sentences (x{DISTINCT_AT}, the lower-case words of each sentence "
                  f"shuffled in every copy after the first; {d['distinct_unique']:.0f} of {d['distinct_sentences']:.0f} "
                  f"sentences unique, against {d['unique']:.0f} of {d['sentences']:.0f} repeated):",
                  f"  export / VADER alone {d['distinct_export'] / d['distinct_vader_alone']:.2f} "
                  f"(1 process {d['distinct_export_1proc'] / d['distinct_vader_alone']:.2f}), against "
                  f"{d['export'] / d['vader_alone']:.2f} ({d['export_1proc'] / d['vader_alone']:.2f}) "
                  "on the repeated text", ""]
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
    load = os.getloadavg()
    rows = []
    for repeat in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(repeat)], check=True,
                              capture_output=True, text=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    book = {} if args.no_book else time_book()
    print(report(pd.DataFrame(rows), time_help(), book))
    print(f"\nLoad average (1, 5, 15 min) on {os.cpu_count()} cores: before "
          f"{', '.join(f'{x:.2f}' for x in load)}; after "
          f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
