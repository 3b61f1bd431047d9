"""Command line: ``python -m analysis export OUTDIR [--text PATH]``.

Errors in the input (a missing or unreadable text, a bad data file, a folder
that cannot be written) are printed as one line on stderr, with exit status 1;
bad arguments exit with status 2 (argparse's convention).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from analysis.errors import AnalysisError
from analysis.export import FILES, TABLES, export
from analysis.text import load_chapter


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``analysis`` command.

    Example:
        >>> build_parser().parse_args(["export", "out"]).outdir
        'out'
    """
    files = ", ".join([*TABLES, *FILES])
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Analyses of chapter 4 of Victor Serge's Memoirs of a Revolutionary.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    exp = commands.add_parser(
        "export",
        help="write the analysis tables as CSV (and networks as GEXF) into a folder",
        description=(
            f"Write {files} into OUTDIR (created if needed). CSV files are UTF-8 with a "
            "header row; start/end are character offsets into the text file as stored."
        ),
    )
    exp.add_argument("outdir", metavar="OUTDIR", help="folder to write the files into")
    exp.add_argument("--text", metavar="PATH", default=None,
                     help="a UTF-8 chapter text to analyse instead of the bundled excerpt")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Example:
        >>> main(["export", "/dev/null/x", "--text", "no-such.txt"])
        1
    """
    args = build_parser().parse_args(argv)
    try:
        chapter = load_chapter(args.text)
        written = export(chapter, args.outdir)
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0
