"""The page *Themes* for any text: its numbers, figures, tables and sections.

On the bundled chapter the numbers are checked against values derived here from
the files; on another text without readers' labels every undefined number is
``None`` and every function that needs the labels returns ``None``; with a
lexicon of other themes and one reader (or two without an adjudication) the
page follows the lexicon's names and says what it lacks.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.figure import Figure
from scipy import stats as scipy_stats

from analysis import themes
from analysis.datafiles import DataFiles
from analysis.errors import AnalysisError
from analysis.pages import themes as page
from analysis.pages.figures import CompactFigure
from analysis.pages.format import ONE_READER, readers_words
from analysis.results import Analyses
from analysis.text.records import write_records
from analysis.themes import scoring

RUSSELL = Path(__file__).resolve().parents[2] / "seeds" / "russell-bolshevism-lenin-trotsky-gorky.txt"
FAMINE = r"famine|starv|hunger"
REVISION = page.Revision("free_thought", added=("legend*", "heckl*"),
                         earlier_weights={"intellectual*": 2}, seed=1921, target=0.9)

OTHER = """\
[hunger]
label = "Hunger and want"
description = "The famine and the want of bread."
terms = [
  { term = "famine", weight = 3 },
  { term = "hunger", weight = 3 },
  { term = "starv*", weight = 2 },
  { term = "food", weight = 1 },
]

[power]
label = "Power and its men"
description = "Government, its leaders and its police."
terms = [
  { term = "Lenin", weight = 3 },
  { term = "Trotsky", weight = 3 },
  { term = "government", weight = 2 },
  { term = "power", weight = 1 },
]
"""

#: The kinds of page function, by what they return.
TABLES = ["lexicon_table", "hits_table", "explain_table", "top_table", "correlation_table",
          "collocates_table", "keyness_table", "rare_words_table", "frequencies_table"]
NEED_READERS = ["readings_table", "auc_table", "methods_table", "silent_table",
                "sensitivity_table", "errors_table"]
FIGURES = ["figure_along", "figure_interlock", "figure_collocates"]
READER_FIGURES = ["figure_readers_auc", "figure_methods", "figure_by_label"]
SECTIONS = ["lexicon_section", "interlock_section", "readers_section", "validation_section"]


@pytest.fixture(scope="module")
def serge() -> Analyses:
    return Analyses.load()


@pytest.fixture(scope="module")
def numbers(serge: Analyses) -> dict[str, object]:
    return page.numbers(serge, older_scope={"nep": FAMINE}, cited=[38, 49], term="Kronstadt")


@pytest.fixture(scope="module")
def bare() -> Analyses:
    """Another text, with no data folder: no readers' labels, no episodes."""
    return Analyses.load(RUSSELL)


def _folder(tmp: Path, text: Path, lexicon: str, readers: int) -> Analyses:
    """A data folder with a lexicon of other themes and ``readers`` made-up readings of them."""
    (tmp / "themes.toml").write_text(lexicon, encoding="utf-8")
    files = DataFiles.from_dir(tmp)
    results = Analyses.load(text, files)
    if readers:
        (tmp / "annotations").mkdir()
        counts = themes.paragraph_scores(results.chapter, results.lexicon, method="count")
        counts = counts.set_index("paragraph_id")
        for reader, name in zip(range(readers), ("themes_reader_a.csv", "themes_reader_b.csv")):
            rows = [(pid, t, min(2, int(counts.loc[pid, t]) + reader * (pid % 2)), "from the count")
                    for pid in results.chapter.narrative_ids() for t in results.lexicon.names]
            write_records(results.chapter, pd.DataFrame(rows, columns=[
                "paragraph_id", "theme", "label", "reason"]), tmp / "annotations" / name, "paragraph")
        results = Analyses.load(text, DataFiles.from_dir(tmp))
    return results


@pytest.fixture(scope="module")
def one_reader(tmp_path_factory: pytest.TempPathFactory) -> Analyses:
    return _folder(tmp_path_factory.mktemp("one"), RUSSELL, OTHER, readers=1)


@pytest.fixture(scope="module")
def two_readers(tmp_path_factory: pytest.TempPathFactory) -> Analyses:
    return _folder(tmp_path_factory.mktemp("two"), RUSSELL, OTHER, readers=2)


