"""The word tokenizer: the same tokens as NLTK's Treebank-style tokenizer on the chapter, faster."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from nltk.tokenize.destructive import NLTKWordTokenizer

from analysis import Chapter
from analysis.text.segment import split_tokens

_NLTK = NLTKWordTokenizer()


def _nltk(text: str, start: int, end: int) -> list[tuple[int, int]]:
    chunk = text[start:end].replace("’", "'")
    return [(start + a, start + b) for a, b in _NLTK.span_tokenize(chunk)]


def test_the_same_tokens_as_nltk_on_every_sentence_of_the_chapter(chapter: Chapter) -> None:
    text = chapter.text
    spans = chapter._est["sentences"][["est_start", "est_end"]].itertuples(index=False)
    different = [text[a:b] for a, b in spans if split_tokens(text, a, b) != _nltk(text, a, b)]
    assert not different, different[:3]


def test_hard_cases_by_name() -> None:
    cases = {
        "I cannot breathe within it!’": ["I", "can", "not", "breathe", "within", "it", "!", "’"],
        "Dr. Alexandrov, I think.": ["Dr.", "Alexandrov", ",", "I", "think", "."],
        "the N.E.P. was 23,000,000 strong": ["the", "N.E.P.", "was", "23,000,000", "strong"],
        "isn’t the Côte d’Azur": ["is", "n’t", "the", "Côte", "d’Azur"],
        "my conscience....”": ["my", "conscience", "....", "”"],
        "(1883-1930): a — b": ["(", "1883-1930", ")", ":", "a", "—", "b"],
    }
    for text, tokens in cases.items():
        assert [text[a:b] for a, b in split_tokens(text, 0, len(text))] == tokens, text


words = st.lists(st.sampled_from(["Lenin", "’s", "can", "not", "cannot", "N.E.P.", "—", ",", "1921",
                                  "‘", "’", "(", ")", "end.", "isn’t", "d’Azur", "...", "?", "!"]),
                 min_size=1, max_size=12)


@given(words)
def test_tokens_cover_every_non_space_character_in_order(parts: list[str]) -> None:
    text = " ".join(parts)
    spans = split_tokens(text, 0, len(text))
    assert all(a < b for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))
    assert "".join(text[a:b] for a, b in spans) == text.replace(" ", "")
