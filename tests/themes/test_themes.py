"""Tests of the theme lexicon, hits, scores, validation and density."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from analysis import DataFileError, load_chapter
from analysis import themes
from analysis.export import TABLES
from analysis.results import Analyses
from analysis.text import along_chapter
from analysis.datafiles import data_path
from analysis.themes.lexicon import RESERVED

THEMES = ["terror", "nep", "free_thought"]
ANNOTATION = data_path("annotations/themes_reader_a.csv")


@pytest.fixture(scope="module")
def hits(chapter, lexicon, stopwords):
    return themes.theme_hits(chapter, lexicon, stopwords=stopwords)


@pytest.fixture(scope="module")
def lexicon_only(chapter, lexicon):
    return themes.lexicon_hits(chapter, lexicon)


@pytest.fixture(scope="module")
def annotation(chapter, lexicon):
    return themes.load_theme_readings(chapter, {"reader_a": ANNOTATION}, lexicon.names).reader_a


# --- the lexicon --------------------------------------------------------------------


def test_default_lexicon(lexicon, files):
    lex = lexicon
    assert lex.path == files.path("themes") == data_path("themes.toml")
    assert lex.names == THEMES
    assert lex.labels == {"terror": "Terror", "nep": "NEP", "free_thought": "Free thought"}
    assert lex.themes["description"].str.len().min() > 100
    terms = lex.terms.set_index(["theme", "term"])
    assert terms.loc[("nep", "N.E.P."), "weight"] == 3.0
    assert terms.loc[("terror", "Cheka"), "core"]
    assert not terms.loc[("terror", "prison"), "core"]
    # the line numbers point at the entries in the file
    raw = data_path("themes.toml").read_text(encoding="utf-8").splitlines()
    for term, line in lex.terms[["term", "line"]].itertuples(index=False):
        assert f'"{term}"' in raw[line - 1].replace("\\\\", "\\")  # TOML doubles backslashes


GOOD_THEME = ('[terror]\ndescription = "State violence."\n'
              'terms = [\n  { term = "Cheka", weight = 3 },\n')


@pytest.mark.parametrize(("body", "message"), [
    ("[terror\n", r"not valid TOML.*line 1"),
    ('[Terror]\ndescription = "x"\nterms = [{ term = "a" }]\n',
     r"line 1: theme \[Terror\] must be a table whose key is a lower-case identifier"),
    ('[terror]\nterms = [{ term = "a" }]\n', r"line 1: theme \[terror\], key 'description'"),
    ('[terror]\ndescription = "x"\nterms = []\n', r"line 1: theme \[terror\], key 'terms'"),
    ('[terror]\ndescription = "x"\ncolour = "red"\nterms = [{ term = "a" }]\n',
     r"unknown key 'colour'"),
    (GOOD_THEME + '  { term = "shot", wieght = 2 },\n]\n',
     r"line 5: \[terror\] term 2: unknown key 'wieght'"),
    (GOOD_THEME + '  { term = "shot", weight = -1 },\n]\n',
     r"line 5: \[terror\] term 'shot', key 'weight': -1 is not a positive finite number"),
    (GOOD_THEME + '  { term = "shot", weight = inf },\n]\n',
     r"line 5: \[terror\] term 'shot', key 'weight': inf is not a positive finite number"),
    ('[start]\ndescription = "x"\nterms = [{ term = "a" }]\n',
     r"line 1: theme \[start\]: the key is also a column of the score tables"),
    ('[terror]\nlabel = 3\ndescription = "x"\nterms = [{ term = "a" }]\n',
     r"line 1: theme \[terror\], key 'label': not a text"),
    (GOOD_THEME + '  { term = "shot", weight = "two" },\n]\n', r"line 5: .*key 'weight'"),
    (GOOD_THEME + '  { term = "shot", weight = true },\n]\n', r"line 5: .*key 'weight'"),
    (GOOD_THEME + '  { term = "cheka", weight = 1 },\n]\n',
     r"\[terror\] key 'term': 'cheka' is listed twice"),
    (GOOD_THEME + '  { term = "/(bad/" },\n]\n', r"line 5: \[terror\] key 'term': bad regular"),
    (GOOD_THEME + '  { term = "" },\n]\n', r"\[terror\] term 2, key 'term': missing or empty"),
    (GOOD_THEME + '  "shot",\n]\n', r"\[terror\] term 2 must be a table"),
    ("", r"no theme defined"),
])
def test_bad_lexicon_names_file_line_and_key(tmp_path, body, message):
    path = tmp_path / "lexicon.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"lexicon\.toml") as err:
        themes.load_lexicon(path)
    assert re.search(message, str(err.value)), str(err.value)
    assert "\n" not in str(err.value)  # one line, for the command line


@pytest.mark.parametrize("key", sorted(RESERVED))
def test_a_theme_may_not_take_a_column_name(tmp_path, key):
    path = tmp_path / "lexicon.toml"
    path.write_text(f'[{key}]\ndescription = "x"\nterms = [{{ term = "a" }}]\n', encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        themes.load_lexicon(path)
    assert str(err.value).startswith(f"{path}: line 1: theme [{key}]: the key is also a column")
    assert "\n" not in str(err.value)


def test_the_reserved_names_include_the_columns_themes_meet():
    # score tables and the density track, the per-sentence evidence (n_words), the readers'
    # annotation the scores are merged with (label, opening, reason), and the mentions
    # the theme ties are merged with (person_id): a theme of that name would clash
    assert {"paragraph_id", "sentence_id", "start", "end", "word_index", "position",
            "n_words", "label", "opening", "reason", "person_id"} <= RESERVED


def test_labels_default_to_the_key(tmp_path):
    path = tmp_path / "lexicon.toml"
    path.write_text('[war]\ndescription = "x"\nterms = [{ term = "war" }]\n', encoding="utf-8")
    assert themes.load_lexicon(path).labels == {"war": "war"}


def test_lexicon_summary_lists_every_term(lexicon):
    summary = themes.lexicon_summary(lexicon)
    lex = lexicon
    assert summary["n_terms"].sum() == len(lex.terms)
    assert summary["theme"].tolist()[:3] == ["terror"] * 3


#: The second revision of free thought (themes.toml), undone: the list before it.
ADDED = ["expel*", "expuls*", "Party discipline", "awkward question*", "oppose", "opposed",
         "opposing", "disagree*", "protest*", "heckl*", "polemic*", "legend*"]
DEMOCRACY = "/(?<!\\w)(?<!social[\\s-])democra\\w*/"


def test_variant_undoes_the_revision_of_free_thought(chapter, lexicon):
    before = themes.variant(lexicon, "free_thought", drop=[*ADDED, DEMOCRACY],
                            weights={"intellectual*": 2}, add={"democra*": 1})
    assert before.names == lexicon.names and before.path == lexicon.path
    assert len(before.terms) == len(lexicon.terms) - len(ADDED)
    hits = themes.lexicon_hits(chapter, before).groupby("theme").size().to_dict()
    assert hits == {"free_thought": 69, "nep": 46, "terror": 80}   # the counts before the revision
    democrats = themes.lexicon_hits(chapter, before)
    assert "Democrats" in set(democrats.loc[democrats["term"] == "democra*", "match"])   # Social-
    others = lexicon.terms[lexicon.terms["theme"] != "free_thought"].reset_index(drop=True)
    pd.testing.assert_frame_equal(
        before.terms[before.terms["theme"] != "free_thought"].reset_index(drop=True), others)
    changes = themes.compare_lexicons(before, lexicon)
    assert len(changes) == len(ADDED) + 3
    assert changes.set_index("term").loc["intellectual*", ["before", "after"]].tolist() == [2, 1]
    assert changes.set_index("term")["after"].isna().sum() == 1          # democra* dropped
    assert (changes["note"] != "").sum() >= len(ADDED)                  # every new term says why
    assert themes.compare_lexicons(lexicon, lexicon).empty


def test_a_core_weight_makes_a_core_term(lexicon):
    stronger = themes.variant(lexicon, "free_thought", weights={"truth": 3})
    terms = stronger.terms.set_index(["theme", "term"])
    assert bool(terms.loc[("free_thought", "truth"), "core"])
    assert not bool(lexicon.terms.set_index(["theme", "term"]).loc[("free_thought", "truth"), "core"])


@pytest.mark.parametrize("change, message", [
    ({"theme": "press"}, "no theme 'press'"),
    ({"drop": ["freedoms"]}, "has no term 'freedoms'"),
    ({"weights": {"freedoms": 2}}, "has no term 'freedoms'"),
    ({"add": {"truth": 1}}, "already has the term 'truth'"),
    ({"add": {"lies*": 0}}, "not positive"),
    ({"add": {"/(/": 1}}, "bad regular expression"),
])
def test_bad_variant(lexicon, change, message):
    theme = change.pop("theme", "free_thought")
    with pytest.raises(ValueError, match=re.escape(message)):
        themes.variant(lexicon, theme, **change)


# --- hits ---------------------------------------------------------------------------


def test_known_hits(chapter, hits):
    truth = hits[hits["term"] == "official truth"]
    assert truth["paragraph_id"].tolist() == [16]
    assert chapter.seed_text[truth["start"].iloc[0]:truth["end"].iloc[0]] == "official truth"
    assert hits[hits["term"] == "N.E.P."]["paragraph_id"].tolist() == [3, 3, 4, 40]
    kron = hits[(hits["theme"] == "terror") & (hits["term"] == "Kronstadt")]
    assert kron["start"].tolist() == chapter.find(r"Kronstadt")["start"].tolist()
    assert len(kron) == 6
    assert hits.groupby("theme").size().to_dict() == {"free_thought": 79, "nep": 46,
                                                      "terror": 80}
    # the famine is a calamity, not the policy: no NEP hit on the Volga famine's words
    nep = hits[hits["theme"] == "nep"]
    assert not nep["match"].str.contains(r"(?i)famine|hunger|starv").any()


def test_overlaps_within_a_theme_count_once(chapter, hits):
    nep = hits[hits["theme"] == "nep"]
    # "New Economic Policy" counts once, not again as econom*
    for start, end in nep.loc[nep["term"] == "New Economic Policy", ["start", "end"]].values:
        inside = nep[(nep["start"] >= start) & (nep["end"] <= end)]
        assert inside["term"].tolist() == ["New Economic Policy"]
    # the multi-word term wins at the same place: "critical sense", not critic*
    assert "critical sense" in hits["term"].tolist()
    # but themes are independent: "economic freedom" is nep and free thought
    at = chapter.seed_text.index("economic freedom")
    there = hits[(hits["start"] >= at) & (hits["end"] <= at + len("economic freedom"))]
    assert sorted(there["theme"]) == ["free_thought", "nep"]


def test_hits_are_traceable(chapter, hits):
    sents = chapter.sentences.set_index("sentence_id")
    for row in hits.itertuples(index=False):
        assert re.sub(r"\s+", " ", chapter.established(row.start, row.end)) == \
            re.sub(r"\s+", " ", row.match)
        sent = sents.loc[row.sentence_id]
        assert sent["start"] <= row.start < row.end <= sent["end"]
        assert sent["paragraph_id"] == row.paragraph_id
    for _, group in hits.groupby("theme"):
        group = group.sort_values("start")
        assert (group["start"].to_numpy()[1:] >= group["end"].to_numpy()[:-1]).all()


def test_democracy_is_not_the_social_democrats(hits):
    mine = hits[(hits["theme"] == "free_thought") & (hits["term"] == DEMOCRACY)]
    assert set(mine["match"]) == {"democracy", "democratic"}
    assert not hits["match"].str.contains("Democrats").any()


def test_acts_of_dissent_are_found(hits):
    free = hits[hits["theme"] == "free_thought"]
    found = set(zip(free["paragraph_id"], free["match"]))
    # Levi's expulsion, Trotsky heckled about Party discipline, Souvarine's awkward questions
    assert {(7, "expulsion"), (15, "heckled"), (15, "Party discipline"),
            (22, "awkward questions")} <= found


def test_trade_union_is_not_trade(hits):
    trade = hits[hits["term"].str.startswith("/trad")]
    assert trade["match"].str.lower().tolist() == ["trading", "trade", "trade"]
    assert 29 not in trade["paragraph_id"].tolist()  # "a trade-union International"


def test_expansion(chapter, lexicon, lexicon_only, hits, stopwords):
    assert themes.expansion_terms(chapter, lexicon, lexicon_only, stopwords=stopwords).empty
    assert set(hits["source"]) == {"lexicon"}  # so the bundled hits are the lexicon's alone
    assert hits.equals(lexicon_only)
    loose = themes.expansion_terms(chapter, lexicon, lexicon_only, min_count=2, threshold=6.63,
                                   stopwords=stopwords)
    terror = loose[loose["theme"] == "terror"]
    assert {"tagantsev", "chorny"} <= set(terror["term"])
    assert len(terror) == 14  # 'since', the 15th before the stop list held it, is a stop word
    assert (loose["log_likelihood"] >= 6.63).all() and (loose["observed"] >= 2).all()
    lexicon_words = {"cheka", "terror", "requisitioning", "volfila"}
    assert not lexicon_words & set(loose["term"])
    assert not stopwords & set(loose["term"])


# --- scores -------------------------------------------------------------------------


@pytest.mark.parametrize("method", themes.METHODS)
def test_score_tables_keep_the_contract(chapter, lexicon, hits, method):
    para = themes.paragraph_scores(chapter, lexicon, hits=hits, method=method)
    assert list(para.columns) == ["paragraph_id", "start", "end", *THEMES]
    assert para[["paragraph_id", "start", "end"]].equals(
        chapter.paragraphs[["paragraph_id", "start", "end"]].reset_index(drop=True))
    assert (para[THEMES] >= 0).all().all()
    sent = themes.sentence_scores(chapter, lexicon, hits=hits, method=method)
    assert list(sent.columns) == ["sentence_id", "paragraph_id", "start", "end", *THEMES]
    assert len(sent) == len(chapter.sentences)
    assert (sent[THEMES] >= 0).all().all()


def test_count_is_the_number_of_hits(chapter, lexicon):
    counts = themes.paragraph_scores(chapter, lexicon, method="count").set_index("paragraph_id")
    hits = themes.theme_hits(chapter, lexicon, expand=False)
    by_hand = hits.groupby(["paragraph_id", "theme"]).size().unstack(fill_value=0)
    assert counts.loc[49, "free_thought"] == 15
    assert (counts.loc[by_hand.index, THEMES].to_numpy() == by_hand[THEMES].to_numpy()).all()


def test_density_by_hand(chapter, lexicon, lexicon_only):
    density = themes.paragraph_scores(chapter, lexicon, method="density").set_index("paragraph_id")
    hits = lexicon_only
    n_words = int((chapter.words["paragraph_id"] == 43).sum())
    weights = hits[(hits["paragraph_id"] == 43) & (hits["theme"] == "terror")]["weight"].sum()
    assert density.loc[43, "terror"] == pytest.approx(100 * weights / (n_words + 25))
    assert density.loc[43, "terror"] == density[THEMES].to_numpy().max()


def test_context_reaches_the_unnamed_paragraph(chapter, lexicon, hits):
    density = themes.paragraph_scores(chapter, lexicon, hits=hits,
                                      method="density").set_index("paragraph_id")
    context = themes.paragraph_scores(chapter, lexicon, hits=hits).set_index("paragraph_id")
    # Bely's cry (51) and the faces of the Gumilevs (47) name no theme
    assert density.loc[[47, 51], THEMES].to_numpy().sum() == 0
    assert context.loc[47, "terror"] > 0 and context.loc[51, "free_thought"] > 0
    # the editor's notes are not bridged: note 45 gets nothing from paragraph 44
    assert context.loc[45, "terror"] == density.loc[45, "terror"] == 0


def test_kernel_is_symmetric_and_respects_streams(chapter):
    kernel = themes.sentence_kernel_pairs(chapter)
    pairs = kernel.set_index(["sentence_id", "neighbour_id"])["weight"]
    swapped = kernel.set_index(["neighbour_id", "sentence_id"])["weight"]
    swapped.index = swapped.index.rename(["sentence_id", "neighbour_id"])
    assert pairs.sort_index().equals(swapped.sort_index())
    kind = chapter.paragraphs.set_index("paragraph_id")["kind"]
    para = chapter.sentences.set_index("sentence_id")["paragraph_id"]
    a, b = para.loc[kernel["sentence_id"]].to_numpy(), para.loc[kernel["neighbour_id"]].to_numpy()
    crossing = a != b
    assert (kind.loc[a[crossing]].to_numpy() == "narrative").all()
    assert (kind.loc[b[crossing]].to_numpy() == "narrative").all()
    assert kernel["weight"].max() == 1.0 and (kernel["weight"] > 0).all()


@settings(max_examples=12)
@given(st.integers(3, 63), st.sampled_from(themes.METHODS))
def test_explain_adds_up_to_the_score(chapter, lexicon, hits, paragraph_id, method):
    scores = themes.paragraph_scores(chapter, lexicon, hits=hits,
                                     method=method).set_index("paragraph_id")
    why = themes.explain(chapter, paragraph_id, lexicon, hits=hits, method=method)
    total = why.groupby("theme")["contribution"].sum().reindex(THEMES, fill_value=0.0)
    assert total.to_numpy() == pytest.approx(scores.loc[paragraph_id, THEMES].to_numpy())


def test_unknown_method(chapter, lexicon, hits):
    with pytest.raises(ValueError, match="unknown method 'magic'"):
        themes.paragraph_scores(chapter, lexicon, hits=hits, method="magic")


def test_another_text(tmp_path, lexicon):
    """The method runs on any chapter: a made-up text, scored by hand."""
    path = tmp_path / "other.txt"
    path.write_text(
        "Another Chapter\n\n"
        "The Cheka arrested the poet at dawn. Nobody spoke of it afterwards.\n\n"
        "The market opened again and money came back. Bread cost a rouble.\n",
        encoding="utf-8")
    other = load_chapter(path)
    counts = themes.paragraph_scores(other, lexicon, method="count").set_index("paragraph_id")
    assert counts.loc[2, THEMES].tolist() == [2, 0, 1]  # Cheka, arrested; poet
    assert counts.loc[3, THEMES].tolist() == [0, 3, 0]  # market, money, rouble (not bread)
    density = themes.paragraph_scores(other, lexicon, method="density").set_index("paragraph_id")
    assert density.loc[2, "terror"] == pytest.approx(100 * (3 + 2) / (12 + 25))
    sentences = themes.sentence_scores(other, lexicon).set_index("sentence_id")
    # the silent second sentence inherits terror from the first, and a little
    # NEP across the paragraph break (weight decay * boundary = 0.05)
    assert sentences.loc[3, "terror"] > 5 * sentences.loc[3, "nep"] > 0


# --- annotation and agreement -------------------------------------------------------


def test_annotation_covers_every_narrative_paragraph(chapter, annotation):
    narrative = chapter.paragraphs.loc[chapter.paragraphs["kind"] == "narrative", "paragraph_id"]
    assert len(annotation) == 3 * len(narrative)
    assert set(annotation["label"]) == {0, 1, 2}
    labels = annotation.set_index(["paragraph_id", "theme"])["label"]
    assert labels[(43, "terror")] == 2 and labels[(35, "nep")] == 2
    assert labels[(51, "free_thought")] == 2 and labels[(5, "terror")] == 0


ANNOTATION_HEAD = "start,end,prefix,exact,suffix,theme,label,reason\n"
P3 = "90,153,,The Third Congress of the Communist International met at Moscow,"


def _p8() -> str:
    """Paragraph 8 (an editor's note), quoted by its opening."""
    from analysis import load_chapter

    para = load_chapter().paragraphs.set_index("paragraph_id").loc[8]
    return f"{para.start},{para.start + 10},,{para.text[:10]},"


@pytest.mark.parametrize(("row", "message"), [
    (P3 + ",terror,3,x", r"row 2, column label: 3 is above the maximum, 2"),
    (P3 + ",war,1,x", r"row 2, column theme: 'war' is not one of terror, nep, free_thought"),
    ("P8,terror,1,x", r"row 2, column exact: paragraph 8 is editorial, not narrative"),
    (P3 + ",terror,1,", r"row 2, column reason: empty"),
    (P3 + ",terror,1,x\n" + P3 + ",terror,0,y",
     r"row 3: paragraph 3 and theme terror are annotated already in row 2"),
    (P3 + ",terror,1,x", r"no row for paragraph 3 and theme nep"),
])
def test_bad_annotation_names_file_row_and_column(chapter, lexicon, tmp_path, row, message):
    path = tmp_path / "ann.csv"
    path.write_text(ANNOTATION_HEAD + row.replace("P8", _p8()) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"ann\.csv") as err:
        themes.load_theme_readings(chapter, {"reader_a": path}, lexicon.names)
    assert re.search(message, str(err.value)), str(err.value)


def test_a_quote_not_in_the_text_is_left_out_with_a_note(chapter, lexicon, tmp_path):
    path = tmp_path / "ann.csv"
    path.write_text(ANNOTATION_HEAD + "90,104,,The Fourth Congress,,terror,1,x\n"
                    + P3 + ",nep,0,y\n", encoding="utf-8")
    readings = themes.load_theme_readings(chapter, {"reader_a": path}, lexicon.names)
    assert readings.reader_a[["paragraph_id", "theme", "label"]].values.tolist() == [[3, "nep", 0]]
    # the file no longer covers every paragraph and theme: that is said, not an error
    assert readings.notes == (f"{path}: 1 of 2 anchored (0 moved); not found: row 2 "
                              "'The Fourth Congress' (at 90)",)


def test_annotation_missing_column(chapter, lexicon, tmp_path):
    path = tmp_path / "ann.csv"
    path.write_text("paragraph_id,theme,label,reason\n3,terror,1,x\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"ann\.csv: row 1 \(header\): missing column\(s\) "
                                            r"start, end, exact"):
        themes.load_theme_readings(chapter, {"reader_a": path}, lexicon.names)


def test_annotation_is_checked_against_the_lexicon_given(chapter, tmp_path):
    path = tmp_path / "ann.csv"
    path.write_text(ANNOTATION_HEAD + P3 + ",terror,1,x\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"column theme: 'terror' is not one of war"):
        themes.load_theme_readings(chapter, {"reader_a": path}, ["war"])


def test_agreement(chapter, lexicon, hits, annotation):
    scores = themes.paragraph_scores(chapter, lexicon, hits=hits, method="density")
    table = themes.agreement(scores, annotation, n_boot=300, seed=1).set_index("theme")
    assert table.loc["terror", "n"] == 52 and table.loc["terror", "n_present"] == 24
    merged = annotation[annotation["theme"] == "nep"].merge(scores, on="paragraph_id")
    rho = stats.spearmanr(merged["nep"], merged["label"]).statistic
    assert table.loc["nep", "spearman"] == pytest.approx(rho)
    assert (table["auc_low"] <= table["auc"]).all() and (table["auc"] <= table["auc_high"]).all()
    again = themes.agreement(scores, annotation, n_boot=300, seed=1).set_index("theme")
    assert again.equals(table)  # seeded: the same interval every time
    assert table.loc["terror", "auc"] > 0.85  # a real, checked level (see the book)


def test_compare_scores_and_silent_paragraphs(chapter, lexicon, hits, lexicon_only,
                                              annotation):
    tables = {m: themes.paragraph_scores(chapter, lexicon, hits=hits, method=m)
              for m in ("density", "context")}
    table = themes.compare_scores(tables, annotation, n_boot=100)
    assert table["method"].tolist() == ["density"] * 3 + ["context"] * 3
    silent = themes.silent_annotation(annotation, hits)
    hits = lexicon_only
    for pid, theme in silent[["paragraph_id", "theme"]].itertuples(index=False):
        assert not ((hits["paragraph_id"] == pid) & (hits["theme"] == theme)).any()
    on_silent = themes.agreement(tables["density"], silent, n_boot=50).set_index("theme")
    assert on_silent.loc["terror", "auc"] == 0.5  # all zero: no better than chance


def test_cooccurrence_and_correlation(chapter, lexicon, hits, annotation):
    co = themes.annotated_cooccurrence(annotation)
    assert list(co.index) == THEMES and (co.to_numpy() == co.to_numpy().T).all()
    assert co.loc["terror", "terror"] == 24
    corr = themes.score_correlation(themes.paragraph_scores(chapter, lexicon, hits=hits))
    assert list(corr.index) == THEMES
    assert np.diag(corr.to_numpy()) == pytest.approx(1.0)


# --- along the chapter, and the export ----------------------------------------------


def test_theme_density(chapter, lexicon, hits):
    density = themes.theme_density(chapter, lexicon, hits=hits, bandwidth=100, step=5)
    assert list(density.columns) == ["word_index", "position", *THEMES]
    assert (density[THEMES] >= 0).all().all()
    assert density["position"].is_monotonic_increasing
    peak = density.loc[density["terror"].idxmax(), "position"]
    start = chapter.paragraphs.set_index("paragraph_id")["start"] / len(chapter.seed_text)
    assert start[43] - 0.03 < peak < start[47]  # the Tagantsev and Gumilev executions


def test_along_chapter(chapter, hits):
    placed = along_chapter(chapter, hits)
    assert placed["position"].between(0, 1).all()
    assert (placed["position"] <= placed["position_end"]).all()


def test_export_writes_the_theme_tables(chapter, files, exported):
    results = Analyses(chapter, files)
    assert TABLES["themes.csv"](results) is results.paragraph_scores
    assert TABLES["theme_hits.csv"](results) is results.theme_hits
    written = exported
    table = pd.read_csv(written["themes.csv"])
    assert list(table.columns) == ["paragraph_id", "start", "end", *THEMES]
    assert len(table) == len(chapter.paragraphs)
    hit_table = pd.read_csv(written["theme_hits.csv"])
    assert list(hit_table.columns)[:6] == ["theme", "term", "sentence_id", "paragraph_id",
                                           "start", "end"]
    assert Path(written["theme_hits.csv"]).stat().st_size > 0


WORDS = {"Cheka": "terror", "famine": None, "money": "nep", "liberty": "free_thought",
         "the": None, "men": None, "walked": None, "and": None, "slowly": None}


@settings(max_examples=20)
@given(st.lists(st.lists(st.sampled_from(sorted(WORDS)), min_size=3, max_size=15),
                min_size=1, max_size=4))
def test_counts_on_made_up_texts(tmp_path_factory, lexicon, paragraphs):
    """Any text: every inserted lexicon word is one hit of its theme, and nothing else is."""
    path = tmp_path_factory.mktemp("made-up") / "text.txt"
    path.write_text("\n\n".join(" ".join(words).capitalize() + "." for words in paragraphs),
                    encoding="utf-8")
    other = load_chapter(path)
    counts = themes.paragraph_scores(other, lexicon, method="count")
    expected = pd.DataFrame([{theme: sum(WORDS[w] == theme for w in words) for theme in THEMES}
                             for words in paragraphs])
    assert (counts[THEMES].to_numpy() == expected.to_numpy()).all()
    density = themes.paragraph_scores(other, lexicon, method="density")[THEMES].to_numpy()
    assert ((density > 0) == (expected.to_numpy() > 0)).all()
    assert (themes.paragraph_scores(other, lexicon)[THEMES] >= 0).all().all()
    assert len(themes.theme_hits(other, lexicon, expand=False)) == int(expected.to_numpy().sum())
