"""The tone and emotions of each theme's paragraphs.

:func:`sentiment_by_theme` groups the sentences' tone by their paragraph's
dominant theme by the method (:func:`dominant_theme`); :func:`emotions_by_theme`
gives each emotion's rate in the paragraphs carrying a theme and in the rest, the
themes given by the readers' labels (:func:`readers_themes`) where a text has
them, else by the method (:func:`method_themes`): a theme lexicon and an emotion
lexicon share words (*terror*, *shoot*), so paragraphs chosen by one lexicon's
words are not a fair test of the other's.

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
from analysis.sentiment.emotions import EMOTION_NAMES, emotion_rates
from analysis.themes.scoring import theme_columns as theme_columns_of


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
    columns = theme_columns or theme_columns_of(themes)
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
    (the ``score`` of the tone set's :meth:`analysis.readers.Readings.reference`). Returns ``theme,
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


def readers_themes(labels: pd.DataFrame, at_least: int = 1) -> pd.DataFrame:
    """Which themes the readers give each paragraph: one column per theme, ``True`` where given.

    ``labels``: the readers' theme labels (:meth:`analysis.readers.Readings.reference`
    of the themes set: ``paragraph_id, theme, label``, 0 absent, 1 present, 2
    dominant). A theme is given where its label reaches ``at_least``. Indexed by
    ``paragraph_id``, themes in the labels' order.

    Example:
        >>> labels = pd.DataFrame({"paragraph_id": [1, 1, 2, 2], "theme": ["terror", "nep"] * 2,
        ...                        "label": [2, 0, 1, 1]})
        >>> readers_themes(labels).values.tolist(), readers_themes(labels, 2).values.tolist()
        ([[True, False], [True, True]], [[True, False], [False, False]])
    """
    order = list(dict.fromkeys(labels["theme"]))
    wide = labels.pivot(index="paragraph_id", columns="theme", values="label")[order]
    wide.columns.name = None
    return wide >= at_least


def method_themes(themes: pd.DataFrame, threshold: float = 1.0,
                  theme_columns: list[str] | None = None) -> pd.DataFrame:
    """Each paragraph's :func:`dominant_theme` as one column per theme, ``True`` for its theme.

    The shape of :func:`readers_themes`, for a text whose paragraphs no reader labelled.

    Example:
        >>> t = pd.DataFrame({"paragraph_id": [1, 2], "terror": [3.0, 0.5], "nep": [1.0, 0.2]})
        >>> method_themes(t).values.tolist()
        [[True, False], [False, False]]
    """
    columns = theme_columns or theme_columns_of(themes)
    dominant = dominant_theme(themes, threshold, columns)
    return pd.DataFrame({c: dominant == c for c in columns}, index=dominant.index.rename(
        "paragraph_id"))


def emotions_by_theme(counts: pd.DataFrame, given: pd.DataFrame,
                      emotions: tuple[str, ...] = EMOTION_NAMES) -> pd.DataFrame:
    """Each emotion's words per 100 words in the paragraphs given each theme, and in the rest.

    ``counts``: :func:`analysis.sentiment.emotions.emotion_counts` (e.g. the
    narration's sentences); ``given``: which themes each paragraph carries
    (:func:`readers_themes` or :func:`method_themes`). Sentences of paragraphs
    ``given`` does not list are left out. Returns, per theme, two rows (``group``
    ``with`` and ``without`` the theme): ``theme, group, paragraphs, n``
    (sentences), ``n_words`` and a rate per emotion (:func:`analysis.sentiment.emotions.emotion_rates`).

    Example:
        >>> counts = pd.DataFrame({"paragraph_id": [1, 1, 2], "n_words": [10, 10, 20],
        ...                        "fear": [2, 0, 1]})
        >>> given = pd.DataFrame({"terror": [True, False]}, index=pd.Index([1, 2], name="paragraph_id"))
        >>> emotions_by_theme(counts, given, ("fear",)).values.tolist()
        [['terror', 'with', 1, 2, 20, 10.0], ['terror', 'without', 1, 1, 20, 5.0]]
    """
    frames = []
    for theme in given.columns:
        has = counts["paragraph_id"].map(given[theme])
        group = has.map({True: "with", False: "without"})
        table = emotion_rates(counts, group, emotions).set_index("group").reindex(
            ["with", "without"])
        table.insert(0, "paragraphs", counts.groupby(group)["paragraph_id"].nunique())
        frames.append(table.reset_index().assign(theme=theme))
    columns = ["theme", "group", "paragraphs", "n", "n_words", *emotions]
    if not frames:
        return pd.DataFrame(columns=columns)
    out = pd.concat(frames, ignore_index=True)[columns]
    return out.astype({c: "Int64" for c in ("paragraphs", "n", "n_words")})


def tone_theme_correlations(scores: pd.DataFrame, themes: pd.DataFrame, column: str = "sentiment",
                            theme_columns: list[str] | None = None, n_boot: int = 1000,
                            seed: int = 0) -> pd.DataFrame:
    """How each theme's paragraph score goes with the paragraph's tone: Spearman's rho, with an interval.

    Paragraph by paragraph (the paragraphs of ``scores``), each theme's score
    (``themes``: ``paragraph_id`` and a column per theme) against the mean
    ``column`` of the paragraph's sentences; the interval is a bootstrap over
    paragraphs (the unit of the comparison). Unlike a correlation of two
    smoothed tracks, whose neighbouring points are not independent, this one can
    carry an interval. Returns ``theme, n, rho, low, high``.

    Example:
        >>> scores = pd.DataFrame({"paragraph_id": [1, 1, 2, 3, 4], "sentiment": [-0.5, -0.3, 0.0, 0.2, 0.4]})
        >>> themes = pd.DataFrame({"paragraph_id": [1, 2, 3, 4], "terror": [3.0, 1.0, 0.5, 0.0]})
        >>> tone_theme_correlations(scores, themes, n_boot=50)[["theme", "n", "rho"]].values.tolist()
        [['terror', 4, -1.0]]
    """
    columns = theme_columns or theme_columns_of(themes)
    tone = scores.groupby("paragraph_id")[column].mean()
    table = themes.set_index("paragraph_id").reindex(tone.index)
    rows = []
    for theme in columns:
        rho = stats.spearman(table[theme], tone)
        low, high = stats.bootstrap(stats.spearman, table[theme], tone, n_boot=n_boot, seed=seed)
        rows.append({"theme": theme, "n": len(tone), "rho": rho, "low": low, "high": high})
    return pd.DataFrame(rows, columns=["theme", "n", "rho", "low", "high"])
