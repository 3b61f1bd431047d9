"""Tests of analysis.sentiment.annotation: the readers' tone, reconciled by adjudication."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from analysis import DataFileError
from analysis.datafiles import ANNOTATION_SETS, DataFiles, data_path, seed_path
from analysis.readers import TONE, Readings
from analysis.results import Analyses
from analysis.sentiment import load_tone_readings
from analysis.sentiment.annotation import TONE as TONE_SCHEMA
from analysis.sentiment.annotation import TONE_ADJUDICATION, TONE_WITH_SPLIT

PATHS = {role: data_path(f"annotations/{name}") for role, name in ANNOTATION_SETS["tone"].items()}
SPAN = {"paragraph_id": 1, "start": 0, "end": 1, "text": "x"}


def readers(a: list[int], b: list[int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    ids = list(range(1, len(a) + 1))
    return (pd.DataFrame({"sentence_id": ids, "score": a, **SPAN}),
            pd.DataFrame({"sentence_id": ids, "score": b, **SPAN}))


def adjudicated(rows: list[tuple[int, int, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["sentence_id", "score_a", "score_b", "adjudicated"]
                        ).assign(reason="because")


def tone(a: pd.DataFrame, b: pd.DataFrame, adjudication: pd.DataFrame | None) -> Readings:
    return Readings("tone", ("sentence_id",), "score", TONE, a, b, adjudication,
                    sources={"adjudication": "adj.csv"})


@pytest.fixture(scope="module")
def readings(chapter) -> Readings:
    return load_tone_readings(chapter, PATHS)


def test_agreement_stands_and_disagreement_takes_the_adjudicated_score() -> None:
    a, b = readers([-2, 0, 1], [-2, 1, 2])
    ref = tone(a, b, adjudicated([(2, 0, 1, 1), (3, 1, 2, 1)])).reference()
    assert ref.columns.tolist() == ["sentence_id", "paragraph_id", "start", "end", "text", "score",
                                    "reader_a", "reader_b", "how", "reason", "reason_a",
                                    "reason_b"]
    assert ref["score"].tolist() == [-2, 1, 1]
    assert ref["how"].tolist() == ["agreed", "adjudicated", "adjudicated"]
    assert ref["reason"].tolist() == ["", "because", "because"]


@pytest.mark.parametrize("rows, message", [
    ([(2, 0, 1, 0)], "adj.csv: the readers disagree on sentence 3 (1 against 2) and it is not adjudicated"),
    ([(2, 1, 1, 1), (3, 1, 2, 1)], "adj.csv: sentence 2 is adjudicated with score_a 1, but reader A gave 0"),
    ([(2, 0, 1, 1), (3, 1, 2, 1), (9, 0, 0, 0)], "adj.csv: sentence 9 is adjudicated with score_a 0, but "
                                                 "reader A gave nothing"),
    ([(1, -2, -2, -2), (2, 0, 1, 1), (3, 1, 2, 1)], "adj.csv: sentence 1 is adjudicated, but the readers "
                                                    "agree on it"),
])
def test_an_adjudication_that_does_not_fit_is_named(rows, message) -> None:
    a, b = readers([-2, 0, 1], [-2, 1, 2])
    with pytest.raises(DataFileError) as error:
        tone(a, b, adjudicated(rows))
    assert str(error.value) == message


def test_without_an_adjudication_the_disagreements_are_left_out_and_said() -> None:
    a, b = readers([-2, 0, 1], [-2, 1, 2])
    open_set = tone(a, b, None)
    assert open_set.reference()["sentence_id"].tolist() == [1]
    assert open_set.notes == ("the tone readers disagree on 2 unit(s) and no adjudication is "
                              "given: the reference leaves them out",)


def test_one_reader_is_the_reference_and_has_nothing_to_pair(chapter) -> None:
    alone = load_tone_readings(chapter, {"reader_a": PATHS["reader_a"]})
    assert alone.n_readers == 1
    ref = alone.reference()
    assert len(ref) == 332 and set(ref["how"]) == {"one reader"}
    assert (ref["score"] == ref["reader_a"]).all()
    with pytest.raises(DataFileError, match="the tone annotation has one reader: nothing to pair"):
        alone.paired()


def test_the_bundled_tone_files(readings: Readings) -> None:
    assert readings.n_readers == 2 and readings.notes == ()
    assert (len(readings.reader_a), len(readings.reader_b), len(readings.adjudication)) == (
        332, 319, 65)
    # reader A's file carries the tuning split, reader B's does not
    assert {"split", "batch"} <= set(readings.reader_a) and "split" not in readings.reader_b
    assert readings.reader_a["split"].value_counts().to_dict() == {"heldout": 248, "dev": 84}
    assert len(readings.disagreements()) == 65


def test_the_bundled_reference(readings: Readings, results) -> None:
    ref = readings.reference()
    pd.testing.assert_frame_equal(results.tone_reference, ref)
    assert len(ref) == 319 and ref["how"].value_counts().to_dict() == {"agreed": 254,
                                                                       "adjudicated": 65}
    assert ref["score"].value_counts().sort_index().to_dict() == {-2: 53, -1: 94, 0: 79, 1: 78,
                                                                  2: 15}
    low = ref[["reader_a", "reader_b"]].min(axis=1)
    high = ref[["reader_a", "reader_b"]].max(axis=1)
    assert ref["score"].between(low, high).all()
    agreed = ref[ref["how"] == "agreed"]
    assert (agreed["score"] == agreed["reader_a"]).all()
    assert ref["sentence_id"].is_monotonic_increasing and ref["sentence_id"].is_unique
    # the opening sentence: A +1, B 0, adjudicated 0 (a sentence of setting)
    first = ref.iloc[0]
    assert (first["sentence_id"], first["reader_a"], first["reader_b"], first["score"]) == (
        5, 1, 0, 0)
    assert first["reason"].startswith("Rule 1 / 0-row")
    adjudicated_rows = ref[ref["how"] == "adjudicated"]
    assert int((adjudicated_rows["score"] == adjudicated_rows["reader_b"]).sum()) == 38
    assert int((adjudicated_rows["score"] == adjudicated_rows["reader_a"]).sum()) == 27


def test_the_readers_agreement(readings: Readings) -> None:
    table = readings.agreement(n_boot=500)
    assert table["group"].tolist() == ["all"] and int(table.loc[0, "n"]) == 319
    row = table.iloc[0]
    assert row["exact"] == pytest.approx(254 / 319)
    assert (round(float(row["alpha"]), 2), round(float(row["kappa"]), 2),
            round(float(row["spearman"]), 2)) == (0.92, 0.92, 0.92)
    for measure in ("exact", "alpha", "kappa", "spearman"):
        assert row[f"{measure}_low"] <= row[measure] <= row[f"{measure}_high"]


def _copy(tmp_path: Path, role: str, change) -> Path:
    table = pd.read_csv(PATHS[role], dtype=str, keep_default_na=False)
    path = tmp_path / PATHS[role].name
    change(table).to_csv(path, index=False)
    return path


@pytest.mark.parametrize("change, message", [
    (lambda t: t.assign(score_a=["2", *t["score_a"][1:]]),
     "sentence 5 is adjudicated with score_a 2, but reader A gave 1"),
    (lambda t: t.iloc[1:], "the readers disagree on sentence 5 (1 against 0) and it is not adjudicated"),
    (lambda t: t.assign(adjudicated=["3", *t["adjudicated"][1:]]),
     "row 2, column adjudicated: 3 is above the maximum, 2"),
    (lambda t: t.drop(columns="score_b"), r"row 1 (header): missing column(s) score_b"),
])
def test_a_malformed_adjudication_file_is_named(chapter, tmp_path, change, message) -> None:
    path = _copy(tmp_path, "adjudication", change)
    with pytest.raises(DataFileError) as error:
        load_tone_readings(chapter, {**PATHS, "adjudication": path})
    assert str(error.value).startswith(f"{path}: ") and message in str(error.value)


def test_a_malformed_reader_file_is_named(chapter, tmp_path) -> None:
    path = _copy(tmp_path, "reader_b", lambda t: t.assign(score=["-3", *t["score"][1:]]))
    with pytest.raises(DataFileError, match=re.escape(
            f"{path}: row 2, column score: -3 is below the minimum, -2")):
        load_tone_readings(chapter, {**PATHS, "reader_b": path})


def test_a_row_that_no_longer_anchors_in_an_edited_copy_is_left_out_with_a_note(tmp_path) -> None:
    seed = seed_path().read_text(encoding="utf-8")
    old = "They sat in commission to condemn the Workers’ Opposition"
    copy = tmp_path / "copy.txt"
    copy.write_text(seed.replace(old, "They sat in committee to condemn the Workers’ Opposition"),
                    encoding="utf-8")
    results = Analyses.load(copy)
    assert results.chapter.bundled
    ref = results.tone_reference
    assert len(ref) == 318 and ref["how"].value_counts().to_dict() == {"agreed": 254,
                                                                       "adjudicated": 64}
    assert not ref["text"].str.startswith("They sat in commit").any()
    notes = results.readings("tone").notes
    assert [Path(n.split(":", 1)[0]).name for n in notes] == [
        "sentiment_reader_a.csv", "sentiment_reader_b.csv", "sentiment_adjudication.csv"]
    assert "331 of 332 anchored" in notes[0] and "318 of 319 anchored" in notes[1]
    assert "64 of 65 anchored" in notes[2] and all(f"'{old};" in n for n in notes)
    assert results.notes == [f"note: {n}" for n in notes]


def test_the_schemas_differ_by_the_split_only() -> None:
    assert TONE_WITH_SPLIT.names == [*TONE_SCHEMA.names[:5], "split", "batch", "score", "reason"]
    assert TONE_ADJUDICATION.names[5:] == ["score_a", "score_b", "adjudicated", "reason"]


def test_data_files_give_another_text_no_tone(tmp_path) -> None:
    text = tmp_path / "other.txt"
    text.write_text("Title\n\nA short chapter of prose. It says little.\n", encoding="utf-8")
    results = Analyses.load(text)
    assert results.tone_reference is None and results.reference_track is None
    assert results.missing["tone_reference"].startswith("no tone annotation for this text")
    assert DataFiles().readings("tone", results.chapter) is None
