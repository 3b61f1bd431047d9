"""The project's data files, described by schemas and read with one validator.

Every data file a scholar edits (corrections, register, lexicon patch,
episodes, annotations) is declared once, beside its loader, as a
:class:`TableSchema`: its fields (name, type, description), which cells are
required, unique or limited to some values or a pattern, and its primary key.
The schema is a Frictionless Table Schema (:meth:`TableSchema.descriptor`), the
standard of the field's data packages, and :func:`read_table` checks a file
against it with the ``frictionless`` validator, reporting the first problem in
one format: ``file: row N, column C: what is wrong`` (rows numbered as in a
spreadsheet, the header being row 1). Only the checks no schema can say (a
name two people share with no rule, a correction whose text is not at its
offsets) stay as code in the loaders.

Example:
    >>> schema = TableSchema((Field("term", required=True, unique=True),
    ...                       Field("value", "number", minimum=-4, maximum=4)))
    >>> schema.descriptor()["fields"][1]
    {'name': 'value', 'type': 'number', 'constraints': {'minimum': -4, 'maximum': 4}}
"""

from __future__ import annotations

import csv
import errno
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.errors import DataFileError

_TYPE_WORDS = {"integer": "a whole number", "number": "a number", "boolean": "true or false"}

#: The cells Frictionless reads as true in a boolean field (its default ``trueValues``).
_TRUE = ("true", "True", "TRUE", "1")


@dataclass(frozen=True)
class Field:
    """One column of a data file, as a Table Schema field with its constraints.

    ``pattern_means`` says in words what ``pattern`` (a regular expression the
    whole cell must match) asks for, for the error message. An ``optional``
    field's column may be left out of the file (its cells are then empty). A
    ``verbatim`` field's cells are read exactly as written, white space and
    all (a quotation of the text), where every other cell is stripped.

    Example:
        >>> Field("kind", enum=("a", "b")).descriptor()
        {'name': 'kind', 'type': 'string', 'constraints': {'enum': ['a', 'b']}}
    """

    name: str
    type: str = "string"  # string, integer, number or boolean
    description: str = ""
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    pattern_means: str = ""
    minimum: float | None = None
    maximum: float | None = None
    optional: bool = False
    verbatim: bool = False

    def descriptor(self) -> dict:
        """The field as a Frictionless Table Schema field descriptor."""
        constraints: dict[str, object] = {}
        if self.required:
            constraints["required"] = True
        if self.unique:
            constraints["unique"] = True
        if self.enum is not None:
            constraints["enum"] = list(self.enum)
        if self.pattern is not None:
            constraints["pattern"] = self.pattern
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        out: dict[str, object] = {"name": self.name, "type": self.type}
        if self.description:
            out["description"] = self.description
        if constraints:
            out["constraints"] = constraints
        return out


@dataclass(frozen=True)
class TableSchema:
    """The schema of a CSV file: its fields, in order, its primary key and foreign keys.

    A foreign key is ``(field, table, field of that table)``: each value must be
    one the other table holds (the table is named by its file, ``people.csv``).

    Example:
        >>> TableSchema((Field("a"), Field("b")), primary_key=("a", "b")).descriptor()["primaryKey"]
        ['a', 'b']
        >>> TableSchema((Field("person_id"),), foreign_keys=(("person_id", "people.csv",
        ...     "person_id"),)).descriptor()["foreignKeys"][0]["reference"]
        {'resource': 'people', 'fields': ['person_id']}
    """

    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = ()

    @property
    def names(self) -> list[str]:
        """The field names, in order."""
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        """The field called ``name``."""
        return next(f for f in self.fields if f.name == name)

    def descriptor(self) -> dict:
        """The schema as a Frictionless Table Schema descriptor."""
        out: dict[str, object] = {"fields": [f.descriptor() for f in self.fields]}
        if self.primary_key:
            out["primaryKey"] = list(self.primary_key)
        if self.foreign_keys:
            out["foreignKeys"] = [{"fields": [name], "reference": {
                "resource": resource_name(table), "fields": [other]}}
                for name, table, other in self.foreign_keys]
        return out


def resource_name(file_name: str) -> str:
    """The name of a table in a data package: its file name without the extension.

    Example:
        >>> resource_name("theme_hits.csv")
        'theme_hits'
    """
    return file_name.rsplit(".", 1)[0].replace(".", "_").lower()


