"""The readers' annotation of time and hindsight, their disagreements and the reference.

Two readers mark, each alone and from written guidelines, every time
expression of the text (a span, its TIMEX3 ``type`` and ``value``) and every
sentence of the narration that speaks with hindsight. The files are record
files (:mod:`analysis.text.records`), anchored by quotation:

- ``time_reader_a.csv``, ``time_reader_b.csv`` (:data:`TIME`): one row per
  expression, quoting it: ``type, value, reason``;
- ``hindsight_reader_a.csv``, ``hindsight_reader_b.csv`` (:data:`HINDSIGHT`):
  one row per sentence that holds hindsight, quoting it: ``hindsight`` (1),
  ``later``, ``reason``;
- ``time_adjudication.csv`` (:data:`TIME_ADJUDICATION`): one row per
  disagreement (:func:`time_disagreements`), the span the adjudicator keeps with
  its type and value (``keep`` 1), or the disputed span rejected (``keep`` 0);
- ``hindsight_adjudication.csv`` (:data:`HINDSIGHT_ADJUDICATION`): one row per
  sentence listed by one reader only, with both readers' marks and the one settled.

The reference (:func:`time_reference`, :func:`hindsight_reference`) is what
both readers agree on (the same span with the same type and value; the same
sentence) and the adjudicated rows kept. :func:`time_worksheet` and
:func:`hindsight_worksheet` lay the disagreements out in the adjudication
files' own format, for the adjudicator to fill in.

Example:
    >>> a = pd.DataFrame({"start": [10, 40], "end": [14, 48], "text": ["1921", "that day"],
    ...                   "type": ["DATE", "DATE"], "value": ["1921", "1921-XX-XX"]})
    >>> b = a.assign(value=["1921", "1921-08-07"])
    >>> time_disagreements(a, b)[["kind", "a_value", "b_value"]].values.tolist()
    [['value', '1921-XX-XX', '1921-08-07']]
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.errors import DataFileError
from analysis.schema import Field, TableSchema
from analysis.text import Chapter
from analysis.text.anchoring import ANCHOR_FIELDS, quote, unit_quote
from analysis.text.records import read_records, unit_of
from analysis.timeline.expressions import TIMEX_TYPES
from analysis.timeline.validation import match_spans

#: The parts of the annotation of time — each reader's time expressions and hindsight, and their
#: adjudications (their files are named by :data:`analysis.datafiles.names.SPAN_SETS`).
PARTS = ("time_a", "time_b", "time_adjudication", "hindsight_a", "hindsight_b",
         "hindsight_adjudication")

REASON = Field("reason", required=True, description="why, in one line")
_TYPE = Field("type", required=True, enum=TIMEX_TYPES, description="the TIMEX3 type")
_VALUE = Field("value", required=True, pattern=r"\S+", pattern_means="a TIMEX3 value (no spaces)",
               description="the TIMEX3 value: 1921-03-18, 1921-SU, P18M, PRESENT_REF …")
_LATER = Field("later", description="the later time the sentence speaks from (TIMEX3), "
                                    "FUTURE_REF where none can be given")


def _flag(name: str, what: str, low: int = 0) -> Field:
    return Field(name, "integer", required=True, minimum=low, maximum=1, description=what)


#: A reader's time expressions — the expression quoted, its type, value and reason.
TIME = TableSchema((*ANCHOR_FIELDS, _TYPE, _VALUE, REASON))

#: A reader's hindsight — the sentence quoted, ``hindsight`` (always 1), ``later``, ``reason``.
HINDSIGHT = TableSchema((*ANCHOR_FIELDS, _flag("hindsight", "1: the sentence holds hindsight", 1),
                         _LATER, REASON))

#: The adjudication of the time expressions — one row per disagreement (a span rejected,
#: ``keep`` 0, may leave its type and value empty).
TIME_ADJUDICATION = TableSchema((*ANCHOR_FIELDS, replace(_TYPE, required=False),
                                 replace(_VALUE, required=False),
                                 _flag("keep", "1: the span is kept in the reference with this "
                                               "type and value; 0: the disputed span is not a "
                                               "time expression"), REASON))

#: The adjudication of hindsight — one row per sentence listed by one reader only.
HINDSIGHT_ADJUDICATION = TableSchema((
    *ANCHOR_FIELDS, _flag("hindsight_a", "reader A listed the sentence (1) or not (0)"),
    _flag("hindsight_b", "reader B listed the sentence (1) or not (0)"),
    _flag("hindsight", "the adjudicated mark"), _LATER, REASON))

#: The columns of a table of spans (a reader's, the method's, the reference).
SPAN_COLUMNS = ["start", "end", "text", "type", "value", "sentence_id", "paragraph_id"]


def load_time(chapter: Chapter, path: str | Path,
              schema: TableSchema = TIME) -> pd.DataFrame:
    """Read a time annotation (or adjudication): ``start, end, text`` (as stored), ``type,
    value`` (and ``keep``), ``reason, sentence_id, paragraph_id``.

    Raises:
        DataFileError: the file breaks its schema, a quote is not found or lies in
            no sentence, or it quotes a title line (naming the file and row).
    """
    records = read_records(chapter, path, schema, "sentence")
    kinds = chapter.paragraphs.set_index("paragraph_id")["kind"]
    titled = kinds.reindex(records["paragraph_id"].astype("int64")).to_numpy() == "title"
    if titled.any():
        row = int(records.index[titled][0])
        raise DataFileError(f"{path}: row {row + 2}, column exact: "
                            f"{records.loc[row, 'exact'] if 'exact' in records else ''!r} lies in "
                            "a title line, which is not annotated")
    values = [f.name for f in schema.fields if f not in ANCHOR_FIELDS]
    out = records.assign(text=[chapter.seed_text[a:b] for a, b in zip(records["start"],
                                                                       records["end"])])
    out = out[["start", "end", "text", *values, "sentence_id", "paragraph_id"]]
    out = out.astype({"sentence_id": "int64", "paragraph_id": "int64"})
    return out.sort_values(["start", "end"]).reset_index(drop=True)


def load_hindsight(chapter: Chapter, path: str | Path,
                   schema: TableSchema = HINDSIGHT) -> pd.DataFrame:
    """Read a hindsight annotation (or adjudication): ``sentence_id, paragraph_id, start, end``
    (the sentence's), the values, ``text``.

    Raises:
        DataFileError: the file breaks its schema, a quote is not found, a sentence
            is listed twice, or lies outside the narration (naming the file and row).
    """
    records = read_records(chapter, path, schema, "sentence")
    kinds = chapter.paragraphs.set_index("paragraph_id")["kind"]
    outside = kinds.reindex(records["paragraph_id"].astype("int64")).to_numpy() != "narrative"
    if outside.any():
        row = int(records.index[outside][0])
        raise DataFileError(f"{path}: row {row + 2}, column exact: the sentence is not in "
                            "the author's narration (a paragraph of kind narrative)")
    out = unit_of(chapter, records, "sentence", path)
    values = [f.name for f in schema.fields if f not in ANCHOR_FIELDS]
    out = out[["sentence_id", "paragraph_id", "start", "end", *values, "text"]]
    return out.astype({"sentence_id": "int64", "paragraph_id": "int64"}).sort_values(
        "sentence_id").reset_index(drop=True)


def time_disagreements(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """Where two readers' time expressions differ, one row per disagreement.

    ``kind`` is ``only_a`` / ``only_b`` (a span the other reader did not mark at
    all), ``boundaries`` (overlapping spans of different extent), ``type``,
    ``value`` or ``type and value`` (the same span). Columns: ``disagreement``
    (a number), ``kind``, then ``a_start, a_end, a_text, a_type, a_value,
    a_reason`` and the same for ``b_`` (empty where the reader has none), and the
    ``sentence_id`` and ``paragraph_id`` of the first span.

    Example:
        >>> a = pd.DataFrame({"start": [0, 20], "end": [4, 28], "text": ["1921", "the time"],
        ...                   "type": ["DATE", "DATE"], "value": ["1921", "1921"]})
        >>> b = pd.DataFrame({"start": [16], "end": [28], "text": ["at the time"],
        ...                   "type": ["DATE"], "value": ["1921"]})
        >>> time_disagreements(a, b)["kind"].tolist()
        ['only_a', 'boundaries']
    """
    pairs = match_spans(a, b)
    rows = []
    for p in pairs.itertuples():
        x = a.loc[p.x] if p.x >= 0 else None
        y = b.loc[p.y] if p.y >= 0 else None
        if x is None or y is None:
            kind = "only_a" if y is None else "only_b"
        elif p.match == "overlap":
            kind = "boundaries"
        else:
            differ = [w for w in ("type", "value") if x[w] != y[w]]
            if not differ:
                continue
            kind = " and ".join(differ)
        first = x if x is not None else y
        rows.append({"kind": kind, **_side("a", x), **_side("b", y),
                     "sentence_id": first.get("sentence_id", pd.NA),
                     "paragraph_id": first.get("paragraph_id", pd.NA),
                     "_start": int(first["start"])})
    columns = ["disagreement", "kind", *[f"{s}_{c}" for s in "ab" for c in
                                         ("start", "end", "text", "type", "value", "reason")],
               "sentence_id", "paragraph_id"]
    if not rows:
        return pd.DataFrame(columns=columns)
    out = pd.DataFrame(rows).sort_values("_start", kind="stable").drop(columns="_start")
    out.insert(0, "disagreement", np.arange(1, len(out) + 1))
    return out[columns].reset_index(drop=True)


def _side(reader: str, row: pd.Series | None) -> dict[str, object]:
    keys = ("start", "end", "text", "type", "value", "reason")
    if row is None:
        return {f"{reader}_{k}": (pd.NA if k in ("start", "end") else "") for k in keys}
    return {f"{reader}_{k}": row.get(k, "") for k in keys}


def time_reference(a: pd.DataFrame, b: pd.DataFrame, adjudication: pd.DataFrame
                   ) -> pd.DataFrame:
    """The reference time expressions: the spans both readers give with the same type and value,
    and the adjudicated spans kept (``keep`` 1).

    Returns :data:`SPAN_COLUMNS` and ``how`` (``agreed`` or ``adjudicated``) and
    ``reason`` (the adjudicator's), in text order.

    Raises:
        DataFileError: a disagreement has no adjudication row over its span(s),
            an adjudication row lies over no disagreement, or a kept span overlaps
            a span the readers agree on.

    Example:
        >>> a = pd.DataFrame({"start": [0, 20], "end": [4, 28], "text": ["1921", "the time"],
        ...                   "type": ["DATE", "DATE"], "value": ["1921", "1921"]})
        >>> b = a.iloc[:1]
        >>> adj = pd.DataFrame({"start": [20], "end": [28], "text": ["the time"],
        ...                     "type": ["DATE"], "value": ["1921"], "keep": [1],
        ...                     "reason": ["at the time of the Congress"]})
        >>> time_reference(a, b, adj)[["text", "how"]].values.tolist()
        [['1921', 'agreed'], ['the time', 'adjudicated']]
    """
    pairs = match_spans(a, b)
    same = pairs[(pairs["match"] == "exact")]
    same = same[(a.loc[same["x"], ["type", "value"]].to_numpy()
                 == b.loc[same["y"], ["type", "value"]].to_numpy()).all(axis=1)]
    agreed = a.loc[same["x"]].assign(how="agreed", reason="")
    disputed = time_disagreements(a, b)
    spans = [(r.a_start, r.a_end, r.b_start, r.b_end) for r in disputed.itertuples()]
    adj = adjudication.reset_index(drop=True)
    for n, (a0, a1, b0, b1) in enumerate(spans, start=1):
        covered = np.zeros(len(adj), dtype=bool)
        for lo, hi in ((a0, a1), (b0, b1)):
            if not pd.isna(lo):
                covered |= ((adj["start"] < hi) & (adj["end"] > lo)).to_numpy()
        if not covered.any():
            row = disputed.iloc[n - 1]
            text = row["a_text"] or row["b_text"]
            raise DataFileError(f"time adjudication: the disagreement on {text!r} "
                                f"({row['kind']}, sentence {row['sentence_id']}) is not adjudicated")
    for i, r in adj.iterrows():
        near = any((not pd.isna(lo)) and r["start"] < hi and r["end"] > lo
                   for a0, a1, b0, b1 in spans for lo, hi in ((a0, a1), (b0, b1)))
        if not near:
            raise DataFileError(f"time adjudication: row {i + 2}: {r.get('text', '')!r} lies over "
                                "no disagreement of the readers")
    kept = adj[adj["keep"].astype(int) == 1].assign(how="adjudicated")
    blank = kept[(kept["type"].fillna("") == "") | (kept["value"].fillna("") == "")]
    if len(blank):
        raise DataFileError(f"time adjudication: row {blank.index[0] + 2}: a span kept needs its "
                            "type and value")
    for i, r in kept.iterrows():
        clash = agreed[(agreed["start"] < r["end"]) & (agreed["end"] > r["start"])]
        if len(clash):
            raise DataFileError(f"time adjudication: row {i + 2}: the span kept overlaps "
                                f"{clash['text'].iloc[0]!r}, on which the readers agree")
    columns = [c for c in SPAN_COLUMNS if c in a.columns] + ["how", "reason"]
    out = pd.concat([agreed, kept], ignore_index=True)
    return out.reindex(columns=columns).sort_values(["start", "end"]).reset_index(drop=True)


def hindsight_disagreements(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """The sentences on which two readers' hindsight differs: ``sentence_id, kind, later_a,
    later_b, reason_a, reason_b``.

    ``kind`` is ``only_a`` or ``only_b`` (listed by one reader only), or ``later`` (listed by
    both, with different ``later`` values).

    Example:
        >>> a = pd.DataFrame({"sentence_id": [5, 9], "later": ["1936", "FUTURE_REF"],
        ...                   "reason": ["r", "r"]})
        >>> b = pd.DataFrame({"sentence_id": [5], "later": ["PRESENT_REF"], "reason": ["r"]})
        >>> hindsight_disagreements(a, b)[["sentence_id", "kind"]].values.tolist()
        [[5, 'later'], [9, 'only_a']]
    """
    side = {"a": a.set_index("sentence_id"), "b": b.set_index("sentence_id")}
    rows = []
    for sid in sorted(set(side["a"].index) | set(side["b"].index)):
        given = {r: side[r].loc[sid] if sid in side[r].index else None for r in "ab"}
        if given["a"] is None or given["b"] is None:
            kind = "only_a" if given["b"] is None else "only_b"
        elif str(given["a"].get("later", "")) != str(given["b"].get("later", "")):
            kind = "later"
        else:
            continue
        rows.append({"sentence_id": sid, "kind": kind,
                     **{f"{k}_{r}": ("" if given[r] is None else given[r].get(k, ""))
                        for r in "ab" for k in ("later", "reason")}})
    return pd.DataFrame(rows, columns=["sentence_id", "kind", "later_a", "reason_a", "later_b",
                                       "reason_b"])


def hindsight_reference(a: pd.DataFrame, b: pd.DataFrame, adjudication: pd.DataFrame
                        ) -> pd.DataFrame:
    """The reference hindsight: the sentences both readers list, and those adjudicated 1.

    Every sentence listed by one reader only must be adjudicated; a sentence both
    list with different ``later`` values may be (the adjudicated ``later`` is
    then kept). Returns ``sentence_id, later, how, reason`` (``how``: ``agreed``,
    ``adjudicated``, or ``agreed, later adjudicated``), in text order; ``later``
    is ``A / B`` where the readers differ on it and no adjudication settles it.

    Raises:
        DataFileError: a sentence listed by one reader only is not adjudicated, an
            adjudicated sentence is listed by neither reader or by both with the
            same ``later``, or the adjudication misquotes a reader's mark.

    Example:
        >>> a = pd.DataFrame({"sentence_id": [5, 9], "later": ["1936", "FUTURE_REF"]})
        >>> b = pd.DataFrame({"sentence_id": [5], "later": ["1936"]})
        >>> adj = pd.DataFrame({"sentence_id": [9], "hindsight_a": [1], "hindsight_b": [0],
        ...                     "hindsight": [0], "later": [""], "reason": ["a plan"]})
        >>> hindsight_reference(a, b, adj)[["sentence_id", "how"]].values.tolist()
        [[5, 'agreed']]
    """
    disputed = hindsight_disagreements(a, b).set_index("sentence_id")
    in_a, in_b = set(a["sentence_id"]), set(b["sentence_id"])
    listed = adjudication.set_index("sentence_id")
    for sid, row in listed.iterrows():
        marks = (int(sid in in_a), int(sid in in_b))
        if sid not in disputed.index:
            raise DataFileError(f"hindsight adjudication: sentence {sid} is listed by "
                                f"{'both readers alike' if marks[0] else 'neither reader'}: "
                                "there is nothing to adjudicate")
        if (int(row["hindsight_a"]), int(row["hindsight_b"])) != marks:
            raise DataFileError(f"hindsight adjudication: sentence {sid}: hindsight_a "
                                f"{int(row['hindsight_a'])}, hindsight_b {int(row['hindsight_b'])}"
                                f", but the readers' files give {marks[0]} and {marks[1]}")
    missing = sorted(set(disputed.index[disputed["kind"] != "later"]) - set(listed.index))
    if missing:
        raise DataFileError(f"hindsight adjudication: sentence {missing[0]} is listed by one "
                            "reader only and is not adjudicated")
    later_a, later_b = a.set_index("sentence_id")["later"], b.set_index("sentence_id")["later"]
    rows = []
    for sid in sorted(in_a & in_b):
        if sid in listed.index:
            rows.append((sid, listed.loc[sid, "later"], "agreed, later adjudicated",
                         listed.loc[sid, "reason"]))
        else:
            same = later_a[sid] == later_b[sid]
            rows.append((sid, later_a[sid] if same else f"{later_a[sid]} / {later_b[sid]}",
                         "agreed", ""))
    rows += [(sid, r["later"], "adjudicated", r["reason"]) for sid, r in listed.iterrows()
             if sid not in (in_a & in_b) and int(r["hindsight"]) == 1]
    out = pd.DataFrame(rows, columns=["sentence_id", "later", "how", "reason"])
    return out.sort_values("sentence_id").reset_index(drop=True)


def time_worksheet(chapter: Chapter, disagreements: pd.DataFrame) -> pd.DataFrame:
    """The disagreements as rows of a ``time_adjudication.csv`` to fill in.

    For each disagreement, one row per reader's span, anchored and carrying that
    reader's type and value, ``keep`` and ``reason`` left empty; extra columns
    ``disagreement``, ``kind``, ``reader`` and ``reader_reason`` say what is
    disputed (the loader keeps extra columns and ignores them). The adjudicator
    sets ``keep`` to 1 on the span kept (correcting its type, value or bounds)
    and to 0 on the others.

    Example:
        >>> d = pd.DataFrame({"disagreement": [1], "kind": ["only_a"], "a_start": [3789],
        ...                   "a_end": [3794], "a_type": ["DATE"], "a_value": ["1918"],
        ...                   "a_reason": ["the uprising"], "b_start": [pd.NA], "b_end": [pd.NA],
        ...                   "b_type": [""], "b_value": [""], "b_reason": [""]})
        >>> time_worksheet(chapter, d)[["exact", "value", "reader"]].values.tolist()
        [['19 18', '1918', 'A']]
    """
    rows = []
    for d in disagreements.itertuples():
        for reader in ("a", "b"):
            lo, hi = getattr(d, f"{reader}_start"), getattr(d, f"{reader}_end")
            if pd.isna(lo):
                continue
            rows.append({**quote(chapter.seed_text, int(lo), int(hi)),
                         "type": getattr(d, f"{reader}_type"),
                         "value": getattr(d, f"{reader}_value"), "keep": "", "reason": "",
                         "disagreement": d.disagreement, "kind": d.kind,
                         "reader": reader.upper(),
                         "reader_reason": getattr(d, f"{reader}_reason")})
    return pd.DataFrame(rows, columns=[*TIME_ADJUDICATION.names, "disagreement", "kind", "reader",
                                       "reader_reason"])


def hindsight_worksheet(chapter: Chapter, a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """The hindsight disagreements (:func:`hindsight_disagreements`) as rows of a
    ``hindsight_adjudication.csv`` to fill in.

    ``hindsight_a``/``hindsight_b`` are filled from the readers' files;
    ``hindsight``, ``later`` and ``reason`` are left for the adjudicator; extra
    columns give the ``kind`` and each reader's ``later`` and reason.

    Example:
        >>> a = pd.DataFrame({"sentence_id": [246], "later": ["FUTURE_REF"], "reason": ["haunt"]})
        >>> b = a.iloc[:0]
        >>> hindsight_worksheet(chapter, a, b)[["hindsight_a", "hindsight_b"]].values.tolist()
        [[1, 0]]
    """
    sents = chapter.sentences.set_index("sentence_id")
    rows = []
    for d in hindsight_disagreements(a, b).itertuples():
        s = sents.loc[d.sentence_id]
        rows.append({**quote(chapter.seed_text, *unit_quote(chapter.seed_text, int(s["start"]),
                                                            int(s["end"]))),
                     "hindsight_a": int(d.kind != "only_b"), "hindsight_b": int(d.kind != "only_a"),
                     "hindsight": "", "later": "", "reason": "", "kind": d.kind,
                     "later_a": d.later_a, "reason_a": d.reason_a, "later_b": d.later_b,
                     "reason_b": d.reason_b})
    return pd.DataFrame(rows, columns=[*HINDSIGHT_ADJUDICATION.names, "kind", "later_a",
                                       "reason_a", "later_b", "reason_b"])
