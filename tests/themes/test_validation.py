"""Tests of the two readers' theme labels, their reference, the held-out split and the AUC by reader."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import themes
from analysis.datafiles import ANNOTATION_SETS, DataFiles, data_path, seed_path
from analysis.errors import DataFileError
from analysis.readers import THEME, Readings

PATHS = {role: data_path(f"annotations/{name}") for role, name in ANNOTATION_SETS["themes"].items()}


@pytest.fixture(scope="module")
def readings(chapter, lexicon):
    return themes.load_theme_readings(chapter, PATHS, lexicon.names)


@pytest.fixture(scope="module")
def reader_a(readings):
    return readings.reader_a


@pytest.fixture(scope="module")
def reference(readings):
    return readings.reference()


def test_the_bundled_set_is_the_one_data_files_give(chapter, readings, reference):
    assert readings.n_readers == 2 and readings.notes == ()
    assert len(readings.reader_a) == len(readings.reader_b) == 156  # 52 paragraphs, 3 themes
    assert len(readings.adjudication) == len(readings.disagreements()) == 24
    pd.testing.assert_frame_equal(DataFiles().readings("themes", chapter).reference(), reference)


def test_reference_takes_agreed_labels_and_adjudicated_ones(reference, reader_a):
    assert len(reference) == len(reader_a) == 156
    assert reference.columns.tolist() == ["paragraph_id", "theme", "start", "end", "label",
                                          "reader_a", "reader_b", "how", "reason", "reason_a",
                                          "reason_b"]
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


def test_disagreements_are_the_units_adjudicated(readings):
    differ = readings.disagreements()
    assert differ.columns.tolist() == ["paragraph_id", "theme", "reader_a", "reader_b"]
    assert differ.iloc[0].tolist() == [3, "nep", 2, 1]
    keys = ["paragraph_id", "theme"]
    assert (sorted(map(tuple, differ[keys].values.tolist()))
            == sorted(map(tuple, readings.adjudication[keys].values.tolist())))


def _adjudication(tmp_path: Path, change) -> Path:
    """A copy of the bundled theme adjudication, changed by ``change`` (a table -> a table)."""
    table = pd.read_csv(PATHS["adjudication"], dtype=str, keep_default_na=False)
    path = tmp_path / "themes_adjudication.csv"
    change(table).to_csv(path, index=False)
    return path


def _load(chapter, lexicon, adjudication: Path):
    return themes.load_theme_readings(chapter, {**PATHS, "adjudication": adjudication},
                                      lexicon.names)


def test_an_unchanged_copy_of_the_adjudication_reads_alike(chapter, lexicon, tmp_path, reference):
    copy = _load(chapter, lexicon, _adjudication(tmp_path, lambda t: t))
    pd.testing.assert_frame_equal(copy.reference(), reference)


def test_an_adjudication_that_misquotes_a_reader_is_refused_naming_its_file(chapter, lexicon,
                                                                             tmp_path):
    path = _adjudication(tmp_path, lambda t: t.assign(label_a=["0", *t["label_a"][1:]]))
    with pytest.raises(DataFileError, match=re.escape(
            f"{path}: paragraph 3, theme nep is adjudicated with label_a 0, but reader A gave 2")):
        _load(chapter, lexicon, path)


def test_a_disagreement_left_open_is_refused_naming_the_file(chapter, lexicon, tmp_path):
    path = _adjudication(tmp_path, lambda t: t.iloc[1:])
    with pytest.raises(DataFileError, match=re.escape(
            f"{path}: the readers disagree on paragraph 3, theme nep (2 against 1) and it is not adjudicated")):
        _load(chapter, lexicon, path)


def test_an_agreement_adjudicated_is_refused_naming_the_file(chapter, lexicon, tmp_path):
    def agreed(table: pd.DataFrame) -> pd.DataFrame:
        extra = table.iloc[[0]].assign(theme="terror", label_a="1", label_b="1", adjudicated="1")
        return pd.concat([table, extra])

    path = _adjudication(tmp_path, agreed)
    with pytest.raises(DataFileError, match=re.escape(
            f"{path}: paragraph 3, theme terror is adjudicated, but the readers agree on it")):
        _load(chapter, lexicon, path)


def test_a_malformed_adjudication_names_file_row_and_column(chapter, lexicon, tmp_path):
    path = _adjudication(tmp_path, lambda t: t.assign(adjudicated=["3", *t["adjudicated"][1:]]))
    with pytest.raises(DataFileError, match=re.escape(
            f"{path}: row 2, column adjudicated: 3 is above the maximum, 2")):
        _load(chapter, lexicon, path)


def test_an_adjudication_without_a_second_reader_is_refused(chapter, lexicon):
    with pytest.raises(DataFileError, match="themes_adjudication.csv: an adjudication needs two "
                                            "readers, and the themes annotation has one"):
        themes.load_theme_readings(chapter, {"reader_a": PATHS["reader_a"],
                                             "adjudication": PATHS["adjudication"]}, lexicon.names)


def test_a_row_that_no_longer_anchors_in_an_edited_copy_is_left_out_with_a_note(tmp_path, lexicon):
    seed = seed_path().read_text(encoding="utf-8")
    old = "I had some personal knowledge of Bela Kun"
    copy = tmp_path / "copy.txt"
    copy.write_text(seed.replace(old, "I had some knowledge of Bela Kun"), encoding="utf-8")
    chapter = DataFiles().chapter(copy)
    readings = DataFiles().readings("themes", chapter)
    kun = int(chapter.find("I had some knowledge of Bela Kun").loc[0, "paragraph_id"])
    # the paragraph is quoted by its opening, which the edit changed: its rows are left out
    assert kun not in set(readings.reader_a["paragraph_id"]) | set(readings.reader_b["paragraph_id"])
    assert (len(readings.reader_a), len(readings.reader_b), len(readings.adjudication)) == (153, 153, 22)
    assert [note.split(": ", 1)[1].split(";")[0] for note in readings.notes] == [
        "153 of 156 anchored (144 moved)", "153 of 156 anchored (144 moved)",
        "22 of 24 anchored (20 moved)"]
    assert [Path(note.split(":", 1)[0]).name for note in readings.notes] == [
        "themes_reader_a.csv", "themes_reader_b.csv", "themes_adjudication.csv"]
    assert all("not found: row " in note and f"'{old}, whom" in note for note in readings.notes)
    reference = readings.reference()
    assert len(reference) == 153 and kun not in set(reference["paragraph_id"])
    assert reference["how"].value_counts().to_dict() == {"agreed": 131, "adjudicated": 22}


def test_reader_agreement(readings, reader_a):
    reader_b = readings.reader_b
    table = readings.agreement(by="theme", n_boot=200).set_index("group")
    assert table.index.tolist() == ["terror", "nep", "free_thought"]
    assert (table["n"] == 52).all()
    both = reader_a.merge(reader_b, on=["paragraph_id", "theme"], suffixes=("_a", "_b"))
    same = (both["label_a"] == both["label_b"]).groupby(both["theme"]).mean()
    assert np.allclose(table["exact"], same[table.index])
    assert table["alpha"].idxmin() == "nep" and table["alpha"].idxmax() == "terror"
    assert round(float(table.loc["terror", "alpha"]), 2) == 0.91
    assert round(float(table.loc["nep", "exact"]), 2) == 0.83
    assert table.columns.tolist()[:5] == ["n", "exact", "exact_low", "exact_high", "alpha"]
    for measure in ("exact", "alpha", "kappa", "spearman"):
        assert (table[f"{measure}_low"] <= table[measure]).all()
        assert (table[measure] <= table[f"{measure}_high"]).all()
    overall = readings.agreement(n_boot=200)
    assert overall["group"].tolist() == ["all"] and int(overall.loc[0, "n"]) == 156
    assert float(overall.loc[0, "exact"]) == pytest.approx(132 / 156)


def test_reader_agreement_of_a_reader_with_itself_is_perfect(reader_a):
    same = Readings("themes", ("paragraph_id", "theme"), "label", THEME, reader_a, reader_a)
    table = same.agreement(by="theme", n_boot=50)
    assert (table[["exact", "alpha", "kappa"]] == 1).all().all()
    assert same.disagreements().empty and same.notes == ()


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


def test_score_errors_name_the_worst_misses_and_false_alarms(chapter, lexicon, reference):
    errors = themes.score_errors(themes.paragraph_scores(chapter, lexicon), reference, n=2)
    assert errors.columns.tolist() == ["theme", "error", "paragraph_id", "label", "score",
                                       "reason"]
    assert errors.groupby(["theme", "error"], sort=False).size().tolist() == [2] * 6
    missed = errors[errors["error"] == "missed"]
    alarms = errors[errors["error"] == "false alarm"]
    assert (missed["label"] > 0).all() and (alarms["label"] == 0).all()
