"""Tests of the vocabulary tools: query syntax, concordance, collocates, keyness, frequencies."""

from __future__ import annotations

import math
import re

import pytest
import wordfreq
from hypothesis import given
from hypothesis import strategies as st
from scipy.stats.contingency import chi2_contingency

from analysis import DataFileError
from analysis.themes import theme_hits, vocabulary
from analysis.themes.lexicon import term_regex

# --- the query syntax ---------------------------------------------------------------


@pytest.mark.parametrize(("term", "text", "found"), [
    ("Cheka", "the Cheka made ready", ["Cheka"]),
    ("Cheka", "to the Chekists there", []),
    ("massacr*", "ordered them to be massacred", ["massacred"]),
    ("free thought", "the last surviving free-thought society", ["free-thought"]),
    ("free thought", "a World Congress of Free\nThought", ["Free\nThought"]),
    ("counter-revolution*", "his counterrevolutionary opinions", ["counterrevolutionary"]),
    ("Workers' Opposition", "condemn the Workers’ Opposition;", ["Workers’ Opposition"]),
    ("N.E.P.", "With the coming of the N.E.P., the famine", ["N.E.P."]),
    ("/trad(?:e|ing)(?![\\s-]*union)/", "the book trade, a trade-union", ["trade"]),
])
def test_term_regex_finds_what_the_syntax_promises(term, text, found):
    assert term_regex(term).findall(text) == found


