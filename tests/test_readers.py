"""One component for every annotation set: readers, adjudication, reference, agreement."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.errors import DataFileError
from analysis.readers import PRESENCE, THEME, TONE, Readings, agreement, tone_unit


def _table(values: list[int], column: str = "score") -> pd.DataFrame:
    return pd.DataFrame({"unit": range(1, len(values) + 1), column: values,
                         "reason": [f"r{i}" for i in range(len(values))]})


def _adjudication(units: list[int], a: list[int], b: list[int], settled: list[int],
                  column: str = "score") -> pd.DataFrame:
    return pd.DataFrame({"unit": units, f"{column}_a": a, f"{column}_b": b,
                         "adjudicated": settled, "reason": ["adj"] * len(units)})


def test_the_reference_takes_agreed_values_and_adjudicates_the_rest() -> None:
    a, b = _table([-2, 0, 1, 2]), _table([-2, 1, 1, 0])
    tone = Readings("tone", ("unit",), "score", TONE, a, b,
                    _adjudication([2, 4], [0, 2], [1, 0], [1, 1]))
    table = tone.reference()
    assert table["score"].tolist() == [-2, 1, 1, 1]
    assert table["how"].tolist() == ["agreed", "adjudicated", "agreed", "adjudicated"]
    assert table["reason"].tolist() == ["r0", "adj", "r2", "adj"]
    assert table[["reader_a", "reader_b"]].values.tolist() == [[-2, -2], [0, 1], [1, 1], [2, 0]]


def test_every_fault_of_the_adjudication_is_a_data_file_error_naming_the_file() -> None:
    a, b = _table([0, 1]), _table([0, 2])
    sources = {"adjudication": "adj.csv"}
    with pytest.raises(DataFileError, match=r"adj\.csv: the readers disagree on unit 2 .* not adjudicated"):
        Readings("tone", ("unit",), "score", TONE, a, b, _adjudication([], [], [], []),
                 sources=sources)
    with pytest.raises(DataFileError, match=r"adj\.csv: unit 1 is adjudicated, but the readers agree"):
        Readings("tone", ("unit",), "score", TONE, a, b,
                 _adjudication([1, 2], [0, 1], [0, 2], [0, 2]), sources=sources)
    with pytest.raises(DataFileError, match=r"adj\.csv: unit 2 is adjudicated with score_a 2, but "
                                            r"reader A gave 1"):
        Readings("tone", ("unit",), "score", TONE, a, b, _adjudication([2], [2], [2], [2]),
                 sources=sources)
    with pytest.raises(DataFileError, match="an adjudication needs two readers"):
        Readings("tone", ("unit",), "score", TONE, a, None, _adjudication([2], [1], [2], [2]))


def test_a_disagreement_whose_adjudication_row_did_not_anchor_is_left_out() -> None:
    a, b = _table([0, 1, 2]), _table([0, 2, 1])
    lost = ("adj.csv: 1 of 2 anchored (0 moved); not found: row 3 'x' (at 9)",)
    tone = Readings("tone", ("unit",), "score", TONE, a, b, _adjudication([2], [1], [2], [2]),
                    sources={"adjudication": "adj.csv"}, notes=lost)
    assert tone.reference()["unit"].tolist() == [1, 2]


def test_two_readers_without_an_adjudication_say_what_the_reference_leaves_out() -> None:
    tone = Readings("tone", ("unit",), "score", TONE, _table([0, 1]), _table([0, 2]))
    assert tone.reference()["unit"].tolist() == [1]
    assert tone.notes == ("the tone readers disagree on 1 unit(s) and no adjudication is given: "
                          "the reference leaves them out",)


def test_one_reader_is_its_own_reference() -> None:
    one = Readings("emotions", ("unit",), "present", PRESENCE, _table([1, 0], "present"))
    ref = one.reference()
    assert ref["present"].tolist() == [1, 0] and set(ref["how"]) == {"one reader"}
    with pytest.raises(DataFileError, match="has one reader"):
        one.disagreements()


def test_units_only_one_reader_annotated_are_left_out_of_the_pairs() -> None:
    tone = Readings("tone", ("unit",), "score", TONE, _table([0, 1, 2]), _table([0, 2]),
                    _adjudication([2], [1], [2], [2]))
    assert tone.paired()["unit"].tolist() == [1, 2]
    assert tone.disagreements()["unit"].tolist() == [2]


def test_composite_keys_and_agreement_by_group() -> None:
    a = pd.DataFrame({"p": [1, 1, 2, 2], "theme": ["x", "y", "x", "y"], "label": [0, 2, 1, 1]})
    b = a.assign(label=[0, 1, 1, 1])
    adj = pd.DataFrame({"p": [1], "theme": ["y"], "label_a": [2], "label_b": [1],
                        "adjudicated": [2], "reason": ["dominant"]})
    themes = Readings("themes", ("p", "theme"), "label", THEME, a, b, adj)
    assert themes.reference()["label"].tolist() == [0, 2, 1, 1]
    by = themes.agreement("theme", n_boot=20)
    assert by["group"].tolist() == ["x", "y"] and by["exact"].tolist() == [1.0, 0.5]


def test_names_are_compared_without_order() -> None:
    a = pd.DataFrame({"unit": [1, 2, 3, 4], "person": ["lenin", "kun", "", "kun"]})
    b = a.assign(person=["lenin", "kun", "kun", "kun"])
    table = Readings("mentions", ("unit",), "person", None, a, b).agreement(n_boot=20)
    assert table.loc[0, "exact"] == 0.75 and "alpha" not in table.columns


def test_tone_unit_puts_the_readers_scale_on_the_methods() -> None:
    assert tone_unit(pd.Series(TONE)).tolist() == [-1.0, -0.5, 0.0, 0.5, 1.0]


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


# --- how the adjudicator settled the disagreements ------------------------------------


def test_settled_counts_whose_value_the_adjudicator_kept() -> None:
    a, b = _table([-2, 0, 1, 2, 0]), _table([-2, 1, 1, 0, -1])
    tone = Readings("tone", ("unit",), "score", TONE, a, b,
                    _adjudication([2, 4, 5], [0, 2, 0], [1, 0, -1], [1, 1, 0]))
    every = tone.settled().iloc[0]
    assert every[["units", "disagreements", "settled", "with_a", "with_b", "neither"]].tolist() == [
        5, 3, 3, 1, 1, 1]
    assert every["as_a"] == pytest.approx(3 / 5) and every["as_b"] == pytest.approx(3 / 5)
    by_a = tone.settled(by="reader_a").set_index("group")  # by the value reader A gave
    assert by_a.loc[0, ["disagreements", "with_a", "with_b"]].tolist() == [2, 1, 1]
    assert by_a.loc[-2, ["disagreements", "settled"]].tolist() == [0, 0]


def test_settled_without_an_adjudication_and_with_one_reader() -> None:
    open_set = Readings("tone", ("unit",), "score", TONE, _table([0, 1, 2]), _table([0, 2, 2]))
    every = open_set.settled().iloc[0]
    # the disagreement is left out of the reference: counted, not settled
    assert every[["units", "disagreements", "settled", "with_a", "with_b"]].tolist() == [2, 1, 0, 0, 0]
    one = Readings("tone", ("unit",), "score", TONE, _table([0, 1]))
    every = one.settled().iloc[0]
    assert every[["units", "disagreements", "settled"]].tolist() == [2, 0, 0] and every["as_a"] == 1.0


@given(st.lists(st.tuples(st.sampled_from(THEME), st.sampled_from(THEME), st.sampled_from(THEME)),
                min_size=1, max_size=30))
def test_every_settled_disagreement_is_kept_with_a_with_b_or_neither(
        rows: list[tuple[int, int, int]]) -> None:
    a = _table([r[0] for r in rows], "label")
    b = _table([r[1] for r in rows], "label")
    differ = [i for i, r in enumerate(rows) if r[0] != r[1]]
    adj = _adjudication([i + 1 for i in differ], [rows[i][0] for i in differ],
                        [rows[i][1] for i in differ], [rows[i][2] for i in differ], "label")
    every = Readings("themes", ("unit",), "label", THEME, a, b, adj).settled().iloc[0]
    assert every["disagreements"] == every["settled"] == len(differ)
    assert every["with_a"] + every["with_b"] + every["neither"] == len(differ)
    assert 0 <= every["as_a"] <= 1 and 0 <= every["as_b"] <= 1
