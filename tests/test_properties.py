"""Property tests: offsets of every unit lead back to the seed, on any text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import Chapter, load_chapter
from analysis.text.offsets import apply_edits

WORDS = st.sampled_from(
    ["Lenin", "spoke", "Dr.", "N.E.P.", "St.", "the", "Cheka", "‘shoot’", "famine", "1921",
     "I.W.W.", "Bela", "Kun", "…", "—", "co-operatives", "Serge’s", "(in", "Moscow)", "café"])
SENTENCE = st.tuples(st.lists(WORDS, min_size=1, max_size=12), st.sampled_from([".", "?", "!", "!’", "...."]))
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=5).map(
    lambda sents: " ".join(" ".join(words).capitalize() + end for words, end in sents))


def _apply(text: str, fixes: pd.DataFrame) -> tuple[str, object]:
    """The text with ``fixes`` (``start, end, replacement``) applied, and its offset map."""
    return apply_edits(text, fixes[["start", "end", "replacement"]].itertuples(index=False))


def _assert_units_map_to_seed(ch: Chapter) -> None:
    """Every unit's seed span, with the corrections inside it applied, is its text.

    An insertion (a correction with an empty ``found``) at the very start or end
    of a span may belong to the unit or to its neighbour: either reading must give
    the text. Units with no correction inside are compared directly.
    """
    fixes = ch.corrections
    for frame, text_col in ((ch.paragraphs, "text"), (ch.sentences, "text"), (ch.tokens, "token")):
        for start, end, text in zip(frame["start"], frame["end"], frame[text_col]):
            inside = fixes[(fixes["start"] >= start) & (fixes["end"] <= end)] if (
                ((fixes["start"] >= start) & (fixes["end"] <= end)).any()) else None
            if inside is None:
                assert ch.seed_text[start:end] == text
                continue
            local = inside.assign(start=inside["start"] - start, end=inside["end"] - start)
            edge = (local["start"] == local["end"]) & local["start"].isin([0, end - start])
            readings = {_apply(ch.seed_text[start:end], local)[0],
                        _apply(ch.seed_text[start:end], local[~edge])[0]}
            assert text in readings


def _assert_nesting(ch: Chapter) -> None:
    """Tokens lie inside their sentence, sentences inside their paragraph, in order."""
    sents = ch.sentences.set_index("sentence_id")
    paras = ch.paragraphs.set_index("paragraph_id")
    tok = ch.tokens.join(sents[["start", "end"]].add_suffix("_s"), on="sentence_id")
    assert ((tok["start"] >= tok["start_s"]) & (tok["end"] <= tok["end_s"])).all()
    sen = ch.sentences.join(paras[["start", "end"]].add_suffix("_p"), on="paragraph_id")
    assert ((sen["start"] >= sen["start_p"]) & (sen["end"] <= sen["end_p"])).all()
    for frame in (ch.paragraphs, ch.sentences, ch.tokens):
        assert frame["start"].is_monotonic_increasing
        assert (frame["start"].iloc[1:].to_numpy() >= frame["end"].iloc[:-1].to_numpy()).all()


def test_every_unit_of_the_chapter_maps_back_to_the_seed(chapter: Chapter) -> None:
    _assert_units_map_to_seed(chapter)
    _assert_nesting(chapter)


@settings(max_examples=40)
@given(paragraphs=st.lists(PARAGRAPH, min_size=1, max_size=4),
       newline=st.sampled_from(["\n", "\r\n"]), bom=st.booleans(),
       note=st.booleans())
def test_offsets_hold_on_any_text(tmp_path_factory, paragraphs: list[str], newline: str,
                                  bom: bool, note: bool) -> None:
    blocks = ["A Chapter Heading", *paragraphs] + (["[An editor’s note.]"] if note else [])
    text = ("\ufeff" if bom else "") + (newline * 2).join(blocks) + newline
    path = Path(tmp_path_factory.mktemp("prop")) / "chapter.txt"
    path.write_bytes(text.encode("utf-8"))
    ch = load_chapter(path)
    _assert_units_map_to_seed(ch)
    _assert_nesting(ch)
    assert ch.paragraphs["kind"].iloc[0] == "title"
    assert (ch.paragraphs["kind"] == "editorial").sum() == int(note)
    words = sum(len(p.split()) for p in paragraphs)
    assert ch.sentences["paragraph_id"].nunique() == len(blocks)
    assert 0 < len(ch.words) <= 3 * words + 3 + 4 * note


@given(text=st.text(alphabet="ab ’\n.", min_size=1, max_size=60), data=st.data())
def test_corrections_offset_map_is_exact(text: str, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6, unique=True)))
    pairs = list(zip(cuts[::2], cuts[1::2]))
    fixes = pd.DataFrame({
        "start": [a for a, _ in pairs], "end": [b for _, b in pairs],
        "found": [text[a:b] for a, b in pairs],
        "replacement": [data.draw(st.text(alphabet="XY", max_size=3)) for _ in pairs],
        "kind": "punctuation", "note": ""})
    established, omap = _apply(text, fixes)
    assert len(omap.seed_start) == len(omap.seed_end) == len(established)
    spans = {(a, b): r for (a, b), r in zip(pairs, fixes["replacement"])}
    for i, (a, b) in enumerate(zip(omap.seed_start.tolist(), omap.seed_end.tolist())):
        if (a, b) in spans:        # a character of a replacement maps to the whole corrected span
            assert established[i] in spans[(a, b)]
        else:                      # any other character maps to itself
            assert b == a + 1 and text[a] == established[i]
    assert omap.seed_start.tolist() == sorted(omap.seed_start.tolist())


def test_establishment_is_idempotent(chapter: Chapter, tmp_path: Path) -> None:
    path = tmp_path / "established.txt"
    path.write_text(chapter.text, encoding="utf-8")
    again = load_chapter(path)
    assert again.text == chapter.text
    assert again.corrections.empty
    assert again.sentences["text"].tolist() == chapter.sentences["text"].tolist()
    assert again.paragraphs["kind"].tolist() == chapter.paragraphs["kind"].tolist()
