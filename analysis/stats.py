"""The statistics every analysis shares: bootstrap intervals, rank correlation, AUC, kappa, G², log-Dice.

One implementation of each, called wherever it is needed. Every resampling is
seeded; every interval is a percentile interval (:func:`percentile_interval`).

Example:
    >>> spearman(pd.Series([1, 2, 3, 4]), pd.Series([1, 3, 2, 4]))
    0.8
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import numpy as np
import pandas as pd
from scipy import stats as scipy_stats
from scipy.special import xlogy


def resample(n: int, n_boot: int, rng: int | np.random.Generator = 0) -> np.ndarray:
    """Indices of ``n_boot`` bootstrap resamples of ``n`` units (rows: resamples), seeded.

    ``rng`` is a seed or a generator (to draw several resamplings from one stream).

    Example:
        >>> resample(3, 2, 1).shape
        (2, 3)
    """
    generator = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    return generator.integers(0, n, size=(n_boot, n))


def percentile_interval(values: np.ndarray, level: float = 0.95, axis: int | None = None
                        ) -> tuple[np.ndarray | float, np.ndarray | float]:
    """The percentile interval of bootstrap values at ``level``, NaN values left out.

    Along ``axis`` (``None``: all values, returned as floats).

    Example:
        >>> percentile_interval(np.array([1.0, 2.0, 3.0, np.nan]), level=0.5)
        (1.5, 2.5)
    """
    alpha = (1 - level) / 2
    values = np.asarray(values, dtype=float)
    if axis is None:
        values = values[~np.isnan(values)]
        if not len(values):
            return float("nan"), float("nan")
        return float(np.quantile(values, alpha)), float(np.quantile(values, 1 - alpha))
    return np.nanquantile(values, alpha, axis=axis), np.nanquantile(values, 1 - alpha, axis=axis)


def krippendorff_alpha(a: pd.Series, b: pd.Series, scale: tuple[int, ...],
                       level: str = "ordinal") -> float:
    """Krippendorff's alpha between two ratings of the same units (the ``krippendorff`` package).

    ``scale`` gives the possible values, in order (the ordinal metric needs
    them all, including those no one used). NaN where it is undefined (a
    single value everywhere).

    Example:
        >>> krippendorff_alpha(pd.Series([0, 1, 2, 2]), pd.Series([0, 1, 2, 1]), (0, 1, 2))
        0.79
    """
    import krippendorff

    data = np.array([np.asarray(a, dtype=float), np.asarray(b, dtype=float)])
    if len(np.unique(data[~np.isnan(data)])) < 2:
        return float("nan")
    value = krippendorff.alpha(reliability_data=data, level_of_measurement=level,
                               value_domain=list(scale))
    return round(float(value), 12)


def bootstrap(stat: Callable[..., float], *columns: pd.Series | np.ndarray, n_boot: int = 1000,
              seed: int = 0, level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval of ``stat(*columns)``, resampling rows (pairs) together.

    Resamples on which the statistic is undefined (NaN) are dropped.

    Example:
        >>> a = pd.Series([1, 2, 3, 4, 5, 6])
        >>> bootstrap(spearman, a, a, n_boot=100)
        (1.0, 1.0)
    """
    arrays = [np.asarray(c) for c in columns]
    draws = resample(len(arrays[0]), n_boot, seed)
    rows = rowwise(stat)
    if rows is not None:
        values = rows(*(a[draws] for a in arrays))
    else:
        values = np.array([stat(*(pd.Series(a[r]) for a in arrays)) for r in draws], dtype=float)
    return percentile_interval(values, level)


