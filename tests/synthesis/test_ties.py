"""Tests of analysis.synthesis.ties: the people named where each theme is dense."""

from __future__ import annotations

from analysis import Chapter
from analysis.results import Analyses
from analysis.synthesis import theme_ties


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
