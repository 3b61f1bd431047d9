"""Tests of analysis.synthesis.portrayal: the tone of the sentences naming each person."""

from __future__ import annotations

import pandas as pd

from analysis import Chapter
from analysis.results import Analyses
from analysis.synthesis import portrayal, portrayal_sentences


def test_portrayal_is_seeded_and_brackets_the_mean(results: Analyses, chapter: Chapter) -> None:
    scores = chapter.sentences[["sentence_id"]].assign(
        sentiment=(chapter.sentences["sentence_id"] % 7 - 3) / 3)
    a = portrayal(results.mentions, scores, results.register, n_boot=200, seed=3)
    b = portrayal(results.mentions, scores, results.register, n_boot=200, seed=3)
    pd.testing.assert_frame_equal(a, b)
    assert ((a["low"] <= a["mean"]) & (a["mean"] <= a["high"])).all()
    assert (a["sentences"] >= 3).all() and "lenin" in set(a["person_id"])
    assert a["mean"].is_monotonic_increasing


def test_portrayal_leaves_out_the_notes_unless_asked(results: Analyses, chapter: Chapter) -> None:
    scores = chapter.sentences[["sentence_id"]].assign(sentiment=0.5)
    narration = portrayal(results.mentions, scores, results.register, min_sentences=1,
                          n_boot=20).set_index("person_id")
    both = portrayal(results.mentions, scores, results.register, min_sentences=1, n_boot=20,
                     include_notes=True).set_index("person_id")
    # Borodin is named twice by Serge and once in a note
    assert narration.loc["borodin", "sentences"] < both.loc["borodin", "sentences"]


def test_portrayal_sentences_are_the_naming_sentences(results: Analyses,
                                                       chapter: Chapter) -> None:
    found = results.mentions
    scores = chapter.sentences[["sentence_id"]].assign(sentiment=0.0)
    sents = portrayal_sentences(found, scores, chapter, "bela_kun")
    assert sents["text"].str.contains("Kun").all()
    kun = found[(found["person_id"] == "bela_kun") & ~found["in_note"]]
    assert len(sents) == kun["sentence_id"].nunique()
    assert sents.columns.tolist() == ["sentence_id", "paragraph_id", "start", "end", "sentiment",
                                      "text"]


def test_pascal_is_portrayed_more_warmly_than_bela_kun(results: Analyses) -> None:
    table = portrayal(results.mentions, results.sentence_scores, results.register,
                      min_sentences=1).set_index("person_id")
    assert table.loc["pierre_pascal", "mean"] > table.loc["bela_kun", "mean"]
