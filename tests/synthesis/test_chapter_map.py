"""Tests of analysis.synthesis.chapter_map: the tracks of the chapter-at-a-glance figure."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import Chapter
from analysis.people import mention_counts
from analysis.results import Analyses
from analysis.synthesis.chapter_map import (
    leading_themes,
    note_spans,
    people_by_stretch,
    people_track,
    reference_track,
    sentiment_track,
    theme_peaks,
    track_correlations,
)
from analysis.synthesis.figures import plot_chapter_map
from analysis.text.episodes import episode_positions
from analysis.themes import Lexicon, theme_density


@pytest.fixture(scope="module")
def themes(results: Analyses) -> pd.DataFrame:
    return theme_density(results.chapter, results.lexicon, hits=results.theme_hits)


@pytest.fixture(scope="module")
def stretches(chapter: Chapter, episodes: pd.DataFrame) -> pd.DataFrame:
    return episode_positions(chapter, episodes)


@pytest.fixture(scope="module")
def sentiment(results: Analyses) -> pd.DataFrame:
    return sentiment_track(results.chapter, results.sentence_scores, n_boot=50, n_perm=50)


@pytest.fixture(scope="module")
def people(results: Analyses) -> pd.DataFrame:
    return people_track(results.chapter, results.mentions, results.register)


def test_tracks_lie_on_the_unit_interval(themes: pd.DataFrame, sentiment: pd.DataFrame,
                                         people: pd.DataFrame, stretches: pd.DataFrame) -> None:
    for track in (themes, sentiment, people, stretches):
        assert track["position"].between(0, 1).all()
    # the sentiment grid spans the whole chapter; the theme track Serge's narration in it
    assert sentiment["position"].iloc[[0, -1]].tolist() == [0.0, 1.0]
    assert themes["position"].min() < 0.01 and themes["position"].max() > 0.99


def test_sentiment_band_contains_the_arc(sentiment: pd.DataFrame) -> None:
    assert (sentiment["low"] <= sentiment["arc"] + 1e-12).all()
    assert (sentiment["arc"] <= sentiment["high"] + 1e-12).all()
    assert (sentiment["null_low"] <= sentiment["null_high"]).all()


def test_episodes_are_in_text_order_and_tile_the_chapter(stretches: pd.DataFrame,
                                                          episodes: pd.DataFrame) -> None:
    assert stretches["episode"].tolist() == episodes["episode"].tolist()
    assert stretches["position"].is_monotonic_increasing
    assert (stretches["position_end"].iloc[:-1].to_numpy()
            == stretches["position"].iloc[1:].to_numpy()).all()
    assert stretches["position_end"].iloc[-1] == 1.0
    assert stretches.set_index("episode").loc["departure", "sentence_id"] > \
        stretches.set_index("episode").loc["famine", "sentence_id"]


def test_people_rows_are_the_most_named_in_the_narration(results: Analyses,
                                                          people: pd.DataFrame) -> None:
    register, found = results.register, results.mentions
    counts = mention_counts(found[~found["in_note"]], register)
    shown = people.drop_duplicates("person_id")
    # ten people plus Berkman, tied with the tenth at four mentions
    assert shown["person_id"].tolist()[:3] == ["lenin", "bela_kun", "trotsky"]
    assert len(shown) == 11 and shown["count"].iloc[-1] == 4
    assert set(shown["person_id"]) == set(counts[counts["narration"] >= 4]["person_id"])
    assert shown["count"].is_monotonic_decreasing
    assert people.groupby("person_id").size().to_dict() == \
        shown.set_index("person_id")["count"].to_dict()


def test_people_rows_are_traceable(chapter: Chapter, people: pd.DataFrame) -> None:
    for row in people.itertuples():
        assert chapter.seed_text[row.start:row.end].startswith(row.surface.split()[0])
    assert set(chapter.paragraphs.set_index("paragraph_id").loc[people["paragraph_id"], "kind"]) \
        <= {"narrative", "title"}


def test_notes_are_the_editorial_paragraphs(chapter: Chapter) -> None:
    spans = note_spans(chapter)
    assert spans["paragraph_id"].tolist() == [8, 17, 25, 30, 33, 37, 45, 55, 61]
    assert (spans["position"] < spans["position_end"]).all()


def test_known_peaks_and_correlations(themes: pd.DataFrame, stretches: pd.DataFrame,
                                      sentiment: pd.DataFrame) -> None:
    peaks = theme_peaks(themes, stretches).set_index("theme")["episode"].to_dict()
    assert peaks == {"terror": "Tagantsev, Gumilev", "nep": "NEP", "free_thought": "Volfila"}
    r = track_correlations(themes, sentiment).set_index("theme")["r"]
    assert r["free_thought"] > 0 > r["terror"]


def test_the_top_of_the_people_track_keeps_ties(results: Analyses) -> None:
    track = people_track(results.chapter, results.mentions, results.register, top=3)
    shown = track.drop_duplicates("person_id")
    assert shown[["label", "count"]].values.tolist() == [["Lenin", 15], ["Bela Kun", 11],
                                                         ["Trotsky", 7], ["Gumilev", 7]]


def test_known_stretches(people: pd.DataFrame, stretches: pd.DataFrame) -> None:
    table = people_by_stretch(people, stretches)
    assert table.loc["Bela Kun", "Bela Kun"] == 10
    assert table.loc["Gumilev", "Tagantsev, Gumilev"] == 6
    assert table.loc["Emma Goldman", "anarchists shot"] == 5
    assert int(table.to_numpy().sum()) == len(people)


@given(st.lists(st.floats(0, 10), min_size=3, max_size=40),
       st.lists(st.floats(0, 10), min_size=3, max_size=40))
def test_leading_runs_tile_the_track(a: list[float], b: list[float]) -> None:
    n = min(len(a), len(b))
    track = pd.DataFrame({"position": np.linspace(0, 1, n), "terror": np.array(a[:n]) + 0.1,
                          "nep": np.array(b[:n]) + 0.1})
    runs = leading_themes(track)
    assert runs["position"].iloc[0] == 0.0 and runs["position_end"].iloc[-1] == 1.0
    assert (runs["theme"] != runs["theme"].shift()).all()
    assert (runs["position"] <= runs["position_end"]).all()
    assert set(runs["theme"]) <= {"terror", "nep", "none"}


@given(st.floats(0.1, 5), st.floats(-3, 3))
def test_correlation_ignores_scale_and_offset(scale: float, offset: float) -> None:
    x = np.linspace(0, 1, 21)
    sentiment = pd.DataFrame({"position": x, "arc": np.sin(6 * x)})
    themes = pd.DataFrame({"position": x, "nep": scale * np.sin(6 * x) + offset})
    assert track_correlations(themes, sentiment)["r"].iloc[0] == pytest.approx(1.0)


def test_the_reference_track_smooths_the_readers_score_as_the_method_is_smoothed(
        results: Analyses, sentiment: pd.DataFrame) -> None:
    ref = results.tone_reference
    track = reference_track(results.chapter, ref, n_boot=50)
    assert track["position"].tolist() == sentiment["position"].tolist()   # the method's grid
    assert track["arc"].between(-1, 1).all()
    assert ((track["low"] <= track["arc"]) & (track["arc"] <= track["high"])).all()
    # the score put on the method's scale, then smoothed: halving the scale halves the arc
    halved = ref.assign(score=ref["score"] / 2)
    assert np.allclose(reference_track(results.chapter, halved, n_boot=50)["arc"],
                       track["arc"] / 2)
    # the readers read the narration darker than the method does, on the whole
    assert track["arc"].mean() < sentiment["arc"].mean()
    assert reference_track(results.chapter, None) is None


def test_the_figure_has_three_panels_sharing_x(themes: pd.DataFrame, sentiment: pd.DataFrame,
                                               people: pd.DataFrame, stretches: pd.DataFrame,
                                               chapter: Chapter, lexicon: Lexicon) -> None:
    fig = plot_chapter_map(themes, sentiment, people, stretches, note_spans(chapter), lexicon)
    main = fig.axes[:3]
    assert [ax.get_xlim() for ax in main] == [(0.0, 100.0)] * 3
    assert len(main[2].get_yticks()) == people["person_id"].nunique()
    assert 8 <= fig.get_size_inches()[0] <= 9
    legend = [t.get_text() for t in main[0].get_legend().get_texts()]
    assert legend == [*lexicon.labels.values(), "editor's note"]
