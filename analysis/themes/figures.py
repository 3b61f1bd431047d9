"""Figures for the themes: along the chapter, co-occurrence, collocates, validation.

Each function takes pandas objects and the lexicon, and returns a ``Figure`` in
the house style of :mod:`analysis.style`: the themes drawn, their labels and
their colours (:func:`analysis.style.theme_colours`) come from the lexicon, in
its order, so that any lexicon draws as the bundled one does.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from analysis.style import KIND_COLOURS, figure, theme_colours
from analysis.themes.lexicon import Lexicon


def _paragraph_ticks(ax: Axes, paragraphs: pd.DataFrame, *, numbers: bool = False,
                     every: int = 5) -> None:
    """Thin lines at paragraph starts, editorial notes shaded; optionally numbered on top."""
    for row in paragraphs.itertuples(index=False):
        ax.axvline(row.position, color="#BBBBBB", linewidth=0.4, zorder=0)
        if row.kind == "editorial":
            ax.axvspan(row.position, row.position_end, color=KIND_COLOURS["editorial"],
                       alpha=0.18, linewidth=0, zorder=0)
    if numbers:
        top = ax.secondary_xaxis("top")
        shown = paragraphs[paragraphs["paragraph_id"] % every == 0]
        top.set_xticks(shown["position"].to_numpy(), [f"¶{p}" for p in shown["paragraph_id"]])
        top.tick_params(labelsize=7, length=2)


def plot_along(hits: pd.DataFrame, density: pd.DataFrame, paragraphs: pd.DataFrame,
               lexicon: Lexicon) -> Figure:
    """Where each theme lives: bubblelines of the hits above, smoothed density below.

    Args:
        hits: theme hits with ``theme``, ``weight`` and ``position`` (see
            :func:`analysis.text.structure.along_chapter`).
        density: from :func:`analysis.themes.scoring.theme_density`.
        paragraphs: ``paragraph_id, kind, position, position_end``.

    Example:
        >>> hits = pd.DataFrame({"theme": ["nep", "terror"], "weight": [3.0, 1.0],
        ...                      "position": [0.2, 0.7]})
        >>> dens = pd.DataFrame({"position": [0.0, 0.5, 1.0], "terror": [0, 1, 0],
        ...                      "nep": [1, 0, 0], "free_thought": [0, 0, 1]})
        >>> paras = pd.DataFrame({"paragraph_id": [1, 2], "kind": ["narrative", "editorial"],
        ...                       "position": [0.0, 0.5], "position_end": [0.5, 1.0]})
        >>> len(plot_along(hits, dens, paras, lexicon).axes)
        2
    """
    themes, labels, colours = lexicon.names, lexicon.labels, theme_colours(lexicon.names)
    fig, (top, bottom) = figure(2, 1, width=8.5, height=5.2, sharex=True,
                                gridspec_kw={"height_ratios": [1, 1.4]})
    for row, theme in enumerate(themes):
        mine = hits[hits["theme"] == theme]
        top.scatter(mine["position"], np.full(len(mine), row), s=18 * mine["weight"],
                    color=colours[theme], alpha=0.55, linewidths=0)
    top.set_yticks(range(len(themes)), [labels[t] for t in themes])
    top.set_ylim(len(themes) - 0.5, -0.5)
    top.grid(False)
    top.set_title("Theme hits (bubble size = term weight)", loc="left")
    _paragraph_ticks(top, paragraphs, numbers=True)
    for theme in themes:
        bottom.plot(density["position"], density[theme], color=colours[theme],
                    label=labels[theme], linewidth=1.8)
    bottom.set_ylabel("weighted hits\nper 100 words")
    bottom.set_xlabel("position in the chapter (fraction of the text); "
                      "grey lines: paragraph starts, shaded: editorial notes")
    bottom.set_xlim(0, 1)
    bottom.set_ylim(bottom=0)
    bottom.legend(loc="upper left", ncols=len(themes))
    bottom.set_title("Smoothed density in the narrative", loc="left")
    _paragraph_ticks(bottom, paragraphs)
    return fig


def _heatmap(ax: Axes, table: pd.DataFrame, fmt: str, vmin: float, vmax: float,
             labels: dict[str, str]) -> None:
    """Draw a labelled square heat map with the value written in each cell."""
    values = table.to_numpy(dtype=float)
    ax.imshow(values, cmap="cividis", vmin=vmin, vmax=vmax)
    ax.set_xticks(range(len(table.columns)), [labels[t] for t in table.columns])
    ax.set_yticks(range(len(table.index)), [labels[t] for t in table.index])
    ax.grid(False)
    mid = (vmin + vmax) / 2
    for (i, j), value in np.ndenumerate(values):
        ax.text(j, i, format(value, fmt), ha="center", va="center",
                color="black" if value > mid else "white")


def plot_cooccurrence(annotated: pd.DataFrame | None, correlation: pd.DataFrame,
                      lexicon: Lexicon) -> Figure:
    """Which themes share paragraphs: in a reading (counts) and by the scores (Spearman ρ).

    ``annotated`` (:func:`analysis.themes.validation.annotated_cooccurrence` of the
    reference reading) may be ``None`` for a text without one: the figure then has
    the scores' panel alone.

    Example:
        >>> t = ["terror", "nep"]
        >>> counts = pd.DataFrame([[5, 2], [2, 4]], index=t, columns=t)
        >>> corr = pd.DataFrame([[1.0, 0.1], [0.1, 1.0]], index=t, columns=t)
        >>> len(plot_cooccurrence(counts, corr, lexicon).axes), len(plot_cooccurrence(None, corr, lexicon).axes)
        (2, 1)
    """
    if annotated is None:
        fig, right = figure(1, 1, width=4.6, height=3.6)
    else:
        fig, (left, right) = figure(1, 2, width=8.5, height=3.6)
        _heatmap(left, annotated, ".0f", 0, float(annotated.to_numpy().max()), lexicon.labels)
        left.set_title("Reference reading: paragraphs\nwith both themes (diagonal: with the theme)",
                       loc="left")
    _heatmap(right, correlation, ".2f", -1, 1, lexicon.labels)
    right.set_title("Method: Spearman ρ between\nparagraph scores", loc="left")
    return fig


def plot_collocates(table: pd.DataFrame, lexicon: Lexicon) -> Figure:
    """Top collocates of each theme's core terms: log-Dice bars, counts and G² written beside.

    Args:
        table: from :func:`analysis.themes.vocabulary.core_collocates` (which
            keeps, by default, only the collocates whose G² passes its test).
        lexicon: the themes drawn, one panel each, in its order.

    Example:
        >>> t = pd.DataFrame({"theme": ["terror", "nep"], "collocate": ["since", "coming"],
        ...                   "log_dice": [11.7, 11.8], "observed": [3, 2],
        ...                   "log_likelihood": [12.8, 10.4]})
        >>> fig = plot_collocates(t, lexicon)
        >>> len(fig.axes), fig.axes[0].texts[0].get_text()
        (3, 'n=3, G²=12.8')
    """
    themes, colours = lexicon.names, theme_colours(lexicon.names)
    rows = max([int((table["theme"] == t).sum()) for t in themes] + [2])
    fig, axes = figure(1, len(themes), width=3 * len(themes), height=1.2 + 0.42 * rows,
                       sharex=True, squeeze=False)
    axes = axes[0]
    for ax, theme in zip(axes, themes):
        mine = table[table["theme"] == theme].iloc[::-1]
        y = np.arange(len(mine)) + rows - len(mine)  # every panel's bars as thick, from the top
        ax.barh(y, mine["log_dice"], color=colours[theme], height=0.6)
        ax.set_yticks(y, mine["collocate"], fontsize=10)
        for yy, (dice, n, g2) in zip(y, mine[["log_dice", "observed", "log_likelihood"]]
                                     .itertuples(index=False)):
            ax.text(dice + 0.3, yy, f"n={n}, G²={g2:.1f}", ha="left", va="center",
                    fontsize=9, color="#222222")
        ax.set_title(lexicon.labels[theme], loc="left")
        ax.grid(axis="y", visible=False)
        ax.set_ylim(-0.6, rows - 0.4)
        if mine.empty:
            ax.set_yticks([])
            ax.text(0.5, 0.5, "no collocate\npasses the test", transform=ax.transAxes,
                    ha="center", va="center", color="#666666")
    axes[0].set_xlim(0, 20)
    axes[0].set_xticks([0, 4, 8, 12, 14])
    axes[len(axes) // 2].set_xlabel("log-Dice (14 = always together)")
    return fig


def plot_agreement(table: pd.DataFrame, lexicon: Lexicon) -> Figure:
    """Agreement with a reading (a reader's or the reference) by method: AUC (95% interval) and Spearman ρ.

    Args:
        table: from :func:`analysis.themes.validation.compare_scores`.
        lexicon: the themes, their labels and colours.

    Example:
        >>> t = pd.DataFrame({"method": ["count", "count"], "theme": ["terror", "nep"],
        ...                   "auc": [0.9, 0.8], "auc_low": [0.8, 0.7],
        ...                   "auc_high": [1.0, 0.9], "spearman": [0.8, 0.7]})
        >>> len(plot_agreement(t, lexicon).axes)
        2
    """
    methods = list(dict.fromkeys(table["method"]))
    themes = [t for t in lexicon.names if t in set(table["theme"])]
    colours = theme_colours(lexicon.names)
    fig, (left, right) = figure(1, 2, width=8.5, height=0.45 * len(methods) + 1.6, sharey=True)
    offsets = np.linspace(-0.22, 0.22, len(themes))
    for theme, off in zip(themes, offsets):
        mine = table[table["theme"] == theme].set_index("method").loc[methods]
        y = np.arange(len(methods)) + off
        left.errorbar(mine["auc"], y, xerr=[mine["auc"] - mine["auc_low"],
                                            mine["auc_high"] - mine["auc"]],
                      fmt="o", color=colours[theme], label=lexicon.labels[theme], markersize=5,
                      capsize=2, linewidth=1)
        right.plot(mine["spearman"], y, "o", color=colours[theme], markersize=5)
    left.set_yticks(range(len(methods)), methods)
    left.set_ylim(len(methods) - 0.5, -0.5)
    left.set_xlabel("ROC AUC, present vs absent (95% bootstrap interval)")
    left.axvline(0.5, color="#888888", linewidth=0.8, linestyle=":")
    right.set_xlabel("Spearman ρ with the 0/1/2 labels")
    left.legend(loc="lower left", fontsize=8)
    return fig


def plot_scores_by_label(scores: pd.DataFrame, annotation: pd.DataFrame, lexicon: Lexicon, *,
                         seed: int = 7) -> Figure:
    """Paragraph scores against a reading's label (0 absent, 1 present, 2 dominant), per theme.

    Points are jittered sideways with a seeded generator.

    Example:
        >>> s = pd.DataFrame({"paragraph_id": [1, 2], "terror": [0.0, 3.0]})
        >>> a = pd.DataFrame({"paragraph_id": [1, 2], "theme": ["terror"] * 2, "label": [0, 2]})
        >>> len(plot_scores_by_label(s, a, lexicon).axes)
        1
    """
    rng = np.random.default_rng(seed)
    themes = [t for t in lexicon.names if t in set(annotation["theme"])]
    colours = theme_colours(lexicon.names)
    fig, axes = figure(1, len(themes), width=3 * len(themes) + 0.5, height=3.2, squeeze=False)
    for ax, theme in zip(axes[0], themes):
        mine = annotation[annotation["theme"] == theme].merge(
            scores[["paragraph_id", theme]], on="paragraph_id")
        x = mine["label"].to_numpy() + rng.uniform(-0.15, 0.15, len(mine))
        ax.scatter(x, mine[theme], color=colours[theme], alpha=0.7, s=18, linewidths=0)
        ax.set_xticks([0, 1, 2], ["absent", "present", "dominant"])
        ax.set_title(lexicon.labels[theme], loc="left")
        ax.set_ylim(bottom=-0.3)
    axes[0][0].set_ylabel("score (weighted hits per 100 words)")
    return fig


def plot_auc_by_reader(table: pd.DataFrame, lexicon: Lexicon, *, row: str = "annotation",
                       targets: dict[str, float] | None = None) -> Figure:
    """AUC with its 95% interval, one panel per theme, one line per value of ``row``, one marker per method.

    Args:
        table: ``theme, method, auc, auc_low, auc_high`` and the ``row`` column
            (from :func:`analysis.themes.validation.compare_readers`: rows are
            the annotations measured against).
        lexicon: the themes, their labels and colours.
        row: the column whose values are the rows, top to bottom in table order.
        targets: a dashed line at each given theme's target AUC.

    Example:
        >>> t = pd.DataFrame({"annotation": ["reader A", "reader A", "reference", "reference"],
        ...                   "method": ["count", "context"] * 2, "theme": ["terror"] * 4,
        ...                   "auc": [0.85, 0.9, 0.86, 0.9], "auc_low": [0.7, 0.8, 0.7, 0.8],
        ...                   "auc_high": [0.95, 1.0, 0.95, 0.97]})
        >>> fig = plot_auc_by_reader(t, lexicon, targets={"terror": 0.9})
        >>> len(fig.axes), [line.get_linestyle() for line in fig.axes[0].lines][-1]
        (1, '--')
    """
    rows = list(dict.fromkeys(table[row]))
    methods = list(dict.fromkeys(table["method"]))
    themes = [t for t in lexicon.names if t in set(table["theme"])]
    colours = theme_colours(lexicon.names)
    markers = ["o", "s", "D", "^", "v"]
    fig, axes = figure(1, len(themes), width=2.9 * len(themes) + 1.4,
                       height=0.5 * len(rows) + 1.5, sharey=True, squeeze=False)
    offsets = np.linspace(-0.15, 0.15, len(methods)) if len(methods) > 1 else [0.0]
    for ax, theme in zip(axes[0], themes):
        for k, (method, off) in enumerate(zip(methods, offsets)):
            mine = table[(table["theme"] == theme) & (table["method"] == method)].set_index(row)
            mine = mine.loc[[r for r in rows if r in mine.index]]
            y = np.array([rows.index(r) for r in mine.index]) + off
            filled = k == len(methods) - 1
            ax.errorbar(mine["auc"], y, xerr=[mine["auc"] - mine["auc_low"],
                                              mine["auc_high"] - mine["auc"]],
                        fmt=markers[k % len(markers)], color=colours[theme], markersize=5,
                        capsize=2, linewidth=1, label=method,
                        markerfacecolor=colours[theme] if filled else "white")
        ax.axvline(0.5, color="#888888", linewidth=0.8, linestyle=":")
        if targets and theme in targets:
            ax.axvline(targets[theme], color="#444444", linewidth=0.9, linestyle="--")
        ax.set_title(lexicon.labels[theme], loc="left")
        ax.set_xlim(0.3, 1.02)
        ax.grid(axis="y", visible=False)
        ax.legend(loc="lower left", fontsize=8)
    axes[0][0].set_yticks(range(len(rows)), rows)
    axes[0][0].set_ylim(len(rows) - 0.5, -0.5)
    axes[0][len(themes) // 2].set_xlabel("ROC AUC, present vs absent (95% bootstrap interval)")
    return fig
