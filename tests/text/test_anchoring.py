"""Anchoring: quotes found in any copy of the chapter, and the invariant seed[start:end] == exact."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import Chapter, DataFileError, load_chapter, people
from analysis.text.anchoring import AnchorReport, anchor_records, locate, quote, unit_quote
from analysis.text.layout import read_layout, read_quote
from analysis.datafiles import seed_path

SEED = seed_path().read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_chapter() -> Chapter:
    return load_chapter()


@settings(max_examples=60)
@given(start=st.integers(0, len(SEED) - 1), length=st.integers(0, 200),
       shift=st.sampled_from(["", "A line of provenance.\n\n", "x" * 300]))
def test_a_quote_anchors_where_it_was_taken_in_any_shifted_copy(start: int, length: int,
                                                                shift: str) -> None:
    end = min(start + length, len(SEED))
    rec = quote(SEED, start, end)
    assert SEED[rec["start"]:rec["end"]] == rec["exact"]
    copy = shift + SEED
    pos = locate(copy, rec["exact"], rec["prefix"], rec["suffix"], start)
    # the quote and its context are found; where the text repeats itself, at an occurrence
    # of the same words, and at the very place when the copy is the file itself
    assert pos is not None and copy[pos:pos + end - start] == rec["exact"]
    if not shift:
        assert pos == start


@settings(max_examples=40)
@given(start=st.integers(0, len(SEED) - 1), length=st.integers(1, 120))
def test_records_anchor_in_a_windows_copy_and_map_back_into_it(start: int, length: int) -> None:
    end = min(start + length, len(SEED))
    copy = "\ufeff" + SEED.replace("\n", "\r\n")
    plain, omap = read_layout(copy)
    found, report = anchor_records(pd.DataFrame([quote(SEED, start, end)]), plain, omap, "r")
    lo, hi = int(found["start"].iloc[0]), int(found["end"].iloc[0])
    assert read_quote("", copy[lo:hi], "")[1] == read_quote("", SEED[start:end], "")[1]
    assert report.anchored == 1


def test_a_lone_space_is_found_by_its_context_not_by_chance() -> None:
    i = SEED.index("19 18") + 2
    rec = quote(SEED, i, i + 1)
    assert locate(SEED, " ", rec["prefix"], rec["suffix"], 10) == i
    assert locate("Lenin spoke in Moscow.", " ", rec["prefix"], rec["suffix"], 5) is None


def test_unit_quote_is_the_whole_unit_or_its_opening(seed_chapter: Chapter) -> None:
    para = seed_chapter.paragraphs.set_index("paragraph_id").loc[4]
    lo, hi = unit_quote(SEED, int(para.start), int(para.end))
    assert lo == para.start and hi - lo <= 80 and SEED[hi] == " "
    sent = seed_chapter.sentences.iloc[6]
    assert unit_quote(SEED, int(sent.start), int(sent.end)) == (sent.start, sent.end)


def test_the_report_counts_and_names() -> None:
    report = AnchorReport("x.csv", 3, moved=(3,), missing=((4, "MY", 40528),))
    assert report.anchored == 2
    assert str(report) == "x.csv: 2 of 3 anchored (1 moved); not found: row 4 'MY' (at 40528)"


def test_a_record_not_found_is_an_error_naming_file_row_and_quote() -> None:
    plain, omap = read_layout(SEED)
    records = pd.DataFrame([quote(SEED, 90, 100), {"start": 5, "end": 9, "prefix": "",
                                                   "exact": "Zinoviev of Mars", "suffix": ""}])
    with pytest.raises(DataFileError, match=r"^mine\.csv: row 3, column exact: the quote "
                                            r"'Zinoviev of Mars' is not in the text"):
        anchor_records(records, plain, omap, "mine.csv")


# --- one chapter, any copy --------------------------------------------------------------------

def _wrapped(text: str) -> str:
    """The text hard-wrapped at 72 columns, each line of the file wrapped on its own."""
    return "\n".join(textwrap.fill(line, 72, break_on_hyphens=False, break_long_words=False)
                     if line else "" for line in text.split("\n"))


PRODUCERS = SEED.index("Producers")      # the quote of a capitalisation correction
ELSEWHERE = SEED.index("extravagantly")  # in no correction's quote nor context
COPIES = {
    "bom_crlf": lambda s: "\ufeff" + s.replace("\n", "\r\n"),
    "wrapped": _wrapped,
    "one_word": lambda s: (s[:ELSEWHERE] + "lavishly" + s[ELSEWHERE + 13:PRODUCERS] + "Growers"
                           + s[PRODUCERS + 9:]),
    "provenance": lambda s: ("Source: Victor Serge, Memoirs of a Revolutionary, tr. Peter "
                             "Sedgwick (1963), ch. 4; typed from the print in 2024.\n" + s),
}


@pytest.fixture(scope="module", params=list(COPIES))
def copy(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
         ) -> tuple[str, Chapter]:
    path = tmp_path_factory.mktemp("copy") / f"{request.param}.txt"
    path.write_bytes(COPIES[request.param](SEED).encode("utf-8"))
    return request.param, load_chapter(path)


def test_a_copy_gets_the_seeds_corrections(copy: tuple[str, Chapter], seed_chapter: Chapter
                                           ) -> None:
    name, ch = copy
    assert ch.bundled
    if name == "one_word":
        assert ch.anchoring.anchored == 29
        assert [(row, exact) for row, exact, _ in ch.anchoring.missing] == [(15, "Producers")]
    else:
        assert ch.anchoring.anchored == 30 and not ch.anchoring.missing
    kept = seed_chapter.corrections[(seed_chapter.corrections["found"] != "Producers")
                                    | (name != "one_word")]
    assert ch.corrections[["replacement", "kind", "note"]].values.tolist() == \
        kept[["replacement", "kind", "note"]].values.tolist()
    for row in ch.corrections.itertuples(index=False):
        assert ch.seed_text[row.start:row.end] == row.found


def test_a_copy_has_the_same_paragraphs_and_sentences(copy: tuple[str, Chapter],
                                                      seed_chapter: Chapter) -> None:
    name, ch = copy
    assert len(ch.paragraphs) == 63 and len(ch.sentences) == 339
    assert ch.paragraphs["kind"].tolist() == seed_chapter.paragraphs["kind"].tolist()
    mine, theirs = ch.sentences["text"].tolist(), seed_chapter.sentences["text"].tolist()
    changed = [i for i, (a, b) in enumerate(zip(mine, theirs)) if a != b]
    if name == "one_word":  # the two sentences with the changed words, and only they
        assert [mine[i] for i in changed] == [
            theirs[i].replace("producers", "Growers").replace("extravagantly", "lavishly")
            for i in changed] and len(changed) == 2
    else:
        assert changed == []
    for frame in (ch.paragraphs, ch.sentences):
        for start, end, text in frame[["start", "end", "text"]].itertuples(index=False):
            assert " ".join(ch.established(start, end).split()) == " ".join(text.split())


def test_a_copy_has_the_same_mentions(copy: tuple[str, Chapter], seed_chapter: Chapter,
                                      register: pd.DataFrame, shared_names: pd.DataFrame) -> None:
    _, ch = copy
    found = people.mentions(ch, register, shared_names)
    assert len(found) == 161
    assert found["person_id"].tolist() == people.mentions(seed_chapter, register, shared_names)[
        "person_id"].tolist()


def test_the_line_of_provenance_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "provenance.txt"
    path.write_text(COPIES["provenance"](SEED), encoding="utf-8")
    ch = load_chapter(path)
    line = COPIES["provenance"]("").rstrip("\n")
    assert ch.excluded.values.tolist() == [["before the chapter's opening", 0, len(line) + 1]]
    assert ch.paragraphs.loc[0, "start"] == len(line) + 1
    assert ch.anchoring.moved == tuple(range(2, 32))  # every offset shifted


def test_another_text_gets_no_bundled_correction(tmp_path: Path) -> None:
    path = tmp_path / "other.txt"
    path.write_text("Heading\n\nThe uprising of 19 18 in Moscow, thick ness and all.\n",
                    encoding="utf-8")
    ch = load_chapter(path)
    assert not ch.bundled and ch.anchoring is None and ch.corrections.empty


# --- hard-wrapped text and Project Gutenberg files ---------------------------------------------

def test_a_name_broken_across_a_line_is_a_mention(tmp_path: Path, register: pd.DataFrame,
                                                   shared_names: pd.DataFrame) -> None:
    path = tmp_path / "wrapped.txt"
    path.write_text("A Heading\n\nI had some personal knowledge of Bela\nKun, whom I found a "
                    "wholly\r\nunattractive person. Lenin\n  spoke.\n", encoding="utf-8")
    ch = load_chapter(path)
    assert ch.sentences["text"].tolist() == [
        "A Heading", "I had some personal knowledge of Bela Kun, whom I found a wholly "
        "unattractive person.", "Lenin spoke."]
    found = people.mentions(ch, register, shared_names)
    assert found[["person_id", "surface"]].values.tolist() == [["bela_kun", "Bela Kun"],
                                                              ["lenin", "Lenin"]]
    row = found.iloc[0]
    assert ch.seed_text[row.start:row.end] == "Bela\nKun"


GUTENBERG = ("The Project Gutenberg eBook of Memoirs\n\nThis eBook is for the use of anyone "
             "anywhere.\n\n*** START OF THE PROJECT GUTENBERG EBOOK MEMOIRS ***\n\nMemoirs\n\n"
             "Lenin spoke in the throne-room. Trotsky\nreplied.\n\n"
             "*** END OF THE PROJECT GUTENBERG EBOOK MEMOIRS ***\n\nSection 1. General Terms "
             "of Use and Redistributing Project Gutenberg electronic works. Lenin.\n")


def test_a_gutenberg_licence_is_left_out(tmp_path: Path, register: pd.DataFrame,
                                         shared_names: pd.DataFrame) -> None:
    path = tmp_path / "pg.txt"
    path.write_text(GUTENBERG, encoding="utf-8")
    ch = load_chapter(path)
    assert ch.paragraphs["text"].tolist() == ["Memoirs", "Lenin spoke in the throne-room. "
                                                         "Trotsky replied."]
    header_end = GUTENBERG.index("***\n\nMemoirs") + 3
    assert ch.excluded.values.tolist() == [
        ["Project Gutenberg header", 0, header_end],
        ["Project Gutenberg footer", GUTENBERG.index("*** END"), len(GUTENBERG)]]
    assert people.mentions(ch, register, shared_names)["person_id"].tolist() == ["lenin", "trotsky"]