@pytest.fixture(scope="module")
def other_bare(tmp_path_factory: pytest.TempPathFactory) -> Analyses:
    return _folder(tmp_path_factory.mktemp("bare"), RUSSELL, OTHER, readers=0)


def _decimals(value: float) -> int:
    text = repr(value)
    return len(text.split(".")[1]) if "." in text and "e" not in text else 0


def _texts(fig: Figure) -> list[str]:
    """Every piece of text a figure shows: titles, labels, tick labels, legends, annotations."""
    out = []
    for ax in fig.axes:
        out += [ax.get_title(loc="left"), ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        out += [t.get_text() for t in [*ax.get_xticklabels(), *ax.get_yticklabels(), *ax.texts]]
        if ax.get_legend() is not None:
            out += [t.get_text() for t in ax.get_legend().get_texts()]
    return out


# --- the bundled chapter: real values ---------------------------------------------------------


def test_counts_of_the_lexicon_and_its_hits(serge, numbers):
    lex, hits = serge.lexicon, serge.theme_hits
    assert numbers["themes_n_terms"] == len(lex.terms) == sum(
        numbers[f"themes_n_terms_{t}"] for t in lex.names)
    assert numbers["themes_n_hits"] == len(hits) == sum(numbers[f"themes_n_hits_{t}"]
                                                        for t in lex.names)
    assert numbers["themes_n_core"] == int((lex.terms["weight"] >= 3).sum())
    assert numbers["themes_n_annotated"] == numbers["themes_n_narrative"] == 52
    # paragraph 43, 'Since Kronstadt there had been a revival of the Terror', leads the Terror
    assert numbers["themes_top_terror"] == 43
    assert numbers["themes_score_p38_nep"] == round(float(
        serge.paragraph_scores.set_index("paragraph_id").loc[38, "nep"]), 2) > 0
    assert numbers["themes_n_concordance"] == len(re.findall(r"\bKronstadt\b",
                                                             serge.chapter.text)) == 6


def test_the_adjudicator_sided_with_reader_b_and_reader_a_counted_the_famine(serge, numbers):
    ref = serge.readings("themes").reference()
    adjudicated = ref[ref["how"] == "adjudicated"]
    assert numbers["themes_n_disagreements"] == len(adjudicated) == 24
    assert numbers["themes_adj_with_b"] == int((adjudicated["label"] == adjudicated["reader_b"]).sum()) == 21
    nep = adjudicated[adjudicated["theme"] == "nep"]
    assert (numbers["themes_disagreements_nep"], numbers["themes_adj_with_b_nep"]) == (9, 7)
    famine = nep[(nep["reader_a"] > 0) & (nep["label"] == 0)
                 & nep["reason_a"].str.contains(FAMINE, case=False)]
    assert numbers["themes_older_scope_nep"] == len(famine) == 6
    pairs = serge.readings("themes").paired()
    pairs = pairs[pairs["theme"] == "nep"]
    same = int((pairs["reader_a"] == pairs["reader_b"]).sum())
    assert numbers["themes_readers_exact_nep"] == round(same / 52, 2)
    assert numbers["themes_readers_exact_nep_without_older"] == round((same + 6) / 52, 2)
    assert numbers["themes_ref_as_b"] == round((len(ref) - 24 + 21) / len(ref), 2)
    assert 0.6 < numbers["themes_readers_alpha_nep"] < 0.7  # 'about 0.67'


def test_the_terror_free_thought_correlation_is_weak_and_its_interval_holds_zero(serge, numbers):
    scores = serge.paragraph_scores
    narrative = scores[scores["paragraph_id"].isin(serge.chapter.narrative_ids())]
    rho = scipy_stats.spearmanr(narrative["terror"], narrative["free_thought"]).statistic
    assert numbers["themes_rho_terror_free_thought"] == round(rho, 2) == 0.19
    assert numbers["themes_rho_terror_free_thought_strength"] == "weak"
    assert numbers["themes_rho_terror_free_thought_low"] < 0 < numbers["themes_rho_terror_free_thought_high"]
    assert numbers["themes_rho_terror_free_thought_zero"] == "includes zero"
    assert numbers["themes_co_terror_free_thought"] == 12


def test_collocates_carry_meaning_and_p_values_are_never_zero(serge, numbers):
    table = page.collocates_table(serge)
    assert not set(table["collocate"]) & {"since", "well", "saw", "seemed"}
    assert not set(table["collocate"]) & serge.stopwords
    assert numbers["themes_top_collocate"] == table.sort_values(
        ["log_dice", "log_likelihood"], ascending=False)["collocate"].iloc[0]
    for frame in (table, page.keyness_table(serge), page.rare_words_table(serge),
                  page.methods_table(serge)):
        p = frame["p_value" if "p_value" in frame else "spearman_p"]
        assert p.str.match(r"^p (< 0\.001|= 0\.\d{3})$").all()
    assert numbers["themes_top_collocate_p"].startswith("p ")


def test_numbers_are_plain_and_rounded_as_printed(numbers):
    three = re.compile(r"themes_(mean_auc|auc|auc_low|auc_high|spearman)_(count|density|context|prereg)")
    for key, value in numbers.items():
        assert key.startswith("themes_")
        assert value is None or type(value) in (int, float, str), key
        if isinstance(value, float):
            assert not math.isnan(value), key
            assert _decimals(value) <= (3 if three.match(key) else 2), (key, value)


def test_tables_show_whole_cells(serge):
    summary = page.lexicon_table(serge)
    assert summary["n_terms"].sum() == len(serge.lexicon.terms)
    for row in summary.itertuples(index=False):
        terms = serge.lexicon.terms
        mine = terms[(terms["theme"] == row.theme) & (terms["weight"] == row.weight)]["term"]
        assert row.terms == ", ".join(mine)  # the whole list, not an opening
    assert len(page.disagreements_table(serge)) == 24
    assert not page.disagreements_table(serge)["reason"].str.endswith("…").any()


def test_revision_before_and_after(serge):
    n = page.revision_numbers(serge, REVISION)
    assert n["themes_n_dev"] + n["themes_n_held"] == 52 and n["themes_target_free_thought"] == 0.9
    assert n["themes_auc_before_terror"] == n["themes_split_auc_after_all_terror"]  # untouched
    changed = page.revision_table(serge, REVISION)
    assert set(changed["term"]) == {"legend*", "heckl*", "intellectual*"}
    assert isinstance(page.figure_split(serge, REVISION).figure, Figure)
    assert page.halves_table(serge, REVISION)["n"].tolist() == [26, 26]


def test_a_revision_that_does_not_fit_is_one_line(serge):
    for bad in (page.Revision("no_such_theme"), page.Revision("nep", added=("zzz*",))):
        with pytest.raises(AnalysisError) as caught:
            page.revision_numbers(serge, bad)
        assert "\n" not in str(caught.value) and "revision" in str(caught.value)


def test_sections_use_the_same_words_and_no_ceiling(serge):
    readers = page.readers_section(serge).data
    assert readers_words(2, adjudicated=True) in readers and "not a human ceiling" in readers
    assert "21 times" in readers
    assert "Terror" in page.lexicon_section(serge).data


# --- another text, with nothing but the text ------------------------------------------------


def test_a_text_without_labels_has_the_same_keys_undefined(serge, bare):
    n, full = page.numbers(bare), page.numbers(serge)
    assert set(n) == set(full)
    assert n["themes_n_readers"] == 0
    for key in ("themes_n_annotated", "themes_adj_with_b", "themes_auc_ref_terror",
                "themes_readers_alpha_nep", "themes_co_terror_nep", "themes_mean_auc_context",
                "themes_n_silent"):
        assert n[key] is None, key
    assert n["themes_n_words"] == len(bare.chapter.words)
    assert bare.paragraph_scores[bare.lexicon.names].dtypes.eq(float).all()


def test_every_function_accepts_a_text_without_labels(bare):
    for name in TABLES:
        assert isinstance(getattr(page, name)(bare), pd.DataFrame), name
    for name in [*NEED_READERS, "readers_table", "disagreements_table", *READER_FIGURES]:
        assert getattr(page, name)(bare) is None, name
    for name in FIGURES:
        fig = getattr(page, name)(bare).figure
        assert not any("Serge" in t for t in _texts(fig)), name
    assert len(page.figure_interlock(bare).figure.axes) == 1  # the scores' panel alone
    assert page.split_table(bare, REVISION) is None and page.figure_split(bare, REVISION) is None
    assert page.revision_numbers(bare, REVISION)["themes_split_auc_after_held_free_thought"] is None
    text = page.readers_section(bare).data
    assert "No reference reading for this text" in text and "stand alone" in text
    assert "not measured" in page.validation_section(bare).data
    assert "no lexicon of its own" in page.lexicon_section(bare).data


# --- other themes, one reader, two readers without an adjudicator ----------------------------


def test_other_themes_name_the_page(other_bare):
    names = other_bare.lexicon.names
    n = page.numbers(other_bare)
    assert names == ["hunger", "power"] and "themes_n_terms_hunger" in n
    assert not any(k.endswith("_terror") for k in n)
    assert "themes_rho_hunger_power" in n and n["themes_co_hunger_power"] is None
    fig = page.figure_along(other_bare).figure
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Hunger and want",
                                                                       "Power and its men"]
    assert "Hunger and want" in page.lexicon_section(other_bare).data
    assert "no lexicon of its own" not in page.lexicon_section(other_bare).data


