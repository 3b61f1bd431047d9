"""The chronology file, the bundled readers' files, and bad input: one clear line each."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from analysis.datafiles import data_path
from analysis.errors import DataFileError
from analysis.text import Chapter, episode_positions
from analysis.timeline import hindsight, narrated_years, time_expressions
from analysis.datafiles import SPAN_SETS, DataFiles
from analysis.timeline.annotations import load_time
from analysis.timeline.chronology import (CHRONOLOGY, jumps, jumps_by_episode, load_chronology,
                                          narration_table)
from analysis.timeline.dates import interval
from analysis.timeline.measure import (hindsight_agreement_table, load_annotation_files,
                                       references, time_agreement)

CHRONOLOGY_FILE = data_path("chronology.csv")


@pytest.fixture(scope="module")
def chronology(chapter: Chapter) -> pd.DataFrame:
    return load_chronology(chapter, CHRONOLOGY_FILE)


def test_the_chronology_anchors_and_is_sourced(chronology: pd.DataFrame) -> None:
    assert 30 <= len(chronology) <= 60
    assert chronology["source"].str.startswith("https://").all()
    assert not chronology["source"].str.contains("owiki|wikizero|wikimili|academic").any()
    for row in chronology.itertuples():
        span = interval(row.date)
        assert span is not None
        if row.date_end:
            assert interval(row.date_end)[1] > span[0]


@pytest.mark.parametrize(("event", "date", "in_note"), [
    ("March Action", "1921-03-17", "the previous year"),
    ("Fernando de los Ríos", "1920-10", "autumn of 1920"),
    ("Alexander Blok dies", "1921-08-07", "forty"),
])
def test_dating_errors_stand_beside_the_record(chronology: pd.DataFrame, event: str, date: str,
                                               in_note: str) -> None:
    row = chronology[chronology["event"].str.contains(event)].iloc[0]
    assert row["date"] == date and in_note in row["note"]


def test_narration_order(chapter: Chapter, chronology: pd.DataFrame, episodes: pd.DataFrame
                         ) -> None:
    found = time_expressions(chapter)
    table = jumps(narration_table(chapter, found, narrated_years(chapter, found), chronology))
    kun = table[table["label"] == "Hungarian Soviet Republic"].iloc[0]
    assert kun["order"] == "analepsis"
    berkman = table[table["label"].str.startswith("Alexander Berkman's suicide")].iloc[0]
    assert berkman["order"] == "prolepsis"
    counts = jumps_by_episode(table, episode_positions(chapter, episodes))
    assert counts.set_index("episode").loc["Bela Kun", "analepsis"] > 0
    assert counts[["analepsis", "in order", "prolepsis"]].to_numpy().sum() == len(table)


def write(path: Path, rows: list[dict[str, object]], names: list[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=names, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return path


def first_row(chronology_file: Path = CHRONOLOGY_FILE) -> dict[str, str]:
    with chronology_file.open(encoding="utf-8", newline="") as f:
        return next(csv.DictReader(f))


@pytest.mark.parametrize(("change", "message"), [
    ({"date": "June 1921"}, "column date: 'June 1921' is not an ISO 8601 date"),
    ({"date_end": "1920-01"}, "column date_end: 1920-01 is not after the date"),
    ({"source": "en.wikipedia.org/wiki/X"}, "column source: 'en.wikipedia.org/wiki/X' is not "
                                            "one or more https addresses"),
    ({"exact": "words that are nowhere in the chapter", "prefix": "", "suffix": ""},
     "is not in the text"),
    ({"event": ""}, "row 2, column event: empty"),
])
def test_a_bad_chronology_row_is_one_line(chapter: Chapter, tmp_path: Path,
                                          change: dict[str, str], message: str) -> None:
    path = write(tmp_path / "chronology.csv", [{**first_row(), **change}], CHRONOLOGY.names)
    with pytest.raises(DataFileError, match=message) as caught:
        load_chronology(chapter, path)
    assert "\n" not in str(caught.value) and str(path) in str(caught.value)


def test_missing_and_undecodable_files(chapter: Chapter, tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no such file"):
        load_chronology(chapter, tmp_path / "none.csv")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"start,end\n\xff\xfe,1\n")
    with pytest.raises(DataFileError, match="UTF-8"):
        load_time(chapter, bad)


def test_a_reader_file_with_a_bad_type(chapter: Chapter, tmp_path: Path) -> None:
    row = {"start": 3789, "end": 3794, "prefix": "ocial-Revolutionary uprising of ",
           "exact": "19 18", "suffix": " in Moscow, he had won some dist", "type": "YEAR",
           "value": "1918", "reason": "x"}
    path = write(tmp_path / "time.csv", [row], list(row))
    with pytest.raises(DataFileError, match="column type: 'YEAR' is not one of DATE"):
        load_time(chapter, path)
    ok = write(tmp_path / "ok.csv", [{**row, "type": "DATE"}], list(row))
    assert load_time(chapter, ok)["text"].tolist() == ["19 18"]


def test_measured_against_the_bundled_readers(chapter: Chapter) -> None:
    files = load_annotation_files(chapter, DataFiles().time_annotation_paths(chapter))
    assert all(files[k] is not None for k in SPAN_SETS)
    time_ref, hind_ref = references(files)
    assert len(time_ref) > 100 and len(hind_ref) > 30
    found = time_expressions(chapter)
    table = time_agreement(chapter, found, files, n_boot=50)
    assert table.loc["reader A vs reader B", "relaxed_f1"] > 0.9
    assert 0.8 < table.loc["method vs reference", "relaxed_f1"] <= 1
    marks = hindsight(chapter, found)
    h = hindsight_agreement_table(chapter, marks, files, n_boot=50)
    assert h.loc["method vs reference", "kappa"] > 0.6
    assert "note" not in h.attrs


def test_without_the_adjudication_the_reference_is_left_out(chapter: Chapter, tmp_path: Path
                                                             ) -> None:
    paths = {key: tmp_path / SPAN_SETS[key] for key in ("time_a", "time_b")}
    for key, path in paths.items():
        path.write_bytes((data_path("annotations") / SPAN_SETS[key]).read_bytes())
    files = load_annotation_files(chapter, paths)
    table = time_agreement(chapter, time_expressions(chapter), files, n_boot=20)
    assert "method vs reference" not in table.index
    assert "adjudication file is missing" in table.attrs["note"]
