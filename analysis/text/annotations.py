"""The hand annotations of the chapter's units: their formats and loaders.

Every annotation file (``analysis/data/annotations/``) is a record file
(:mod:`analysis.text.records`): each row anchors a sentence or a paragraph by
quoting it (all of it, or the opening of a long one), then gives its values and a
reason. The loaders anchor every row in the chapter as loaded and return the
unit's ids, its span and the values. The files of the first reader (tone with
its tuning split, themes) and of the mention check are read by the analyses'
own loaders (:func:`analysis.sentiment.validation.load_annotations`,
:func:`analysis.themes.validation.load_annotation`,
:func:`analysis.people.validation.load_check`), with the same machinery.

Example:
    >>> tone = load_tone(chapter, data_path("annotations/sentiment_reader_b.csv"))
    >>> len(tone), tone.columns.tolist()[:4]
    (319, ['sentence_id', 'paragraph_id', 'start', 'end'])
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.errors import DataFileError
from analysis.schema import Field, TableSchema
from analysis.text.anchoring import ANCHOR_FIELDS
from analysis.text.chapter import Chapter
from analysis.text.records import read_records, unit_of


def _score(name: str, what: str) -> Field:
    """A tone on the five-point scale, -2 .. +2."""
    return Field(name, "integer", required=True, minimum=-2, maximum=2, description=what)


def _label(name: str, what: str) -> Field:
    """A theme label: 0 absent, 1 present, 2 dominant."""
    return Field(name, "integer", required=True, minimum=0, maximum=2, description=what)


REASON = Field("reason", required=True, description="why, in one line")

#: A sentence's tone by one reader.
TONE = TableSchema((*ANCHOR_FIELDS,
                    _score("score", "the tone of the sentence as Serge means it, -2 .. +2"),
                    REASON))

#: The adjudication of the two readers' disagreements on tone.
TONE_ADJUDICATION = TableSchema((*ANCHOR_FIELDS, _score("score_a", "reader A's score"),
                                 _score("score_b", "reader B's score"),
                                 _score("adjudicated", "the score adjudicated"), REASON))

#: A paragraph's themes by one reader, one row per narrative paragraph and theme.
THEMES = TableSchema((*ANCHOR_FIELDS,
                      Field("theme", required=True, description="a theme of the lexicon"),
                      _label("label", "0 absent, 1 present, 2 dominant"), REASON))

#: The adjudication of the two readers' disagreements on themes.
THEME_ADJUDICATION = TableSchema((*ANCHOR_FIELDS,
                                  Field("theme", required=True, description="a theme"),
                                  _label("label_a", "reader A's label"),
                                  _label("label_b", "reader B's label"),
                                  _label("adjudicated", "the label adjudicated"), REASON))

#: The hand check of four emotions in a sample of sentences (1 present, 0 absent).
EMOTIONS = TableSchema((*ANCHOR_FIELDS, *(
    Field(name, "integer", required=True, minimum=0, maximum=1,
          description=f"1 if the sentence conveys {name}, else 0")
    for name in ("fear", "anger", "sadness", "trust")), REASON))


def load_sentences(chapter: Chapter, path: str | Path, schema: TableSchema) -> pd.DataFrame:
    """Read an annotation of sentences: ``sentence_id, paragraph_id, start, end``, the values, ``text``.

    ``start``, ``end`` and ``text`` are the sentence's, in the chapter as loaded;
    how the rows anchored is ``attrs["anchoring"]``.

    Raises:
        DataFileError: the file breaks ``schema``, a quote is not found or lies
            in no sentence, or two rows annotate one sentence.

    Example:
        >>> emo = load_sentences(chapter, data_path("annotations/emotions_check.csv"), EMOTIONS)
        >>> emo.loc[0, ["sentence_id", "anger"]].tolist()
        [7, 1]
    """
    records = read_records(chapter, path, schema, "sentence")
    values = [f.name for f in schema.fields if f not in ANCHOR_FIELDS]
    out = unit_of(chapter, records, "sentence", path)
    out = out[["sentence_id", "paragraph_id", "start", "end", *values, "text"]].astype(
        {"sentence_id": "int64", "paragraph_id": "int64"})
    out.attrs["anchoring"] = records.attrs["anchoring"]
    return out


def load_paragraphs(chapter: Chapter, path: str | Path, schema: TableSchema,
                    themes: list[str]) -> pd.DataFrame:
    """Read an annotation of paragraph themes: ``paragraph_id, start, end``, the values.

    Each row names a narrative paragraph and one of ``themes`` (once each).

    Raises:
        DataFileError: the file breaks ``schema``, a quote is not found, the
            paragraph is not narrative, the theme is not one of ``themes``, or a
            paragraph and theme are given twice (naming the file and row).

    Example:
        >>> adj = load_paragraphs(chapter, data_path("annotations/themes_adjudication.csv"),
        ...                       THEME_ADJUDICATION, lexicon.names)
        >>> adj[["paragraph_id", "theme", "label_a", "label_b", "adjudicated"]].values[0].tolist()
        [3, 'nep', 2, 1, 2]
    """
    file = Path(path)
    records = read_records(chapter, file, schema, "paragraph")
    kinds = chapter.paragraphs.set_index("paragraph_id")["kind"]
    seen: dict[tuple[int, str], int] = {}
    for row, (pid, theme) in enumerate(zip(records["paragraph_id"], records["theme"]), start=2):
        if kinds[pid] != "narrative":
            raise DataFileError(f"{file}: row {row}, column exact: paragraph {pid} is "
                                f"{kinds[pid]}, not narrative")
        if theme not in themes:
            raise DataFileError(f"{file}: row {row}, column theme: {theme!r} is not one of "
                                f"{', '.join(themes)}")
        if (pid, theme) in seen:
            raise DataFileError(f"{file}: row {row}: paragraph {pid} and theme {theme} are "
                                f"annotated already in row {seen[pid, theme]}")
        seen[pid, theme] = row
    values = [f.name for f in schema.fields if f not in ANCHOR_FIELDS]
    spans = chapter.paragraphs.set_index("paragraph_id").loc[records["paragraph_id"]]
    out = records.assign(start=spans["start"].to_numpy(), end=spans["end"].to_numpy())
    out = out[["paragraph_id", "start", "end", *values]].astype({"paragraph_id": "int64"})
    out.attrs["anchoring"] = records.attrs["anchoring"]
    return out


def load_tone(chapter: Chapter, path: str | Path) -> pd.DataFrame:
    """A reader's tone of sentences (:data:`TONE`): ``sentence_id, paragraph_id, start, end,
    score, reason, text``.

    Example:
        >>> int(load_tone(chapter, data_path("annotations/sentiment_reader_b.csv")).loc[0, "score"])
        0
    """
    return load_sentences(chapter, path, TONE)


def load_tone_adjudication(chapter: Chapter, path: str | Path) -> pd.DataFrame:
    """The adjudicated tone (:data:`TONE_ADJUDICATION`): ``sentence_id, paragraph_id, start,
    end, score_a, score_b, adjudicated, reason, text``.

    Example:
        >>> adj = load_tone_adjudication(chapter, data_path("annotations/sentiment_adjudication.csv"))
        >>> len(adj), bool((adj["score_a"] != adj["score_b"]).all())
        (65, True)
    """
    return load_sentences(chapter, path, TONE_ADJUDICATION)


def load_emotions(chapter: Chapter, path: str | Path) -> pd.DataFrame:
    """The hand check of emotions (:data:`EMOTIONS`): ``sentence_id, paragraph_id, start, end,
    fear, anger, sadness, trust, reason, text``.

    Example:
        >>> emo = load_emotions(chapter, data_path("annotations/emotions_check.csv"))
        >>> emo[["fear", "anger", "sadness", "trust"]].sum().to_dict()
        {'fear': 5, 'anger': 14, 'sadness': 6, 'trust': 8}
    """
    return load_sentences(chapter, path, EMOTIONS)


def load_theme_adjudication(chapter: Chapter, path: str | Path, themes: list[str]
                            ) -> pd.DataFrame:
    """The adjudicated themes (:data:`THEME_ADJUDICATION`): ``paragraph_id, start, end, theme,
    label_a, label_b, adjudicated, reason``.

    Example:
        >>> adj = load_theme_adjudication(chapter, data_path("annotations/themes_adjudication.csv"),
        ...                               lexicon.names)
        >>> len(adj), adj["theme"].value_counts().to_dict()["nep"]
        (24, 9)
    """
    return load_paragraphs(chapter, path, THEME_ADJUDICATION, themes)
