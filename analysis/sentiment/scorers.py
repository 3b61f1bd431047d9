"""Sentence sentiment by several lexicon methods, side by side.

Three scorers, each giving a score in [-1, 1] per sentence:

- ``vader``: VADER (Hutto & Gilbert 2014) with the lexicon bundled in the
  ``vaderSentiment`` package, run on the established text as it stands;
- ``textblob``: TextBlob's ``PatternAnalyzer`` (the *pattern* adjective
  lexicon), polarity;
- ``vader_patched``: the project's method, the book's recommended one
  (:data:`RECOMMENDED`): VADER on a fresh analyser whose lexicon is patched
  with the reviewed domain terms of a lexicon patch
  (``analysis/data/sentiment_lexicon_patch.csv`` for this chapter;
  vocabulary of revolution and repression), after typographic quotes and
  dashes are turned into ASCII so that VADER's punctuation stripping and
  negation rules ("isn’t", "‘purging") see the words, and with one irony
  rule: a positive word inside *scare quotes* (a short quoted phrase that
  opens in lower case and is not an utterance, e.g. ‘an inspired turn to the
  Right’, ‘official truth’) counts 0 (:func:`scare_quoted`).

Every VADER score is explainable (:mod:`analysis.sentiment.explanation`).
The scores are VADER's and TextBlob's own, computed faster: VADER's rules
replayed on each sentence lower-cased once (:mod:`analysis.sentiment.vader_rules`),
TextBlob's pattern analyser without its per-text setup, and a long text shared
among the cores (:mod:`analysis.sentiment.parallel`); the tests compare every
score with the libraries' own.

Example:
    >>> scores = sentence_scores(chapter, patch)
    >>> list(scores.columns)[4:]
    ['vader', 'textblob', 'vader_patched', 'sentiment']
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from textblob.en import Sentiment as PatternSentiment
from textblob.en import sentiment as pattern_sentiment
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import stats
from analysis.schema import Field, TableSchema, read_table
from analysis.sentiment import parallel
from analysis.sentiment.vader_rules import compound, rule_valences, words_of
from analysis.text import Chapter


#: The scoring methods, in display order, with a one-line description.
METHODS: dict[str, str] = {
    "vader": "VADER, bundled lexicon, text as it stands",
    "textblob": "TextBlob PatternAnalyzer polarity",
    "vader_patched": "VADER + reviewed domain lexicon patch + ASCII quotes (the project's)",
}


#: The method the book recommends and uses wherever it says "sentiment".
RECOMMENDED = "vader_patched"


#: From this many texts on, :func:`score_texts` scores them on every core — below it, starting
#: a process costs more than it saves (``benchmarks/pipeline.py`` measures both).
PARALLEL_MIN = 5000


_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"',
                             "—": "-", "–": "-"})


_CHUNK = re.compile(r"\S+")


_QUOTED = re.compile(r"‘([^‘’]{1,80})’")


#: The schema of a lexicon patch, one reviewed change to VADER's lexicon per row.
PATCH = TableSchema((
    Field("term", required=True, unique=True, pattern=r"[^\sA-Z]+",
          pattern_means="one lower-case word", description="a word as VADER sees it"),
    Field("value", "number", required=True, minimum=-4, maximum=4,
          description="its valence on VADER's scale, -4 to 4"),
    Field("reason", required=True, description="why the word is patched (the patch is reviewed)"),
))


def load_lexicon_patch(path: str | Path) -> pd.DataFrame:
    """Read and check a lexicon patch CSV (``term, value, reason``).

    A term is one lower-case word without white space; its value is a VADER
    valence in [-4, 4]; its reason is required (the patch is reviewed data);
    a term appears once.

    Raises:
        DataFileError: naming the file, the row (header = row 1) and the column
            of the first cell that breaks the schema (:data:`PATCH`).

    Example:
        >>> patch = load_lexicon_patch(data_path("sentiment_lexicon_patch.csv"))
        >>> float(patch.set_index("term").loc["ready", "value"])
        0.0
    """
    return read_table(path, PATCH)[PATCH.names]


def vader_analyzer(patch: pd.DataFrame | None = None) -> SentimentIntensityAnalyzer:
    """Return a new VADER analyser, its own lexicon updated with ``patch``.

    The analyser is a fresh instance, so patching never touches another one.

    Example:
        >>> plain, patched = vader_analyzer(), vader_analyzer(patch)
        >>> plain.lexicon["ready"], patched.lexicon["ready"]
        (1.5, 0.0)
    """
    analyzer = SentimentIntensityAnalyzer()
    if patch is not None:
        analyzer.lexicon = {**analyzer.lexicon, **dict(zip(patch["term"], patch["value"]))}
    return analyzer


def ascii_typography(text: str) -> str:
    """Replace curly quotes and dashes by ASCII characters of the same length.

    Example:
        >>> ascii_typography("‘This isn’t the time’ — he said")
        "'This isn't the time' - he said"
    """
    return text.translate(_TYPOGRAPHY)


def scare_quoted(text: str, max_words: int = 6) -> list[bool]:
    """For each whitespace chunk of ``text``, whether it lies inside scare quotes.

    Scare quotes: a phrase in single curly quotes of at most ``max_words``
    words that opens with a lower-case letter and does not end with ``.``,
    ``!`` or ``?`` (so quoted speech and titles are not taken for irony).
    A phrase holding an apostrophe (’) is not recognised: a known limit.

    Example:
        >>> scare_quoted("It was ‘an inspired turn’ indeed. ‘Do you think so?’ he said")
        [False, False, True, True, True, False, False, False, False, False, False, False]
    """
    spans = [m.span(1) for m in _QUOTED.finditer(text)
             if len(m.group(1).split()) <= max_words and m.group(1)[:1].islower()
             and not m.group(1).rstrip().endswith((".", "!", "?"))]
    if not spans:
        return [False] * len(text.split())
    return [any(a < e and b > s for s, e in spans)
            for a, b in (m.span() for m in _CHUNK.finditer(text))]


def patched_valences(analyzer: SentimentIntensityAnalyzer,
                     text: str) -> list[tuple[str, float, bool]]:
    """The project's per-word valences: ``(word, valence, in_scare_quotes)`` per chunk.

    VADER's valences (:func:`vader_valences`) on the text with ASCII quotes
    and dashes, then every positive valence inside scare quotes set to 0.

    Example:
        >>> a = vader_analyzer(patch)
        >>> [v for v in patched_valences(a, "an ‘official truth’ grew") if v[2]]
        [('official', 0.0, True), ('truth', 0.0, True)]
    """
    valences = vader_valences(analyzer, ascii_typography(text))
    if "‘" not in text:  # no scare quotes: every chunk is outside them
        return [(w, v, False) for w, v in valences]
    return [(w, 0.0 if (q and v > 0) else v, q) for (w, v), q in zip(valences, scare_quoted(text))]


def patched_compound(analyzer: SentimentIntensityAnalyzer, text: str) -> float:
    """The ``vader_patched`` score of one text: VADER's compound of :func:`patched_valences`.

    Example:
        >>> patched_compound(vader_analyzer(patch), "The famine.")
        -0.5859
    """
    plain = ascii_typography(text)
    valences = [float(v) for v in rule_valences(analyzer.lexicon, *words_of(plain))]
    if "‘" in text:  # else no scare quotes
        valences = [0.0 if (q and v > 0) else v for v, q in zip(valences, scare_quoted(text))]
    return float(analyzer.score_valence(valences, plain)["compound"])


def score_method(texts: pd.Series, method: str, patch: pd.DataFrame | None) -> pd.Series:
    """Score each text by one method of :data:`METHODS` (named after the method).

    ``patch`` (:func:`load_lexicon_patch`) is what ``vader_patched`` adds to
    VADER's lexicon; the other methods do not use it.

    Raises:
        ValueError: an unknown method, or ``vader_patched`` without a patch.

    Example:
        >>> score_method(pd.Series(["a horrible death"]), "textblob", None).tolist()
        [-1.0]
    """
    texts = pd.Series(texts, dtype="object")
    return pd.Series(_scores(texts.tolist(), method, patch), index=texts.index, name=method,
                     dtype="float64")


def _scores(texts: list[str], method: str, patch: pd.DataFrame | None) -> list[float]:
    """The scores of ``texts`` by ``method`` (:func:`score_method`), in this process."""
    if method == "textblob":
        pattern = _pattern()
        # Rounded: the polarity is a mean, and Python 3.12's sum() adds floats more exactly than
        # 3.11's, so unrounded scores differ in the last digits by Python and equal scores may not tie.
        return [round(float(pattern(t)[0]), 12) for t in texts]
    if method == "vader":
        plain = vader_analyzer()
        return [compound(plain, t) for t in texts]
    if method == "vader_patched":
        if patch is None:
            raise ValueError("vader_patched needs a lexicon patch (load_lexicon_patch)")
        patched = vader_analyzer(patch)
        return [patched_compound(patched, t) for t in texts]
    raise ValueError(f"unknown method {method!r}; one of {list(METHODS)}")


class _LoadedPattern(PatternSentiment):
    """TextBlob's pattern lexicon, already read, looked up as the plain dict it is."""

    __contains__ = dict.__contains__
    __getitem__ = dict.__getitem__


