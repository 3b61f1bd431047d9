"""Figures for the sentiment chapter, in the house style of :mod:`analysis.style`.

Each function takes the tables built by :mod:`analysis.sentiment`,
:mod:`analysis.sentiment.validation`, :mod:`analysis.sentiment.arc` and
:mod:`analysis.sentiment.emotions` and returns a ``Figure``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.sentiment.arc import BANDWIDTH, dct_lowpass, grid, kernel_smooth
from analysis.style import PALETTE, figure

#: One colour per scoring method, the same in every figure.
METHOD_COLOURS = {"vader": PALETTE[1], "textblob": PALETTE[4], "vader_patched": PALETTE[0],
                  "afinn": PALETTE[2], "nrc": PALETTE[3]}

#: The colour of the readers' reference tone, the same in every figure.
REFERENCE_COLOUR = PALETTE[7]


def plot_agreement(table: pd.DataFrame, *, label: str = "method",
                   xlabel: str = "agreement with the readers' reference",
                   ceiling: pd.Series | None = None) -> Figure:
    """Spearman's rho and weighted kappa per row, with their intervals.

    ``table`` is :func:`analysis.sentiment.validation.agreement_table` output
    (or :func:`~analysis.sentiment.validation.against_readers`, with
    ``label="comparison"``): a row's colour is its ``method``'s, its name on
    the axis is its ``label`` column. ``ceiling``, a row of the same columns
    (the readers' agreement with each other), is shaded across both panels.

    Example:
        >>> t = pd.DataFrame({"method": ["vader"], "n": [10], "spearman": [0.5],
        ...                   "spearman_low": [0.3], "spearman_high": [0.7], "kappa": [0.4],
        ...                   "kappa_low": [0.2], "kappa_high": [0.6]})
        >>> len(plot_agreement(t).axes), len(plot_agreement(t, ceiling=t.iloc[0]).axes[0].patches)
        (2, 1)
    """
    fig, axes = figure(1, 2, width=8.0, height=max(2.6, 0.9 + 0.4 * len(table)), sharey=True)
    ys = np.arange(len(table))[::-1]
    for ax, stat, title in zip(axes, ("spearman", "kappa"),
                               ("Spearman's rho", "weighted kappa (quadratic)")):
        if ceiling is not None:
            ax.axvspan(ceiling[f"{stat}_low"], ceiling[f"{stat}_high"], color=REFERENCE_COLOUR,
                       alpha=0.15, lw=0)
        for y, (_, row) in zip(ys, table.iterrows()):
            colour = METHOD_COLOURS.get(row["method"], REFERENCE_COLOUR)
            ax.plot([row[f"{stat}_low"], row[f"{stat}_high"]], [y, y], color=colour, lw=2)
            ax.plot(row[stat], y, "o", color=colour, ms=7)
        ax.axvline(0, color="#666666", lw=0.8)
        ax.set_xlim(-0.2, 1.0)
        ax.set_title(title)
        ax.set_xlabel(xlabel)
    axes[0].set_yticks(ys, table[label])
    return fig


def plot_scores_vs_annotation(frame: pd.DataFrame, methods: list[str], seed: int = 0) -> Figure:
    """Each method's score against the readers' tone (jittered), one panel per method.

    ``frame`` has the readers' score (-2..+2) in ``score`` and one column per method.

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
        ax.set_xlabel("readers' reference tone")
    axes[0][0].set_ylabel("method score")
    return fig


def plot_arc(points: pd.DataFrame, arc: pd.DataFrame, envelope: pd.DataFrame,
             episodes: pd.DataFrame | None = None) -> Figure:
    """The sentence scores and the smoothed arc, with its bootstrap band, the shuffle envelope
    and the episodes.

    Two panels share the x axis: above, every sentence score (the dots, on the
    whole scale from -1 to 1) with the arc drawn over them; below, the arc
    alone with its bands, its y axis scaled to them. The legend sits below
    the panels, clear of the data.

    ``points``: :func:`analysis.sentiment.arc.arc_points`; ``arc``:
    :func:`analysis.sentiment.arc.smooth_arc`; ``envelope``:
    :func:`analysis.sentiment.arc.shuffle_envelope`; ``episodes``:
    :func:`analysis.text.episodes.episode_positions` (``None``: a text without episodes).

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
    _episodes([dots, ax], dots, episodes)
    ax.set_xlim(0, 100)
    ax.set_xlabel("position in the chapter (% of the text)")
    handles = [*dots.get_legend_handles_labels()[0], *ax.get_legend_handles_labels()[0]]
    fig.legend(handles, [h.get_label() for h in handles], loc="outside lower center",
               ncols=4, fontsize=8)
    return fig


def _episodes(panels: list, top: object, episodes: pd.DataFrame | None) -> None:
    """Lines where the episodes open, on every panel, and their names along the top of ``top``.

    A text without episodes (``None`` or no row) has neither.
    """
    if episodes is None or episodes.empty:
        return
    for panel in panels:
        for pos in episodes["position"]:
            panel.axvline(pos * 100, color=PALETTE[4], lw=0.8, alpha=0.8)
    axis = top.secondary_xaxis("top")
    axis.set_xticks(episodes["position"].to_numpy() * 100, episodes["episode"].tolist(),
                    rotation=40, ha="left", fontsize=8)
    axis.tick_params(length=0)


def plot_reference_arc(arc: pd.DataFrame, reference: pd.DataFrame,
                       episodes: pd.DataFrame | None = None,
                       parted: pd.DataFrame | None = None) -> Figure:
    """The arc of the readers' reference tone, with the method's arc drawn over it.

    ``arc`` and ``reference`` are :func:`analysis.sentiment.arc.smooth_arc`
    tables on the same grid, the reference already on the method's scale;
    each is drawn with its bootstrap band. ``parted``
    (:func:`analysis.sentiment.arc.parting`), if given, is shaded: where the
    two arcs lie far apart. ``episodes``:
    :func:`analysis.text.episodes.episode_positions`.

    Example:
        >>> a = pd.DataFrame({"position": [0, 1], "arc": [0.1, 0.0], "low": [0, -0.1],
        ...                   "high": [0.2, 0.1]})
        >>> ep = pd.DataFrame({"episode": ["x"], "position": [0.5]})
        >>> parted = pd.DataFrame({"start": [0.0], "end": [0.2]})
        >>> fig = plot_reference_arc(a, a.assign(arc=-0.2), ep, parted)
        >>> [t.get_text() for t in fig.legends[0].get_texts()][:2]
        ['reference (the readers)', 'method (vader_patched)']
    """
    fig, ax = figure(width=9.0, height=4.4)
    drawn = ((reference, REFERENCE_COLOUR, "reference (the readers)", 2.4),
             (arc, PALETTE[0], "method (vader_patched)", 1.8))
    for table, colour, name, width in drawn:
        x = table["position"] * 100
        ax.fill_between(x, table["low"], table["high"], color=colour, alpha=0.15, lw=0)
        ax.plot(x, table["arc"], color=colour, lw=width, label=name)
    for i, run in enumerate((parted if parted is not None else pd.DataFrame()).itertuples()):
        ax.axvspan(run.start * 100 - 0.5, run.end * 100 + 0.5, color=PALETTE[3], alpha=0.18, lw=0,
                   label="where the arcs part" if i == 0 else None)
    ax.axhline(0, color="#666666", lw=0.8)
    _episodes([ax], ax, episodes)
    ax.set_xlim(0, 100)
    ax.set_xlabel("position in the chapter (% of the text)")
    ax.set_ylabel("tone (smoothed, method's scale)")
    fig.legend(loc="outside lower center", ncols=3, fontsize=8)
    return fig


def plot_emotion_tracks(tracks: pd.DataFrame, episodes: pd.DataFrame | None = None,
                        spans: pd.DataFrame | None = None) -> Figure:
    """One panel per emotion: its smoothed rate along the chapter, with the episodes.

    ``tracks``: :func:`analysis.sentiment.emotions.emotion_tracks` (``position``
    and a column per emotion); ``spans`` (``position``, ``position_end``), if
    given, are shaded in every panel (e.g. the paragraphs where the Terror
    dominates).

    Example:
        >>> tr = pd.DataFrame({"position": [0, 1], "fear": [1.0, 2.0], "trust": [3.0, 1.0]})
        >>> ep = pd.DataFrame({"episode": ["x"], "position": [0.5]})
        >>> spans = pd.DataFrame({"position": [0.2], "position_end": [0.3]})
        >>> fig = plot_emotion_tracks(tr, ep, spans)
        >>> [ax.get_ylabel().split()[0] for ax in fig.axes[:2]]
        ['fear', 'trust']
    """
    emotions = [c for c in tracks.columns if c != "position"]
    fig, axes = figure(len(emotions), 1, width=9.0, height=1.2 + 1.35 * len(emotions),
                       sharex=True, squeeze=False)
    panels = list(axes[:, 0])
    for i, (ax, emotion) in enumerate(zip(panels, emotions)):
        for span in (spans if spans is not None else pd.DataFrame()).itertuples():
            ax.axvspan(span.position * 100, span.position_end * 100, color=PALETTE[1],
                       alpha=0.12, lw=0)
        ax.plot(tracks["position"] * 100, tracks[emotion], color=PALETTE[(i + 1) % 8], lw=2)
        ax.set_ylabel(f"{emotion}\nper 100 words")
        ax.set_ylim(0, None)
    _episodes(panels, panels[0], episodes)
    panels[-1].set_xlim(0, 100)
    panels[-1].set_xlabel("position in the chapter (% of the text)")
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


def plot_groups_compared(tables: Mapping[str, pd.DataFrame], label: str,
                         colours: dict[str, str] | None = None) -> Figure:
    """Mean tone per group by several readings, side by side (each ``label, n, mean, low, high``).

    ``tables`` maps a reading's name (e.g. "method", "reference") to its table
    of the same groups; the groups come in the first table's order, each
    reading on its own line within the group, with its own marker.

    Example:
        >>> t = pd.DataFrame({"theme": ["terror"], "n": [5], "mean": [-0.3], "low": [-0.5],
        ...                   "high": [-0.1]})
        >>> fig = plot_groups_compared({"method": t, "reference": t.assign(mean=-0.4)}, "theme")
        >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
        ['method', 'reference']
    """
    first = next(iter(tables.values())).dropna(subset=["mean"])
    groups = first[label].tolist()
    fig, ax = figure(width=6.5, height=0.6 + 0.75 * len(groups))
    ys = np.arange(len(groups))[::-1].astype(float)
    step = 0.36 / max(len(tables) - 1, 1)
    for k, (name, table) in enumerate(tables.items()):
        rows = table.set_index(label).reindex(groups)
        offset = 0.18 - k * step if len(tables) > 1 else 0.0
        for y, (group, row) in zip(ys + offset, rows.iterrows()):
            colour = (colours or {}).get(group, PALETTE[0])
            ax.plot([row["low"], row["high"]], [y, y], color=colour, lw=2.2,
                    alpha=1.0 if k == 0 else 0.6)
            ax.plot(row["mean"], y, "os^D"[k % 4], color=colour, ms=7,
                    mfc=colour if k == 0 else "white")
        ax.plot([], [], "os^D"[k % 4], color="#555555", mfc="#555555" if k == 0 else "white",
                label=name)
    ax.axvline(0, color="#666666", lw=0.8)
    ax.set_yticks(ys, [f"{g} (n={n})" for g, n in zip(groups, first["n"])])
    ax.set_ylim(-0.6, len(groups) - 0.4)
    ax.set_xlabel("mean sentence tone (95% bootstrap interval)")
    ax.legend(fontsize=8, loc="best")
    return fig
