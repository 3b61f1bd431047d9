"""The comparison of the texts of a corpus: who each names, in what words, in what tone, on what themes.

Every function takes a :class:`~analysis.corpus.witnesses.Corpus` and returns a
pandas table with a ``text_id`` column, built from each text's own analyses by
the package's functions (mentions, sentence scores, theme hits, collocates,
the network's co-occurrence, the bootstrap), never by a second implementation.
Counts are of the narration only (paragraphs of kind ``narrative``: not the
titles, not the editors' notes or footnotes), and rates are per 1,000 of its
lexical words (:func:`analysis.themes.vocabulary.lexical_words`), so that texts
of different lengths can be set side by side. Every row that comes from the
text carries ``start``/``end``, offsets into that text's file as stored.

Example:
    >>> from analysis.corpus.witnesses import bundled_corpus, load_corpus
    >>> corpus = load_corpus(bundled_corpus())
    >>> table = naming(corpus)
    >>> sorted(table.loc[table["person_id"] == "lenin", "text_id"])
    ['goldman', 'russell', 'serge']
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis import stats
from analysis.corpus.witnesses import Corpus
from analysis.people.network import cooccurrence
from analysis.themes.contrast import keyness_between
from analysis.themes.vocabulary import collocates, lexical_words

#: Bootstrap resamples for every interval of the comparison, and the seed that makes them the same.
N_BOOT, SEED = 2000, 0


def _narration(corpus: Corpus, text_id: str) -> pd.DataFrame:
    """The mentions of one text in its narration (not in titles or notes)."""
    results = corpus.results(text_id)
    kinds = results.chapter.paragraphs.set_index("paragraph_id")["kind"]
    found = results.mentions
    return found[found["paragraph_id"].map(kinds).eq("narrative").to_numpy()]


def words(corpus: Corpus, text_id: str) -> pd.DataFrame:
    """The lexical words of one text's narration (:func:`analysis.themes.vocabulary.lexical_words`)."""
    return lexical_words(corpus.results(text_id).chapter)


def naming(corpus: Corpus) -> pd.DataFrame:
    """Who each text names in its narration, how often, and how often per 1,000 words.

    One row per text and person named: ``text_id, person_id, label, mentions,
    per_1000, sentences, words, start, end`` (the first mention), ``n_texts``
    (how many texts name the person) and ``shared`` (two texts or more).
    The label is the shared register's (:meth:`~analysis.corpus.witnesses.Corpus.register`).
    See the module's example.
    """
    label = corpus.register().set_index("person_id")["label"]
    rows = []
    for text_id in corpus.ids:
        found = _narration(corpus, text_id).sort_values("start")
        n = len(words(corpus, text_id))
        for pid, mine in found.groupby("person_id", sort=False):
            rows.append({"text_id": text_id, "person_id": pid, "label": label[pid],
                         "mentions": len(mine), "per_1000": 1000 * len(mine) / n,
                         "sentences": mine["sentence_id"].nunique(), "words": n,
                         "start": int(mine["start"].iloc[0]), "end": int(mine["end"].iloc[0])})
    table = pd.DataFrame(rows)
    table["n_texts"] = table.groupby("person_id")["text_id"].transform("nunique")
    table["shared"] = table["n_texts"] >= 2
    return table.sort_values(["n_texts", "person_id", "text_id"], ascending=[False, True, True],
                             key=lambda c: c.map(corpus.ids.index) if c.name == "text_id" else c
                             ).reset_index(drop=True)


def shared_people(corpus: Corpus, min_texts: int = 2) -> list[str]:
    """The people named in the narration of ``min_texts`` texts or more, most named first.

    Example:
        >>> from analysis.corpus.witnesses import bundled_corpus, load_corpus
        >>> shared_people(load_corpus(bundled_corpus()), min_texts=3)
        ['lenin', 'gorky']
    """
    table = naming(corpus)
    table = table[table["n_texts"] >= min_texts]
    order = table.groupby("person_id").agg(n=("n_texts", "first"), rate=("per_1000", "sum"))
    return order.sort_values(["n", "rate"], ascending=False).index.tolist()