@lru_cache(maxsize=1)
def _pattern() -> _LoadedPattern:
    """TextBlob's ``PatternAnalyzer`` polarity, as ``_pattern()(text)[0]``, at about half its cost.

    ``PatternAnalyzer().analyze(text).polarity`` is ``textblob.en.sentiment(text)[0]``
    wrapped in a namedtuple class made anew for every text, and each of that
    lexicon's look-ups goes through its lazy loader; this is the same lexicon,
    rules and tokenizer (one copy of the loaded entries), without either.
    """
    len(pattern_sentiment)  # reads the lexicon, once
    loaded = _LoadedPattern.__new__(_LoadedPattern)
    loaded.__dict__.update({k: v for k, v in vars(pattern_sentiment).items() if not hasattr(dict, k)})
    dict.update(loaded, dict.items(pattern_sentiment))
    return loaded


def score_texts(texts: pd.Series, patch: pd.DataFrame, workers: int | None = None
                ) -> pd.DataFrame:
    """Score each text by every method in :data:`METHODS` (columns in that order).

    ``patch``: the lexicon patch of ``vader_patched`` (:func:`load_lexicon_patch`).
    ``workers``: how many processes score the texts, each a contiguous share of
    them (the scores are the same, in the same order, however many); ``None``:
    one per core for :data:`PARALLEL_MIN` texts or more, else this process alone.

    Example:
        >>> s = score_texts(pd.Series(["The Cheka made ready to shoot all of them."]), patch)
        >>> s.round(3).iloc[0].to_dict()
        {'vader': 0.026, 'textblob': 0.2, 'vader_patched': -0.542}
    """
    texts = pd.Series(texts, dtype="object")
    values = parallel.map_chunks(_score_all, texts.tolist(), patch, workers=workers,
                                 minimum=PARALLEL_MIN)
    return pd.DataFrame(np.asarray(values, dtype="float64").reshape(len(texts), len(METHODS)),
                        index=texts.index, columns=list(METHODS))


