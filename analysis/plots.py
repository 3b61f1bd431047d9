"""The book's house style for figures, shared by every analysis.

Functions in the analysis modules draw on Axes obtained from :func:`figure`
and return the ``Figure`` (never ``plt.show()``). Colours come from
:data:`PALETTE`, the Okabe–Ito palette, which stays distinct under the common
forms of colour blindness.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
import pandas as pd

#: Okabe & Ito (2008) colour-blind-safe palette, in drawing order.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442",
           "#000000"]

#: A fixed colour for each paragraph kind and each theme, used in every figure.
KIND_COLOURS = {"title": "#999999", "narrative": PALETTE[0], "editorial": PALETTE[4]}
THEME_COLOURS = {"terror": PALETTE[1], "nep": PALETTE[2], "free_thought": PALETTE[3]}

STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "legend.frameon": False,
    "svg.hashsalt": "serge",
}


def figure(nrows: int = 1, ncols: int = 1, *, width: float = 8.0, height: float = 3.5,
           **kwargs: object) -> tuple[Figure, Axes]:
    """Return a new Figure and its Axes in the house style (set as the default).

    Example:
        >>> fig, ax = figure()
        >>> fig.get_size_inches().tolist()
        [8.0, 3.5]
    """
    use_house_style()
    fig, axes = plt.subplots(nrows, ncols, figsize=(width, height), layout="constrained",
                             **kwargs)
    plt.close(fig)  # the notebook displays the returned Figure itself
    return fig, axes


def use_house_style() -> None:
    """Make the house style the default for figures drawn outside :func:`figure`.

    Example:
        >>> use_house_style()
        >>> plt.rcParams["axes.spines.top"]
        False
    """
    plt.rcParams.update(STYLE)


def plot_paragraph_lengths(stats: pd.DataFrame) -> Figure:
    """Bar chart of paragraph lengths in words along the text, coloured by kind.

    Takes the table of :func:`analysis.structure.paragraph_stats`; each bar spans
    its paragraph's share of the text, so the x axis is position in the chapter.

    Example:
        >>> from analysis import load_chapter
        >>> from analysis.structure import paragraph_stats
        >>> fig = plot_paragraph_lengths(paragraph_stats(load_chapter()))
        >>> fig.axes[0].get_xlabel()
        'position in the text (share of characters)'
    """
    fig, ax = figure(height=3.2)
    total = stats["end"].max()
    for kind, rows in stats.groupby("kind", sort=False):
        ax.bar(rows["start"] / total, rows["n_words"], width=(rows["end"] - rows["start"]) / total,
               align="edge", color=KIND_COLOURS.get(str(kind), PALETTE[-1]), label=str(kind),
               edgecolor="white", linewidth=0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("position in the text (share of characters)")
    ax.set_ylabel("words in the paragraph")
    ax.legend(title="paragraph kind", loc="upper left")
    return fig


def plot_sentence_lengths(stats: pd.DataFrame) -> Figure:
    """Histogram of sentence lengths in words, narrative and editorial sentences side by side.

    Takes the table of :func:`analysis.structure.sentence_stats`. Bins are five words wide;
    each bar is the share of its kind's sentences that fall in the bin, so the bars of one
    kind add up to 1.

    Example:
        >>> from analysis import load_chapter
        >>> from analysis.structure import sentence_stats
        >>> fig = plot_sentence_lengths(sentence_stats(load_chapter()))
        >>> fig.axes[0].get_ylabel()
        'share of the sentences of its kind'
        >>> heights = [p.get_height() for p in fig.axes[0].patches]
        >>> round(float(sum(heights)), 6)  # narrative and editorial bars, each adding up to 1
        2.0
    """
    fig, ax = figure(height=3.0)
    kinds = [k for k in ("narrative", "editorial") if (stats["kind"] == k).any()]
    bins = range(0, int(stats["n_words"].max()) + 6, 5)
    lengths = [stats.loc[stats["kind"] == k, "n_words"] for k in kinds]
    ax.hist(lengths, bins=bins, weights=[np.full(len(x), 1 / len(x)) for x in lengths],
            color=[KIND_COLOURS[k] for k in kinds], label=kinds)
    ax.set_xlabel("words in the sentence (bins of five words)")
    ax.set_ylabel("share of the sentences of its kind")
    ax.legend(title="paragraph kind")
    return fig
