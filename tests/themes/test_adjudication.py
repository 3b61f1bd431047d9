"""Tests of how the readers' disagreements on themes were settled (:meth:`Readings.settled` on the
bundled files), what one rule of scope explains, and the themes' correlation intervals."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats as scipy_stats

from analysis import themes
from analysis.readers import THEME, Readings
from analysis.themes import adjudication


@pytest.fixture(scope="module")
def readings(files, chapter) -> Readings:
    return files.readings("themes", chapter)


@pytest.fixture(scope="module")
def reference(readings) -> pd.DataFrame:
    return readings.reference()


def test_the_adjudicator_sided_with_reader_b(readings, reference):
    table = readings.settled(by="theme").set_index("group")
    # every settled disagreement is one of the 'adjudicated' rows, and each disagreement is settled
    assert table["settled"].sum() == (reference["how"] == "adjudicated").sum() == 24
    assert (table["disagreements"] == table["settled"]).all()
    assert table["with_b"].sum() == 21 and table["with_a"].sum() == 3
    assert table.loc["nep", ["settled", "with_a", "with_b", "neither"]].tolist() == [9, 2, 7, 0]
    assert (table["with_a"] + table["with_b"] + table["neither"] == table["settled"]).all()
    assert readings.settled()["group"].tolist() == ["all"]


def test_the_reference_is_close_to_reader_b(readings, reference):
    every = readings.settled().iloc[0]
    n = len(reference)
    agreed = int((reference["how"] == "agreed").sum())
    assert every["units"] == n
    assert every["as_b"] == pytest.approx((agreed + 21) / n)
    assert every["as_a"] == pytest.approx((agreed + 3) / n)


def test_reader_a_counted_the_famine_as_the_nep(reference):
    famine = adjudication.scope_disagreements(reference, "nep", r"famine|starv|hunger")
    assert famine["paragraph_id"].tolist() == [34, 41, 42, 48, 60, 62]
    assert (famine["reader_a"] > 0).all() and (famine["label"] == 0).all()
    assert famine["reason_a"].str.contains("famine|starv|hunger", case=False).all()
    # a pattern that no reason holds, or a theme without such disagreements
    assert adjudication.scope_disagreements(reference, "nep", "zzz-none").empty
    assert adjudication.scope_disagreements(reference, "terror", "famine").empty


def test_settled_on_a_made_up_set():
    a = pd.DataFrame({"paragraph_id": [1, 2, 3, 4], "theme": ["a", "a", "a", "b"],
                      "label": [1, 2, 1, 1]})
    b = a.assign(label=[0, 1, 2, 1])
    adj = pd.DataFrame({"paragraph_id": [1, 2, 3], "theme": ["a", "a", "a"], "label_a": [1, 2, 1],
                        "label_b": [0, 1, 2], "adjudicated": [1, 2, 0], "reason": ["x"] * 3})
    found = Readings("themes", ("paragraph_id", "theme"), "label", THEME, a, b, adj)
    table = found.settled(by="theme").set_index("group")
    columns = ["disagreements", "settled", "with_a", "with_b", "neither"]
    assert table.loc["a", columns].tolist() == [3, 3, 2, 0, 1]
    assert table.loc["b", columns].tolist() == [0, 0, 0, 0, 0]  # a theme without disagreement


# --- how the themes' scores rise and fall together -----------------------------------


def test_terror_and_free_thought_correlate_weakly(chapter, lexicon):
    scores = themes.paragraph_scores(chapter, lexicon)
    ids = chapter.narrative_ids()
    table = themes.correlation_intervals(scores, ids, n_boot=500).set_index(["theme_a", "theme_b"])
    row = table.loc[("terror", "free_thought")]
    narrative = scores[scores["paragraph_id"].isin(ids)]
    expected = scipy_stats.spearmanr(narrative["terror"], narrative["free_thought"]).statistic
    assert row["rho"] == pytest.approx(expected) and row["n"] == 52
    assert abs(row["rho"]) < 0.3  # weak
    assert row["rho_low"] < 0 < row["rho_high"]  # and its interval includes zero
    assert list(table.index) == [("terror", "nep"), ("terror", "free_thought"),
                                 ("nep", "free_thought")]


@given(st.lists(st.floats(0, 10, allow_nan=False), min_size=3, max_size=30))
def test_correlation_interval_holds_its_estimate(values):
    x = np.array(values)
    scores = pd.DataFrame({"paragraph_id": range(len(x)), "start": 0, "end": 0,
                           "one": x, "two": x[::-1], "flat": 1.0})
    table = themes.correlation_intervals(scores, n_boot=50)
    assert len(table) == 3
    assert table.loc[table["theme_b"] == "flat", "rho"].isna().all()  # a constant score
    defined = table.dropna(subset=["rho", "rho_low", "rho_high"])
    assert ((defined["rho_low"] <= defined["rho_high"]) & (defined["rho"].abs() <= 1)).all()
