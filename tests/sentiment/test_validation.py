"""Tests of analysis.sentiment.validation: the five-point scale and the agreement tables."""

from __future__ import annotations

import pandas as pd

from analysis.readers import TONE
from analysis.sentiment import (CUTS, METHODS, RECOMMENDED, agreement_table, largest_differences,
                                to_scale)
from analysis.sentiment.validation import against_readers

S = pd.Series


def test_to_scale_cut_points() -> None:
    assert CUTS == (0.05, 0.5) and TONE == (-2, -1, 0, 1, 2)
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


def test_largest_differences_orders_by_spread() -> None:
    ann = S([2, 0, -2, 1])
    scores = pd.DataFrame({"a": [1.0, 0.0, 0.8, 0.5], "b": [0.9, 0.05, -1.0, 0.5]})
    # spreads: row 0: 1-0.9 = 0.1; row 1: 0.05; row 2: 0.8-(-1) = 1.8; row 3: 0
    assert largest_differences(ann, scores, top=2).index.tolist() == [2, 0]
    assert list(largest_differences(ann, scores).columns) == ["annotation", "a", "b"]


def test_against_readers_puts_the_readers_first_and_scores_each_method_against_each() -> None:
    frame = pd.DataFrame({"reader_a": [-2, -1, 0, 1, 2], "reader_b": [-2, -1, 0, 1, 2],
                          "score": [-2, -1, 0, 1, 2],
                          "same": [-0.9, -0.2, 0.0, 0.3, 0.9],
                          "reversed": [0.9, 0.3, 0.0, -0.2, -0.9]})
    table = against_readers(frame, ["same", "reversed"], n_boot=50)
    assert table["comparison"].tolist() == [
        "reader A vs reader B", "same vs reader A", "reversed vs reader A", "same vs reader B",
        "reversed vs reader B", "same vs reference", "reversed vs reference"]
    rows = table.set_index("comparison")
    assert rows.loc["reader A vs reader B", ["spearman", "kappa"]].tolist() == [1.0, 1.0]
    assert rows.loc["reversed vs reference", ["spearman", "kappa"]].tolist() == [-1.0, -1.0]
    assert (table["n"] == 5).all()


def test_the_method_stays_below_the_readers_ceiling(results) -> None:
    # the held-out sentences of the narration: the readers agree far more than any lexicon does
    # the reference carries reader A's tuning split
    held = results.tone_reference.merge(results.sentence_scores, on=["sentence_id", "paragraph_id",
                                                                     "start", "end"])
    held = held[held["split"] == "heldout"]
    table = against_readers(held, list(METHODS), n_boot=100).set_index(["method", "against"])
    ceiling = table.loc[("reader A", "reader B")]
    assert len(held) == 238 and ceiling["spearman"] > 0.9
    method = table.loc[(RECOMMENDED, "reference")]
    assert 0.4 < method["spearman"] < 0.6 and method["spearman_high"] < ceiling["spearman_low"]
    assert table.loc[("textblob", "reference"), "spearman"] < method["spearman"]
