"""The figure of the chapter at a glance: theme tracks, sentiment arc and people on one axis.

Example:
    >>> from analysis.synthesis.chapter_map import note_spans
    >>> note_spans(chapter).shape[0]
    9
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analysis.style import KIND_COLOURS, PALETTE, figure, theme_colours, theme_lines
from analysis.themes.lexicon import Lexicon


def plot_chapter_map(themes: pd.DataFrame, sentiment: pd.DataFrame, people: pd.DataFrame,
                     episodes: pd.DataFrame, notes: pd.DataFrame, lexicon: Lexicon,
                     reference: pd.DataFrame | None = None) -> Figure:
    """The chapter at a glance: theme tracks, sentiment arc and people, sharing the x axis.

    ``themes``: :func:`analysis.themes.scoring.theme_density`; ``sentiment``:
    :func:`analysis.synthesis.chapter_map.sentiment_track`; ``people``:
    :func:`analysis.synthesis.chapter_map.people_track`; ``episodes``:
    :func:`analysis.text.episodes.episode_positions`; ``notes``:
    :func:`analysis.synthesis.chapter_map.note_spans` (shaded in every panel);
    ``lexicon``: the themes' labels, colours and order; ``reference``: the arc
    of the readers' reference reading (:func:`analysis.synthesis.chapter_map.reference_track`),
    drawn over the method's arc, or ``None``.

    Example:
        >>> themes = pd.DataFrame({"position": [0, 1], "terror": [1, 2], "nep": [0, 1],
        ...                        "free_thought": [1, 0]})
        >>> arc = pd.DataFrame({"position": [0, 1], "arc": [0, 0], "low": [-1, -1],
        ...                     "high": [1, 1], "null_low": [-1, -1], "null_high": [1, 1]})
        >>> people = pd.DataFrame({"label": ["A"], "rank": [1], "count": [1],
        ...                        "position": [0.5]})
        >>> ep = pd.DataFrame({"episode": ["x"], "position": [0.2]})
        >>> notes = pd.DataFrame({"position": [0.4], "position_end": [0.45]})
        >>> [ax.get_ylabel() for ax in plot_chapter_map(themes, arc, people, ep, notes, lexicon).axes[:3]]
        ['theme density\\n(hits per 100 words)', 'sentiment\\n(smoothed)', '']
        >>> fig = plot_chapter_map(themes, arc, people, ep, notes, lexicon, reference=arc)
        >>> [t.get_text() for t in fig.legends[0].get_texts()][-1]
        'reference reading (score ÷ 2)'
    """
    n_people = people["rank"].nunique()
    fig, axes = figure(3, 1, width=9.0, height=7.0 + 0.12 * n_people, sharex=True,
                       gridspec_kw={"height_ratios": [2.2, 2.2, 0.75 + 0.2 * n_people]})
    theme_ax, arc_ax, people_ax = axes
    for ax in axes:
        for span in notes.itertuples():
            ax.axvspan(span.position * 100, span.position_end * 100, color=KIND_COLOURS["editorial"],
                       alpha=0.18, lw=0, zorder=0)
        for pos in episodes["position"]:
            ax.axvline(pos * 100, color="#777777", lw=0.7, ls=":", zorder=1)

    names = [t for t in lexicon.names if t in themes.columns]
    colours, lines = theme_colours(lexicon.names), theme_lines(lexicon.names)
    for theme in names:
        theme_ax.plot(themes["position"] * 100, themes[theme], color=colours[theme],
                      ls=lines[theme], lw=2.0, label=lexicon.labels[theme])
    theme_ax.set_ylim(0, 1.3 * float(themes[names].max().max()))
    theme_ax.set_ylabel("theme density\n(hits per 100 words)")
    handles, texts = theme_ax.get_legend_handles_labels()
    handles.append(Patch(color=KIND_COLOURS["editorial"], alpha=0.3))
    texts.append("editor's note")
    theme_ax.legend(handles, texts, loc="upper left", fontsize=8, ncols=4)

    x = sentiment["position"] * 100
    arc_ax.fill_between(x, sentiment["low"], sentiment["high"], color=PALETTE[0], alpha=0.25, lw=0,
                        label="95% bootstrap band")
    arc_ax.plot(x, sentiment["null_low"], color=PALETTE[7], lw=0.8, ls="--",
                label="95% range of shuffled order")
    arc_ax.plot(x, sentiment["null_high"], color=PALETTE[7], lw=0.8, ls="--")
    arc_ax.plot(x, sentiment["arc"], color=PALETTE[0], lw=2.2,
                label="arc (lexicon method)" if reference is not None else "arc")
    if reference is not None:
        arc_ax.plot(reference["position"] * 100, reference["arc"], color=PALETTE[1], lw=2.0,
                    ls="-.", label="reference reading (score ÷ 2)")
    arc_ax.axhline(0, color="#666666", lw=0.8)
    arc_ax.set_ylabel("sentiment\n(smoothed)")
    arc_handles, arc_labels = arc_ax.get_legend_handles_labels()
    fig.legend(arc_handles, arc_labels, loc="outside lower center", fontsize=8,
               ncols=len(arc_labels))  # below the figure, where it covers no part of the arcs

    rows = people.drop_duplicates("label").sort_values("rank")
    people_ax.scatter(people["position"] * 100, people["rank"], marker="|", s=90,
                      color=PALETTE[7], lw=1.4)
    people_ax.set_yticks(rows["rank"].to_numpy(),
                         [f"{r.label} ({r.count})" for r in rows.itertuples()], fontsize=8)
    people_ax.set_ylim(n_people + 0.6, 0.4)
    people_ax.grid(axis="y", alpha=0.15)
    people_ax.set_ylabel("")
    people_ax.set_title("named in the narration (mentions)", fontsize=9, loc="left",
                        fontweight="normal")

    top = theme_ax.secondary_xaxis("top")
    top.set_xticks(episodes["position"].to_numpy() * 100, episodes["episode"].tolist(),
                   rotation=55, ha="left", rotation_mode="anchor", fontsize=8)
    top.tick_params(length=0)
    people_ax.set_xlim(0, 100)
    people_ax.set_xlabel("position in the chapter (% of the seed text's characters)")
    return fig
