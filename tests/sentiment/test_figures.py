"""Tests of analysis.sentiment.figures: the figures draw what they are given."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.colors import to_hex

from analysis.readers import tone_unit
from analysis.sentiment.arc import arc_points, parting, smooth_arc
from analysis.sentiment.emotions import emotion_counts, emotion_tracks
from analysis.sentiment.figures import (METHOD_COLOURS, REFERENCE_COLOUR, plot_agreement,
                                        plot_emotion_tracks, plot_groups_compared,
                                        plot_reference_arc)
from analysis.text import episode_positions

ROW = {"n": 10, "spearman_low": 0.3, "spearman_high": 0.7, "kappa": 0.4, "kappa_low": 0.2,
       "kappa_high": 0.6}


def test_the_reference_arc_draws_both_arcs_and_shades_where_they_part(chapter, results,
                                                                      episodes) -> None:
    ref = results.tone_reference
    method = smooth_arc(arc_points(chapter, results.sentence_scores), n_boot=20)
    toned = ref.assign(tone=tone_unit(ref["score"]))
    reference = smooth_arc(arc_points(chapter, toned, column="tone"), n_boot=20)
    parted = parting(method, reference, 0.25)
    fig = plot_reference_arc(method, reference, episode_positions(chapter, episodes), parted)
    ax = fig.axes[0]
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert np.allclose(lines["reference (the readers)"].get_ydata(), reference["arc"])
    assert np.allclose(lines["method (vader_patched)"].get_ydata(), method["arc"])
    assert to_hex(lines["reference (the readers)"].get_color()) == REFERENCE_COLOUR.lower()
    shaded = [p for p in ax.patches if p.get_label() == "where the arcs part"]
    assert len(shaded) == 1 and len(parted) >= 1
    assert ax.get_xlim() == (0.0, 100.0)


def test_the_ceiling_is_shaded_and_rows_are_named_by_label() -> None:
    table = pd.DataFrame([{"comparison": "reader A vs reader B", "method": "reader A",
                           "spearman": 0.9, **ROW},
                          {"comparison": "vader_patched vs reference", "method": "vader_patched",
                           "spearman": 0.5, **ROW}])
    fig = plot_agreement(table, label="comparison", ceiling=table.iloc[0])
    left = fig.axes[0]
    assert [t.get_text() for t in left.get_yticklabels()] == table["comparison"].tolist()
    assert len(left.patches) == 1
    assert len(plot_agreement(table, label="comparison").axes[0].patches) == 0
    dots = [line for line in left.get_lines() if line.get_marker() == "o"]
    assert to_hex(dots[1].get_color()) == METHOD_COLOURS["vader_patched"].lower()


def test_the_emotion_tracks_have_a_panel_each(chapter, episodes) -> None:
    tracks = emotion_tracks(chapter, emotion_counts(chapter))
    spans = pd.DataFrame({"position": [0.66], "position_end": [0.72]})
    fig = plot_emotion_tracks(tracks, episode_positions(chapter, episodes), spans)
    panels = [ax for ax in fig.axes if ax.get_ylabel()]
    assert [ax.get_ylabel().split()[0] for ax in panels] == ["fear", "anger", "sadness", "trust"]
    assert np.allclose(panels[0].get_lines()[0].get_ydata(), tracks["fear"])


def test_the_groups_compared_put_each_reading_at_its_mean() -> None:
    method = pd.DataFrame({"theme": ["nep", "terror"], "n": [5, 7], "mean": [0.1, -0.2],
                           "low": [0.0, -0.3], "high": [0.2, -0.1]})
    reference = method.assign(mean=[0.2, -0.4], low=[0.1, -0.5], high=[0.3, -0.3])
    fig = plot_groups_compared({"method": method, "reference": reference}, "theme")
    ax = fig.axes[0]
    marks = [line for line in ax.get_lines()
             if line.get_marker() in ("o", "s") and len(line.get_xdata())]
    assert sorted(float(m.get_xdata()[0]) for m in marks) == [-0.4, -0.2, 0.1, 0.2]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["nep (n=5)", "terror (n=7)"]
