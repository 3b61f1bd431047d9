"""Tests of analysis.style: the house style, and colours for any lexicon."""

from __future__ import annotations

import matplotlib.pyplot as plt

from analysis import style


def test_figure_is_in_the_house_style() -> None:
    fig, ax = style.figure(width=5.0, height=2.0)
    assert fig.get_size_inches().tolist() == [5.0, 2.0]
    assert plt.rcParams["axes.spines.top"] is False and plt.rcParams["svg.hashsalt"] == "serge"
    assert not ax.spines["top"].get_visible()


def test_kinds_have_fixed_colours_from_the_palette() -> None:
    assert set(style.KIND_COLOURS) == {"title", "narrative", "editorial"}
    assert style.KIND_COLOURS["narrative"] in style.PALETTE
    assert style.KIND_COLOURS["editorial"] in style.PALETTE
    assert not hasattr(style, "THEME_COLOURS")  # themes take their colours from the lexicon


def test_theme_colours_follow_the_order_given_and_avoid_the_kinds() -> None:
    names = [f"t{i}" for i in range(6)]
    colours = style.theme_colours(names)
    assert list(colours) == names and len(set(colours.values())) == 6
    assert not {style.KIND_COLOURS["narrative"], style.KIND_COLOURS["editorial"]} & set(
        colours.values())
    assert style.theme_colours(["b", "a"]) == {"b": colours["t0"], "a": colours["t1"]}


def test_many_themes_cycle_colours_and_lines() -> None:
    names = [f"t{i}" for i in range(20)]
    colours, lines = style.theme_colours(names), style.theme_lines(names)
    assert set(colours.values()) <= set(style.PALETTE) and len(colours) == 20
    assert colours["t0"] == colours[f"t{len(style.THEME_PALETTE)}"]
    assert lines["t0"] == lines[f"t{len(style.THEME_LINES)}"] == "-"
    # colour and line together tell the first themes apart
    pairs = {(colours[t], str(lines[t])) for t in names[:len(style.THEME_PALETTE)]}
    assert len(pairs) == len(style.THEME_PALETTE)
