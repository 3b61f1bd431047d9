"""Tests of analysis.synthesis.tone: sentence tone by the paragraph's dominant theme."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.readers import tone_unit
from analysis.results import Analyses
from analysis.synthesis import dominant_theme, sentiment_by_theme


def test_dominant_theme_ignores_offsets_and_applies_threshold() -> None:
    themes = pd.DataFrame({"paragraph_id": [1, 2, 3], "start": [0, 50, 90], "end": [40, 80, 120],
                           "terror": [3.0, 1.0, 0.0], "nep": [0.0, 2.0, 0.9]})
    assert dominant_theme(themes).to_dict() == {1: "terror", 2: "nep", 3: "none"}
    assert dominant_theme(themes, threshold=2.5).to_dict() == {1: "terror", 2: "none",
                                                               3: "none"}


def test_sentiment_by_theme_groups() -> None:
    scores = pd.DataFrame({"paragraph_id": [1, 2, 2, 3], "sentiment": [-0.8, 0.2, 0.4, 0.0]})
    themes = pd.DataFrame({"paragraph_id": [1, 2, 3], "terror": [3.0, 1.0, 0.0],
                           "nep": [0.0, 2.0, 0.0]})
    table = sentiment_by_theme(scores, themes, n_boot=50).set_index("theme")
    assert table.loc["terror", ["n", "mean"]].tolist() == [1, -0.8]
    assert table.loc["nep", "n"] == 2 and table.loc["nep", "mean"] == pytest.approx(0.3)
    assert table.loc["none", ["n", "mean"]].tolist() == [1, 0.0]


def test_sentiment_by_theme_on_the_chapter(results: Analyses) -> None:
    table = sentiment_by_theme(results.sentence_scores, results.paragraph_scores, n_boot=50)
    assert set(table["theme"]) == {*results.lexicon.names, "none"}
    assert table["n"].sum() == len(results.sentence_scores)
    assert table.set_index("theme").loc["terror", "mean"] < 0


def test_the_reference_darkens_the_terror_paragraphs_more_than_the_method(
        results: Analyses) -> None:
    ref = results.tone_reference
    toned = ref.assign(tone=tone_unit(ref["score"]))
    by_ref = sentiment_by_theme(toned, results.paragraph_scores, n_boot=50,
                                column="tone").set_index("theme")
    scores = results.sentence_scores
    narration = scores[scores["sentence_id"].isin(ref["sentence_id"])]
    by_method = sentiment_by_theme(narration, results.paragraph_scores,
                                   n_boot=50).set_index("theme")
    assert by_ref["n"].to_dict() == by_method["n"].to_dict()  # the same sentences, grouped alike
    assert by_ref.loc["terror", "mean"] < by_method.loc["terror", "mean"] < 0
    assert by_ref.loc["terror", "high"] < by_ref.loc["nep", "low"]


def test_sentiment_by_theme_reads_the_column_it_is_given() -> None:
    scores = pd.DataFrame({"paragraph_id": [1, 2], "sentiment": [0.5, 0.5], "other": [-1.0, 1.0]})
    themes = pd.DataFrame({"paragraph_id": [1, 2], "terror": [2.0, 0.0], "nep": [0.0, 2.0]})
    table = sentiment_by_theme(scores, themes, n_boot=20, column="other").set_index("theme")
    assert table["mean"].to_dict() == {"nep": 1.0, "terror": -1.0}
    with pytest.raises(KeyError):
        sentiment_by_theme(scores, themes, n_boot=20, column="missing")
