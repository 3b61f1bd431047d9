"""What every page shares (analysis.pages): numbers rounded as printed, tables computed once."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.pages import as_number, at, once
from analysis.results import Analyses


@given(st.floats(-1e6, 1e6, allow_nan=False), st.integers(0, 4))
def test_a_number_is_rounded_as_the_prose_prints_it(value: float, digits: int) -> None:
    found = as_number(value, digits)
    assert found == (round(value) if digits == 0 else round(value, digits))
    assert str(found) != "-0.0"
    assert isinstance(found, int) == (digits == 0)


def test_an_undefined_number_is_none() -> None:
    assert as_number(float("nan"), 2) is None
    table = pd.DataFrame({"auc": [0.8123, None]}, index=["terror", "nep"])
    assert at(table, "terror", "auc", 2) == 0.81 and at(table, "nep", "auc", 2) is None
    assert at(table, "free_thought", "auc", 2) is None and at(None, "terror", "auc", 2) is None


def test_once_computes_once_per_text_and_arguments(chapter) -> None:
    calls: list[tuple[int, int]] = []

    @once
    def sentences(results: Analyses, first: int = 0) -> pd.DataFrame:
        calls.append((id(results), first))
        return results.chapter.sentences.iloc[first:]

    one, two = Analyses(chapter), Analyses(chapter)
    assert sentences(one) is sentences(one, 0) is sentences(one, first=0)
    assert sentences(one, 5) is not sentences(one)
    assert sentences(two) is not sentences(one)   # kept with each text, never shared
    assert calls == [(id(one), 0), (id(one), 5), (id(two), 0)]
    assert sentences.__name__ == "sentences" and "_pages" in one.__dict__


def test_once_refuses_an_argument_it_cannot_keep(chapter) -> None:
    @once
    def pick(results: Analyses, ids: object) -> int:
        return len(results.chapter.sentences)

    with pytest.raises(TypeError):
        pick(Analyses(chapter), [1, 2])  # a list cannot be a key: a tuple can
    assert pick(Analyses(chapter), (1, 2)) > 0
