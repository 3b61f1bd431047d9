"""Tests of analysis.stats (the one implementation of each statistic), checked by hand."""

from __future__ import annotations

import math
from functools import partial

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scipy.stats.contingency import chi2_contingency

from analysis import stats
from analysis.stats import (
    auc,
    auc_rows,
    bootstrap,
    bootstrap_mean,
    group_difference,
    log_dice,
    log_likelihood,
    paired_difference,
    percentile_interval,
    resample,
    scores_by_group,
    spearman,
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


def test_bootstrap_is_seeded_and_brackets_the_estimate() -> None:
    rng = np.random.default_rng(1)
    a = S(rng.normal(size=80))
    b = S(a + rng.normal(size=80))
    first = bootstrap(spearman, a, b, n_boot=300, seed=3)
    assert first == bootstrap(spearman, a, b, n_boot=300, seed=3)
    assert first[0] < spearman(a, b) < first[1]
    assert first != bootstrap(spearman, a, b, n_boot=300, seed=4)
    narrower = bootstrap(spearman, a, b, n_boot=300, seed=3, level=0.5)
    assert first[0] <= narrower[0] <= narrower[1] <= first[1]


def test_bootstrap_resamples_rows_together() -> None:
    # the pairs (x, x) stay pairs: the statistic of every resample is 1 (or undefined)
    x = S([1.0, 2.0, 3.0, 4.0, 5.0])
    assert bootstrap(spearman, x, x, n_boot=100) == (1.0, 1.0)


def test_resample_and_percentile_interval() -> None:
    draws = resample(5, 7, 2)
    assert draws.shape == (7, 5) and draws.min() >= 0 and draws.max() <= 4
    assert (draws == resample(5, 7, 2)).all()
    shared = np.random.default_rng(0)
    assert not (resample(5, 7, shared) == resample(5, 7, shared)).all()  # one stream, two draws
    assert percentile_interval(np.array([1.0, 2.0, 3.0, np.nan]), level=0.5) == (1.5, 2.5)
    assert all(math.isnan(v) for v in percentile_interval(np.array([np.nan])))
    low, high = percentile_interval(np.array([[0.0, 10.0], [1.0, 11.0], [2.0, 12.0]]), 0.5, axis=0)
    assert low.tolist() == [0.5, 10.5] and high.tolist() == [1.5, 11.5]


def test_bootstrap_mean_of_a_constant() -> None:
    assert bootstrap_mean(np.array([0.25] * 4), n_boot=30) == (0.25, 0.25, 0.25)
    mean, low, high = bootstrap_mean(np.array([0.0, 1.0, 2.0, 3.0]), n_boot=300)
    assert mean == 1.5 and 0.0 <= low < mean < high <= 3.0


def test_paired_difference_of_identical_methods_is_zero() -> None:
    ann = S([-2, -1, 0, 1, 2, 1])
    x = S([-0.5, -0.1, 0.2, 0.1, 0.6, 0.0])
    assert paired_difference(ann, x, x, n_boot=50) == (0.0, 0.0, 0.0)


# --- AUC ---------------------------------------------------------------------------------

@given(st.lists(st.tuples(st.floats(0, 10, allow_nan=False), st.booleans()), min_size=2,
                max_size=40).filter(lambda rows: 0 < sum(p for _, p in rows) < len(rows)))
def test_auc_is_the_pairwise_probability(rows: list[tuple[float, bool]]) -> None:
    scores = np.array([s for s, _ in rows])
    present = np.array([p for _, p in rows])
    pairs = [(a > b) + 0.5 * (a == b) for a in scores[present] for b in scores[~present]]
    assert auc(scores, present) == pytest.approx(np.mean(pairs))
    boot = auc_rows(scores[None, :], present[None, :])
    assert boot[0] == pytest.approx(np.mean(pairs))


def test_auc_rows_is_undefined_for_one_class() -> None:
    with np.errstate(invalid="ignore"):
        assert math.isnan(auc_rows(np.array([[1.0, 2.0]]), np.array([[True, True]]))[0])


# --- log-likelihood and log-Dice -----------------------------------------------------------

@given(st.tuples(*[st.integers(0, 200)] * 4).filter(lambda t: min(t[0] + t[1], t[2] + t[3],
                                                                 t[0] + t[2], t[1] + t[3]) > 0))
def test_log_likelihood_agrees_with_scipy(cells: tuple[int, int, int, int]) -> None:
    a, b, c, d = cells
    ours = float(log_likelihood(np.array(a), np.array(b), np.array(c), np.array(d)))
    theirs = chi2_contingency([[a, b], [c, d]], correction=False, lambda_="log-likelihood")[0]
    assert ours == pytest.approx(theirs, abs=1e-9)
    assert ours >= -1e-12


def test_log_dice_by_hand() -> None:
    assert float(log_dice(np.array(3), 3, np.array(3))) == 14.0  # always together
    assert float(log_dice(np.array(1), 6, np.array(1))) == pytest.approx(14 + math.log2(2 / 7))


# --- groups ------------------------------------------------------------------------------

def test_scores_by_group_by_hand() -> None:
    table = scores_by_group(pd.Series([0.0, 1.0, -1.0, -1.0, -1.0]),
                            pd.Series(["a", "a", "b", "b", "b"]), n_boot=200)
    a, b = table.set_index("group").loc["a"], table.set_index("group").loc["b"]
    assert (a["n"], a["mean"], b["n"], b["mean"]) == (2, 0.5, 3, -1.0)
    assert 0.0 <= a["low"] <= a["mean"] <= a["high"] <= 1.0
    assert b["low"] == b["high"] == -1.0


def test_cluster_bootstrap_redraws_whole_paragraphs() -> None:
    # two paragraphs (2 sentences at +1, 4 at -1): drawing 2 whole paragraphs gives
    # means 1 (1+1), -1 (2+2) or (2 - 4) / 6 = -1/3 (1+2), nothing else
    scores = pd.Series([1.0, 1.0, -1.0, -1.0, -1.0, -1.0])
    groups = pd.Series(["g"] * 6)
    clusters = pd.Series([1, 1, 2, 2, 2, 2])
    t = scores_by_group(scores, groups, clusters, n_boot=400).iloc[0]
    assert (t["n"], t["n_clusters"]) == (6, 2)
    assert t["low"] == -1.0 and t["high"] == 1.0
    assert t["mean"] == pytest.approx(-1 / 3)
    naive = scores_by_group(scores, groups, n_boot=400).iloc[0]
    assert naive["high"] - naive["low"] < t["high"] - t["low"]
    means = stats.cluster_bootstrap_means(scores.to_numpy(), clusters.to_numpy(), 200)
    assert set(np.round(means, 6)) <= {1.0, -1.0, round(-1 / 3, 6)}


def test_group_difference_by_hand() -> None:
    s = pd.Series([0.2, 0.4, -0.5, -0.7, -0.6])
    g = pd.Series(["nep", "nep", "terror", "terror", "terror"])
    d = group_difference(s, g, "terror", "nep", n_boot=300)
    assert d["difference"] == pytest.approx(-0.6 - 0.3)
    assert d["low"] <= d["difference"] <= d["high"] < 0


@given(st.integers(2, 40).flatmap(lambda n: st.tuples(
    st.lists(st.integers(-2, 2), min_size=n, max_size=n),
    st.lists(st.integers(-2, 2), min_size=n, max_size=n),
    st.lists(st.floats(-1, 1, allow_nan=False), min_size=n, max_size=n))),
    st.integers(0, 2**16))
def test_the_rowwise_statistics_equal_one_call_per_resample(data, seed: int) -> None:
    a, b, x = (np.array(v) for v in data)
    draws = stats.resample(len(a), 30, seed)
    for rows, one, u, v in [(stats.spearman_rows, stats.spearman, a, x),
                            (stats.weighted_kappa_rows, stats.weighted_kappa, a, b)]:
        fast = rows(u[draws], v[draws])
        slow = np.array([one(pd.Series(u[r]), pd.Series(v[r])) for r in draws])
        np.testing.assert_array_equal(fast, slow)


def test_the_bootstrap_takes_the_rowwise_statistic_where_there_is_one() -> None:
    assert stats.rowwise(stats.spearman) is stats.spearman_rows
    kappa = stats.rowwise(partial(stats.weighted_kappa, categories=(0, 1, 2)))
    assert kappa(np.array([[0, 0, 1, 2]]), np.array([[0, 1, 1, 2]])).tolist() == [0.8]
    assert stats.rowwise(lambda u, v: 0.0) is None
    with pytest.raises(ValueError, match="not one of the categories"):
        stats.weighted_kappa_rows(np.array([[0, 3]]), np.array([[0, 1]]), (0, 1, 2))
