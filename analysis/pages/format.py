"""How a page says things in its prose: a statistic, a count, who read the text.

A page glues these as text beside its numbers (:func:`analysis.pages.glue_numbers`)
or writes them into the sections of a page for any text, so that every page says
them the same way:

- a p-value below 0.001 is "p < 0.001", never "p = 0.0" (:func:`p_text`); a
  correlation is called weak, moderate or strong by its size (:func:`strength`);
  an interval says whether it includes zero (:func:`reach`). Each takes a value
  that may be undefined for a text (``NaN``, ``None``) and then gives ``None``;
- a count with its noun (:func:`plural`), a list (:func:`join`), a line of
  :attr:`~analysis.results.Analyses.missing` as a sentence (:func:`sentence`);
- who annotated a set, in the book's standard words (:func:`readers_words`,
  :func:`who_read`): the readers are AI language models, and the words say so;
  that their agreement is no human ceiling (:data:`NOT_A_CEILING`); that a text
  has no reference reading (:data:`NO_REFERENCE`);
- a lead line before a table or figure a text may lack (:func:`lead`).

Example:
    >>> p_text(0.0), p_text(0.0113), p_text(0.086), p_text(float("nan"))
    ('p < 0.001', 'p = 0.011', 'p = 0.086', None)
    >>> strength(0.19), strength(-0.42), strength(0.8), strength(None)
    ('weak', 'moderate', 'strong', None)
    >>> reach(-0.05, 0.3), reach(0.1, 0.4), reach(float("nan"), 0.4)
    ('includes zero', 'excludes zero', None)
    >>> plural(1, "hit"), plural(3, "hit"), join(["a", "b", "c"]), sentence("no episodes here")
    ('1 hit', '3 hits', 'a, b and c', 'No episodes here.')
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd
from IPython.display import Markdown

from analysis.readers import Readings

#: How the book names a set of one reader.
ONE_READER = "one AI language-model reader working from written guidelines"
#: What the book says of two model readers' agreement, wherever it gives one.
NOT_A_CEILING = ("The agreement of two model readers is not a human ceiling: readers of the same "
                 "kind may share habits of reading that two historians would not.")
#: What the book says of a text without a reference reading, wherever it would compare one.
NO_REFERENCE = "No reference reading for this text: the method's scores stand alone."


def _undefined(value: object) -> bool:
    """Whether ``value`` is missing (``None``) or not a number."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def p_text(p: float | None, digits: int = 3) -> str | None:
    """A p-value as the prose prints it: ``p < 0.001`` below 0.001, else ``p = 0.012``.

    ``digits`` places are printed; below ``10 ** -digits`` the value is said as a bound.
    See the module's example.
    """
    if _undefined(p):
        return None
    floor = 10.0 ** -digits
    return f"p < {floor:.{digits}f}" if float(p) < floor else f"p = {float(p):.{digits}f}"


def strength(r: float | None) -> str | None:
    """A correlation called by its size: ``weak`` (\\|r\\| < 0.3), ``moderate`` (< 0.5) or ``strong``.

    See the module's example.
    """
    if _undefined(r):
        return None
    return "weak" if abs(float(r)) < 0.3 else "moderate" if abs(float(r)) < 0.5 else "strong"


def reach(low: float | None, high: float | None) -> str | None:
    """Whether an interval ``low`` to ``high`` ``includes zero`` or ``excludes zero``.

    See the module's example.
    """
    if _undefined(low) or _undefined(high):
        return None
    return "includes zero" if float(low) <= 0 <= float(high) else "excludes zero"


def plural(n: object, word: str) -> str:
    """``n`` with ``word``, plural unless ``n`` is 1 (``1 hit``, ``3 hits``). See the module's example."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def join(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c`` (empty for no item). See the module's example."""
    items = list(items)
    return " and ".join(items) if len(items) < 3 else ", ".join(items[:-1]) + " and " + items[-1]


def sentence(text: str, end: str = ".") -> str:
    """``text`` as a sentence: its first letter a capital, ``end`` (a full stop) at its end, in
    place of its own full stop (empty stays empty). See the module's example."""
    text = text.strip().removesuffix(".")
    return text[:1].upper() + text[1:] + end if text else ""


def readers_words(n_readers: int, *, adjudicated: bool = False, disagreements: int | None = None,
                  settled: int | None = None, marks: str = "labels") -> str:
    """Who annotated a set, in the book's standard words.

    ``n_readers``: 1 or 2; ``adjudicated``: whether an AI adjudicator settled the
    two readers' disagreements; ``disagreements``: how many units they differ on,
    and ``settled``: how many of them the adjudicator settled (``None``: not
    counted); ``marks``: what each reader gives (``labels``, ``scores`` …).

    Example:
        >>> readers_words(2, disagreements=9, marks="marks")
        "two AI language-model readers working from written guidelines, each without sight of the other's marks or of any method's score; no adjudicator has settled their 9 disagreements, so the reference leaves them out"
        >>> readers_words(2, adjudicated=True).split("score")[1]
        ', and an AI adjudicator who settled their disagreements'
        >>> readers_words(2, adjudicated=True, disagreements=5, settled=4).split("score")[1]
        ', and an AI adjudicator who settled 4 of their 5 disagreements (the reference leaves the other out)'
        >>> readers_words(1) == ONE_READER
        True
    """
    if n_readers == 1:
        return ONE_READER
    both = ("two AI language-model readers working from written guidelines, each without sight "
            f"of the other's {marks} or of any method's score")
    if not adjudicated:
        if disagreements is None:
            return both + "; no adjudicator has settled their disagreements"
        return both + (f"; no adjudicator has settled their {disagreements} disagreements, so the "
                       "reference leaves them out" if disagreements else "")
    if disagreements is not None and settled is not None and settled < disagreements:
        others = "other" if disagreements - settled == 1 else "others"
        return both + (f", and an AI adjudicator who settled {settled} of their {disagreements} "
                       f"disagreements (the reference leaves the {others} out)")
    return both + ", and an AI adjudicator who settled their disagreements"


def who_read(readings: Readings | None, marks: str = "labels") -> str | None:
    """:func:`readers_words` for an annotation set (``None``: the text has none).

    Example:
        >>> from analysis.results import Analyses
        >>> who_read(Analyses(chapter).readings("tone"), "scores").split("score")[-1]
        ', and an AI adjudicator who settled their disagreements'
    """
    if readings is None:
        return None
    if readings.n_readers == 1:
        return ONE_READER
    found = readings.settled().iloc[0]
    return readers_words(2, adjudicated=readings.adjudication is not None, marks=marks,
                         disagreements=int(found["disagreements"]), settled=int(found["settled"]))


def lead(text: str, shown: object) -> list[object]:
    """``[Markdown(text), shown]``, or nothing where ``shown`` is ``None`` or an empty table
    (a part of a page that a text lacks is left out, not shown empty).

    Example:
        >>> lead("The table:", None), len(lead("The table:", pd.DataFrame({"a": [1]})))
        ([], 2)
    """
    empty = shown is None or (isinstance(shown, pd.DataFrame) and shown.empty)
    return [] if empty else [Markdown(text), shown]
