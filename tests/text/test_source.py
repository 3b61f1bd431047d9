"""The seed file and bad input: every problem gets a clear error naming the file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from analysis import SourceError, load_chapter
from analysis.datafiles import SEED_SHA256, seed_path
from analysis.text.source import read_source

SEED = seed_path()


def test_seed_is_byte_for_byte_as_received() -> None:
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == (
        "06c30a5064c363e4782c039aadc6506531545e5a66b783bd3c977c2a3605d53d")
    assert read_source(SEED).sha256 == SEED_SHA256


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"nope\.txt: no such file"):
        load_chapter(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="is a folder, not a file"):
        load_chapter(tmp_path)


def test_undecodable_bytes_name_the_byte_and_offset(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Serge wrote in Mexico, café.\n".encode("latin-1"))
    with pytest.raises(SourceError, match=r"latin1\.txt: not UTF-8 text .*0xe9 at byte offset 26"):
        load_chapter(bad)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t \r\n", "\ufeff\n".encode()])
def test_empty_or_blank_file(tmp_path: Path, content: bytes) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    with pytest.raises(SourceError, match=r"empty\.txt: the file is empty or holds only white space"):
        load_chapter(empty)


def test_non_chapter_text_is_refused(tmp_path: Path) -> None:
    headings = tmp_path / "headings.txt"
    headings.write_text("Contents\n\nChapter 1\n\nChapter 2\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"headings\.txt: not a chapter: no paragraph of running"):
        load_chapter(headings)


def test_bom_and_windows_line_endings_keep_offsets_true(tmp_path: Path) -> None:
    body = ("A Heading\r\n\r\nLenin spoke in French. Trotsky replied.\r\n\r\n"
            "[An editor's note.]\r\n")
    path = tmp_path / "windows.txt"
    path.write_bytes(("\ufeff" + body).encode("utf-8"))
    ch = load_chapter(path)
    assert ch.seed_text.startswith("\ufeff")
    assert ch.paragraphs["kind"].tolist() == ["title", "narrative", "editorial"]
    assert ch.sentences["text"].tolist() == ["A Heading", "Lenin spoke in French.",
                                             "Trotsky replied.", "[An editor's note.]"]
    for row in ch.sentences.itertuples():
        assert ch.seed_text[row.start:row.end] == row.text
    assert ch.paragraphs.loc[0, "start"] == 1  # after the BOM
