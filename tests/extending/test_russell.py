"""A real text of the same years, read as an extender would: Russell's chapter on Lenin, Trotsky and Gorky.

The seed ``seeds/russell-bolshevism-lenin-trotsky-gorky.txt`` is a chapter cut
byte for byte from Project Gutenberg's file (``seeds/README.md``): Windows line
endings, hard-wrapped lines, ``_italics_``, ``--`` dashes and numbered
footnotes. Its register and lexicon are ``tests/data/russell/``. The tests load
it, find its people and themes through :class:`~analysis.results.Analyses`, and
read copies of it with other line endings, unwrapped lines and another encoding.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from analysis import SourceError, load_chapter
from analysis.datafiles import DataFiles
from analysis.people import mentions
from analysis.results import Analyses
from analysis.text import Chapter

ROOT = Path(__file__).resolve().parents[2]
RUSSELL = ROOT / "seeds" / "russell-bolshevism-lenin-trotsky-gorky.txt"
DATA = ROOT / "tests" / "data" / "russell"
#: SHA-256 of the cut as recorded in seeds/README.md.
CUT_SHA256 = "e3478bb711d5d1a57fc7a6cb37c58dd57936ceeb0e2b15f50f2e23767a8525ef"
MENTIONS = {"lenin": 3, "henderson": 1, "northcliffe": 1, "diocletian": 1, "trotsky": 1,
            "napoleon": 1, "gorky": 2}


@pytest.fixture(scope="module")
def russell_files() -> DataFiles:
    return DataFiles.from_dir(DATA)


@pytest.fixture(scope="module")
def russell(russell_files: DataFiles) -> Chapter:
    return russell_files.chapter(RUSSELL)


@pytest.fixture(scope="module")
def results(russell: Chapter, russell_files: DataFiles) -> Analyses:
    return Analyses(russell, russell_files)


def test_the_cut_is_byte_for_byte_as_recorded() -> None:
    data = RUSSELL.read_bytes()
    assert hashlib.sha256(data).hexdigest() == CUT_SHA256
    assert len(data) == 11706 and data.isascii()
    assert data.count(b"\r\n") == data.count(b"\n") == 190  # lines 699-888 of 17350-8.txt
    assert data.startswith(b"III\r\n\r\nLENIN, TROTSKY AND GORKY\r\n\r\n\r\nSoon after my arrival")
    assert data.endswith(b'lands to poor and even well-to-do peasants."\r\n')


def test_the_chapter_reads_as_its_layout_means(russell: Chapter) -> None:
    kinds = russell.paragraphs["kind"].tolist()
    assert kinds == ["title"] * 2 + ["narrative"] * 9 + ["editorial"] * 3
    assert russell.paragraphs["text"].iloc[11] == "FOOTNOTES:"
    assert russell.paragraphs["text"].iloc[12].startswith("[2] Electrification is desired")
    assert (len(russell.sentences), len(russell.words)) == (82, 1965)
    texts = russell.sentences["text"].tolist()
    assert texts[27].startswith("But he said--what is no doubt true--that things will right")
    assert texts[28].endswith("but will take ten years to complete.[2]")  # the marker stays
    assert texts[29].startswith("He spoke with enthusiasm")
    assert texts[37].endswith("but he did not say what the truth is.[3]")
    assert texts[80].startswith("In Theses presented to the Second Congress of the Communist "
                                "International (an instructive little book")
    assert "He is very friendly, and apparently simple, entirely without a trace of hauteur." \
        in texts
    assert not russell.tokens["token"].str.contains("_").any()


def test_every_unit_leads_back_to_the_file(russell: Chapter) -> None:
    seed = russell.seed_text
    for frame in (russell.paragraphs, russell.sentences):
        for row in frame.itertuples(index=False):
            stored = seed[row.start:row.end]
            assert " ".join(stored.replace("_", "").split()) == row.text
    for row in russell.tokens.itertuples(index=False):
        assert seed[row.start:row.end] == row.token


def test_the_register_finds_every_naming(results: Analyses, russell: Chapter) -> None:
    found = results.mentions
    assert found.groupby("person_id").size().to_dict() == MENTIONS
    for row in found.itertuples(index=False):
        assert russell.seed_text[row.start:row.end] == row.surface
    assert not found["in_note"].any()  # the footnotes name nobody
    assert results.register.set_index("person_id").loc["northcliffe", "source_paragraph"] == 8


def test_the_analyses_run_through_analyses(results: Analyses, russell: Chapter) -> None:
    scores = results.paragraph_scores
    assert results.lexicon.names == ["revolution", "peasantry", "trade", "faith"]
    narrative = scores[russell.paragraphs["kind"].to_numpy() == "narrative"].set_index(
        "paragraph_id")
    assert narrative["peasantry"].idxmax() == 6   # rich and poor peasants, free trade
    assert narrative["faith"].idxmax() == 9       # the Marxian gospel, the Christian martyrs
    assert narrative["trade"].idxmax() == 5       # peace, the blockade, capitalist countries
    assert len(results.sentence_scores) == len(russell.sentences)
    assert set(results.network.nodes) == set(MENTIONS)
    assert results.unregistered_names["candidate"].str.contains("Lenin|Trotsky|Gorky").sum() == 0


@pytest.mark.parametrize("variant", ["lf", "unwrapped", "bom_crlf"])
def test_copies_in_another_layout_read_the_same(tmp_path: Path, russell: Chapter,
                                                russell_files: DataFiles, variant: str) -> None:
    text = RUSSELL.read_bytes().decode("ascii")
    if variant == "lf":
        copy = text.replace("\r\n", "\n")
    elif variant == "unwrapped":  # one line per paragraph, as a word processor saves it
        copy = "\n\n".join(" ".join(block.split()) for block in text.split("\r\n\r\n")
                           if block.strip()) + "\n"
    else:
        copy = "\ufeff" + text
    path = tmp_path / "copy.txt"
    path.write_bytes(copy.encode("utf-8"))
    ch = russell_files.chapter(path)
    assert ch.sentences["text"].tolist() == russell.sentences["text"].tolist()
    assert ch.paragraphs["kind"].tolist() == russell.paragraphs["kind"].tolist()
    rules = russell_files.shared_rules()
    found = mentions(ch, russell_files.register(), rules)
    assert found["surface"].tolist() == mentions(russell, russell_files.register(), rules)[
        "surface"].tolist()
    for row in found.itertuples(index=False):
        assert ch.seed_text[row.start:row.end] == row.surface


def test_a_latin1_copy_is_refused_then_read_once_converted(tmp_path: Path,
                                                           russell: Chapter) -> None:
    # A copy with the French spelling of one name, saved as Latin-1 (as Gutenberg's -8 files are).
    text = RUSSELL.read_bytes().decode("ascii").replace("Napoleon", "Napoléon")
    latin1 = tmp_path / "russell-8.txt"
    latin1.write_bytes(text.encode("latin-1"))
    at = text.index("é")
    with pytest.raises(SourceError, match=rf"russell-8\.txt: not UTF-8 text \(undecodable byte "
                                          rf"0xe9 at byte offset {at}, 'é' in Latin-1\); convert "
                                          r"it to UTF-8 first: iconv -f latin1 -t utf-8 "):
        load_chapter(latin1)
    converted = tmp_path / "russell-utf8.txt"   # the conversion in Python, as the book gives it
    converted.write_text(latin1.read_bytes().decode("latin-1"), encoding="utf-8", newline="")
    ch = load_chapter(converted)
    # One byte of Latin-1 is one character: every offset is that of the file as received.
    assert ch.sentences[["start", "end"]].values.tolist() == \
        russell.sentences[["start", "end"]].values.tolist()
    assert ch.seed_text[at - 5:at + 3] == "Napoléon"