def _score_all(texts: list[str], patch: pd.DataFrame) -> list[tuple[float, ...]]:
    """Every method's score of each of ``texts``, one tuple per text (in this process)."""
    return list(zip(*(_scores(texts, m, patch) for m in METHODS)))


def sentence_scores(chapter: Chapter, patch: pd.DataFrame, workers: int | None = None
                    ) -> pd.DataFrame:
    """One row per sentence: offsets, a score per method and ``sentiment``.

    Columns ``sentence_id, paragraph_id, start, end``, then one column per
    method of :data:`METHODS`, then ``sentiment``, the score of the
    :data:`RECOMMENDED` method; all scores lie in [-1, 1]. ``patch`` and
    ``workers`` as for :func:`score_texts`. This is the table exported as ``sentiment.csv``.

    Example:
        >>> s = sentence_scores(chapter, patch)
        >>> list(s.columns)[4:]
        ['vader', 'textblob', 'vader_patched', 'sentiment']
        >>> len(s) == len(chapter.sentences)
        True
    """
    sents = chapter.sentences
    scores = score_texts(sents["text"], patch, workers)
    out = sents[["sentence_id", "paragraph_id", "start", "end"]].copy()
    out[list(METHODS)] = scores.to_numpy()
    out["sentiment"] = out[RECOMMENDED]
    return out.reset_index(drop=True)


def vader_valences(analyzer: SentimentIntensityAnalyzer, text: str) -> list[tuple[str, float]]:
    """Return VADER's per-word valences for ``text``, one per whitespace chunk.

    This replays the loop of ``SentimentIntensityAnalyzer.polarity_scores``
    (lexicon look-up, boosters, negation, idioms, then the "but" rule:
    :func:`analysis.sentiment.vader_rules.rule_valences`), so that
    ``analyzer.score_valence`` of these valences gives the compound score
    exactly. Words VADER treats as boosters get 0.

    Example:
        >>> [(w, round(v, 3)) for w, v in vader_valences(vader_analyzer(), "not good at all")]
        [('not', 0.0), ('good', -1.406), ('at', 0.0), ('all', 0.0)]
    """
    words, lower, cap_diff = words_of(text)
    return [(w, float(v)) for w, v in zip(words, rule_valences(analyzer.lexicon, words, lower,
                                                               cap_diff))]


def paragraph_kinds(chapter: Chapter, scores: pd.DataFrame) -> pd.Series:
    """The kind (title, narrative, editorial) of each score row's paragraph.

    Example:
        >>> paragraph_kinds(chapter, sentence_scores(chapter, patch)).iloc[0]
        'title'
    """
    kinds = chapter.paragraph_kind
    return scores["paragraph_id"].map(kinds).rename("kind")


def sentiment_by_kind(chapter: Chapter, scores: pd.DataFrame, n_boot: int = 1000,
                      seed: int = 0) -> pd.DataFrame:
    """Mean ``sentiment`` per paragraph kind (narration vs editor's notes), with intervals.

    Returns ``kind, n, n_clusters, mean, low, high`` (paragraphs are the
    bootstrap clusters); title lines are left out. ``scores``: :func:`sentence_scores`.

    Example:
        >>> sentiment_by_kind(chapter, sentence_scores(chapter, patch), n_boot=100)["kind"].tolist()
        ['editorial', 'narrative']
    """
    kinds = paragraph_kinds(chapter, scores)
    keep = (kinds != "title").to_numpy()
    table = stats.scores_by_group(scores.loc[keep, "sentiment"], kinds[keep],
                            scores.loc[keep, "paragraph_id"], n_boot, seed)
    return table.rename(columns={"group": "kind"})
