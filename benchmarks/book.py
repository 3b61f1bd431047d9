"""Benchmark of ``python -m analysis book``: a cold build, a warm one, and one after a data edit.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/book.py [--words N]``). The text is
Russell's chapter "Lenin, Trotsky and Gorky" (``seeds/``), its paragraphs repeated until it
holds ``--words`` words (5,000 by default), with its data folder (``tests/data/russell``:
its own register and lexicon) copied beside it. Each build runs the command as a user does,
in a fresh process, into a fresh cache folder (``XDG_CACHE_HOME`` in a temporary folder):

- **cold**: nothing cached (every page runs, Sphinx renders every page);
- **warm**: the same command again, nothing changed;
- **one data file edited**: an alias added to the register (``people.csv``), the
  extender's usual step after ``draft-register``.

Prints the seconds of each with the targets (cold at most 60 s, after one edit at most 20 s),
the processor time it took and the machine's load before it (other work slows a build), and
the steps of the last build, from its log. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT = ROOT / "seeds" / "russell-bolshevism-lenin-trotsky-gorky.txt"
DATA = ROOT / "tests" / "data" / "russell"
TARGETS = {"cold": 60.0, "one data file edited": 20.0}
CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def long_text(words: int) -> str:
    """Russell's chapter with its body repeated until it holds at least ``words`` words."""
    text = TEXT.read_text(encoding="utf-8")
    blocks = re.split(r"\n\s*\n", text.strip())
    heading, body = blocks[:2], blocks[2:]
    out, count = list(heading), 0
    while count < words:
        for block in body:
            out.append(block)
            count += len(block.split())
            if count >= words:
                break
    return "\n\n".join(out) + "\n"


def build(text: Path, data: Path, out: Path, cache: Path) -> tuple[float, float, float]:
    """Run the command once (it must succeed): its seconds, the processor seconds it used
    (all its processes), and the load average of the machine before it."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    begin = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "analysis", "book", str(out), "--text", str(text),
                           "--data", str(data)], env=env, capture_output=True, text=True,
                          cwd=ROOT)
    seconds = time.perf_counter() - begin
    if done.returncode != 0:
        sys.exit(f"the book could not be built: {done.stderr.strip()}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, load


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=5000, help="the text's length in words")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        text = base / "russell-long.txt"
        text.write_text(long_text(args.words), encoding="utf-8")
        data = base / "data"
        shutil.copytree(DATA, data)
        cache, out = base / "cache", base / "book"
        times = {"cold": build(text, data, out, cache), "warm": build(text, data, out, cache)}
        register = data / "people.csv"
        lines = register.read_text(encoding="utf-8").splitlines()
        lines[1] = lines[1].replace(",Lenin,", ',"Lenin; Ulyanov",', 1)
        register.write_text("\n".join(lines) + "\n", encoding="utf-8")
        times["one data file edited"] = build(text, data, out, cache)
        log = next(cache.glob("analysis-book/*/build.log")).read_text(encoding="utf-8")
    print(f"Book of a {args.words:,}-word text (Russell's chapter repeated), with its own "
          "register and lexicon:")
    for label, (seconds, cpu, load) in times.items():
        target = f" (target <= {TARGETS[label]:.0f} s)" if label in TARGETS else ""
        print(f"  {label}: {seconds:.1f} s{target}; {cpu:.1f} s of processor time on "
              f"{CORES} core(s), load average {load:.1f} before")
    print("Steps of the build after the edit:")
    for line in log.splitlines():
        if line.startswith("[book] "):
            print("  " + line.removeprefix("[book] "))


if __name__ == "__main__":
    main()
