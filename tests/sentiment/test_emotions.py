"""The NRC lexicons: AFINN and NRC polarity beside VADER, and the emotion tracks and their check."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from analysis import Chapter, DataFileError
from analysis.datafiles import ANNOTATION_SETS, DataFiles, data_path, seed_path
from analysis.readers import Readings
from analysis.sentiment import load_emotion_readings
from analysis.sentiment.emotions import (EMOTION_NAMES, check, emotion_counts, emotion_rates,
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
        for emotion in EMOTION_NAMES:
            assert getattr(row, emotion) == sum(emotion in w.split(": ")[1].split() for w in listed)


def test_the_terror_passage_is_fearful(chapter: Chapter) -> None:
    counts = emotion_counts(chapter)
    terror = counts[counts["paragraph_id"] == 43]
    assert terror["fear"].sum() >= 2


def test_tracks_are_rates_on_the_common_axis(chapter: Chapter) -> None:
    tracks = emotion_tracks(chapter, emotion_counts(chapter))
    assert tracks["position"].iloc[[0, -1]].tolist() == [0.0, 1.0]
    assert list(tracks.columns) == ["position", *EMOTION_NAMES]
    assert (tracks[list(EMOTION_NAMES)] >= 0).all().all()
    assert (tracks[list(EMOTION_NAMES)] < 100).all().all()


def _long(wide: pd.DataFrame) -> pd.DataFrame:
    """A reference in the readers' long format (``sentence_id, emotion, present``)."""
    return wide.melt(id_vars="sentence_id", var_name="emotion", value_name="present")


def test_the_check_counts_precision_and_recall() -> None:
    counts = pd.DataFrame({"sentence_id": [1, 2, 3, 4], "fear": [1, 1, 0, 0],
                           "anger": [0, 0, 0, 0]})
    marks = _long(pd.DataFrame({"sentence_id": [1, 2, 3, 4], "fear": [1, 0, 1, 0],
                                "anger": [0, 0, 0, 0]}))
    table = check(counts, marks, ("fear", "anger"), n_boot=20).set_index("emotion")
    assert table.loc["fear", ["n", "n_present"]].tolist() == [4, 2]
    assert table.loc["fear", ["precision", "recall", "auc"]].tolist() == [0.5, 0.5, 0.5]
    assert pd.isna(table.loc["anger", "auc"]) and pd.isna(table.loc["anger", "precision"])


def test_the_check_leaves_out_what_the_reference_leaves_out() -> None:
    counts = pd.DataFrame({"sentence_id": [1, 2, 3, 4], "fear": [1, 1, 0, 0]})
    marks = _long(pd.DataFrame({"sentence_id": [1, 2, 3, 4], "fear": [1, 0, 1, 0]}))
    # sentence 3 unsettled for fear: it is not a sentence without fear
    table = check(counts, marks[marks["sentence_id"] != 3], ("fear",), n_boot=20)
    assert table.loc[0, ["n", "n_present", "precision", "recall", "auc"]].tolist() == [
        3, 1, 0.5, 1.0, 0.75]


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


# --- the readers' emotions ------------------------------------------------------------

#: The two readers' files (the fixture ``emotions``: two readers, no adjudication) and the
#: adjudication that settles their disagreements (the bundled set: ``bundled``).
PATHS = {role: data_path(f"annotations/{name}")
         for role, name in ANNOTATION_SETS["emotions"].items() if role != "adjudication"}
ADJUDICATION = data_path(f"annotations/{ANNOTATION_SETS['emotions']['adjudication']}")


@pytest.fixture(scope="module")
def emotions(chapter: Chapter) -> Readings:
    return load_emotion_readings(chapter, PATHS)


@pytest.fixture(scope="module")
def bundled(chapter: Chapter) -> Readings:
    return DataFiles().readings("emotions", chapter)


