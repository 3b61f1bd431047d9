"""The corrections table: its content, its validation, and the offset map."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import Chapter, DataFileError, load_chapter
from analysis.text.corrections import KINDS
from analysis.text.offsets import apply_edits
from analysis.datafiles import DataFiles, data_path, seed_path

HEADER = "start,end,exact,replacement,kind,note\n"


def _apply(text: str, fixes: pd.DataFrame) -> tuple[str, object]:
    """The text with ``fixes`` (``start, end, replacement``) applied, and its offset map."""
    return apply_edits(text, fixes[["start", "end", "replacement"]].itertuples(index=False))


def test_every_kind_of_defect_named_in_the_brief_is_corrected(chapter: Chapter) -> None:
    kinds = set(chapter.corrections["kind"])
    assert {"split number", "split word", "lost footnote marker", "page break",
            "capitalisation", "punctuation"} <= kinds
    assert kinds <= set(KINDS)


@pytest.mark.parametrize("stored, established", [
    ("uprising of 19 18 in Moscow", "uprising of 1918 in Moscow"),
    ("previous year (192 1)", "previous year (1921)"),
    ("lenses of unusual thick ness", "lenses of unusual thickness"),
    ("Abramovich Lozovsky’ (or Dridzo)", "Abramovich Lozovsky (or Dridzo)"),
    ("The earth of Russia,\n\nwith its sad", "The earth of Russia, with its sad"),
    ("In this respect, MY worst", "In this respect, my worst"),
    ("mingled admiration. and horror", "mingled admiration and horror"),
    ("the focus Of events", "the focus of events"),
])
def test_known_defects_are_mended(chapter: Chapter, stored: str, established: str) -> None:
    start = chapter.seed_text.index(stored)
    assert chapter.established(start, start + len(stored)) == established
    assert established in chapter.text and stored not in chapter.text


def test_page_break_joins_the_two_halves_of_one_paragraph(chapter: Chapter) -> None:
    para = chapter.paragraphs[chapter.paragraphs["text"].str.contains("The earth of Russia")]
    assert len(para) == 1
    assert "with its sad and calm expanses" in para["text"].iloc[0]


def test_seed_file_itself_is_untouched(chapter: Chapter) -> None:
    assert "19 18" in chapter.seed_text and "19 18" not in chapter.text


def _write(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "fixes.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


@pytest.mark.parametrize("rows, message", [
    ("0,3,Mem,,typo,\n", r"fixes\.csv: row 2, column kind: 'typo' is not one of split number, "),
    ("a,3,Mem,,split word,\n", r"fixes\.csv: row 2, column start: 'a' is not a whole number"),
    ("0,a,Mem,,split word,\n", r"fixes\.csv: row 2, column end: 'a' is not a whole number"),
    ("-1,3,Mem,,split word,\n", r"fixes\.csv: row 2, column start: -1 is below the minimum, 0"),
    (",3,Mem,,split word,\n", r"fixes\.csv: row 2, column start: empty"),
    ("0,3,Mem,,split word,\n1,4,emo,,split word,\n",
     r"fixes\.csv: the corrections of rows 2 and 3 overlap \(at 0 and 1\)"),
])
def test_bad_corrections_name_file_row_and_column(tmp_path: Path, rows: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        load_chapter(seed_path(), DataFiles(corrections=_write(tmp_path, rows)))


@pytest.mark.parametrize("header, rows", [
    (HEADER, "0,3,Xyz,,split word,\n"),
    # a lone apostrophe whose context is nowhere: never anchored by chance
    ("start,end,prefix,exact,suffix,replacement,kind,note\n",
     "2400,2401,a context the text never has,’,nor this one either,,punctuation,\n"),
])
def test_a_quote_not_in_the_text_is_reported_not_applied(tmp_path: Path, header: str,
                                                         rows: str) -> None:
    path = tmp_path / "fixes.csv"
    path.write_text(header + rows, encoding="utf-8")
    ch = load_chapter(seed_path(), DataFiles(corrections=path))
    assert ch.corrections.empty and ch.text.startswith("Memoirs")
    assert ch.anchoring.anchored == 0 and ch.anchoring.missing[0][0] == 2
    assert str(ch.anchoring).startswith("corrections: 0 of 1 anchored (0 moved); not found: row 2")


def test_a_quote_found_away_from_its_hint_is_moved(tmp_path: Path) -> None:
    ch = load_chapter(seed_path(), DataFiles(corrections=_write(tmp_path, "3000,3005,19 18,1918,"
                                                                        "split number,\n")))
    start = ch.seed_text.index("19 18")
    assert ch.corrections[["start", "end"]].values.tolist() == [[start, start + 5]]
    assert ch.anchoring.moved == (2,) and "uprising of 1918" in ch.text


def test_the_earlier_format_still_reads(tmp_path: Path) -> None:
    i = seed_path().read_text(encoding="utf-8").index("19 18")
    path = tmp_path / "old.csv"
    path.write_text(f"start,end,found,replacement,kind,note\n{i + 2},{i + 3}, ,,split number,\n",
                    encoding="utf-8")
    assert load_chapter(seed_path(), DataFiles(corrections=path)).corrections["found"].tolist() == [" "]


def test_missing_column_is_named(tmp_path: Path) -> None:
    path = tmp_path / "fixes.csv"
    path.write_text("start,end,other\n0,3,Mem\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="missing column.*exact, replacement, kind, note"):
        load_chapter(seed_path(), DataFiles(corrections=path))


def test_corrections_apply_only_to_their_own_seed(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Heading\n\nA chapter of 19 18 words, thick ness and all.\n", encoding="utf-8")
    ch = load_chapter(other)
    assert ch.corrections.empty and ch.text == ch.seed_text


def test_default_table_loads_from_the_package() -> None:
    table = pd.read_csv(data_path("corrections.csv"), dtype=str, keep_default_na=False)
    assert len(table) == len(load_chapter().corrections)


def test_offset_map_of_a_replacement_covers_the_whole_found_span() -> None:
    fixes = pd.DataFrame({"start": [6], "end": [8], "found": [" ?"], "replacement": ["?"],
                          "kind": ["punctuation"], "note": [""]})
    text, omap = _apply("armies ? And", fixes)
    assert text == "armies? And"
    assert omap.to_seed(0, 7) == (0, 8)      # 'armies?' came from 'armies ?'
    assert omap.to_seed(8, 11) == (9, 12)    # 'And'
