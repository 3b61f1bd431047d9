"""The comparison of the texts, on the real texts: each value derived again from the text or its tables."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from analysis.corpus import Corpus, compare
from analysis.themes.contrast import keyness_between


def narrative_text(corpus: Corpus, text_id: str) -> list[str]:
    """The paragraphs of a text's narration, as established."""
    paragraphs = corpus.results(text_id).chapter.paragraphs
    return paragraphs.loc[paragraphs["kind"] == "narrative", "text"].tolist()


def test_naming_counts_the_names_in_the_narration(corpus: Corpus) -> None:
    table = compare.naming(corpus).set_index(["text_id", "person_id"])
    gorki = sum(len(re.findall(r"\bGorki\b", p)) for p in narrative_text(corpus, "goldman"))
    words = len(compare.words(corpus, "goldman"))
    row = table.loc[("goldman", "gorky")]
    assert row["mentions"] == gorki and row["words"] == words
    assert np.isclose(row["per_1000"], 1000 * gorki / words)
    trotsky = sum(len(re.findall(r"\bTrotsky\b", p)) for p in narrative_text(corpus, "russell"))
    assert table.loc[("russell", "trotsky"), "mentions"] == trotsky
    assert ("goldman", "trotsky") not in table.index  # her chapters II-V never name him
    assert bool(table.loc[("serge", "lenin"), "shared"]) and table.loc[("serge", "lenin"), "n_texts"] == 3


def test_a_first_mention_leads_back_to_its_words(corpus: Corpus) -> None:
    table = compare.naming(corpus)
    for row in table.itertuples(index=False):
        seed = corpus.text(row.text_id).text.read_bytes().decode("utf-8")
        assert seed[row.start:row.end].strip()  # offsets into the file as stored
    row = table[(table["text_id"] == "goldman") & (table["person_id"] == "gorky")].iloc[0]
    seed = corpus.text("goldman").text.read_bytes().decode("utf-8")
    assert seed[row["start"]:row["end"]] == "Maxim Gorki"


def test_shared_people_are_those_two_texts_name(corpus: Corpus) -> None:
    people = compare.shared_people(corpus)
    assert people[:2] == ["lenin", "gorky"] and {"trotsky", "zinoviev", "radek"} <= set(people)
    assert "kropotkin" not in people  # only Goldman's chapters name him


def test_tone_is_the_mean_of_the_sentences_naming_the_person(corpus: Corpus) -> None:
    table = compare.tone(corpus, ["lenin", "gorky"], n_boot=300).set_index(["text_id", "person_id"])
    results = corpus.results("goldman")
    sentences = results.chapter.sentences.merge(results.sentence_scores[["sentence_id", "sentiment"]])
    kinds = results.chapter.paragraphs.set_index("paragraph_id")["kind"]
    narration = sentences[sentences["paragraph_id"].map(kinds).eq("narrative").to_numpy()]
    naming = narration[narration["text"].str.contains(r"\b(?:Gorki)\b")]
    row = table.loc[("goldman", "gorky")]
    assert row["n"] == len(naming) and np.isclose(row["mean"], naming["sentiment"].mean())
    assert row["low"] <= row["mean"] <= row["high"]
    assert np.isclose(row["text_mean"], narration["sentiment"].mean())


def test_theme_density_is_the_lexicon_weight_per_1000_words(corpus: Corpus) -> None:
    table = compare.theme_density(corpus, n_boot=300).set_index(["text_id", "theme"])
    results = corpus.results("russell")
    hits = results.theme_hits
    kinds = results.chapter.paragraphs.set_index("paragraph_id")["kind"]
    mine = hits[(hits["source"] == "lexicon") & (hits["theme"] == "nep")
                & hits["paragraph_id"].map(kinds).eq("narrative").to_numpy()]
    words = len(compare.words(corpus, "russell"))
    assert np.isclose(table.loc[("russell", "nep"), "per_1000"], 1000 * mine["weight"].sum() / words)
    assert (table["low"] <= table["per_1000"]).all() and (table["per_1000"] <= table["high"]).all()


def test_keyness_leaves_the_names_out_and_finds_the_words(corpus: Corpus) -> None:
    table = compare.keyness(corpus, top=10)
    assert not set(table["word"]) & compare.name_words(corpus)
    goldman = table[table["text_id"] == "goldman"].set_index("word")
    count = sum(len(re.findall(r"\bBolsheviki\b", p)) for p in narrative_text(corpus, "goldman"))
    assert goldman.loc["bolsheviki", "count"] == count and goldman.loc["bolsheviki", "other_count"] == 0
    assert "gorki" in set(compare.keyness(corpus, names=True)["word"])


def test_ties_are_the_pairs_a_paragraph_names(corpus: Corpus) -> None:
    table = compare.ties(corpus)
    russell = table[table["text_id"] == "russell"]
    assert russell[["source", "target"]].values.tolist() == [["lenin", "trotsky"]]
    paragraph = [p for p in narrative_text(corpus, "russell") if "Trotsky" in p and "Lenin" in p]
    assert russell["weight"].tolist() == [len(paragraph)]


def test_collocates_come_from_the_themes_function(corpus: Corpus) -> None:
    table = compare.person_collocates(corpus, "gorky")
    assert set(table["text_id"]) <= set(corpus.ids)
    assert (table["observed"] >= 2).all() and (table["observed"] > table["expected"]).all()


counts = st.lists(st.sampled_from(list("abcde")), min_size=1, max_size=60).map(pd.Series)


@given(counts, counts)
def test_two_corpus_keyness_is_consistent(words: pd.Series, others: pd.Series) -> None:
    table = keyness_between(words, others, min_count=1)
    assert (table["log_likelihood"] >= -1e-9).all() and (table["p_value"] <= 1).all()
    rates = table["count"] / len(words) - table["other_count"] / len(others)
    assert ((np.sign(table["log_ratio"]) == np.sign(rates)) | (rates.abs() < 1e-12)
            | (table["other_count"] == 0)).all()
    back = keyness_between(others, words, min_count=1).set_index("word")
    both = table.merge(back.reset_index(), on="word", suffixes=("", "_back"))
    assert np.allclose(both["log_likelihood"], both["log_likelihood_back"])