def spearman_rows(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """:func:`spearman` of each row of ``x`` with the same row of ``y`` (resamples at once).

    Example:
        >>> spearman_rows(np.array([[1, 2, 3, 4], [1, 1, 1, 1]]), np.array([[1, 3, 2, 4]] * 2))
        array([0.8, nan])
    """
    rx = scipy_stats.rankdata(np.asarray(x, dtype=float), axis=1)
    ry = scipy_stats.rankdata(np.asarray(y, dtype=float), axis=1)
    rx -= rx.mean(axis=1, keepdims=True)
    ry -= ry.mean(axis=1, keepdims=True)
    norm = np.sqrt((rx * rx).sum(axis=1) * (ry * ry).sum(axis=1))
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.where(norm > 0, (rx * ry).sum(axis=1) / np.where(norm > 0, norm, 1), np.nan)
    return np.round(np.clip(r, -1, 1), 12)


def weighted_kappa_rows(a: np.ndarray, b: np.ndarray,
                        categories: tuple[object, ...] = (-2, -1, 0, 1, 2),
                        weights: str = "quadratic") -> np.ndarray:
    """Cohen's kappa of each row of ``a`` with the same row of ``b`` (every resample at once).

    ``kappa = 1 - D_o / D_e``, with disagreement weights over the categories'
    ranks: ``(i - j)^p / (k - 1)^p`` (p = 2 for ``"quadratic"``, 1 for
    ``"linear"``) on an ordered scale, or 1 for any two different categories
    (``"nominal"``: Cohen's unweighted kappa); ``D_o`` is the mean weight of the
    observed pairs and ``D_e`` the weight expected from the two marginal
    distributions. NaN where ``D_e`` is 0. The one implementation of kappa:
    :func:`weighted_kappa` and :func:`cohen_kappa` call it on one row.

    Raises:
        ValueError: a value is not one of ``categories``.

    Example:
        >>> weighted_kappa_rows(np.array([[0, 0, 1, 2]]), np.array([[0, 1, 1, 2]]), (0, 1, 2))
        array([0.8])
    """
    cats = np.asarray(categories)
    order = np.argsort(cats)
    k = len(cats)

    def index(values: np.ndarray) -> np.ndarray:
        found = order[np.clip(np.searchsorted(cats[order], values), 0, k - 1)]
        if not np.array_equal(cats[found], values):
            raise ValueError(f"a value is not one of the categories {list(categories)}")
        return found

    i, j = index(np.asarray(a)), index(np.asarray(b))
    distance = np.abs(np.subtract.outer(np.arange(k), np.arange(k)))
    if weights == "nominal":
        w = (distance > 0).astype(float)
    else:
        w = (distance / max(k - 1, 1)) ** {"quadratic": 2, "linear": 1}[weights]
    observed = w[i, j].mean(axis=1)
    pa = (i[..., None] == np.arange(k)).mean(axis=1)
    pb = (j[..., None] == np.arange(k)).mean(axis=1)
    expected = np.einsum("rk,kl,rl->r", pa, w, pb)
    with np.errstate(invalid="ignore", divide="ignore"):
        kappa = np.where(expected > 0, 1 - observed / np.where(expected > 0, expected, 1), np.nan)
    return np.round(kappa, 12)


def rowwise(stat: Callable[..., float]) -> Callable[..., np.ndarray] | None:
    """The version of ``stat`` that takes every resample at once (rows), if there is one.

    :func:`spearman` and :func:`weighted_kappa` (also as a ``functools.partial``
    with its keyword arguments) have one; :func:`bootstrap` uses it, which gives
    the same values as calling ``stat`` on each resample, many times faster.

    Example:
        >>> rowwise(spearman) is spearman_rows, rowwise(len)
        (True, None)
    """
    if stat is spearman:
        return spearman_rows
    if stat is weighted_kappa:
        return weighted_kappa_rows
    if isinstance(stat, partial) and stat.func is weighted_kappa and not stat.args:
        return partial(weighted_kappa_rows, **stat.keywords)
    return None


def bootstrap_mean(values: np.ndarray, n_boot: int = 2000, rng: int | np.random.Generator = 0,
                   level: float = 0.95) -> tuple[float, float, float]:
    """The mean of ``values`` with a percentile bootstrap interval: ``(mean, low, high)``.

    ``rng`` is a seed or a generator, as for :func:`resample`.

    Example:
        >>> bootstrap_mean(np.array([0.5, 0.5, 0.5]), n_boot=20)
        (0.5, 0.5, 0.5)
    """
    values = np.asarray(values, dtype=float)
    means = values[resample(len(values), n_boot, rng)].mean(axis=1)
    return (float(values.mean()), *percentile_interval(means, level))


def cluster_bootstrap_means(values: np.ndarray, clusters: np.ndarray, n_boot: int,
                            rng: int | np.random.Generator = 0) -> np.ndarray:
    """Means of ``n_boot`` resamples that draw whole clusters with replacement.

    Units of one cluster (the sentences of a paragraph) are not independent:
    redrawing clusters gives honest, wider intervals than redrawing units.

    Example:
        >>> means = cluster_bootstrap_means(np.array([1.0, 1.0, 3.0]), np.array([1, 1, 2]), 200)
        >>> sorted(set(means.round(6).tolist())) == [1.0, 1.666667, 3.0]
        True
    """
    labels, inverse = np.unique(clusters, return_inverse=True)
    sums = np.bincount(inverse, weights=values, minlength=len(labels))
    counts = np.bincount(inverse, minlength=len(labels)).astype(float)
    draws = resample(len(labels), n_boot, rng)
    return sums[draws].sum(axis=1) / counts[draws].sum(axis=1)


def spearman(a: pd.Series, b: pd.Series) -> float:
    """Spearman's rank correlation (mid-ranks for ties); NaN if either is constant.

    Example:
        >>> spearman(pd.Series([1, 2, 3, 4]), pd.Series([1, 3, 2, 4]))
        0.8
    """
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if len(x) < 2 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return float("nan")
    return round(float(scipy_stats.spearmanr(x, y).statistic), 12)


def weighted_kappa(a: pd.Series, b: pd.Series, categories: tuple[int, ...] = (-2, -1, 0, 1, 2),
                   weights: str = "quadratic") -> float:
    """Cohen's weighted kappa between two ratings on an ordinal scale (:func:`weighted_kappa_rows`).

    Example:
        >>> weighted_kappa(pd.Series([0, 0, 1, 2]), pd.Series([0, 1, 1, 2]), (0, 1, 2))
        0.8
    """
    return float(weighted_kappa_rows(np.asarray(a)[None, :], np.asarray(b)[None, :], categories,
                                     weights)[0])


def cohen_kappa(a: pd.Series, b: pd.Series) -> float:
    """Cohen's (unweighted) kappa between two ratings by name or category.

    Example:
        >>> cohen_kappa(pd.Series(["a", "b", "a"]), pd.Series(["a", "b", "b"]))
        0.4
    """
    categories = tuple(sorted(set(np.asarray(a).tolist()) | set(np.asarray(b).tolist()), key=str))
    values = {c: n for n, c in enumerate(categories)}
    codes = [np.array([values[v] for v in np.asarray(x).tolist()]) for x in (a, b)]
    return float(weighted_kappa_rows(codes[0][None, :], codes[1][None, :],
                                     tuple(range(len(categories))), "nominal")[0])


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
    rows = rowwise(stat)
    if rows is not None:
        draws = resample(len(ann), n_boot, seed)
        low, high = percentile_interval(rows(ann[draws], x[draws]) - rows(ann[draws], y[draws]),
                                        level)
    else:
        low, high = bootstrap(lambda a, u, v: stat(a, u) - stat(a, v), ann, x, y,
                              n_boot=n_boot, seed=seed, level=level)
    return round(float(diff), 12), low, high


def auc(scores: np.ndarray, present: np.ndarray) -> float:
    """ROC AUC of scores for a present/absent label, from the Mann-Whitney U statistic.

    The probability that a paragraph where the theme is present scores higher
    than one where it is absent (ties count one half).

    Example:
        >>> auc(np.array([0.0, 1.0, 1.0, 3.0]), np.array([False, False, True, True]))
        0.875
    """
    pos, neg = scores[present], scores[~present]
    u = scipy_stats.mannwhitneyu(pos, neg, alternative="two-sided").statistic
    return float(u / (len(pos) * len(neg)))


def auc_rows(scores: np.ndarray, present: np.ndarray) -> np.ndarray:
    """AUC of each row of a (resamples × units) matrix, by mid-ranks (NaN for one class only).

    Example:
        >>> auc_rows(np.array([[0.0, 1.0, 1.0, 3.0]]), np.array([[False, False, True, True]]))
        array([0.875])
    """
    ranks = scipy_stats.rankdata(scores, axis=1)
    n_pos = present.sum(axis=1)
    n_neg = present.shape[1] - n_pos
    with np.errstate(divide="ignore", invalid="ignore"):
        return ((ranks * present).sum(axis=1) - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def scores_by_group(scores: pd.Series, groups: pd.Series, clusters: pd.Series | None = None,
                    n_boot: int = 1000, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """Mean score per group with a percentile bootstrap interval.

    Sentences of one paragraph are not independent, so pass their
    ``clusters`` (e.g. ``paragraph_id``): the bootstrap then redraws whole
    clusters within each group, which gives honest, wider intervals. Without
    clusters each row is its own. Returns ``group, n, n_clusters, mean, low,
    high``, sorted by group; seeded.

    Example:
        >>> s = pd.Series([0.5, 0.5, -0.5, -0.5])
        >>> g = pd.Series(["a", "a", "b", "b"])
        >>> scores_by_group(s, g, n_boot=50)  # doctest: +NORMALIZE_WHITESPACE
          group  n  n_clusters  mean  low  high
        0     a  2           2   0.5  0.5   0.5
        1     b  2           2  -0.5 -0.5  -0.5
    """
    rng = np.random.default_rng(seed)
    values = np.asarray(scores, dtype=float)
    frame = pd.DataFrame({"score": values, "group": np.asarray(groups),
                          "cluster": (np.arange(len(values)) if clusters is None
                                      else np.asarray(clusters))})
    rows = []
    for group, part in frame.groupby("group", sort=True):
        means = cluster_bootstrap_means(part["score"].to_numpy(), part["cluster"].to_numpy(),
                                        n_boot, rng)
        rows.append((group, len(part), part["cluster"].nunique(), float(part["score"].mean()),
                     *percentile_interval(means, level)))
    return pd.DataFrame(rows, columns=["group", "n", "n_clusters", "mean", "low", "high"])


def group_difference(scores: pd.Series, groups: pd.Series, first: str, second: str,
                     clusters: pd.Series | None = None, n_boot: int = 1000, seed: int = 0,
                     level: float = 0.95) -> pd.Series:
    """Mean of group ``first`` minus mean of group ``second``, with a bootstrap interval.

    Clusters are redrawn within each group as in :func:`scores_by_group`.
    Returns ``difference, low, high``.

    Example:
        >>> s = pd.Series([0.2, 0.4, -0.5, -0.7])
        >>> g = pd.Series(["nep", "nep", "terror", "terror"])
        >>> round(float(group_difference(s, g, "terror", "nep", n_boot=50)["difference"]), 6)
        -0.9
    """
    rng = np.random.default_rng(seed)
    values, labels = np.asarray(scores, dtype=float), np.asarray(groups)
    cl = np.arange(len(values)) if clusters is None else np.asarray(clusters)
    a, b = labels == first, labels == second
    boots = (cluster_bootstrap_means(values[a], cl[a], n_boot, rng)
             - cluster_bootstrap_means(values[b], cl[b], n_boot, rng))
    low, high = percentile_interval(boots, level)
    return pd.Series({"difference": float(values[a].mean() - values[b].mean()),
                      "low": low, "high": high})


def log_likelihood(o11: np.ndarray, o12: np.ndarray, o21: np.ndarray,
                   o22: np.ndarray) -> np.ndarray:
    """Dunning's log-likelihood ratio G² of 2×2 tables, element-wise.

    ``o11`` is the joint count (e.g. the collocate inside the node's windows),
    ``o12`` the rest of the first row, ``o21``/``o22`` the second row. No
    continuity correction; empty cells contribute zero.

    Example:
        >>> round(float(log_likelihood(np.array(10), np.array(90), np.array(20),
        ...                            np.array(880))), 3)
        12.649
    """
    obs = [np.asarray(o, dtype=float) for o in (o11, o12, o21, o22)]
    total = sum(obs)
    rows = (obs[0] + obs[1], obs[2] + obs[3])
    cols = (obs[0] + obs[2], obs[1] + obs[3])
    expected = [rows[0] * cols[0], rows[0] * cols[1], rows[1] * cols[0], rows[1] * cols[1]]
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = sum(xlogy(o, o * total / e) for o, e in zip(obs, expected))
    return 2 * np.asarray(g2)


def log_dice(joint: np.ndarray, node_freq: float, collocate_freq: np.ndarray) -> np.ndarray:
    """Rychlý's log-Dice: ``14 + log2(2·f(node, collocate) / (f(node) + f(collocate)))``.

    At most 14 (the two always occur together); each point less halves the
    association. Unlike log-likelihood it does not grow with corpus size.

    Example:
        >>> float(log_dice(np.array(1), 7, np.array(1)))
        12.0
    """
    return 14 + np.log2(2 * np.asarray(joint, dtype=float)
                        / (node_freq + np.asarray(collocate_freq, dtype=float)))