def naming_sentences(corpus: Corpus, people: list[str] | None = None) -> pd.DataFrame:
    """Every sentence of the narration naming one of ``people`` (``None``: the shared ones).

    ``text_id, person_id, sentence_id, paragraph_id, start, end, text, sentiment``:
    the sentence's offsets in its text's file and the method's score
    (``sentiment``: VADER with the lexicon patch, :func:`analysis.sentiment.scorers.sentence_scores`).
    A sentence naming two of them is listed for each.
    """
    people = shared_people(corpus) if people is None else people
    frames = []
    for text_id in corpus.ids:
        results = corpus.results(text_id)
        found = _narration(corpus, text_id)
        found = found[found["person_id"].isin(people)][["person_id", "sentence_id"]]
        sentences = results.chapter.sentences[["sentence_id", "paragraph_id", "start", "end",
                                               "text"]]
        scores = results.sentence_scores[["sentence_id", "sentiment"]]
        frames.append(found.drop_duplicates().merge(sentences, on="sentence_id")
                      .merge(scores, on="sentence_id").assign(text_id=text_id))
    out = pd.concat(frames, ignore_index=True)
    return out[["text_id", "person_id", "sentence_id", "paragraph_id", "start", "end", "text",
                "sentiment"]]


def tone(corpus: Corpus, people: list[str] | None = None, n_boot: int = N_BOOT) -> pd.DataFrame:
    """The method's tone of the sentences naming each person, in each text, with an interval.

    One row per text and person (``people``; ``None``: the shared ones) named
    in at least one sentence: ``text_id, person_id, label, n`` (sentences),
    ``mean, low, high`` (the mean score with its percentile bootstrap
    interval, :func:`analysis.stats.bootstrap_mean`), and ``text_mean`` (the
    mean over every sentence of that text's narration, the text's own level).
    The scores are the lexicon method's, not a reader's.

    Example:
        >>> from analysis.corpus.witnesses import bundled_corpus, load_corpus
        >>> table = tone(load_corpus(bundled_corpus()), ["gorky"], n_boot=200)
        >>> table["text_id"].tolist(), bool((table["low"] <= table["mean"]).all())
        (['serge', 'russell', 'goldman'], True)
    """
    found = naming_sentences(corpus, people)
    label = corpus.register().set_index("person_id")["label"]
    rows = []
    for text_id in corpus.ids:
        results = corpus.results(text_id)
        kinds = results.chapter.paragraphs.set_index("paragraph_id")["kind"]
        scores = results.sentence_scores
        level = scores.loc[scores["paragraph_id"].map(kinds).eq("narrative").to_numpy(),
                           "sentiment"].mean()
        mine = found[found["text_id"] == text_id]
        for pid in dict.fromkeys(mine["person_id"]) if people is None else people:
            values = mine.loc[mine["person_id"] == pid, "sentiment"].to_numpy()
            if not len(values):
                continue
            mean, low, high = stats.bootstrap_mean(values, n_boot=n_boot, rng=SEED)
            rows.append({"text_id": text_id, "person_id": pid, "label": label[pid],
                         "n": len(values), "mean": mean, "low": low, "high": high,
                         "text_mean": float(level)})
    return pd.DataFrame(rows, columns=["text_id", "person_id", "label", "n", "mean", "low",
                                       "high", "text_mean"])


def person_collocates(corpus: Corpus, person_id: str, *, window: int = 5, min_count: int = 2,
                      top: int = 8) -> pd.DataFrame:
    """The words around one person in each text: :func:`analysis.themes.vocabulary.collocates`
    of the person's mentions, the ``top`` by log-Dice, with ``text_id`` first.

    The node is every mention of the person in the text (its spans); the stop
    list of each text's data files is left out.

    Example:
        >>> from analysis.corpus.witnesses import bundled_corpus, load_corpus
        >>> table = person_collocates(load_corpus(bundled_corpus()), "gorky", min_count=1)
        >>> set(table["text_id"]) <= {"serge", "russell", "goldman"}, "log_dice" in table
        (True, True)
    """
    frames = []
    for text_id in corpus.ids:
        results = corpus.results(text_id)
        spans = results.mentions[results.mentions["person_id"] == person_id]
        if spans.empty:
            continue
        table = collocates(results.chapter, spans[["start", "end"]], window=window,
                           min_count=min_count, stopwords=results.stopwords)
        frames.append(table.head(top).assign(text_id=text_id, person_id=person_id))
    if not frames:
        return pd.DataFrame(columns=["text_id", "person_id", "collocate"])
    out = pd.concat(frames, ignore_index=True)
    return out[["text_id", "person_id", *out.columns[:-2]]]


def name_words(corpus: Corpus) -> frozenset[str]:
    """Every word of every alias of every register of the corpus, in lower case.

    Example:
        >>> from analysis.corpus.witnesses import bundled_corpus, load_corpus
        >>> {"gorki", "gorky", "ilitch"} <= name_words(load_corpus(bundled_corpus()))
        True
    """
    aliases = corpus.registers["aliases"].fillna("").str.split(";").explode().str.strip()
    return frozenset(w for alias in aliases for w in re.findall(r"[^\W\d_][\w'’-]*",
                                                                alias.lower()))


