"""How the readers' disagreements on themes were settled, and what one rule of scope explains.

A reference reading (:meth:`analysis.readers.Readings.reference`) keeps, for every
unit, both readers' values, the reference value and how it was reached
(``agreed``, ``adjudicated``). From it:

- :func:`settled_with`: with which reader the adjudicator sided, per theme;
- :func:`share_as_reader`: how close the reference is to each reader alone;
- :func:`scope_disagreements`: the disagreements in which reader A gave a
  theme that the reference does not, for a reason that matches a pattern (a
  reader who followed an older, wider scope of the theme shows there).

Example:
    >>> ref = files.readings("themes", chapter).reference()
    >>> settled_with(ref, by=None)[["n", "with_a", "with_b", "neither"]].values.tolist()
    [[24, 3, 21, 0]]
    >>> len(scope_disagreements(ref, "nep", r"famine|starv|hunger"))
    6
"""

from __future__ import annotations

import pandas as pd


def settled_with(reference: pd.DataFrame, by: str | None = "theme", *,
                 value: str = "label") -> pd.DataFrame:
    """With whom the adjudicator sided: ``group, n, with_a, with_b, neither`` per value of ``by``.

    ``n`` is the number of disagreements settled (rows ``how == "adjudicated"``);
    ``with_a`` and ``with_b`` count the settled values equal to reader A's and
    reader B's, ``neither`` the others. ``by=None`` gives one row, ``all``; a
    group with no disagreement has ``n = 0``.

    Example:
        >>> ref = files.readings("themes", chapter).reference()
        >>> settled_with(ref).set_index("group").loc["nep"].tolist()
        [9, 2, 7, 0]
    """
    groups = (["all"] if by is None else list(dict.fromkeys(reference[by])))
    rows = []
    for group in groups:
        mine = reference if by is None else reference[reference[by] == group]
        settled = mine[mine["how"] == "adjudicated"]
        with_a = settled[value] == settled["reader_a"]
        with_b = settled[value] == settled["reader_b"]
        rows.append({"group": group, "n": len(settled), "with_a": int(with_a.sum()),
                     "with_b": int(with_b.sum()), "neither": int((~with_a & ~with_b).sum())})
    return pd.DataFrame(rows, columns=["group", "n", "with_a", "with_b", "neither"])


def share_as_reader(reference: pd.DataFrame, *, value: str = "label") -> pd.Series:
    """The share of the reference's values equal to each reader's: ``reader_a``, ``reader_b``.

    Example:
        >>> share = share_as_reader(files.readings("themes", chapter).reference())
        >>> round(float(share["reader_b"]), 2), round(float(share["reader_a"]), 2)
        (0.98, 0.87)
    """
    if reference.empty:
        return pd.Series({"reader_a": float("nan"), "reader_b": float("nan")})
    return pd.Series({reader: float((reference[value] == reference[reader]).mean())
                      for reader in ("reader_a", "reader_b")})


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