def test_the_bundled_emotion_files(chapter: Chapter, emotions: Readings, bundled: Readings) -> None:
    assert emotions.n_readers == 2 and emotions.adjudication is None
    for table in (emotions.reader_a, emotions.reader_b):
        # long: one row per sentence and emotion, 40 sentences
        assert len(table) == 160 and table["sentence_id"].nunique() == 40
        assert table.columns.tolist() == ["sentence_id", "paragraph_id", "start", "end", "reason",
                                          "text", "emotion", "present"]
        assert table["emotion"].tolist()[:4] == list(EMOTION_NAMES)
    marked = {name: table.groupby("emotion", sort=False)["present"].sum().to_dict()
              for name, table in (("a", emotions.reader_a), ("b", emotions.reader_b))}
    assert marked == {"a": {"fear": 5, "anger": 14, "sadness": 6, "trust": 8},
                      "b": {"fear": 5, "anger": 14, "sadness": 3, "trust": 8}}
    # the bundled set adds the adjudication: one row per disagreement, every row anchored
    adjudication = pd.read_csv(ADJUDICATION)
    assert bundled.n_readers == 2 and bundled.notes == ()
    assert len(bundled.adjudication) == len(adjudication) == len(emotions.disagreements()) == 5
    pd.testing.assert_frame_equal(bundled.reader_a, emotions.reader_a)
    ref = bundled.reference()
    assert len(ref) == 160 and ref["how"].value_counts().to_dict() == {
        "agreed": 160 - len(adjudication), "adjudicated": len(adjudication)}
    # the reference marks what the readers agree on, and the adjudicated value elsewhere
    agreed = emotions.reference().groupby("emotion", sort=False)["present"].sum()
    settled = adjudication.groupby("emotion")["adjudicated"].sum()
    expected = agreed.add(settled, fill_value=0).astype(int).to_dict()
    assert ref.groupby("emotion", sort=False)["present"].sum().to_dict() == expected
    every = bundled.settled().iloc[0]
    assert every["with_a"] == int((adjudication["adjudicated"] == adjudication["present_a"]).sum())
    assert every["with_b"] == int((adjudication["adjudicated"] == adjudication["present_b"]).sum())
    assert every["settled"] == every["disagreements"] == 5


def test_the_emotion_readers_disagree_on_five_marks(chapter: Chapter, emotions: Readings) -> None:
    differ = emotions.disagreements()
    assert differ.values.tolist() == [[7, "sadness", 1, 0], [58, "sadness", 1, 0],
                                      [175, "fear", 0, 1], [175, "sadness", 1, 0],
                                      [263, "fear", 1, 0]]
    text = chapter.sentences.set_index("sentence_id")["text"]
    assert text[58].endswith("later he ordered them to be massacred.")
    # without an adjudication the reference leaves them out, and says so
    assert emotions.notes == ("the emotions readers disagree on 5 unit(s) and no adjudication is "
                              "given: the reference leaves them out",)
    ref = emotions.reference()
    assert len(ref) == 155 and set(ref["how"]) == {"agreed"}
    assert ref.groupby("emotion", sort=False)["present"].sum().to_dict() == {
        "fear": 4, "anger": 14, "sadness": 3, "trust": 8}


def test_the_emotion_readers_agreement(emotions: Readings) -> None:
    overall = emotions.agreement(n_boot=500).iloc[0]
    assert int(overall["n"]) == 160 and overall["exact"] == pytest.approx(155 / 160)
    assert round(float(overall["kappa"]), 2) == 0.90
    by = emotions.agreement(by="emotion", n_boot=200).set_index("group")
    assert by.index.tolist() == list(EMOTION_NAMES) and (by["n"] == 40).all()
    assert by["exact"].to_dict() == {"fear": 0.95, "anger": 1.0, "sadness": 0.925, "trust": 1.0}
    assert by.loc["anger", "kappa"] == by.loc["trust", "kappa"] == 1.0


def test_the_check_of_the_lexicon_against_reader_a(chapter: Chapter) -> None:
    one = load_emotion_readings(chapter, {"reader_a": PATHS["reader_a"]})
    assert one.n_readers == 1 and set(one.reference()["how"]) == {"one reader"}
    table = check(emotion_counts(chapter), one.reference(), n_boot=200).set_index("emotion")
    assert table.index.tolist() == list(EMOTION_NAMES) and (table["n"] == 40).all()
    assert table["n_present"].to_dict() == {"fear": 5, "anger": 14, "sadness": 6, "trust": 8}
    # the lexicon finds most marked sentences but fires on many more
    assert table.loc["fear", ["precision", "recall"]].round(3).tolist() == [0.174, 0.8]
    assert table.loc["anger", ["precision", "recall"]].round(3).tolist() == [0.5, 0.571]
    assert (table["recall"] > table["precision"]).all()


def test_the_check_against_both_readers_leaves_the_disagreements_out(chapter: Chapter,
                                                                     emotions: Readings) -> None:
    table = check(emotion_counts(chapter), emotions.reference(), n_boot=200).set_index("emotion")
    assert table["n"].to_dict() == {"fear": 38, "anger": 40, "sadness": 37, "trust": 40}
    assert table["n_present"].to_dict() == {"fear": 4, "anger": 14, "sadness": 3, "trust": 8}
    assert table.loc["sadness", "recall"] == 1.0


