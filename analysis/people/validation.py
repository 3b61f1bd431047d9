"""The mention finder against a hand check of the mentions in sample paragraphs.

Example:
    >>> gold = load_check(chapter, data_path("annotations/mentions_check.csv"))
    >>> evaluate(mentions(chapter, register), gold)[["precision", "recall"]].iloc[0].tolist()
    [1.0, 1.0]
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.schema import Field, TableSchema
from analysis.text import Chapter
from analysis.text.anchoring import ANCHOR_FIELDS
from analysis.text.records import read_records

#: The hand check of mentions, each mention quoted (its name as written) with its person,
#: and a paragraph checked and found to name nobody quoted by itself, with no person.
CHECK = TableSchema((
    *ANCHOR_FIELDS,
    Field("person_id", pattern=r"[a-z][a-z0-9_]*", pattern_means="a person_id of the register",
          description="the person named; empty: the paragraph quoted names nobody"),
    Field("reason", required=True, description="why, in one line"),
))


def load_check(chapter: Chapter, path: str | Path) -> pd.DataFrame:
    """Load the hand check of mentions (the gold standard), anchored in ``chapter``.

    One row per mention in each checked paragraph, quoting the name as
    written; a paragraph checked and found to name nobody has one row quoting
    the paragraph, with an empty ``person_id``. Returns ``paragraph_id,
    person_id, surface, start, end, reason``: ``start``/``end`` the mention's
    offsets in the chapter's file (``<NA>`` for a paragraph naming nobody);
    how the rows anchored is ``attrs["anchoring"]``.

    Raises:
        DataFileError: a missing column, a quote not found or outside every
            paragraph, a malformed ``person_id`` or an empty reason, naming the
            file, row and column.

    Example:
        >>> gold = load_check(chapter, data_path("annotations/mentions_check.csv"))
        >>> gold["paragraph_id"].nunique() >= 20
        True
    """
    records = read_records(chapter, path, CHECK, "paragraph")
    named = records["person_id"] != ""
    spans = {c: pd.array(records[c].where(named), dtype="Int64") for c in ("start", "end")}
    out = pd.DataFrame({
        "paragraph_id": records["paragraph_id"].astype("int64"),
        "person_id": records["person_id"],
        "surface": [chapter.seed_text[a:b] if n else "" for a, b, n in
                    zip(records["start"], records["end"], named)],
        **spans, "reason": records["reason"]})
    out.attrs["anchoring"] = records.attrs["anchoring"]
    return out


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
