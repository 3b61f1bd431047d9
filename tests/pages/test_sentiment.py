"""The page *Sentiment* for any text: its numbers, figures, tables and sections.

On the bundled chapter the numbers are checked against values derived here from
the readers' files, the scores and the arc; on another text without a tone
annotation, emotions or episodes every undefined number is ``None`` and every
function that needs them returns ``None``; with one reader, or two readers and no
adjudication, the page says so and compares nothing it cannot. The statistics
the page added to the package (tuning parts, paired gains, the adjudicator's
settling, the arcs compared, the emotions by the readers' themes) are tested
here too, by hand and as properties.
"""

from __future__ import annotations

import json
import math
import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure

from analysis import readers
from analysis.datafiles import DataFiles, data_path
from analysis.pages import sentiment as page
from analysis.pages.format import p_text
from analysis.pages.sentiment import measures
from analysis.results import Analyses
from analysis.sentiment import gains, tuning_subsets, vader_analyzer
from analysis.sentiment.arc import outside_share, parted_sentences, shuffle_test
from analysis.synthesis import (arcs_compared, emotions_by_theme, mean_tones, method_themes,
                                readers_themes)

ROOT = Path(__file__).resolve().parents[2]
RUSSELL = ROOT / "seeds" / "russell-bolshevism-lenin-trotsky-gorky.txt"
#: The Serge notebook's call (book/sentiment.ipynb).
ARGS = {"examples": {"cheka": "made ready to shoot all"},
        "words": ("murdered", "friendly", "ready", "shoot"), "contrast": ("terror", "nep"),
        "episodes": {"famine": "famine", "Bela Kun": "kun"}}
#: Every function of the page that takes the analyses alone, by what it returns.
TABLES = ["explanations_table", "sensitivity_table", "themes_table", "kinds_table",
          "emotion_rates_table"]
NEED_READERS = ["readers_table", "disagreements_table", "tuning_table", "ceiling_table",
                "differences_table", "parted_table", "passages_table", "emotion_check_table",
                "emotion_readers_table"]
FIGURES = ["figure_arc", "figure_smoothers", "figure_themes", "figure_emotions"]
READER_FIGURES = ["figure_tuning", "figure_ceiling", "figure_scores", "figure_reference_arc"]
SECTIONS = ["readers_section", "validation_section", "arc_section", "reference_arc_section",
            "themes_section", "emotions_section"]


@pytest.fixture(scope="module")
def serge() -> Analyses:
    return Analyses.load()


@pytest.fixture(scope="module")
def numbers(serge: Analyses) -> dict[str, object]:
    return page.numbers(serge, **ARGS)


@pytest.fixture(scope="module")
def russell() -> Analyses:
    """Another text with its own register and lexicon, no annotation and no episodes."""
    return Analyses.load(RUSSELL, DataFiles.from_dir(ROOT / "tests" / "data" / "russell"))


@pytest.fixture(scope="module")
def bare() -> Analyses:
    """Another text with no data folder at all (the bundled lexicon, made for another text)."""
    return Analyses.load(RUSSELL, DataFiles())


def _folder(tmp: Path, names: list[str]) -> DataFiles:
    (tmp / "annotations").mkdir()
    for name in names:
        shutil.copy(data_path(f"annotations/{name}"), tmp / "annotations" / name)
    return DataFiles.from_dir(tmp)


@pytest.fixture(scope="module")
def one_reader(tmp_path_factory: pytest.TempPathFactory) -> Analyses:
    """The bundled chapter with reader A's tone alone."""
    return Analyses.load(None, _folder(tmp_path_factory.mktemp("one"), ["sentiment_reader_a.csv"]))


@pytest.fixture(scope="module")
def unsettled(tmp_path_factory: pytest.TempPathFactory) -> Analyses:
    """The bundled chapter with both readers' tone and emotions, and no adjudication."""
    return Analyses.load(None, _folder(tmp_path_factory.mktemp("two"), [
        "sentiment_reader_a.csv", "sentiment_reader_b.csv", "emotions_reader_a.csv",
        "emotions_reader_b.csv"]))


# --- the bundled chapter: numbers derived from the files -------------------------------------------