def test_one_reader_is_the_standard_and_no_agreement_is_given(one_reader):
    found = one_reader.readings("themes")
    assert found.n_readers == 1
    n = page.numbers(one_reader)
    assert n["themes_n_readers"] == 1 and n["themes_n_annotated"] == 9
    assert n["themes_auc_ref_power"] is None and n["themes_readers_alpha_power"] is None
    assert n["themes_adj_with_b"] is None and n["themes_auc_a_power"] is not None
    assert page.readers_table(one_reader) is None and page.disagreements_table(one_reader) is None
    assert page.auc_table(one_reader)["annotation"].unique().tolist() == ["reader A"]
    fig = page.figure_readers_auc(one_reader).figure
    assert [ax.get_title(loc="left") for ax in fig.axes] == list(
        one_reader.lexicon.labels.values())[:len(fig.axes)]
    assert ONE_READER in page.readers_section(one_reader).data
    assert "against the reader" in page.validation_section(one_reader).data


def test_two_readers_without_an_adjudication(two_readers):
    n = page.numbers(two_readers)
    found = two_readers.readings("themes")
    assert n["themes_n_readers"] == 2 and n["themes_n_disagreements"] == len(found.disagreements()) > 0
    assert n["themes_adj_with_b"] == 0
    open_ = page.disagreements_table(two_readers)
    assert len(open_) == n["themes_n_disagreements"] and open_["adjudicated"].isna().all()
    assert n["themes_readers_exact_hunger"] is not None
    text = page.readers_section(two_readers).data
    assert (f"no adjudicator has settled their {n['themes_n_disagreements']} disagreements, so the "
            "reference leaves them out") in text and "AI adjudicator" not in text
    for name in NEED_READERS:
        assert getattr(page, name)(two_readers) is not None, name


