"""The scorers' faster paths give every score exactly as before.

Three oracles, each the libraries' own code: ``SentimentIntensityAnalyzer.polarity_scores``
and VADER's own per-word loop (``SentiText`` and ``sentiment_valence``) for
:mod:`analysis.sentiment.vader_rules`; ``PatternAnalyzer().analyze(text).polarity`` for the
TextBlob scores; the scores computed in one process for those computed on several
(:mod:`analysis.sentiment.parallel`). Each is compared on the chapter's every sentence and on
generated text: sentences built from the words every rule looks for (boosters, negations,
"no", "but", "least", "kind of", idioms, capitals, emoji, curly quotes and scare quotes),
and a text of distinct sentences (the chapter's words shuffled within each sentence).
"""

from __future__ import annotations

import multiprocessing
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textblob.en import sentiment as pattern_sentiment
from textblob.en.sentiments import PatternAnalyzer
from vaderSentiment.vaderSentiment import (BOOSTER_DICT, SPECIAL_CASES,
                                           SentimentIntensityAnalyzer, SentiText)

from analysis import Chapter
from analysis.sentiment import parallel, scorers
from analysis.sentiment.scorers import (METHODS, ascii_typography, patched_compound,
                                        scare_quoted, score_texts, sentence_scores,
                                        vader_analyzer, vader_valences)
from analysis.sentiment.vader_rules import compound


