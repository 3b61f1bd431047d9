"""Benchmark of the export of a large text: its time and its peak memory, by text size.

Run with ``.venv/bin/python benchmarks/export_memory.py [--sizes 1 10 50] [--repo DIR]``.
For each size (in MB) the bundled chapter is repeated until the text reaches that size, and
``python -m analysis export`` runs on it in a child process; its peak memory is the child's
own maximum resident set size (``os.wait4``), its time the wall-clock seconds and the CPU
seconds it used (user and system: on a busy machine the wall clock says more about the other
work than about this one). Prints one row per size, with the size of the largest file written,
and the targets: at most 1.5 GiB for a 10 MB text, 3 GiB for 50 MB, and time growing linearly
with the text.

``--repo DIR`` runs the package of another checkout (e.g. an earlier commit unpacked with
``git archive``), to measure before and after a change on the same machine. Not part of the
test suite.
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "serge-memoirs-ch4-excerpt.txt"

#: Peak memory allowed (MiB) by text size (MB).
TARGETS = {10: 1536, 50: 3072}


def make_text(path: Path, megabytes: float) -> int:
    """Write the chapter repeated until ``megabytes`` MB (10**6 bytes) at ``path``; the repeats."""
    seed = SEED.read_text(encoding="utf-8").strip("\n")
    repeats = max(1, round(megabytes * 1e6 / (len(seed.encode("utf-8")) + 2)))
    path.write_text("\n\n".join([seed] * repeats) + "\n", encoding="utf-8")
    return repeats


def measure(megabytes: float, repo: Path, timeout: float) -> dict[str, float | str]:
    """Export a text of ``megabytes`` MB with the package in ``repo``: seconds, peak MiB, files."""
    with tempfile.TemporaryDirectory() as tmp:
        text, out = Path(tmp) / "text.txt", Path(tmp) / "out"
        repeats = make_text(text, megabytes)
        env = {**os.environ, "PYTHONPATH": str(repo)}
        begin = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "analysis", "export", str(out),
                                  "--text", str(text)], cwd=repo, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        status, usage = _wait(child, timeout)
        seconds = time.perf_counter() - begin
        stderr = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
        written = sorted(out.iterdir(), key=lambda p: p.stat().st_size) if out.is_dir() else []
        largest = (f"{written[-1].name} {written[-1].stat().st_size / 2**20:.0f} MiB"
                   if written else "-")
    result = "ok" if status == 0 else ("timeout" if status is None else f"exit {status}")
    if status not in (0, None):
        result += ": " + (stderr.strip().splitlines() or [""])[-1][:80]
    return {"MB": megabytes, "repeats": repeats, "seconds": round(seconds, 1),
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
            "peak_mib": round(usage.ru_maxrss / 1024), "largest file": largest,
            "result": result}


def _wait(child: subprocess.Popen, timeout: float) -> tuple[int | None, os.struct_rusage | object]:
    """Wait for ``child`` (killing it after ``timeout`` s): its exit status and its rusage."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            return child.returncode, usage
        if time.monotonic() > deadline:
            child.kill()
            _, _, usage = os.wait4(child.pid, 0)
            child.returncode = -9
            return None, usage
        time.sleep(0.2)


def report(rows: list[dict[str, float | str]]) -> str:
    """The measurements as a plain-text table, with the targets."""
    keys = list(rows[0])
    widths = {k: max(len(k), *(len(str(r[k])) for r in rows)) for k in keys}
    lines = ["  ".join(k.rjust(widths[k]) for k in keys)]
    lines += ["  ".join(str(r[k]).rjust(widths[k]) for k in keys) for r in rows]
    lines += ["", "Targets:"]
    for row in rows:
        target = TARGETS.get(int(float(row["MB"])))
        if target:
            lines.append(f"  peak memory of the {row['MB']} MB text <= {target} MiB: "
                         f"{row['peak_mib']} MiB")
    done = [r for r in rows if r["result"] == "ok"]
    if len(done) > 1:
        a, b = done[0], done[-1]
        slope = (math.log(float(b["cpu_s"]) / float(a["cpu_s"]))
                 / math.log(float(b["MB"]) / float(a["MB"])))
        lines.append(f"  growth exponent of CPU time with text size (1.0 = linear): {slope:.2f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 10])
    parser.add_argument("--repo", type=Path, default=ROOT,
                        help="the checkout whose package is measured (default: this one)")
    parser.add_argument("--timeout", type=float, default=3600,
                        help="seconds after which a run is stopped (default 3600)")
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        rows.append(measure(size, args.repo.resolve(), args.timeout))
        print(rows[-1], file=sys.stderr, flush=True)
    print(report(rows))


if __name__ == "__main__":
    main()
