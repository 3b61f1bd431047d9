"""Theme scores of sentences and paragraphs, from the hits alone, and where the themes live.

Three ways of scoring a unit (paragraph or sentence), from the bare baseline to
the method the book uses (``method=``):

- ``count``: the number of lexicon hits (the bare keyword count);
- ``density``: weighted hits per 100 words, ``100·Σw / (n + prior_words)``: the
  ``prior_words`` (25) shrink the rate of very short units toward zero, so that
  one hit in a four-word line does not outrank a paragraph that keeps naming
  the theme;
- ``context`` (the default): the density after two steps that let a unit
  inherit its theme from its surroundings, for the passages that never name it:

  1. *expansion* (:func:`analysis.themes.hits.expansion_terms`): words that the
     chapter itself uses significantly more often near the theme's core terms
     (log-likelihood, p < 0.001, at least three times) join the lexicon with
     weight 1;
  2. *smoothing*: each sentence's hits and words are spread over the
     neighbouring sentences with weights ``decay**distance`` (up to ``reach``
     sentences away), times ``boundary`` for each paragraph break crossed;
     the editor's notes and the titles are neither bridged nor smoothed into
     the narrative. A unit's score is the same rate, computed on the spread
     hits and words.

``expanded`` and ``smoothed`` apply one step only (to show what each adds).
The parameters were set before the scores were compared with the readers'
labels, except ``boundary``: set at 0.5 beforehand, it was lowered to 0.1
(a paragraph break is a change of subject; the neighbours should break ties,
not outvote the paragraph's own words) after that comparison, as the book
reports. Every score can be taken apart into the hits that made it
(:func:`explain`).

Example:
    >>> scores = paragraph_scores(chapter, lexicon)
    >>> list(scores.columns)
    ['paragraph_id', 'start', 'end', 'terror', 'nep', 'free_thought']
    >>> scores.set_index("paragraph_id").loc[49, ["terror", "nep", "free_thought"]].idxmax()
    'free_thought'
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import stats
from analysis.text import Chapter
from analysis.themes import vocabulary
from analysis.themes.hits import theme_hits
from analysis.themes.lexicon import Lexicon


#: The scoring methods, from the baseline to the default.
METHODS: tuple[str, ...] = ("count", "density", "expanded", "smoothed", "context")


#: Scoring parameters (see the module's description).
PRIOR_WORDS = 25.0
DECAY = 0.5
REACH = 3
BOUNDARY = 0.1


#: The columns of a scores or density table that are not themes (the unit's id, offsets and place).
UNIT_COLUMNS: tuple[str, ...] = ("paragraph_id", "sentence_id", "start", "end", "word_index",
                                 "position")


def theme_columns(table: pd.DataFrame) -> list[str]:
    """The theme columns of a table of scores or density (the lexicon's names, in its order).

    The tables of this module put the unit's id and offsets (:data:`UNIT_COLUMNS`)
    first and one column per theme of the lexicon after them.

    Example:
        >>> theme_columns(paragraph_scores(chapter, lexicon)) == lexicon.names
        True
    """
    return [c for c in table.columns if c not in UNIT_COLUMNS]


def _evidence(chapter: Chapter, hits: pd.DataFrame, themes: list[str],
              weighted: bool) -> pd.DataFrame:
    """Per sentence: ``n_words`` and the (weighted) hit sum of each theme."""
    sents = chapter.sentences[["sentence_id", "paragraph_id"]].copy()
    tokens = chapter.tokens  # the words counted without a copy of chapter.words
    n_words = pd.Series(tokens["sentence_id"].to_numpy()[tokens["is_word"].to_numpy()])
    sents["n_words"] = sents["sentence_id"].map(n_words.value_counts()).fillna(0).to_numpy()
    value = hits["weight"] if weighted else 1.0
    sums = hits.assign(value=value).groupby(["sentence_id", "theme"])["value"].sum()
    for theme in themes:
        mine = sums[sums.index.get_level_values("theme") == theme].droplevel("theme")
        sents[theme] = sents["sentence_id"].map(mine).fillna(0.0).to_numpy()
    return sents


def sentence_kernel_pairs(chapter: Chapter, *, decay: float = DECAY, reach: int = REACH,
                          boundary: float = BOUNDARY) -> pd.DataFrame:
    """The smoothing kernel as pairs: ``sentence_id, neighbour_id, weight`` (weight 1 on itself).

    Neighbours are sentences of the same stream (the narrative, or one editorial
    note, or one title) at most ``reach`` sentences away; the weight is
    ``decay**distance * boundary**(paragraph breaks crossed)``.

    Example:
        >>> k = sentence_kernel_pairs(chapter)
        >>> k[k["sentence_id"] == 11].set_index("neighbour_id")["weight"].to_dict()
        {8: 0.125, 9: 0.25, 10: 0.5, 11: 1.0, 12: 0.05, 13: 0.025, 14: 0.0125}
    """
    kind = chapter.paragraph_kind
    sents = chapter.sentences[["sentence_id", "paragraph_id"]].copy()
    is_narr = (sents["paragraph_id"].map(kind) == "narrative").to_numpy()
    sents["stream"] = np.where(is_narr, 0, sents["paragraph_id"].to_numpy())
    sents = sents.sort_values(["stream", "sentence_id"], kind="stable").reset_index(drop=True)
    sid, pid, stream = (sents[c].to_numpy() for c in ("sentence_id", "paragraph_id", "stream"))
    prank = np.concatenate([[0], np.cumsum(pid[1:] != pid[:-1])])
    frames = [pd.DataFrame({"sentence_id": sid, "neighbour_id": sid, "weight": 1.0})]
    for d in range(1, reach + 1):
        same = stream[d:] == stream[:-d]
        w = decay ** d * boundary ** (prank[d:] - prank[:-d])
        for a, b in ((sid[:-d], sid[d:]), (sid[d:], sid[:-d])):
            frames.append(pd.DataFrame({"sentence_id": a[same], "neighbour_id": b[same],
                                        "weight": w[same]}))
    return (pd.concat(frames, ignore_index=True)
            .sort_values(["sentence_id", "neighbour_id"]).reset_index(drop=True))


def _smooth(evidence: pd.DataFrame, kernel: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Spread the given per-sentence columns with the kernel (sum over neighbours)."""
    values = evidence.set_index("sentence_id")[columns]
    spread = values.loc[kernel["neighbour_id"]].to_numpy() * kernel["weight"].to_numpy()[:, None]
    summed = pd.DataFrame(spread, columns=columns).groupby(kernel["sentence_id"].to_numpy()).sum()
    out = evidence.copy()
    out[columns] = summed.reindex(out["sentence_id"]).fillna(0.0).to_numpy()
    return out


def _scored_evidence(chapter: Chapter, lexicon: Lexicon, hits: pd.DataFrame | None, method: str,
                     kernel: dict[str, float]) -> tuple[pd.DataFrame, list[str], pd.DataFrame]:
    """Per-sentence evidence for a method, the theme names and the hits used.

    ``hits`` are :func:`analysis.themes.hits.theme_hits` (computed if ``None``);
    the methods without expansion use their lexicon hits only.
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    lex = lexicon
    hits = theme_hits(chapter, lex) if hits is None else hits
    if method not in ("expanded", "context"):
        hits = hits[hits["source"] == "lexicon"]
    evidence = _evidence(chapter, hits, lex.names, weighted=method != "count")
    if method in ("smoothed", "context"):
        evidence = _smooth(evidence, sentence_kernel_pairs(chapter, **kernel),
                           ["n_words", *lex.names])
    return evidence, lex.names, hits


def _rates(sums: pd.DataFrame, themes: list[str], method: str,
           prior_words: float) -> pd.DataFrame:
    """Turn summed evidence into scores (counts stay counts)."""
    if method == "count":
        return sums[themes]
    return sums[themes].mul(100.0).div(sums["n_words"] + prior_words, axis=0)


def sentence_scores(chapter: Chapter, lexicon: Lexicon, *, hits: pd.DataFrame | None = None,
                    method: str = "context", prior_words: float = PRIOR_WORDS,
                    decay: float = DECAY, reach: int = REACH,
                    boundary: float = BOUNDARY) -> pd.DataFrame:
    """One row per sentence: ``sentence_id, paragraph_id, start, end`` and a score per theme.

    Scores are weighted hits per 100 words (see the module's description of
    ``method``); ``count`` gives bare hit counts. ``hits`` (from
    :func:`analysis.themes.hits.theme_hits`) saves finding them again.

    Example:
        >>> s = sentence_scores(chapter, lexicon, method="density")
        >>> int(s.loc[s["terror"].idxmax(), "paragraph_id"])
        43
    """
    kernel = {"decay": decay, "reach": reach, "boundary": boundary}
    evidence, themes, _ = _scored_evidence(chapter, lexicon, hits, method, kernel)
    out = chapter.sentences[["sentence_id", "paragraph_id", "start", "end"]].reset_index(drop=True)
    scores = _rates(evidence.set_index("sentence_id").loc[out["sentence_id"]], themes, method,
                    prior_words)
    return pd.concat([out, scores.reset_index(drop=True)], axis=1)


def paragraph_scores(chapter: Chapter, lexicon: Lexicon, *, hits: pd.DataFrame | None = None,
                     method: str = "context", prior_words: float = PRIOR_WORDS,
                     decay: float = DECAY, reach: int = REACH,
                     boundary: float = BOUNDARY) -> pd.DataFrame:
    """One row per paragraph: ``paragraph_id, start, end`` and a score per theme.

    A paragraph's score is the rate of its sentences' (spread) hits over their
    (spread) words, ``100·ΣE / (ΣN + prior_words)``: non-negative, and
    comparable between long and short paragraphs. This is ``themes.csv`` in the
    export. Join ``chapter.paragraphs`` on ``paragraph_id`` for the kind.
    ``hits`` (from :func:`analysis.themes.hits.theme_hits`) saves finding them
    again.

    Example:
        >>> p = paragraph_scores(chapter, lexicon, method="count").set_index("paragraph_id")
        >>> float(p.loc[49, "free_thought"]), float(p.loc[5, "terror"])
        (15.0, 0.0)
    """
    kernel = {"decay": decay, "reach": reach, "boundary": boundary}
    evidence, themes, _ = _scored_evidence(chapter, lexicon, hits, method, kernel)
    sums = evidence.groupby("paragraph_id")[["n_words", *themes]].sum()
    out = chapter.paragraphs[["paragraph_id", "start", "end"]].reset_index(drop=True)
    scores = _rates(sums.reindex(out["paragraph_id"]).fillna(0.0), themes, method, prior_words)
    return pd.concat([out, scores.reset_index(drop=True)], axis=1)


def explain(chapter: Chapter, paragraph_id: int, lexicon: Lexicon, *,
            hits: pd.DataFrame | None = None, method: str = "context", prior_words: float = PRIOR_WORDS, decay: float = DECAY,
            reach: int = REACH, boundary: float = BOUNDARY) -> pd.DataFrame:
    """The hits behind a paragraph's scores, each with its share of the score.

    Returns the hits that reach the paragraph (its own and, after smoothing,
    its neighbours'), with ``kernel`` (how much of the hit reaches it) and
    ``contribution`` (its part of the score); for each theme the contributions
    add up to the paragraph's score.

    Example:
        >>> why = explain(chapter, 51, lexicon)  # Bely's cry names no theme: all comes from neighbours
        >>> why[["term", "paragraph_id"]].head(2).values.tolist()
        [['Volfila', 52], ['frank*', 50]]
        >>> round(float(why.groupby("theme")["contribution"].sum()["terror"]), 3)
        0.185
    """
    kernel = {"decay": decay, "reach": reach, "boundary": boundary}
    evidence, themes, hits = _scored_evidence(chapter, lexicon, hits, method, kernel)
    own = evidence["paragraph_id"] == paragraph_id
    denominator = evidence.loc[own, "n_words"].sum()
    if method == "count":
        reached = pd.Series(1.0, index=evidence.loc[own, "sentence_id"])
    else:
        denominator += prior_words
        indicator = chapter.sentences[["sentence_id"]].assign(
            unit=(chapter.sentences["paragraph_id"] == paragraph_id).astype(float).to_numpy())
        if method in ("smoothed", "context"):
            indicator = _smooth(indicator, sentence_kernel_pairs(chapter, **kernel), ["unit"])
        reached = indicator.set_index("sentence_id")["unit"]
    out = hits.assign(kernel=hits["sentence_id"].map(reached).fillna(0.0).to_numpy())
    out = out[out["kernel"] > 0].copy()
    value = out["weight"] if method != "count" else 1.0
    scale = 100.0 / denominator if method != "count" else 1.0
    out["contribution"] = value * out["kernel"] * scale
    return out.sort_values(["theme", "contribution", "start"],
                           ascending=[True, False, True]).reset_index(drop=True)


def score_correlation(scores: pd.DataFrame, paragraph_ids: pd.Series | None = None,
                      ) -> pd.DataFrame:
    """Theme × theme Spearman correlation of paragraph scores (optionally of some paragraphs).

    Example:
        >>> c = score_correlation(paragraph_scores(chapter, lexicon))
        >>> float(c.loc["nep", "nep"])
        1.0
    """
    themes = theme_columns(scores)
    table = scores if paragraph_ids is None else scores[scores["paragraph_id"].isin(paragraph_ids)]
    return table[themes].corr(method="spearman")


def correlation_intervals(scores: pd.DataFrame, paragraph_ids: pd.Series | None = None, *,
                          n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Spearman's rho between each two themes' paragraph scores, with a 95% bootstrap interval.

    The paragraphs (all, or ``paragraph_ids``) are resampled ``n_boot`` times,
    the two scores of a paragraph together (:func:`analysis.stats.bootstrap`).
    Returns ``theme_a, theme_b, n, rho, rho_low, rho_high``, one row per pair
    in the columns' order; ``NaN`` where a score is constant.

    Example:
        >>> c = correlation_intervals(paragraph_scores(chapter, lexicon), n_boot=200)
        >>> c[["theme_a", "theme_b"]].values.tolist()[0], bool((c["rho_low"] <= c["rho"]).all())
        (['terror', 'nep'], True)
    """
    themes = theme_columns(scores)
    table = scores if paragraph_ids is None else scores[scores["paragraph_id"].isin(paragraph_ids)]
    rows = []
    for i, first in enumerate(themes):
        for second in themes[i + 1:]:
            x, y = table[first].to_numpy(dtype=float), table[second].to_numpy(dtype=float)
            low, high = stats.bootstrap(stats.spearman, x, y, n_boot=n_boot, seed=seed)
            rows.append({"theme_a": first, "theme_b": second, "n": len(table),
                         "rho": stats.spearman(x, y), "rho_low": low, "rho_high": high})
    return pd.DataFrame(rows, columns=["theme_a", "theme_b", "n", "rho", "rho_low", "rho_high"])


def theme_density(chapter: Chapter, lexicon: Lexicon, *, hits: pd.DataFrame | None = None,
                  bandwidth: float = 250.0, step: int = 10) -> pd.DataFrame:
    """Smoothed density of each theme along the narrative (weighted hits per 100 words).

    Each narrative word carries the weight of the hits that start on it; a
    Gaussian kernel of ``bandwidth`` words smooths weights and word counts
    alike (so the edges are not biased down), and their ratio is sampled every
    ``step`` words. Returns ``word_index, position`` and one column per theme,
    in the lexicon's order. ``hits`` as for :func:`paragraph_scores`.

    Example:
        >>> d = theme_density(chapter, lexicon)
        >>> bool(d.loc[d["nep"].idxmax(), "position"] > 0.5)
        True
    """
    from scipy.ndimage import gaussian_filter1d

    hits = theme_hits(chapter, lexicon) if hits is None else hits
    words = vocabulary.lexical_words(chapter)
    themes = lexicon.names
    at = np.searchsorted(words["end"].to_numpy(), hits["start"].to_numpy(), side="right")
    inside = at < len(words)
    inside &= words["start"].to_numpy()[np.clip(at, 0, len(words) - 1)] < hits["end"].to_numpy()
    ones = gaussian_filter1d(np.ones(len(words)), bandwidth, mode="constant")
    grid = np.arange(0, len(words), step)
    out = pd.DataFrame({"word_index": grid,
                        "position": words["start"].to_numpy()[grid] / len(chapter.seed_text)})
    for theme in themes:
        mass = np.zeros(len(words))
        mine = inside & (hits["theme"] == theme).to_numpy()
        np.add.at(mass, at[mine], hits["weight"].to_numpy()[mine])
        out[theme] = 100 * gaussian_filter1d(mass, bandwidth, mode="constant")[grid] / ones[grid]
    return out


def density_peaks(chapter: Chapter, density: pd.DataFrame) -> pd.DataFrame:
    """Where each theme's smoothed density is highest: ``theme, position, paragraph_id, density``.

    Example:
        >>> peaks = density_peaks(chapter, theme_density(chapter, lexicon)).set_index("theme")
        >>> int(peaks.loc["nep", "paragraph_id"]) in range(35, 40)
        True
    """
    themes = theme_columns(density)
    starts = chapter.paragraphs["start"].to_numpy() / len(chapter.seed_text)
    rows = []
    for theme in themes:
        best = density.loc[density[theme].idxmax()]
        at = int(np.searchsorted(starts, best["position"], side="right")) - 1
        rows.append({"theme": theme, "position": float(best["position"]),
                     "paragraph_id": int(chapter.paragraphs["paragraph_id"].iloc[at]),
                     "density": float(best[theme])})
    return pd.DataFrame(rows)


def top_paragraphs(chapter: Chapter, scores: pd.DataFrame, *, n: int = 3,
                   words: int = 12) -> pd.DataFrame:
    """The ``n`` highest-scoring paragraphs of each theme, with kind and opening words.

    Example:
        >>> top = top_paragraphs(chapter, paragraph_scores(chapter, lexicon), n=1)
        >>> top.set_index("theme").loc["terror", "paragraph_id"]
        np.int64(43)
    """
    paras = chapter.paragraphs.set_index("paragraph_id")
    themes = theme_columns(scores)
    frames = []
    for theme in themes:
        best = scores.nlargest(n, theme, keep="first")[["paragraph_id", theme]]
        frames.append(best.rename(columns={theme: "score"}).assign(theme=theme))
    out = pd.concat(frames, ignore_index=True)
    out["kind"] = paras.loc[out["paragraph_id"], "kind"].to_numpy()
    out["opening"] = [" ".join(paras.loc[p, "text"].split()[:words]) + " …"
                      for p in out["paragraph_id"]]
    return out[["theme", "paragraph_id", "kind", "score", "opening"]]
