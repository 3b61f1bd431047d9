"""Two readers and their adjudication: the reference and the agreement measures."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.errors import AnalysisError
from analysis.readers import THEME, TONE, agreement, disagreements, paired, reference


def _table(values: list[int]) -> pd.DataFrame:
    return pd.DataFrame({"unit": range(1, len(values) + 1), "value": values})


def test_the_reference_takes_agreed_values_and_adjudicates_the_rest() -> None:
    a, b = _table([-2, 0, 1, 2]), _table([-2, 1, 1, 0])
    adjudicated = pd.DataFrame({"unit": [2, 4], "value": [1, 1], "reason": ["x", "y"]})
    table = reference(a, b, adjudicated, "unit")
    assert table["reference"].tolist() == [-2, 1, 1, 1]
    assert table["how"].tolist() == ["agreed", "adjudicated", "agreed", "adjudicated"]
    assert table["reason"].tolist() == ["", "x", "", "y"]


def test_a_disagreement_without_a_value_and_a_needless_one_are_refused() -> None:
    a, b = _table([0, 1]), _table([0, 2])
    with pytest.raises(AnalysisError, match="disagree on 2 and no adjudicated value"):
        reference(a, b, pd.DataFrame({"unit": [], "value": []}), "unit")
    with pytest.raises(AnalysisError, match="1 is adjudicated, but the readers agree"):
        reference(a, b, pd.DataFrame({"unit": [1, 2], "value": [0, 2]}), "unit")


def test_units_only_one_reader_annotated_are_left_out() -> None:
    assert paired(_table([0, 1, 2]), _table([0, 1]), "unit")["unit"].tolist() == [1, 2]
    assert disagreements(_table([0, 1, 2]), _table([0, 2, 2]), "unit")["unit"].tolist() == [2]


def test_composite_keys_work() -> None:
    a = pd.DataFrame({"p": [1, 1], "theme": ["x", "y"], "value": [0, 2]})
    b = a.assign(value=[0, 1])
    adjudicated = pd.DataFrame({"p": [1], "theme": ["y"], "value": [2]})
    assert reference(a, b, adjudicated, ["p", "theme"])["reference"].tolist() == [0, 2]


def test_agreement_of_identical_and_of_unrelated_ratings() -> None:
    rng = np.random.default_rng(1)
    x = pd.Series(rng.choice(TONE, 200))
    same = agreement(x, x, TONE, n_boot=100)
    assert same["alpha"] == same["kappa"] == same["exact"] == 1.0
    unrelated = agreement(x, pd.Series(rng.choice(TONE, 200)), TONE, n_boot=100)
    assert abs(unrelated["alpha"]) < 0.2 and unrelated["alpha_low"] < 0 < unrelated["alpha_high"]


@given(st.lists(st.sampled_from(THEME), min_size=5, max_size=40),
       st.lists(st.sampled_from(THEME), min_size=5, max_size=40))
def test_measures_lie_in_range_and_intervals_hold_the_estimate(x: list[int], y: list[int]) -> None:
    n = min(len(x), len(y))
    result = agreement(pd.Series(x[:n]), pd.Series(y[:n]), THEME, n_boot=30)
    assert 0 <= result["exact"] <= 1
    for name in ("alpha", "kappa", "spearman"):
        value = result[name]
        if not np.isnan(value):
            assert -1 - 1e-9 <= value <= 1 + 1e-9