def vader_own_valences(analyzer: SentimentIntensityAnalyzer, text: str) -> list[float]:
    """VADER's per-word loop, as ``polarity_scores`` runs it (its own methods)."""
    sentitext = SentiText(text)
    words = sentitext.words_and_emoticons
    sentiments: list[float] = []
    for i, item in enumerate(words):
        if item.lower() in BOOSTER_DICT or (
                i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"):
            sentiments.append(0)
            continue
        sentiments = analyzer.sentiment_valence(0, sentitext, item, i, sentiments)
    return analyzer._but_check(words, sentiments)


def patched_by_vader(analyzer: SentimentIntensityAnalyzer, text: str) -> float:
    """The project's patched score through VADER's own loop (the scorer as it was written first)."""
    plain = ascii_typography(text)
    valences = [float(v) for v in vader_own_valences(analyzer, plain)]
    valences = [0.0 if (q and v > 0) else v for v, q in zip(valences, scare_quoted(text))]
    return float(analyzer.score_valence(valences, plain)["compound"])


@pytest.fixture(scope="module")
def analysers(patch: pd.DataFrame) -> tuple[SentimentIntensityAnalyzer, SentimentIntensityAnalyzer]:
    return vader_analyzer(), vader_analyzer(patch)


def _shuffled_sentences(chapter: Chapter, copies: int, seed: int = 0) -> list[str]:
    """The chapter's sentences ``copies`` times, the words of each shuffled: distinct sentences."""
    rng = random.Random(seed)
    out = []
    for _ in range(copies):
        for sentence in chapter.sentences["text"]:
            words = sentence.split()
            rng.shuffle(words)
            out.append(" ".join(words))
    return out


# --- VADER's rules, replayed --------------------------------------------------------------

def test_vader_rules_give_vader_scores_on_the_chapter(chapter: Chapter, analysers) -> None:
    plain, patched = analysers
    for text in chapter.sentences["text"]:
        assert compound(plain, text) == plain.polarity_scores(text)["compound"]
        assert [v for _, v in vader_valences(plain, text)] == vader_own_valences(plain, text)
        assert patched_compound(patched, text) == patched_by_vader(patched, text)


def test_vader_rules_on_distinct_sentences(chapter: Chapter, analysers) -> None:
    plain, patched = analysers
    texts = _shuffled_sentences(chapter, 2)
    assert len(set(texts)) > 0.9 * len(texts)
    assert [compound(plain, t) for t in texts] == \
        [plain.polarity_scores(t)["compound"] for t in texts]
    assert [patched_compound(patched, t) for t in texts] == \
        [patched_by_vader(patched, t) for t in texts]


#: Each rule of VADER's at work (its lexicon, "no", capitals, boosters near and far, negation
#: near and far, "never so", "without doubt", idioms before and after, "least", "kind of", "but").
RULE_CASES = [
    "good", "GOOD news and bad", "no good", "no problem", "no one or good", "no one nor good",
    "no one and good", "not good", "isn't good", "isn’t good", "not very good", "not so very good",
    "never so good", "never this good", "so good", "without doubt good", "without a doubt good",
    "never so very good", "it is very good", "it is VERY good", "VERY GOOD", "very really good",
    "extremely not good", "it was sort of good", "it was kind of good", "it is just enough good",
    "at least good", "very least good", "the least good", "least good", "kind of good",
    "sort of good", "good kind of", "it was the bomb", "the shit", "bad ass", "yeah right",
    "a kiss of death", "to die for", "bus stop", "beating heart", "her beating heart stopped",
    "good but bad", "bad but not bad", "good, BUT bad", "good! good!!", "bad?? bad???",
    ":) :( <3", "😀 good 😢", "a ‘fine’ day", "‘official truth’ grew", "‘Do you think so?’ he said",
]

#: Words and phrases that make the rules meet in generated sentences.
_RULE_WORDS = sorted({*(" ".join(SPECIAL_CASES).split()), *SPECIAL_CASES, "no", "not", "isn’t",
                      "don't", "never", "without", "doubt", "least", "at", "very", "so", "this",
                      "kind of", "sort of", "extremely", "barely", "but", "or", "nor", "good",
                      "bad", "ready", "shoot", "famine", "terror", "purging", "truth", "great",
                      "Cheka", "the", "a", ":)", ":(", "<3", "😀", "—", "--", "!", "?"})
_DECOR = ["", "", "", ",", ".", "!", "?", "’", "‘", "“", "”", "'", '"', "—", "...", ")"]


@st.composite
def rule_sentences(draw: st.DrawFn) -> str:
    """A sentence of the words and phrases VADER's rules look for, punctuated, capitalised, quoted."""
    words = []
    for _ in range(draw(st.integers(0, 14))):
        word = draw(st.sampled_from(_RULE_WORDS))
        if draw(st.integers(0, 5)) == 0:
            word = word.upper()
        words.append(draw(st.sampled_from(_DECOR)) + word + draw(st.sampled_from(_DECOR)))
    if words and draw(st.booleans()):  # a scare-quoted phrase
        at = draw(st.integers(0, len(words) - 1))
        words[at:at + 2] = ["‘" + " ".join(w.lower() for w in words[at:at + 2]) + "’"]
    return draw(st.sampled_from(["", " ", "  "])).join(words) + draw(st.sampled_from(_DECOR))


@pytest.mark.parametrize("text", RULE_CASES)
def test_vader_rules_give_vader_scores_rule_by_rule(analysers, text: str) -> None:
    plain, patched = analysers
    assert compound(plain, text) == plain.polarity_scores(text)["compound"]
    assert [v for _, v in vader_valences(plain, text)] == vader_own_valences(plain, text)
    assert patched_compound(patched, text) == patched_by_vader(patched, text)


@settings(max_examples=200)
@given(rule_sentences())
def test_vader_rules_give_vader_scores_on_any_sentence(analysers, text: str) -> None:
    plain, patched = analysers
    assert compound(plain, text) == plain.polarity_scores(text)["compound"]
    assert [v for _, v in vader_valences(patched, text)] == vader_own_valences(patched, text)
    assert patched_compound(patched, text) == patched_by_vader(patched, text)


@settings(max_examples=150)
@given(st.text(max_size=120))
def test_vader_rules_give_vader_scores_on_any_text(analysers, text: str) -> None:
    plain, patched = analysers
    assert compound(plain, text) == plain.polarity_scores(text)["compound"]
    assert patched_compound(patched, text) == patched_by_vader(patched, text)


# --- TextBlob without its per-text wrapper ----------------------------------------------------

def test_textblob_scores_are_pattern_analyzer_scores(chapter: Chapter, patch: pd.DataFrame) -> None:
    texts = [*chapter.sentences["text"], *_shuffled_sentences(chapter, 1, seed=3)]
    analyzer = PatternAnalyzer()
    expected = [round(float(analyzer.analyze(t).polarity), 12) for t in texts]
    assert scorers.score_method(pd.Series(texts), "textblob", None).tolist() == expected


_PATTERN_WORDS = sorted(dict.keys(pattern_sentiment))[::40] + [
    "not", "never", "no", "n't", "very", "really", "!", "(!)", ":)", ":-(", "isn't", "good", "bad"]


@settings(max_examples=150)
@given(st.lists(st.sampled_from(_PATTERN_WORDS), max_size=14),
       st.sampled_from([" ", ", ", " ! ", ". "]))
def test_textblob_scores_on_any_sentence(words: list[str], sep: str) -> None:
    text = sep.join(words)
    assert scorers.score_method(pd.Series([text]), "textblob", None).iloc[0] == \
        round(float(PatternAnalyzer().analyze(text).polarity), 12)


# --- every core, the same scores ---------------------------------------------------------------

def test_scores_on_several_processes_are_those_of_one(chapter: Chapter,
                                                     patch: pd.DataFrame) -> None:
    one = sentence_scores(chapter, patch, workers=1)
    pd.testing.assert_frame_equal(sentence_scores(chapter, patch, workers=2), one,
                                  check_exact=True)
    pd.testing.assert_frame_equal(sentence_scores(chapter, patch), one, check_exact=True)


def test_scores_of_a_generated_text_on_several_processes(chapter: Chapter,
                                                        patch: pd.DataFrame) -> None:
    texts = pd.Series(_shuffled_sentences(chapter, 2, seed=1), index=range(7, 7 + 2 * 339))
    one = score_texts(texts, patch, workers=1)
    assert list(one.columns) == list(METHODS) and one.index.equals(texts.index)
    for workers in (2, 3):
        pd.testing.assert_frame_equal(score_texts(texts, patch, workers=workers), one,
                                      check_exact=True)


def test_a_text_is_scored_on_every_core_only_from_the_threshold() -> None:
    cores = parallel.usable_cores()
    assert parallel.workers_for(scorers.PARALLEL_MIN - 1, minimum=scorers.PARALLEL_MIN) == 1
    assert parallel.workers_for(scorers.PARALLEL_MIN, minimum=scorers.PARALLEL_MIN) == cores
    assert parallel.workers_for(3, 8) == 3 and parallel.workers_for(0) == 1


@settings(max_examples=60)
@given(st.lists(st.integers(), max_size=40), st.integers(1, 9))
def test_shares_cut_a_list_in_order(items: list[int], n: int) -> None:
    parts = parallel.shares(items, n)
    assert len(parts) == n and [x for part in parts for x in part] == items
    assert max(map(len, parts)) - min(map(len, parts)) <= 1


def _fails_in_a_worker(part: list[int], parent: int) -> list[int]:
    if os.getpid() != parent:
        raise ValueError(f"share starting at {part[0]}")
    return part


def _parent_interrupted(part: list[int], parent: int) -> list[int]:
    if os.getpid() == parent:
        raise KeyboardInterrupt
    time.sleep(60)
    return part


def test_an_error_in_a_worker_is_raised_here() -> None:
    with pytest.raises(ValueError, match="share starting at 5"):
        parallel.map_chunks(_fails_in_a_worker, list(range(10)), os.getpid(), workers=2)
    assert multiprocessing.active_children() == []


def test_an_interrupt_stops_the_workers_at_once() -> None:
    begin = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        parallel.map_chunks(_parent_interrupted, list(range(10)), os.getpid(), workers=3)
    assert time.perf_counter() - begin < 20  # not the workers' 60 s
    assert multiprocessing.active_children() == []


_ORPHAN = """
import os, sys, time
from analysis.sentiment import parallel

def share(part, folder):
    if part[0] != 0:  # a worker: says who it is, then works long
        open(os.path.join(folder, str(os.getpid())), "w").close()
    time.sleep(60)
    return part

parallel.map_chunks(share, [0, 1], sys.argv[1], workers=2)
"""


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not parallel.can_fork(), reason="workers are forked on Linux only")
def test_a_worker_dies_with_its_parent_even_by_sigkill(tmp_path: Path) -> None:
    parent = subprocess.Popen([sys.executable, "-c", _ORPHAN, str(tmp_path)])
    try:
        deadline = time.monotonic() + 30
        while not list(tmp_path.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.05)
        worker = int(next(tmp_path.iterdir()).name)
        assert _alive(worker)
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(worker)  # it held its parent's files (an export's lock) until it ended


def _scores_in_a_worker(texts: list[str], patch: pd.DataFrame) -> list[tuple[float, ...]]:
    return parallel.map_chunks(scorers._score_all, texts, patch, workers=2)


def test_a_pool_worker_scores_its_texts_itself(chapter: Chapter, patch: pd.DataFrame) -> None:
    """A daemonic worker may not start processes: it scores alone, the same scores."""
    texts = chapter.sentences["text"].tolist()
    with multiprocessing.get_context("fork").Pool(1) as pool:
        inside = pool.apply(_scores_in_a_worker, (texts, patch))
    assert inside == scorers._score_all(texts, patch)
