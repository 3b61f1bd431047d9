"""The readers' tone of the narration: its files and the reference they give.

Two readers scored every sentence of the narration on the five-point scale
(-2..+2, as the author means it), each without sight of the other's scores or of
any method's; an adjudicator settled the sentences they scored differently.
:func:`load_tone_readings` reads the three files into one
:class:`~analysis.readers.Readings`, whose reference is the reading against
which the lexicon method is measured and beside which its arc is drawn; a text
with no tone annotation has none. How the adjudicator settled the readers'
disagreements is :meth:`~analysis.readers.Readings.settled`.

Example:
    >>> tone = load_tone_readings(chapter, {
    ...     "reader_a": data_path("annotations/sentiment_reader_a.csv"),
    ...     "reader_b": data_path("annotations/sentiment_reader_b.csv"),
    ...     "adjudication": data_path("annotations/sentiment_adjudication.csv")})
    >>> ref = tone.reference()
    >>> len(ref), ref["how"].value_counts().to_dict()
    (319, {'agreed': 254, 'adjudicated': 65})
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from analysis import readers
from analysis.readers import Readings
from analysis.schema import Field, TableSchema
from analysis.text import Chapter
from analysis.text.anchoring import ANCHOR_FIELDS
from analysis.text.annotations import REASON, adjudication_schema, anchoring_note, load_sentences

#: A sentence's tone, as one reader gives it.
SCORE = Field("score", "integer", required=True, minimum=min(readers.TONE),
              maximum=max(readers.TONE),
              description="the tone of the sentence as the author means it, -2 .. +2")

#: A reader's tone of the sentences.
TONE = TableSchema((*ANCHOR_FIELDS, SCORE, REASON))

#: The first reader's tone, with the split of the tuning protocol and the annotation round.
TONE_WITH_SPLIT = TableSchema((
    *ANCHOR_FIELDS,
    Field("split", required=True, enum=("dev", "heldout"),
          description="dev: may be looked at when tuning; heldout: never"),
    Field("batch", "integer", required=True, minimum=1,
          description="the annotation round (2: after the held-out part of batch 1 was scored "
                      "once; 3: the completion, never used for tuning)"),
    SCORE, REASON,
))

#: The adjudication of the two readers' disagreements on tone.
TONE_ADJUDICATION = adjudication_schema(SCORE)


def load_tone_readings(chapter: Chapter, paths: Mapping[str, Path]) -> Readings:
    """The tone annotation of ``chapter``: ``reader_a`` (required), ``reader_b``, ``adjudication``.

    A reader's file may carry the tuning split (``split``, ``batch``:
    :data:`TONE_WITH_SPLIT`) or not (:data:`TONE`); the adjudication follows
    :data:`TONE_ADJUDICATION`. Each table has ``sentence_id, paragraph_id,
    start, end`` (the sentence's span), ``score``, ``reason`` and ``text``; rows
    whose quote is not in this copy of the text are left out, and the
    :class:`~analysis.readers.Readings`' ``notes`` say how many anchored.

    Raises:
        DataFileError: a file is malformed, or the adjudication does not fit the
            readers (naming the file).

    See the module's example.
    """
    def read(role: str, path: Path) -> pd.DataFrame:
        if role == "adjudication":
            return load_sentences(chapter, path, TONE_ADJUDICATION)
        header = Path(path).read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
        return load_sentences(chapter, path, TONE_WITH_SPLIT if "split" in header else TONE)

    tables = {role: read(role, path) for role, path in paths.items()}
    notes = tuple(line for table in tables.values() for line in anchoring_note(table))
    return Readings("tone", ("sentence_id",), "score", readers.TONE, tables["reader_a"],
                    tables.get("reader_b"), tables.get("adjudication"),
                    sources={role: str(path) for role, path in paths.items()}, notes=notes)

