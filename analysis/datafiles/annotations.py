"""The readers' annotations of a text: which folder holds them, which sets it has, and reading them.

:class:`AnnotationFolders` gives :class:`analysis.datafiles.DataFiles` its
methods for the ``annotations/`` folder: the folder of a text
(:meth:`~AnnotationFolders.annotation_folder`), why a set is missing
(:meth:`~AnnotationFolders.absence`), a set read as
:class:`~analysis.readers.Readings` (:meth:`~AnnotationFolders.readings`), the
files of the annotation of time (:meth:`~AnnotationFolders.time_annotation_paths`)
and the chronology (:meth:`~AnnotationFolders.chronology_table`).

Example:
    >>> files.annotation_folder(chapter).name
    'annotations'
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import pandas as pd

from analysis.datafiles.names import ANNOTATION_SETS, SPAN_SETS, data_path
from analysis.errors import DataFileError
from analysis.people.validation import load_mention_readings
from analysis.readers import Readings
from analysis.schema import file_problem
from analysis.sentiment.annotation import load_tone_readings
from analysis.sentiment.emotions import load_emotion_readings
from analysis.text import Chapter
from analysis.themes.validation import load_theme_readings
from analysis.timeline.chronology import load_chronology


class AnnotationFolders:
    """The methods of :class:`analysis.datafiles.DataFiles` for annotations and the chronology.

    They use its ``annotations`` and ``chronology`` fields,
    :meth:`~analysis.datafiles.DataFiles.path` and :meth:`~analysis.datafiles.DataFiles.lexicon`.
    """

    annotations: Path | None
    chronology: Path | None

    def annotation_folder(self, chapter: Chapter) -> Path | None:
        """The folder of ``chapter``'s annotations: ``annotations``, the bundled one for the
        bundled chapter, or ``None``.

        Example:
            >>> files.annotation_folder(chapter).name
            'annotations'
        """
        if self.annotations is not None:
            return Path(self.annotations)
        return data_path("annotations") if chapter.bundled else None

    def absence(self, kind: str, chapter: Chapter) -> str | None:
        """Why ``chapter`` has no annotation set ``kind`` (``None``: it has one).

        Example:
            >>> files.absence("tone", chapter) is None
            True
        """
        folder = self.annotation_folder(chapter)
        if folder is None:
            return (f"no {kind} annotation for this text (the bundled annotations were made "
                    "for another text; an annotations/ folder in a data folder gives a text its "
                    "own)")
        first = folder / ANNOTATION_SETS[kind]["reader_a"]
        if not first.is_file():
            return f"no {kind} annotation for this text ({first.name} is not in {folder})"
        return None

    def chronology_table(self, chapter: Chapter) -> pd.DataFrame | None:
        """The dated events ``chapter`` tells (:func:`analysis.timeline.chronology.load_chronology`), or ``None``.

        The file given, else the bundled one for the bundled chapter; another text has none.

        Example:
            >>> len(files.chronology_table(chapter)) > 40
            True
        """
        if self.chronology is None and not chapter.bundled:
            return None
        return load_chronology(chapter, self.path("chronology"))

    def time_annotation_paths(self, chapter: Chapter) -> dict[str, Path]:
        """The files of the annotation of time that ``chapter``'s annotations folder holds
        (:data:`~analysis.datafiles.names.SPAN_SETS`).

        Example:
            >>> sorted(files.time_annotation_paths(chapter))[:2]
            ['hindsight_a', 'hindsight_adjudication']
        """
        folder = self.annotation_folder(chapter)
        if folder is None:
            return {}
        return {part: folder / name for part, name in SPAN_SETS.items()
                if (folder / name).is_file()}

    def readings(self, kind: str, chapter: Chapter) -> Readings | None:
        """The annotation set ``kind`` of ``chapter``
        (:data:`~analysis.datafiles.names.ANNOTATION_SETS`), or ``None``.

        Read from ``annotations`` when given, else from the bundled annotations
        when ``chapter`` is the bundled chapter (or a copy: a row that does not
        anchor in the copy is left out, and the set's ``notes`` say how many did);
        :meth:`absence` says why a set is missing.

        Raises:
            DataFileError: a file of the set is malformed, or the adjudication
                does not fit the readers.

        Example:
            >>> tone = files.readings("tone", chapter)
            >>> tone.reference()["score"].value_counts().sort_index().to_dict()
            {-2: 53, -1: 94, 0: 79, 1: 78, 2: 15}
        """
        if self.absence(kind, chapter) is not None:
            return None
        folder = self.annotation_folder(chapter)
        paths = {role: folder / name for role, name in ANNOTATION_SETS[kind].items()
                 if (folder / name).exists()}
        for path in paths.values():
            problem = file_problem(path)
            if problem:
                raise DataFileError(f"{path}: {problem}")
        return self._loader(kind)(chapter, paths)

    def _loader(self, kind: str) -> Callable[[Chapter, dict[str, Path]], Readings]:
        loaders: dict[str, Callable[..., Readings]] = {
            "tone": load_tone_readings,
            "themes": partial(load_theme_readings, themes=self.lexicon().names),
            "mentions": load_mention_readings,
            "emotions": load_emotion_readings,
        }
        return loaders[kind]
