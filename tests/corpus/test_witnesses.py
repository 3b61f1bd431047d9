"""The corpus file, the texts' provenance and the people linked across the texts."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import Corpus, bundled_corpus, load_corpus, shared_register
from analysis.errors import DataFileError

ROOT = Path(__file__).resolve().parents[2]
GOOD = """[corpus]
name = "c"
title = "A corpus"

[[texts]]
text_id = "one"
author = "A. Author"
title = "A chapter"
year = 1920
text = "one.txt"
sha256 = "{sha}"
source = "here"
cut = "all"
rights = "mine"
"""


def corpus_file(tmp_path: Path, body: str | None = None, text: bytes = b"Title\n\nLenin spoke.\n"
                ) -> Path:
    """A corpus file in ``tmp_path`` naming one text (``body`` replaces the good one)."""
    (tmp_path / "one.txt").write_bytes(text)
    sha = hashlib.sha256(text).hexdigest()
    path = tmp_path / "c.toml"
    path.write_text((GOOD if body is None else body).replace("{sha}", sha), encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path: Path) -> None:
    corpus = load_corpus(corpus_file(tmp_path))
    assert corpus.ids == ["one"] and corpus.text("one").data is None
    assert corpus.results("one").mentions["person_id"].tolist() == ["lenin"]


@pytest.mark.parametrize(("change", "says"), [
    (lambda s: s.replace('year = 1920', 'year = "1920"'), "texts[1] (one): key 'year' must be a whole number"),
    (lambda s: s.replace('author = "A. Author"\n', ''), "texts[1] (one): key 'author' is missing"),
    (lambda s: s + 'colour = "red"\n', "texts[1] (one): unknown key 'colour'"),
    (lambda s: s.replace('text_id = "one"', 'text_id = "One!"'), "key 'text_id': 'One!' is not an id"),
    (lambda s: s.replace('{sha}', '0' * 64), "key 'sha256': "),
    (lambda s: s.replace('{sha}', 'abc'), "key 'sha256': not 64 lower-case hexadecimal digits"),
    (lambda s: s.replace('"one.txt"', '"two.txt"'), "key 'text': "),
    (lambda s: s + 'data = "nowhere"\n', "nowhere: no such folder"),
    (lambda s: s + s[s.index("[[texts]]"):], "text_id 'one' is given twice"),
    (lambda s: s.replace("[[texts]]", "[[text]]"), "unknown table 'text'"),
    (lambda s: s[:s.index("[[texts]]")], "no [[texts]] table"),
    (lambda s: s.replace("year = 1920", "year = "), "not valid TOML"),
    (lambda s: s.replace('rights = "mine"', 'rights = "  "'), "key 'rights' must be a text that is not empty"),
])
def test_a_bad_file_is_one_line_naming_the_file_and_key(tmp_path: Path, change: object,
                                                        says: str) -> None:
    path = corpus_file(tmp_path, change(GOOD))
    with pytest.raises(DataFileError) as caught:
        load_corpus(path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path)) and says in message


def test_undecodable_and_missing_files(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(b"[corpus]\nname = \"\xff\"\n")
    with pytest.raises(DataFileError, match="not UTF-8"):
        load_corpus(path)
    with pytest.raises(DataFileError, match="no such file"):
        load_corpus(tmp_path / "none.toml")


def test_a_text_that_is_not_the_one_received_is_refused(tmp_path: Path) -> None:
    path = corpus_file(tmp_path)
    (tmp_path / "one.txt").write_bytes(b"Title\n\nTrotsky spoke.\n")
    with pytest.raises(DataFileError, match="not the one received"):
        load_corpus(path)


def test_every_seed_is_byte_for_byte_the_one_described(corpus: Corpus) -> None:
    readme = (ROOT / "seeds" / "README.md").read_text(encoding="utf-8")
    for witness in corpus.texts:
        digest = hashlib.sha256(witness.text.read_bytes()).hexdigest()
        assert digest == witness.sha256 and digest in readme
        assert witness.text.parent == ROOT / "seeds"
        assert f"{witness.text.name} -text" in (ROOT / "seeds" / ".gitattributes").read_text() \
            or witness.text_id == "serge"


def test_goldman_cut_is_the_line_range_the_readme_gives(corpus: Corpus) -> None:
    data = corpus.text("goldman").text.read_bytes()
    assert data.startswith(b"CHAPTER II\r\nPETROGRAD".replace(b"\r\nP", b"\r\n\r\nP"))
    assert data.endswith(b"Publishing Co., New York.\r\n") and len(data) == 87_565 - 33_533
    assert data.count(b"\r\n") == 1581 - 670 + 1 and max(data) < 128
    assert "87,565" in (ROOT / "seeds" / "README.md").read_text(encoding="utf-8")


def test_provenance_and_rights_are_given_for_every_text(corpus: Corpus) -> None:
    for witness in corpus.texts:
        assert witness.source and witness.cut and witness.rights
    assert corpus.text("goldman").gutenberg == 60315 and corpus.text("russell").gutenberg == 17350
    assert "public domain in the United States" in corpus.text("russell").rights
    assert "2040" in corpus.text("russell").rights


@pytest.mark.parametrize(("person", "qid", "texts"), [
    ("lenin", "Q1394", {"serge", "russell", "goldman"}),
    ("gorky", "Q12706", {"serge", "russell", "goldman"}),
    ("trotsky", "Q33391", {"serge", "russell"}),
])
def test_lenin_trotsky_and_gorky_are_one_person_across_the_texts(
        corpus: Corpus, person: str, qid: str, texts: set[str]) -> None:
    register = corpus.register().set_index("person_id")
    assert register.loc[person, "wikidata"] == qid
    assert set(register.loc[person, "texts"].split("; ")) == texts
    for text_id in texts:  # each text's own spelling finds the same person
        found = corpus.results(text_id).mentions
        assert (found["person_id"] == person).any()
    regs = corpus.registers
    assert set(regs.loc[regs["person_id"] == person, "wikidata"].dropna()) <= {qid, ""}


def test_goldman_spellings_are_her_own(corpus: Corpus) -> None:
    found = corpus.results("goldman").mentions
    surfaces = set(found.loc[found["person_id"] == "gorky", "surface"])
    assert surfaces <= {"Gorki", "Maxim Gorki"} and "Gorki" in surfaces
    text = corpus.results("goldman").chapter.text
    assert len(found[found["person_id"] == "gorky"]) == len(re.findall(r"\bGorki\b", text))


def test_a_person_given_two_items_is_refused_in_one_line() -> None:
    regs = pd.DataFrame({"text_id": ["a", "b"], "person_id": ["lenin", "lenin"],
                         "name": ["Lenin", "Lenin"], "wikidata": ["Q1394", "Q1"]})
    with pytest.raises(DataFileError, match=r"person_id 'lenin' is linked to two wikidatas"):
        shared_register(regs)
    regs = regs.assign(person_id=["lenin", "ulyanov"], wikidata=["Q1394", "Q1394"])
    with pytest.raises(DataFileError, match=r"wikidata 'Q1394' is linked to two person_ids"):
        shared_register(regs)


def test_the_bundled_file_is_the_one_the_corpus_names() -> None:
    assert bundled_corpus() == ROOT / "analysis" / "data" / "witnesses.toml"
