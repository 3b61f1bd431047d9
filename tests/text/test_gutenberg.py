"""Project Gutenberg's plain-text conventions, and a file that is not UTF-8.

Italics written ``_so_``, footnotes numbered ``[1]``, cross-references ``(See
App. I, Sect. 1)`` and the double hyphen ``--`` for a dash are read as what they
mean, every offset still pointing into the file as stored; a Latin-1 file is
refused with the way to convert it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import SourceError, load_chapter
from analysis.text.layout import italic_spans, layout_edits, read_quote
from analysis.text.source import conversion_advice, read_source

GUTENBERG = (
    "III\r\n\r\nTHE VISIT\r\n\r\n\r\n"
    "He was entirely without a trace of _hauteur_. We saw the Faubourg\r\n"
    "_St. Antoine._ He said--what is no doubt true--that it would take ten\r\n"
    "years to complete.[2] He spoke (See App. I, Sect. 1) of peat, and of\r\n"
    "nothing else, as the truth is.[3]\r\n\r\n"
    "FOOTNOTES:\r\n\r\n"
    "[2] Electrification is desired, as _Theses_ (p. 36) says.\r\n\r\n"
    "[3] In _Theses_ (p. 34) it is said.\r\n"
)


@pytest.fixture(scope="module")
def gutenberg(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("gutenberg") / "chapter.txt"
    path.write_bytes(GUTENBERG.encode("ascii"))
    return load_chapter(path)


def test_footnotes_and_their_heading_are_notes(gutenberg) -> None:
    assert gutenberg.paragraphs["kind"].tolist() == ["title", "title", "narrative", "editorial",
                                                     "editorial", "editorial"]
    assert gutenberg.paragraphs["text"].tolist()[3:] == [
        "FOOTNOTES:", "[2] Electrification is desired, as Theses (p. 36) says.",
        "[3] In Theses (p. 34) it is said."]


def test_sentences_keep_markers_references_and_italic_abbreviations(gutenberg) -> None:
    narrative = gutenberg.sentences[gutenberg.sentences["paragraph_id"] == 3]["text"].tolist()
    assert narrative == [
        "He was entirely without a trace of hauteur.",
        "We saw the Faubourg St. Antoine.",
        "He said--what is no doubt true--that it would take ten years to complete.[2]",
        "He spoke (See App. I, Sect. 1) of peat, and of nothing else, as the truth is.[3]",
    ]


def test_italics_are_markup_outside_every_token(gutenberg) -> None:
    assert not gutenberg.tokens["token"].str.contains("_").any()
    seed = gutenberg.seed_text
    for row in gutenberg.tokens.itertuples(index=False):
        assert seed[row.start:row.end] == row.token
    row = gutenberg.tokens[gutenberg.tokens["token"] == "hauteur"].iloc[0]
    assert seed[row.start - 1:row.end + 1] == "_hauteur_"
    dash = gutenberg.tokens[gutenberg.tokens["token"] == "--"]
    assert len(dash) == 2


def test_layout_leaves_out_only_the_underscores_of_italics() -> None:
    text = "a _bourgeois_ word, snake_case, a _ b, __init__ and _St. Antoine._"
    kept = "".join(c for i, c in enumerate(text)
                   if i not in {a for a, b, r in layout_edits(text) if r == ""})
    assert kept == "a bourgeois word, snake_case, a _ b, __init__ and St. Antoine."
    assert [text[a:b] for a, b in italic_spans(text)] == ["_bourgeois_", "_St. Antoine._"]
    assert read_quote("of _", "hauteur", "_.") == ("of ", "hauteur", ".")


@settings(max_examples=40)
@given(words=st.lists(st.sampled_from(["Lenin", "_hauteur_", "_St.", "Antoine._", "said--what",
                                       "the", "complete.[2]", "(See", "App.", "I,", "Sect.",
                                       "1)", "_Theses", "presented_", "snake_case", "peat."]),
                      min_size=1, max_size=20),
       newline=st.sampled_from(["\n", "\r\n"]))
def test_offsets_stay_exact_with_the_conventions(tmp_path_factory, words: list[str],
                                                 newline: str) -> None:
    body = " ".join(words)
    text = f"A Heading{newline}{newline}Lenin spoke. {body} The end.{newline}"
    path = Path(tmp_path_factory.mktemp("conv")) / "chapter.txt"
    path.write_bytes(text.encode("utf-8"))
    ch = load_chapter(path)
    for row in ch.tokens.itertuples(index=False):
        assert ch.seed_text[row.start:row.end] == row.token
        assert "_" not in row.token or row.token == "snake_case"
    for frame in (ch.paragraphs, ch.sentences):
        for row in frame.itertuples(index=False):
            stored = ch.seed_text[row.start:row.end].replace(newline, " ")
            assert stored.replace("_", "") == row.text.replace("snake_case", "snakecase")
    assert (ch.sentences["start"].diff().dropna() > 0).all()


# --- a file that is not UTF-8 --------------------------------------------------------------

def test_a_latin1_file_is_refused_with_the_way_to_convert_it(tmp_path: Path) -> None:
    path = tmp_path / "ch4.txt"
    path.write_bytes("Title\n\nJaurès spoke at the funeral.\n".encode("latin-1"))
    with pytest.raises(SourceError) as refused:
        read_source(path)
    message = str(refused.value)
    assert message == (f"{path}: not UTF-8 text (undecodable byte 0xe8 at byte offset 11, 'è' in "
                       f"Latin-1); convert it to UTF-8 first: iconv -f latin1 -t utf-8 {path} > "
                       f"{tmp_path / 'ch4-utf8.txt'}")
    if shutil.which("iconv"):  # the command the message gives works as given
        subprocess.run(message.split("first: ")[1], shell=True, check=True, cwd=tmp_path)
        converted = load_chapter(tmp_path / "ch4-utf8.txt")
        assert converted.sentences["text"].tolist()[-1] == "Jaurès spoke at the funeral."
        # one byte of Latin-1 is one character: the offsets are those of the file as received
        assert converted.sentences["start"].tolist()[-1] == 7


@pytest.mark.parametrize("data, at, expected", [
    ("“Jaurès”".encode("cp1252"), 0, ", '“' in Windows-1252); convert it to UTF-8 first: "
                                     "iconv -f cp1252 -t utf-8"),
    ("Jaurès".encode("utf-16"), 0, "); convert it to UTF-8 first: iconv -f utf-16 -t utf-8"),
    ("Serge — ".encode() + "café".encode("latin-1"), 13, "); the rest of the file is UTF-8: "
                                                         "mend that byte in an editor"),
])
def test_the_advice_fits_the_encoding(data: bytes, at: int, expected: str) -> None:
    assert conversion_advice(data, at, "my text.txt").startswith(expected)
    assert conversion_advice("é".encode("latin-1"), 0, "my text.txt").endswith(
        "'my text.txt' > 'my text-utf8.txt'")
