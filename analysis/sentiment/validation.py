"""Sentiment scores against a hand annotation of the sentences (-2..+2, as Serge means them).

The annotation is on an ordinal scale of five points (-2..+2); the methods
give continuous scores in [-1, 1]. Two measures are reported:

- Spearman's rank correlation between the annotation and the raw score (no
  binning, ties handled by mid-ranks);
- Cohen's weighted kappa (quadratic weights by default) between the
  annotation and the score binned onto the same five points by fixed cut
  points (:data:`CUTS`, chosen before any comparison: an absolute score below
  0.05 is neutral, VADER's authors' own threshold; from 0.5 it is strong).

Intervals are percentile bootstraps over sentences (pairs resampled together),
seeded (:mod:`analysis.stats`).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import stats
from analysis.errors import DataFileError
from analysis.schema import read_csv_table
from analysis.text import Chapter


def load_annotations(chapter: Chapter, path: str | Path) -> pd.DataFrame:
    """Read and check the hand annotation of sentence sentiment.

    Columns ``sentence_id, start, end, split, batch, score, reason, text``:
    each row names a sentence by its id, its seed offsets and its established
    text, so that a change of segmentation or text is caught, not silently
    scored against the wrong sentence. ``score`` is an integer in -2..+2,
    ``split`` is ``dev`` (may be looked at when tuning) or ``heldout``
    (never), ``batch`` the annotation round (a positive whole number: batch 2
    was annotated after the held-out part of batch 1 had been scored once,
    as a fresh held-out set), and ``reason`` is required. Returns those
    columns plus ``paragraph_id``.

    Raises:
        DataFileError: naming the file, the row (header = row 1) and the column.

    Example:
        >>> ann = load_annotations(chapter, data_path("annotations/sentiment.csv"))
        >>> len(ann) >= 150, sorted(ann["split"].unique())
        (True, ['dev', 'heldout'])
    """
    file = Path(path)
    columns = ["sentence_id", "start", "end", "split", "batch", "score", "reason", "text"]
    raw = read_csv_table(file, columns)
    sents = chapter.sentences.set_index("sentence_id")
    seen: dict[int, int] = {}
    rows = []
    for i, rec in enumerate(raw[columns].itertuples(index=False), start=2):
        where = f"{file}: row {i}"
        ints = {}
        for col in ("sentence_id", "start", "end", "batch", "score"):
            value = getattr(rec, col).strip()
            if not re.fullmatch(r"[+-]?\d+", value):
                raise DataFileError(f"{where}, column '{col}': {value!r} is not a whole number")
            ints[col] = int(value)
        sid = ints["sentence_id"]
        if sid not in sents.index:
            raise DataFileError(f"{where}, column 'sentence_id': no sentence {sid} in the "
                                f"chapter (it has {len(sents)})")
        if sid in seen:
            raise DataFileError(f"{where}, column 'sentence_id': sentence {sid} already "
                                f"annotated in row {seen[sid]}")
        seen[sid] = i
        sent = sents.loc[sid]
        for col in ("start", "end"):
            if ints[col] != int(sent[col]):
                raise DataFileError(
                    f"{where}, column '{col}': sentence {sid} now has {col} {int(sent[col])}, "
                    f"not {ints[col]}: the text or its segmentation changed; re-check the row")
        if rec.text != sent["text"]:
            raise DataFileError(f"{where}, column 'text': differs from sentence {sid}'s text "
                                f"({sent['text'][:40]!r}...): the text changed; re-check the row")
        if ints["score"] not in (-2, -1, 0, 1, 2):
            raise DataFileError(f"{where}, column 'score': {ints['score']} is not in -2..+2")
        if rec.split not in ("dev", "heldout"):
            raise DataFileError(f"{where}, column 'split': {rec.split!r} is not 'dev' or "
                                "'heldout'")
        if ints["batch"] < 1:
            raise DataFileError(f"{where}, column 'batch': {ints['batch']} is not a positive "
                                "round number")
        if not rec.reason.strip():
            raise DataFileError(f"{where}, column 'reason': empty; say why")
        rows.append((sid, int(sent["paragraph_id"]), ints["start"], ints["end"], rec.split,
                     ints["batch"], ints["score"], rec.reason, rec.text))
    return pd.DataFrame(rows, columns=["sentence_id", "paragraph_id", "start", "end", "split",
                                       "batch", "score", "reason", "text"])


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
