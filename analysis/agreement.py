"""Agreement between sentiment scores and a hand annotation, with bootstrap intervals.

The annotation is on an ordinal scale of five points (-2..+2); the methods
give continuous scores in [-1, 1]. Two measures are reported:

- Spearman's rank correlation between the annotation and the raw score (no
  binning, ties handled by mid-ranks);
- Cohen's weighted kappa (quadratic weights by default) between the
  annotation and the score binned onto the same five points by fixed cut
  points (:data:`CUTS`, chosen before any comparison: an absolute score below
  0.05 is neutral, VADER's authors' own threshold; from 0.5 it is strong).

Intervals are percentile bootstraps over sentences (pairs resampled together),
seeded.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from scipy.stats import spearmanr

#: Cut points for binning a score in [-1, 1] onto -2..+2 (neutral below the
#: first, strong from the second).
CUTS: tuple[float, float] = (0.05, 0.5)

#: The five points of the annotation scale.
SCALE: tuple[int, ...] = (-2, -1, 0, 1, 2)


def to_scale(scores: pd.Series, cuts: tuple[float, float] = CUTS) -> pd.Series:
    """Bin scores in [-1, 1] onto the -2..+2 scale by ``cuts`` on the absolute score.

    Example:
        >>> to_scale(pd.Series([-0.7, -0.2, 0.0, 0.04, 0.3, 0.5])).tolist()
        [-2, -1, 0, 0, 1, 2]
    """
    values = np.asarray(scores, dtype=float)
    magnitude = np.where(np.abs(values) < cuts[0], 0, np.where(np.abs(values) < cuts[1], 1, 2))
    return pd.Series(np.sign(values).astype(int) * magnitude, index=getattr(scores, "index", None),
                     dtype="int64")


def spearman(a: pd.Series, b: pd.Series) -> float:
    """Spearman's rank correlation (mid-ranks for ties); NaN if either is constant.

    Example:
        >>> spearman(pd.Series([1, 2, 3, 4]), pd.Series([1, 3, 2, 4]))
        0.8
    """
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if len(x) < 2 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return float("nan")
    return round(float(spearmanr(x, y).statistic), 12)


def weighted_kappa(a: pd.Series, b: pd.Series, categories: tuple[int, ...] = SCALE,
                   weights: str = "quadratic") -> float:
    """Cohen's weighted kappa between two ratings on an ordinal scale.

    ``kappa = 1 - D_o / D_e``, with disagreement weights ``(i - j)^p / (k - 1)^p``
    (p = 2 for ``"quadratic"``, 1 for ``"linear"``) over category ranks,
    ``D_o`` the mean weight of the observed pairs and ``D_e`` the weight
    expected from the two marginal distributions. NaN when ``D_e`` is 0.

    Example:
        >>> weighted_kappa(pd.Series([0, 0, 1, 2]), pd.Series([0, 1, 1, 2]), (0, 1, 2))
        0.8
    """
    power = {"quadratic": 2, "linear": 1}[weights]
    index = {c: i for i, c in enumerate(categories)}
    i = np.array([index[v] for v in np.asarray(a).tolist()])
    j = np.array([index[v] for v in np.asarray(b).tolist()])
    k = len(categories)
    w = (np.abs(np.subtract.outer(np.arange(k), np.arange(k))) / (k - 1)) ** power
    observed = w[i, j].mean()
    pa = np.bincount(i, minlength=k) / len(i)
    pb = np.bincount(j, minlength=k) / len(j)
    expected = pa @ w @ pb
    if expected == 0:
        return float("nan")
    return round(float(1 - observed / expected), 12)


def bootstrap_ci(stat: Callable[[pd.Series, pd.Series], float], a: pd.Series, b: pd.Series,
                 n_boot: int = 1000, seed: int = 0, level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval of ``stat(a, b)``, resampling pairs.

    Resamples on which the statistic is undefined (NaN) are dropped.

    Example:
        >>> a = pd.Series([1, 2, 3, 4, 5, 6])
        >>> bootstrap_ci(spearman, a, a, n_boot=100)
        (1.0, 1.0)
    """
    x, y = np.asarray(a), np.asarray(b)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(x), size=(n_boot, len(x)))
    values = np.array([stat(pd.Series(x[r]), pd.Series(y[r])) for r in idx])
    values = values[~np.isnan(values)]
    alpha = (1 - level) / 2
    return float(np.quantile(values, alpha)), float(np.quantile(values, 1 - alpha))


