"""Tests of analysis.agreement, checked against computations done by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.agreement import (
    agreement_table,
    bootstrap_ci,
    disagreements,
    paired_difference,
    spearman,
    to_scale,
    weighted_kappa,
)

S = pd.Series


def test_spearman_by_hand_without_ties() -> None:
    # d = (0, 1, 1, 0): rho = 1 - 6 * 2 / (4 * (16 - 1)) = 0.8
    assert spearman(S([1, 2, 3, 4]), S([1, 3, 2, 4])) == pytest.approx(0.8)


def test_spearman_by_hand_with_ties() -> None:
    # mid-ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4): Pearson of ranks = 4.5 / sqrt(4.5 * 5)
    assert spearman(S([1, 2, 2, 3]), S([1, 2, 3, 4])) == pytest.approx(3 / math.sqrt(10))


def test_spearman_undefined_for_constant_input() -> None:
    assert math.isnan(spearman(S([1, 1, 1]), S([1, 2, 3])))


def test_quadratic_kappa_by_hand() -> None:
    # a = (0,0,1,2), b = (0,1,1,2), weights (i-j)^2/4: D_o = 0.25/4 = 0.0625;
    # marginals a (.5,.25,.25), b (.25,.5,.25): D_e = 0.3125; kappa = 1 - 0.2 = 0.8
    assert weighted_kappa(S([0, 0, 1, 2]), S([0, 1, 1, 2]), (0, 1, 2)) == pytest.approx(0.8)


def test_linear_kappa_by_hand() -> None:
    # weights |i-j|/2: D_o = 0.125, D_e = 0.4375, kappa = 1 - 2/7 = 5/7
    assert weighted_kappa(S([0, 0, 1, 2]), S([0, 1, 1, 2]), (0, 1, 2), "linear") \
        == pytest.approx(5 / 7)


def test_kappa_on_the_five_point_scale_by_hand() -> None:
    # a = (-2, 2), b = (2, -2): every pair at the maximum weight 1, D_o = 1;
    # both marginals (.5 at -2, .5 at 2): D_e = .5*.5*1 * 2 = 0.5; kappa = 1 - 2 = -1
    assert weighted_kappa(S([-2, 2]), S([2, -2])) == pytest.approx(-1.0)
    assert weighted_kappa(S([-2, 0, 2]), S([-2, 0, 2])) == 1.0


def test_kappa_undefined_without_variation() -> None:
    assert math.isnan(weighted_kappa(S([0, 0]), S([0, 0])))


def test_to_scale_cut_points() -> None:
    values = S([-1.0, -0.5, -0.4999, -0.05, -0.0499, 0.0, 0.0499, 0.05, 0.4999, 0.5, 1.0])
    assert to_scale(values).tolist() == [-2, -2, -1, -1, 0, 0, 0, 1, 1, 2, 2]


@given(st.lists(st.tuples(st.integers(-2, 2), st.integers(-2, 2)), min_size=2, max_size=40))
def test_kappa_is_symmetric_and_at_most_one(pairs: list[tuple[int, int]]) -> None:
    a, b = S([p[0] for p in pairs]), S([p[1] for p in pairs])
    k = weighted_kappa(a, b)
    if not math.isnan(k):
        assert k <= 1.0 + 1e-12
        assert k == pytest.approx(weighted_kappa(b, a))


@given(st.lists(st.floats(-1, 1), min_size=3, max_size=40))
def test_spearman_bounded_and_one_with_itself(values: list[float]) -> None:
    x = S(values)
    rho = spearman(x, x)
    if not math.isnan(rho):
        assert rho == pytest.approx(1.0)
        assert -1.0 <= spearman(x, x[::-1].reset_index(drop=True)) <= 1.0


def test_bootstrap_ci_is_seeded_and_brackets_the_estimate() -> None:
    rng = np.random.default_rng(1)
    a = S(rng.normal(size=80))
    b = S(a + rng.normal(size=80))
    first = bootstrap_ci(spearman, a, b, n_boot=300, seed=3)
    assert first == bootstrap_ci(spearman, a, b, n_boot=300, seed=3)
    assert first[0] < spearman(a, b) < first[1]
    assert first != bootstrap_ci(spearman, a, b, n_boot=300, seed=4)


def test_agreement_table_by_hand() -> None:
    ann = S([-2, -1, 0, 1, 2])
    scores = pd.DataFrame({"same": [-0.9, -0.2, 0.0, 0.3, 0.9],
                           "reversed": [0.9, 0.3, 0.0, -0.2, -0.9]})
    table = agreement_table(ann, scores, n_boot=50).set_index("method")
    assert table.loc["same", ["spearman", "kappa"]].tolist() == [1.0, 1.0]
    assert table.loc["reversed", ["spearman", "kappa"]].tolist() == [-1.0, -1.0]
    assert (table["n"] == 5).all()


def test_paired_difference_of_identical_methods_is_zero() -> None:
    ann = S([-2, -1, 0, 1, 2, 1])
    x = S([-0.5, -0.1, 0.2, 0.1, 0.6, 0.0])
    assert paired_difference(ann, x, x, n_boot=50) == (0.0, 0.0, 0.0)


def test_disagreements_orders_by_spread() -> None:
    ann = S([2, 0, -2, 1])
    scores = pd.DataFrame({"a": [1.0, 0.0, 0.8, 0.5], "b": [0.9, 0.05, -1.0, 0.5]})
    # spreads: row 0: 1-0.9 = 0.1; row 1: 0.05; row 2: 0.8-(-1) = 1.8; row 3: 0
    assert disagreements(ann, scores, top=2).index.tolist() == [2, 0]
    assert list(disagreements(ann, scores).columns) == ["annotation", "a", "b"]
