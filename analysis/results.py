"""The analyses of one chapter, each computed once and passed on.

An :class:`Analyses` holds a chapter and its data files, and computes each
table the first time it is asked for: the mentions, the theme hits and scores,
the sentence scores, the readers' annotation sets, the network. The export, the
command line, the reading view and the book's pages all take their tables from
one, so that nothing is computed twice. Where a text lacks something (an
annotation set, episodes), the property is ``None`` and :attr:`Analyses.missing`
says why, in a line a page can show.

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

from analysis import people, sentiment, themes, timeline
from analysis.datafiles import FILE_NAMES, DataFiles
from analysis.people.register import OF_ITS_TEXT
from analysis.readers import Readings
from analysis.synthesis.chapter_map import reference_track
from analysis.text import Chapter
from analysis.text.episodes import episode_positions


@dataclass(frozen=True, eq=False)
class Analyses:
    """A chapter, its data files and the tables computed from them, each on first use.

    Build it with :meth:`load` (a text and a data folder) or directly from a
    :class:`~analysis.text.chapter.Chapter` and :class:`~analysis.datafiles.DataFiles`.
    ``notes`` gathers what a reader of the results should know that is not an
    error (one line each); ``missing`` maps each property that is ``None`` to why.
    """

    chapter: Chapter
    files: DataFiles = field(default_factory=DataFiles)
    #: What a reader of the results should know that is not an error (one line each).
    notes: list[str] = field(default_factory=list)
    #: Each property that is ``None`` for this text -> why (one line).
    missing: dict[str, str] = field(default_factory=dict)
    #: The text's title as given (e.g. ``--title``), or ``None`` for :attr:`title` to find it.
    given_title: str | None = None

    @classmethod
    def load(cls, text: str | Path | None = None, files: DataFiles | None = None,
             title: str | None = None) -> Analyses:
        """Load ``text`` (``None``: the bundled one) with ``files`` (``None``: the bundled ones).

        Example:
            >>> Analyses.load().chapter.source.path.name
            'serge-memoirs-ch4-excerpt.txt'
        """
        files = DataFiles() if files is None else files
        return cls(files.chapter(text), files, given_title=title)

    @cached_property
    def title(self) -> str:
        """What figures, tables and a book call the text (:meth:`analysis.datafiles.DataFiles.text_title`).

        Example:
            >>> Analyses(chapter, given_title="A chapter").title
            'A chapter'
        """
        return self.given_title or self.files.text_title(self.chapter)

    @cached_property
    def register(self) -> pd.DataFrame:
        """The register of people (:meth:`analysis.datafiles.DataFiles.register`)."""
        return self.files.register()

    @cached_property
    def shared_names(self) -> pd.DataFrame:
        """The rules for name forms two people share, which :attr:`mentions` applies
        (:meth:`analysis.datafiles.DataFiles.shared_rules`; empty: none)."""
        return self.files.shared_rules()

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
    def stopwords(self) -> frozenset[str]:
        """The stop list."""
        return self.files.stop_list()

    @cached_property
    def shown_register(self) -> pd.DataFrame:
        """The register as every output shows it (pages, reading view, exports).

        The text's own register whole; the bundled one, standing in for another
        text's (:meth:`analysis.datafiles.DataFiles.fallbacks`), only for the people
        this text names, and without what it says of the text it was made for
        (:data:`analysis.people.register.OF_ITS_TEXT`).

        Example:
            >>> len(Analyses(chapter).shown_register) == len(register)
            True
        """
        if FILE_NAMES["people"] not in self.files.fallbacks(self.chapter):
            return self.register
        named = self.register[self.register["person_id"].isin(self.mentions["person_id"])]
        return named.assign(**{c: "" for c in OF_ITS_TEXT if c in named.columns}
                            ).reset_index(drop=True)

    @cached_property
    def mentions(self) -> pd.DataFrame:
        """Every mention of a registered person (:func:`analysis.people.mentions.mentions`)."""
        return people.mentions(self.chapter, self.register, self.shared_names)

    @cached_property
    def theme_hits(self) -> pd.DataFrame:
        """Every theme hit, lexicon and expansion (:func:`analysis.themes.hits.theme_hits`)."""
        return themes.theme_hits(self.chapter, self.lexicon, stopwords=self.stopwords)

    @cached_property
    def paragraph_scores(self) -> pd.DataFrame:
        """Theme scores per paragraph (:func:`analysis.themes.scoring.paragraph_scores`)."""
        return themes.paragraph_scores(self.chapter, self.lexicon, hits=self.theme_hits)

    @cached_property
    def theme_density(self) -> pd.DataFrame:
        """Each theme's smoothed density along the narration (:func:`analysis.themes.scoring.theme_density`)."""
        return themes.theme_density(self.chapter, self.lexicon, hits=self.theme_hits)

    @cached_property
    def sentence_scores(self) -> pd.DataFrame:
        """Sentiment scores per sentence (:func:`analysis.sentiment.scorers.sentence_scores`)."""
        return sentiment.sentence_scores(self.chapter, self.patch)

    @cached_property
    def sentence_explanations(self) -> pd.DataFrame:
        """The words behind each sentence's recommended score (:func:`analysis.sentiment.explanation.sentence_explanations`)."""
        return sentiment.sentence_explanations(self.chapter, sentiment.RECOMMENDED, self.patch,
                                               self.sentence_scores)

    @cached_property
    def episodes(self) -> pd.DataFrame | None:
        """Where each episode opens and ends (:func:`analysis.text.episodes.episode_positions`), or ``None``.

        Example:
            >>> Analyses(chapter).episodes["episode"].iloc[0]
            'Third Congress'
        """
        table = self.files.episodes_table(self.chapter)
        if table is None:
            self.missing["episodes"] = (f"no episodes for this text (give an "
                                        f"{FILE_NAMES['episodes']} in its data folder to divide it)")
            return None
        return episode_positions(self.chapter, table)

    def readings(self, kind: str) -> Readings | None:
        """The annotation set ``kind`` (:data:`analysis.datafiles.names.ANNOTATION_SETS`), or ``None``.

        Read once and kept. Where the set's rows did not all anchor in this copy of
        the text, :attr:`notes` says how many did; where the text has none,
        :attr:`missing` says why.

        Example:
            >>> results = Analyses(chapter)
            >>> results.readings("themes").n_readers, results.readings("themes") is results.readings("themes")
            (2, True)
        """
        cache = self.__dict__.setdefault("_readings", {})
        if kind not in cache:
            found = self.files.readings(kind, self.chapter)
            if found is None:
                self.missing[f"readings:{kind}"] = self.files.absence(kind, self.chapter)
            else:
                self.notes.extend(f"note: {line}" for line in found.notes)
            cache[kind] = found
        return cache[kind]

    @cached_property
    def tone_reference(self) -> pd.DataFrame | None:
        """The readers' reference tone of the narration (``score``, -2..+2), or ``None``.

        Example:
            >>> int(Analyses(chapter).tone_reference["score"].min())
            -2
        """
        tone = self.readings("tone")
        if tone is None:
            self.missing["tone_reference"] = self.missing["readings:tone"]
            return None
        return tone.reference()

    @cached_property
    def reference_track(self) -> pd.DataFrame | None:
        """The readers' tone smoothed along the chapter (:func:`analysis.synthesis.chapter_map.reference_track`), or ``None``."""
        if self.tone_reference is None:
            self.missing["reference_track"] = self.missing["tone_reference"]
        return reference_track(self.chapter, self.tone_reference)

    @cached_property
    def time_expressions(self) -> pd.DataFrame:
        """Every time expression, typed and normalised (:func:`analysis.timeline.expressions.time_expressions`)."""
        return timeline.time_expressions(self.chapter)

    @cached_property
    def hindsight(self) -> pd.DataFrame:
        """Each sentence's hindsight by rule (:func:`analysis.timeline.hindsight.hindsight`)."""
        return timeline.hindsight(self.chapter, self.time_expressions)

    @cached_property
    def chronology(self) -> pd.DataFrame | None:
        """The dated events the text tells (:meth:`analysis.datafiles.DataFiles.chronology_table`), or ``None``."""
        table = self.files.chronology_table(self.chapter)
        if table is None:
            self.missing["chronology"] = ("no chronology for this text (give a "
                                          f"{FILE_NAMES['chronology']} in its data folder to "
                                          "date the events it tells): the time expressions stand "
                                          "alone")
        return table

    @cached_property
    def time_annotations(self) -> dict[str, pd.DataFrame | None]:
        """The readers' time expressions and hindsight, and their adjudications, where given
        (:func:`analysis.timeline.measure.load_annotation_files`)."""
        found = timeline.load_annotation_files(
            self.chapter, self.files.time_annotation_paths(self.chapter))
        if all(table is None for table in found.values()):
            self.missing["time_annotations"] = ("no annotation of time for this text: the "
                                                "method's expressions stand alone")
        return found

    @cached_property
    def network(self) -> nx.Graph:
        """The co-occurrence network (:func:`analysis.people.network.build_network`)."""
        return people.build_network(self.mentions, self.register)

    @cached_property
    def unregistered_names(self) -> pd.DataFrame:
        """Capitalised names the register lacks (:func:`analysis.people.detector.unregistered_names`)."""
        return people.unregistered_names(self.chapter, self.mentions, self.known_names,
                                         places=self.files.place_names_list())
