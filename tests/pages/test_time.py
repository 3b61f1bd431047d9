"""Tests of the page Time in the chapter (analysis.pages.time): numbers, figures, tables, sections.

On the bundled chapter each number is checked against what it counts (the
readers' files, the chronology file, the rules' own output); on Russell's
chapter (no annotation of time, no chronology, no episodes, no year narrated),
with one reader only and with two readers but no adjudication, every function
works, the keys stay the same, and the sections say what the text lacks.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure

import analysis.pages.time as page
from analysis import timeline
from analysis.datafiles import DataFiles, data_path
from analysis.pages.figures import CompactFigure
from analysis.pages.format import ONE_READER, readers_words
from analysis.reading_view.figures import InteractiveFigure
from analysis.results import Analyses
from analysis.text import Chapter
from analysis.timeline.annotations import time_disagreements

ROOT = Path(__file__).resolve().parents[2]
RUSSELL = ROOT / "seeds" / "russell-bolshevism-lenin-trotsky-gorky.txt"
RUSSELL_DATA = ROOT / "tests" / "data" / "russell"
QUOTES = {"previous_year": "the previous year", "nowhere": "the year of the comet"}
TABLES = ("expressions_table", "expressions_sample", "agreement_table", "chronology_table",
          "chronology_notes", "jumps_table", "hindsight_agreement", "hindsight_episodes",
          "hindsight_people")


def _annotations(path: str) -> pd.DataFrame:
    return pd.read_csv(data_path(f"annotations/{path}"), dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def values(results: Analyses) -> dict[str, object]:
    return page.numbers(results, quotes=QUOTES)


@pytest.fixture(scope="module")
def russell() -> Analyses:
    if not RUSSELL.is_file() or not RUSSELL_DATA.is_dir():
        pytest.skip("Russell's chapter or its data folder is not there")
    return Analyses.load(RUSSELL, DataFiles.from_dir(RUSSELL_DATA))


def _with_time_files(tmp: Path, chapter: Chapter, names: tuple[str, ...]) -> Analyses:
    """The bundled chapter with only the given files of the annotation of time."""
    folder = tmp / "annotations"
    folder.mkdir(parents=True)
    for name in names:
        shutil.copy(data_path(f"annotations/{name}"), folder)
    return Analyses(chapter, DataFiles.from_dir(tmp))


def test_expressions_are_the_rules_output(results: Analyses, values: dict[str, object]) -> None:
    found = timeline.time_expressions(results.chapter)
    assert values["time_n_expressions"] == len(found) == 108
    for kind in timeline.TIMEX_TYPES:
        assert values[f"time_n_{kind.lower()}"] == int((found["type"] == kind).sum())
    assert values["time_n_unresolved"] == int((found["resolution"] == "unresolved").sum())
    # the narration's year, named most often outside the sentences that speak from later
    assert values["time_story_year"] == 1921
    # "the previous year", read in 1921, is 1920 (the text's own "(1921)" is kept beside it)
    assert values["time_previous_year"] == "1920" and values["time_nowhere"] is None


def test_readers_counts_are_their_files(values: dict[str, object]) -> None:
    a, b = _annotations("time_reader_a.csv"), _annotations("time_reader_b.csv")
    assert (values["time_readers_n_x"], values["time_readers_n_y"]) == (len(a), len(b))
    assert values["time_a_n_y"] == len(a) and values["time_b_n_y"] == len(b)
    assert values["time_a_n_x"] == values["time_n_expressions"]
    adjudication = _annotations("time_adjudication.csv")
    kept = int((adjudication["keep"] == "1").sum())
    assert values["time_n_adjudicated"] == kept
    assert values["time_ref_n_y"] == values["time_n_reference"]
    assert values["time_n_disputes"] == sum(values[f"time_disputes_{k}"] for k in
                                            ("only_a", "only_b", "boundaries", "type", "value",
                                             "type_and_value"))
    h_a, h_b = _annotations("hindsight_reader_a.csv"), _annotations("hindsight_reader_b.csv")
    assert (values["time_h_readers_n_x"], values["time_h_readers_n_y"]) == (len(h_a), len(h_b))


def test_agreement_lies_in_its_interval(values: dict[str, object]) -> None:
    for key in ("time_readers_relaxed_f1", "time_ref_relaxed_f1", "time_ref_value_accuracy",
                "time_h_readers_kappa", "time_h_ref_kappa"):
        assert values[f"{key}_low"] <= values[key] <= values[f"{key}_high"], key
    # every sentence the rules mark is in the reference
    assert values["time_h_ref_precision"] == 1.0


def test_chronology_counts_are_the_file_s(values: dict[str, object]) -> None:
    rows = pd.read_csv(data_path("chronology.csv"), dtype=str, keep_default_na=False)
    assert values["time_n_events"] == len(rows)
    assert values["time_n_notes"] == int((rows["note"] != "").sum())
    assert values["time_n_dated"] == (values["time_n_analepsis"] + values["time_n_in_order"]
                                      + values["time_n_prolepsis"])


def test_jumps_gather_where_the_page_says(results: Analyses, values: dict[str, object]) -> None:
    table = page.jumps_table(results).set_index("episode")
    assert values["time_most_back_episode"] == "Bela Kun"  # Hungary 1919, the Crimea 1920
    assert values["time_most_back"] == table["analepsis"].max() == table.loc["Bela Kun", "analepsis"]
    assert values["time_most_forward_episode"] == "comrades from abroad"
    assert values["time_most_forward"] == table.loc["comrades from abroad", "prolepsis"]
    assert values["time_latest_forward"] <= 1942  # Serge's own dates stop before the writing


def test_hindsight_counts(results: Analyses, values: dict[str, object]) -> None:
    marks = timeline.hindsight(results.chapter, timeline.time_expressions(results.chapter))
    assert values["time_h_n_found"] == int(marks["hindsight"].sum())
    assert values["time_h_n_sentences"] == len(marks)
    assert values["time_h_share"] == round(100 * marks["hindsight"].mean())
    episodes = page.hindsight_episodes(results).set_index("episode")
    assert values["time_h_top"] == episodes["hindsight"].max()
    assert values["time_h_top_episode"] == "comrades from abroad"
    assert "Third Congress" in values["time_h_none"]


def test_no_float_has_more_than_two_places(values: dict[str, object]) -> None:
    for key, value in values.items():
        if isinstance(value, float):
            assert value == round(value, 2), key


def test_figures_and_tables_of_the_bundled_chapter(results: Analyses) -> None:
    for name in TABLES:
        assert getattr(page, name)(results) is not None, name
    figure = page.narration_plot(results, writing=(1942, 1943), ylim=(1888, 1956)).figure
    assert isinstance(figure, Figure)
    axis = figure.axes[0]
    assert "Serge" not in axis.get_title() + axis.get_xlabel() + axis.get_ylabel()
    assert all("Serge" not in t.get_text() for t in axis.get_legend().get_texts())
    plt.close(figure)
    interactive = page.narration_interactive(results, writing=(1942, 1943))
    assert isinstance(interactive, InteractiveFigure) and "Serge" not in interactive._repr_html_()
    people = page.hindsight_people(results).data
    assert (people["hindsight"] > 0).all() and "label" in people.columns


def test_sections_of_the_bundled_chapter(results: Analyses) -> None:
    text = page.agreement_parts(results)[0].data
    assert readers_words(2, adjudicated=True) in text and "not a human ceiling" in text
    assert "1921" in page.expressions_section(results).data
    parts = page.chronology_parts(results, writing=(1942, 1943))
    assert any(isinstance(p, CompactFigure) for p in parts)
    assert readers_words(2, adjudicated=True) in page.hindsight_parts(results)[0].data
    plt.close("all")


def test_russell_lacks_readers_chronology_episodes_and_years(russell: Analyses,
                                                             values: dict[str, object]) -> None:
    found = page.numbers(russell, quotes=QUOTES)
    assert found.keys() == values.keys()
    assert found["time_story_year"] is None and found["time_n_events"] is None
    assert found["time_readers_relaxed_f1"] is None and found["time_ref_relaxed_f1"] is None
    assert found["time_n_disputes"] is None and found["time_most_back"] is None
    assert found["time_h_top_episode"] is None and found["time_h_ref_kappa"] is None
    for name in ("agreement_table", "chronology_table", "chronology_notes", "jumps_table",
                 "hindsight_agreement", "hindsight_episodes"):
        assert getattr(page, name)(russell) is None, name
    assert page.narration_plot(russell) is None and page.narration_interactive(russell) is None
    assert page.agreement_parts(russell)[0].data.startswith("No annotation of time")
    chronology = [p.data for p in page.chronology_parts(russell)]
    assert chronology[0].startswith("No chronology") and "No order of telling" in chronology[1]
    assert "names no year often enough" in page.expressions_section(russell).data


def test_one_reader_is_said_and_measured_alone(tmp_path: Path, chapter: Chapter) -> None:
    results = _with_time_files(tmp_path, chapter, ("time_reader_a.csv", "hindsight_reader_a.csv"))
    found = page.numbers(results)
    assert found["time_readers_n_x"] is None and found["time_ref_n_y"] is None
    assert found["time_a_n_y"] == len(_annotations("time_reader_a.csv"))
    assert found["time_n_disputes"] is None and found["time_n_reference"] is None
    assert page.agreement_table(results).index.tolist() == ["method vs reader A"]
    text = page.agreement_parts(results)[0].data
    assert ONE_READER in text and "Against reader A" in text
    assert ONE_READER in page.hindsight_parts(results)[0].data


def test_two_readers_without_adjudication_have_no_reference(tmp_path: Path,
                                                            chapter: Chapter) -> None:
    results = _with_time_files(tmp_path, chapter, ("time_reader_a.csv", "time_reader_b.csv"))
    found = page.numbers(results)
    assert found["time_ref_relaxed_f1"] is None and found["time_n_reference"] is None
    disputes = time_disagreements(*(timeline.load_annotation_files(
        chapter, {k: data_path(f"annotations/time_reader_{r}.csv")})[k] for k, r in
        (("time_a", "a"), ("time_b", "b"))))
    assert found["time_readers_relaxed_f1"] is not None and found["time_n_disputes"] == len(disputes)
    text = page.agreement_parts(results)[0].data
    assert "no adjudicator has settled their disagreements" in text and "an AI adjudicator" not in text
    assert "Against reader A" in text
