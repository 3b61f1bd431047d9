"""The tone of each theme's paragraphs: sentence sentiment grouped by the paragraph's dominant theme.

Example:
    >>> from analysis.sentiment import sentence_scores
    >>> narration = sentence_scores(chapter, patch)
    >>> table = sentiment_by_theme(narration, paragraph_scores(chapter, lexicon), n_boot=50)
    >>> sorted(table["theme"])
    ['free_thought', 'nep', 'none', 'terror']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import stats



def dominant_theme(themes: pd.DataFrame, threshold: float = 1.0,
                   theme_columns: list[str] | None = None) -> pd.Series:
    """Each paragraph's dominant theme, or ``"none"`` if no score reaches ``threshold``.

    ``themes`` is a paragraph table (``paragraph_id`` and one score column
    per theme, e.g. ``analysis.themes.paragraph_scores``, weighted hits per
    100 words); ``theme_columns`` defaults to every column but
    ``paragraph_id``, ``start`` and ``end``. Returns a Series indexed by
    ``paragraph_id``.

    Example:
        >>> t = pd.DataFrame({"paragraph_id": [1, 2, 3], "terror": [3.0, 0.5, 0.2],
        ...                   "nep": [1.0, 2.0, 0.1]})
        >>> dominant_theme(t).tolist()
        ['terror', 'nep', 'none']
    """
    columns = theme_columns or [c for c in themes.columns
                                if c not in ("paragraph_id", "start", "end")]
    values = themes[columns].to_numpy(dtype=float)
    best = np.array(columns, dtype=object)[values.argmax(axis=1)]
    label = np.where(values.max(axis=1) >= threshold, best, "none")
    return pd.Series(label, index=themes["paragraph_id"].to_numpy(), name="theme")


def sentiment_by_theme(scores: pd.DataFrame, themes: pd.DataFrame, threshold: float = 1.0,
                       n_boot: int = 1000, seed: int = 0,
                       column: str = "sentiment") -> pd.DataFrame:
    """Mean tone (``column``) of the sentences of each theme's paragraphs, with intervals.

    Each paragraph is given its :func:`dominant_theme` (the groups do not
    overlap; ``none`` collects paragraphs where no theme reaches
    ``threshold``). Paragraphs are the bootstrap clusters. ``column`` is the
    score to average: the method's ``sentiment`` by default, or another
    reading of the same sentences, such as the readers' reference tone
    (:func:`analysis.sentiment.reference.tone_reference`). Returns ``theme,
    n, n_clusters, mean, low, high``.

    Example:
        >>> scores = pd.DataFrame({"paragraph_id": [1, 1, 2, 3], "sentiment": [-0.5, -0.3, 0.4, 0]})
        >>> themes = pd.DataFrame({"paragraph_id": [1, 2, 3], "terror": [2.0, 0.0, 0.0],
        ...                        "nep": [0.0, 1.5, 0.0]})
        >>> sentiment_by_theme(scores, themes, n_boot=50)[["theme", "n", "mean"]]
        ... # doctest: +NORMALIZE_WHITESPACE
            theme  n  mean
        0     nep  1   0.4
        1    none  1   0.0
        2  terror  2  -0.4
        >>> scores["reference"] = [-2, -1, 1, 0]
        >>> sentiment_by_theme(scores, themes, n_boot=50, column="reference")["mean"].tolist()
        [1.0, 0.0, -1.5]
    """
    theme = scores["paragraph_id"].map(dominant_theme(themes, threshold)).fillna("none")
    table = stats.scores_by_group(scores[column], theme, scores["paragraph_id"], n_boot, seed)
    return table.rename(columns={"group": "theme"})