@pytest.mark.parametrize(("term", "message"), [
    ("  ", "empty term"),
    ("/(unclosed/", "bad regular expression"),
    ("/a*/", "matches the empty string"),
])
def test_term_regex_rejects_bad_terms(term, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        term_regex(term)


def test_find_term_gives_seed_offsets(chapter):
    hits = vocabulary.find_term(chapter, "Kronstadt")
    assert hits["paragraph_id"].tolist() == [3, 14, 40, 43, 46, 58]
    assert {chapter.seed_text[a:b] for a, b in zip(hits["start"], hits["end"])} == {"Kronstadt"}
    assert hits.loc[0, "start"] == chapter.seed_text.index("Kronstadt")


# --- concordance --------------------------------------------------------------------


def test_concordance_of_kronstadt(chapter):
    conc = vocabulary.concordance(chapter, "Kronstadt", width=30)
    assert len(conc) == 6
    assert conc.loc[0, "left"].endswith("in the tragedy of ")
    assert conc.loc[0, "right"].startswith(" and, except for a few")
    assert conc.loc[1, "left"].endswith("threatening manifesto against ")
    assert (conc["kind"] == "narrative").all()
    assert conc["left"].str.len().max() <= 30 and conc["right"].str.len().max() <= 30
    lines = vocabulary.format_kwic(conc).splitlines()
    assert len(lines) == 6 and lines[0].startswith("¶3 ")
    # aligned: the keyword starts at the same column on every line
    assert len({line.index("Kronstadt") for line in lines}) == 1


def test_concordance_uses_the_established_text(chapter):
    # the seed has '19 18'; the established text reads '1918'
    conc = vocabulary.concordance(chapter, "uprising", width=40)
    assert any("uprising of 1918 in Moscow" in left + m + right
               for left, m, right in conc[["left", "match", "right"]].itertuples(index=False))


def test_concordance_marks_editorial_notes(chapter):
    conc = vocabulary.concordance(chapter, "shot")
    assert conc.set_index("paragraph_id")["kind"].to_dict()[30] == "editorial"


@given(st.sampled_from(["Lenin", "famine", "poet*", "Bela Kun", "official truth", "Cheka",
                        "truth", "Gumilev", "Volfila"]))
def test_kwic_rows_point_at_their_match(chapter, term):
    conc = vocabulary.concordance(chapter, term, width=25)
    assert len(conc) > 0
    for start, end, match in conc[["start", "end", "match"]].itertuples(index=False):
        assert re.sub(r"\s+", " ", chapter.established(start, end)) == match
        assert term_regex(term).fullmatch(match)


# --- frequencies and stop words -----------------------------------------------------


def test_word_frequencies_without_stop_words(chapter, stopwords):
    freq = vocabulary.word_frequencies(chapter, stopwords=stopwords)
    assert freq.loc[0, "word"] == "revolution" and freq.loc[0, "count"] == 18
    assert not set(freq["word"]) & stopwords
    full = vocabulary.word_frequencies(chapter)  # no stop list given: nothing is left out
    assert full.loc[0, "word"] == "the"
    assert full["count"].sum() == len(vocabulary.lexical_words(chapter))
    assert full["per_10k"].sum() == pytest.approx(1e4)


def test_lexical_words_leave_out_numbers_clitics_and_editorial(chapter):
    words = vocabulary.lexical_words(chapter)
    assert not words["word"].str.match(r"^\d").any()
    assert not words["word"].isin(["'s", "n't"]).any()
    assert set(words["kind"]) == {"narrative"}
    assert len(vocabulary.lexical_words(chapter, None)) > len(words)


def test_bad_stop_list_names_the_row(tmp_path):
    bad = tmp_path / "stop.txt"
    bad.write_text("# comment\nthe\nof the\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"stop\.txt: line 3: 'of the' is not one lower-case word"):
        vocabulary.load_stopwords(bad)


def test_the_stop_list_is_data(chapter, tmp_path, stopwords, files):
    assert {"the", "would"} <= stopwords and "terror" not in stopwords
    assert files.stop_list() == stopwords
    mine = tmp_path / "stop.txt"
    mine.write_text("# my list\nrevolution\n", encoding="utf-8")
    assert vocabulary.load_stopwords(mine) == {"revolution"}
    freq = vocabulary.word_frequencies(chapter, stopwords=vocabulary.load_stopwords(mine))
    assert "revolution" not in set(freq["word"]) and freq.loc[0, "word"] == "the"
    assert len(freq) == len(vocabulary.word_frequencies(chapter)) - 1


# --- collocates ---------------------------------------------------------------------


def _window_positions(words, node_index, window):
    """Hand computation: positions within `window` words of a node, same paragraph."""
    para = words["paragraph_id"].tolist()
    nodes = set(node_index)
    out = set()
    for i in node_index:
        for j in range(i - window, i + window + 1):
            if 0 <= j < len(words) and j not in nodes and para[j] == para[i]:
                out.add(j)
    return out


def test_collocate_statistics_by_hand(chapter):
    table = vocabulary.collocates(chapter, "Kronstadt", window=5, min_count=1)
    row = table.set_index("collocate").loc["tragedy"]
    words = vocabulary.lexical_words(chapter)
    node_index = words.index[words["word"] == "kronstadt"].tolist()
    assert len(node_index) == 6
    inside = _window_positions(words, node_index, 5)
    n_rest = len(words) - len(node_index)
    o11 = sum(words["word"][j] == "tragedy" for j in inside)
    f_y = int((words["word"] == "tragedy").sum())
    assert (o11, f_y) == (1, 1) and row["observed"] == 1
    contingency = [[o11, len(inside) - o11], [f_y - o11, n_rest - len(inside) - (f_y - o11)]]
    g2 = chi2_contingency(contingency, correction=False, lambda_="log-likelihood")[0]
    assert row["log_likelihood"] == pytest.approx(g2)
    assert row["expected"] == pytest.approx(len(inside) * f_y / n_rest)
    assert row["log_dice"] == pytest.approx(14 + math.log2(2 * 1 / (6 + 1)))


def test_collocates_take_spans_and_drop_stop_words(chapter, stopwords):
    by_term = vocabulary.collocates(chapter, "Cheka", min_count=1, stopwords=stopwords)
    by_spans = vocabulary.collocates(chapter, vocabulary.find_term(chapter, "Cheka"), min_count=1,
                                     stopwords=stopwords)
    assert by_term.equals(by_spans)
    assert not set(by_term["collocate"]) & stopwords
    every = vocabulary.collocates(chapter, "Cheka", min_count=1)
    assert set(every["collocate"]) & stopwords  # no stop list given: none left out
    assert set(by_term["collocate"]) < set(every["collocate"])
    assert (by_term["observed"] > by_term["expected"]).all()
    assert by_term["log_dice"].is_monotonic_decreasing
    assert vocabulary.collocates(chapter, "zzzz-no-such-word").empty


# --- keyness ------------------------------------------------------------------------


def test_keyness_of_cheka_by_hand(chapter):
    key = vocabulary.keyness(chapter).set_index("word")
    n = len(vocabulary.lexical_words(chapter))
    a = 9
    p = wordfreq.word_frequency("cheka", "en")
    assert key.loc["cheka", "count"] == a
    expected = n * p
    g2 = 2 * (a * math.log(a / expected) + (n - a) * math.log((n - a) / (n - expected)))
    assert key.loc["cheka", "log_likelihood"] == pytest.approx(g2)
    assert key.loc["cheka", "log_ratio"] == pytest.approx(math.log2((a / n) / p))


def test_keyness_floors_unlisted_words_and_sorts(chapter, stopwords):
    key = vocabulary.keyness(chapter)
    volfila = key.set_index("word").loc["volfila"]
    assert not volfila["in_reference"]
    assert volfila["reference_per_10k"] == pytest.approx(1e4 * vocabulary.REFERENCE_FLOOR)
    assert key["log_likelihood"].is_monotonic_decreasing
    assert (key["count"] >= 3).all()
    # narrative past tense: 'is' is rarer than in general English, 'had' commoner
    signs = key.set_index("word")["log_ratio"]
    assert signs["is"] < 0 < signs["had"]
    assert not set(vocabulary.keyness(chapter, stopwords=stopwords)["word"]) & stopwords


# --- collocates of the themes' core terms ------------------------------------------------


def test_core_collocates_follow_the_lexicon(chapter, lexicon, stopwords):
    hits = theme_hits(chapter, lexicon, stopwords=stopwords)
    # the core terms alone: no collocate of meaning passes the test in a text this short
    core_only = vocabulary.core_collocates(chapter, lexicon, hits, alpha=None, stopwords=stopwords)
    core = set(lexicon.terms.loc[lexicon.terms["core"], "term"])
    assert core_only["collocate"].tolist() == ["party"]
    assert set(core_only.loc[0, "node"].split(", ")) <= core
    table = vocabulary.core_collocates(chapter, lexicon, hits, stopwords=stopwords, min_weight=2)
    assert list(dict.fromkeys(table["theme"])) == [t for t in lexicon.names
                                                   if t in set(table["theme"])]
    assert (table["p_value"] < 0.05).all() and len(table) > 0
    assert table.groupby("theme").size().max() <= 8
    strong = lexicon.terms[lexicon.terms["weight"] >= 2]
    for theme, nodes in table[["theme", "node"]].itertuples(index=False):
        assert set(nodes.split(", ")) <= set(strong.loc[strong["theme"] == theme, "term"])
    assert not set(table["collocate"]) & stopwords
    assert {"since", "well", "saw", "seemed"} <= stopwords  # what led the list before
    assert len(vocabulary.core_collocates(chapter, lexicon, hits, alpha=None, stopwords=stopwords,
                                          min_weight=2)) >= len(table)
