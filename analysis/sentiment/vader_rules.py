"""VADER's rules replayed word by word: VADER's own valences and compound, at a fraction of its cost.

``vaderSentiment`` (3.3.2, pinned) lower-cases the whole sentence again for
each rule it checks on each lexicon word, and rebuilds every text character by
character to replace its emoji. :func:`rule_valences` lower-cases a sentence
once and applies the same rules (lexicon, "no", capitals, boosters, negation,
idioms, "least", then VADER's own "but" rule), in the same order and with the
same arithmetic, so every valence and every compound is the one
``SentimentIntensityAnalyzer.polarity_scores`` gives; a text holding an emoji
VADER knows is left to VADER itself (:func:`compound`). The tests compare both,
word by word and score by score, on the chapter and on generated text.

Example:
    >>> from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    >>> analyzer = SentimentIntensityAnalyzer()
    >>> text = "It was not a very good day, but the Cheka was kind of ready."
    >>> compound(analyzer, text) == analyzer.polarity_scores(text)["compound"]
    True
"""

from __future__ import annotations

import string

from vaderSentiment.vaderSentiment import (BOOSTER_DICT, C_INCR, N_SCALAR, NEGATE, SPECIAL_CASES,
                                           SentimentIntensityAnalyzer)

_NEGATE = frozenset(NEGATE)


def words_of(text: str) -> tuple[list[str], list[str], bool]:
    """VADER's words of ``text`` (``SentiText``), their lower-case forms, and its capitals flag.

    A word is a whitespace chunk with its leading and trailing punctuation
    stripped, unless that leaves two characters or fewer (an emoticon); the
    flag says whether some but not all words are in capitals.

    Example:
        >>> words_of("So GOOD, :) they said.")
        (['So', 'GOOD', ':)', 'they', 'said'], ['so', 'good', ':)', 'they', 'said'], True)
    """
    punctuation = string.punctuation
    words = []
    for chunk in text.split():
        stripped = chunk.strip(punctuation)
        words.append(chunk if len(stripped) <= 2 else stripped)
    capitals = sum(1 for w in words if w.isupper())
    return words, [w.lower() for w in words], 0 < len(words) - capitals < len(words)


def rule_valences(lexicon: dict[str, float], words: list[str], lower: list[str],
                  cap_diff: bool) -> list[float]:
    """The valence of each word after VADER's rules, "but" included (:func:`words_of` gives the arguments).

    Boosters and words outside ``lexicon`` count 0 (an int, as in VADER).

    Example:
        >>> lexicon = SentimentIntensityAnalyzer().lexicon
        >>> [round(v, 3) for v in rule_valences(lexicon, *words_of("not good at all"))]
        [0, -1.406, 0, 0]
    """
    n = len(words)
    sentiments: list[float] = []
    for i, low in enumerate(lower):
        if low in BOOSTER_DICT or (i < n - 1 and low == "kind" and lower[i + 1] == "of"):
            sentiments.append(0)
            continue
        if low not in lexicon:
            sentiments.append(0)
            continue
        valence = lexicon[low]
        if low == "no" and i != n - 1 and lower[i + 1] in lexicon:
            valence = 0.0
        if (i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no") \
                or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor")):
            valence = lexicon[low] * N_SCALAR
        if cap_diff and words[i].isupper():
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        for start_i in range(0, 3):
            if i > start_i and lower[i - (start_i + 1)] not in lexicon:
                s = _scalar(words[i - (start_i + 1)], lower[i - (start_i + 1)], valence, cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation(valence, lower, start_i, i)
                if start_i == 2:
                    valence = _idioms(valence, lower, i)
        valence = _least(valence, lexicon, lower, i)
        sentiments.append(valence)
    if "but" in lower:
        sentiments = SentimentIntensityAnalyzer._but_check(words, sentiments)
    return sentiments


def compound(analyzer: SentimentIntensityAnalyzer, text: str) -> float:
    """``analyzer.polarity_scores(text)["compound"]``, by :func:`rule_valences`.

    Example:
        >>> compound(SentimentIntensityAnalyzer(), "The Cheka made ready to shoot all of them.")
        0.0258
    """
    if not isinstance(text, str) or not analyzer.emojis.keys().isdisjoint(text):
        return analyzer.polarity_scores(text)["compound"]
    text = text.strip()
    sentiments = rule_valences(analyzer.lexicon, *words_of(text))
    return analyzer.score_valence(sentiments, text)["compound"]


def _scalar(word: str, low: str, valence: float, cap_diff: bool) -> float:
    """VADER's ``scalar_inc_dec``: what a preceding booster or dampener adds."""
    scalar = 0.0
    if low in BOOSTER_DICT:
        scalar = BOOSTER_DICT[low]
        if valence < 0:
            scalar *= -1
        if word.isupper() and cap_diff:
            if valence > 0:
                scalar += C_INCR
            else:
                scalar -= C_INCR
    return scalar


def _negated(low: str) -> bool:
    """VADER's ``negated`` of one lower-case word."""
    return low in _NEGATE or "n't" in low


def _negation(valence: float, lower: list[str], start_i: int, i: int) -> float:
    """VADER's ``_negation_check`` on the lower-case words."""
    if start_i == 0:
        if _negated(lower[i - 1]):
            valence = valence * N_SCALAR
    if start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            pass
        elif _negated(lower[i - 2]):
            valence = valence * N_SCALAR
    if start_i == 2:
        if lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this") or \
                (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            pass
        elif _negated(lower[i - 3]):
            valence = valence * N_SCALAR
    return valence


def _idioms(valence: float, lower: list[str], i: int) -> float:
    """VADER's ``_special_idioms_check`` (called with ``i >= 3``)."""
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _least(valence: float, lexicon: dict[str, float], lower: list[str], i: int) -> float:
    """VADER's ``_least_check``."""
    if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        valence = valence * N_SCALAR
    return valence
