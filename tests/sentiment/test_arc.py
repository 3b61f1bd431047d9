"""Tests of analysis.sentiment.arc: the smoother's properties, the shuffle test, the episodes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import Chapter
from analysis.readers import tone_unit
from analysis.sentiment.arc import (
    BANDWIDTH,
    arc_correlation,
    arc_points,
    bandwidth_sensitivity,
    dct_lowpass,
    departures,
    grid,
    kernel_smooth,
    parting,
    shuffle_envelope,
    shuffle_test,
    smooth_arc,
)
from analysis.sentiment import sentence_scores
from analysis.text import episode_positions

positions = st.lists(st.floats(0, 1), min_size=1, max_size=60)


@pytest.fixture(scope="module")
def points(chapter: Chapter, patch: pd.DataFrame) -> pd.DataFrame:
    return arc_points(chapter, sentence_scores(chapter, patch))


@given(positions, st.floats(-1, 1))
def test_constant_input_gives_a_flat_arc(xs: list[float], c: float) -> None:
    arc = kernel_smooth(np.array(xs), np.full(len(xs), c), grid(51))
    assert np.allclose(arc, c)


@given(st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), min_size=1, max_size=60))
def test_non_negative_input_never_gives_a_negative_arc(pairs: list[tuple[float, float]]) -> None:
    x, y = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
    arc = kernel_smooth(x, y, grid(51))
    assert (arc >= 0).all()
    assert (arc <= y.max() + 1e-12).all()


def test_ends_are_not_distorted() -> None:
    # first half +1, second half -1: each end is an average of its own side only,
    # not pulled towards 0 (padding) or towards the other end (wrap-around)
    x = np.linspace(0, 1, 200)
    y = np.where(x < 0.5, 1.0, -1.0)
    arc = kernel_smooth(x, y, grid(101))
    assert arc[0] == pytest.approx(1.0, abs=1e-9)
    assert arc[-1] == pytest.approx(-1.0, abs=1e-9)


def test_chapter_arc_ends_stay_within_their_local_scores(points: pd.DataFrame) -> None:
    arc = smooth_arc(points, n_boot=20)
    for end, pos in ((0, 0.0), (-1, 1.0)):
        near = points.loc[(points["position"] - pos).abs() < 3 * BANDWIDTH, "score"]
        assert near.min() <= arc["arc"].iloc[end] <= near.max()


def test_dct_lowpass_rings_where_the_kernel_does_not() -> None:
    spike = pd.Series([0.0] * 50 + [1.0] * 3 + [0.0] * 50)
    x = np.linspace(0, 1, len(spike))
    assert dct_lowpass(spike, keep=6).min() < -0.01
    assert kernel_smooth(x, spike.to_numpy(), x).min() >= 0.0


def test_bootstrap_band_is_seeded_and_ordered(points: pd.DataFrame) -> None:
    a = smooth_arc(points, n_boot=50, seed=1)
    pd.testing.assert_frame_equal(a, smooth_arc(points, n_boot=50, seed=1))
    assert (a["low"] <= a["high"]).all()


def test_shuffle_test_detects_structure_and_not_noise() -> None:
    x = np.linspace(0, 1, 120)
    structured = pd.DataFrame({"position": x, "score": np.sin(2 * np.pi * x)})
    assert shuffle_test(structured, n_perm=199)["p_value"] == pytest.approx(0.005)
    constant = pd.DataFrame({"position": x, "score": np.zeros(120)})
    assert shuffle_test(constant, n_perm=99)["p_value"] == 1.0


def test_shuffle_envelope_is_seeded(points: pd.DataFrame) -> None:
    a = shuffle_envelope(points, n_perm=50, seed=2)
    pd.testing.assert_frame_equal(a, shuffle_envelope(points, n_perm=50, seed=2))
    assert (a["null_low"] <= a["null_high"]).all()


def test_arc_points_are_serges_narration(chapter: Chapter, points: pd.DataFrame) -> None:
    kinds = points["paragraph_id"].map(chapter.paragraphs.set_index("paragraph_id")["kind"])
    assert set(kinds) == {"narrative"}
    assert points["position"].is_monotonic_increasing


def test_the_chapter_arc_is_darkest_in_the_famine(points: pd.DataFrame) -> None:
    arc = smooth_arc(points, n_boot=20)
    assert arc.loc[arc["arc"].idxmin(), "position"] > 0.8


def test_bandwidth_sensitivity_matches_single_tests(points: pd.DataFrame) -> None:
    table = bandwidth_sensitivity(points, (0.02, 0.05), n_perm=60, seed=4)
    for bw, p in zip(table["bandwidth"], table["p_value"]):
        assert p == shuffle_test(points, bw, n_perm=60, seed=4)["p_value"]


def test_departures_finds_runs_and_episodes() -> None:
    arc = pd.DataFrame({"position": np.linspace(0, 1, 11),
                        "arc": [0, 0, .5, .5, 0, 0, 0, -.5, -.6, -.5, 0]})
    env = pd.DataFrame({"position": arc["position"], "null_low": -.2, "null_high": .2})
    episodes = pd.DataFrame({"episode": ["a", "b", "c"], "position": [0.1, 0.65, 0.75]})
    out = departures(arc, env, episodes)
    assert out[["start", "end"]].round(2).to_numpy().tolist() == [[0.2, 0.3], [0.7, 0.9]]
    assert out["direction"].tolist() == ["above", "below"]
    assert out["extreme"].tolist() == [0.5, -0.6]
    assert out["episodes"].tolist() == ["a", "b; c"]


def test_departures_of_the_chapter_name_its_episodes(chapter: Chapter, points: pd.DataFrame,
                                                     episodes: pd.DataFrame) -> None:
    arc = smooth_arc(points, n_boot=20)
    envelope = shuffle_envelope(points, n_perm=50)
    out = departures(arc, envelope, episode_positions(chapter, episodes))
    names = set(episodes["episode"]) | {""}
    assert all(set(cell.split("; ")) <= names for cell in out["episodes"])


def test_no_departures_inside_the_envelope() -> None:
    arc = pd.DataFrame({"position": [0.0, 1.0], "arc": [0.1, -0.1]})
    env = pd.DataFrame({"position": [0.0, 1.0], "null_low": [-.2, -.2], "null_high": [.2, .2]})
    assert departures(arc, env).empty


def test_arcs_of_the_same_shape_correlate_fully_and_opposite_ones_negatively() -> None:
    x = np.linspace(0, 1, 80)
    pts = pd.DataFrame({"position": x, "score": np.sin(2 * np.pi * x)})
    same = arc_correlation(pts, pts.assign(score=0.5 * pts["score"] - 0.2), n_boot=30)
    assert same["r"] == pytest.approx(1.0) and same["low"] == pytest.approx(1.0)
    opposite = arc_correlation(pts, pts.assign(score=-pts["score"]), n_boot=30)
    assert opposite["r"] == pytest.approx(-1.0)
    with pytest.raises(ValueError, match="same sentences"):
        arc_correlation(pts, pts.iloc[::-1], n_boot=5)


def test_the_readers_arc_follows_the_methods_in_shape(chapter: Chapter, points: pd.DataFrame,
                                                      results) -> None:
    ref = results.tone_reference
    ref_points = arc_points(chapter, ref.assign(tone=tone_unit(ref["score"])), column="tone")
    assert ref_points["sentence_id"].tolist() == points["sentence_id"].tolist()
    alike = arc_correlation(points, ref_points, n_boot=50)
    assert 0.4 < alike["r"] < 0.8 and alike["low"] < alike["r"] < alike["high"]


def test_parting_finds_where_one_arc_leaves_the_other() -> None:
    at = np.linspace(0, 1, 11)
    a = pd.DataFrame({"position": at, "arc": [0, 0, .4, .5, 0, 0, 0, -.3, 0, 0, 0]})
    b = pd.DataFrame({"position": at, "arc": np.zeros(11)})
    out = parting(a, b, threshold=0.25)
    assert out[["start", "end"]].round(2).to_numpy().tolist() == [[0.2, 0.3], [0.7, 0.7]]
    assert out["direction"].tolist() == ["above", "below"]
    assert out["gap"].tolist() == [0.5, -0.3]
    assert parting(a, b, threshold=0.6).empty


def test_the_method_is_brighter_than_the_readers_among_the_comrades_from_abroad(
        chapter: Chapter, points: pd.DataFrame, results, episodes: pd.DataFrame) -> None:
    ref = results.tone_reference
    toned = ref.assign(tone=tone_unit(ref["score"]))
    ref_arc = smooth_arc(arc_points(chapter, toned, column="tone"), n_boot=20)
    method_arc = smooth_arc(points, n_boot=20)
    out = parting(method_arc, ref_arc, 0.25, episode_positions(chapter, episodes))
    assert (out["direction"] == "above").all()
    assert out["episodes"].str.contains("comrades from abroad").any()
