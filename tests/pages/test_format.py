"""How every page says a statistic, a count and who read the text (analysis.pages.format)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.pages.format import (ONE_READER, join, lead, p_text, plural, reach, readers_words,
                                   sentence, strength, who_read)
from analysis.readers import TONE, Readings


@given(st.floats(0, 1, allow_nan=False))
def test_a_p_value_is_never_printed_zero(p: float) -> None:
    text = p_text(p)
    assert text == "p < 0.001" or (text.startswith("p = ") and float(text[4:]) >= 0.001)
    assert p_text(p, digits=2) in ("p < 0.01",) or float(p_text(p, digits=2)[4:]) >= 0.01


def test_p_values_and_bounds() -> None:
    assert p_text(0.0) == p_text(0.0009) == "p < 0.001"
    assert p_text(0.001) == "p = 0.001" and p_text(0.052) == "p = 0.052"
    assert p_text(None) is None and p_text(float("nan")) is None


@given(st.floats(-1, 1, allow_nan=False), st.floats(-1, 1, allow_nan=False))
def test_a_stronger_correlation_is_never_called_weaker(a: float, b: float) -> None:
    order = ["weak", "moderate", "strong"]
    if abs(a) <= abs(b):
        assert order.index(strength(a)) <= order.index(strength(b))
    assert (strength(a) == "weak") == (abs(a) < 0.3)


def test_strength_and_reach_at_their_edges() -> None:
    assert (strength(0.29), strength(-0.3), strength(0.5)) == ("weak", "moderate", "strong")
    assert strength(float("nan")) is None and strength(None) is None
    assert reach(-0.01, 0.09) == reach(0.0, 0.1) == "includes zero"
    assert reach(0.01, 0.2) == reach(-0.3, -0.01) == "excludes zero"
    assert reach(None, 0.1) is None


def test_counts_lists_and_sentences() -> None:
    assert (plural(0, "hit"), plural(1, "hit"), plural(2, "line break")) == (
        "0 hits", "1 hit", "2 line breaks")
    assert (join([]), join(["a"]), join(["a", "b"]), join(["a", "b", "c"])) == (
        "", "a", "a and b", "a, b and c")
    assert sentence("no episodes for this text") == "No episodes for this text."
    assert sentence("no chronology.") == "No chronology." and sentence("") == ""
    assert sentence("no episodes for this text", ":") == "No episodes for this text:"


def test_the_readers_are_said_to_be_ai_models_every_way() -> None:
    both = ("two AI language-model readers working from written guidelines, each without sight "
            "of the other's scores or of any method's score")
    assert readers_words(2, adjudicated=True, marks="scores") == (
        both + ", and an AI adjudicator who settled their disagreements")
    assert readers_words(2, disagreements=3, marks="scores") == (
        both + "; no adjudicator has settled their 3 disagreements, so the reference leaves "
               "them out")
    assert readers_words(2, disagreements=0, marks="scores") == both  # nothing to settle
    assert readers_words(2, adjudicated=True, disagreements=3, settled=1).endswith(
        "settled 1 of their 3 disagreements (the reference leaves the others out)")
    assert readers_words(1) == ONE_READER == "one AI language-model reader working from written guidelines"
    for words in (readers_words(2), readers_words(1), readers_words(2, adjudicated=True)):
        assert "hand" not in words and "close reading" not in words


def test_who_read_counts_the_set_it_names() -> None:
    a = pd.DataFrame({"unit": [1, 2, 3], "score": [0, 1, 2]})
    b = a.assign(score=[0, 2, 1])
    adj = pd.DataFrame({"unit": [2], "score_a": [1], "score_b": [2], "adjudicated": [2],
                        "reason": ["x"]})
    lost = ("adj.csv: 1 of 2 anchored (0 moved); not found: row 3 'x' (at 9)",)
    partly = Readings("tone", ("unit",), "score", TONE, a, b, adj,
                      sources={"adjudication": "adj.csv"}, notes=lost)
    assert who_read(partly, "scores").endswith("settled 1 of their 2 disagreements (the reference "
                                               "leaves the other out)")
    assert who_read(Readings("tone", ("unit",), "score", TONE, a, b)).endswith(
        "no adjudicator has settled their 2 disagreements, so the reference leaves them out")
    assert who_read(Readings("tone", ("unit",), "score", TONE, a)) == ONE_READER
    assert who_read(None) is None


@pytest.mark.parametrize("shown, parts", [(None, 0), (pd.DataFrame(), 0),
                                          (pd.DataFrame({"a": [1]}), 2), ("a figure", 2)])
def test_a_lead_comes_with_what_it_leads_to_or_not_at_all(shown: object, parts: int) -> None:
    found = lead("The table:", shown)
    assert len(found) == parts
    if parts:
        assert found[0].data == "The table:" and found[1] is shown
