"""Tests of analysis.synthesis.portrayal: the tone of the sentences naming each person, two ways."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import Chapter
from analysis.readers import tone_unit
from analysis.results import Analyses
from analysis.sentiment import RECOMMENDED, sentence_explanations
from analysis.synthesis.portrayal import (COMPARED_COLUMNS, portrayal_agreement,
                                          portrayal_compared, sentences_compared)


def test_pascal_is_portrayed_more_warmly_than_bela_kun(results: Analyses) -> None:
    table = portrayal_compared(results.mentions, results.sentence_scores, results.tone_reference,
                               results.register, min_sentences=1, n_boot=200).set_index("person_id")
    # by the method and by the reference reading alike
    assert table.loc["pierre_pascal", "method"] > table.loc["bela_kun", "method"]
    assert table.loc["pierre_pascal", "reference"] > table.loc["bela_kun", "reference"]


def _means_by_hand(results: Analyses, column: str, scores: pd.DataFrame) -> pd.Series:
    """Each person's mean ``column`` over the distinct sentences of the narration naming them."""
    named = results.mentions.loc[~results.mentions["in_note"], ["person_id", "sentence_id"]]
    both = results.sentence_scores[["sentence_id"]].merge(
        results.tone_reference[["sentence_id"]], on="sentence_id")
    return (named.drop_duplicates().merge(both, on="sentence_id")
            .merge(scores[["sentence_id", column]], on="sentence_id")
            .groupby("person_id")[column].mean())


def test_nothing_to_compare_without_a_tone_annotation(results: Analyses) -> None:
    assert portrayal_compared(results.mentions, results.sentence_scores, None,
                              results.register) is None
    assert portrayal_agreement(None) is None
    assert sentences_compared(results.mentions, results.sentence_scores, None,
                              pd.DataFrame(columns=["sentence_id", "fired"]), "lenin") is None


# --- the reference reading beside the method ------------------------------------------

def test_compared_halves_the_reference_and_keeps_the_methods_means(results: Analyses,
                                                                   compared: pd.DataFrame) -> None:
    assert compared.columns.tolist() == COMPARED_COLUMNS
    ref = results.tone_reference
    halved = ref[["sentence_id"]].assign(tone=tone_unit(ref["score"]))
    by_reference = _means_by_hand(results, "tone", halved)
    by_method = _means_by_hand(results, "sentiment", results.sentence_scores)
    c = compared.set_index("person_id")
    counts = (results.mentions.loc[~results.mentions["in_note"], ["person_id", "sentence_id"]]
              .drop_duplicates().merge(ref[["sentence_id"]], on="sentence_id")
              .groupby("person_id").size())
    assert set(c.index) == set(counts[counts >= 3].index)   # named in three sentences or more
    pd.testing.assert_series_equal(c["reference"], by_reference.loc[c.index], check_names=False)
    pd.testing.assert_series_equal(c["method"], by_method.loc[c.index], check_names=False)
    pd.testing.assert_series_equal(c["gap"], c["method"] - c["reference"], check_names=False)
    assert compared["reference"].is_monotonic_increasing
    for col in ("method", "reference", "gap"):
        assert ((c[f"{col}_low"] <= c[col]) & (c[col] <= c[f"{col}_high"])).all()


def test_serge_condemns_bela_kun_and_the_method_reads_him_as_about_neutral(
        compared: pd.DataFrame) -> None:
    kun = compared.set_index("person_id").loc["bela_kun"]
    assert kun["sentences"] == 11
    # his 11 sentences: +1 -1 0 -1 -1 -2 -1 -1 -1 -2 0 in the reference reading, halved
    assert kun["reference"] == pytest.approx(-9 / 11 / 2)
    assert kun["reference_high"] < 0
    assert kun["method_low"] < 0 < kun["method_high"] and abs(kun["method"]) < 0.1
    assert kun["gap_low"] > 0                     # the two part beyond the sentences' spread


def test_the_method_places_nin_and_maurin_below_kun_the_reference_reading_above(
        compared: pd.DataFrame) -> None:
    c = compared.set_index("person_id")
    value_columns = COMPARED_COLUMNS[2:]
    pd.testing.assert_series_equal(c.loc["nin", value_columns], c.loc["maurin", value_columns],
                                   check_names=False)          # the same four sentences
    assert c.loc["nin", "method"] < c.loc["bela_kun", "method"]
    assert c.loc["nin", "reference"] > 0 > c.loc["bela_kun", "reference"]
    assert c.loc["nin", "gap_high"] < 0


def test_compared_is_seeded_and_counts_narration_only(results: Analyses) -> None:
    args = (results.mentions, results.sentence_scores, results.tone_reference, results.register)
    a = portrayal_compared(*args, min_sentences=1, n_boot=200, seed=5)
    pd.testing.assert_frame_equal(a, portrayal_compared(*args, min_sentences=1, n_boot=200, seed=5))
    assert a.set_index("person_id").loc["borodin", "sentences"] == 2   # his note is left out


def test_agreement_across_people(compared: pd.DataFrame) -> None:
    row = portrayal_agreement(compared, seed=0).iloc[0]
    assert row["people"] == len(compared) == 14
    assert 0.2 < row["spearman"] < 0.6 and row["spearman_low"] < 0 < row["spearman_high"]
    assert row["method_higher"] == int((compared["gap"] > 0).sum()) == 10
    assert row["parted"] == 8
    same = compared.assign(method=compared["reference"], gap=0.0, gap_low=-0.1, gap_high=0.1)
    perfect = portrayal_agreement(same, n_boot=100).iloc[0]
    assert perfect["spearman"] == 1.0 and perfect["parted"] == 0 and perfect["mean_abs_gap"] == 0


def test_sentences_compared_show_the_words_the_lexicon_reads(results: Analyses,
                                                             chapter: Chapter) -> None:
    scores = results.sentence_scores
    why = sentence_explanations(chapter, RECOMMENDED, results.patch, scores)
    kun = sentences_compared(results.mentions, scores, results.tone_reference, why, "bela_kun")
    assert kun.columns.tolist() == ["sentence_id", "paragraph_id", "reference", "how",
                                    "sentiment", "fired", "text"]
    assert len(kun) == 11 and kun["sentence_id"].is_monotonic_increasing
    smile = kun[kun["text"].str.contains("sickly smile")].iloc[0]
    assert "smile +1.50" in smile["fired"] and smile["reference"] == -1 and smile["sentiment"] > 0
    betises = kun[kun["text"].str.contains("betises")].iloc[0]
    assert betises["fired"] == "" and betises["sentiment"] == 0
    # a person named only in the editor's notes has no sentence of the narration
    assert sentences_compared(results.mentions, scores, results.tone_reference, why,
                              "kerensky").empty
