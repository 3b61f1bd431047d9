"""The emotional arc: sentence scores smoothed along the chapter, without ringing.

The smoother is a Gaussian kernel weighted mean (Nadaraya–Watson): the arc at
a position is a weighted average of the sentence scores around it, weights
falling off as a Gaussian of the distance. Being an average with positive
weights, it can never leave the range of the data (a constant stays
constant, non-negative scores never give a negative arc) and, near the ends
of the chapter, it averages only the sentences that are there, with no
padding or wrap-around. Syuzhet's low-pass DCT filter (:func:`dct_lowpass`,
kept for comparison) has none of these guarantees: it rings, drawing
negative lobes around a single positive passage.

Positions are fractions of the chapter (0 = first character of the seed
text, 1 = last), measured at each sentence's midpoint, so the arc follows
the text, not a sentence count. Uncertainty: a bootstrap band (sentences
resampled) and a shuffle test (sentence order permuted), both seeded.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.fft import dct, idct

from analysis import stats
from analysis.text import Chapter

#: Default kernel standard deviation, as a fraction of the chapter (about 3%
#: of the text, so some ten sentences either side carry most of the weight).
BANDWIDTH = 0.03

def arc_points(chapter: Chapter, scores: pd.DataFrame, column: str = "sentiment",
               kinds: tuple[str, ...] = ("narrative",)) -> pd.DataFrame:
    """The sentences to smooth: offsets, ``position`` in [0, 1] and ``score``.

    Keeps the sentences of paragraphs of the given ``kinds`` (by default
    the author's narration, leaving out titles and the editor's notes).

    Example:
        >>> from analysis.sentiment import sentence_scores
        >>> pts = arc_points(chapter, sentence_scores(chapter, patch))
        >>> bool(pts["position"].is_monotonic_increasing), bool(pts["position"].between(0, 1).all())
        (True, True)
    """
    kind = scores["paragraph_id"].map(chapter.paragraph_kind)
    keep = scores[kind.isin(kinds).to_numpy()]
    length = len(chapter.seed_text)
    return pd.DataFrame({
        "sentence_id": keep["sentence_id"].to_numpy(),
        "paragraph_id": keep["paragraph_id"].to_numpy(),
        "start": keep["start"].to_numpy(),
        "end": keep["end"].to_numpy(),
        "position": (keep["start"].to_numpy() + keep["end"].to_numpy()) / 2 / length,
        "score": keep[column].to_numpy(dtype=float),
    })


def grid(n: int = 201) -> np.ndarray:
    """Evenly spaced positions from 0 to 1 at which the arc is evaluated.

    Example:
        >>> grid(5).tolist()
        [0.0, 0.25, 0.5, 0.75, 1.0]
    """
    return np.linspace(0.0, 1.0, n)


def kernel_smooth(x: np.ndarray, y: np.ndarray, at: np.ndarray,
                  bandwidth: float = BANDWIDTH) -> np.ndarray:
    """Gaussian kernel weighted mean of ``y`` (at positions ``x``) evaluated at ``at``.

    Each output is a convex combination of the ``y`` values, so it stays
    within their range; ``y`` may be 2-D (one series per row).

    Example:
        >>> kernel_smooth(np.array([0.0, 1.0]), np.array([1.0, 3.0]), np.array([0.5]), 0.1)
        array([2.])
    """
    x, at = np.asarray(x, dtype=float), np.asarray(at, dtype=float)
    weights = np.exp(-0.5 * ((at[:, None] - x[None, :]) / bandwidth) ** 2)
    weights /= weights.sum(axis=1, keepdims=True)
    return np.asarray(y, dtype=float) @ weights.T


def smooth_arc(points: pd.DataFrame, bandwidth: float = BANDWIDTH, n_grid: int = 201,
               n_boot: int = 200, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """The smoothed arc with a bootstrap band: ``position, arc, low, high``.

    The band is the pointwise percentile interval of the arcs of ``n_boot``
    resamples of the sentences (drawn with replacement, positions kept).

    Example:
        >>> pts = pd.DataFrame({"position": [0.1, 0.5, 0.9], "score": [0.2, 0.2, 0.2]})
        >>> arc = smooth_arc(pts, n_grid=3, n_boot=20)
        >>> arc.round(6)  # doctest: +NORMALIZE_WHITESPACE
           position  arc  low  high
        0       0.0  0.2  0.2   0.2
        1       0.5  0.2  0.2   0.2
        2       1.0  0.2  0.2   0.2
    """
    x, y = points["position"].to_numpy(dtype=float), points["score"].to_numpy(dtype=float)
    at = grid(n_grid)
    boots = np.array([kernel_smooth(x[r], y[r], at, bandwidth)
                      for r in stats.resample(len(x), n_boot, seed)])
    low, high = stats.percentile_interval(boots, level, axis=0)
    return pd.DataFrame({"position": at, "arc": kernel_smooth(x, y, at, bandwidth),
                         "low": low, "high": high})


def _shuffled_arcs(points: pd.DataFrame, bandwidth: float, n_grid: int, n_perm: int,
                   seed: int) -> np.ndarray:
    """Arcs of ``n_perm`` random permutations of the scores over the positions."""
    x, y = points["position"].to_numpy(dtype=float), points["score"].to_numpy(dtype=float)
    rng = np.random.default_rng(seed)
    shuffled = np.array([rng.permutation(y) for _ in range(n_perm)])
    return kernel_smooth(x, shuffled, grid(n_grid), bandwidth)


def arc_strength(arc: np.ndarray) -> np.ndarray:
    """How much an arc moves: the standard deviation of its values along the grid.

    Works on one arc (1-D) or one arc per row (2-D).

    Example:
        >>> float(arc_strength(np.array([1.0, 1.0, 1.0])))
        0.0
    """
    return np.std(np.asarray(arc, dtype=float), axis=-1)


def shuffle_test(points: pd.DataFrame, bandwidth: float = BANDWIDTH, n_grid: int = 201,
                 n_perm: int = 500, seed: int = 0) -> pd.Series:
    """Does the arc move more than arcs of the same sentences in random order?

    The statistic is :func:`arc_strength` (how far the smoothed arc swings);
    its null distribution comes from ``n_perm`` permutations of the scores
    over the sentence positions (seeded). Returns ``statistic``,
    ``null_median``, ``p_value`` (with the +1 correction, so never 0) and
    ``n_perm``.

    Example:
        >>> pts = pd.DataFrame({"position": np.linspace(0, 1, 40),
        ...                     "score": [1.0] * 20 + [-1.0] * 20})
        >>> res = shuffle_test(pts, n_perm=99)
        >>> float(res["p_value"])
        0.01
    """
    x, y = points["position"].to_numpy(dtype=float), points["score"].to_numpy(dtype=float)
    observed = float(arc_strength(kernel_smooth(x, y, grid(n_grid), bandwidth)))
    null = arc_strength(_shuffled_arcs(points, bandwidth, n_grid, n_perm, seed))
    p_value = (1 + int((null >= observed - 1e-12).sum())) / (1 + n_perm)
    return pd.Series({"statistic": observed, "null_median": float(np.median(null)),
                      "p_value": p_value, "n_perm": n_perm})


def bandwidth_sensitivity(points: pd.DataFrame, bandwidths: tuple[float, ...] = (0.015, 0.03, 0.06),
                          n_grid: int = 201, n_perm: int = 500, seed: int = 0) -> pd.DataFrame:
    """The shuffle test at several bandwidths: ``bandwidth, statistic, null_median, p_value``.

    A structure that appears at one bandwidth only is more likely an artefact
    of the smoothing than of the text.

    Example:
        >>> pts = pd.DataFrame({"position": np.linspace(0, 1, 40),
        ...                     "score": [1.0] * 20 + [-1.0] * 20})
        >>> bandwidth_sensitivity(pts, n_perm=99)["p_value"].tolist()
        [0.01, 0.01, 0.01]
    """
    rows = [(bw, *shuffle_test(points, bw, n_grid, n_perm, seed)[["statistic", "null_median",
                                                                  "p_value"]])
            for bw in bandwidths]
    return pd.DataFrame(rows, columns=["bandwidth", "statistic", "null_median", "p_value"])


def shuffle_envelope(points: pd.DataFrame, bandwidth: float = BANDWIDTH, n_grid: int = 201,
                     n_perm: int = 500, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """Pointwise range of arcs from shuffled sentence order: ``position, null_low, null_high``.

    Where the real arc leaves this envelope, it moves more than chance
    ordering would (pointwise, not corrected for looking along the whole arc).

    Example:
        >>> pts = pd.DataFrame({"position": [0.2, 0.8], "score": [0.5, 0.5]})
        >>> shuffle_envelope(pts, n_grid=2, n_perm=10).to_dict("list")
        {'position': [0.0, 1.0], 'null_low': [0.5, 0.5], 'null_high': [0.5, 0.5]}
    """
    arcs = _shuffled_arcs(points, bandwidth, n_grid, n_perm, seed)
    alpha = (1 - level) / 2
    return pd.DataFrame({"position": grid(n_grid),
                         "null_low": np.quantile(arcs, alpha, axis=0),
                         "null_high": np.quantile(arcs, 1 - alpha, axis=0)})


def departures(arc: pd.DataFrame, envelope: pd.DataFrame,
               episodes: pd.DataFrame | None = None) -> pd.DataFrame:
    """The stretches where the arc leaves the shuffle envelope.

    ``arc`` (:func:`smooth_arc`) and ``envelope`` (:func:`shuffle_envelope`)
    share the same grid. Returns one row per run of grid points above
    ``null_high`` or below ``null_low``: ``start, end`` (positions),
    ``direction`` (``above``/``below``), ``extreme`` (the arc's most extreme
    value in the run) and, if ``episodes`` (:func:`analysis.text.episodes.episode_positions`) is
    given, ``episodes``: the episode under way when the run starts and any
    that open during it, joined by "; ".

    Example:
        >>> arc = pd.DataFrame({"position": [0, .25, .5, .75, 1], "arc": [0, .5, .6, 0, -.4]})
        >>> env = pd.DataFrame({"position": arc["position"], "null_low": [-.3] * 5,
        ...                     "null_high": [.3] * 5})
        >>> departures(arc, env)  # doctest: +NORMALIZE_WHITESPACE
           start  end direction  extreme
        0   0.25  0.5     above      0.6
        1   1.00  1.0     below     -0.4
    """
    values = arc["arc"].to_numpy(dtype=float)
    where = np.where(values > envelope["null_high"].to_numpy(), 1,
                     np.where(values < envelope["null_low"].to_numpy(), -1, 0))
    rows = []
    i = 0
    while i < len(where):
        if where[i] == 0:
            i += 1
            continue
        j = i
        while j + 1 < len(where) and where[j + 1] == where[i]:
            j += 1
        run = values[i:j + 1]
        rows.append((float(arc["position"].iloc[i]), float(arc["position"].iloc[j]),
                     "above" if where[i] > 0 else "below",
                     float(run.max() if where[i] > 0 else run.min())))
        i = j + 1
    out = pd.DataFrame(rows, columns=["start", "end", "direction", "extreme"])
    if episodes is not None:
        opens = episodes["position"].to_numpy(dtype=float)
        labels = episodes["episode"].tolist()
        out["episodes"] = ["; ".join(label for k, label in enumerate(labels)
                                     if opens[k] <= b and (k + 1 == len(opens) or opens[k + 1] > a))
                           for a, b in zip(out["start"], out["end"])]
    return out


def outside_share(arc: pd.DataFrame, envelope: pd.DataFrame) -> float:
    """The share of the grid where the arc lies outside the shuffle envelope.

    The envelope is pointwise: at each point, 5% of shuffled arcs lie outside
    its 95% range, so a random order of the sentences leaves it over about 5% of
    the grid too. Compare this share with that, not with zero.

    Example:
        >>> arc = pd.DataFrame({"position": [0, .5, 1], "arc": [0.0, 0.5, -0.1]})
        >>> env = pd.DataFrame({"position": [0, .5, 1], "null_low": [-.3] * 3, "null_high": [.3] * 3})
        >>> round(outside_share(arc, env), 3)
        0.333
    """
    values = arc["arc"].to_numpy(dtype=float)
    outside = (values > envelope["null_high"].to_numpy()) | (values < envelope["null_low"].to_numpy())
    return float(outside.mean())


def arc_correlation(points: pd.DataFrame, other: pd.DataFrame, bandwidth: float = BANDWIDTH,
                    n_grid: int = 201, n_boot: int = 500, seed: int = 0,
                    level: float = 0.95) -> pd.Series:
    """How alike two arcs of the same sentences are: Pearson's r of the smoothed arcs on the grid.

    ``points`` and ``other`` (:func:`arc_points`) hold the same sentences in
    the same order, scored two ways. The interval resamples the sentences
    (the same draw for both arcs) and correlates the two arcs of each draw.
    Returns ``r, low, high``.

    Example:
        >>> pts = pd.DataFrame({"position": np.linspace(0, 1, 40),
        ...                     "score": np.sin(np.linspace(0, 6, 40))})
        >>> r = arc_correlation(pts, pts.assign(score=pts["score"] / 2), n_boot=20)
        >>> r.round(6).tolist()
        [1.0, 1.0, 1.0]
    """
    if not np.array_equal(points["position"].to_numpy(), other["position"].to_numpy()):
        raise ValueError("the two arcs must be of the same sentences, in the same order")
    x = points["position"].to_numpy(dtype=float)
    y = np.vstack([points["score"].to_numpy(dtype=float), other["score"].to_numpy(dtype=float)])
    at = grid(n_grid)
    r = float(np.corrcoef(kernel_smooth(x, y, at, bandwidth))[0, 1])
    draws = [np.corrcoef(kernel_smooth(x[i], y[:, i], at, bandwidth))[0, 1]
             for i in stats.resample(len(x), n_boot, seed)]
    low, high = stats.percentile_interval(np.array(draws), level)
    return pd.Series({"r": r, "low": low, "high": high})


def parting(arc: pd.DataFrame, other: pd.DataFrame, threshold: float = 0.25,
            episodes: pd.DataFrame | None = None) -> pd.DataFrame:
    """The stretches where ``arc`` lies more than ``threshold`` above or below ``other``.

    Both are :func:`smooth_arc` tables on the same grid. Returns the columns of
    :func:`departures` (``direction`` says whether ``arc`` is ``above`` or
    ``below`` ``other``; ``extreme`` is ``arc``'s most extreme value in the
    run), plus ``gap``, the largest difference ``arc - other`` in the run.

    Example:
        >>> a = pd.DataFrame({"position": [0, .5, 1], "arc": [0.0, 0.4, 0.1]})
        >>> b = pd.DataFrame({"position": [0, .5, 1], "arc": [0.0, 0.0, 0.0]})
        >>> parting(a, b)[["start", "end", "direction", "gap"]].values.tolist()
        [[0.5, 0.5, 'above', 0.4]]
    """
    band = pd.DataFrame({"position": other["position"],
                         "null_low": other["arc"].to_numpy() - threshold,
                         "null_high": other["arc"].to_numpy() + threshold})
    out = departures(arc, band, episodes)
    gap = arc["arc"].to_numpy(dtype=float) - other["arc"].to_numpy(dtype=float)
    position = arc["position"].to_numpy(dtype=float)
    out["gap"] = [float(max(gap[(position >= a) & (position <= b)], key=abs))
                  for a, b in zip(out["start"], out["end"])]
    return out


def parted_sentences(points: pd.DataFrame, other: pd.DataFrame, parted: pd.DataFrame,
                     top: int = 5) -> pd.DataFrame:
    """The sentences of each stretch where two arcs part that the two scorings read most apart.

    ``points`` and ``other`` (:func:`arc_points`) hold the same sentences in the
    same order, scored two ways (the method, the readers); ``parted``
    (:func:`parting`) the stretches where the arc of ``points`` lies above or
    below the other's. For each stretch, the ``top`` sentences inside it whose
    ``gap`` (``score - other``) goes furthest the stretch's way. Returns
    ``stretch`` (1, 2 … in the order of ``parted``), ``sentence_id,
    paragraph_id, position, score, other, gap``.

    Example:
        >>> pts = pd.DataFrame({"sentence_id": [1, 2, 3], "paragraph_id": [1, 1, 2],
        ...                     "position": [0.1, 0.2, 0.8], "score": [0.5, 0.9, 0.0]})
        >>> ref = pts.assign(score=[0.0, 0.0, 0.0])
        >>> runs = pd.DataFrame({"start": [0.0], "end": [0.3], "direction": ["above"]})
        >>> found = parted_sentences(pts, ref, runs, top=1)
        >>> found["stretch"].tolist(), found["sentence_id"].tolist(), found["gap"].tolist()
        ([1], [2], [0.9])
    """
    if not np.array_equal(points["sentence_id"].to_numpy(), other["sentence_id"].to_numpy()):
        raise ValueError("the two scorings must be of the same sentences, in the same order")
    both = points[["sentence_id", "paragraph_id", "position", "score"]].assign(
        other=other["score"].to_numpy(dtype=float))
    both["gap"] = both["score"] - both["other"]
    frames = []
    for i, run in enumerate(parted.itertuples(index=False), start=1):
        inside = both[both["position"].between(run.start, run.end)]
        way = 1.0 if run.direction == "above" else -1.0
        order = (inside["gap"] * way).sort_values(ascending=False, kind="stable").index[:top]
        frames.append(inside.loc[order].assign(stretch=i))
    columns = ["stretch", "sentence_id", "paragraph_id", "position", "score", "other", "gap"]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def dct_lowpass(values: pd.Series, keep: int = 5) -> pd.Series:
    """Syuzhet-style smoothing: keep the ``keep`` lowest DCT components (for comparison).

    This is the transform of Jockers' ``get_dct_transform`` without its final
    rescaling. It is shown in the book only to show its fault: a low-pass
    cosine filter rings, so one positive passage produces negative lobes
    around it (Swafford 2015).

    Example:
        >>> spike = pd.Series([0.0] * 20 + [1.0] + [0.0] * 20)
        >>> bool(dct_lowpass(spike, keep=5).min() < 0)
        True
    """
    coefficients = dct(np.asarray(values, dtype=float), norm="ortho")
    coefficients[keep:] = 0.0
    return pd.Series(idct(coefficients, norm="ortho"), index=getattr(values, "index", None))
