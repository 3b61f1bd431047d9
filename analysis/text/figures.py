"""Figures of the text's structure: paragraph and sentence lengths.

Example:
    >>> fig = plot_paragraph_lengths(paragraph_stats(chapter))
    >>> fig.axes[0].get_xlabel()
    'position in the text (share of characters)'
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.style import KIND_COLOURS, PALETTE, figure


def plot_paragraph_lengths(stats: pd.DataFrame) -> Figure:
    """Bar chart of paragraph lengths in words along the text, coloured by kind.

    Takes the table of :func:`analysis.text.structure.paragraph_stats`; each bar spans
    its paragraph's share of the text, so the x axis is position in the chapter. The bars
    of a kind are drawn as one shape, so a long text draws as fast as a chapter.

    Example:
        >>> from analysis.text.structure import paragraph_stats
        >>> fig = plot_paragraph_lengths(paragraph_stats(chapter))
        >>> fig.axes[0].get_xlabel()
        'position in the text (share of characters)'
    """
    fig, ax = figure(height=3.2)
    total = stats["end"].max()
    edges = np.append(stats["start"].to_numpy(), stats["end"].iloc[-1]) / total
    for kind in stats["kind"].drop_duplicates():
        heights = np.where(stats["kind"] == kind, stats["n_words"], 0)
        ax.stairs(heights, edges, fill=True, color=KIND_COLOURS.get(str(kind), PALETTE[-1]),
                  label=str(kind))
    ax.vlines(edges[1:-1], 0, stats["n_words"].max(), color="white", linewidth=0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("position in the text (share of characters)")
    ax.set_ylabel("words in the paragraph")
    ax.legend(title="paragraph kind", loc="upper left")
    return fig


def plot_sentence_lengths(stats: pd.DataFrame) -> Figure:
    """Histogram of sentence lengths in words, narrative and editorial sentences side by side.

    Takes the table of :func:`analysis.text.structure.sentence_stats`. Bins are five words wide;
    each bar is the share of its kind's sentences that fall in the bin, so the bars of one
    kind add up to 1.

    Example:
        >>> from analysis.text.structure import sentence_stats
        >>> fig = plot_sentence_lengths(sentence_stats(chapter))
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
