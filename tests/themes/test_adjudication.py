"""Tests of how the readers' disagreements were settled, and of the themes' correlation intervals."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats as scipy_stats

from analysis import themes
from analysis.themes import adjudication


@pytest.fixture(scope="module")
def reference(files, chapter) -> pd.DataFrame:
    return files.readings("themes", chapter).reference()


def test_the_adjudicator_sided_with_reader_b(reference):
    table = adjudication.settled_with(reference).set_index("group")
    # every settled disagreement is one of the 'adjudicated' rows
    assert table["n"].sum() == (reference["how"] == "adjudicated").sum() == 24
    assert table["with_b"].sum() == 21 and table["with_a"].sum() == 3
    assert table.loc["nep"].tolist() == [9, 2, 7, 0]
    assert (table["with_a"] + table["with_b"] + table["neither"] == table["n"]).all()
    assert adjudication.settled_with(reference, by=None)["group"].tolist() == ["all"]


def test_the_reference_is_close_to_reader_b(reference):
    share = adjudication.share_as_reader(reference)
    n = len(reference)
    agreed = int((reference["how"] == "agreed").sum())
    assert share["reader_b"] == pytest.approx((agreed + 21) / n)
    assert share["reader_a"] == pytest.approx((agreed + 3) / n)
    assert adjudication.share_as_reader(reference.iloc[:0]).isna().all()


def test_reader_a_counted_the_famine_as_the_nep(reference):
    famine = adjudication.scope_disagreements(reference, "nep", r"famine|starv|hunger")
    assert famine["paragraph_id"].tolist() == [34, 41, 42, 48, 60, 62]
    assert (famine["reader_a"] > 0).all() and (famine["label"] == 0).all()
    assert famine["reason_a"].str.contains("famine|starv|hunger", case=False).all()
    # a pattern that no reason holds, or a theme without such disagreements
    assert adjudication.scope_disagreements(reference, "nep", "zzz-none").empty
    assert adjudication.scope_disagreements(reference, "terror", "famine").empty


def test_settled_with_a_made_up_set():
    ref = pd.DataFrame({"theme": ["a", "a", "a", "b"], "label": [1, 2, 0, 1],
                        "reader_a": [1, 2, 1, 1], "reader_b": [0, 1, 2, 1],
                        "how": ["adjudicated", "adjudicated", "adjudicated", "agreed"]})
    table = adjudication.settled_with(ref).set_index("group")
    assert table.loc["a"].tolist() == [3, 2, 0, 1]
    assert table.loc["b"].tolist() == [0, 0, 0, 0]


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
