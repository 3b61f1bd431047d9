"""Command line: ``python -m analysis export OUTDIR [--text PATH] [--data DIR]``.

``--data DIR`` takes the data files (register, lexicon, corrections ...) from a
folder, the bundled ones standing in for those it does not hold (see
``analysis.datafiles.DataFiles``). When the text is not the bundled
excerpt and the bundled register, theme lexicon or sentiment patch stands in,
the export is still written but a one-line warning on stderr names the
bundled files used: they were made for chapter 4 of Serge's memoirs.

Errors in the input (a missing or unreadable text, a bad data file or folder,
a folder that cannot be written) are printed as one line on stderr, with exit
status 1; bad arguments exit with status 2 (argparse's convention).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from analysis.datafiles import FILE_NAMES, DataFiles
from analysis.errors import AnalysisError
from analysis.export import FILES, TABLES, export


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
    exp.add_argument("--data", metavar="DIR", default=None,
                     help=("a folder of data files to use instead of the bundled ones: any of "
                           f"{', '.join(FILE_NAMES.values())}; the bundled files stand in "
                           "for those it does not hold"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Example:
        >>> main(["export", "/dev/null/x", "--text", "no-such.txt"])
        1
    """
    args = build_parser().parse_args(argv)
    try:
        files = DataFiles() if args.data is None else DataFiles.from_dir(args.data)
        chapter = files.chapter(args.text)
        written = export(chapter, args.outdir, files)
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    fallbacks = files.fallbacks(chapter)
    if fallbacks:
        print(f"warning: {chapter.source.path} is not the bundled chapter; using the "
              f"bundled {', '.join(fallbacks)} (made for Serge's chapter 4): give "
              "your own with --data DIR", file=sys.stderr)
    for path in written:
        print(path)
    return 0
