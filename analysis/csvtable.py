"""Reading the project's editable CSV data files, with errors that name the file.

Every data file a scholar edits (corrections, register, lexicon patch,
annotations) is read here, as text, so that a missing file, bytes that are
not UTF-8, a malformed row or a missing column each give the same kind of
one-line :class:`~analysis.errors.DataFileError`. Row-level checks belong to
each file's own loader, which numbers rows as a spreadsheet does (header = 1).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis.errors import DataFileError


def read_csv_table(path: str | Path, columns: Sequence[str], *, strip: bool = False
                   ) -> pd.DataFrame:
    """Read a UTF-8 CSV file as strings (empty cells stay ``""``) and check its columns.

    Args:
        path: the CSV file.
        columns: the columns it must have (it may have more).
        strip: strip white space around every cell.

    Raises:
        DataFileError: no such file; an empty file; not readable as UTF-8 CSV; a
            required column missing from the header (row 1).

    Example:
        >>> from analysis.source import data_path
        >>> read_csv_table(data_path("corrections.csv"), ["start", "end"]).loc[0, "start"]
        '2400'
        >>> read_csv_table(data_path("corrections.csv"), ["start", "page"])
        Traceback (most recent call last):
        ...
        analysis.errors.DataFileError: .../corrections.csv: row 1 (header): missing column(s) page
    """
    file = Path(path)
    if not file.is_file():
        raise DataFileError(f"{file}: no such file")
    try:
        table = pd.read_csv(file, dtype=str, keep_default_na=False, encoding="utf-8")
    except pd.errors.EmptyDataError:
        raise DataFileError(f"{file}: the file is empty (a CSV file needs at least its "
                            "header row)") from None
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise DataFileError(f"{file}: not a readable UTF-8 CSV file ({exc})") from exc
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise DataFileError(f"{file}: row 1 (header): missing column(s) {', '.join(missing)}")
    return table.map(str.strip) if strip else table
