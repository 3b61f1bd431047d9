"""The reference tone of the narration: two readers' scores, reconciled by adjudication.

Two readers scored every sentence of the narration on the five-point scale
(-2..+2, as Serge means it), each without sight of the other's scores or of any
method's. Where they agree, their score is the reference; where they disagree,
the adjudicated score is (:func:`analysis.readers.reference`). The reference is
the close reading against which the lexicon method is measured and beside which
its arc is drawn; an unannotated text has none.

Example:
    >>> from analysis.sentiment import load_annotations
    >>> from analysis.text.annotations import load_tone, load_tone_adjudication
    >>> a = load_annotations(chapter, data_path("annotations/sentiment_reader_a.csv"))
    >>> b = load_tone(chapter, data_path("annotations/sentiment_reader_b.csv"))
    >>> adj = load_tone_adjudication(chapter, data_path("annotations/sentiment_adjudication.csv"))
    >>> ref = tone_reference(a, b, adj)
    >>> len(ref), ref["how"].value_counts().to_dict()
    (319, {'agreed': 254, 'adjudicated': 65})
"""

from __future__ import annotations

import pandas as pd

from analysis import readers
from analysis.errors import AnalysisError, DataFileError

#: The columns of a reference table.
COLUMNS: list[str] = ["sentence_id", "paragraph_id", "start", "end", "reader_a", "reader_b",
                      "reference", "how", "reason", "text"]


def tone_reference(reader_a: pd.DataFrame, reader_b: pd.DataFrame,
                   adjudication: pd.DataFrame) -> pd.DataFrame:
    """The reference tone of every sentence both readers scored.

    Args:
        reader_a, reader_b: each reader's scores, as loaded
            (:func:`analysis.sentiment.validation.load_annotations`,
            :func:`analysis.text.annotations.load_tone`): ``sentence_id``,
            ``score`` and the sentence's ``paragraph_id, start, end, text``.
        adjudication: the adjudicated disagreements
            (:func:`analysis.text.annotations.load_tone_adjudication`), whose
            ``score_a`` and ``score_b`` must be the readers' own scores.

    Returns:
        :data:`COLUMNS`: each reader's score, the ``reference``, ``how`` it was
        reached (``agreed`` or ``adjudicated``) and the adjudicator's ``reason``
        (empty where the readers agreed), in text order.

    Raises:
        DataFileError: the adjudication gives a reader a score that reader did
            not give, leaves a disagreement unadjudicated, or adjudicates a
            sentence the readers agree on.

    Example:
        >>> span = {"paragraph_id": 1, "start": 0, "end": 1, "text": "x"}
        >>> a = pd.DataFrame({"sentence_id": [1, 2], "score": [-1, 0], **span})
        >>> b = pd.DataFrame({"sentence_id": [1, 2], "score": [-1, 1], **span})
        >>> adj = pd.DataFrame({"sentence_id": [2], "score_a": [0], "score_b": [1],
        ...                     "adjudicated": [0], "reason": ["a neutral report"]})
        >>> tone_reference(a, b, adj)[["sentence_id", "reference", "how"]].values.tolist()
        [[1, -1, 'agreed'], [2, 0, 'adjudicated']]
    """
    given = {"a": reader_a.set_index("sentence_id")["score"],
             "b": reader_b.set_index("sentence_id")["score"]}
    for reader, scores in given.items():
        column = f"score_{reader}"
        recorded = adjudication.set_index("sentence_id")[column]
        actual = scores.reindex(recorded.index)
        wrong = recorded.index[actual.isna().to_numpy() | (actual != recorded).to_numpy()]
        if len(wrong):
            sid = int(wrong[0])
            has = "no score" if pd.isna(actual[sid]) else f"{int(actual[sid]):+d}"
            raise DataFileError(f"the adjudication gives sentence {sid} a {column} of "
                                f"{int(recorded[sid]):+d}, but reader {reader.upper()} gave it {has}")
    values = [df[["sentence_id", "score"]].rename(columns={"score": "value"})
              for df in (reader_a, reader_b)]
    adjudicated = adjudication[["sentence_id", "adjudicated", "reason"]].rename(
        columns={"adjudicated": "value"})
    try:
        ref = readers.reference(*values, adjudicated, "sentence_id")
    except AnalysisError as error:  # the readers' own check, named as a data problem
        raise DataFileError(f"the tone adjudication does not fit the readers: {error}") from None
    spans = reader_b[["sentence_id", "paragraph_id", "start", "end", "text"]]
    out = ref.merge(spans, on="sentence_id").sort_values("sentence_id")
    return out[COLUMNS].reset_index(drop=True)