def test_the_readers_numbers_follow_their_files(serge: Analyses, numbers: dict) -> None:
    a = pd.read_csv(data_path("annotations/sentiment_reader_a.csv"))
    b = pd.read_csv(data_path("annotations/sentiment_reader_b.csv"))
    adj = pd.read_csv(data_path("annotations/sentiment_adjudication.csv"))
    both = a.merge(b, on=["start", "end"], suffixes=("_a", "_b"))
    assert numbers["sentiment_n_narration"] == len(both) == len(b) == 319
    assert numbers["sentiment_readers_exact"] == round(100 * (both["score_a"] == both["score_b"]).mean())
    assert numbers["sentiment_n_disagree"] == int((both["score_a"] != both["score_b"]).sum()) == len(adj)
    assert numbers["sentiment_sided_a"] == int((adj["adjudicated"] == adj["score_a"]).sum())
    assert numbers["sentiment_sided_b"] == int((adj["adjudicated"] == adj["score_b"]).sum())
    assert numbers["sentiment_sided_a"] + numbers["sentiment_sided_b"] + numbers[
        "sentiment_sided_neither"] == numbers["sentiment_n_disagree"]
    assert numbers["sentiment_n_batch3"] == int((a["batch"] == 3).sum())
    assert numbers["sentiment_n_dev"] == int((a["split"] == "dev").sum())
    assert numbers["sentiment_mean_a"] == round(both["score_a"].mean(), 2)


def test_the_method_numbers_follow_the_scores(serge: Analyses, numbers: dict) -> None:
    sid = int(serge.chapter.find("made ready to shoot all")["sentence_id"].iloc[0])
    row = serge.sentence_scores.set_index("sentence_id").loc[sid]
    assert numbers["sentiment_cheka_vader"] == round(row["vader"], 2)
    assert numbers["sentiment_cheka_vader_patched"] == round(row["vader_patched"], 2) < 0
    assert numbers["sentiment_lex_ready"] == round(vader_analyzer().lexicon["ready"], 1) > 0
    assert numbers["sentiment_patch_n"] == len(serge.patch)


def test_the_arc_numbers(serge: Analyses, numbers: dict) -> None:
    test = shuffle_test(measures.points(serge), n_perm=measures.N_PERM)
    assert numbers["sentiment_shuffle_p_text"] == p_text(test["p_value"])
    assert numbers["sentiment_shuffle_p"] == round(test["p_value"], 3)
    # the p-value moves with the smoothing, and the page says from what to what
    sens = measures.sensitivity(serge)["p_value"]
    assert numbers["sentiment_sens_p_low_text"] == p_text(sens.min())
    assert numbers["sentiment_sens_p_high_text"] == p_text(sens.max()) == "p = 0.086"
    # the envelope is pointwise: the share of the text outside it is said beside 5%
    assert 5 < numbers["sentiment_outside_pct"] < 50
    assert numbers["sentiment_famine_pos"] == round(
        100 * serge.episodes.set_index("episode").loc["famine", "position"])
    assert numbers["sentiment_ref_kun_min"] < numbers["sentiment_ref_arc_mean"] < 0


def test_one_mean_tone_for_the_readers(serge: Analyses, numbers: dict) -> None:
    ref = serge.tone_reference
    assert numbers["sentiment_ref_arc_mean"] == round(readers.tone_unit(ref["score"]).mean(), 2)
    from analysis.pages import glance
    assert glance.numbers(serge)["glance_ref_mean"] == numbers["sentiment_ref_arc_mean"]


def test_the_emotion_numbers_group_by_the_readers_themes(serge: Analyses, numbers: dict) -> None:
    labels = serge.readings("themes").reference()
    terror = labels[(labels["theme"] == "terror") & (labels["label"] > 0)]["paragraph_id"]
    assert numbers["sentiment_emo_terror_paragraphs"] == terror.nunique()
    assert numbers["sentiment_emo_themes_by"] == "readers"
    assert numbers["sentiment_emo_n_readers"] == 2
    assert numbers["sentiment_emo_n_check"] == 40


def test_every_number_is_rounded_and_no_p_value_is_zero(numbers: dict) -> None:
    for key, value in numbers.items():
        assert isinstance(value, (int, float, str, type(None))), key
        if isinstance(value, float):
            assert round(value, 3) == value, key
            assert not math.isnan(value), key
        if isinstance(value, str) and key.endswith("_text"):
            assert value.startswith("p ") and value not in ("p = 0.000", "p = 0.0"), key


def test_the_notebooks_glue_keys_exist(numbers: dict) -> None:
    """Every key the sentiment notebook and the methods page read is one the page gives."""
    used = set()
    for cell in json.loads((ROOT / "book" / "sentiment.ipynb").read_text("utf-8"))["cells"]:
        if cell["cell_type"] == "markdown":
            used |= set(re.findall(r"glue:text\}`([a-z_0-9]+)", "".join(cell["source"])))
    used |= set(re.findall(r"sentiment\.ipynb::([a-z_0-9]+)",
                           (ROOT / "book" / "methods.md").read_text("utf-8")))
    assert used and used <= set(numbers)