def test_the_readers_parts_come_whole_or_as_one_line(serge, bare, one_reader):
    assert [type(x).__name__ for x in page.validation_parts(bare)] == ["Markdown"]
    assert [type(x).__name__ for x in page.readers_parts(bare)] == ["Markdown"]
    full = page.validation_parts(serge)
    assert sum(isinstance(x, CompactFigure) for x in full) == 3
    assert sum(isinstance(x, pd.DataFrame) for x in page.readers_parts(serge)) == 3
    # one reader: its readings, no agreement table, no disagreements
    assert sum(isinstance(x, pd.DataFrame) for x in page.readers_parts(one_reader)) == 1
    for results in (bare, one_reader):
        for part in [*page.readers_parts(results), *page.validation_parts(results)]:
            text = getattr(part, "data", None) or " ".join(
                map(str, getattr(part, "columns", [])))
            assert "Serge" not in text and "hand" not in text.split()


@pytest.mark.parametrize("page", ["book/themes.ipynb", "analysis/book/pages/themes.md"])
def test_the_pages_state_the_scoring_parameters_the_code_uses(page: str) -> None:
    """The context method's parameters are written into both themes pages' prose: they must be
    those of analysis.themes.scoring (a change there would leave the pages describing another
    method)."""
    text = (Path(__file__).resolve().parents[2] / page).read_text(encoding="utf-8")
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
    assert f"(n + {scoring.PRIOR_WORDS:g})" in text
    assert f"${scoring.DECAY:g}^d$" in text and f"${scoring.BOUNDARY:g}$" in text
    assert f"up to {words[scoring.REACH]} sentences away" in text
