"""The analyses of one chapter, each computed once and passed on.

An :class:`Analyses` holds a chapter and its data files, and computes each
table the first time it is asked for: the mentions, the theme hits and scores,
the sentence scores, the network. The export, the command line and the book's
pages all take their tables from one, so that nothing is computed twice.

Example:
    >>> results = Analyses(chapter, DataFiles())
    >>> results.mentions is results.mentions  # computed once, then kept
    True
    >>> len(results.paragraph_scores) == len(chapter.paragraphs)
    True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import networkx as nx
import pandas as pd

from analysis import people, sentiment, themes
from analysis.datafiles import DataFiles
from analysis.errors import DataFileError
from analysis.text import Chapter


@dataclass(frozen=True, eq=False)
class Analyses:
    """A chapter, its data files and the tables computed from them, each on first use.

    Build it with :meth:`load` (a text and a data folder) or directly from a
    :class:`~analysis.text.chapter.Chapter` and :class:`~analysis.datafiles.DataFiles`.
    """

    chapter: Chapter
    files: DataFiles = field(default_factory=DataFiles)
    #: What a reader of the results should know that is not an error (one line each).
    notes: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, text: str | Path | None = None, files: DataFiles | None = None) -> Analyses:
        """Load ``text`` (``None``: the bundled excerpt) with ``files`` (``None``: the bundled ones).

        Example:
            >>> Analyses.load().chapter.source.path.name
            'serge-memoirs-ch4-excerpt.txt'
        """
        files = DataFiles() if files is None else files
        return cls(files.chapter(text), files)

    @cached_property
    def register(self) -> pd.DataFrame:
        """The register of people (:meth:`analysis.datafiles.DataFiles.register`)."""
        return self.files.register()

    @cached_property
    def known_names(self) -> pd.DataFrame:
        """The names that are not people."""
        return self.files.known_names()

    @cached_property
    def lexicon(self) -> themes.Lexicon:
        """The theme lexicon."""
        return self.files.lexicon()

    @cached_property
    def patch(self) -> pd.DataFrame:
        """The sentiment lexicon patch."""
        return self.files.patch()

    @cached_property
    def mentions(self) -> pd.DataFrame:
        """Every mention of a registered person (:func:`analysis.people.mentions.mentions`)."""
        return people.mentions(self.chapter, self.register)

    @cached_property
    def theme_hits(self) -> pd.DataFrame:
        """Every theme hit, lexicon and expansion (:func:`analysis.themes.hits.theme_hits`)."""
        return themes.theme_hits(self.chapter, self.lexicon)

    @cached_property
    def paragraph_scores(self) -> pd.DataFrame:
        """Theme scores per paragraph (:func:`analysis.themes.scoring.paragraph_scores`)."""
        return themes.paragraph_scores(self.chapter, self.lexicon, hits=self.theme_hits)

    @cached_property
    def sentence_scores(self) -> pd.DataFrame:
        """Sentiment scores per sentence (:func:`analysis.sentiment.scorers.sentence_scores`)."""
        return sentiment.sentence_scores(self.chapter, self.patch)

    @cached_property
    def tone_reference(self) -> pd.DataFrame | None:
        """The reference tone of the narration, or ``None`` (:meth:`analysis.datafiles.DataFiles.tone_reference`).

        The bundled annotation was made for the bundled seed; on an edited copy of
        it whose sentences it no longer fits, there is no reference, and
        :attr:`notes` says why. An annotation given in ``files.annotations`` that
        does not fit is an error.

        Example:
            >>> int(Analyses(chapter).tone_reference["reference"].min())
            -2
        """
        try:
            return self.files.tone_reference(self.chapter)
        except DataFileError as error:
            if self.files.annotations is not None:
                raise
            self.notes.append(f"note: the bundled tone annotation does not fit "
                              f"{self.chapter.source.path} ({error}); no sentence has a reference "
                              "tone (sentiment.csv: annotation is empty)")
            return None

    @cached_property
    def network(self) -> nx.Graph:
        """The co-occurrence network (:func:`analysis.people.network.build_network`)."""
        return people.build_network(self.mentions, self.register)

    @cached_property
    def unregistered_names(self) -> pd.DataFrame:
        """Capitalised names the register lacks (:func:`analysis.people.detector.unregistered_names`)."""
        return people.unregistered_names(self.chapter, self.mentions, self.known_names)
