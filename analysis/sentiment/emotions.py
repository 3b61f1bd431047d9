"""Emotions along the chapter: fear, anger, sadness and trust, from the NRC Emotion Lexicon.

Each sentence's words are looked up in the NRC Emotion Lexicon (Mohammad and
Turney 2013; :func:`analysis.sentiment.lexicons.nrc_lexicon`), whose crowd
annotators marked which of eight emotions a word is associated with. A
sentence's count for an emotion is the number of its words so marked; the
emotion's track along the chapter is the Gaussian-kernel smoothed rate per 100
words of Serge's narration (the smoother of :mod:`analysis.sentiment.arc`).
The lexicon marks words out of context ("shot" carries anger, fear, sadness
and surprise wherever it stands), so the tracks are checked against a small
hand annotation (:func:`check`).

Example:
    >>> counts = emotion_counts(chapter)
    >>> counts.columns.tolist()[4:]
    ['n_words', 'fear', 'anger', 'sadness', 'trust', 'words']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import stats
from analysis.sentiment.arc import BANDWIDTH, arc_points, grid, kernel_smooth
from analysis.sentiment.lexicons import lexicon_words, nrc_lexicon
from analysis.text import Chapter

#: The emotions the book follows, in order.
EMOTIONS: tuple[str, ...] = ("fear", "anger", "sadness", "trust")


def emotion_counts(chapter: Chapter, emotions: tuple[str, ...] = EMOTIONS) -> pd.DataFrame:
    """Per sentence: ``sentence_id, paragraph_id, start, end, n_words``, a count per emotion, ``words``.

    ``words`` lists the lexicon words found, each with its emotions among
    ``emotions`` (``"shot: fear anger sadness"``).

    Example:
        >>> counts = emotion_counts(chapter).set_index("sentence_id")
        >>> sid = int(chapter.find(r"made ready to shoot").loc[0, "sentence_id"])
        >>> counts.loc[sid, ["fear", "anger", "sadness", "trust"]].tolist()
        [1, 1, 0, 0]
    """
    lexicon = nrc_lexicon()
    n_words = chapter.words.groupby("sentence_id").size()
    rows = []
    for sid, text in zip(chapter.sentences["sentence_id"], chapter.sentences["text"]):
        found = [(w, [e for e in emotions if e in lexicon[w]]) for w in lexicon_words(text, lexicon)]
        found = [(w, es) for w, es in found if es]
        rows.append([sum(e in es for _, es in found) for e in emotions]
                    + ["; ".join(f"{w}: {' '.join(es)}" for w, es in found)])
    table = pd.DataFrame(rows, columns=[*emotions, "words"])
    out = chapter.sentences[["sentence_id", "paragraph_id", "start", "end"]].reset_index(drop=True)
    out["n_words"] = out["sentence_id"].map(n_words).fillna(0).astype(int)
    return pd.concat([out, table], axis=1)


def emotion_tracks(chapter: Chapter, counts: pd.DataFrame, *, bandwidth: float = BANDWIDTH,
                   n_grid: int = 201) -> pd.DataFrame:
    """Each emotion's smoothed rate per 100 words along Serge's narration: ``position`` and a column each.

    The counts and the word counts of the narration's sentences are smoothed
    alike with a Gaussian kernel (``bandwidth``: a fraction of the chapter),
    and their ratio is taken, so long and short sentences weigh by their words.

    Example:
        >>> tracks = emotion_tracks(chapter, emotion_counts(chapter))
        >>> float(tracks["position"].iloc[-1]), bool((tracks["fear"] >= 0).all())
        (1.0, True)
    """
    emotions = [c for c in counts.columns
                if c not in ("sentence_id", "paragraph_id", "start", "end", "n_words", "words")]
    points = arc_points(chapter, counts.assign(sentiment=0.0))
    at = grid(n_grid)
    narrative = counts.set_index("sentence_id").loc[points["sentence_id"]]
    words = kernel_smooth(points["position"], narrative["n_words"].to_numpy(dtype=float), at,
                          bandwidth)
    out = pd.DataFrame({"position": at})
    for emotion in emotions:
        mass = kernel_smooth(points["position"], narrative[emotion].to_numpy(dtype=float), at,
                             bandwidth)
        out[emotion] = np.round(100 * mass / words, 6)
    return out


def emotion_rates(counts: pd.DataFrame, groups: pd.Series,
                  emotions: tuple[str, ...] = EMOTIONS) -> pd.DataFrame:
    """Each emotion's rate per 100 words in each group of sentences.

    ``groups`` labels the rows of ``counts`` (:func:`emotion_counts`), row by
    row (e.g. the dominant theme of each sentence's paragraph); rows labelled
    ``NaN`` are left out. Returns ``group, n`` (sentences), ``n_words`` and one
    column per emotion: its words per 100 words of the group.

    Example:
        >>> counts = pd.DataFrame({"n_words": [10, 30, 20], "fear": [1, 3, 0]})
        >>> emotion_rates(counts, pd.Series(["terror", "terror", "nep"]), ("fear",))
        ... # doctest: +NORMALIZE_WHITESPACE
            group  n  n_words  fear
        0     nep  1       20   0.0
        1  terror  2       40  10.0
    """
    frame = counts[["n_words", *emotions]].assign(group=np.asarray(groups, dtype=object))
    table = (frame.dropna(subset=["group"]).groupby("group")
             .agg(n=("n_words", "size"), n_words=("n_words", "sum"),
                  **{e: (e, "sum") for e in emotions}))
    for emotion in emotions:
        table[emotion] = 100 * table[emotion] / table["n_words"]
    return table.reset_index()


def emotion_words(counts: pd.DataFrame, emotion: str, top: int = 8) -> pd.Series:
    """The words that carry ``emotion`` most often in these sentences, with how often.

    ``counts`` is :func:`emotion_counts` output (or some of its rows); the
    words are read from its ``words`` column. Ties keep the order of first use.

    Example:
        >>> counts = pd.DataFrame({"words": ["shot: fear anger; comrade: trust", "shot: fear", ""]})
        >>> emotion_words(counts, "fear").to_dict()
        {'shot': 2}
    """
    found: dict[str, int] = {}
    for listed in counts["words"]:
        for item in filter(None, listed.split("; ")):
            word, emotions = item.split(": ")
            if emotion in emotions.split():
                found[word] = found.get(word, 0) + 1
    ranked = sorted(found.items(), key=lambda kv: -kv[1])[:top]
    return pd.Series(dict(ranked), name=emotion, dtype="int64")


def check(counts: pd.DataFrame, hand: pd.DataFrame, emotions: tuple[str, ...] = EMOTIONS,
          n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """The lexicon's counts against a hand annotation of some sentences (0/1 per emotion).

    Returns one row per emotion: ``emotion, n, n_present`` (sentences the
    reader marked), ``precision`` and ``recall`` of "the sentence has a word of
    the emotion", and ``auc`` (counts separating marked from unmarked
    sentences) with a bootstrap interval (``auc_low``, ``auc_high``).

    Example:
        >>> counts = pd.DataFrame({"sentence_id": [1, 2, 3, 4], "fear": [2, 0, 1, 0]})
        >>> hand = pd.DataFrame({"sentence_id": [1, 2, 3, 4], "fear": [1, 0, 0, 0]})
        >>> check(counts, hand, ("fear",), n_boot=50)[["precision", "recall", "auc"]].values.tolist()
        [[0.5, 1.0, 1.0]]
    """
    merged = hand[["sentence_id", *emotions]].merge(counts[["sentence_id", *emotions]],
                                                    on="sentence_id", suffixes=("_hand", ""))
    rng = np.random.default_rng(seed)
    rows = []
    for emotion in emotions:
        marked = merged[f"{emotion}_hand"].to_numpy() == 1
        score = merged[emotion].to_numpy(dtype=float)
        fired = score > 0
        both = int((marked & fired).sum())
        defined = 0 < marked.sum() < len(marked)
        draws = stats.resample(len(merged), n_boot, rng)
        low, high = stats.percentile_interval(stats.auc_rows(score[draws], marked[draws]))
        rows.append({"emotion": emotion, "n": len(merged), "n_present": int(marked.sum()),
                     "precision": both / fired.sum() if fired.any() else np.nan,
                     "recall": both / marked.sum() if marked.any() else np.nan,
                     "auc": stats.auc(score, marked) if defined else np.nan,
                     "auc_low": low, "auc_high": high})
    return pd.DataFrame(rows)
