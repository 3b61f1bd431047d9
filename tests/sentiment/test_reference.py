"""Tests of analysis.sentiment.reference: the readers' tone reconciled by adjudication."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import DataFileError
from analysis.sentiment.reference import COLUMNS, tone_reference

SPAN = {"paragraph_id": 1, "start": 0, "end": 1, "text": "x"}


def readers(a: list[int], b: list[int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    ids = list(range(1, len(a) + 1))
    return (pd.DataFrame({"sentence_id": ids, "score": a, **SPAN}),
            pd.DataFrame({"sentence_id": ids, "score": b, **SPAN}))


def adjudicated(rows: list[tuple[int, int, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["sentence_id", "score_a", "score_b", "adjudicated"]
                        ).assign(reason="because")


def test_agreement_stands_and_disagreement_takes_the_adjudicated_score() -> None:
    a, b = readers([-2, 0, 1], [-2, 1, 2])
    ref = tone_reference(a, b, adjudicated([(2, 0, 1, 1), (3, 1, 2, 1)]))
    assert ref.columns.tolist() == COLUMNS
    assert ref["reference"].tolist() == [-2, 1, 1]
    assert ref["how"].tolist() == ["agreed", "adjudicated", "adjudicated"]
    assert ref["reason"].tolist() == ["", "because", "because"]


def test_the_bundled_reference_lies_between_or_on_the_readers(results) -> None:
    ref = results.tone_reference
    low = ref[["reader_a", "reader_b"]].min(axis=1)
    high = ref[["reader_a", "reader_b"]].max(axis=1)
    assert ref["reference"].between(low, high).all()
    assert (ref.loc[ref["how"] == "agreed", "reference"] == ref.loc[ref["how"] == "agreed",
                                                                   "reader_a"]).all()
    assert ref["sentence_id"].is_monotonic_increasing and ref["sentence_id"].is_unique


@pytest.mark.parametrize("rows, message", [
    ([(2, 0, 1, 0)], "the tone adjudication does not fit the readers: 3 is adjudicated"[:45]),
    ([(2, 1, 1, 1), (3, 1, 2, 1)], "gives sentence 2 a score_a of +1, but reader A gave it +0"),
    ([(2, 0, 1, 1), (3, 1, 2, 1), (9, 0, 0, 0)], "gives sentence 9 a score_a of +0, but reader "
                                                 "A gave it no score"),
])
def test_an_adjudication_that_does_not_fit_is_named(rows, message) -> None:
    a, b = readers([-2, 0, 1], [-2, 1, 2])
    with pytest.raises(DataFileError, match=None) as error:
        tone_reference(a, b, adjudicated(rows))
    assert message in str(error.value)
    assert "\n" not in str(error.value)
