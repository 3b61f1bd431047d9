"""Span and hindsight agreement, the readers' disagreements and the reference they give."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.errors import DataFileError
from analysis.timeline.annotations import (hindsight_disagreements, hindsight_reference,
                                           time_disagreements, time_reference)
from analysis.timeline.validation import hindsight_agreement, match_spans, span_agreement


def spans(rows: list[tuple[int, int, str, str]], paragraph: int = 1) -> pd.DataFrame:
    return pd.DataFrame([{"start": a, "end": b, "text": f"t{a}", "type": t, "value": v,
                          "paragraph_id": paragraph, "sentence_id": 1, "reason": "r"}
                         for a, b, t, v in rows])


A = spans([(0, 4, "DATE", "1921"), (10, 18, "DATE", "1920"), (30, 33, "DATE", "PRESENT_REF"),
           (50, 60, "DURATION", "P18M")])
B = spans([(0, 4, "DATE", "1921"), (10, 18, "DATE", "1921"), (28, 33, "DATE", "PRESENT_REF"),
           (70, 75, "AGE", "P41Y")])


def test_match_spans_exact_then_overlap() -> None:
    m = match_spans(A, B)
    assert m.values.tolist() == [[0, 0, "exact"], [1, 1, "exact"], [2, 2, "overlap"],
                                 [3, -1, "none"], [-1, 3, "none"]]


def test_span_agreement_counts() -> None:
    r = span_agreement(A, B, [1], n_boot=20)
    assert (r["n_x"], r["n_y"], r["n_exact"], r["n_relaxed"]) == (4, 4, 2, 3)
    assert r["exact_f1"] == 0.5 and r["relaxed_f1"] == 0.75
    assert r["type_accuracy"] == 1.0 and r["value_accuracy"] == pytest.approx(0.667)


def test_identical_sets_agree_fully() -> None:
    r = span_agreement(A, A, [1, 2], n_boot=30)
    assert r["exact_f1"] == r["exact_f1_low"] == r["exact_f1_high"] == 1.0


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 12)), min_size=1, max_size=15),
       st.lists(st.tuples(st.integers(0, 200), st.integers(1, 12)), min_size=1, max_size=15))
def test_matching_is_one_to_one_and_bounded(xs: list, ys: list) -> None:
    x = spans([(a, a + n, "DATE", "1921") for a, n in xs])
    y = spans([(a, a + n, "DATE", "1921") for a, n in ys])
    m = match_spans(x, y)
    matched = m[m["match"] != "none"]
    assert matched["x"].is_unique and matched["y"].is_unique
    assert len(m) == len(x) + len(y) - len(matched)
    r = span_agreement(x, y, [1], n_boot=5)
    assert 0 <= r["exact_f1"] <= r["relaxed_f1"] <= 1


def test_disagreements_kinds() -> None:
    d = time_disagreements(A, B)
    assert d["kind"].tolist() == ["value", "boundaries", "only_a", "only_b"]
    assert d["disagreement"].tolist() == [1, 2, 3, 4]


def adjudication(rows: list[tuple[int, int, str, str, int]]) -> pd.DataFrame:
    return pd.DataFrame([{"start": a, "end": b, "text": f"t{a}", "type": t, "value": v,
                          "keep": k, "reason": "rule"} for a, b, t, v, k in rows])


def test_reference_from_adjudication() -> None:
    adj = adjudication([(10, 18, "DATE", "1920", 1), (28, 33, "DATE", "PRESENT_REF", 1),
                        (50, 60, "DURATION", "P18M", 1), (70, 75, "", "", 0)])
    ref = time_reference(A, B, adj)
    assert ref["start"].tolist() == [0, 10, 28, 50]
    assert ref["how"].tolist() == ["agreed", "adjudicated", "adjudicated", "adjudicated"]


@pytest.mark.parametrize(("rows", "message"), [
    ([(10, 18, "DATE", "1920", 1), (28, 33, "DATE", "PRESENT_REF", 1),
      (50, 60, "DURATION", "P18M", 1)], "is not adjudicated"),
    ([(10, 18, "DATE", "1920", 1), (28, 33, "DATE", "PRESENT_REF", 1),
      (50, 60, "DURATION", "P18M", 1), (70, 75, "", "", 0), (90, 95, "DATE", "1", 1)],
     "lies over no disagreement"),
    ([(2, 18, "DATE", "1920", 1), (28, 33, "DATE", "PRESENT_REF", 1),
      (50, 60, "DURATION", "P18M", 1), (70, 75, "", "", 0)], "on which the readers agree"),
    ([(10, 18, "", "", 1), (28, 33, "DATE", "PRESENT_REF", 1),
      (50, 60, "DURATION", "P18M", 1), (70, 75, "", "", 0)], "needs its type and value"),
])
def test_a_faulty_time_adjudication_is_named(rows: list, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        time_reference(A, B, adjudication(rows))


HA = pd.DataFrame({"sentence_id": [5, 9, 12], "later": ["1936", "FUTURE_REF", "PRESENT_REF"],
                   "reason": ["r"] * 3})
HB = pd.DataFrame({"sentence_id": [5, 12, 20], "later": ["1936", "FUTURE_REF", "1937"],
                   "reason": ["r"] * 3})


def hadj(rows: list[tuple[int, int, int, int, str]]) -> pd.DataFrame:
    return pd.DataFrame([{"sentence_id": s, "hindsight_a": a, "hindsight_b": b, "hindsight": h,
                          "later": later, "reason": "rule"} for s, a, b, h, later in rows])


def test_hindsight_disagreements_and_reference() -> None:
    assert hindsight_disagreements(HA, HB)[["sentence_id", "kind"]].values.tolist() == [
        [9, "only_a"], [12, "later"], [20, "only_b"]]
    ref = hindsight_reference(HA, HB, hadj([(9, 1, 0, 0, ""), (20, 0, 1, 1, "1937"),
                                            (12, 1, 1, 1, "PRESENT_REF")]))
    assert ref[["sentence_id", "later", "how"]].values.tolist() == [
        [5, "1936", "agreed"], [12, "PRESENT_REF", "agreed, later adjudicated"],
        [20, "1937", "adjudicated"]]
    unsettled = hindsight_reference(HA, HB, hadj([(9, 1, 0, 0, ""), (20, 0, 1, 1, "1937")]))
    assert unsettled.loc[unsettled["sentence_id"] == 12, "later"].item() == "PRESENT_REF / FUTURE_REF"


@pytest.mark.parametrize(("rows", "message"), [
    ([(9, 1, 0, 0, "")], "sentence 20 is listed by one reader only"),
    ([(9, 0, 0, 0, ""), (20, 0, 1, 1, "1937")], "but the readers' files give 1 and 0"),
    ([(9, 1, 0, 0, ""), (20, 0, 1, 1, ""), (5, 1, 1, 1, "1936")], "nothing to adjudicate"),
])
def test_a_faulty_hindsight_adjudication_is_named(rows: list, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        hindsight_reference(HA, HB, hadj(rows))


def test_hindsight_agreement_kappa() -> None:
    sentences = pd.DataFrame({"sentence_id": range(1, 21), "paragraph_id": np.repeat(range(5), 4)})
    same = hindsight_agreement([1, 5, 9], [1, 5, 9], sentences, n_boot=30)
    assert same["kappa"] == 1.0 and same["agreement"] == 1.0
    half = hindsight_agreement([1, 5], [1, 9], sentences, n_boot=30)
    assert half["precision"] == 0.5 and half["recall"] == 0.5
    assert half["kappa_low"] <= half["kappa"] <= half["kappa_high"]