def test_a_malformed_emotion_file_is_named(chapter: Chapter, tmp_path: Path) -> None:
    table = pd.read_csv(PATHS["reader_b"], dtype=str, keep_default_na=False)
    path = tmp_path / "emotions_reader_b.csv"
    table.assign(fear=["2", *table["fear"][1:]]).to_csv(path, index=False)
    with pytest.raises(DataFileError, match=re.escape(
            f"{path}: row 2, column fear: 2 is above the maximum, 1")):
        load_emotion_readings(chapter, {**PATHS, "reader_b": path})


def _adjudication(chapter: Chapter, tmp_path: Path, rows: str) -> Path:
    """An adjudication of the emotion readers, one row per line of ``rows`` (``sid,emotion,...``)."""
    text = chapter.sentences.set_index("sentence_id")
    lines = ["start,end,prefix,exact,suffix,emotion,present_a,present_b,adjudicated,reason"]
    for row in rows.splitlines():
        sid, rest = row.split(",", 1)
        sentence = text.loc[int(sid)]
        start, end = int(sentence["start"]), int(sentence["end"])
        exact = chapter.seed_text[start:end].replace('"', '""')
        lines.append(f'{start},{end},,"{exact}",,{rest}')
    path = tmp_path / "emotions_adjudication.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


SETTLED = ("7,sadness,1,0,0,x\n58,sadness,1,0,0,x\n175,fear,0,1,1,x\n175,sadness,1,0,0,x\n"
           "263,fear,1,0,0,x")


def test_an_emotion_adjudication_settles_the_disagreements(chapter: Chapter,
                                                           tmp_path: Path) -> None:
    path = _adjudication(chapter, tmp_path, SETTLED)
    settled = load_emotion_readings(chapter, {**PATHS, "adjudication": path})
    ref = settled.reference()
    assert len(ref) == 160 and ref["how"].value_counts().to_dict() == {"agreed": 155,
                                                                       "adjudicated": 5}
    assert ref.groupby("emotion", sort=False)["present"].sum().to_dict() == {
        "fear": 5, "anger": 14, "sadness": 3, "trust": 8}


@pytest.mark.parametrize("rows, message", [
    (SETTLED.replace("7,sadness,1,0,0", "7,sadness,0,0,0"),
     "sentence 7, emotion sadness is adjudicated with present_a 0, but reader A gave 1"),
    (SETTLED.rsplit("\n", 1)[0], "the readers disagree on sentence 263, emotion fear (1 against 0) and it is not "
                                 "adjudicated"),
    (SETTLED + "\n7,anger,1,1,1,x", "sentence 7, emotion anger is adjudicated, but the readers agree on it"),
    (SETTLED.replace("7,sadness", "7,joy"), "row 2, column emotion: 'joy' is not one of fear, "
                                            "anger, sadness, trust"),
])
def test_a_faulty_emotion_adjudication_is_named(chapter: Chapter, tmp_path: Path, rows: str,
                                                message: str) -> None:
    path = _adjudication(chapter, tmp_path, rows)
    with pytest.raises(DataFileError, match=re.escape(f"{path}: {message}")):
        load_emotion_readings(chapter, {**PATHS, "adjudication": path})


def test_an_emotion_row_that_no_longer_anchors_is_left_out_with_a_note(tmp_path: Path) -> None:
    old = "later he ordered them to be massacred."
    copy = tmp_path / "copy.txt"
    copy.write_text(seed_path().read_text(encoding="utf-8").replace(
        old, "later he had them massacred."), encoding="utf-8")
    emotions = DataFiles().readings("emotions", DataFiles().chapter(copy))
    assert len(emotions.reader_a) == len(emotions.reader_b) == 156  # one sentence, four emotions
    assert emotions.reader_a["sentence_id"].nunique() == 39
    assert [Path(n.split(":", 1)[0]).name for n in emotions.notes[:2]] == [
        "emotions_reader_a.csv", "emotions_reader_b.csv"]
    assert all("39 of 40 anchored" in n and "not found: row " in n for n in emotions.notes[:2])
    # the adjudication of that sentence does not anchor either: the four others settle the rest
    adjudicated = int(pd.read_csv(ADJUDICATION)["exact"].str.contains(old, regex=False).sum())
    assert Path(emotions.notes[2].split(":", 1)[0]).name == ADJUDICATION.name
    assert f"{5 - adjudicated} of 5 anchored" in emotions.notes[2] and len(emotions.notes) == 3
    ref = emotions.reference()
    assert len(ref) == 156 and (ref["how"] == "adjudicated").sum() == 5 - adjudicated
