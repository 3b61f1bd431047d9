"""Tests of analysis.sentiment.validation: the five-point scale and the agreement tables."""

from __future__ import annotations

import pandas as pd

from analysis.sentiment import CUTS, SCALE, agreement_table, disagreements, to_scale

S = pd.Series


def test_to_scale_cut_points() -> None:
    assert CUTS == (0.05, 0.5) and SCALE == (-2, -1, 0, 1, 2)
    values = S([-1.0, -0.5, -0.4999, -0.05, -0.0499, 0.0, 0.0499, 0.05, 0.4999, 0.5, 1.0])
    assert to_scale(values).tolist() == [-2, -2, -1, -1, 0, 0, 0, 1, 1, 2, 2]


def test_agreement_table_by_hand() -> None:
    ann = S([-2, -1, 0, 1, 2])
    scores = pd.DataFrame({"same": [-0.9, -0.2, 0.0, 0.3, 0.9],
                           "reversed": [0.9, 0.3, 0.0, -0.2, -0.9]})
    table = agreement_table(ann, scores, n_boot=50).set_index("method")
    assert table.loc["same", ["spearman", "kappa"]].tolist() == [1.0, 1.0]
    assert table.loc["reversed", ["spearman", "kappa"]].tolist() == [-1.0, -1.0]
    assert (table["n"] == 5).all()
    assert table.loc["same", ["spearman_low", "spearman_high"]].tolist() == [1.0, 1.0]


def test_disagreements_orders_by_spread() -> None:
    ann = S([2, 0, -2, 1])
    scores = pd.DataFrame({"a": [1.0, 0.0, 0.8, 0.5], "b": [0.9, 0.05, -1.0, 0.5]})
    # spreads: row 0: 1-0.9 = 0.1; row 1: 0.05; row 2: 0.8-(-1) = 1.8; row 3: 0
    assert disagreements(ann, scores, top=2).index.tolist() == [2, 0]
    assert list(disagreements(ann, scores).columns) == ["annotation", "a", "b"]
