"""Emotions along the chapter: fear, anger, sadness and trust, from the NRC Emotion Lexicon.

Each sentence's words are looked up in the NRC Emotion Lexicon (Mohammad and
Turney 2013; :func:`analysis.sentiment.lexicons.nrc_lexicon`), whose crowd
annotators marked which of eight emotions a word is associated with. A
sentence's count for an emotion is the number of its words so marked; the
emotion's track along the chapter is the Gaussian-kernel smoothed rate per 100
words of the author's narration (the smoother of :mod:`analysis.sentiment.arc`).
The lexicon marks words out of context ("shot" carries anger, fear, sadness
and surprise wherever it stands), so the tracks are checked against a small
annotation of some sentences by readers (:func:`load_emotion_readings`, :func:`check`).

Example:
    >>> counts = emotion_counts(chapter)
    >>> counts.columns.tolist()[4:]
    ['n_words', 'fear', 'anger', 'sadness', 'trust', 'words']
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import readers, stats
from analysis.readers import Readings
from analysis.schema import Field, TableSchema
from analysis.sentiment.arc import BANDWIDTH, arc_points, grid, kernel_smooth
from analysis.sentiment.lexicons import lexicon_words, nrc_lexicon
from analysis.text import Chapter
from analysis.text.anchoring import ANCHOR_FIELDS
from analysis.text.annotations import REASON, anchoring_note, load_sentences

#: The emotions followed, in order.
EMOTION_NAMES: tuple[str, ...] = ("fear", "anger", "sadness", "trust")

#: A reader's emotions of a sample of sentences (1 conveyed, 0 not).
EMOTIONS = TableSchema((*ANCHOR_FIELDS, *(
    Field(name, "integer", required=True, minimum=0, maximum=1,
          description=f"1 if the sentence conveys {name}, else 0")
    for name in EMOTION_NAMES), REASON))

#: The adjudication of two readers' emotions — ``emotion``, each reader's value, the value settled.
EMOTION_ADJUDICATION = TableSchema((
    *ANCHOR_FIELDS,
    Field("emotion", required=True, enum=EMOTION_NAMES, description="the emotion adjudicated"),
    *(Field(name, "integer", required=True, minimum=0, maximum=1, description=what)
      for name, what in (("present_a", "reader A's value"), ("present_b", "reader B's value"),
                         ("adjudicated", "the value settled"))),
    REASON))


def load_emotion_readings(chapter: Chapter, paths: Mapping[str, Path]) -> Readings:
    """The readers' emotions of a sample of sentences: ``reader_a``, ``reader_b``, ``adjudication``.

    Each reader's file gives every sentence of the sample 0 or 1 for each emotion
    (:data:`EMOTIONS`); the set's unit is a sentence and an emotion
    (``sentence_id, emotion``), its value ``present``. The adjudication
    (:data:`EMOTION_ADJUDICATION`) has one row per sentence and emotion the
    readers differ on.

    Example:
        >>> emo = load_emotion_readings(chapter, {"reader_a": data_path("annotations/emotions_reader_a.csv")})
        >>> ref = emo.reference()
        >>> ref.groupby("emotion", sort=False)["present"].sum().to_dict()
        {'fear': 5, 'anger': 14, 'sadness': 6, 'trust': 8}
    """
    tables = {}
    for role, path in paths.items():
        if role == "adjudication":
            table = load_sentences(chapter, path, EMOTION_ADJUDICATION, key="emotion")
            tables[role] = table
            continue
        wide = load_sentences(chapter, path, EMOTIONS)
        long = wide.melt(id_vars=["sentence_id", "paragraph_id", "start", "end", "reason", "text"],
                         value_vars=list(EMOTION_NAMES), var_name="emotion", value_name="present")
        order = {e: i for i, e in enumerate(EMOTION_NAMES)}
        long = long.sort_values(["sentence_id", "emotion"], key=lambda c: c.map(order)
                                if c.name == "emotion" else c, kind="stable")
        long.attrs = wide.attrs
        tables[role] = long.reset_index(drop=True)
    notes = tuple(line for table in tables.values() for line in anchoring_note(table))
    return Readings("emotions", ("sentence_id", "emotion"), "present", readers.PRESENCE,
                    tables["reader_a"], tables.get("reader_b"), tables.get("adjudication"),
                    sources={role: str(path) for role, path in paths.items()}, notes=notes)


def emotion_counts(chapter: Chapter, emotions: tuple[str, ...] = EMOTION_NAMES) -> pd.DataFrame:
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
    """Each emotion's smoothed rate per 100 words along the narration: ``position`` and a column each.

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
                  emotions: tuple[str, ...] = EMOTION_NAMES) -> pd.DataFrame:
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


def check(counts: pd.DataFrame, reference: pd.DataFrame,
          emotions: tuple[str, ...] = EMOTION_NAMES, n_boot: int = 1000,
          seed: int = 0) -> pd.DataFrame:
    """The lexicon's counts against the readers' emotions of some sentences.

    ``reference`` is the readers' reference (:meth:`analysis.readers.Readings.reference`
    of :func:`load_emotion_readings`: ``sentence_id, emotion, present``); a
    sentence the reference leaves out for an emotion (a disagreement nobody
    adjudicated) is left out of that emotion's row, not counted as unmarked. Returns
    one row per emotion: ``emotion, n`` (sentences with a reference value),
    ``n_present`` (sentences marked),
    ``precision`` and ``recall`` of "the sentence has a word of the emotion",
    and ``auc`` (counts separating marked from unmarked sentences) with a
    bootstrap interval (``auc_low``, ``auc_high``).

    Example:
        >>> counts = pd.DataFrame({"sentence_id": [1, 2, 3, 4], "fear": [2, 0, 1, 0]})
        >>> ref = pd.DataFrame({"sentence_id": [1, 2, 3, 4], "emotion": "fear",
        ...                     "present": [1, 0, 0, 0]})
        >>> check(counts, ref, ("fear",), n_boot=50)[["precision", "recall", "auc"]].values.tolist()
        [[0.5, 1.0, 1.0]]
    """
    marks = reference.pivot(index="sentence_id", columns="emotion", values="present")
    merged = marks[list(emotions)].add_suffix("_read").reset_index().merge(
        counts[["sentence_id", *emotions]], on="sentence_id")
    rng = np.random.default_rng(seed)
    rows = []
    for emotion in emotions:
        read = merged[merged[f"{emotion}_read"].notna()]
        marked = read[f"{emotion}_read"].to_numpy() == 1
        score = read[emotion].to_numpy(dtype=float)
        fired = score > 0
        both = int((marked & fired).sum())
        defined = 0 < marked.sum() < len(marked)
        draws = stats.resample(len(read), n_boot, rng)
        low, high = stats.percentile_interval(stats.auc_rows(score[draws], marked[draws]))
        rows.append({"emotion": emotion, "n": len(read), "n_present": int(marked.sum()),
                     "precision": both / fired.sum() if fired.any() else np.nan,
                     "recall": both / marked.sum() if marked.any() else np.nan,
                     "auc": stats.auc(score, marked) if defined else np.nan,
                     "auc_low": low, "auc_high": high})
    return pd.DataFrame(rows)
