"""Keyness of one text against other texts: the two-corpus form of :func:`analysis.themes.vocabulary.keyness`.

:func:`analysis.themes.vocabulary.keyness` sets a chapter against general
English, a reference so large that its rates are taken as known. Set against
another text or a few (a corpus of witnesses), both sides are samples: each
word's count in the text, ``a`` of ``n`` words, is set against its count in
the others, ``b`` of ``m``, in a 2×2 table, and Dunning's log-likelihood G²
(:func:`analysis.stats.log_likelihood`) tests whether the two rates differ.
The effect size is Hardie's log ratio, ``log2((a/n) / (b/m))`` (+1: twice as
frequent in the text as in the others), with a count of zero taken as 0.5 so
that a word one side never uses has a finite ratio.

Example:
    >>> text = pd.Series(["cheka"] * 6 + ["the"] * 20 + ["bread"] * 2)
    >>> others = pd.Series(["the"] * 40 + ["bread"] * 4 + ["tea"] * 5)
    >>> table = keyness_between(text, others, min_count=2)
    >>> table[["word", "count", "other_count"]].values.tolist()[0]
    ['cheka', 6, 0]
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats as scipy_stats

from analysis import stats

#: The count standing for zero in the log ratio (Hardie's convention).
ZERO = 0.5


def keyness_between(words: pd.Series, other_words: pd.Series, *, min_count: int = 3,
                    stopwords: frozenset[str] = frozenset()) -> pd.DataFrame:
    """Words of one text set against other texts: counts, rates, G², log ratio and p-value.

    ``words`` and ``other_words``: the lexical words of the text and of the
    others (e.g. the ``word`` column of :func:`analysis.themes.vocabulary.lexical_words`).
    Every word the text uses at least ``min_count`` times and that is not
    among the ``stopwords`` is tested (the stop words still count in the
    totals). Returns ``word, count, per_10k, other_count, other_per_10k,
    log_likelihood, log_ratio, p_value`` (G² on one degree of freedom, no
    correction for the many words tested), sorted by log-likelihood, largest
    first; a word more frequent in the others has a negative log ratio.

    Example:
        >>> text = pd.Series(["cheka"] * 6 + ["the"] * 20)
        >>> row = keyness_between(text, pd.Series(["the"] * 60)).iloc[0]
        >>> row["word"], round(float(row["log_ratio"]), 2), bool(row["p_value"] < 0.001)
        ('cheka', 4.79, True)
    """
    counts = words.value_counts()
    counts = counts[(counts >= min_count) & ~counts.index.isin(stopwords)]
    others = other_words.value_counts().reindex(counts.index, fill_value=0)
    n, m = float(len(words)), float(len(other_words))
    a, b = counts.to_numpy(dtype=float), others.to_numpy(dtype=float)
    g2 = stats.log_likelihood(a, n - a, b, m - b) if len(a) else np.array([])
    g2 = np.nan_to_num(g2, nan=0.0)  # a table with an empty column: nothing to tell apart
    table = pd.DataFrame({
        "word": counts.index.astype(str),
        "count": counts.to_numpy(dtype=int),
        "per_10k": 1e4 * a / n if n else a,
        "other_count": b.astype(int),
        "other_per_10k": 1e4 * b / m if m else b,
        "log_likelihood": g2,
        "log_ratio": (np.log2((np.maximum(a, ZERO) / n) / (np.maximum(b, ZERO) / m))
                      if n and m else np.full(len(a), np.nan)),
        "p_value": scipy_stats.chi2.sf(g2, df=1),
    })
    return table.sort_values(["log_likelihood", "word"], ascending=[False, True]) \
        .reset_index(drop=True)
