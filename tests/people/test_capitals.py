"""The detector reads the tokens a few paragraphs at a time: the same candidates whatever the
size of the pieces, on the chapter and on another text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import Chapter, load_chapter
from analysis.people import capitals, mentions, unregistered_names

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
RUSSELL = SEEDS / "russell-bolshevism-lenin-trotsky-gorky.txt"


@pytest.fixture(scope="module")
def russell() -> Chapter:
    return load_chapter(RUSSELL)


def _detected(ch: Chapter, register: pd.DataFrame, rules: pd.DataFrame, known: pd.DataFrame,
              chunk: int, monkeypatch: pytest.MonkeyPatch) -> tuple[pd.DataFrame, pd.DataFrame]:
    monkeypatch.setattr(capitals, "CHUNK", chunk)
    found = mentions(ch, register, rules)
    return (capitals.occurrences(ch, found, known, 4.0, capitals.lower_case_words(ch)),
            unregistered_names(ch, found, known))


@pytest.mark.parametrize("chunk", [1, 7, 300])
def test_the_same_candidates_whatever_the_pieces(russell: Chapter, register: pd.DataFrame,
                                                 shared_names: pd.DataFrame,
                                                 known_names: pd.DataFrame, chunk: int,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _detected(russell, register, shared_names, known_names, 10**9, monkeypatch)
    pieces = _detected(russell, register, shared_names, known_names, chunk, monkeypatch)
    assert len(whole[0]) > 20 and len(whole[1]) > 10  # names the bundled register lacks
    for one, other in zip(whole, pieces):
        pd.testing.assert_frame_equal(one, other, check_exact=True)


def test_the_chapter_in_pieces(chapter: Chapter, register: pd.DataFrame,
                               shared_names: pd.DataFrame, known_names: pd.DataFrame,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    smaller = register[~register["person_id"].isin(["clemenceau", "lenin", "trotsky"])]
    whole = _detected(chapter, smaller, shared_names, known_names, 10**9, monkeypatch)
    pieces = _detected(chapter, smaller, shared_names, known_names, 5, monkeypatch)
    assert {"Clemenceau", "Lenin", "Trotsky"} <= set(whole[1]["candidate"])
    for one, other in zip(whole, pieces):
        pd.testing.assert_frame_equal(one, other, check_exact=True)


def test_the_lower_case_words_are_those_of_the_word_table(russell: Chapter) -> None:
    words = russell.words
    expected = {lower for token, lower in zip(words["token"], words["lower"])
                if not token[:1].isupper()}
    assert capitals.lower_case_words(russell) == expected


def test_each_candidate_string_is_held_once(russell: Chapter, register: pd.DataFrame,
                                           shared_names: pd.DataFrame,
                                           known_names: pd.DataFrame) -> None:
    found = capitals.occurrences(russell, mentions(russell, register, shared_names), known_names, 4.0,
                                 capitals.lower_case_words(russell))
    names = found["candidate"].to_numpy(dtype=object)
    assert len({id(n) for n in names}) == found["candidate"].nunique() < len(found)
