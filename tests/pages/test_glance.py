"""The page *The text at a glance* for any text: its numbers, figures, tables and sections.

On the bundled chapter the numbers are checked against the mentions, the
episodes and the sentiment page's own numbers (the readers' mean tone is one
number on both pages); on another text without episodes or a tone annotation,
what needs them is ``None`` and the sections say so. The statistics the page
added to the package (which episode holds a position, the themes' means by
episode, the share a theme leads, the themes with the tone paragraph by
paragraph) are tested by hand and as properties.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure

from analysis.datafiles import DataFiles
from analysis.pages import glance as page
from analysis.pages import sentiment
from analysis.results import Analyses
from analysis.synthesis import episode_at, share_led, stretch_means, tone_theme_correlations

ROOT = Path(__file__).resolve().parents[2]
RUSSELL = ROOT / "seeds" / "russell-bolshevism-lenin-trotsky-gorky.txt"
#: The notebook's call (book/glance.ipynb).
PEOPLE = {"Bela Kun": ("kun", "Bela Kun"), "Gumilev": ("gumilev", "Tagantsev, Gumilev"),
          "Emma Goldman": ("goldman", "anarchists shot"),
          "Alexander Berkman": ("berkman", "anarchists shot")}
TABLES = ["runs_table", "correlations_table", "ties_table"]
NEED_EPISODES = ["episodes_table", "people_table"]
SECTIONS = ["episodes_section", "themes_section", "tone_section", "correlations_section",
            "people_section"]


@pytest.fixture(scope="module")
def serge() -> Analyses:
    return Analyses.load()


@pytest.fixture(scope="module")
def numbers(serge: Analyses) -> dict[str, object]:
    return page.numbers(serge, episodes={"Bela Kun": "kun"}, people=PEOPLE)


@pytest.fixture(scope="module")
def russell() -> Analyses:
    return Analyses.load(RUSSELL, DataFiles.from_dir(ROOT / "tests" / "data" / "russell"))


def test_people_by_episode_follow_the_mentions(serge: Analyses, numbers: dict) -> None:
    kun = serge.episodes.set_index("episode").loc["Bela Kun"]
    found = serge.mentions[~serge.mentions["in_note"] & (serge.mentions["person_id"] == "bela_kun")]
    where = found["start"] / len(serge.chapter.seed_text)
    inside = found[(where >= kun["position"]) & (where < kun["position_end"])]
    assert numbers["glance_kun_total"] == len(found)
    assert numbers["glance_kun_in_stretch"] == len(inside)
    assert numbers["glance_spread_name"] == "Lenin"
    assert numbers["glance_n_episodes"] == len(serge.episodes) == 13


def test_the_tone_is_the_sentiment_pages_own(serge: Analyses, numbers: dict) -> None:
    theirs = sentiment.numbers(serge)
    assert numbers["glance_ref_mean"] == theirs["sentiment_ref_arc_mean"]
    assert numbers["glance_arc_mean"] == theirs["sentiment_arc_mean"]
    assert numbers["glance_ref_r"] == theirs["sentiment_arc_r"]
    assert numbers["glance_ref_n_departures"] == theirs["sentiment_ref_n_departures"]
    assert numbers["glance_arc_min"] == theirs["sentiment_arc_min"]


def test_peaks_and_leads(numbers: dict) -> None:
    assert numbers["glance_peak_terror_episode"] == "Tagantsev, Gumilev"
    assert numbers["glance_peak_nep_episode"] == "NEP"
    assert numbers["glance_peak_free_thought_episode"] == "Volfila"
    assert numbers["glance_sequence"].startswith("NEP (0–4%)")
    assert numbers["glance_kun_terror"] < numbers["glance_terror_mean"]


def test_weak_correlations_are_called_weak(numbers: dict) -> None:
    for theme in ("nep", "free_thought"):
        assert numbers[f"glance_rho_{theme}_strength"] == "weak"
        assert numbers[f"glance_rho_{theme}_reach"] == "includes zero"
        low, high = numbers[f"glance_rho_{theme}_low"], numbers[f"glance_rho_{theme}_high"]
        assert low <= numbers[f"glance_rho_{theme}"] <= high
    assert numbers["glance_readers_rho_terror_strength"] == "weak"


def test_every_number_is_rounded(numbers: dict) -> None:
    for key, value in numbers.items():
        assert isinstance(value, (int, float, str, type(None))), key
        if isinstance(value, float):
            assert not math.isnan(value) and round(value, 2) == value, key


def test_the_notebooks_glue_keys_exist(numbers: dict) -> None:
    used = set()
    for cell in json.loads((ROOT / "book" / "glance.ipynb").read_text("utf-8"))["cells"]:
        if cell["cell_type"] == "markdown":
            used |= set(re.findall(r"glue:text\}`([a-z_0-9]+)", "".join(cell["source"])))
    assert used and used <= set(numbers)


def test_the_pages_speak_of_ai_readers_and_the_march_action() -> None:
    notebook = (ROOT / "book" / "glance.ipynb").read_text("utf-8")
    assert "AI language-model readers" in notebook and "March Action" in notebook
    for text in (notebook, (ROOT / "analysis" / "book" / "pages" / "glance.md").read_text("utf-8")):
        for wrong in ("hand check", "hand annotation", "Berlin putsch", "great charmer",
                      "win glory", "close reading"):
            assert wrong not in text, wrong


def test_figures_tables_and_sections_of_the_chapter(serge: Analyses) -> None:
    for name in TABLES + NEED_EPISODES + ["departures_table"]:
        table = getattr(page, name)(serge)
        assert isinstance(table, pd.DataFrame) and len(table), name
    fig = page.figure_map(serge).figure
    assert isinstance(fig, Figure) and len(fig.legends) == 1
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "reference reading (score ÷ 2)" in labels
    assert not any("Serge" in ax.get_title() + ax.get_xlabel() + ax.get_ylabel() for ax in fig.axes)
    html = page.interactive_map(serge)._repr_html_()
    assert "rv-chapter-map" in html and "Bela Kun" in html
    text = "\n".join(getattr(page, name)(serge).data for name in SECTIONS)
    assert "two AI language-model readers" in text and "No reference reading" not in text
    assert set(page.ties_table(serge)["name"]) >= {"Aaron Baron", "Andrei Bely"}


def test_a_text_without_episodes_or_annotation(russell: Analyses) -> None:
    n = page.numbers(russell, episodes={"Bela Kun": "kun"}, people=PEOPLE)
    assert n["glance_n_episodes"] is None and n["glance_ref_r"] is None
    first = russell.lexicon.names[0]
    assert n["glance_ref_mean"] is None and n[f"glance_kun_{first}"] is None
    assert n["glance_kun_total"] is None and n["glance_spread_name"] is None
    assert f"glance_peak_{first}_pos" in n and n[f"glance_peak_{first}_episode"] is None
    for name in NEED_EPISODES + ["departures_table"]:
        assert getattr(page, name)(russell) is None
    assert "never leaves the range" in page.tone_section(russell).data
    for name in TABLES:
        assert isinstance(getattr(page, name)(russell), pd.DataFrame)
    assert isinstance(page.figure_map(russell).figure, Figure)
    assert page.interactive_map(russell)._repr_html_()
    assert "No reference reading for this text: the method's scores stand alone" in (
        page.tone_section(russell).data)
    assert "No episodes for this text" in page.episodes_section(russell).data
    assert "No episodes for this text" in page.people_section(russell).data
    assert russell.lexicon.labels[first] in page.themes_section(russell).data


# --- what the page added to the package ---------------------------------------------------------


def test_episode_at_the_boundaries(serge: Analyses) -> None:
    ep = serge.episodes
    assert episode_at(ep["position"], ep).tolist() == ep["episode"].tolist()
    assert episode_at([0.0], ep).iloc[0] == "(opening)"
    assert episode_at([1.0], ep).iloc[0] == ep["episode"].iloc[-1]


@given(st.lists(st.floats(0, 1, allow_nan=False), min_size=1, max_size=20))
def test_a_position_falls_in_the_last_episode_opened(positions: list[float]) -> None:
    ep = pd.DataFrame({"episode": ["a", "b", "c"], "position": [0.1, 0.4, 0.8]})
    found = episode_at(positions, ep)
    for p, name in zip(positions, found):
        expected = "(opening)" if p < 0.1 else "a" if p < 0.4 else "b" if p < 0.8 else "c"
        assert name == expected


@given(st.floats(-5, 5, allow_nan=False))
def test_stretch_means_of_a_constant_track(value: float) -> None:
    track = pd.DataFrame({"position": np.linspace(0, 1, 21), "terror": value})
    ep = pd.DataFrame({"episode": ["a", "b"], "position": [0.0, 0.5]})
    assert np.allclose(stretch_means(track, ep)["terror"], value)


@given(st.lists(st.sampled_from(["nep", "terror", "none"]), min_size=1, max_size=12))
def test_the_shares_led_add_up(leaders: list[str]) -> None:
    edges = np.linspace(0, 1, len(leaders) + 1)
    runs = pd.DataFrame({"theme": leaders, "position": edges[:-1], "position_end": edges[1:]})
    total = sum(share_led(runs, theme) for theme in set(leaders))
    assert math.isclose(total, 1.0) and all(0 <= share_led(runs, t) <= 1 for t in set(leaders))


def test_tone_theme_correlations_by_hand() -> None:
    scores = pd.DataFrame({"paragraph_id": [1, 2, 2, 3, 4], "sentiment": [0.4, 0.0, 0.2, -0.3, -0.6]})
    themes = pd.DataFrame({"paragraph_id": [1, 2, 3, 4, 5], "terror": [0.0, 1.0, 2.0, 3.0, 9.0]})
    table = tone_theme_correlations(scores, themes, n_boot=50)
    # paragraph 5 has no sentence: left out; the rest fall as terror rises
    assert table["n"].tolist() == [4] and table["rho"].tolist() == [-1.0]
    assert table["low"].iloc[0] <= table["high"].iloc[0]
