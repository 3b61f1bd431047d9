"""How the author writes about each person: the tone of the sentences that name them.

:func:`portrayal_compared` sets the lexicon method beside the readers' reference
tone (the ``score`` of the tone set's :meth:`analysis.readers.Readings.reference`)
on the same sentences, :func:`portrayal_agreement` says how far they agree across
people, and :func:`sentences_compared` shows, sentence by sentence, where and why
they part. A text with no tone annotation has no comparison (``None``).

Example:
    >>> from analysis.results import Analyses
    >>> r = Analyses(chapter)
    >>> table = portrayal_compared(r.mentions, r.sentence_scores, r.tone_reference, register)
    >>> table.columns.tolist()[:5]
    ['person_id', 'name', 'sentences', 'method', 'method_low']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import stats
from analysis.readers import tone_unit


#: The columns of :func:`portrayal_compared`.
COMPARED_COLUMNS: list[str] = ["person_id", "name", "sentences", "method", "method_low",
                               "method_high", "reference", "reference_low", "reference_high",
                               "gap", "gap_low", "gap_high"]


def portrayal_compared(found: pd.DataFrame, sentence_scores: pd.DataFrame,
                       reference: pd.DataFrame | None, register: pd.DataFrame, min_sentences: int = 3,
                       n_boot: int = 2000, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """The tone of the sentences naming each person by the lexicon method and by the readers' reference.

    For each person named in at least ``min_sentences`` sentences of the
    narration that both score, the mean of the method's ``sentiment`` (in
    [-1, 1]) and the mean of the readers' reference ``score`` put on the same scale
    (:func:`analysis.readers.tone_unit`: -2..+2 to -1..+1), each with a percentile bootstrap
    interval, and their difference ``gap = method - reference`` with its
    interval. One resampling of the person's sentences gives all three (a
    paired bootstrap), so the gap's interval says whether the two readings of
    the same sentences part by more than the sentences' spread.

    Args:
        found: mentions from :func:`analysis.people.mentions.mentions`; the
            notes' mentions are left out (the readers scored the
            narration only).
        sentence_scores: ``sentence_id, sentiment``
            (:func:`analysis.sentiment.scorers.sentence_scores`).
        reference: ``sentence_id, score`` on -2..+2, the readers' reference
            tone; ``None`` (no tone annotation) gives ``None``.
        register: the register (for names).
        min_sentences: people named in fewer distinct sentences are left out.
        n_boot, seed, level: the percentile bootstrap over each person's sentences.

    Returns:
        :data:`COMPARED_COLUMNS`, ordered by the readers' tone, most negative
        first. A sentence naming two people counts for both.

    Example:
        >>> found = pd.DataFrame({"person_id": ["a"] * 3 + ["b"] * 3,
        ...                       "sentence_id": [1, 2, 3, 3, 4, 5], "in_note": False})
        >>> scores = pd.DataFrame({"sentence_id": [1, 2, 3, 4, 5],
        ...                        "sentiment": [0.5, 0.5, 0.5, 0.0, 0.0]})
        >>> ref = pd.DataFrame({"sentence_id": [1, 2, 3, 4, 5], "score": [2, 1, 0, -2, -2]})
        >>> reg = pd.DataFrame({"person_id": ["a", "b"], "name": ["A", "B"]})
        >>> t = portrayal_compared(found, scores, ref, reg, n_boot=50)
        >>> t[["person_id", "method", "reference", "gap"]].round(3).values.tolist()
        [['b', 0.167, -0.667, 0.833], ['a', 0.5, 0.5, 0.0]]
    """
    if reference is None:
        return None
    rng = np.random.default_rng(seed)
    pairs = found.loc[~found["in_note"].astype(bool), ["person_id", "sentence_id"]]
    pairs = (pairs.drop_duplicates()
             .merge(sentence_scores[["sentence_id", "sentiment"]], on="sentence_id")
             .merge(reference[["sentence_id", "score"]], on="sentence_id"))
    names = register.set_index("person_id")["name"]
    rows = []
    for pid, part in pairs.groupby("person_id", sort=True):
        if len(part) < min_sentences:
            continue
        method = part["sentiment"].to_numpy(dtype=float)
        close = tone_unit(part["score"]).to_numpy()
        draws = stats.resample(len(part), n_boot, rng)
        row: list[object] = [pid, names.get(pid, pid), len(part)]
        for values in (method, close, method - close):
            row += [float(values.mean()),
                    *stats.percentile_interval(values[draws].mean(axis=1), level)]
        rows.append(row)
    out = pd.DataFrame(rows, columns=COMPARED_COLUMNS)
    return out.sort_values(["reference", "person_id"]).reset_index(drop=True)


def portrayal_agreement(compared: pd.DataFrame | None, n_boot: int = 2000, seed: int = 0,
                        level: float = 0.95) -> pd.DataFrame | None:
    """How far the method's portrayal of people agrees with the readers' reference.

    ``compared``: :func:`portrayal_compared`. Returns one row: ``people``,
    ``spearman`` (the rank correlation of the two means across people) with
    ``spearman_low, spearman_high`` (a percentile bootstrap over people,
    seeded), ``mean_abs_gap`` (the mean distance between the two means, on
    -1..+1), ``method_higher`` (people the method reads more warmly) and
    ``parted`` (people whose gap interval leaves out zero); ``None`` where there is
    no comparison (no tone annotation).

    Example:
        >>> t = pd.DataFrame({"method": [0.1, 0.2, 0.4, 0.3], "reference": [-0.5, 0.0, 0.5, 0.2],
        ...                   "gap": [0.6, 0.2, -0.1, 0.1], "gap_low": [0.2, -0.1, -0.3, 0.0],
        ...                   "gap_high": [0.9, 0.5, 0.1, 0.3]})
        >>> row = portrayal_agreement(t, n_boot=50).iloc[0]
        >>> int(row["people"]), float(row["spearman"]), int(row["parted"])
        (4, 1.0, 1)
    """
    if compared is None:
        return None
    low, high = stats.bootstrap(stats.spearman, compared["method"], compared["reference"],
                                n_boot=n_boot, seed=seed, level=level)
    parted = (compared["gap_low"] > 0) | (compared["gap_high"] < 0)
    return pd.DataFrame([{
        "people": len(compared),
        "spearman": stats.spearman(compared["method"], compared["reference"]),
        "spearman_low": low, "spearman_high": high,
        "mean_abs_gap": float(compared["gap"].abs().mean()),
        "method_higher": int((compared["gap"] > 0).sum()), "parted": int(parted.sum())}])


def sentences_compared(found: pd.DataFrame, sentence_scores: pd.DataFrame,
                       reference: pd.DataFrame | None, explanations: pd.DataFrame,
                       person_id: str) -> pd.DataFrame | None:
    """The sentences naming one person, as the readers' reference and the method read them.

    ``reference``: the readers' reference tone (its ``score`` on -2..+2, ``how``
    it was reached, ``text``);
    ``explanations``: :func:`analysis.sentiment.explanation.sentence_explanations`
    for the method of ``sentence_scores`` (its ``fired``: the lexicon's words
    and their valences). the author's narration only.

    Returns ``sentence_id, paragraph_id, reference, how, sentiment, fired,
    text`` in text order; ``None`` where there is no tone annotation.

    Example:
        >>> found = pd.DataFrame({"person_id": ["a", "a", "b"], "sentence_id": [2, 1, 2],
        ...                       "in_note": False})
        >>> scores = pd.DataFrame({"sentence_id": [1, 2], "sentiment": [0.4, -0.2]})
        >>> ref = pd.DataFrame({"sentence_id": [1, 2], "paragraph_id": [1, 1],
        ...                     "score": [-1, -2], "how": "agreed", "text": ["x", "y"]})
        >>> why = pd.DataFrame({"sentence_id": [1, 2], "fired": ["smile +1.50", ""]})
        >>> rows = sentences_compared(found, scores, ref, why, "a")
        >>> rows[["sentence_id", "fired"]].values.tolist()
        [[1, 'smile +1.50'], [2, '']]
    """
    if reference is None:
        return None
    use = found[~found["in_note"].astype(bool) & (found["person_id"] == person_id)]
    ids = pd.DataFrame({"sentence_id": use["sentence_id"].unique()})
    out = (ids.merge(reference[["sentence_id", "paragraph_id", "score", "how", "text"]]
                     .rename(columns={"score": "reference"}), on="sentence_id")
           .merge(sentence_scores[["sentence_id", "sentiment"]], on="sentence_id")
           .merge(explanations[["sentence_id", "fired"]], on="sentence_id", how="left"))
    out["fired"] = out["fired"].fillna("")
    return (out[["sentence_id", "paragraph_id", "reference", "how", "sentiment", "fired", "text"]]
            .sort_values("sentence_id").reset_index(drop=True))
