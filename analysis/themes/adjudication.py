"""What one rule of scope explains of the readers' disagreements on themes.

A reference reading (:meth:`analysis.readers.Readings.reference`) keeps, for every
unit, both readers' values and reasons, the reference value and how it was
reached (``agreed``, ``adjudicated``); how the adjudicator settled the
disagreements, for every annotation set, is :meth:`analysis.readers.Readings.settled`.
:func:`scope_disagreements` finds the disagreements in which reader A gave a
theme that the reference does not, for a reason that matches a pattern (a reader
who followed an older, wider scope of the theme shows there).

Example:
    >>> ref = files.readings("themes", chapter).reference()
    >>> len(scope_disagreements(ref, "nep", r"famine|starv|hunger"))
    6
"""

from __future__ import annotations

import pandas as pd


def scope_disagreements(reference: pd.DataFrame, theme: str, reason: str, *,
                        value: str = "label") -> pd.DataFrame:
    """The disagreements on ``theme`` where reader A gave it, the reference did not, for ``reason``.

    ``reason`` is a regular expression searched in reader A's reason (any case):
    the words of what reader A counted as the theme (for instance a calamity
    that an older scope took for part of it). Returns the matching rows of the
    reference, in its order.

    Example:
        >>> ref = files.readings("themes", chapter).reference()
        >>> scope_disagreements(ref, "nep", "famine|starv|hunger")["paragraph_id"].tolist()
        [34, 41, 42, 48, 60, 62]
    """
    mine = reference[(reference["theme"] == theme) & (reference["how"] == "adjudicated")]
    given = (mine["reader_a"] > 0) & (mine[value] == 0)
    matches = mine["reason_a"].fillna("").str.contains(reason, case=False, regex=True)
    return mine[given & matches].reset_index(drop=True)
