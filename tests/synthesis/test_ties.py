"""Tests of analysis.synthesis.ties: the people named where each theme is dense."""

from __future__ import annotations

from analysis import Chapter
from analysis.results import Analyses
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.synthesis import theme_ties
from analysis.synthesis.ties import tie_chance


def test_theme_ties_rank_people(results: Analyses, chapter: Chapter) -> None:
    pars = chapter.paragraphs[["paragraph_id"]]
    scores = pars.assign(terror=(pars["paragraph_id"] >= 43).astype(float),
                         nep=(pars["paragraph_id"] < 43).astype(float))
    ties = theme_ties(results.mentions, scores, results.register, min_paragraphs=2, top=3)
    terror = ties[ties["theme"] == "terror"]
    assert (terror["mean_score"] == 1.0).all() and (terror["rank"] == [1, 2, 3]).all()
    assert set(ties["theme"]) == {"terror", "nep"}


def test_theme_ties_of_the_lexicons_themes_in_its_order(results: Analyses) -> None:
    ties = theme_ties(results.mentions, results.paragraph_scores, results.register)
    assert list(dict.fromkeys(ties["theme"])) == results.lexicon.names
    assert (ties.groupby("theme").size() <= 5).all()
    assert (ties["paragraphs"] >= 2).all()


def test_the_nep_has_no_person_above_its_mean_and_free_thought_is_denser_than_chance(
        results: Analyses, chapter: Chapter) -> None:
    ties = theme_ties(results.mentions, results.paragraph_scores, results.register)
    narration = chapter.paragraphs.query("kind == 'narrative'")["paragraph_id"]
    chance = tie_chance(ties, results.paragraph_scores, narration, n_perm=2000, seed=0)
    top = chance[chance["rank"] == 1].set_index("theme")
    assert top.loc["nep", "lift"] < 1 and top.loc["nep", "p"] > 0.2      # Jacques Mesnil, 0.94
    assert top.loc["free_thought", "person_id"] == "bely" and top.loc["free_thought", "p"] < 0.05
    assert ((chance["p"] > 0) & (chance["p"] <= 1)).all()
    again = tie_chance(ties, results.paragraph_scores, narration, n_perm=2000, seed=0)
    assert again["p"].tolist() == chance["p"].tolist()                    # seeded


def test_a_person_named_in_more_paragraphs_than_the_pool_is_refused() -> None:
    ties = pd.DataFrame({"theme": ["t"], "person_id": ["a"], "paragraphs": [3],
                         "mean_score": [1.0]})
    scores = pd.DataFrame({"paragraph_id": [1, 2], "t": [1.0, 0.0]})
    with pytest.raises(ValueError, match="a is named in 3 paragraphs, more than the 2"):
        tie_chance(ties, scores)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(0, 10), min_size=3, max_size=12), st.integers(1, 3))
def test_the_densest_set_has_the_smallest_p_and_the_thinnest_p_one(values, k) -> None:
    scores = pd.DataFrame({"paragraph_id": range(len(values)), "t": values})
    ordered = np.sort(values)
    ties = pd.DataFrame({"theme": "t", "person_id": ["top", "bottom"], "paragraphs": k,
                         "mean_score": [ordered[-k:].mean(), ordered[:k].mean()]})
    p = tie_chance(ties, scores, n_perm=200, seed=1)["p"]
    assert p[1] == 1.0 and p[0] <= p[1]
