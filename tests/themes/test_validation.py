"""Tests of the two readers' theme labels, their reference, the held-out split and the AUC by reader."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import themes
from analysis.errors import AnalysisError
from analysis.text.annotations import load_theme_adjudication
from analysis.text.source import data_path


@pytest.fixture(scope="module")
def reader_a(chapter, lexicon):
    return themes.load_annotation(chapter, data_path("annotations/themes_reader_a.csv"), lexicon.names)


@pytest.fixture(scope="module")
def reader_b(chapter, lexicon):
    return themes.load_annotation(chapter, data_path("annotations/themes_reader_b.csv"), lexicon.names)


@pytest.fixture(scope="module")
def adjudication(chapter, lexicon):
    return load_theme_adjudication(chapter, data_path("annotations/themes_adjudication.csv"),
                                   lexicon.names)


@pytest.fixture(scope="module")
def reference(reader_a, reader_b, adjudication):
    return themes.reference_annotation(reader_a, reader_b, adjudication)


def test_reference_takes_agreed_labels_and_adjudicated_ones(reference, reader_a, reader_b):
    assert len(reference) == len(reader_a) == 156
    assert reference["how"].value_counts().to_dict() == {"agreed": 132, "adjudicated": 24}
    agreed = reference[reference["how"] == "agreed"]
    assert (agreed["label"] == agreed["reader_a"]).all() and (agreed["reader_a"] == agreed["reader_b"]).all()
    assert (agreed["reason"] == agreed["reason_a"]).all()
    row = reference.set_index(["paragraph_id", "theme"])
    # the Gumilevs' faces: A 1, B 2, adjudicated 2; Kun in Soviet Hungary: A 1, B 0, adjudicated 0
    assert row.loc[(47, "terror"), ["reader_a", "reader_b", "label"]].tolist() == [1, 2, 2]
    assert row.loc[(6, "terror"), ["reader_a", "reader_b", "label"]].tolist() == [1, 0, 0]
    assert row.loc[(6, "terror"), "reason"].startswith("Scope exclusion")
    assert row.loc[(16, "free_thought"), "label"] == 2
    assert row.loc[(16, "free_thought"), "reason"] == reader_a.set_index(
        ["paragraph_id", "theme"]).loc[(16, "free_thought"), "reason"]


def test_reference_sides_with_b_21_times(reference):
    adjudicated = reference[reference["how"] == "adjudicated"]
    assert int((adjudicated["label"] == adjudicated["reader_b"]).sum()) == 21
    assert int((adjudicated["label"] == adjudicated["reader_a"]).sum()) == 3


def test_reference_refuses_an_adjudication_that_misquotes_a_reader(reader_a, reader_b, adjudication):
    wrong = adjudication.copy()
    wrong.loc[0, "label_a"] = 1 - wrong.loc[0, "label_a"] if wrong.loc[0, "label_a"] < 2 else 0
    with pytest.raises(AnalysisError, match=r"readers gave"):
        themes.reference_annotation(reader_a, reader_b, wrong)


def test_reference_refuses_a_disagreement_left_open(reader_a, reader_b, adjudication):
    with pytest.raises(AnalysisError, match="no adjudicated value"):
        themes.reference_annotation(reader_a, reader_b, adjudication.iloc[1:])


def test_reader_agreement(reader_a, reader_b):
    table = themes.reader_agreement(reader_a, reader_b, n_boot=200).set_index("theme")
    assert table.index.tolist() == ["terror", "nep", "free_thought"]
    assert (table["n"] == 52).all()
    both = reader_a.merge(reader_b, on=["paragraph_id", "theme"], suffixes=("_a", "_b"))
    same = (both["label_a"] == both["label_b"]).groupby(both["theme"]).mean()
    assert np.allclose(table["exact"], same[table.index])
    assert table["alpha"].idxmin() == "nep" and table["alpha"].idxmax() == "terror"
    assert round(float(table.loc["terror", "alpha"]), 2) == 0.91
    assert table.columns.tolist()[:5] == ["n", "exact", "exact_low", "exact_high", "alpha"]
    for measure in ("exact", "alpha", "kappa", "spearman"):
        assert (table[f"{measure}_low"] <= table[measure]).all()
        assert (table[measure] <= table[f"{measure}_high"]).all()


def test_reader_agreement_of_a_reader_with_itself_is_perfect(reader_a):
    table = themes.reader_agreement(reader_a, reader_a, n_boot=50)
    assert (table[["exact", "alpha", "kappa"]] == 1).all().all()


def test_split_halves(chapter):
    narrative = chapter.paragraphs.loc[chapter.paragraphs["kind"] == "narrative", "paragraph_id"]
    halves = themes.split_halves(narrative, seed=1921)
    assert halves["paragraph_id"].tolist() == sorted(narrative)
    assert halves["half"].value_counts().to_dict() == {"development": 26, "held-out": 26}
    half = halves.set_index("paragraph_id")["half"]
    assert half[16] == "development" and half[49] == "held-out"
    again = themes.split_halves(narrative.iloc[::-1], seed=1921)
    assert again.equals(halves)
    assert not themes.split_halves(narrative, seed=1922)["half"].equals(halves["half"])


def test_compare_readers(chapter, lexicon, reader_a, reference):
    tables = {"count": themes.paragraph_scores(chapter, lexicon, method="count"),
              "context": themes.paragraph_scores(chapter, lexicon)}
    table = themes.compare_readers(tables, {"reader A": reader_a, "reference": reference},
                                   n_boot=100)
    assert table.columns[:3].tolist() == ["annotation", "method", "theme"]
    assert len(table) == 2 * 2 * 3
    alone = themes.compare_scores(tables, reader_a, n_boot=100)
    mine = table[table["annotation"] == "reader A"].drop(columns="annotation").reset_index(drop=True)
    pd.testing.assert_frame_equal(mine, alone)
    ref = table[(table["annotation"] == "reference") & (table["method"] == "context")]
    assert ref.set_index("theme")["n_present"].to_dict() == {"terror": 23, "nep": 9,
                                                             "free_thought": 25}


def test_compare_halves_splits_the_labels_not_the_scores(chapter, lexicon, reference):
    narrative = chapter.paragraphs.loc[chapter.paragraphs["kind"] == "narrative", "paragraph_id"]
    halves = themes.split_halves(narrative, seed=1921)
    scores = {"context": themes.paragraph_scores(chapter, lexicon)}
    table = themes.compare_halves(scores, reference, halves, n_boot=100)
    assert table["half"].unique().tolist() == ["development", "held-out", "all"]
    present = table.pivot(index="theme", columns="half", values="n_present")
    assert (present["development"] + present["held-out"] == present["all"]).all()
    held = halves.loc[halves["half"] == "held-out", "paragraph_id"]
    alone = themes.agreement(scores["context"], reference[reference["paragraph_id"].isin(held)],
                             n_boot=100)
    mine = table[table["half"] == "held-out"].drop(columns=["half", "method"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(mine, alone)
    whole = table[table["half"] == "all"].set_index("theme")
    assert round(float(whole.loc["terror", "auc"]), 2) == 0.90
