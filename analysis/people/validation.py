"""The mention finder against the readers' check of the mentions in sample paragraphs.

Each reader marked every naming of a person in the same sample of paragraphs
(a name quoted as written, with its ``person_id``; a paragraph naming nobody
quoted whole, with no person). :func:`load_mention_readings` reads them as one
:class:`~analysis.readers.Readings` whose unit is a span (``paragraph_id, start,
end``) and whose value is the person it names (``""``: no person), so that a
name one reader marked and the other did not is a disagreement like any other.

Example:
    >>> check = load_mention_readings(chapter, {"reader_a": data_path("annotations/mentions_reader_a.csv")})
    >>> evaluate(mentions(chapter, register, shared_names), check.reference())[["precision", "recall"]].iloc[0].tolist()
    [1.0, 1.0]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import pandas as pd

from analysis.readers import Readings
from analysis.schema import Field, TableSchema
from analysis.text import Chapter
from analysis.text.anchoring import ANCHOR_FIELDS
from analysis.text.annotations import REASON, adjudication_schema, anchoring_note
from analysis.text.records import read_records

#: The person a name means (empty where the paragraph quoted names nobody).
PERSON = Field("person_id", pattern=r"[a-z][a-z0-9_]*", pattern_means="a person_id of the register",
               description="the person named; empty: the paragraph quoted names nobody")

#: A reader's check of the mentions — each name quoted as written with its person, and a
#: paragraph checked and found to name nobody quoted by itself, with no person.
CHECK = TableSchema((*ANCHOR_FIELDS, PERSON, REASON))

#: The adjudication of two readers' checks, one row per span they differ on — a reader who did not
#: mark the span has an empty value, and so has a span adjudicated as naming nobody.
CHECK_ADJUDICATION = TableSchema(tuple(
    replace(f, required=False) if f.name in ("person_id_a", "person_id_b", "adjudicated") else f
    for f in adjudication_schema(PERSON).fields))

_KEY = ("paragraph_id", "start", "end")


def _spans(chapter: Chapter, path: Path, schema: TableSchema) -> pd.DataFrame:
    records = read_records(chapter, path, schema, "paragraph", required=False)
    out = records.drop(columns=["sentence_id", "anchoring"]).astype(
        {"paragraph_id": "int64", "start": "int64", "end": "int64"})
    out["surface"] = [chapter.seed_text[a:b] for a, b in zip(out["start"], out["end"])]
    out.attrs["anchoring"] = records.attrs["anchoring"]
    return out.reset_index(drop=True)


def load_mention_readings(chapter: Chapter, paths: Mapping[str, Path]) -> Readings:
    """The readers' check of the mentions: ``reader_a`` (required), ``reader_b``, ``adjudication``.

    Each reader's table covers every span either reader marked (a name one of
    them did not mark is ``""`` for that reader), with ``paragraph_id, start,
    end, surface, person_id, reason``; rows whose quote is not in this copy of
    the text are left out (the ``notes`` say so).

    Raises:
        DataFileError: a missing column, a quote outside every paragraph, a
            malformed ``person_id``, an empty reason, or an adjudication that does
            not fit the readers, naming the file, row and column.

    See the module's example.
    """
    tables = {role: _spans(chapter, path, CHECK_ADJUDICATION if role == "adjudication"
                           else CHECK) for role, path in paths.items()}
    notes = tuple(line for table in tables.values() for line in anchoring_note(table))
    readers = [r for r in ("reader_a", "reader_b") if r in tables]
    spans = (pd.concat([tables[r][[*_KEY, "surface"]] for r in readers])
             .drop_duplicates(list(_KEY)).sort_values(["start", "end"]))
    for role in readers:
        tables[role] = (spans.merge(tables[role].drop(columns="surface"), on=list(_KEY), how="left")
                        .fillna({"person_id": "", "reason": "(not marked)"}).reset_index(drop=True))
    return Readings("mentions", _KEY, "person_id", None, tables["reader_a"],
                    tables.get("reader_b"), tables.get("adjudication"),
                    sources={role: str(path) for role, path in paths.items()}, notes=notes)


def evaluate(found: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Compare found mentions with the readers' check (a reference), in the checked paragraphs.

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
