"""Command line: ``python -m analysis export OUTDIR`` and ``python -m analysis draft-register FILE``.

``export`` writes every analysis table; ``draft-register`` writes a draft
register of people from the names the text holds (the unregistered-name
detector's candidates, most likely people first), for an extender to edit.
Both take ``--text PATH`` (another chapter) and ``--data DIR``.

``--data DIR`` takes the data files (register, lexicon, corrections ...) from a
folder, the bundled ones standing in for those it does not hold (see
``analysis.datafiles.DataFiles``). When the text is not the bundled
excerpt and the bundled register, theme lexicon or sentiment patch stands in,
the export is still written but a one-line warning on stderr names the
bundled files used: they were made for chapter 4 of Serge's memoirs. On a
large text each step is reported on stderr with its time. Before anything is
written, stderr says how the text was read: how many corrections anchored
(``corrections: 30 of 30 anchored (2 moved)``, naming those not found), what
was left out (a Project Gutenberg licence, a line of provenance over a copy of
the chapter) and any warning about the file (NUL characters).

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
            "people.csv, mentions.csv, unregistered_names.csv, sentiment.csv, network.gexf, "
            "annotations.jsonld, chapter.tei.xml, datapackage.json")
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
        help="write the analyses into a folder: CSV tables, the network (GEXF), Web "
             "Annotations (JSON-LD), the text in TEI, a data package",
        description=(
            f"Write {EXPORTED} into OUTDIR (created if needed). CSV files are UTF-8 with a "
            "header row; start/end are character offsets into the text file as stored; "
            "datapackage.json describes every file (Frictionless Data Package)."
        ),
    )
    exp.add_argument("outdir", metavar="OUTDIR", help="folder to write the files into")
    _text_and_data(exp)
    draft = commands.add_parser(
        "draft-register",
        help="write a draft register of people (people.csv) from the names in the text",
        description=(
            "Write FILE, a draft register of people in the format of people.csv: one row per "
            "capitalised name that the register (if --data gives one) does not hold, scoring "
            "at least --min-score as a person, most likely first, with its name as alias and "
            "its first paragraph; roles and fates are left empty for you to fill in. FILE must "
            "not exist yet."),
    )
    draft.add_argument("file", metavar="FILE", help="the CSV file to write (e.g. mydata/people.csv)")
    draft.add_argument("--min-score", type=float, default=1.0,
                       help="leave out candidates scoring below this (default 1)")
    _text_and_data(draft)
    return parser


def _text_and_data(command: argparse.ArgumentParser) -> None:
    """The ``--text`` and ``--data`` options every command shares."""
    command.add_argument("--text", metavar="PATH", default=None,
                         help="a UTF-8 chapter text to analyse instead of the bundled excerpt")
    command.add_argument("--data", metavar="DIR", default=None,
                         help=(f"a folder of data files to use instead of the bundled ones: any "
                               f"of {DATA_FILES}, and an annotations/ folder with two readers' "
                               "tone and its adjudication (sentiment_reader_a.csv, "
                               "sentiment_reader_b.csv, sentiment_adjudication.csv); the bundled "
                               "files stand in for those it does not hold"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Example:
        >>> main(["export", "/dev/null/x", "--text", "no-such.txt"])
        1
    """
    args = build_parser().parse_args(argv)
    from analysis.errors import AnalysisError

    try:
        return _export(args) if args.command == "export" else _draft_register(args)
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: nothing was written", file=sys.stderr)
        return 130


def _export(args: argparse.Namespace) -> int:
    """The ``export`` command."""
    from pathlib import Path

    from analysis.datafiles import DataFiles
    from analysis.errors import AnalysisError
    from analysis.export import export
    from analysis.results import Analyses

    begin = time.perf_counter()
    out = Path(args.outdir)
    if out.exists() and not out.is_dir():
        raise AnalysisError(f"{out}: exists and is not a folder")
    files = DataFiles() if args.data is None else DataFiles.from_dir(args.data)
    chapter = files.chapter(args.text)
    files.check(chapter)
    _how_read(chapter)
    large = len(chapter.seed_text) >= LARGE_TEXT
    if large:
        print(f"text established: {len(chapter.words)} words, {len(chapter.sentences)} "
              f"sentences ({time.perf_counter() - begin:.1f} s)", file=sys.stderr)
    progress = (lambda line: print(f"  {line}", file=sys.stderr)) if large else None
    results = Analyses(chapter, files)
    written = export(results, args.outdir, progress=progress)
    for line in results.notes:
        print(line, file=sys.stderr)
    fallbacks = files.fallbacks(chapter)
    if fallbacks:
        print(f"warning: {chapter.source.path} is not the bundled chapter; using the "
              f"bundled {', '.join(fallbacks)} (made for Serge's chapter 4): give "
              "your own with --data DIR", file=sys.stderr)
    for path in written:
        print(path)
    return 0


def _how_read(chapter: object) -> None:
    """Say on stderr how the text was read: warnings, what was left out, the corrections."""
    for line in chapter.warnings:
        print(f"warning: {line}", file=sys.stderr)
    for part, start, end in chapter.excluded.itertuples(index=False):
        print(f"note: {chapter.source.path}: {part} (characters {start}-{end}) is left out of "
              "the analysis", file=sys.stderr)
    if chapter.anchoring is not None:
        print(chapter.anchoring, file=sys.stderr)


def _draft_register(args: argparse.Namespace) -> int:
    """The ``draft-register`` command."""
    from pathlib import Path

    from analysis.datafiles import DataFiles
    from analysis.errors import AnalysisError
    from analysis.people import draft_register, mentions, unregistered_names

    target = Path(args.file)
    if target.exists():
        raise AnalysisError(f"{target}: exists already; give a new file name (nothing written)")
    files = DataFiles() if args.data is None else DataFiles.from_dir(args.data)
    chapter = files.chapter(args.text)
    _how_read(chapter)
    register = files.register() if files.people is not None else files.register().iloc[:0]
    candidates = unregistered_names(chapter, mentions(chapter, register), files.known_names())
    table = draft_register(candidates, args.min_score)
    partial = target.with_name(f".{target.name}.part")
    try:
        table.to_csv(partial, index=False, encoding="utf-8", lineterminator="\n")
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise AnalysisError(f"{target}: cannot be written ({exc.strerror})") from exc
    print(f"{target}: {len(table)} candidate(s) of {len(candidates)} found; edit the roles, "
          "merge the aliases of one person, and delete the rows that are not people")
    return 0
