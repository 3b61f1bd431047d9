"""Tests of analysis.sentiment: pinned scores, explanations, data-file validation."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import Chapter, DataFileError
from analysis.results import Analyses
from analysis.sentiment import (
    METHODS,
    RECOMMENDED,
    ascii_typography,
    explain_text,
    load_lexicon_patch,
    load_tone_readings,
    paragraph_kinds,
    score_method,
    score_texts,
    sentence_explanations,
    sentence_scores,
    sentiment_by_kind,
    vader_analyzer,
    vader_valences,
    word_contributions,
)
from analysis.datafiles import data_path

CHEKA = "The Cheka made ready to shoot all of them."
ANNOTATION_FILE = "annotations/sentiment_reader_a.csv"


@pytest.fixture(scope="module")
def scores(chapter: Chapter, patch: pd.DataFrame) -> pd.DataFrame:
    return sentence_scores(chapter, patch)


@pytest.fixture(scope="module")
def contributions(chapter: Chapter, patch: pd.DataFrame) -> pd.DataFrame:
    return word_contributions(chapter, "vader_patched", patch)


def _sid(chapter: Chapter, pattern: str) -> int:
    hits = chapter.find(pattern)
    assert len(hits) == 1
    return int(hits.loc[0, "sentence_id"])


# --- the example ---------------------------------------------------------------

def test_plain_vader_reads_the_cheka_sentence_as_slightly_positive(patch: pd.DataFrame) -> None:
    s = score_texts(pd.Series([CHEKA]), patch).iloc[0]
    assert s["vader"] == pytest.approx(0.0258, abs=1e-4)
    assert s["textblob"] == pytest.approx(0.2)


def test_patched_vader_reads_the_cheka_sentence_as_negative(patch: pd.DataFrame) -> None:
    s = score_texts(pd.Series([CHEKA]), patch).iloc[0]
    assert s["vader_patched"] == pytest.approx(-0.5423, abs=1e-4)
    weights = explain_text(CHEKA, "vader_patched", patch).set_index("word")["weight"].to_dict()
    assert weights == {"ready": 0.0, "shoot": -2.5}
    plain = explain_text(CHEKA, "vader", None).set_index("word")["weight"].to_dict()
    assert plain == {"ready": 1.5, "shoot": -1.4}
    assert not explain_text(CHEKA, "textblob", None).empty


def test_score_method_needs_a_patch_only_for_the_patched_method(patch: pd.DataFrame) -> None:
    texts = pd.Series([CHEKA, "The famine."])
    assert score_method(texts, "vader", None).tolist() == score_method(texts, "vader",
                                                                       patch).tolist()
    assert score_method(texts, "vader_patched", patch).name == "vader_patched"
    with pytest.raises(ValueError, match="vader_patched needs a lexicon patch"):
        score_method(texts, "vader_patched", None)
    with pytest.raises(ValueError, match="unknown method 'afinn'"):
        score_method(texts, "afinn", patch)
    with pytest.raises(ValueError, match="vader_patched needs a lexicon patch"):
        explain_text(CHEKA, "vader_patched", None)


def test_cheka_sentence_in_the_chapter(chapter: Chapter, scores: pd.DataFrame) -> None:
    row = scores.set_index("sentence_id").loc[_sid(chapter, r"made ready to shoot all")]
    assert row["vader"] == pytest.approx(0.1007, abs=1e-4)
    assert row["textblob"] == pytest.approx(0.1625, abs=1e-4)
    assert row["vader_patched"] == pytest.approx(-0.5848, abs=1e-4)


# --- pinned sentences per method ------------------------------------------------------

@pytest.mark.parametrize("pattern, vader, textblob, patched", [
    (r"The winds of an immeasurable calamity", 0.0, 0.0, -0.6124),
    (r"No one ever wore a great destiny", 0.4404, 0.65, 0.4404),
    (r"Contradictory, but so was reality", -0.1779, 0.0, -0.1779),
    (r"Their faces lit up", 0.0, 0.0, 0.0),
])
def test_pinned_sentence_scores(chapter: Chapter, scores: pd.DataFrame, pattern: str,
                                vader: float, textblob: float, patched: float) -> None:
    row = scores.set_index("sentence_id").loc[_sid(chapter, pattern)]
    assert (row["vader"], row["textblob"], row["vader_patched"]) == pytest.approx(
        (vader, textblob, patched), abs=1e-4)


def test_sentence_scores_table(chapter: Chapter, scores: pd.DataFrame) -> None:
    assert list(scores.columns) == ["sentence_id", "paragraph_id", "start", "end",
                                    *METHODS, "sentiment"]
    assert len(scores) == len(chapter.sentences)
    pd.testing.assert_frame_equal(
        scores[["sentence_id", "paragraph_id", "start", "end"]],
        chapter.sentences[["sentence_id", "paragraph_id", "start", "end"]].reset_index(drop=True))
    assert scores[list(METHODS)].abs().le(1).all().all()
    assert (scores["sentiment"] == scores[RECOMMENDED]).all()


def test_patching_does_not_touch_other_analysers(patch: pd.DataFrame) -> None:
    patched = vader_analyzer(patch)
    plain = vader_analyzer()
    assert patched.lexicon["ready"] == 0.0
    assert plain.lexicon["ready"] == 1.5
    assert "famine" not in plain.lexicon


# --- explanations -----------------------------------------------------------------------

def test_valences_reproduce_vader_compound(chapter: Chapter, patch: pd.DataFrame) -> None:
    for analyzer, prepare in [(vader_analyzer(), str),
                              (vader_analyzer(patch), ascii_typography)]:
        for text in chapter.sentences["text"]:
            valences = [v for _, v in vader_valences(analyzer, prepare(text))]
            expected = analyzer.polarity_scores(prepare(text))["compound"]
            assert analyzer.score_valence(valences, prepare(text))["compound"] == expected


def test_scare_quote_rule_only_removes_positive_words_in_scare_quotes(
        chapter: Chapter, contributions: pd.DataFrame) -> None:
    words = contributions
    quoted = words[words["scare_quoted"]]
    assert (quoted["valence"] <= 0).all()
    irony = quoted[quoted["lexicon"] > 0]
    assert set(irony["word"]) == {"inspired", "truth", "adventures"}
    sid = _sid(chapter, r"an inspired turn to the Right")
    words = words[words["sentence_id"] == sid].set_index("word")
    assert words.loc["inspired", "valence"] == 0.0
    assert words.loc["saved", "valence"] == pytest.approx(1.8)


def test_word_contributions_point_at_the_words(chapter: Chapter,
                                              contributions: pd.DataFrame) -> None:
    words = contributions
    assert len(words) > 500
    for row in words.itertuples():
        seen = ascii_typography(chapter.established(row.start, row.end)).lower()
        assert seen == row.word.lower()
    famine = words[words["word"] == "famine"]
    assert len(famine) == len(chapter.find(r"\bfamine\b"))
    assert set(famine["lexicon"]) == {-2.8}


def test_ascii_quotes_let_vader_see_quoted_words(chapter: Chapter,
                                                contributions: pd.DataFrame) -> None:
    sid = _sid(chapter, r"in the name of ‘purging the country’")
    plain = word_contributions(chapter, "vader", None)
    patched = contributions
    assert "purging" in set(patched.loc[patched["sentence_id"] == sid, "word"])
    assert "purging" not in set(plain.loc[plain["sentence_id"] == sid, "word"])


def test_no_lexicon_word_flag(chapter: Chapter, patch: pd.DataFrame,
                             scores: pd.DataFrame) -> None:
    ex = sentence_explanations(chapter, "vader_patched", patch, scores).set_index("sentence_id")
    lit = ex.loc[_sid(chapter, r"Their faces lit up")]
    assert bool(lit["no_lexicon_word"]) and lit["fired"] == "" and lit["score"] == 0.0
    cheka = ex.loc[_sid(chapter, r"made ready to shoot all")]
    assert cheka["fired"] == "ready +0.00; shoot -2.50"
    assert not bool(cheka["no_lexicon_word"])
    assert (ex.loc[ex["no_lexicon_word"], "score"] == 0).all()


def test_explain_text_rejects_unknown_method(chapter: Chapter) -> None:
    with pytest.raises(ValueError, match="unknown method"):
        explain_text(CHEKA, "afinn", None)
    with pytest.raises(ValueError, match="unknown VADER method"):
        word_contributions(chapter, "textblob", None)


@settings(max_examples=40)  # each example builds four VADER analysers
@given(st.text(max_size=200))
def test_scores_are_bounded_and_deterministic(patch: pd.DataFrame, text: str) -> None:
    first = score_texts(pd.Series([text]), patch)
    assert first.abs().le(1).all().all()
    pd.testing.assert_frame_equal(first, score_texts(pd.Series([text]), patch))


# --- groups -----------------------------------------------------------------------------

def test_paragraph_kinds(chapter: Chapter, scores: pd.DataFrame) -> None:
    kinds = paragraph_kinds(chapter, scores)
    assert kinds.iloc[0] == "title" and set(kinds) == {"title", "narrative", "editorial"}


def test_sentiment_by_kind(chapter: Chapter, scores: pd.DataFrame) -> None:
    table = sentiment_by_kind(chapter, scores, n_boot=100)
    kinds = scores["paragraph_id"].map(chapter.paragraphs.set_index("paragraph_id")["kind"])
    assert table["n"].sum() == int((kinds != "title").sum())
    narrative = table.set_index("kind").loc["narrative"]
    assert narrative["mean"] == pytest.approx(scores.loc[kinds == "narrative", "sentiment"].mean())
    assert narrative["n_clusters"] == chapter.paragraphs["kind"].eq("narrative").sum()


# --- data files -------------------------------------------------------------------------

PATCH_HEADER = "term,value,reason\n"


def _write(tmp_path: Path, text: str, name: str = "patch.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_patch_is_valid(patch: pd.DataFrame, files) -> None:
    assert files.path("sentiment_lexicon_patch") == data_path("sentiment_lexicon_patch.csv")
    pd.testing.assert_frame_equal(patch, load_lexicon_patch(data_path(
        "sentiment_lexicon_patch.csv")))
    assert patch.columns.tolist() == ["term", "value", "reason"]
    assert patch["term"].is_unique and patch["reason"].str.len().gt(10).all()
    assert patch["value"].between(-4, 4).all()


@pytest.mark.parametrize("body, message", [
    ("famine,-2.8,starvation\nfamine,-2,again\n",
     r"row 3, column term: 'famine' is already given in row 2"),
    ("famine,very bad,x\n", r"row 2, column value: 'very bad' is not a number"),
    ("famine,-5,x\n", r"row 2, column value: -5 is below the minimum, -4"),
    ("famine,4.5,x\n", r"row 2, column value: 4.5 is above the maximum, 4"),
    ("famine,,x\n", r"row 2, column value: empty"),
    ("famine,-2,   \n", r"row 2, column reason: empty"),
    ("Famine,-2,x\n", r"row 2, column term: 'Famine' is not one lower-case word"),
    ("civil war,-2,x\n", r"row 2, column term: 'civil war' is not one lower-case word"),
])
def test_patch_errors_name_row_and_column(tmp_path: Path, body: str, message: str) -> None:
    path = _write(tmp_path, PATCH_HEADER + body)
    with pytest.raises(DataFileError, match=message) as err:
        load_lexicon_patch(path)
    assert str(err.value).startswith(f"{path}: ") and "\n" not in str(err.value)


def test_patch_missing_column(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"row 1 \(header\): missing column\(s\) reason"):
        load_lexicon_patch(_write(tmp_path, "term,value\nfamine,-2\n"))


def test_patch_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no such file"):
        load_lexicon_patch(tmp_path / "nope.csv")


def _reader_a(chapter: Chapter, path: Path) -> pd.DataFrame:
    return load_tone_readings(chapter, {"reader_a": path}).reader_a


def test_bundled_annotation(chapter: Chapter) -> None:
    ann = _reader_a(chapter, data_path(ANNOTATION_FILE))
    assert len(ann) == 332
    assert set(ann["score"]) == {-2, -1, 0, 1, 2}
    counts = ann.groupby(["batch", "split"]).size()
    assert counts[(1, "dev")] >= 50 and counts[(1, "heldout")] >= 50
    assert counts[(2, "heldout")] >= 50 and (2, "dev") not in counts.index
    assert counts[(3, "heldout")] == 80 and (3, "dev") not in counts.index
    # spread over the chapter: every tenth of the narrative has annotated sentences
    length = len(chapter.seed_text)
    assert ann["start"].floordiv(length // 10 + 1).nunique() == 10


def _annotation_rows(tmp_path: Path, edit) -> Path:
    raw = pd.read_csv(data_path(ANNOTATION_FILE), dtype=str, keep_default_na=False)
    edit(raw)
    path = tmp_path / "ann.csv"
    raw.to_csv(path, index=False)
    return path


@pytest.mark.parametrize("edit, message", [
    (lambda r: r.loc.__setitem__((5, "score"), "3"), r"row 7, column score: 3 is above the "
                                                      r"maximum, 2"),
    (lambda r: r.loc.__setitem__((5, "score"), "1.5"), r"row 7, column score: '1.5' is not"),
    (lambda r: r.loc.__setitem__((1, "split"), "test"), r"row 3, column split"),
    (lambda r: r.loc.__setitem__((1, "reason"), ""), r"row 3, column reason: empty"),
    (lambda r: r.loc.__setitem__((1, "batch"), "0"), r"row 3, column batch: 0 is below"),
    (lambda r: r.loc.__setitem__(1, r.loc[0]),
     r"row 3: sentence \d+ is annotated already in row 2"),
])
def test_annotation_errors_name_row_and_column(tmp_path: Path, chapter: Chapter, edit,
                                               message: str) -> None:
    path = _annotation_rows(tmp_path, edit)
    with pytest.raises(DataFileError, match=message):
        _reader_a(chapter, path)


def test_a_quote_not_in_the_text_is_left_out_with_a_note(tmp_path: Path, chapter: Chapter) -> None:
    path = _annotation_rows(tmp_path, lambda r: r.loc.__setitem__((0, "exact"),
                                                                  r.loc[0, "exact"] + " extra"))
    readings = load_tone_readings(chapter, {"reader_a": path})
    assert len(readings.reader_a) == 331
    first = int(chapter.find("The Third Congress of the Communist").loc[0, "sentence_id"])
    assert first not in set(readings.reader_a["sentence_id"])
    assert len(readings.notes) == 1 and readings.notes[0].startswith(
        f"{path}: 331 of 332 anchored (0 moved); not found: row 2 'The Third Congress")


def test_annotation_numbers_are_integers_only() -> None:
    ann = pd.read_csv(data_path(ANNOTATION_FILE), keep_default_na=False)
    assert np.issubdtype(ann["score"].dtype, np.integer)


def test_export_registers_sentiment_csv(results: Analyses, exported,
                                        scores: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(results.sentence_scores, scores)
    table = pd.read_csv(exported["sentiment.csv"])
    assert list(table.columns) == ["sentence_id", "paragraph_id", "start", "end", *METHODS,
                                   "sentiment", "in_note", "annotation"]
    pd.testing.assert_frame_equal(table[scores.columns], scores, check_exact=False)
    reference = results.tone_reference.set_index("sentence_id")["score"]
    annotated = table.dropna(subset=["annotation"]).set_index("sentence_id")["annotation"]
    assert annotated.astype(int).to_dict() == reference.to_dict()
    kinds = table["paragraph_id"].map(results.chapter.paragraphs.set_index("paragraph_id")["kind"])
    assert table["in_note"].tolist() == (kinds == "editorial").tolist()
    assert table.loc[table["in_note"], "annotation"].isna().all()
    assert len(table) == len(scores)
