"""Command line: ``python -m analysis export OUTDIR``, ``draft-register FILE`` and ``book OUTDIR``.

``export`` writes every analysis table; ``draft-register`` writes a draft
register of people from the names the text holds (the unregistered-name
detector's candidates, most likely people first), for an extender to edit;
``book`` builds the whole book for a text, as static HTML
(:mod:`analysis.book`), all or nothing as the export. All take ``--text PATH``
(another chapter) and ``--data DIR``.

``--data DIR`` takes the data files (register, lexicon, corrections ...) from a
folder, the bundled ones standing in for those it does not hold (see
``analysis.datafiles.DataFiles``). When the text is not the bundled
excerpt and the bundled register, theme lexicon or sentiment patch stands in,
the export is still written but a one-line warning on stderr names the
bundled files used: they were made for chapter 4 of Serge's memoirs; another
warns when most of the text's words are not English (the sentiment lexicons
are). ``OUTDIR`` is checked before any work (a file, a folder that cannot be
written), and what an earlier, stopped export left beside it is settled, with a
line saying so. On a large text, a progress bar runs on stderr when stderr is a
terminal. Before anything is written, stderr says how the text was read: how
many corrections anchored (``corrections: 30 of 30 anchored (2 moved)``, naming
those not found), what was left out (a Project Gutenberg licence, a line of
provenance over a copy of the chapter) and any warning about the file (NUL
characters).

Errors in the input (a missing or unreadable text, a bad data file or folder,
a folder that cannot be written) are printed as one line on stderr, with exit
status 1; an interrupt (Ctrl-C, SIGTERM, SIGHUP) exits with status 128 + the
signal's number (130 for Ctrl-C), leaving the output folder with its earlier
files (or, if it came after they were all switched in, with the new ones: the
line says which); bad arguments exit with status 2 (argparse's convention).
The heavy libraries are imported only when a command runs, so ``--help``
answers at once.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Sequence

from analysis.datafiles.names import ANNOTATION_SETS, CORPUS_FILE, FILE_NAMES

#: The export's files (kept in step with ``analysis.export`` by a test) and the data files a
#: folder may hold (from :mod:`analysis.datafiles.names`, which imports nothing heavy), for the
#: help text.
EXPORTED = ("paragraphs.csv, sentences.csv, corrections.csv, themes.csv, theme_hits.csv, "
            "people.csv, mentions.csv, unregistered_names.csv, sentiment.csv, "
            "time_expressions.csv, chronology.csv, network.gexf, annotations.jsonld, "
            "chapter.tei.xml, datapackage.json")
DATA_FILES = ", ".join(FILE_NAMES.values())
TONE_FILES = ", ".join(ANNOTATION_SETS["tone"].values())

#: From a text file of this many bytes on, the export shows a progress bar (on a terminal).
LARGE_TEXT = 200_000

PROMISE = (
    "The export is all or nothing: every file is written beside OUTDIR and all are switched in "
    "at once, so OUTDIR holds one complete set, the earlier files or the new ones, whatever "
    "stops the export (an error, a full disk, Ctrl-C, SIGTERM, SIGHUP; after SIGKILL or a power "
    "cut the next export into OUTDIR undoes the unfinished switch, saying so). Files in OUTDIR "
    "that the export does not write are never touched. Text cells are the text exactly.")

#: What ``export`` offers besides (the corpus export writes the text exactly, with no option).
SAFE = "--spreadsheet-safe guards cells a spreadsheet would run as formulas."


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
            f"datapackage.json describes every file (Frictionless Data Package). {PROMISE} {SAFE}"
        ),
    )
    exp.add_argument("outdir", metavar="OUTDIR", help="folder to write the files into")
    exp.add_argument("--spreadsheet-safe", action="store_true",
                     help="put a ' before every CSV text cell that begins with = + - @, a tab "
                          "or a carriage return, so that a spreadsheet shows it instead of "
                          "running it as a formula (those cells are then not the text exactly)")
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
    draft.add_argument("--min-score", type=_finite, default=1.0,
                       help="leave out candidates scoring below this (default 1)")
    _text_and_data(draft)
    book = commands.add_parser(
        "book",
        help="build the whole book for a text (static HTML): its reading page, who's who, "
             "and a page per analysis, with the export's files to download",
        description=(
            "Build into OUTDIR (OUTDIR/index.html) the book for a text: an introduction with "
            "the text's provenance, the annotated reading page, a who's who of its people, a "
            "page per analysis (the text and its units, themes, people, sentiment, the text at "
            "a glance, time) with their figures and tables, and the export's files to download; "
            "each page says what the text lacks (a reference reading, episodes, a lexicon of "
            "its own). The book needs no other host. It is built in a cache folder per text "
            "and data folder, under $XDG_CACHE_HOME/analysis-book (by default "
            "~/.cache/analysis-book): a second build from the same text, data files and title "
            "runs nothing again, and after a data file is edited only the pages whose output "
            "changed are written again; the cache may be deleted at any time. OUTDIR is written "
            "all or "
            "nothing, as by the export: it holds the earlier book or the new one, whatever "
            "stops the build, and files of OUTDIR the book does not write are never touched."),
    )
    book.add_argument("outdir", metavar="OUTDIR", help="folder to write the book into")
    book.add_argument("--title", metavar="TITLE", default=None,
                      help=(f"what the book calls the text (default: the data folder's "
                            f"{FILE_NAMES['title']}, else the text's headings before its prose, "
                            "else its file name)"))
    _text_and_data(book)
    corpus = commands.add_parser(
        "export-corpus",
        help="write a corpus of texts (a corpus file: Serge and other witnesses by default) "
             "into a folder as one data package",
        description=(
            "Write into OUTDIR one Frictionless data package for every text of a corpus file "
            f"(default: the bundled analysis/data/{CORPUS_FILE}): texts.csv (each text's id, "
            "author, title, year, provenance and SHA-256), people.csv (the register the texts "
            "share, each person once, with the Wikidata item linking them), every table of the "
            "export with a text_id column, corpus.tei.xml (a TEI teiCorpus of the texts) and "
            "datapackage.json. The texts are analysed in parallel, one process per core. "
            f"{PROMISE}"),
    )
    corpus.add_argument("outdir", metavar="OUTDIR", help="folder to write the files into")
    corpus.add_argument("--corpus", metavar="FILE", default=None,
                        help="a corpus file (TOML: a [[texts]] table per text, with its text, "
                             f"data folder and provenance; see analysis/data/{CORPUS_FILE})")
    corpus.add_argument("--workers", metavar="N", type=int, default=None,
                        help="processes to analyse the texts on (default: one per core)")
    return parser


def _finite(text: str) -> float:
    """A finite number, for argparse (``nan`` and ``inf`` are refused)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return value


