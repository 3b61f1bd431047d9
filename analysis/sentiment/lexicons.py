"""Further sentiment lexicons, tried beside VADER: AFINN and the NRC Emotion Lexicon.

Both are word lists with no grammar: a sentence's score is built from the
words it holds, found by :func:`lexicon_words` (lower case, with a light
reduction of inflections, since the lists hold mostly base forms).

- AFINN (Nielsen 2011), from the ``afinn`` package: words valued -5 to +5; a
  sentence's score is the sum, put on [-1, 1] as VADER puts its sums
  (``s / sqrt(s² + 15)``);
- the NRC Emotion Lexicon (Mohammad and Turney 2013), as the ``nrclex``
  package ships it: words marked *positive* and *negative* (and with eight
  emotions, :mod:`analysis.sentiment.emotions`); a sentence's score is
  ``(positive - negative) / (positive + negative + 1)``. The lexicon may be
  used for non-commercial research and education; the package is installed
  from PyPI, the lexicon is not copied into this project.

Example:
    >>> afinn_scores(pd.Series(["a horrible death", "a good friend"])).round(2).tolist()
    [-0.79, 0.72]
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from analysis.text import Chapter

_WORD = r"[a-z]+(?:['’][a-z]+)?"


@lru_cache(maxsize=1)
def nrc_lexicon() -> dict[str, frozenset[str]]:
    """The NRC Emotion Lexicon as the ``nrclex`` package ships it: word -> its affects.

    Example:
        >>> sorted(nrc_lexicon()["terror"])
        ['fear', 'negative']
    """
    raw = json.loads((resources.files("nrclex") / "data" / "nrc_en.json").read_text("utf-8"))
    return {word: frozenset(affects) for word, affects in raw.items()}


@lru_cache(maxsize=1)
def _afinn() -> dict[str, int]:
    """AFINN-en-165, word -> valence."""
    from afinn import Afinn

    return dict(Afinn(language="en")._dict)


def base_forms(word: str) -> list[str]:
    """The word and the base forms it may be an inflection of, in the order they are tried.

    Example:
        >>> base_forms("executed")[:3]
        ['executed', 'execute', 'execut']
    """
    forms = [word]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""),
                         ("d", ""), ("ing", "e"), ("ing", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(word[: -len(suffix)] + repl)
    return list(dict.fromkeys(forms))


def lexicon_words(text: str, lexicon: dict[str, object] | set[str]) -> list[str]:
    """The words of ``text`` found in ``lexicon`` (each by its first known base form).

    Example:
        >>> lexicon_words("They killed the friends.", nrc_lexicon())
        ['kill', 'friend']
    """
    found = []
    for word in re.findall(_WORD, text.lower().replace("’", "'")):
        form = next((f for f in base_forms(word) if f in lexicon), None)
        if form is not None:
            found.append(form)
    return found


def afinn_scores(texts: pd.Series) -> pd.Series:
    """AFINN's score of each text, its sum of word values put on [-1, 1] (named ``afinn``).

    Example:
        >>> afinn_scores(pd.Series(["the famine", ""])).round(2).tolist()
        [-0.46, 0.0]
    """
    lexicon = _afinn()
    sums = np.array([sum(lexicon[w] for w in lexicon_words(t, lexicon)) for t in texts],
                    dtype=float)
    return pd.Series(np.round(sums / np.sqrt(sums**2 + 15), 4), index=getattr(texts, "index", None),
                     name="afinn")


def nrc_scores(texts: pd.Series) -> pd.Series:
    """The NRC lexicon's polarity of each text, ``(pos - neg) / (pos + neg + 1)`` (named ``nrc``).

    Example:
        >>> nrc_scores(pd.Series(["a trusted friend", "terror"])).tolist()
        [0.5, -0.5]
    """
    lexicon = nrc_lexicon()
    values = []
    for text in texts:
        affects = [lexicon[w] for w in lexicon_words(text, lexicon)]
        pos = sum("positive" in a for a in affects)
        neg = sum("negative" in a for a in affects)
        values.append(round((pos - neg) / (pos + neg + 1), 4))
    return pd.Series(values, index=getattr(texts, "index", None), name="nrc", dtype="float64")


#: English words so common that English prose is about a third made of them, and that are
#: not common words of the other languages of Europe (``in``, ``was``, ``so`` are left out).
ENGLISH = frozenset("the of and to that he it with his for had they this were which by from "
                    "have not be at we who their been would there when but them could what him "
                    "into she her you my our its are is".split())

#: Below this share of :data:`ENGLISH` words, a text is taken for one not in English.
ENGLISH_SHARE = 0.10


def not_english(chapter: Chapter, sample: int = 50_000) -> str | None:
    """A warning when most of the text's words are not English, or ``None``.

    The share of :data:`ENGLISH` words among the first ``sample`` words of the
    narration tells: about a third in English prose, almost none in French or
    Russian, whose every sentence VADER and TextBlob would score 0.

    Example:
        >>> not_english(chapter) is None
        True
    """
    words = chapter.tokens.loc[chapter.tokens["is_word"], "lower"].head(sample)
    if len(words) < 100:
        return None
    share = float(words.isin(ENGLISH).mean())
    if share >= ENGLISH_SHARE:
        return None
    return (f"warning: {chapter.source.path}: only {share:.0%} of its words are common English "
            "words: is it in another language? The sentiment lexicons (VADER, TextBlob, the "
            "patch) are English, so the sentences of a text in another language score about 0, "
            "and the theme lexicon and the register find only what they spell")
