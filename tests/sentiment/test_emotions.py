"""The NRC lexicons: AFINN and NRC polarity beside VADER, and the emotion tracks and their check."""

from __future__ import annotations

import pandas as pd

from analysis import Chapter
from analysis.sentiment.emotions import (EMOTIONS, check, emotion_counts, emotion_rates,
                                         emotion_tracks, emotion_words)
from analysis.sentiment.lexicons import afinn_scores, base_forms, lexicon_words, nrc_lexicon, nrc_scores


def test_inflected_words_are_found_by_their_base_form() -> None:
    assert lexicon_words("The prisoners were killed; shooting", nrc_lexicon()) == [
        "prisoner", "kill", "shooting"]
    assert base_forms("famine") == ["famine"]
    assert lexicon_words("Cheka", nrc_lexicon()) == []  # not in the lexicon: no emotion


def test_scores_lie_on_the_unit_interval(chapter: Chapter) -> None:
    texts = chapter.sentences["text"]
    for scores in (afinn_scores(texts), nrc_scores(texts)):
        assert scores.between(-1, 1).all() and len(scores) == len(texts)
    assert afinn_scores(pd.Series(["a horrible death"])).iloc[0] < 0 < \
        afinn_scores(pd.Series(["a good friend"])).iloc[0]


def test_emotion_counts_come_from_the_words_listed(chapter: Chapter) -> None:
    counts = emotion_counts(chapter)
    assert len(counts) == len(chapter.sentences)
    for row in counts[counts["words"] != ""].head(30).itertuples():
        listed = row.words.split("; ")
        for emotion in EMOTIONS:
            assert getattr(row, emotion) == sum(emotion in w.split(": ")[1].split() for w in listed)


def test_the_terror_passage_is_fearful(chapter: Chapter) -> None:
    counts = emotion_counts(chapter)
    terror = counts[counts["paragraph_id"] == 43]
    assert terror["fear"].sum() >= 2


def test_tracks_are_rates_on_the_common_axis(chapter: Chapter) -> None:
    tracks = emotion_tracks(chapter, emotion_counts(chapter))
    assert tracks["position"].iloc[[0, -1]].tolist() == [0.0, 1.0]
    assert list(tracks.columns) == ["position", *EMOTIONS]
    assert (tracks[list(EMOTIONS)] >= 0).all().all() and (tracks[list(EMOTIONS)] < 100).all().all()


def test_the_check_counts_precision_and_recall() -> None:
    counts = pd.DataFrame({"sentence_id": [1, 2, 3, 4], "fear": [1, 1, 0, 0],
                           "anger": [0, 0, 0, 0]})
    hand = pd.DataFrame({"sentence_id": [1, 2, 3, 4], "fear": [1, 0, 1, 0], "anger": [0, 0, 0, 0]})
    table = check(counts, hand, ("fear", "anger"), n_boot=20).set_index("emotion")
    assert table.loc["fear", ["precision", "recall", "auc"]].tolist() == [0.5, 0.5, 0.5]
    assert pd.isna(table.loc["anger", "auc"]) and pd.isna(table.loc["anger", "precision"])


def test_emotion_rates_are_words_per_hundred_by_group() -> None:
    counts = pd.DataFrame({"n_words": [10, 30, 20, 5], "fear": [1, 3, 0, 4], "trust": [0, 1, 2, 0]})
    groups = pd.Series(["terror", "terror", "nep", None])
    rates = emotion_rates(counts, groups, ("fear", "trust")).set_index("group")
    assert rates.index.tolist() == ["nep", "terror"]          # the unlabelled row is left out
    assert rates.loc["terror", ["n", "n_words", "fear", "trust"]].tolist() == [2, 40, 10.0, 2.5]
    assert rates.loc["nep", "trust"] == 10.0


def test_fear_words_are_denser_where_the_terror_dominates(results) -> None:
    from analysis.synthesis import dominant_theme
    counts = emotion_counts(results.chapter)
    kinds = counts["paragraph_id"].map(results.chapter.paragraphs.set_index("paragraph_id")["kind"])
    narration = counts[(kinds == "narrative").to_numpy()]
    theme = narration["paragraph_id"].map(dominant_theme(results.paragraph_scores))
    rates = emotion_rates(narration, theme).set_index("group")
    assert rates.loc["terror", "fear"] > rates.drop(index="terror")["fear"].max()
    assert rates["n"].sum() == len(narration)


def test_emotion_words_count_the_words_listed(chapter: Chapter) -> None:
    counts = emotion_counts(chapter)
    terror = counts[counts["paragraph_id"] == 43]
    words = emotion_words(terror, "fear", top=50)
    assert words.sum() == terror["fear"].sum()
    assert words.is_monotonic_decreasing and words.name == "fear"
    assert emotion_words(counts.iloc[:0], "fear").empty