def _text_and_data(command: argparse.ArgumentParser) -> None:
    """The ``--text`` and ``--data`` options every command shares."""
    command.add_argument("--text", metavar="PATH", default=None,
                         help="a UTF-8 chapter text to analyse instead of the bundled excerpt")
    command.add_argument("--data", metavar="DIR", default=None,
                         help=(f"a folder of data files to use instead of the bundled ones: any "
                               f"of {DATA_FILES}, and an annotations/ folder with the readers' "
                               f"annotations (for the tone: {TONE_FILES}); the bundled "
                               "files stand in for those it does not hold"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Example:
        >>> main(["export", "/dev/null/x", "--text", "no-such.txt"])
        1
    """
    args = build_parser().parse_args(argv)
    from analysis.errors import AnalysisError
    from analysis.export.folder import signals_interrupt

    commands = {"export": _export, "draft-register": _draft_register, "book": _book,
                "export-corpus": _export_corpus}
    with signals_interrupt():
        try:
            return commands[args.command](args)
        except AnalysisError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        except KeyboardInterrupt as exc:
            line = (f"interrupted: the {args.command} was complete; {args.outdir} holds the new "
                    "files" if getattr(exc, "written", False) else "interrupted: nothing was written")
            try:
                print(line, file=sys.stderr)
            except OSError:  # SIGHUP: the terminal is gone
                pass
            return 128 + getattr(exc, "signum", 2)


def _export(args: argparse.Namespace) -> int:
    """The ``export`` command."""
    from analysis.datafiles import DataFiles
    from analysis.export import export, names, prepare
    from analysis.export.folder import Interrupted
    from analysis.people.register import check_source_paragraphs
    from analysis.results import Analyses
    from analysis.sentiment.lexicons import not_english

    prepare(args.outdir, lambda line: print(line, file=sys.stderr))
    files = DataFiles() if args.data is None else DataFiles.from_dir(args.data)
    bar = _Progress(["the text", *names()], _text_size(files, args.text) >= LARGE_TEXT)
    try:
        chapter = files.chapter(args.text)
        files.check(chapter)
        if files.people is not None:  # the bundled register stands in: a warning says so
            check_source_paragraphs(files.register(), len(chapter.paragraphs), files.people)
        how_read(chapter, bar.write)
        english = not_english(chapter)
        if english:
            bar.write(english)
        bar.advance()
        results = Analyses(chapter, files)
        written = export(results, args.outdir, progress=bar.advance,
                         spreadsheet_safe=args.spreadsheet_safe)
    finally:
        bar.close()
    try:
        for line in results.notes:
            print(line, file=sys.stderr)
        warning = fallback_warning(files, chapter)
        if warning:
            print(warning, file=sys.stderr)
        for path in written:
            print(path)
    except KeyboardInterrupt as exc:
        raise Interrupted(getattr(exc, "signum", 2), written=True) from None
    return 0


def _text_size(files: object, text: str | None) -> int:
    """The size in bytes of the text to analyse (0 if it cannot be told)."""
    from analysis.datafiles import seed_path
    from analysis.errors import AnalysisError

    try:
        return os.stat(text if text is not None else seed_path()).st_size
    except (OSError, ValueError, AnalysisError):  # the loader says what is wrong with it
        return 0


class _Progress:
    """A progress bar over the export's steps on stderr (``tqdm``), when asked for and stderr
    is a terminal; otherwise silent. Lines written meanwhile go above the bar.

    The bar starts no thread (tqdm's monitor is off): the sentiment scorers fork worker
    processes, and a process forked while another of its threads holds a lock may hang.
    """

    def __init__(self, steps: list[str], large: bool) -> None:
        self.steps = steps
        self.bar = None
        if large and sys.stderr.isatty():
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread (see above)
            self.bar = tqdm(total=len(steps), file=sys.stderr, unit="step", leave=False,
                            desc=f"reading {steps[0]}")

    def advance(self, _: str = "") -> None:
        """One step done: show the next."""
        if self.bar is not None:
            self.bar.update(1)
            if self.bar.n < len(self.steps):
                self.bar.set_description(f"writing {self.steps[self.bar.n]}")

    def write(self, line: str) -> None:
        """Print ``line`` on stderr (above the bar)."""
        if self.bar is None:
            print(line, file=sys.stderr)
        else:
            self.bar.write(line, file=sys.stderr)

    def close(self) -> None:
        """Take the bar away."""
        if self.bar is not None:
            self.bar.close()


def fallback_warning(files: object, chapter: object) -> str | None:
    """The warning that bundled files made for the bundled chapter stand in, or ``None``."""
    fallbacks = files.fallbacks(chapter)
    if not fallbacks:
        return None
    return (f"warning: {chapter.source.path} is not the bundled chapter; using the bundled "
            f"{', '.join(fallbacks)} (made for Serge's chapter 4): give your own with --data DIR")


def _book(args: argparse.Namespace) -> int:
    """The ``book`` command: OUTDIR, the text and every data file checked, as by the export."""
    from analysis.book import build_book
    from analysis.datafiles import DataFiles
    from analysis.export.folder import check_outdir

    check_outdir(args.outdir, "book")

    def check() -> None:  # while the book's child process starts
        files = DataFiles() if args.data is None else DataFiles.from_dir(args.data)
        chapter = files.chapter(args.text)
        files.check(chapter)
        how_read(chapter)
        warning = fallback_warning(files, chapter)
        if warning:
            print(warning, file=sys.stderr)

    index = build_book(args.outdir, args.text, args.data, args.title,
                       say=lambda line: print(line, file=sys.stderr), check=check)
    print(index)
    return 0


def _export_corpus(args: argparse.Namespace) -> int:
    """The ``export-corpus`` command."""
    from analysis.corpus import bundled_corpus, load_corpus
    from analysis.corpus.export import export_corpus
    from analysis.errors import AnalysisError
    from analysis.export import prepare

    if args.workers is not None and args.workers < 1:
        raise AnalysisError(f"--workers {args.workers}: give at least 1")
    prepare(args.outdir, lambda line: print(line, file=sys.stderr))
    corpus = load_corpus(args.corpus if args.corpus is not None else bundled_corpus())
    notes: list[str] = []
    written = export_corpus(corpus, args.outdir, workers=args.workers, notes=notes,
                            progress=lambda text_id: print(f"analysed: {text_id}",
                                                           file=sys.stderr))
    for line in notes:
        print(line, file=sys.stderr)
    for path in written:
        print(path)
    return 0


def how_read(chapter: object, say: object = None) -> None:
    """Say on stderr how the text was read: warnings, what was left out, the corrections."""
    say = say or (lambda line: print(line, file=sys.stderr))
    for line in chapter.warnings:
        say(f"warning: {line}")
    for part, start, end in chapter.excluded.itertuples(index=False):
        say(f"note: {chapter.source.path}: {part} (characters {start}-{end}) is left out of the "
            "analysis")
    if chapter.anchoring is not None:
        say(str(chapter.anchoring))


def _draft_register(args: argparse.Namespace) -> int:
    """The ``draft-register`` command."""
    from pathlib import Path

    from analysis.datafiles import DataFiles
    from analysis.errors import AnalysisError
    from analysis.people import draft_register, mentions, unregistered_names

    target = Path(args.file)
    if target.exists():
        raise AnalysisError(f"{target}: exists already; give a new file name (nothing written)")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        what = "does not exist" if not folder.exists() else "is not a folder"
        raise AnalysisError(f"{target}: cannot be written: the folder {folder} {what} "
                            "(nothing written)")
    files = DataFiles() if args.data is None else DataFiles.from_dir(args.data)
    chapter = files.chapter(args.text)
    how_read(chapter)
    register = files.register() if files.people is not None else files.register().iloc[:0]
    found = mentions(chapter, register, files.shared_rules())
    candidates = unregistered_names(chapter, found, files.known_names(),
                                    places=files.place_names_list())
    table = draft_register(candidates, args.min_score)
    partial = target.with_name(f".{target.name}.part")
    try:
        table.to_csv(partial, index=False, encoding="utf-8", lineterminator="\n")
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise AnalysisError(f"{target}: cannot be written ({exc.strerror or exc})") from exc
    print(f"{target}: {len(table)} candidate(s) of {len(candidates)} found; edit the roles, "
          "merge the aliases of one person, and delete the rows that are not people")
    return 0