def read_text_file(path: str | Path) -> str:
    """The whole of a data file read as UTF-8 text; a file missing or unreadable is one line.

    Example:
        >>> read_text_file(data_path("abbreviations.txt")).splitlines()[0].startswith("#")
        True
        >>> read_text_file("no/such.txt")
        Traceback (most recent call last):
        ...
        analysis.errors.DataFileError: no/such.txt: no such file
    """
    file = Path(path)
    try:
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(f"{file}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{file}: cannot be read as UTF-8 text ({exc})") from exc


def file_problem(path: str | Path) -> str | None:
    """What keeps ``path`` from being read as a regular file, in words; ``None`` if nothing.

    A FIFO or a device would block or never end, a loop of symbolic links is
    not "missing": each is named for what it is, before anything is opened.

    Example:
        >>> file_problem("/dev/zero"), file_problem("no/such.csv"), file_problem(".")
        ('is a character device, not a regular file', 'no such file', 'is a folder, not a file')
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if os.path.islink(path):
            return ("is a loop of symbolic links" if exc.errno == errno.ELOOP
                    else "is a symbolic link to a missing file")
        return "no such file" if exc.errno == errno.ENOENT else f"cannot be read ({exc.strerror})"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    kinds = {stat.S_ISFIFO: "a FIFO (named pipe)", stat.S_ISCHR: "a character device",
             stat.S_ISBLK: "a block device", stat.S_ISSOCK: "a socket"}
    what = next((name for test, name in kinds.items() if test(mode)), "a special file")
    return f"is {what}, not a regular file"


def read_csv_table(path: str | Path, columns: Sequence[str], *, strip: bool = False,
                   keep: Sequence[str] = ()) -> pd.DataFrame:
    """Read a UTF-8 CSV file as strings (empty cells stay ``""``) and check its columns.

    Args:
        path: the CSV file.
        columns: the columns it must have (it may have more).
        strip: strip white space around every cell but those of the columns in ``keep``.
        keep: columns read verbatim even when ``strip`` is true.

    Raises:
        DataFileError: not a regular file (missing, a folder, a loop of links, a
            FIFO ...: :func:`file_problem`); an empty file; not readable as UTF-8
            CSV; a column named twice in the header (row 1), or a required one
            missing from it.

    Example:
        >>> read_csv_table(data_path("corrections.csv"), ["start", "end"]).loc[0, "start"]
        '2400'
        >>> read_csv_table(data_path("corrections.csv"), ["start", "page"])
        Traceback (most recent call last):
        ...
        analysis.errors.DataFileError: .../corrections.csv: row 1 (header): missing column(s) page
    """
    file = Path(path)
    problem = file_problem(file)
    if problem:
        raise DataFileError(f"{file}: {problem}")
    try:
        table = pd.read_csv(file, dtype=str, keep_default_na=False, encoding="utf-8")
    except pd.errors.EmptyDataError:
        raise DataFileError(f"{file}: the file is empty (a CSV file needs at least its "
                            "header row)") from None
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise DataFileError(f"{file}: not a readable UTF-8 CSV file "
                            f"({' '.join(str(exc).split())})") from exc
    if not isinstance(table.index, pd.RangeIndex):  # pandas made the first column an index
        raise DataFileError(f"{file}: row 2: more cells than the header (row 1) has columns")
    with file.open(encoding="utf-8", newline="") as stream:  # pandas renames a twin: role.1
        header = next(csv.reader(stream), [])
    twice = sorted({c.strip() for c in header if header.count(c) > 1})
    if twice:
        raise DataFileError(f"{file}: row 1 (header): column {twice[0]!r} is given twice")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise DataFileError(f"{file}: row 1 (header): missing column(s) {', '.join(missing)}")
    if not strip:
        return table
    return table.assign(**{c: table[c].str.strip() for c in table.columns if c not in keep})


def read_table(path: str | Path, schema: TableSchema, *, name: str | None = None
               ) -> pd.DataFrame:
    """Read a CSV data file and check it against its schema; return it typed.

    The file must have every field of the schema but the optional ones (it
    may have more columns, which are kept as text); cells are stripped of
    surrounding white space, but for those of ``verbatim`` fields.
    Integers, numbers and booleans come back typed; an empty optional
    numeric cell is ``NaN`` (``<NA>`` for integers).

    Raises:
        DataFileError: as :func:`read_csv_table`, or the first cell that breaks
            the schema, as ``file: row N, column C: what is wrong``.

    Example:
        >>> schema = TableSchema((Field("term", required=True, unique=True),
        ...                       Field("value", "number", minimum=-4, maximum=4)))
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     bad = Path(tmp) / "patch.csv"
        ...     _ = bad.write_text("term,value\\nready,0\\nready,9\\n", encoding="utf-8")
        ...     read_table(bad, schema)
        Traceback (most recent call last):
        ...
        analysis.errors.DataFileError: .../patch.csv: row 3, column term: 'ready' is already given in row 2
    """
    file = Path(path)
    label = name or str(file)
    table = read_csv_table(file, [f.name for f in schema.fields if not f.optional], strip=True,
                           keep=[f.name for f in schema.fields if f.verbatim])
    table = table.assign(**{f.name: "" for f in schema.fields
                            if f.optional and f.name not in table.columns})
    check_table(table, schema, label)
    return typed(table, schema)


def check_table(table: pd.DataFrame, schema: TableSchema, name: str) -> None:
    """Check a table of strings against a schema; raise the first problem as one line.

    ``name`` (a file name, or a label for a table built in code) begins the
    message. Rows are numbered as in a spreadsheet (header = row 1).

    Example:
        >>> check_table(pd.DataFrame({"n": ["1", "x"]}), TableSchema((Field("n", "integer"),)),
        ...             "mine.csv")
        Traceback (most recent call last):
        ...
        analysis.errors.DataFileError: mine.csv: row 3, column n: 'x' is not a whole number
    """
    from frictionless import Resource, Schema

    data = [schema.names, *table[schema.names].astype(str).values.tolist()]
    report = Resource(data=data, schema=Schema.from_descriptor(schema.descriptor()),
                      format="inline").validate()
    errors = [e for task in report.tasks for e in task.errors]
    if not errors:
        return
    order = {n: i for i, n in enumerate(schema.names)}
    first = min(errors, key=lambda e: (getattr(e, "row_number", 0) or 0,
                                       order.get(getattr(e, "field_name", None) or "", -1)))
    raise DataFileError(_message(first, schema, name))


def _message(error: object, schema: TableSchema, name: str) -> str:
    """One line for a Frictionless validation error, in the project's format."""
    row = getattr(error, "row_number", None)
    column = getattr(error, "field_name", None)
    cell = getattr(error, "cell", None)
    where = f"{name}: row {row}" + (f", column {column}" if column else "")
    kind = getattr(error, "type", "")
    note = getattr(error, "note", "")
    if kind == "type-error":
        field = schema.field(column)
        return f"{where}: {cell!r} is not {_TYPE_WORDS.get(field.type, field.type)}"
    if kind in ("unique-error", "primary-key"):
        earlier = re.search(r"position (\d+)", note)
        key = ", ".join(schema.primary_key) if kind == "primary-key" else column
        what = f"{cell!r}"
        if kind == "primary-key":  # name the key's columns and values, as for one column
            cells = getattr(error, "cells", None) or []
            where = f"{name}: row {row}, columns {key}"
            what = ", ".join(repr(cells[schema.names.index(k)]) for k in schema.primary_key
                             if schema.names.index(k) < len(cells)) or f"this {key}"
        return (f"{where}: {what} is already given in row {earlier.group(1)}" if earlier
                else f"{where}: {key} must be given and unique")
    if kind == "blank-row":
        return f"{name}: row {row}: the row is empty"
    if kind == "constraint-error" and column:
        field = schema.field(column)
        constraint = re.match(r'constraint "(\w+)"', note)
        which = constraint.group(1) if constraint else ""
        if which == "required":
            return f"{where}: empty"
        if which == "enum":
            return f"{where}: {cell!r} is not one of {', '.join(field.enum or ())}"
        if which == "pattern":
            return f"{where}: {cell!r} is not {field.pattern_means or 'of the expected form'}"
        if which in ("minimum", "maximum"):
            limit = field.minimum if which == "minimum" else field.maximum
            side = "below the minimum" if which == "minimum" else "above the maximum"
            return f"{where}: {cell} is {side}, {limit:g}"
    return f"{where}: {note or kind}"


def typed(table: pd.DataFrame, schema: TableSchema) -> pd.DataFrame:
    """The table's integer, number and boolean fields converted (the others stay text).

    Example:
        >>> typed(pd.DataFrame({"n": ["1", ""]}), TableSchema((Field("n", "integer"),)))["n"].tolist()
        [1, <NA>]
    """
    out = table.copy()
    for field in schema.fields:
        column = out[field.name]
        if field.type == "integer":
            out[field.name] = pd.array([int(v) if v != "" else pd.NA for v in column],
                                       dtype="Int64")
            if not out[field.name].isna().any():
                out[field.name] = out[field.name].astype("int64")
        elif field.type == "number":
            out[field.name] = pd.to_numeric(column.replace("", None), errors="raise").astype(
                "float64")
        elif field.type == "boolean":
            out[field.name] = column.isin(_TRUE)
    return out
