"""Record files anchored in a chapter and mapped to its units (sentences, paragraphs).

A record file (a reader's annotation, a chronology) is a CSV whose first columns anchor
each row in the text (:data:`analysis.text.anchoring.ANCHOR_FIELDS`) and whose
other columns hold its values, declared by a :class:`~analysis.schema.TableSchema`.
:func:`read_records` reads one, anchors every row in the chapter as loaded
(wherever its quote now lies, whatever the copy of the text) and says in which
sentence and paragraph the quote begins, so that a change of segmentation or of
copy does not break the file. How the rows anchored is the table's
``attrs["anchoring"]`` (an :class:`~analysis.text.anchoring.AnchorReport`).

Example:
    >>> import tempfile
    >>> from analysis.schema import Field, TableSchema
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp) / "kronstadt.csv"
    ...     write_records(chapter, pd.DataFrame({"sentence_id": [7], "note": ["Kronstadt"]}),
    ...                   path, "sentence")
    ...     table = read_records(chapter, path, TableSchema((*ANCHOR_FIELDS, Field("note"))))
    ...     print(path.read_text(encoding="utf-8")[:60])
    start,end,prefix,exact,suffix,note
    438,589,olicy of appeasem
    >>> table[["sentence_id", "paragraph_id", "note"]].values.tolist()
    [[7, 3, 'Kronstadt']]
    >>> print(table.attrs["anchoring"])
    /...kronstadt.csv: 1 of 1 anchored (0 moved)
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analysis.errors import DataFileError
from analysis.schema import TableSchema, read_table
from analysis.text.anchoring import ANCHOR_FIELDS, anchor_records, quote, unit_quote
from analysis.text.chapter import Chapter

#: The units a record may belong to, and their tables' id columns.
UNITS = {"sentence": "sentence_id", "paragraph": "paragraph_id"}


def units_at(chapter: Chapter, starts: np.ndarray | pd.Series) -> pd.DataFrame:
    """The sentence and paragraph in which each seed offset lies (``<NA>`` between units).

    Example:
        >>> i = chapter.seed_text.index("Kronstadt")
        >>> units_at(chapter, [i]).values.tolist()
        [[7, 3]]
    """
    starts = np.asarray(starts, dtype=np.int64)
    out = {}
    for unit, frame in (("sentence", chapter.sentences), ("paragraph", chapter.paragraphs)):
        lo, hi = frame["start"].to_numpy(), frame["end"].to_numpy()
        idx = np.searchsorted(lo, starts, side="right") - 1
        inside = (idx >= 0) & (starts < hi[np.clip(idx, 0, None)])
        ids = frame[UNITS[unit]].to_numpy()[np.clip(idx, 0, None)]
        out[UNITS[unit]] = pd.array(np.where(inside, ids, 0), dtype="Int64")
        out[UNITS[unit]][~inside] = pd.NA
    return pd.DataFrame(out)


def read_records(chapter: Chapter, path: str | Path, schema: TableSchema,
                 unit: str | None = "sentence", *, required: bool = True) -> pd.DataFrame:
    """Read a record file, anchor every row in ``chapter`` and map it to its units.

    Returns ``sentence_id, paragraph_id`` (where the quote begins), ``start, end``
    (the quote's offsets in the chapter's file as loaded), ``anchoring`` (``in
    place`` or ``moved``) and the schema's other fields, typed, in the file's
    order; the index is the row's place in the file (0 for the first row under
    the header). With ``required=False`` a row whose quote is not in this copy of
    the text is left out instead of stopping the reading, and the report in
    ``attrs["anchoring"]`` names it.

    Raises:
        DataFileError: the file breaks its schema; ``required`` and a quote is not
            found (naming the file, the row and the quote); or, when ``unit`` is
            given, a quote lies in no such unit (between paragraphs, or in text
            left out).
    """
    file = Path(path)
    table = read_table(file, schema).reset_index(drop=True)
    found, report = anchor_records(table, chapter.plain, chapter.plain_map, str(file),
                                   required=required)
    kept = (found["start"] >= 0).to_numpy()
    table, found = table[kept], found[kept]
    units = units_at(chapter, found["start"]).set_axis(table.index)
    if unit is not None:
        lost = units[UNITS[unit]].isna().to_numpy()
        if lost.any():
            row = int(table.index[lost][0])
            raise DataFileError(f"{file}: row {row + 2}, column exact: the quote "
                                f"{table.loc[row, 'exact']!r} lies in no {unit} of the chapter")
    values = [f.name for f in schema.fields if f not in ANCHOR_FIELDS]
    out = pd.concat([units, found, table[values]], axis=1)
    out.attrs["anchoring"] = report
    return out


def unit_of(chapter: Chapter, records: pd.DataFrame, unit: str, path: str | Path,
            key: str | None = None) -> pd.DataFrame:
    """Records of whole units: the unit's own ``start, end`` and ``text`` replace the quote's.

    A unit holds one record, or one per value of ``key`` (an emotion, a theme);
    ``path`` names the file in the error raised when two rows anchor in the same place.

    Raises:
        DataFileError: two rows anchor in one unit (with the same ``key``), naming both rows.

    Example:
        >>> recs = pd.DataFrame({"sentence_id": [7], "paragraph_id": [3], "start": [0],
        ...                      "end": [1]})
        >>> unit_of(chapter, recs, "sentence", "x.csv")["text"].iloc[0][:32]
        'The foreign delegates showed no '
    """
    column = UNITS[unit]
    frame = (chapter.sentences if unit == "sentence" else chapter.paragraphs).set_index(column)
    ids = records[column].astype("int64")
    both = ids.astype(str) if key is None else ids.astype(str) + " " + records[key].astype(str)
    twice = both.duplicated()
    if twice.any():
        row = both.index[twice.to_numpy()][0]
        first = both.index[(both == both[row]).to_numpy()][0]
        what = f"{unit} {ids[row]}" + ("" if key is None else f" and {key} {records[key][row]}")
        raise DataFileError(f"{path}: row {row + 2}: {what} is annotated already in row "
                            f"{first + 2}")
    return records.assign(start=frame.loc[ids, "start"].to_numpy(),
                          end=frame.loc[ids, "end"].to_numpy(),
                          text=frame.loc[ids, "text"].to_numpy())


def write_records(chapter: Chapter, table: pd.DataFrame, path: str | Path, unit: str) -> None:
    """Write records of units (named by ``sentence_id`` or ``paragraph_id``) as an anchored file.

    Each unit is quoted whole, or by its opening if long
    (:func:`analysis.text.anchoring.unit_quote`); the id column is replaced by
    the anchor, the other columns follow it; the rows are written in the
    order of the text. See the module's example.
    """
    key = UNITS[unit]
    frame = (chapter.sentences if unit == "sentence" else chapter.paragraphs).set_index(key)
    seed = chapter.seed_text
    anchors = pd.DataFrame([quote(seed, *unit_quote(seed, int(frame.loc[i, "start"]),
                                                    int(frame.loc[i, "end"])))
                            for i in table[key].astype(int)])
    out = pd.concat([anchors, table.drop(columns=[key]).reset_index(drop=True)], axis=1)
    out = out.sort_values("start", kind="stable")
    out.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
