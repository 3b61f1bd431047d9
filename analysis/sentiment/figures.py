"""Figures for the sentiment chapter, in the house style of :mod:`analysis.style`.

Each function takes the tables built by :mod:`analysis.sentiment`,
:mod:`analysis.sentiment.validation` and :mod:`analysis.sentiment.arc` and returns a ``Figure``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.sentiment.arc import BANDWIDTH, dct_lowpass, grid, kernel_smooth
from analysis.style import PALETTE, figure

#: One colour per scoring method, the same in every figure.
METHOD_COLOURS = {"vader": PALETTE[1], "textblob": PALETTE[4], "vader_patched": PALETTE[0]}


def plot_agreement(table: pd.DataFrame) -> Figure:
    """Spearman's rho and weighted kappa per method, with their intervals.

    ``table`` is :func:`analysis.sentiment.validation.agreement_table` output.

    Example:
        >>> t = pd.DataFrame({"method": ["vader"], "n": [10], "spearman": [0.5],
        ...                   "spearman_low": [0.3], "spearman_high": [0.7], "kappa": [0.4],
        ...                   "kappa_low": [0.2], "kappa_high": [0.6]})
        >>> len(plot_agreement(t).axes)
        2
    """
    fig, axes = figure(1, 2, width=8.0, height=2.6, sharey=True)
    ys = np.arange(len(table))[::-1]
    for ax, stat, title in zip(axes, ("spearman", "kappa"),
                               ("Spearman's rho", "weighted kappa (quadratic)")):
        for y, (_, row) in zip(ys, table.iterrows()):
            colour = METHOD_COLOURS.get(row["method"], PALETTE[7])
            ax.plot([row[f"{stat}_low"], row[f"{stat}_high"]], [y, y], color=colour, lw=2)
            ax.plot(row[stat], y, "o", color=colour, ms=7)
        ax.axvline(0, color="#666666", lw=0.8)
        ax.set_xlim(-0.2, 1.0)
        ax.set_title(title)
        ax.set_xlabel("agreement with the hand annotation")
    axes[0].set_yticks(ys, table["method"])
    return fig


def plot_scores_vs_annotation(frame: pd.DataFrame, methods: list[str], seed: int = 0) -> Figure:
    """Each method's score against the hand annotation (jittered), one panel per method.

    ``frame`` has the annotation in ``score`` and one column per method.

    Example:
        >>> f = pd.DataFrame({"score": [-2, 0, 2], "vader": [-0.5, 0.0, 0.6]})
        >>> len(plot_scores_vs_annotation(f, ["vader"]).axes)
        1
    """
    fig, axes = figure(1, len(methods), width=3.0 * len(methods), height=3.0, sharey=True,
                       squeeze=False)
    jitter = np.random.default_rng(seed).uniform(-0.18, 0.18, len(frame))
    for ax, method in zip(axes[0], methods):
        ax.scatter(frame["score"] + jitter, frame[method], s=14, alpha=0.7,
                   color=METHOD_COLOURS.get(method, PALETTE[7]))
        means = frame.groupby("score")[method].mean()
        ax.plot(means.index, means.to_numpy(), "k-", lw=1.2)
        ax.axhline(0, color="#666666", lw=0.8)
        ax.set_title(method)
        ax.set_xticks([-2, -1, 0, 1, 2])
        ax.set_xlabel("hand annotation")
    axes[0][0].set_ylabel("method score")
    return fig


def plot_arc(points: pd.DataFrame, arc: pd.DataFrame, envelope: pd.DataFrame,
             episodes: pd.DataFrame) -> Figure:
    """The sentence scores and the smoothed arc, with its bootstrap band, the shuffle envelope
    and the episodes.

    Two panels share the x axis: above, every sentence score (the dots, on the
    whole scale from -1 to 1) with the arc drawn over them; below, the arc
    alone with its bands, its y axis scaled to them. The legend sits below
    the panels, clear of the data.

    ``points``: :func:`analysis.sentiment.arc.arc_points`; ``arc``:
    :func:`analysis.sentiment.arc.smooth_arc`; ``envelope``:
    :func:`analysis.sentiment.arc.shuffle_envelope`; ``episodes``:
    :func:`analysis.text.episodes.episode_positions`.

    Example:
        >>> pts = pd.DataFrame({"position": [0.2, 0.8], "score": [0.9, -0.95]})
        >>> arc = pd.DataFrame({"position": [0, 1], "arc": [0, 0], "low": [-0.1, -0.1],
        ...                     "high": [0.1, 0.1]})
        >>> env = pd.DataFrame({"position": [0, 1], "null_low": [-0.1, -0.1],
        ...                     "null_high": [0.1, 0.1]})
        >>> ep = pd.DataFrame({"episode": ["x"], "position": [0.5]})
        >>> fig = plot_arc(pts, arc, env, ep)
        >>> len(fig.axes), [float(y) for y in fig.axes[0].get_ylim()]
        (2, [-1.05, 1.05])
    """
    fig, (dots, ax) = figure(2, 1, width=9.0, height=6.2, sharex=True,
                             gridspec_kw={"height_ratios": [1.0, 1.3]})
    x = arc["position"] * 100
    dots.scatter(points["position"] * 100, points["score"], s=7, color="#888888", alpha=0.6,
                 label="sentences", zorder=1)
    dots.plot(x, arc["arc"], color=PALETTE[0], lw=1.6, zorder=2)
    dots.set_ylim(-1.05, 1.05)
    dots.set_ylabel("sentence score")
    ax.fill_between(x, arc["low"], arc["high"], color=PALETTE[0], alpha=0.25, lw=0,
                    label="95% bootstrap band")
    ax.plot(envelope["position"] * 100, envelope["null_low"], color=PALETTE[7], lw=0.8, ls="--",
            label="95% range of shuffled order")
    ax.plot(envelope["position"] * 100, envelope["null_high"], color=PALETTE[7], lw=0.8, ls="--")
    ax.plot(x, arc["arc"], color=PALETTE[0], lw=2.2, label="arc")
    low = min(float(arc["low"].min()), float(envelope["null_low"].min()))
    high = max(float(arc["high"].max()), float(envelope["null_high"].max()))
    pad = 0.1 * (high - low)
    ax.set_ylim(low - pad, high + pad)
    ax.set_ylabel("sentiment (smoothed)")
    for panel in (dots, ax):
        panel.axhline(0, color="#666666", lw=0.8)
        for pos in episodes["position"]:
            panel.axvline(pos * 100, color=PALETTE[4], lw=0.8, alpha=0.8)
    top = dots.secondary_xaxis("top")
    top.set_xticks(episodes["position"].to_numpy() * 100, episodes["episode"].tolist(),
                   rotation=40, ha="left", fontsize=8)
    top.tick_params(length=0)
    ax.set_xlim(0, 100)
    ax.set_xlabel("position in the chapter (% of the text)")
    handles = [*dots.get_legend_handles_labels()[0], *ax.get_legend_handles_labels()[0]]
    fig.legend(handles, [h.get_label() for h in handles], loc="outside lower center",
               ncols=4, fontsize=8)
    return fig


def plot_smoothers(points: pd.DataFrame, bandwidth: float = BANDWIDTH, keep: int = 5) -> Figure:
    """Kernel smoother against syuzhet's DCT low-pass: on one spike, and on the chapter.

    Left: a single positive passage in a neutral text, smoothed both ways
    (the DCT filter rings below zero). Right: the chapter's sentence scores,
    both ways (the DCT works on sentence order, the kernel on positions).

    Example:
        >>> pts = pd.DataFrame({"position": np.linspace(0, 1, 30), "score": np.zeros(30)})
        >>> len(plot_smoothers(pts).axes)
        2
    """
    fig, (left, right) = figure(1, 2, width=9.0, height=3.2)
    x = np.linspace(0, 1, 101)
    spike = np.where(np.abs(x - 0.5) < 0.03, 1.0, 0.0)
    left.plot(x * 100, spike, color="#999999", lw=1, label="input")
    left.plot(x * 100, kernel_smooth(x, spike, x, bandwidth), color=PALETTE[0], lw=2,
              label="Gaussian kernel")
    left.plot(x * 100, dct_lowpass(pd.Series(spike), keep).to_numpy(), color=PALETTE[1], lw=2,
              label=f"DCT low-pass ({keep} terms)")
    left.axhline(0, color="#666666", lw=0.8)
    left.set_title("one positive passage")
    left.set_xlabel("position (%)")
    left.legend(fontsize=8)
    at = grid()
    pos = points["position"].to_numpy(dtype=float)
    right.plot(at * 100, kernel_smooth(pos, points["score"].to_numpy(dtype=float), at, bandwidth),
               color=PALETTE[0], lw=2, label="Gaussian kernel")
    right.plot(pos * 100, dct_lowpass(points["score"], keep).to_numpy(), color=PALETTE[1], lw=2,
               label=f"DCT low-pass ({keep} terms)")
    right.axhline(0, color="#666666", lw=0.8)
    right.set_title("the chapter")
    right.set_xlabel("position (%)")
    right.legend(fontsize=8)
    return fig


def plot_groups(table: pd.DataFrame, label: str, colours: dict[str, str] | None = None,
                title: str = "") -> Figure:
    """Mean sentiment per group with its interval (``label, n, mean, low, high``).

    Example:
        >>> t = pd.DataFrame({"kind": ["narrative"], "n": [5], "mean": [0.1], "low": [0.0],
        ...                   "high": [0.2]})
        >>> len(plot_groups(t, "kind").axes)
        1
    """
    table = table.dropna(subset=["mean"])
    fig, ax = figure(width=6.0, height=0.5 + 0.5 * len(table))
    ys = np.arange(len(table))[::-1]
    for y, (_, row) in zip(ys, table.iterrows()):
        colour = (colours or {}).get(row[label], PALETTE[0])
        ax.plot([row["low"], row["high"]], [y, y], color=colour, lw=2.5)
        ax.plot(row["mean"], y, "o", color=colour, ms=8)
    ax.axvline(0, color="#666666", lw=0.8)
    ax.set_yticks(ys, [f"{g} (n={n})" for g, n in zip(table[label], table["n"])])
    ax.set_ylim(-0.6, len(table) - 0.4)
    ax.set_xlabel("mean sentence sentiment (95% bootstrap interval)")
    if title:
        ax.set_title(title)
    return fig
