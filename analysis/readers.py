"""Two readers and their adjudication: how far they agree, and the reference they give.

Each reader's annotation is a table with one row per unit (a sentence or a
paragraph and theme) holding a value on an ordinal scale. Where the readers
agree, their value is the reference; where they disagree, the adjudicated value
is (:func:`reference`). :func:`agreement` measures the readers' agreement with
Krippendorff's alpha (ordinal), Cohen's weighted kappa and Spearman's rho,
each with a percentile bootstrap interval over units (:mod:`analysis.stats`).

Example:
    >>> a = pd.DataFrame({"unit": [1, 2, 3, 4], "value": [-2, 0, 1, 2]})
    >>> b = pd.DataFrame({"unit": [1, 2, 3, 4], "value": [-2, 1, 1, 2]})
    >>> adjudicated = pd.DataFrame({"unit": [2], "value": [0], "reason": ["neutral report"]})
    >>> reference(a, b, adjudicated, "unit")[["unit", "reference", "how"]].values.tolist()
    [[1, -2, 'agreed'], [2, 0, 'adjudicated'], [3, 1, 'agreed'], [4, 2, 'agreed']]
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import numpy as np
import pandas as pd

from analysis import stats
from analysis.errors import AnalysisError

#: The five points of the tone scale, and the three of the theme labels.
TONE: tuple[int, ...] = (-2, -1, 0, 1, 2)
THEME: tuple[int, ...] = (0, 1, 2)


def paired(a: pd.DataFrame, b: pd.DataFrame, key: str | Sequence[str]) -> pd.DataFrame:
    """The units both readers annotated: ``key`` columns, ``reader_a``, ``reader_b``.

    Example:
        >>> a = pd.DataFrame({"unit": [1, 2], "value": [0, 1]})
        >>> paired(a, a.iloc[:1], "unit").values.tolist()
        [[1, 0, 0]]
    """
    keys = [key] if isinstance(key, str) else list(key)
    return (a[[*keys, "value"]].rename(columns={"value": "reader_a"})
            .merge(b[[*keys, "value"]].rename(columns={"value": "reader_b"}), on=keys)
            .reset_index(drop=True))


def disagreements(a: pd.DataFrame, b: pd.DataFrame, key: str | Sequence[str]) -> pd.DataFrame:
    """The units on which the readers disagree: ``key``, ``reader_a``, ``reader_b``.

    Example:
        >>> a = pd.DataFrame({"unit": [1, 2], "value": [0, 1]})
        >>> b = pd.DataFrame({"unit": [1, 2], "value": [0, 2]})
        >>> disagreements(a, b, "unit").values.tolist()
        [[2, 1, 2]]
    """
    both = paired(a, b, key)
    return both[both["reader_a"] != both["reader_b"]].reset_index(drop=True)


def reference(a: pd.DataFrame, b: pd.DataFrame, adjudicated: pd.DataFrame,
              key: str | Sequence[str]) -> pd.DataFrame:
    """The reference annotation: the readers' value where they agree, the adjudicated one elsewhere.

    ``adjudicated`` has a ``value`` for every disagreement (and may have a
    ``reason``). Returns ``key, reader_a, reader_b, reference, how`` (``agreed``
    or ``adjudicated``) and ``reason`` (the adjudicator's, empty where the
    readers agreed), one row per unit both readers annotated.

    Raises:
        AnalysisError: a disagreement has no adjudicated value, or an
            adjudicated unit is not a disagreement.
    """
    keys = [key] if isinstance(key, str) else list(key)
    both = paired(a, b, key)
    differ = both["reader_a"] != both["reader_b"]
    given = adjudicated.assign(reason=adjudicated.get("reason", ""))[[*keys, "value", "reason"]]
    merged = both.merge(given, on=keys, how="left", indicator=True)
    missing = merged[differ.to_numpy() & (merged["_merge"] == "left_only").to_numpy()]
    if len(missing):
        unit = ", ".join(str(v) for v in missing[keys].iloc[0])
        raise AnalysisError(f"the readers disagree on {unit} and no adjudicated value is given")
    extra = given.merge(both[~differ], on=keys)
    if len(extra):
        unit = ", ".join(str(v) for v in extra[keys].iloc[0])
        raise AnalysisError(f"{unit} is adjudicated, but the readers agree on it")
    out = merged.assign(
        reference=np.where(differ, merged["value"], merged["reader_a"]).astype(int),
        how=np.where(differ, "adjudicated", "agreed"),
        reason=np.where(differ, merged["reason"], ""))
    return out[[*keys, "reader_a", "reader_b", "reference", "how", "reason"]]


def agreement(x: pd.Series, y: pd.Series, scale: tuple[int, ...], *, n_boot: int = 1000,
              seed: int = 0, level: float = 0.95) -> pd.Series:
    """How far two ordinal ratings of the same units agree, with bootstrap intervals.

    Returns ``n``, ``exact`` (the share of units given the same value),
    ``alpha`` (Krippendorff's alpha, ordinal), ``kappa`` (Cohen's quadratic
    weighted kappa) and ``spearman``, each measure with ``_low`` and ``_high``
    (percentile interval over units, pairs resampled together).

    Example:
        >>> x = pd.Series([-2, -1, 0, 1, 2, 2, 0, -1])
        >>> r = agreement(x, x, TONE, n_boot=50)
        >>> float(r["alpha"]), float(r["kappa"]), float(r["exact"])
        (1.0, 1.0, 1.0)
    """
    x, y = pd.Series(np.asarray(x)), pd.Series(np.asarray(y))
    out: dict[str, float] = {"n": float(len(x)), "exact": float((x == y).mean())}
    measures = {"alpha": lambda u, v: stats.krippendorff_alpha(u, v, scale),
                "kappa": partial(stats.weighted_kappa, categories=scale),
                "spearman": stats.spearman}
    for name, measure in measures.items():
        out[name] = measure(x, y)
        out[f"{name}_low"], out[f"{name}_high"] = stats.bootstrap(
            measure, x, y, n_boot=n_boot, seed=seed, level=level)
    return pd.Series(out)
