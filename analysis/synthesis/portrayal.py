"""How Serge writes about each person: the tone of the sentences that name them.

Example:
    >>> from analysis.sentiment import sentence_scores
    >>> table = portrayal(mentions(chapter, register), sentence_scores(chapter, patch), register)
    >>> table.columns.tolist()
    ['person_id', 'name', 'sentences', 'mean', 'low', 'high']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import stats

from analysis.text import Chapter


def portrayal(found: pd.DataFrame, sentence_scores: pd.DataFrame, register: pd.DataFrame,
              min_sentences: int = 3, include_notes: bool = False, n_boot: int = 2000,
              seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """Mean sentiment of the sentences naming each person, with a bootstrap interval.

    Args:
        found: mentions from :func:`analysis.people.mentions.mentions`.
        sentence_scores: one row per sentence with ``sentence_id`` and
            ``sentiment`` (a score in [-1, 1], e.g. from
            ``analysis.sentiment.sentence_scores``).
        register: the register (for names).
        min_sentences: people named in fewer distinct sentences are left out.
        include_notes: count sentences of the editorial notes too.
        n_boot, seed, level: percentile bootstrap of the mean over sentences
            (resampling sentences, seeded).

    Returns:
        ``person_id, name, sentences, mean, low, high``, most negative first.
        A sentence naming two people counts for both.

    Example:
        >>> found = pd.DataFrame({"person_id": ["a"] * 3 + ["b"] * 3,
        ...                       "sentence_id": [1, 2, 3, 3, 4, 5], "in_note": False})
        >>> scores = pd.DataFrame({"sentence_id": [1, 2, 3, 4, 5],
        ...                        "sentiment": [0.5, 0.5, 0.5, -0.5, -0.5]})
        >>> reg = pd.DataFrame({"person_id": ["a", "b"], "name": ["A", "B"]})
        >>> portrayal(found, scores, reg, n_boot=20)[["person_id", "mean"]].round(3).values.tolist()
        [['b', -0.167], ['a', 0.5]]
    """
    rng = np.random.default_rng(seed)
    use = found if include_notes else found[~found["in_note"].astype(bool)]
    pairs = use[["person_id", "sentence_id"]].drop_duplicates()
    pairs = pairs.merge(sentence_scores[["sentence_id", "sentiment"]], on="sentence_id")
    names = register.set_index("person_id")["name"]
    rows = []
    for pid, part in pairs.groupby("person_id", sort=True):
        values = part["sentiment"].to_numpy(dtype=float)
        if len(values) < min_sentences:
            continue
        rows.append((pid, names.get(pid, pid), len(values),
                     *stats.bootstrap_mean(values, n_boot, rng, level)))
    out = pd.DataFrame(rows, columns=["person_id", "name", "sentences", "mean", "low", "high"])
    return out.sort_values(["mean", "person_id"]).reset_index(drop=True)


def portrayal_sentences(found: pd.DataFrame, sentence_scores: pd.DataFrame,
                        chapter: Chapter, person_id: str,
                        include_notes: bool = False) -> pd.DataFrame:
    """The sentences naming one person, with their score, in text order.

    Returns ``sentence_id, paragraph_id, start, end, sentiment, text``.

    Example:
        >>> found = mentions(chapter, register)
        >>> scores = chapter.sentences[["sentence_id"]].assign(sentiment=0.0)
        >>> portrayal_sentences(found, scores, chapter, "clemenceau")["text"].str[:10].tolist()
        ['Clemenceau']
    """
    use = found if include_notes else found[~found["in_note"].astype(bool)]
    ids = use.loc[use["person_id"] == person_id, "sentence_id"].unique()
    sents = chapter.sentences[chapter.sentences["sentence_id"].isin(ids)]
    out = sents.merge(sentence_scores[["sentence_id", "sentiment"]], on="sentence_id",
                      how="left")
    return out[["sentence_id", "paragraph_id", "start", "end", "sentiment", "text"]]
