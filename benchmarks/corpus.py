"""Speed-up of the corpus's per-text map on two processes against one.

The corpus of witnesses (``analysis/data/witnesses.toml``) has three texts of
unequal length, so the map on two processes waits for the longest; the
benchmark therefore also times a corpus of each text twice over (six texts,
the same files), where two cores can share the work evenly. Each map runs
:func:`analysis.corpus.tables.map_texts` (one pure function per text, a
:class:`concurrent.futures.ProcessPoolExecutor` for two workers), after one
warm-up run that loads the libraries; the best of ``REPEAT`` runs is kept.

Run with ``make bench`` or ``python benchmarks/corpus.py``.
"""

from __future__ import annotations

import tempfile
import time
import tomllib
from pathlib import Path

from analysis.corpus import bundled_corpus, load_corpus
from analysis.corpus.tables import map_texts

#: Runs of each map; the fastest is reported (the machine's other work only slows a run down).
REPEAT = 3


def doubled(folder: Path) -> Path:
    """A corpus file naming each text of the bundled corpus twice (``<id>`` and ``<id>_again``)."""
    source = bundled_corpus()
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    lines = ["[corpus]", 'name = "doubled"', 'title = "each witness twice"', ""]
    for entry in data["texts"]:
        for suffix in ("", "_again"):
            lines.append("[[texts]]")
            for key, value in entry.items():
                if key in ("text", "data"):
                    value = str((source.parent / value).resolve())
                if key == "text_id":
                    value += suffix
                lines.append(f"{key} = {value!r}" if isinstance(value, int)
                             else f"{key} = {tomllib_string(value)}")
            lines.append("")
    path = folder / "doubled.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def tomllib_string(value: str) -> str:
    """A TOML basic string."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def best(corpus_file: Path, workers: int) -> float:
    """The fastest of :data:`REPEAT` maps of the corpus on ``workers`` processes (seconds)."""
    times = []
    for _ in range(REPEAT):
        corpus = load_corpus(corpus_file)
        begin = time.perf_counter()
        map_texts(corpus, workers=workers)
        times.append(time.perf_counter() - begin)
    return min(times)


def main() -> None:
    """Print the seconds on one and two processes, and the speed-up, for both corpora."""
    with tempfile.TemporaryDirectory() as tmp:
        files = {"witnesses (3 texts)": bundled_corpus(), "each text twice (6 texts)": doubled(Path(tmp))}
        map_texts(load_corpus(bundled_corpus()), workers=1)  # warm-up: libraries, lexicons
        print(f"{'corpus':<28}{'1 process':>12}{'2 processes':>14}{'speed-up':>10}")
        for label, path in files.items():
            one, two = best(path, 1), best(path, 2)
            print(f"{label:<28}{one:>11.2f}s{two:>13.2f}s{one / two:>9.2f}x")


if __name__ == "__main__":
    main()
