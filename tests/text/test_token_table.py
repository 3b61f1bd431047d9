"""The token table, built from flat arrays with one string per distinct token, is the table a row
at a time would give: on the chapter, on another text and on generated texts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import Chapter, load_chapter
from analysis.text import segment

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
RUSSELL = SEEDS / "russell-bolshevism-lenin-trotsky-gorky.txt"


def _row_by_row(ch: Chapter) -> pd.DataFrame:
    """The token table as it was first built: one row per token, each string its own."""
    text = ch.text
    rows = [(sid, pid, a, b)
            for sid, pid, ss, se in ch._est["sentences"][["sentence_id", "paragraph_id",
                                                          "est_start", "est_end"]]
            .itertuples(index=False)
            for a, b in segment.split_tokens(text, ss, se)]
    tokens = pd.DataFrame(rows, columns=["sentence_id", "paragraph_id", "est_start", "est_end"])
    tokens.insert(0, "token_id", np.arange(1, len(tokens) + 1))
    start, end = ch.offset_map.spans_to_seed(tokens["est_start"], tokens["est_end"])
    tokens["token"] = [text[a:b] for a, b in zip(tokens["est_start"], tokens["est_end"])]
    tokens = tokens.drop(columns=["est_start", "est_end"])
    tokens.insert(3, "start", start)
    tokens.insert(4, "end", end)
    tokens["lower"] = tokens["token"].str.lower()
    tokens["is_word"] = tokens["token"].str.contains(r"\w", regex=True).astype(bool)
    return tokens


def _assert_same_tokens(ch: Chapter) -> None:
    pd.testing.assert_frame_equal(ch.tokens, _row_by_row(ch), check_exact=True)
    words = ch.tokens[ch.tokens["is_word"]].reset_index(drop=True)
    pd.testing.assert_frame_equal(ch.words, words, check_exact=True)


def test_the_chapter_tokens_are_those_built_row_by_row(chapter: Chapter) -> None:
    _assert_same_tokens(chapter)


def test_another_texts_tokens_are_those_built_row_by_row() -> None:
    _assert_same_tokens(load_chapter(RUSSELL))


def test_each_distinct_token_is_one_string(chapter: Chapter) -> None:
    tokens = chapter.tokens
    for column in ("token", "lower"):
        values = tokens[column].to_numpy(dtype=object)
        assert len({id(v) for v in values}) == tokens[column].nunique()
    assert tokens["token"].nunique() < len(tokens) / 3


PARAGRAPH = st.lists(st.sampled_from(
    ["Lenin", "spoke", "Dr.", "N.E.P.", "the", "Cheka", "‘shoot’", "cannot", "1921,", "isn’t",
     "Serge’s", "(See", "App.", "I)", "—", "_hauteur_", "[2]", "co-operatives."]),
    min_size=1, max_size=30).map(lambda words: " ".join(words).capitalize() + ".")


@settings(max_examples=15)
@given(paragraphs=st.lists(PARAGRAPH, min_size=1, max_size=5), wrap=st.booleans(),
       newline=st.sampled_from(["\n", "\r\n"]))
def test_generated_texts_tokens_are_those_built_row_by_row(
        tmp_path_factory: pytest.TempPathFactory, paragraphs: list[str], wrap: bool,
        newline: str) -> None:
    if wrap:  # hard-wrapped lines: an edit of the layout at every line's end
        paragraphs = [p.replace(" ", newline, 3) for p in paragraphs]
    text = (newline * 2).join(["A Heading", *paragraphs]) + newline
    path = Path(tmp_path_factory.mktemp("tokens")) / "text.txt"
    path.write_bytes(text.encode("utf-8"))
    _assert_same_tokens(load_chapter(path))
