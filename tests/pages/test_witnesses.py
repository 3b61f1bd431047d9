"""The page Serge among other witnesses: its numbers on the bundled corpus and on a corpus of two
small texts without readers, its figures and tables."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from analysis.corpus import load_corpus
from analysis.pages import witnesses

TEXTS = {"a": "A Title\n\nLenin spoke to Gorky. Lenin laughed.\n\nThe famine spread.\n",
         "b": "B Title\n\nGorky was ill. Lenin was far away and grim.\n"}


@pytest.fixture(scope="module")
def bundled() -> dict[str, object]:
    return witnesses.numbers(witnesses.current())


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> object:
    folder = tmp_path_factory.mktemp("small")
    lines = ['[corpus]\nname = "small"\ntitle = "Two small texts"\n']
    for text_id, text in TEXTS.items():
        (folder / f"{text_id}.txt").write_text(text, encoding="utf-8")
        sha = hashlib.sha256(text.encode()).hexdigest()
        lines.append(f'[[texts]]\ntext_id = "{text_id}"\nauthor = "{text_id.upper()}"\n'
                     f'title = "T"\nyear = 1920\ntext = "{text_id}.txt"\nsha256 = "{sha}"\n'
                     'source = "s"\ncut = "all"\nrights = "r"\n')
    (folder / "c.toml").write_text("\n".join(lines), encoding="utf-8")
    return load_corpus(folder / "c.toml")


def test_numbers_on_the_bundled_corpus(bundled: dict[str, object]) -> None:
    corpus = witnesses.current()
    assert all(k.startswith("witnesses_") for k in bundled)
    narration = corpus.results("goldman").chapter.paragraphs.query("kind == 'narrative'")["text"]
    assert bundled["witnesses_goldman_gorky_mentions"] == sum(
        len(re.findall(r"\bGorki\b", p)) for p in narration)
    assert bundled["witnesses_goldman_trotsky_mentions"] == 0
    assert bundled["witnesses_goldman_trotsky_per_1000"] is None
    assert bundled["witnesses_n_texts"] == 3 and bundled["witnesses_lenin_n_texts"] == 3
    assert bundled["witnesses_tone_validated_on"] == "Victor Serge, 1951"
    assert 0 < bundled["witnesses_tone_rho_low"] < bundled["witnesses_tone_rho"] \
        < bundled["witnesses_tone_rho_high"] < 1


def test_no_float_has_more_digits_than_the_prose(bundled: dict[str, object]) -> None:
    for key, value in bundled.items():
        if isinstance(value, float):
            assert value == round(value, 2), key


def test_a_corpus_without_readers(small: object) -> None:
    found = witnesses.numbers(small)
    assert found["witnesses_tone_rho"] is None and found["witnesses_n_shared_all"] == 2
    assert found["witnesses_a_lenin_mentions"] == 2 and found["witnesses_b_gorky_mentions"] == 1
    for make in (witnesses.naming_figure, witnesses.tone_figure, witnesses.themes_figure,
                 witnesses.network_figure):
        html = make(small)._repr_html_()
        assert "Serge" not in html
    table = witnesses.quotations(small, [("b", "gorky", "was ill")])
    assert table.loc[0, "quote"] == "Gorky was ill." and table.loc[0, "text_id"] == "b"


def test_a_quotation_not_in_its_text_is_one_line(small: object) -> None:
    from analysis.errors import DataFileError
    with pytest.raises(DataFileError, match=r"a: 'Trotsky' is not in the text"):
        witnesses.quotations(small, [("a", "lenin", "Trotsky")])


def test_quotations_lead_back_to_the_files(bundled: dict[str, object]) -> None:
    corpus = witnesses.current()
    table = witnesses.quotations(corpus, [("russell", "lenin", "He is dictatorial, calm"),
                                          ("goldman", "lenin", "A shrewd Asiatic")])
    for row in table.itertuples(index=False):
        raw = Path(corpus.text(row.text_id).text).read_bytes().decode("utf-8")
        assert " ".join(raw[row.start:row.end].split()) == row.quote


def test_each_text_has_its_reading_page_the_book_s_own_text_the_book_s(small: object) -> None:
    a = Path(small.text("a").text)
    assert witnesses.reading_pages(small, a) == {"a": "reading.html", "b": "reading-b.html"}
    assert witnesses.reading_pages(small, a.with_name("other.txt")) == {
        "a": "reading-a.html", "b": "reading-b.html"}
    assert witnesses.reading_pages(witnesses.current())["serge"] == "reading.html"


def test_each_quotation_links_to_its_sentence_on_its_text_s_reading_page(small: object) -> None:
    picks = [("a", "lenin", "Lenin laughed"), ("b", "gorky", "was ill")]
    table = witnesses.quotations_table(small, picks, own=small.text("a").text)
    frame = table.data
    sentences = {t: small.results(t).chapter.sentences.set_index("sentence_id") for t in "ab"}
    for row in frame.itertuples(index=False):  # the id is the sentence's that holds the offsets
        found = sentences[row.text_id].loc[row.sentence_id]
        assert (found["start"], found["end"]) == (row.start, row.end)
    html = table._repr_html_()
    assert (f'<a class="rv-link" href="reading.html#s{frame.loc[0, "sentence_id"]}">'
            "Lenin laughed.</a>") in html
    assert f'href="reading-b.html#s{frame.loc[1, "sentence_id"]}">Gorky was ill.</a>' in html
    assert repr(table) == repr(frame) and "<a" not in repr(table)


def test_a_quoted_sentence_s_markup_is_shown_as_text(tmp_path: Path) -> None:
    text = "T\n\nGorky said <b>no</b> & left.\n"
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    sha = hashlib.sha256(text.encode()).hexdigest()
    (tmp_path / "c.toml").write_text(
        f'[[texts]]\ntext_id = "t"\nauthor = "A"\ntitle = "T"\nyear = 1920\ntext = "t.txt"\n'
        f'sha256 = "{sha}"\nsource = "s"\ncut = "all"\nrights = "r"\n', encoding="utf-8")
    corpus = load_corpus(tmp_path / "c.toml")
    html = witnesses.quotations_table(corpus, [("t", "gorky", "said")])._repr_html_()
    assert "&lt;b&gt;no&lt;/b&gt; &amp; left" in html and "<b>" not in html