def keyness(corpus: Corpus, *, min_count: int = 3, top: int | None = None,
            names: bool = False) -> pd.DataFrame:
    """Each text's distinctive words against the other texts of the corpus, pooled.

    :func:`analysis.themes.contrast.keyness_between` of each text's narration
    against the narration of all the others, without the stop words (those of
    the text's data files) and, unless ``names``, without the words of the
    people's names (:func:`name_words`: who a text names is :func:`naming`'s
    question, and a spelling, Gorki or Gorky, is the translator's or the
    transcriber's, not the witness's word); ``text_id`` first; the ``top`` words
    of each text by G² among those more frequent in it than in the others
    (``None``: every word tested, either way).
    """
    lexical = {i: words(corpus, i)["word"] for i in corpus.ids}
    left_out = frozenset() if names else name_words(corpus)
    frames = []
    for text_id in corpus.ids:
        others = pd.concat([lexical[i] for i in corpus.ids if i != text_id], ignore_index=True)
        table = keyness_between(lexical[text_id], others, min_count=min_count,
                                stopwords=corpus.results(text_id).stopwords | left_out)
        if top is not None:
            table = table[table["log_ratio"] > 0].head(top)
        frames.append(table.assign(text_id=text_id))
    out = pd.concat(frames, ignore_index=True)
    return out[["text_id", *out.columns[:-1]]]


def theme_density(corpus: Corpus, n_boot: int = N_BOOT) -> pd.DataFrame:
    """Each theme's density in each text: weighted lexicon hits per 1,000 words of narration.

    One row per text and theme of the text's lexicon: ``text_id, theme, label,
    hits, weight, words, per_1000, low, high``. Only the lexicon's own terms
    count (``source`` = ``lexicon``: not the expansion words each text finds
    for itself), so that every text is read with the same list. The interval
    resamples whole paragraphs (:func:`analysis.stats.cluster_bootstrap_means`):
    the hits of one paragraph are not independent.

    Example:
        >>> from analysis.corpus.witnesses import bundled_corpus, load_corpus
        >>> table = theme_density(load_corpus(bundled_corpus()), n_boot=200)
        >>> sorted(set(table["theme"])), bool((table["low"] <= table["per_1000"]).all())
        (['free_thought', 'nep', 'terror'], True)
    """
    rows = []
    for text_id in corpus.ids:
        results = corpus.results(text_id)
        lexicon = results.lexicon
        lexical = words(corpus, text_id)
        hits = results.theme_hits
        hits = hits[(hits["source"] == "lexicon")
                    & hits["paragraph_id"].isin(set(lexical["paragraph_id"]))]
        first = ~lexical["paragraph_id"].duplicated()
        paragraphs = lexical["paragraph_id"].to_numpy()
        for theme, label in zip(lexicon.names, lexicon.labels):
            weight = hits[hits["theme"] == theme].groupby("paragraph_id")["weight"].sum()
            values = np.where(first, lexical["paragraph_id"].map(weight).fillna(0.0), 0.0)
            boots = stats.cluster_bootstrap_means(values, paragraphs, n_boot, SEED)
            low, high = stats.percentile_interval(1000 * boots)
            rows.append({"text_id": text_id, "theme": theme, "label": label,
                         "hits": int((hits["theme"] == theme).sum()),
                         "weight": float(weight.sum()), "words": len(lexical),
                         "per_1000": 1000 * float(weight.sum()) / len(lexical),
                         "low": low, "high": high})
    return pd.DataFrame(rows)


def ties(corpus: Corpus, people: list[str] | None = None) -> pd.DataFrame:
    """The ties between people across the texts: pairs named in one paragraph of a text.

    :func:`analysis.people.network.cooccurrence` of each text's narration, for
    the pairs of ``people`` (``None``: the shared ones; a narrator is no end of
    a tie), with ``text_id``: ``text_id, source, target, weight`` (paragraphs).
    The same pair in two texts is two rows: the network across the texts.

    Example:
        >>> from analysis.corpus.witnesses import bundled_corpus, load_corpus
        >>> table = ties(load_corpus(bundled_corpus()))
        >>> list(table.columns)
        ['text_id', 'source', 'target', 'weight']
    """
    people = shared_people(corpus) if people is None else people
    frames = []
    for text_id in corpus.ids:
        register = corpus.results(text_id).register
        narrators = (set(register.loc[register["narrator"].astype(bool), "person_id"])
                     if "narrator" in register.columns else set())
        found = _narration(corpus, text_id)
        found = found[found["person_id"].isin(set(people) - narrators)]
        frames.append(cooccurrence(found, "paragraph").assign(text_id=text_id))
    out = pd.concat(frames, ignore_index=True)
    return out[["text_id", "source", "target", "weight"]]