def agreement_table(annotation: pd.Series, scores: pd.DataFrame, n_boot: int = 1000,
                    seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """Agreement of each score column with the annotation, with intervals.

    ``annotation`` holds -2..+2 ratings; ``scores`` one column per method,
    aligned row by row. Returns one row per method: ``method, n, spearman,
    spearman_low, spearman_high, kappa, kappa_low, kappa_high`` (kappa:
    quadratic weighted, scores binned by :func:`to_scale`).

    Example:
        >>> ann = pd.Series([-2, -1, 0, 1, 2, 2])
        >>> sc = pd.DataFrame({"good": [-0.9, -0.3, 0.0, 0.2, 0.8, 0.8]})
        >>> agreement_table(ann, sc, n_boot=50)[["method", "n", "spearman", "kappa"]]
        ... # doctest: +NORMALIZE_WHITESPACE
          method  n  spearman  kappa
        0   good  6       1.0    1.0
    """
    ann = pd.Series(np.asarray(annotation, dtype=int))
    rows = []
    for method in scores.columns:
        raw = pd.Series(np.asarray(scores[method], dtype=float))
        binned = to_scale(raw)
        rho = spearman(ann, raw)
        rho_ci = bootstrap_ci(spearman, ann, raw, n_boot, seed, level)
        kappa = weighted_kappa(ann, binned)
        kappa_ci = bootstrap_ci(weighted_kappa, ann, binned, n_boot, seed, level)
        rows.append((method, len(ann), rho, *rho_ci, kappa, *kappa_ci))
    return pd.DataFrame(rows, columns=["method", "n", "spearman", "spearman_low", "spearman_high",
                                       "kappa", "kappa_low", "kappa_high"])


def paired_difference(annotation: pd.Series, better: pd.Series, baseline: pd.Series,
                      stat: Callable[[pd.Series, pd.Series], float] = spearman,
                      n_boot: int = 1000, seed: int = 0,
                      level: float = 0.95) -> tuple[float, float, float]:
    """Difference ``stat(annotation, better) - stat(annotation, baseline)``, with interval.

    The same resampled sentences serve both methods (a paired bootstrap), so
    the interval is for the difference itself. Returns ``(difference, low,
    high)``.

    Example:
        >>> ann = pd.Series([1, 2, 3, 4, 5])
        >>> d = paired_difference(ann, ann, ann[::-1].reset_index(drop=True), n_boot=50)
        >>> d[0]
        2.0
    """
    ann = np.asarray(annotation, dtype=float)
    x, y = np.asarray(better, dtype=float), np.asarray(baseline, dtype=float)
    diff = stat(pd.Series(ann), pd.Series(x)) - stat(pd.Series(ann), pd.Series(y))
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(ann), size=(n_boot, len(ann)))
    values = np.array([stat(pd.Series(ann[r]), pd.Series(x[r]))
                       - stat(pd.Series(ann[r]), pd.Series(y[r])) for r in idx])
    values = values[~np.isnan(values)]
    alpha = (1 - level) / 2
    return (round(float(diff), 12), float(np.quantile(values, alpha)),
            float(np.quantile(values, 1 - alpha)))


def disagreements(annotation: pd.Series, scores: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """The rows where the methods disagree most with the annotation or each other.

    The spread of a row is the range of its scores after putting the
    annotation on the same [-1, 1] scale (divided by 2); returns the ``top``
    rows by spread, with ``annotation`` (original scale) and the score
    columns, keeping the input's index.

    Example:
        >>> ann = pd.Series([2, 0, -2])
        >>> sc = pd.DataFrame({"m": [1.0, 0.0, 0.9]})
        >>> disagreements(ann, sc, top=1).index.tolist()
        [2]
    """
    frame = scores.copy()
    frame.insert(0, "annotation", np.asarray(annotation, dtype=int))
    unit = pd.concat([frame["annotation"] / 2, scores], axis=1)
    spread = unit.max(axis=1) - unit.min(axis=1)
    return frame.loc[spread.sort_values(ascending=False, kind="stable").index[:top]]
