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
    with pytest.raises(DataFileError, match=r"adj\.csv: the readers disagree on 2 .* not adjudicated"):
        Readings("tone", ("unit",), "score", TONE, a, b, _adjudication([], [], [], []),
                 sources=sources)
    with pytest.raises(DataFileError, match=r"adj\.csv: 1 is adjudicated, but the readers agree"):
        Readings("tone", ("unit",), "score", TONE, a, b,
                 _adjudication([1, 2], [0, 1], [0, 2], [0, 2]), sources=sources)
    with pytest.raises(DataFileError, match=r"adj\.csv: 2 is adjudicated with score_a 2, but "
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
