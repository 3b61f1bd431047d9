"""How far two markings of time agree: spans of time expressions, and sentences of hindsight.

**Spans** (:func:`span_agreement`). Two sets of time-expression spans (a
method's and a reader's, or two readers') are matched one to one
(:func:`match_spans`): first the spans with the same bounds (an *exact* match),
then, among the others, overlapping spans, the widest overlap first (a
*relaxed* match, as in the TempEval evaluations). Precision is the share of the
first set's spans matched, recall the share of the second's, F1 their harmonic
mean; on the relaxed matches, the share given the same TIMEX3 ``type`` and the
same ``value``.

**Hindsight** (:func:`hindsight_agreement`). Each sentence of the narration is
marked or not by each side: Cohen's kappa, the share of sentences on which they
agree, and the first side's precision and recall against the second.

Every interval is a percentile bootstrap that redraws **paragraphs**, not spans
or sentences (the expressions and sentences of one paragraph are not
independent), seeded (:mod:`analysis.stats`).

Example:
    >>> x = pd.DataFrame({"start": [0, 10, 30], "end": [4, 18, 34], "type": ["DATE"] * 3,
    ...                   "value": ["1921", "1921", "1936"], "paragraph_id": [1, 1, 2]})
    >>> y = pd.DataFrame({"start": [0, 12], "end": [4, 18], "type": ["DATE"] * 2,
    ...                   "value": ["1921", "1920"], "paragraph_id": [1, 1]})
    >>> r = span_agreement(x, y, [1, 2], n_boot=50)
    >>> float(r["exact_f1"]), float(r["relaxed_precision"]), float(r["value_accuracy"])
    (0.4, 0.667, 0.5)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis import stats

#: The measures of :func:`span_agreement` that carry an interval.
SPAN_MEASURES = ("exact_precision", "exact_recall", "exact_f1", "relaxed_precision",
                 "relaxed_recall", "relaxed_f1", "type_accuracy", "value_accuracy")

#: The measures of :func:`hindsight_agreement` that carry an interval.
HINDSIGHT_MEASURES = ("kappa", "agreement", "precision", "recall", "f1")


def match_spans(x: pd.DataFrame, y: pd.DataFrame) -> pd.DataFrame:
    """Match two sets of spans (``start, end``) one to one: ``x, y, match``.

    ``x`` and ``y`` hold the rows' index labels (``-1`` where a span is
    unmatched); ``match`` is ``exact`` (same bounds), ``overlap`` (the widest
    overlap among the spans left) or ``none``; in the order of the text.

    Example:
        >>> x = pd.DataFrame({"start": [0, 10, 40], "end": [4, 18, 44]})
        >>> y = pd.DataFrame({"start": [0, 12], "end": [4, 20]})
        >>> match_spans(x, y).values.tolist()
        [[0, 0, 'exact'], [1, 1, 'overlap'], [2, -1, 'none']]
    """
    xs = list(zip(x.index, x["start"].astype(int), x["end"].astype(int)))
    ys = list(zip(y.index, y["start"].astype(int), y["end"].astype(int)))
    by_bounds: dict[tuple[int, int], list] = {}
    for i, a, b in ys:
        by_bounds.setdefault((a, b), []).append(i)
    pairs, used_x, used_y = [], set(), set()
    for i, a, b in xs:
        free = [j for j in by_bounds.get((a, b), []) if j not in used_y]
        if free:
            pairs.append((i, free[0], "exact", a))
            used_x.add(i)
            used_y.add(free[0])
    overlaps = sorted(((min(b, d) - max(a, c), -abs(a - c), a, i, j)
                       for i, a, b in xs if i not in used_x
                       for j, c, d in ys if j not in used_y and a < d and c < b),
                      reverse=True)
    for _, _, a, i, j in overlaps:
        if i not in used_x and j not in used_y:
            pairs.append((i, j, "overlap", a))
            used_x.add(i)
            used_y.add(j)
    pairs += [(i, -1, "none", a) for i, a, _ in xs if i not in used_x]
    pairs += [(-1, j, "none", c) for j, c, _ in ys if j not in used_y]
    out = pd.DataFrame(pairs, columns=["x", "y", "match", "at"]).sort_values(
        ["at", "x"], kind="stable")
    return out[["x", "y", "match"]].reset_index(drop=True).astype({"x": "int64", "y": "int64"})


def _paragraph_counts(x: pd.DataFrame, y: pd.DataFrame, paragraphs: Sequence[int]
                      ) -> np.ndarray:
    """Per paragraph: spans of x, of y, exact matches, relaxed matches, same type, same value."""
    index = {int(p): k for k, p in enumerate(paragraphs)}
    counts = np.zeros((len(index), 6))
    for frame, col in ((x, 0), (y, 1)):
        for p in frame["paragraph_id"]:
            if int(p) in index:
                counts[index[int(p)], col] += 1
    for m in match_spans(x, y).itertuples():
        if m.match == "none":
            continue
        a, b = x.loc[m.x], y.loc[m.y]
        k = index.get(int(a["paragraph_id"]))
        if k is None:
            continue
        counts[k, 2] += m.match == "exact"
        counts[k, 3] += 1
        counts[k, 4] += a["type"] == b["type"]
        counts[k, 5] += a["value"] == b["value"]
    return counts


def _span_measures(c: np.ndarray) -> dict[str, np.ndarray]:
    """The measures from summed counts (last axis: the six counts of :func:`_paragraph_counts`)."""
    nx, ny, ex, rx, ty, va = (c[..., k] for k in range(6))
    with np.errstate(invalid="ignore", divide="ignore"):
        return {"exact_precision": ex / nx, "exact_recall": ex / ny,
                "exact_f1": 2 * ex / (nx + ny), "relaxed_precision": rx / nx,
                "relaxed_recall": rx / ny, "relaxed_f1": 2 * rx / (nx + ny),
                "type_accuracy": ty / rx, "value_accuracy": va / rx}


def span_agreement(x: pd.DataFrame, y: pd.DataFrame, paragraphs: Sequence[int], *,
                   n_boot: int = 1000, seed: int = 0, level: float = 0.95) -> pd.Series:
    """How far the spans ``x`` agree with the spans ``y`` (the reference), with intervals.

    ``x``, ``y``: ``start, end, type, value, paragraph_id``; ``paragraphs``: the
    paragraphs annotated (those redrawn by the bootstrap, including paragraphs
    with no expression). Returns ``n_x, n_y, n_exact, n_relaxed`` and each of
    :data:`SPAN_MEASURES` with ``_low`` and ``_high``, rounded to three decimals.
    See the module's example.
    """
    x, y = x.reset_index(drop=True), y.reset_index(drop=True)
    counts = _paragraph_counts(x, y, paragraphs)
    total = counts.sum(axis=0)
    draws = stats.resample(len(counts), n_boot, seed)
    boot = _span_measures(counts[draws].sum(axis=1))
    point = _span_measures(total)
    out: dict[str, float] = {"n_x": float(total[0]), "n_y": float(total[1]),
                             "n_exact": float(total[2]), "n_relaxed": float(total[3])}
    for name in SPAN_MEASURES:
        low, high = stats.percentile_interval(boot[name], level)
        out.update({name: float(point[name]), f"{name}_low": low, f"{name}_high": high})
    return pd.Series(out).round(3)


def hindsight_agreement(x: Sequence[int], y: Sequence[int], sentences: pd.DataFrame, *,
                        n_boot: int = 1000, seed: int = 0, level: float = 0.95) -> pd.Series:
    """How far the sentences marked ``x`` agree with those marked ``y`` (the reference).

    ``x``, ``y``: the ids of the sentences each side marks; ``sentences``: the
    sentences both read (``sentence_id, paragraph_id``: the narration). Returns
    ``n``, ``n_x``, ``n_y`` and each of :data:`HINDSIGHT_MEASURES` (Cohen's
    kappa, the share of sentences marked alike, ``x``'s precision, recall and F1
    against ``y``) with ``_low`` and ``_high``, rounded to three decimals.

    Example:
        >>> s = pd.DataFrame({"sentence_id": range(1, 9), "paragraph_id": [1, 1, 2, 2, 3, 3, 4, 4]})
        >>> r = hindsight_agreement([1, 3, 5], [1, 3, 6], s, n_boot=50)
        >>> float(r["agreement"]), float(r["precision"])
        (0.75, 0.667)
    """
    ids = sentences["sentence_id"].to_numpy()
    a = np.isin(ids, np.asarray(list(x))).astype(int)
    b = np.isin(ids, np.asarray(list(y))).astype(int)
    groups = [np.flatnonzero(sentences["paragraph_id"].to_numpy() == p)
              for p in pd.unique(sentences["paragraph_id"])]

    def measures(rows: np.ndarray) -> dict[str, float]:
        u, v = a[rows], b[rows]
        both, nx, ny = float((u & v).sum()), float(u.sum()), float(v.sum())
        return {"kappa": stats.weighted_kappa(u, v, (0, 1)), "agreement": float((u == v).mean()),
                "precision": both / nx if nx else float("nan"),
                "recall": both / ny if ny else float("nan"),
                "f1": 2 * both / (nx + ny) if nx + ny else float("nan")}

    point = measures(np.arange(len(ids)))
    draws = stats.resample(len(groups), n_boot, seed)
    boot = [measures(np.concatenate([groups[k] for k in draw])) for draw in draws]
    out: dict[str, float] = {"n": float(len(ids)), "n_x": float(a.sum()), "n_y": float(b.sum())}
    for name in HINDSIGHT_MEASURES:
        low, high = stats.percentile_interval(np.array([m[name] for m in boot]), level)
        out.update({name: point[name], f"{name}_low": low, f"{name}_high": high})
    return pd.Series(out).round(3)


def comparisons(pairs: dict[str, tuple[object, object]], measure: object, *args: object,
                **kwargs: object) -> pd.DataFrame:
    """One row per named comparison: ``measure(x, y, *args, **kwargs)`` for each ``(x, y)``.

    Example:
        >>> s = pd.DataFrame({"sentence_id": [1, 2, 3, 4], "paragraph_id": [1, 1, 2, 2]})
        >>> t = comparisons({"A vs B": ([1], [1, 2])}, hindsight_agreement, s, n_boot=20)
        >>> t.index.tolist(), float(t.loc["A vs B", "recall"])
        (['A vs B'], 0.5)
    """
    return pd.DataFrame({name: measure(x, y, *args, **kwargs) for name, (x, y) in pairs.items()}
                        ).T.rename_axis("comparison")
