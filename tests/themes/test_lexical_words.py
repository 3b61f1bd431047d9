"""The lexical words and the words per sentence, taken from the token table without copying it:
the same tables as from ``chapter.words``, on the chapter and on another text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import Chapter, load_chapter
from analysis.themes import scoring, vocabulary

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
RUSSELL = SEEDS / "russell-bolshevism-lenin-trotsky-gorky.txt"


def _from_words(ch: Chapter, kinds: tuple[str, ...] | None) -> pd.DataFrame:
    """The lexical words as first computed, from a copy of ``chapter.words``."""
    words = ch.words.assign(kind=ch.words["paragraph_id"].map(ch.paragraph_kind).to_numpy())
    word = words["lower"].str.replace("’", "'", regex=False)
    keep = (word.str.match(r"[^\W\d_]") & ~word.isin({"n't", "n’t"})).to_numpy(dtype=bool,
                                                                           copy=True)
    if kinds is not None:
        keep &= words["kind"].isin(list(kinds)).to_numpy()
    return (words.assign(word=word)[keep][["token_id", "sentence_id", "paragraph_id", "kind",
                                           "start", "end", "word"]].reset_index(drop=True))


@pytest.fixture(scope="module", params=["chapter", "russell"])
def text(request: pytest.FixtureRequest) -> Chapter:
    return (request.getfixturevalue("chapter") if request.param == "chapter"
            else load_chapter(RUSSELL))


@pytest.mark.parametrize("kinds", [("narrative",), None, ("editorial", "title")])
def test_lexical_words_as_from_the_word_table(text: Chapter,
                                              kinds: tuple[str, ...] | None) -> None:
    found = vocabulary.lexical_words(text, kinds)
    pd.testing.assert_frame_equal(found, _from_words(text, kinds), check_exact=True)
    words = found["word"].to_numpy(dtype=object)
    assert len({id(w) for w in words}) == found["word"].nunique()  # one string per word


def test_words_per_sentence_as_from_the_word_table(text: Chapter) -> None:
    hits = pd.DataFrame({"sentence_id": pd.Series(dtype="int64"), "theme": pd.Series(dtype=str),
                         "weight": pd.Series(dtype=float)})
    evidence = scoring._evidence(text, hits, [], weighted=True)
    expected = text.sentences["sentence_id"].map(
        text.words.groupby("sentence_id").size()).fillna(0).to_numpy()
    assert evidence["n_words"].tolist() == expected.tolist()
    assert evidence["n_words"].dtype == expected.dtype
