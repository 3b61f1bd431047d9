"""Sentiment scores against the readers' tone of the sentences (-2..+2, as the author means them).

The annotation is on an ordinal scale of five points (-2..+2); the methods
give continuous scores in [-1, 1]. Two measures are reported:

- Spearman's rank correlation between the annotation and the raw score (no
  binning, ties handled by mid-ranks);
- Cohen's weighted kappa (quadratic weights by default) between the
  annotation and the score binned onto the same five points by fixed cut
  points (:data:`CUTS`, chosen before any comparison: an absolute score below
  0.05 is neutral, VADER's authors' own threshold; from 0.5 it is strong).

Intervals are percentile bootstraps over sentences (pairs resampled together),
seeded (:mod:`analysis.stats`). :func:`against_readers` sets a method's
agreement with each of two readers beside the readers' agreement with each
other: how far two readers of the same kind agree, which is no human ceiling when the
readers are language models (they may share habits of reading).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import readers, stats


#: Cut points for binning a score in [-1, 1] onto -2..+2 (neutral below the
#: first, strong from the second).
CUTS: tuple[float, float] = (0.05, 0.5)


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
        rho = stats.spearman(ann, raw)
        rho_ci = stats.bootstrap(stats.spearman, ann, raw, n_boot=n_boot, seed=seed, level=level)
        kappa = stats.weighted_kappa(ann, binned)
        kappa_ci = stats.bootstrap(stats.weighted_kappa, ann, binned, n_boot=n_boot, seed=seed,
                                   level=level)
        rows.append((method, len(ann), rho, *rho_ci, kappa, *kappa_ci))
    return pd.DataFrame(rows, columns=["method", "n", "spearman", "spearman_low", "spearman_high",
                                       "kappa", "kappa_low", "kappa_high"])


def largest_differences(annotation: pd.Series, scores: pd.DataFrame, top: int = 10
                        ) -> pd.DataFrame:
    """The rows where the methods disagree most with the annotation or each other.

    The spread of a row is the range of its scores after putting the
    annotation on the same [-1, 1] scale (divided by 2); returns the ``top``
    rows by spread, with ``annotation`` (original scale) and the score
    columns, keeping the input's index.

    Example:
        >>> ann = pd.Series([2, 0, -2])
        >>> sc = pd.DataFrame({"m": [1.0, 0.0, 0.9]})
        >>> largest_differences(ann, sc, top=1).index.tolist()
        [2]
    """
    frame = scores.copy()
    frame.insert(0, "annotation", np.asarray(annotation, dtype=int))
    unit = pd.concat([readers.tone_unit(frame["annotation"]), scores], axis=1)
    spread = unit.max(axis=1) - unit.min(axis=1)
    return frame.loc[spread.sort_values(ascending=False, kind="stable").index[:top]]


#: The parts of a tuned reader's sentences (:func:`tuning_subsets`), as key -> label. The
#: development half was looked at while the method was tuned; every other part is held out,
#: batch by batch (the annotation rounds of :data:`analysis.sentiment.annotation.TONE_WITH_SPLIT`).
TUNING_PARTS: dict[str, str] = {
    "dev": "development (tuned on)", "first": "held-out, batch 1", "fresh": "held-out, batch 2",
    "heldout": "held-out, batches 1 and 2", "third": "held-out, batch 3",
    "alla": "held-out, every batch"}


def tuning_subsets(reader: pd.DataFrame, scores: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """A tuned reader's sentences with the methods' scores, part by part (:data:`TUNING_PARTS`).

    ``reader``: a reader's tone with its tuning split (``split``, ``batch``:
    :data:`analysis.sentiment.annotation.TONE_WITH_SPLIT`); ``scores``:
    :func:`analysis.sentiment.scorers.sentence_scores`. Each part holds the
    reader's ``score`` and every method's column; a part with no sentence is left
    out, and a reader without a split has no parts (an empty dict).

    Example:
        >>> reader = pd.DataFrame({"sentence_id": [5, 6, 7, 8], "split": ["dev"] + ["heldout"] * 3,
        ...                        "batch": [1, 1, 2, 3], "score": [1, -1, 0, -2]})
        >>> scores = pd.DataFrame({"sentence_id": [5, 6, 7, 8], "vader": [0.5, -0.2, 0.0, -0.6]})
        >>> {k: v["sentence_id"].tolist() for k, v in tuning_subsets(reader, scores).items()}
        ... # doctest: +NORMALIZE_WHITESPACE
        {'dev': [5], 'first': [6], 'fresh': [7], 'heldout': [6, 7], 'third': [8],
         'alla': [6, 7, 8]}
        >>> tuning_subsets(reader.drop(columns="split"), scores)
        {}
    """
    if not {"split", "batch"} <= set(reader.columns):
        return {}
    both = reader.drop(columns=[c for c in reader.columns if c in scores.columns
                                and c != "sentence_id"]).merge(scores, on="sentence_id")
    held, batch = both["split"] == "heldout", both["batch"]
    parts = {"dev": both["split"] == "dev", "first": held & (batch == 1),
             "fresh": held & (batch == 2), "heldout": held & (batch <= 2),
             "third": held & (batch == 3), "alla": held}
    return {key: both[rows].reset_index(drop=True) for key, rows in parts.items() if rows.any()}


def gains(annotation: pd.Series, better: pd.Series, baseline: pd.Series, n_boot: int = 1000,
          seed: int = 0) -> pd.Series:
    """How much more one method agrees with the annotation than another, on the same sentences.

    The paired differences (:func:`analysis.stats.paired_difference`) of
    Spearman's rho (raw scores) and of the weighted kappa (scores put on the
    five points by :func:`to_scale`), each with its interval: ``spearman,
    spearman_low, spearman_high, kappa, kappa_low, kappa_high``.

    Example:
        >>> ann = pd.Series([-2, -1, 0, 1, 2, 2])
        >>> good = pd.Series([-0.9, -0.3, 0.0, 0.2, 0.8, 0.8])
        >>> g = gains(ann, good, good[::-1].reset_index(drop=True), n_boot=50)
        >>> float(g["spearman"]) > 1, float(g["kappa"]) > 1
        (True, True)
    """
    rho = stats.paired_difference(annotation, better, baseline, n_boot=n_boot, seed=seed)
    kappa = stats.paired_difference(annotation, to_scale(better), to_scale(baseline),
                                    stat=stats.weighted_kappa, n_boot=n_boot, seed=seed)
    return pd.Series(dict(zip(["spearman", "spearman_low", "spearman_high", "kappa", "kappa_low",
                               "kappa_high"], (*rho, *kappa))))


#: How :func:`against_readers` names the columns it compares (``score`` is the readers' reference,
#: :meth:`analysis.readers.Readings.reference` of the tone).
LABELS: dict[str, str] = {"reader_a": "reader A", "reader_b": "reader B", "score": "reference"}


def against_readers(frame: pd.DataFrame, methods: list[str],
                    pair: tuple[str, str] = ("reader_a", "reader_b"),
                    others: tuple[str, ...] = ("score",), n_boot: int = 1000,
                    seed: int = 0) -> pd.DataFrame:
    """Each method against each reader (and ``others``), beside the readers against each other.

    ``frame`` holds, row by row, the two readers' scores (-2..+2, columns
    ``pair``), any further ratings on that scale (``others``: by default
    ``score``, the reference of the tone readings, named ``reference``) and one
    score column in [-1, 1] per method. The readers' row
    compares their two ratings as they stand; a method's rows are those of
    :func:`agreement_table` (Spearman on the raw score, kappa after
    :func:`to_scale`), so the two kinds of row can be read side by side.
    Returns ``comparison, method, against, n, spearman, spearman_low,
    spearman_high, kappa, kappa_low, kappa_high``, the readers first.

    Example:
        >>> f = pd.DataFrame({"reader_a": [-2, -1, 0, 1, 2], "reader_b": [-2, 0, 0, 1, 2],
        ...                   "m": [-0.9, -0.3, 0.0, 0.2, 0.8]})
        >>> t = against_readers(f, ["m"], others=(), n_boot=50)
        >>> t[["comparison", "spearman", "kappa"]].round(2).values.tolist()
        ... # doctest: +NORMALIZE_WHITESPACE
        [['reader A vs reader B', 0.97, 0.95], ['m vs reader A', 1.0, 1.0],
         ['m vs reader B', 0.97, 0.95]]
    """
    first, second = pair
    both = readers.agreement(frame[first], frame[second], readers.TONE, n_boot=n_boot, seed=seed)
    columns = ["spearman", "spearman_low", "spearman_high", "kappa", "kappa_low", "kappa_high"]
    rows = [{"method": LABELS.get(first, first), "against": LABELS.get(second, second),
             "n": len(frame), **both[columns].to_dict()}]
    for against in (*pair, *others):
        table = agreement_table(frame[against], frame[methods], n_boot=n_boot, seed=seed)
        rows += [{**row, "against": LABELS.get(against, against)}
                 for row in table.to_dict("records")]
    out = pd.DataFrame(rows)
    out.insert(0, "comparison", out["method"] + " vs " + out["against"])
    return out[["comparison", "method", "against", "n", *columns]]
