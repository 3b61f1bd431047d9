"""The mention finder against a hand check of the mentions in sample paragraphs.

Example:
    >>> gold = load_check(data_path("annotations/mentions_check.csv"))
    >>> evaluate(mentions(chapter, register), gold)[["precision", "recall"]].iloc[0].tolist()
    [1.0, 1.0]
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.errors import DataFileError
from analysis.schema import read_csv_table


CHECK_COLUMNS = ["paragraph_id", "person_id", "surface", "start", "end", "reason"]


def load_check(path: str | Path) -> pd.DataFrame:
    """Load the hand check of mentions (the gold standard).

    One row per mention in each checked paragraph; a paragraph checked and
    found to name nobody has one row with an empty ``person_id``.

    Raises:
        DataFileError: missing column, bad integer, or ``start >= end``,
            naming the file, row and column.

    Example:
        >>> gold = load_check(data_path("annotations/mentions_check.csv"))
        >>> gold["paragraph_id"].nunique() >= 20
        True
    """
    file = Path(path)
    table = read_csv_table(file, CHECK_COLUMNS, strip=True)
    for i, row in enumerate(table.itertuples(index=False), start=2):
        cols = ("paragraph_id", "start", "end") if row.person_id else ("paragraph_id",)
        for col in cols:
            if not getattr(row, col).isdigit():
                raise DataFileError(f"{file}: row {i}, column {col}: {getattr(row, col)!r} is "
                                    "not a non-negative integer")
        if row.person_id and int(row.start) >= int(row.end):
            raise DataFileError(f"{file}: row {i}, column end: end must be after start")
        if not row.reason:
            raise DataFileError(f"{file}: row {i}, column reason: empty")
    table["paragraph_id"] = table["paragraph_id"].astype(int)
    return table


def evaluate(found: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Compare found mentions with the hand check, in the checked paragraphs.

    A found mention is right when ``person_id``, ``start`` and ``end`` all
    agree with a gold row. Returns one row: ``paragraphs, gold, found,
    correct, precision, recall, f1``.

    Example:
        >>> g = pd.DataFrame({"paragraph_id": [1, 1, 2], "person_id": ["a", "b", ""],
        ...                   "start": ["0", "5", ""], "end": ["3", "8", ""]})
        >>> f = pd.DataFrame({"paragraph_id": [1, 1, 3], "person_id": ["a", "c", "a"],
        ...                   "start": [0, 5, 9], "end": [3, 8, 12]})
        >>> evaluate(f, g)[["correct", "precision", "recall"]].to_dict("records")
        [{'correct': 1, 'precision': 0.5, 'recall': 0.5}]
    """
    diff = differences(found, gold)
    correct = int((diff["status"] == "correct").sum())
    n_found = int(diff["status"].isin(["correct", "spurious"]).sum())
    n_gold = int(diff["status"].isin(["correct", "missed"]).sum())
    precision = correct / n_found if n_found else float("nan")
    recall = correct / n_gold if n_gold else float("nan")
    f1 = (2 * precision * recall / (precision + recall)) if correct else 0.0
    return pd.DataFrame([{"paragraphs": gold["paragraph_id"].nunique(), "gold": n_gold,
                          "found": n_found, "correct": correct, "precision": precision,
                          "recall": recall, "f1": f1}])


def differences(found: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Line up found and gold mentions in the checked paragraphs.

    Returns ``paragraph_id, person_id, start, end, status`` with ``status``
    ``correct`` (in both), ``missed`` (gold only) or ``spurious`` (found only),
    in text order.

    Example:
        >>> g = pd.DataFrame({"paragraph_id": [1], "person_id": ["a"],
        ...                   "start": ["0"], "end": ["3"]})
        >>> f = pd.DataFrame({"paragraph_id": [1], "person_id": ["b"],
        ...                   "start": [0], "end": [3]})
        >>> differences(f, g)["status"].tolist()
        ['missed', 'spurious']
    """
    checked = set(gold["paragraph_id"].astype(int))
    cols = ["paragraph_id", "person_id", "start", "end"]
    g = gold.loc[gold["person_id"] != "", cols].astype(
        {"paragraph_id": int, "start": int, "end": int})
    f = found.loc[found["paragraph_id"].isin(checked), cols].astype(
        {"paragraph_id": int, "start": int, "end": int})
    both = g.merge(f, on=cols, how="outer", indicator=True)
    status = both["_merge"].map({"both": "correct", "left_only": "missed",
                                 "right_only": "spurious"}).astype(str)
    return (both.drop(columns="_merge").assign(status=status)
            .sort_values(["start", "status"]).reset_index(drop=True))
