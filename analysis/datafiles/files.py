""":class:`DataFiles`: which data files an analysis reads, the bundled ones or an extender's own.

With :mod:`analysis.datafiles.names`, this is the one place that knows the data
files and where the bundled ones are. A :class:`DataFiles` names, for each kind of data file, the
file to use; ``None`` means the file bundled in ``analysis/data`` (made for the
bundled chapter). :meth:`~analysis.datafiles.DataFiles.from_dir` takes them from a folder holding
any of the files named in :data:`~analysis.datafiles.names.FILE_NAMES` and an ``annotations/`` folder with
any of the annotation sets of :data:`~analysis.datafiles.names.ANNOTATION_SETS`, so that
``python -m analysis export OUTDIR --text my.txt --data mydata/`` analyses
another text with its own register, lexicon, tables and readers. The loaders
are the package's own, so the files are validated exactly as the bundled ones
are; every compute function takes what they return as an argument. The one
loader with a default is :func:`~analysis.datafiles.load_chapter`, whose default is the bundled text.

Example:
    >>> files = DataFiles()
    >>> len(files.register()), files.lexicon().names
    (69, ['terror', 'nep', 'free_thought'])
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.datafiles.annotations import AnnotationFolders
from analysis.datafiles.names import (ANNOTATION_SETS, CHAPTER_SPECIFIC, FILE_NAMES, OPENING,
                                      SEED, SPAN_SETS, data_path, seed_path)
from analysis.errors import DataFileError
from analysis.people.detector import load_place_names
from analysis.people.register import (SHARED_COLUMNS, load_known_names, load_register,
                                      load_shared_names)
from analysis.schema import file_problem
from analysis.sentiment.scorers import load_lexicon_patch
from analysis.text import Chapter, read_chapter
from analysis.text.corrections import load_corrections
from analysis.text.episodes import episode_positions, load_episodes
from analysis.text.segment import load_abbreviations
from analysis.themes.lexicon import Lexicon, load_lexicon
from analysis.themes.vocabulary import load_stopwords
from analysis.timeline.measure import load_annotation_files


def load_chapter(path: str | Path | None = None, files: DataFiles | None = None) -> Chapter:
    """Load a text (``None``: the bundled one) with its data files (``None``: the bundled ones).

    Example:
        >>> load_chapter().source.path.name
        'serge-memoirs-ch4-excerpt.txt'
    """
    return (DataFiles() if files is None else files).chapter(path)


@dataclass(frozen=True)
class DataFiles(AnnotationFolders):
    """Which data file to use for each kind of data (``None``: the bundled one).

    - ``people``: the register of people (:func:`analysis.people.register.load_register`);
    - ``shared_names``: the rules for name forms two people share; ``None``
      means the ``shared_names.csv`` beside the register file, or no rules if
      there is none (so your own register never gets the bundled rules); the
      method :meth:`shared_rules` loads them;
    - ``non_person_names``: names the unregistered-name detector ignores;
    - ``themes``: the theme lexicon (:func:`analysis.themes.lexicon.load_lexicon`);
    - ``sentiment_lexicon_patch``: the VADER patch
      (:func:`analysis.sentiment.scorers.load_lexicon_patch`);
    - ``corrections``: the corrections table of the text; ``None`` means the
      bundled table where it fits the text (the bundled chapter or a copy of it)
      and none for any other text;
    - ``abbreviations``: the abbreviations that never end a sentence
      (:func:`analysis.text.segment.load_abbreviations`);
    - ``episodes``: the chapter's episodes (:func:`analysis.text.episodes.load_episodes`);
      ``None`` means the bundled ones for the bundled chapter and none for another text;
    - ``stopwords``: the stop list (:func:`analysis.themes.vocabulary.load_stopwords`);
    - ``chronology``: the dated events the text tells
      (:func:`analysis.timeline.chronology.load_chronology`); ``None`` means the bundled
      one for the bundled chapter and none for another text;
    - ``place_names``: places and peoples' names, which the draft of a register and the
      detector of unregistered names take for no person
      (:func:`analysis.people.detector.load_place_names`);
    - ``title``: a one-line file naming the text, as figures, tables and a book call it;
      ``None`` means the bundled title for the bundled chapter and, for another text,
      its first heading (or its file name);
    - ``annotations``: a folder holding the readers' annotation sets
      (:data:`~analysis.datafiles.names.ANNOTATION_SETS`); ``None`` means the bundled annotations for the
      bundled chapter and none for any other text.

    Example:
        >>> DataFiles(themes=Path("my/themes.toml")).themes.name
        'themes.toml'
    """

    people: Path | None = None
    shared_names: Path | None = None
    non_person_names: Path | None = None
    themes: Path | None = None
    sentiment_lexicon_patch: Path | None = None
    corrections: Path | None = None
    abbreviations: Path | None = None
    episodes: Path | None = None
    stopwords: Path | None = None
    title: Path | None = None
    chronology: Path | None = None
    place_names: Path | None = None
    annotations: Path | None = None

    @classmethod
    def from_dir(cls, folder: str | Path) -> DataFiles:
        """Take the data files found in ``folder``; the others stay bundled.

        The folder may hold any of the files named in :data:`~analysis.datafiles.names.FILE_NAMES`, and an
        ``annotations/`` folder with the files of :data:`~analysis.datafiles.names.ANNOTATION_SETS` (taken
        as ``annotations``); other sub-folders and hidden files are ignored. Any
        other file is an error, so that a misspelt name (``theme.toml``) cannot
        silently leave the bundled file in use; so is an entry with a data file's
        name that is not a regular file (a folder, a loop of symbolic links, a
        FIFO), which would leave it unread.

        Raises:
            DataFileError: the folder is missing or is not a folder, holds a
                file with another name, an entry with a data file's name that is
                not a regular file, or none of the expected files.

        Example:
            >>> import tempfile
            >>> with tempfile.TemporaryDirectory() as tmp:
            ...     _ = (Path(tmp) / "themes.toml").write_text("", encoding="utf-8")
            ...     DataFiles.from_dir(tmp).themes.name
            'themes.toml'
        """
        root = Path(folder)
        if not root.is_dir():
            what = "no such folder" if not root.exists() else "not a folder"
            raise DataFileError(f"{root}: {what} (--data takes a folder of data files)")
        expected = ", ".join(FILE_NAMES.values())
        for name in FILE_NAMES.values():
            problem = file_problem(root / name)
            if problem and problem != "no such file":
                raise DataFileError(f"{root / name}: {problem}")
        names = sorted(p.name for p in root.iterdir()
                       if p.is_file() and not p.name.startswith("."))
        unknown = [n for n in names if n not in FILE_NAMES.values()]
        if unknown:
            raise DataFileError(f"{root / unknown[0]}: not a data file name the analyses "
                                f"know (expected any of: {expected})")
        annotations = root / "annotations"
        if not names and not annotations.is_dir():
            raise DataFileError(f"{root}: holds none of the data files (expected any of: "
                                f"{expected}, or an annotations/ folder)")
        given = {field: root / name for field, name in FILE_NAMES.items()
                 if (root / name).is_file()}
        if annotations.is_dir():
            known = {n for files in ANNOTATION_SETS.values() for n in files.values()}
            known |= set(SPAN_SETS.values())
            stray = sorted(p.name for p in annotations.iterdir() if p.suffix == ".csv"
                           and p.name not in known)
            if stray:
                raise DataFileError(f"{annotations / stray[0]}: not an annotation file name the "
                                    f"analyses know (expected any of: {', '.join(sorted(known))})")
            given["annotations"] = annotations
        return cls(**given)

    def path(self, field: str) -> Path:
        """The file to read for ``field``: the one given, or the bundled one.

        Example:
            >>> DataFiles().path("themes").name
            'themes.toml'
        """
        given = getattr(self, field)
        return given if given is not None else data_path(FILE_NAMES[field])

    def chapter(self, path: str | Path | None = None) -> Chapter:
        """Load the text at ``path`` (``None``: the bundled one) with these corrections and
        abbreviations.

        The bundled corrections are offered to any text, and applied where they
        fit it (most of them anchor: the text is a copy of the bundled one, with
        other line endings, a line added on top, double spaces …; ``bundled``).

        Example:
            >>> len(DataFiles().chapter().corrections) > 0
            True
        """
        text = seed_path() if path is None else Path(path)
        abbreviations = load_abbreviations(self.path("abbreviations"))
        if self.corrections is not None:
            return read_chapter(text, abbreviations=abbreviations,
                                corrections=load_corrections(self.corrections))
        seed = seed_path().read_text(encoding="utf-8") if SEED.is_file() else ""
        body = seed.lstrip("\ufeff \t\r\n")
        return read_chapter(text, abbreviations=abbreviations,
                            corrections=load_corrections(self.path("corrections")),
                            if_fits=True, opening=body[:OPENING])

    def register(self) -> pd.DataFrame:
        """The register of people, checked against its shared-name rules (:meth:`shared_rules`,
        read from their file so that a problem names it).

        Raises:
            DataFileError: the register is malformed, or holds no person (a
                header row only: leave the file out of the folder instead).

        Example:
            >>> DataFiles().register().loc[0, "person_id"]
            'serge'
        """
        register = load_register(self.path("people"), shared_names=self.shared_rules_path())
        if register.empty:
            raise DataFileError(f"{self.path('people')}: holds no person, only its header row "
                                "(a register needs at least one row; leave the file out to use "
                                "the bundled one)")
        return register

    def shared_rules(self) -> pd.DataFrame:
        """The rules for the name forms two people share, which the register is checked against
        and :func:`analysis.people.mentions.mentions` applies (``alias, rule, person_id,
        reason``): the file :meth:`shared_rules_path` finds, or an empty table if there is none.

        Example:
            >>> DataFiles().shared_rules().set_index("alias").loc["Pascal", "rule"]
            'default'
            >>> DataFiles(people=Path("my/people.csv")).shared_rules().empty
            True
        """
        path = self.shared_rules_path()
        return pd.DataFrame(columns=SHARED_COLUMNS) if path is None else load_shared_names(path)

    def shared_rules_path(self) -> Path | None:
        """The rules for the name forms two people share: the file given, else the one beside
        the register file, else none.

        Example:
            >>> DataFiles().shared_rules_path().name
            'shared_names.csv'
        """
        if self.shared_names is not None:
            return Path(self.shared_names)
        beside = self.path("people").parent / FILE_NAMES["shared_names"]
        return beside if beside.is_file() else None

    def known_names(self) -> pd.DataFrame:
        """The names that are not people (``name, kind, note``).

        Example:
            >>> DataFiles().known_names().columns.tolist()
            ['name', 'kind', 'note']
        """
        return load_known_names(self.path("non_person_names"))

    def place_names_list(self) -> frozenset[str]:
        """Places and peoples' names, in lower case (no person).

        Example:
            >>> "petrograd" in DataFiles().place_names_list()
            True
        """
        return load_place_names(self.path("place_names"))

    def lexicon(self) -> Lexicon:
        """The theme lexicon.

        Example:
            >>> DataFiles().lexicon().path.name
            'themes.toml'
        """
        return load_lexicon(self.path("themes"))

    def patch(self) -> pd.DataFrame:
        """The sentiment lexicon patch (``term, value, reason``).

        Example:
            >>> DataFiles().patch().columns.tolist()
            ['term', 'value', 'reason']
        """
        return load_lexicon_patch(self.path("sentiment_lexicon_patch"))

    def stop_list(self) -> frozenset[str]:
        """The stop list.

        Example:
            >>> "the" in DataFiles().stop_list()
            True
        """
        return load_stopwords(self.path("stopwords"))

    def text_title(self, chapter: Chapter) -> str:
        """What figures, tables and a book call ``chapter``: the title file's line, else its
        headings before the first paragraph of prose (joined by a dash), else its file name.

        Raises:
            DataFileError: the title file given cannot be read or holds no line.

        Example:
            >>> DataFiles().text_title(chapter)[:33]
            'Victor Serge, Memoirs of a Revolu'
            >>> russell = chapter.source.path.parent / "russell-bolshevism-lenin-trotsky-gorky.txt"
            >>> DataFiles().text_title(load_chapter(russell))
            'III — LENIN, TROTSKY AND GORKY'
        """
        if self.title is not None or chapter.bundled:
            path = self.path("title")
            problem = file_problem(path)
            if problem:
                raise DataFileError(f"{path}: {problem}")
            try:
                line = path.read_text(encoding="utf-8").strip().splitlines()
            except UnicodeDecodeError as exc:
                raise DataFileError(f"{path}: not UTF-8 text ({exc.reason})") from None
            if not line or not line[0].strip():
                raise DataFileError(f"{path}: holds no title (one line naming the text)")
            return line[0].strip()
        paras = chapter.paragraphs
        leading = paras["kind"].eq("title").cummin()  # the headings before the first prose
        titles = [" ".join(t.split()) for t in paras.loc[leading, "text"]]
        return " — ".join(titles) if titles else chapter.source.path.stem

    def episodes_table(self, chapter: Chapter) -> pd.DataFrame | None:
        """The episodes of ``chapter`` (``episode, quote, description``), or ``None``.

        The file given, else the bundled one for the bundled chapter; another text
        has none.

        Example:
            >>> DataFiles().episodes_table(chapter)["episode"].iloc[0]
            'Third Congress'
        """
        if self.episodes is None and not chapter.bundled:
            return None
        return load_episodes(self.path("episodes"))

    def check(self, chapter: Chapter) -> None:
        """Read and check every data file these name, before any analysis is run.

        The episodes are also found in ``chapter`` when a folder gives its own
        ``episodes.csv``, and the annotation sets are read when a folder gives its own.

        Raises:
            DataFileError: the first data file that is malformed or does not fit.

        Example:
            >>> DataFiles().check(chapter)
        """
        self.register()
        self.known_names()
        self.lexicon()
        self.patch()
        self.stop_list()
        self.place_names_list()
        self.text_title(chapter)
        episodes = self.episodes_table(chapter)
        if self.episodes is not None:
            episode_positions(chapter, episodes)
        if self.chronology is not None:
            self.chronology_table(chapter)
        if self.annotations is not None:
            for kind in ANNOTATION_SETS:
                self.readings(kind, chapter)
            load_annotation_files(chapter, self.time_annotation_paths(chapter))

    def fallbacks(self, chapter: Chapter) -> list[str]:
        """The bundled, chapter-specific files an analysis of ``chapter`` would use.

        Empty for the bundled chapter or a copy of it (the files were made for it:
        ``chapter.bundled``); for another text, the names in :data:`~analysis.datafiles.names.CHAPTER_SPECIFIC`
        that these data files do not replace, e.g. for the command line to warn about them.

        Example:
            >>> import tempfile
            >>> with tempfile.TemporaryDirectory() as tmp:
            ...     text = Path(tmp) / "other.txt"
            ...     _ = text.write_text("Title\\n\\nA short chapter of prose.\\n", encoding="utf-8")
            ...     DataFiles(themes=Path("mine.toml")).fallbacks(load_chapter(text))
            ['people.csv', 'sentiment_lexicon_patch.csv']
            >>> DataFiles().fallbacks(chapter)
            []
        """
        if chapter.bundled:
            return []
        return [FILE_NAMES[f] for f in CHAPTER_SPECIFIC if getattr(self, f) is None]
