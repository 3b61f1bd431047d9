"""Command line: ``python -m analysis export OUTDIR [--text PATH] [--data DIR]``.

``--data DIR`` takes the data files (register, lexicon, corrections ...) from a
folder, the bundled ones standing in for those it does not hold (see
``analysis.datafiles.DataFiles``). When the text is not the bundled
excerpt and the bundled register, theme lexicon or sentiment patch stands in,
the export is still written but a one-line warning on stderr names the
bundled files used: they were made for chapter 4 of Serge's memoirs. On a
large text each step is reported on stderr with its time.

Errors in the input (a missing or unreadable text, a bad data file or folder,
a folder that cannot be written) are printed as one line on stderr, with exit
status 1; an interrupt (Ctrl-C) exits with status 130, leaving the output
folder as it was; bad arguments exit with status 2 (argparse's convention).
The heavy libraries are imported only when a command runs, so ``--help``
answers at once.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

#: The export's files and the data files a folder may hold, for the help text (kept in step
#: with ``analysis.export`` and ``analysis.datafiles`` by a test).
EXPORTED = ("paragraphs.csv, sentences.csv, corrections.csv, themes.csv, theme_hits.csv, "
            "people.csv, mentions.csv, unregistered_names.csv, sentiment.csv, network.gexf")
DATA_FILES = ("people.csv, shared_names.csv, non_person_names.csv, themes.toml, "
              "sentiment_lexicon_patch.csv, corrections.csv, abbreviations.txt, episodes.csv")

#: From this many characters of text on, the export reports its progress.
LARGE_TEXT = 200_000


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``analysis`` command.

    Example:
        >>> build_parser().parse_args(["export", "out"]).outdir
        'out'
    """
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Analyses of chapter 4 of Victor Serge's Memoirs of a Revolutionary.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    exp = commands.add_parser(
        "export",
        help="write the analysis tables as CSV (and networks as GEXF) into a folder",
        description=(
            f"Write {EXPORTED} into OUTDIR (created if needed). CSV files are UTF-8 with a "
            "header row; start/end are character offsets into the text file as stored."
        ),
    )
    exp.add_argument("outdir", metavar="OUTDIR", help="folder to write the files into")
    _text_and_data(exp)
    return parser


def _text_and_data(command: argparse.ArgumentParser) -> None:
    """The ``--text`` and ``--data`` options every command shares."""
    command.add_argument("--text", metavar="PATH", default=None,
                         help="a UTF-8 chapter text to analyse instead of the bundled excerpt")
    command.add_argument("--data", metavar="DIR", default=None,
                         help=(f"a folder of data files to use instead of the bundled ones: any "
                               f"of {DATA_FILES}; the bundled files stand in for those it does "
                               "not hold"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Example:
        >>> main(["export", "/dev/null/x", "--text", "no-such.txt"])
        1
    """
    args = build_parser().parse_args(argv)
    from analysis.errors import AnalysisError

    try:
        return _export(args)
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: nothing was written", file=sys.stderr)
        return 130


def _export(args: argparse.Namespace) -> int:
    """The ``export`` command."""
    from analysis.datafiles import DataFiles
    from analysis.export import export
    from analysis.results import Analyses

    begin = time.perf_counter()
    files = DataFiles() if args.data is None else DataFiles.from_dir(args.data)
    chapter = files.chapter(args.text)
    large = len(chapter.seed_text) >= LARGE_TEXT
    if large:
        print(f"text established: {len(chapter.words)} words, {len(chapter.sentences)} "
              f"sentences ({time.perf_counter() - begin:.1f} s)", file=sys.stderr)
    progress = (lambda line: print(f"  {line}", file=sys.stderr)) if large else None
    written = export(Analyses(chapter, files), args.outdir, progress=progress)
    fallbacks = files.fallbacks(chapter)
    if fallbacks:
        print(f"warning: {chapter.source.path} is not the bundled chapter; using the "
              f"bundled {', '.join(fallbacks)} (made for Serge's chapter 4): give "
              "your own with --data DIR", file=sys.stderr)
    for path in written:
        print(path)
    return 0
