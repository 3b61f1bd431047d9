"""The data files an analysis reads: the bundled ones, or an extender's own.

This is the one place that knows where the bundled data files are. A
:class:`DataFiles` names, for each kind of data file, the file to use; ``None``
means the file bundled in ``analysis/data`` (made for chapter 4 of Serge's
memoirs). :meth:`DataFiles.from_dir` takes them from a folder holding any of
the files named in :data:`FILE_NAMES`, so that
``python -m analysis export OUTDIR --text my.txt --data mydata/`` analyses
another text with its own register, lexicon and tables. The loaders
(:meth:`~DataFiles.register`, :meth:`~DataFiles.lexicon` ...) are the
package's own (:func:`analysis.people.register.load_register` ...), so the
files are validated exactly as the bundled ones are; every compute function
takes what they return as an argument.

Example:
    >>> files = DataFiles()
    >>> len(files.register()), files.lexicon().names
    (69, ['terror', 'nep', 'free_thought'])
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.errors import DataFileError
from analysis.schema import file_problem
from analysis.people.register import load_known_names, load_register
from analysis.sentiment.reference import tone_reference
from analysis.sentiment.scorers import load_lexicon_patch
from analysis.sentiment.validation import load_annotations
from analysis.text import Chapter, load_chapter
from analysis.text.annotations import load_tone, load_tone_adjudication
from analysis.text.episodes import episode_positions, load_episodes
from analysis.text.source import data_path
from analysis.themes.lexicon import Lexicon, load_lexicon

#: Field of :class:`DataFiles` -> the file name it has in a data folder (and in ``analysis/data``).
FILE_NAMES: dict[str, str] = {
    "people": "people.csv",
    "shared_names": "shared_names.csv",
    "non_person_names": "non_person_names.csv",
    "themes": "themes.toml",
    "sentiment_lexicon_patch": "sentiment_lexicon_patch.csv",
    "corrections": "corrections.csv",
    "abbreviations": "abbreviations.txt",
    "episodes": "episodes.csv",
}

#: The files of the tone annotation in an ``annotations/`` folder: each reader's scores and
#: their adjudication (:func:`analysis.sentiment.reference.tone_reference`).
TONE_FILES: dict[str, str] = {
    "reader_a": "sentiment_reader_a.csv",
    "reader_b": "sentiment_reader_b.csv",
    "adjudication": "sentiment_adjudication.csv",
}

#: The bundled files that were made for the bundled chapter and that an
#: export of another text falls back to when the folder does not replace them.
CHAPTER_SPECIFIC: tuple[str, ...] = ("people", "themes", "sentiment_lexicon_patch")


@dataclass(frozen=True)
class DataFiles:
    """Which data file to use for each kind of data (``None``: the bundled one).

    - ``people``: the register of people (:func:`analysis.people.register.load_register`);
    - ``shared_names``: the rules for name forms two people share; ``None``
      means the ``shared_names.csv`` beside the register file, or no rules if
      there is none (so your own register never gets Serge's rules);
    - ``non_person_names``: names the unregistered-name detector ignores;
    - ``themes``: the theme lexicon (:func:`analysis.themes.lexicon.load_lexicon`);
    - ``sentiment_lexicon_patch``: the VADER patch
      (:func:`analysis.sentiment.scorers.load_lexicon_patch`);
    - ``corrections``: the corrections table of the text; ``None`` means the
      bundled table for the bundled seed and none for any other text;
    - ``abbreviations``: the abbreviations that never end a sentence
      (:func:`analysis.text.segment.load_abbreviations`);
    - ``episodes``: the chapter's episodes (:func:`analysis.text.episodes.load_episodes`);
    - ``annotations``: a folder holding the two readers' tone of the
      narration and its adjudication (:data:`TONE_FILES`), from which the
      reference tone is made (:meth:`tone_reference`); ``None`` means the
      bundled annotations for the bundled seed and none for any other text.

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
    annotations: Path | None = None

    @classmethod
    def from_dir(cls, folder: str | Path) -> DataFiles:
        """Take the data files found in ``folder``; the others stay bundled.

        The folder may hold any of the files named in :data:`FILE_NAMES`, and an
        ``annotations/`` folder with the files of :data:`TONE_FILES` (taken as
        ``annotations``); other sub-folders and hidden files are ignored. Any other file is an error, so that a misspelt name
        (``theme.toml``) cannot silently leave the bundled file in use; so is
        an entry with a data file's name that is not a regular file (a folder,
        a loop of symbolic links, a FIFO), which would leave it unread.

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
        if not names:
            raise DataFileError(f"{root}: holds none of the data files (expected any of: "
                                f"{expected})")
        given = {field: root / name for field, name in FILE_NAMES.items()
                 if (root / name).is_file()}
        if (root / "annotations").is_dir():
            given["annotations"] = root / "annotations"
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
        """Load the text at ``path`` (``None``: the bundled excerpt) with these corrections
        and abbreviations.

        Example:
            >>> len(DataFiles().chapter().corrections) > 0
            True
        """
        return load_chapter(path, corrections=self.corrections,
                            abbreviations=self.path("abbreviations"))

    def register(self) -> pd.DataFrame:
        """The register of people, checked against its shared-name rules.

        Raises:
            DataFileError: the register is malformed, or holds no person (a
                header row only: leave the file out of the folder instead).

        Example:
            >>> DataFiles().register().loc[0, "person_id"]
            'serge'
        """
        register = load_register(self.path("people"), shared_names=self.shared_names)
        if register.empty:
            raise DataFileError(f"{self.path('people')}: holds no person, only its header row "
                                "(a register needs at least one row; leave the file out to use "
                                "the bundled one)")
        return register

    def known_names(self) -> pd.DataFrame:
        """The names that are not people (``name, kind, note``).

        Example:
            >>> DataFiles().known_names().columns.tolist()
            ['name', 'kind', 'note']
        """
        return load_known_names(self.path("non_person_names"))

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

    def episodes_table(self) -> pd.DataFrame:
        """The chapter's episodes (``episode, quote, description``).

        Example:
            >>> DataFiles().episodes_table()["episode"].iloc[0]
            'Third Congress'
        """
        return load_episodes(self.path("episodes"))

    def annotation_folder(self, chapter: Chapter) -> Path | None:
        """The folder of ``chapter``'s tone annotation: ``annotations``, the bundled one for the
        bundled seed, or ``None``.

        Example:
            >>> DataFiles().annotation_folder(chapter).name
            'annotations'
        """
        if self.annotations is not None:
            return Path(self.annotations)
        return data_path("annotations") if chapter.bundled else None

    def tone_reference(self, chapter: Chapter) -> pd.DataFrame | None:
        """The reference tone of ``chapter``'s narration, or ``None`` where it has none.

        Read from ``annotations`` when given (all three :data:`TONE_FILES` must
        be there), else from the bundled annotations when ``chapter`` is the
        bundled seed (``chapter.bundled``); another text has no reference.

        Raises:
            DataFileError: a file is missing or malformed, a row does not anchor,
                or the adjudication does not fit the readers.

        Example:
            >>> DataFiles().tone_reference(chapter)["reference"].value_counts().sort_index().to_dict()
            {-2: 53, -1: 94, 0: 79, 1: 78, 2: 15}
        """
        folder = self.annotation_folder(chapter)
        if folder is None:
            return None
        paths = {role: folder / name for role, name in TONE_FILES.items()}
        for path in paths.values():
            problem = file_problem(path)
            if problem:
                raise DataFileError(f"{path}: {problem} (a tone annotation needs "
                                    f"{', '.join(TONE_FILES.values())})")
        return tone_reference(load_annotations(chapter, paths["reader_a"]),
                              load_tone(chapter, paths["reader_b"]),
                              load_tone_adjudication(chapter, paths["adjudication"]))

    def check(self, chapter: Chapter) -> None:
        """Read and check every data file these name, before any analysis is run.

        The episodes are also found in ``chapter`` when a folder gives its own
        ``episodes.csv`` (the bundled ones fit the bundled chapter only).

        Raises:
            DataFileError: the first data file that is malformed or does not fit.

        Example:
            >>> DataFiles().check(chapter)
        """
        self.register()
        self.known_names()
        self.lexicon()
        self.patch()
        episodes = self.episodes_table()
        if self.episodes is not None:
            episode_positions(chapter, episodes)
        if self.annotations is not None:
            self.tone_reference(chapter)

    def fallbacks(self, chapter: Chapter) -> list[str]:
        """The bundled, chapter-specific files an analysis of ``chapter`` would use.

        Empty for the bundled seed or a copy of it (the files were made for it:
        ``chapter.bundled``); for another text, the names in :data:`CHAPTER_SPECIFIC` that these data files do
        not replace, e.g. for the command line to warn about them.

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