def test_the_pages_speak_of_ai_readers_and_the_march_action() -> None:
    for path in (ROOT / "book" / "sentiment.ipynb", ROOT / "analysis" / "book" / "pages" / "sentiment.md"):
        text = path.read_text("utf-8")
        assert "AI language-model readers" in text, path
        for wrong in ("hand check", "hand annotation", "hand-labelled", "Berlin putsch",
                      "cannot be downloaded", "offline"):
            assert wrong not in text, (path, wrong)
    assert "March Action" in (ROOT / "book" / "sentiment.ipynb").read_text("utf-8")


# --- figures, tables and sections --------------------------------------------------------------


def test_the_tables_and_figures_of_the_chapter(serge: Analyses) -> None:
    for name in TABLES + NEED_READERS + ["departures_table"]:
        table = getattr(page, name)(serge)
        assert isinstance(table, pd.DataFrame) and len(table), name
        assert not any("…" in str(v) for v in table.astype(str).to_numpy().ravel()), name
    for name in FIGURES + READER_FIGURES:
        fig = getattr(page, name)(serge).figure
        assert isinstance(fig, Figure)
        texts = [t.get_text() for ax in fig.axes for t in (ax.title, ax.xaxis.label, ax.yaxis.label)]
        texts += [t.get_text() for legend in fig.legends for t in legend.get_texts()]
        assert not any("Serge" in t for t in texts), name
    assert page.disagreements_table(serge)["sided"].isin(["A", "B"]).all()
    assert "rv-arc" in page.interactive_arc(serge, texts=False)._repr_html_()


def test_sections_of_the_chapter(serge: Analyses) -> None:
    text = "\n".join(getattr(page, name)(serge).data for name in SECTIONS)
    assert "two AI language-model readers working from written guidelines" in text
    assert "not a human ceiling" in text and "p = 0.011" in text
    assert "No reference reading" not in text and "0.0 " not in text


@pytest.mark.parametrize("which", ["russell", "bare"])
def test_a_text_without_annotation_or_episodes(which: str, request: pytest.FixtureRequest) -> None:
    results = request.getfixturevalue(which)
    n = page.numbers(results, **ARGS)
    assert n["sentiment_n_readers"] == 0 and n["sentiment_n_narration"] is None
    assert n["sentiment_ref_spearman"] is None and n["sentiment_arc_r"] is None
    assert n["sentiment_famine_pos"] is None and n["sentiment_emo_n_check"] is None
    assert n["sentiment_cheka_vader"] is None  # the quoted sentence is not in this text
    assert n["sentiment_shuffle_p_text"].startswith("p ")
    assert page.departures_table(results) is None  # the arc never leaves the range of chance
    assert "never leaves the range" in page.arc_section(results).data
    for name in NEED_READERS:
        assert getattr(page, name)(results) is None, name
    for name in READER_FIGURES:
        assert getattr(page, name)(results) is None, name
    for name in TABLES:
        assert isinstance(getattr(page, name)(results), pd.DataFrame), name
    for name in FIGURES:
        assert isinstance(getattr(page, name)(results).figure, Figure), name
    assert page.interactive_arc(results)._repr_html_()
    assert "No reference reading for this text: the method's scores stand alone" in (
        page.readers_section(results).data)
    assert "stand alone" in page.reference_arc_section(results).data
    assert "No reader marked this text's emotions" in page.emotions_section(results).data
    labels = set(results.lexicon.labels.values())
    assert set(page.emotion_rates_table(results).index.get_level_values(0)) <= labels
    assert page.emotion_words_table(results, {"fear": results.lexicon.names[0]}).shape[1] == 1


def test_another_lexicon_names_its_own_themes(russell: Analyses) -> None:
    n = page.numbers(russell)
    first = russell.lexicon.names[0]
    assert f"sentiment_theme_{first}_mean" in n and "sentiment_theme_terror_mean" not in n
    assert n["sentiment_emo_themes_by"] == "method"
    assert russell.lexicon.labels[first] in page.themes_section(russell).data


def test_one_reader(one_reader: Analyses) -> None:
    n = page.numbers(one_reader)
    assert n["sentiment_n_readers"] == 1 and n["sentiment_readers_alpha"] is None
    assert n["sentiment_ref_spearman"] is not None and n["sentiment_ceiling_spearman"] is None
    assert page.readers_table(one_reader) is None and page.disagreements_table(one_reader) is None
    assert set(page.ceiling_table(one_reader).index.get_level_values("against")) == {"reader A"}
    assert "one AI language-model reader" in page.readers_section(one_reader).data


