"""Tests of analysis.schema: one validator, one message per constraint, in one format.

Every message is ``file: row N, column C: what is wrong`` (rows numbered as in a
spreadsheet, the header being row 1), on one line.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis import DataFileError
from analysis.schema import Field, TableSchema, check_table, read_csv_table, read_table

#: A schema with every kind of field and constraint the data files use.
SCHEMA = TableSchema((
    Field("id", required=True, unique=True, pattern=r"[a-z]+",
          pattern_means="lower-case letters"),
    Field("n", "integer", minimum=1, maximum=5),
    Field("x", "number", minimum=-4, maximum=4),
    Field("ok", "boolean"),
    Field("kind", enum=("a", "b")),
    Field("note", optional=True),
))
HEADER = "id,n,x,ok,kind\n"
GOOD = "ab,3,1.5,true,a\n"

#: A schema whose primary key is two columns.
PAIRS = TableSchema((Field("a", required=True), Field("b", required=True), Field("c")),
                    primary_key=("a", "b"))


def write(tmp_path: Path, text: str, name: str = "table.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error(path: Path, schema: TableSchema = SCHEMA) -> str:
    """The message of the DataFileError reading ``path`` raises; it is one line naming the file."""
    with pytest.raises(DataFileError) as err:
        read_table(path, schema)
    message = str(err.value)
    assert "\n" not in message and message.startswith(f"{path}: "), message
    return message[len(f"{path}: "):]


def test_a_good_file_comes_back_typed(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, HEADER + GOOD + "cd,,,false,\n"), SCHEMA)
    assert table.columns.tolist() == ["id", "n", "x", "ok", "kind", "note"]
    assert table["n"].tolist()[0] == 3 and pd.isna(table["n"].tolist()[1])  # Int64 with <NA>
    assert table["x"].tolist()[0] == 1.5 and math.isnan(table["x"].tolist()[1])
    assert table["ok"].tolist() == [True, False]
    assert table["kind"].tolist() == ["a", ""]


def test_cells_are_stripped_and_other_columns_kept_as_text(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "id,n,x,ok,kind,extra\n  ab , 3 ,1,true, a ,more\n"),
                       SCHEMA)
    assert table.loc[0, ["id", "n", "kind", "extra"]].tolist() == ["ab", 3, "a", "more"]


@pytest.mark.parametrize(("row", "message"), [
    # type
    ("ab,2.5,1,true,a", "row 2, column n: '2.5' is not a whole number"),
    ("ab,2,x,true,a", "row 2, column x: 'x' is not a number"),
    ("ab,2,1,maybe,a", "row 2, column ok: 'maybe' is not true or false"),
    # required
    (",2,1,true,a", "row 2, column id: empty"),
    # enum
    ("ab,2,1,true,c", "row 2, column kind: 'c' is not one of a, b"),
    # pattern, said in words
    ("Ab,2,1,true,a", "row 2, column id: 'Ab' is not lower-case letters"),
    # minimum and maximum, on integers and numbers
    ("ab,0,1,true,a", "row 2, column n: 0 is below the minimum, 1"),
    ("ab,6,1,true,a", "row 2, column n: 6 is above the maximum, 5"),
    ("ab,2,-4.5,true,a", "row 2, column x: -4.5 is below the minimum, -4"),
    ("ab,2,9,true,a", "row 2, column x: 9 is above the maximum, 4"),
])
def test_each_constraint_gives_its_message(tmp_path: Path, row: str, message: str) -> None:
    assert error(write(tmp_path, HEADER + row + "\n")) == message


def test_unique_names_the_earlier_row(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + GOOD + "cd,1,1,true,b\nab,2,1,false,b\n")
    assert error(path) == "row 4, column id: 'ab' is already given in row 2"


def test_primary_key_names_its_columns_and_the_earlier_row(tmp_path: Path) -> None:
    path = write(tmp_path, "a,b,c\n1,2,x\n1,3,y\n1,2,z\n")
    assert error(path, PAIRS) == "row 4, columns a, b: '1', '2' is already given in row 2"
    assert read_table(write(tmp_path, "a,b,c\n1,2,x\n1,3,x\n2,2,x\n"), PAIRS)["a"].tolist() == \
        ["1", "1", "2"]


def test_primary_key_columns_are_required(tmp_path: Path) -> None:
    assert error(write(tmp_path, "a,b,c\n1,2,x\n,3,y\n"), PAIRS) == "row 3, column a: empty"


def test_the_first_problem_is_reported(tmp_path: Path) -> None:
    # row 2 breaks two columns, row 3 one: the first row, then the first column, wins
    path = write(tmp_path, HEADER + "Ab,9,1,true,a\nab,0,1,true,a\n")
    assert error(path) == "row 2, column id: 'Ab' is not lower-case letters"


def test_an_empty_row_is_named(tmp_path: Path) -> None:
    assert error(write(tmp_path, HEADER + GOOD + ",,,,\n" + "cd,1,1,true,b\n")) == \
        "row 3: the row is empty"


def test_an_optional_column_may_be_absent(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, HEADER + GOOD), SCHEMA)
    assert table["note"].tolist() == [""]
    given = read_table(write(tmp_path, "id,n,x,ok,kind,note\nab,3,1,true,a,hello\n"), SCHEMA)
    assert given["note"].tolist() == ["hello"]


def test_a_missing_required_column_is_named_in_the_header(tmp_path: Path) -> None:
    assert error(write(tmp_path, "id,n,note\nab,3,x\n")) == \
        "row 1 (header): missing column(s) x, ok, kind"


def test_a_zero_byte_file(tmp_path: Path) -> None:
    assert error(write(tmp_path, "")) == \
        "the file is empty (a CSV file needs at least its header row)"


def test_a_header_only_file_is_an_empty_table_of_the_schema(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, HEADER), SCHEMA)
    assert table.empty
    assert table.columns.tolist() == ["id", "n", "x", "ok", "kind", "note"]
    assert str(table["n"].dtype) == "int64" and str(table["x"].dtype) == "float64"


def test_a_row_with_more_cells_than_the_header(tmp_path: Path) -> None:
    # pandas would make the first column an index and shift every cell one column left
    assert error(write(tmp_path, HEADER + "ab,3,1.5,true,a,extra\n")) == \
        "row 2: more cells than the header (row 1) has columns"
    later = error(write(tmp_path, HEADER + GOOD + "cd,3,1.5,true,a,extra\n"))
    assert later.startswith("not a readable UTF-8 CSV file") and "line 3" in later


def test_not_a_file(tmp_path: Path) -> None:
    assert error(tmp_path / "absent.csv") == "no such file"
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    assert error(folder) == "is a folder, not a file"


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "café,3,1,true,a\n").encode("latin-1"))
    assert error(path).startswith("not a readable UTF-8 CSV file")


def test_read_csv_table_keeps_strings_and_empty_cells(tmp_path: Path) -> None:
    table = read_csv_table(write(tmp_path, "a,b\n 1 ,\n"), ["a"])
    assert table.to_dict("list") == {"a": [" 1 "], "b": [""]}
    assert read_csv_table(write(tmp_path, "a,b\n 1 ,\n"), ["a"], strip=True).loc[0, "a"] == "1"


def test_check_table_names_a_table_built_in_code() -> None:
    with pytest.raises(DataFileError, match=re.escape("my table: row 3, column n: 'x' is not "
                                                      "a whole number")):
        check_table(pd.DataFrame({"n": ["1", "x"]}), TableSchema((Field("n", "integer"),)),
                    "my table")
    check_table(pd.DataFrame({"n": ["1", "2"]}), TableSchema((Field("n", "integer"),)), "ok")


def test_the_descriptor_is_a_frictionless_table_schema() -> None:
    descriptor = PAIRS.descriptor()
    assert descriptor["primaryKey"] == ["a", "b"]
    assert descriptor["fields"][0] == {"name": "a", "type": "string",
                                       "constraints": {"required": True}}
    fields = {f["name"]: f for f in SCHEMA.descriptor()["fields"]}
    assert fields["id"]["constraints"] == {"required": True, "unique": True,
                                           "pattern": "[a-z]+"}
    assert fields["x"]["constraints"] == {"minimum": -4, "maximum": 4}
    assert fields["kind"]["constraints"] == {"enum": ["a", "b"]}
    assert "constraints" not in fields["note"]
    assert SCHEMA.names == ["id", "n", "x", "ok", "kind", "note"]
    assert SCHEMA.field("n").type == "integer"
