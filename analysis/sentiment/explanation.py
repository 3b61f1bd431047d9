"""Why a sentence scores what it does: the words that fired, with their valence and offsets.

:func:`word_contributions` lists, for every sentence, the words whose lexicon
value VADER used, with their valence after VADER's boosters, negation and "but"
rules, and their seed offsets; :func:`sentence_explanations` summarises them
per sentence; :func:`explain_text` does the same for any text.

Example:
    >>> explain_text("The Cheka made ready to shoot all of them.", "vader", None)["word"].tolist()
    ['ready', 'shoot']
"""

from __future__ import annotations


import pandas as pd

from textblob.en.sentiments import PatternAnalyzer
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.sentiment.scorers import (_CHUNK, METHODS, patched_valences, vader_analyzer,
                                        vader_valences)
from analysis.text import Chapter


def word_contributions(chapter: Chapter, method: str, patch: pd.DataFrame | None
                       ) -> pd.DataFrame:
    """List every lexicon word of every sentence with its weight, with offsets.

    One row per whitespace-delimited word that is in the method's lexicon:
    ``sentence_id, paragraph_id, start, end`` (seed offsets of the word),
    ``word`` (as VADER saw it), ``lexicon`` (its lexicon value),
    ``valence`` (after boosters, negation and "but", and for
    ``vader_patched`` the scare-quote rule; the compound score is VADER's
    normalisation of the sentence's sum of valences plus punctuation
    emphasis) and ``scare_quoted``. For ``vader`` and ``vader_patched`` only
    (``patch``: the latter's lexicon patch).

    Example:
        >>> w = word_contributions(chapter, "vader", None)
        >>> sid = chapter.find(r"made ready to shoot").loc[0, "sentence_id"]
        >>> w.loc[w["sentence_id"] == sid, ["word", "lexicon"]].to_dict("list")
        {'word': ['ready', 'shoot'], 'lexicon': [1.5, -1.4]}
    """
    by_sentence = dict(tuple(chapter.tokens.groupby("sentence_id", sort=False)))
    analyzer = _analyzer_for(method, patch)
    rows = []
    for sid, pid, text in chapter.sentences[["sentence_id", "paragraph_id", "text"]] \
            .itertuples(index=False):
        spans = _chunk_spans(text, by_sentence[sid])
        for (word, valence, quoted), (start, end) in zip(_valences(analyzer, method, text), spans):
            value = analyzer.lexicon.get(word.lower())
            if value is not None:
                rows.append((sid, pid, start, end, word, float(value), float(valence), quoted))
    return pd.DataFrame(rows, columns=["sentence_id", "paragraph_id", "start", "end", "word",
                                       "lexicon", "valence", "scare_quoted"])


def _analyzer_for(method: str, patch: pd.DataFrame | None) -> SentimentIntensityAnalyzer:
    """A fresh analyser for a VADER method (the patch only for ``vader_patched``)."""
    if method == "vader":
        return vader_analyzer()
    if method == "vader_patched":
        if patch is None:
            raise ValueError("vader_patched needs a lexicon patch (load_lexicon_patch)")
        return vader_analyzer(patch)
    raise ValueError(f"unknown VADER method {method!r}; 'vader' or 'vader_patched'")


def _valences(analyzer: SentimentIntensityAnalyzer, method: str,
              text: str) -> list[tuple[str, float, bool]]:
    """Per-chunk ``(word, valence, scare_quoted)`` for a VADER method."""
    if method == "vader":
        return [(w, v, False) for w, v in vader_valences(analyzer, text)]
    return patched_valences(analyzer, text)


def _chunk_spans(text: str, toks: pd.DataFrame) -> list[tuple[int, int]]:
    """Seed spans of each whitespace chunk of a sentence, from its tokens.

    Tokens cover every non-space character of the sentence, so consecutive
    tokens are joined until they spell the chunk; the span runs from the first
    to the last token holding a letter or digit (or the whole chunk if none).
    """
    tok_text = toks["token"].tolist()
    starts, ends, is_word = (toks["start"].tolist(), toks["end"].tolist(),
                             toks["is_word"].tolist())
    spans, k = [], 0
    for chunk in _CHUNK.findall(text):
        built, first = "", k
        while len(built) < len(chunk) and k < len(tok_text):
            built += tok_text[k]
            k += 1
        inner = [j for j in range(first, k) if is_word[j]] or list(range(first, k))
        spans.append((starts[inner[0]], ends[inner[-1]]) if inner else (-1, -1))
    return spans


def sentence_explanations(chapter: Chapter, method: str, patch: pd.DataFrame | None,
                          scores: pd.DataFrame) -> pd.DataFrame:
    """Per sentence: the words that fired and a flag for no lexicon word at all.

    Columns ``sentence_id, paragraph_id, start, end, score, n_lexicon_words,
    fired`` (e.g. ``"ready +0.00; shoot -2.50"``, the valences after VADER's
    rules, marked when the scare-quote rule applied) and ``no_lexicon_word``
    (True when the score is 0 only because the lexicon knows none of the
    sentence's words: a blind spot, not neutrality). ``scores``:
    :func:`analysis.sentiment.scorers.sentence_scores`.

    Example:
        >>> from analysis.sentiment.scorers import sentence_scores
        >>> e = sentence_explanations(chapter, "vader_patched", patch, sentence_scores(chapter, patch))
        >>> int(e.loc[0, "n_lexicon_words"]), bool(e.loc[0, "no_lexicon_word"])
        (0, True)
    """
    words = word_contributions(chapter, method, patch)
    fired = (words.assign(item=[f"{w} {v:+.2f}{' (scare quotes)' if q else ''}" for w, v, q
                                in zip(words["word"], words["valence"], words["scare_quoted"])])
             .groupby("sentence_id")["item"].agg("; ".join))
    counts = words.groupby("sentence_id").size()
    out = scores[["sentence_id", "paragraph_id", "start", "end"]].copy()
    out["score"] = scores[method]
    out["n_lexicon_words"] = out["sentence_id"].map(counts).fillna(0).astype(int)
    out["fired"] = out["sentence_id"].map(fired).fillna("")
    out["no_lexicon_word"] = out["n_lexicon_words"] == 0
    return out


def explain_text(text: str, method: str, patch: pd.DataFrame | None) -> pd.DataFrame:
    """The words of one text that carry weight for ``method``: ``word, weight``.

    For the VADER methods, the weight is the word's valence after VADER's
    rules (booster and negation included); for ``textblob``, each pattern
    assessment (a word or a negated/intensified phrase) and its polarity.

    Example:
        >>> explain_text("The Cheka made ready to shoot all of them.", "vader", None)
        ... # doctest: +NORMALIZE_WHITESPACE
            word  weight
        0  ready     1.5
        1  shoot    -1.4
    """
    if method == "textblob":
        assessed = PatternAnalyzer().analyze(text, keep_assessments=True).assessments
        rows = [(" ".join(words), float(polarity)) for words, polarity, _, _ in assessed]
    elif method in ("vader", "vader_patched"):
        analyzer = _analyzer_for(method, patch)
        rows = [(w, float(v)) for w, v, _ in _valences(analyzer, method, text)
                if w.lower() in analyzer.lexicon]
    else:
        raise ValueError(f"explain_text: unknown method {method!r}; one of {list(METHODS)}")
    return pd.DataFrame(rows, columns=["word", "weight"])