def test_two_readers_without_an_adjudication(unsettled: Analyses, numbers: dict) -> None:
    n = page.numbers(unsettled)
    # the readers compared on every sentence both scored, disagreements included
    assert n["sentiment_ceiling_spearman"] == numbers["sentiment_ceiling_spearman"] < 1
    assert n["sentiment_n_disagree"] == numbers["sentiment_n_disagree"]
    assert n["sentiment_sided_a"] is None
    table = page.disagreements_table(unsettled)
    assert len(table) == n["sentiment_n_disagree"] and table["adjudicated"].isna().all()
    text = page.readers_section(unsettled).data
    assert (f"no adjudicator has settled their {n['sentiment_n_disagree']} disagreements, so the "
            "reference leaves them out") in text and "an AI adjudicator" not in text
    assert "no adjudicator has settled" in n["sentiment_emo_settled"]


# --- what the page added to the package ---------------------------------------------------------


def test_how_the_adjudicator_settled_follows_the_file(numbers: dict) -> None:
    adj = pd.read_csv(data_path("annotations/sentiment_adjudication.csv"))
    zero, strong = adj[adj["score_a"] == 0], adj[adj["score_a"].abs() == 2]
    assert numbers["sentiment_a_zero"] == len(zero)
    assert numbers["sentiment_a_zero_to_b"] == int((zero["adjudicated"] == zero["score_b"]).sum())
    assert numbers["sentiment_a_strong"] == len(strong)
    assert numbers["sentiment_a_strong_kept"] == int(
        (strong["adjudicated"] == strong["score_a"]).sum())
    assert numbers["sentiment_sided_neither"] == int(
        ((adj["adjudicated"] != adj["score_a"]) & (adj["adjudicated"] != adj["score_b"])).sum())


def test_tuning_subsets_partition_reader_a(serge: Analyses) -> None:
    parts = tuning_subsets(serge.readings("tone").reader_a, serge.sentence_scores)
    a = serge.readings("tone").reader_a
    assert len(parts["dev"]) + len(parts["alla"]) == len(a)
    assert len(parts["first"]) + len(parts["fresh"]) == len(parts["heldout"])
    assert len(parts["heldout"]) + len(parts["third"]) == len(parts["alla"])
    assert not set(parts["dev"]["sentence_id"]) & set(parts["alla"]["sentence_id"])


@given(st.lists(st.integers(-2, 2), min_size=6, max_size=30))
def test_a_method_gains_nothing_over_itself(scores: list[int]) -> None:
    ann = pd.Series(scores)
    method = ann / 2 + 0.01
    g = gains(ann, method, method, n_boot=20)
    assert (g.fillna(0) == 0).all()


def test_parted_sentences_follow_the_stretch_direction() -> None:
    pts = pd.DataFrame({"sentence_id": [1, 2, 3, 4], "paragraph_id": [1, 1, 2, 2],
                        "position": [0.1, 0.2, 0.6, 0.7], "score": [0.5, 0.2, -0.9, 0.0]})
    other = pts.assign(score=[0.0, 0.0, 0.0, 0.0])
    runs = pd.DataFrame({"start": [0.0, 0.5], "end": [0.3, 0.8], "direction": ["above", "below"]})
    found = parted_sentences(pts, other, runs, top=1)
    assert found["sentence_id"].tolist() == [1, 3] and found["stretch"].tolist() == [1, 2]
    with pytest.raises(ValueError):
        parted_sentences(pts, other.iloc[::-1], runs)


@given(st.lists(st.floats(-1, 1), min_size=3, max_size=40), st.floats(0.01, 0.5))
def test_outside_share_is_a_share(values: list[float], width: float) -> None:
    arc = pd.DataFrame({"position": np.linspace(0, 1, len(values)), "arc": values})
    env = arc.assign(null_low=-width, null_high=width)
    share = outside_share(arc, env)
    assert 0 <= share <= 1
    assert share == np.mean([abs(v) > width for v in values])


def test_mean_tones_and_arcs_compared(serge: Analyses) -> None:
    tones = mean_tones(serge.chapter, serge.sentence_scores, serge.tone_reference)
    assert tones["n"] == 319 and tones["reference"] < tones["method"]
    t = arcs_compared(measures.arc(serge), serge.reference_track)
    assert 0 <= t["darker"] <= 1 and t["gap"] > 0 and -1 <= t["r"] <= 1
    assert arcs_compared(measures.arc(serge), None) is None
    with pytest.raises(ValueError):
        arcs_compared(measures.arc(serge), serge.reference_track.iloc[::2])


def test_emotions_by_theme_splits_every_word_once(serge: Analyses) -> None:
    counts = measures.counts(serge)
    given_ = readers_themes(serge.readings("themes").reference())
    narration = counts[counts["paragraph_id"].isin(given_.index)]
    table = emotions_by_theme(narration, given_)
    for _, both in table.groupby("theme"):
        assert both["n_words"].sum() == narration["n_words"].sum()
        assert both["paragraphs"].sum() == narration["paragraph_id"].nunique()
    one_hot = method_themes(serge.paragraph_scores)
    assert (one_hot.sum(axis=1) <= 1).all()
