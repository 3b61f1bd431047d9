"""Tests of the people page (analysis.pages.people): its numbers, figures, tables and sections.

On the bundled chapter each number is checked against what it counts; on
another text (Russell's chapter on Lenin, Trotsky and Gorky, with its own
register and with none) and with one reader or an adjudication of the mention
check, every function works and says what the text lacks.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure

import analysis.pages.people as page
from analysis.datafiles import DataFiles, data_path
from analysis.pages.format import strength
from analysis.people.register import KILLINGS
from analysis.results import Analyses
from analysis.text import Chapter

ROOT = Path(__file__).resolve().parents[2]
RUSSELL = ROOT / "seeds" / "russell-bolshevism-lenin-trotsky-gorky.txt"
RUSSELL_DATA = ROOT / "tests" / "data" / "russell"
FIGURES = ("counts_figure", "timeline_figure", "network_figure", "portrayal_figure",
           "fates_figure")
TABLES = ("register_table", "record_table", "shared_names_table", "check_table",
          "centrality_table", "portrayal_table", "ties_table", "killings_table")
SECTIONS = ("check_section", "portrayal_section", "fates_section", "ties_section",
            "register_section")


@pytest.fixture(scope="module")
def values(results: Analyses) -> dict[str, object]:
    return page.numbers(results, people={"bela_kun": "kun", "nin": "nin"},
                        quotes={"win glory in the Crimea": ("win", "glory")})


@pytest.fixture(scope="module")
def russell() -> Analyses:
    """Russell's chapter with its own register, no annotations and no episodes."""
    if not RUSSELL.is_file() or not (RUSSELL_DATA / "people.csv").is_file():
        pytest.skip("Russell's chapter or its data folder (tests/data/russell) is not there")
    return Analyses.load(RUSSELL, DataFiles.from_dir(RUSSELL_DATA))


@pytest.fixture(scope="module")
def russell_bare() -> Analyses:
    """Russell's chapter with no data folder: the bundled register, no annotations."""
    if not RUSSELL.is_file():
        pytest.skip("Russell's chapter is not there")
    return Analyses.load(RUSSELL, DataFiles())


def _mention_folder(tmp: Path, chapter: Chapter, readers: tuple[str, ...],
                    adjudicate: bool = False) -> Analyses:
    """The bundled chapter with a mention check of the given readers (and an adjudication)."""
    folder = tmp / "annotations"
    folder.mkdir(parents=True)
    for name in readers:
        shutil.copy(data_path(f"annotations/mentions_{name}.csv"), folder)
    if adjudicate:  # the register's convention: a title listed with the name is part of it
        results = Analyses(chapter, DataFiles.from_dir(tmp))
        readings = results.readings("mentions")
        quoted = pd.concat(pd.read_csv(data_path(f"annotations/mentions_{r}.csv"), dtype=str,
                                       keep_default_na=False) for r in readers)
        rows = []
        for unit in readings.disagreements().itertuples(index=False):
            row = quoted[(quoted["start"] == str(unit.start)) & (quoted["end"] == str(unit.end))]
            rows.append({**row.iloc[0][["start", "end", "prefix", "exact", "suffix"]].to_dict(),
                         "person_id_a": unit.reader_a, "person_id_b": unit.reader_b,
                         "adjudicated": unit.reader_a, "reason": "the register's form"})
        pd.DataFrame(rows).to_csv(folder / "mentions_adjudication.csv", index=False)
    return Analyses(chapter, DataFiles.from_dir(tmp))


# --- the bundled chapter ------------------------------------------------------------------------

def test_the_register_and_mention_counts(results: Analyses, values: dict[str, object]) -> None:
    found = results.mentions
    assert values["people_n_people"] == len(results.register) == 69
    assert values["people_n_mentions"] == len(found)
    assert values["people_n_note_mentions"] == int(found["in_note"].sum())
    assert values["people_kun_mentions"] == int((found["person_id"] == "bela_kun").sum()) == 11
    assert (values["people_top"], values["people_second"]) == ("Lenin", "Bela Kun")
    assert values["people_n_rules"] == len(results.shared_names) == 5
    claims = results.register["claim"].fillna("") != ""
    assert values["people_n_record_errors"] == int(claims.sum())


def test_the_mention_check_has_two_ai_readers_and_says_how_it_was_settled(
        results: Analyses, values: dict[str, object]) -> None:
    readings = results.readings("mentions")
    assert readings.n_readers == 2
    assert values["people_check_readers"].startswith("two AI language-model readers working from "
                                                     "written guidelines")
    adjudicated = readings.adjudication is not None
    assert values["people_check_readers"].endswith(
        "and an AI adjudicator who settled their disagreements") == adjudicated
    open_spans = 0 if adjudicated else len(readings.disagreements())
    assert values["people_check_open"] == open_spans
    paired = readings.paired()
    assert values["people_check_units"] == len(paired) == 125
    assert values["people_check_exact"] == round(float((paired["reader_a"] ==
                                                        paired["reader_b"]).mean()), 2)
    assert values["people_check_kappa_low"] <= values["people_check_kappa"] <= \
        values["people_check_kappa_high"]
    # the finder follows the register's forms, titles included, as reader A did
    assert (values["people_precision_a"], values["people_recall_a"]) == (1.0, 1.0)
    assert values["people_precision_b"] < 1 and values["people_recall_b"] < 1
    # every wrong span against the reference names the right person with other ends
    assert values["people_check_other"] is None
    assert values["people_check_span_only"] == values["people_check_n_spurious"]
    if adjudicated:   # the adjudicator kept titles out and counted Blok's Christ
        assert values["people_check_spurious"] == ("Baron Wrangel, St. Thomas, Comrade Borodin, "
                                                   "Monsieur Bak")
        assert values["people_check_missed"] == "Christ"
    table = page.check_table(results)
    assert table["against"].tolist() == ["the reference", "reader A", "reader B"]
    assert table.loc[0, "names"] == values["people_check_gold"]
    assert values["people_check_paragraphs"] == 29 and values["people_check_notes"] == 5


def test_the_detector_would_find_the_first_person_named_once(values: dict[str, object]) -> None:
    assert values["people_detector_n"] == 0
    assert values["people_detector_demo_person"] == "Clemenceau"
    assert values["people_detector_demo"] == "Clemenceau"
    assert values["people_detector_demo_found"] == "include"


def test_the_network_numbers(results: Analyses, values: dict[str, object]) -> None:
    graph = results.network
    assert values["people_net_nodes"] == graph.number_of_nodes() == len(results.register) - 1
    assert values["people_net_edges"] == graph.number_of_edges()
    loners = [n for n in graph if graph.degree(n) == 0]
    assert values["people_net_isolated_n"] == len(loners)
    assert "Borodin" in values["people_net_isolated"]
    assert values["people_net_top_weighted"] == values["people_net_top_between"] == "Lenin"


def test_nin_and_maurin_count_as_two_people_of_one_reading(values: dict[str, object]) -> None:
    assert values["people_portrayal_twins"] == "Maurin and Nin"
    assert values["people_portrayal_readings"] == values["people_portrayal_n"] - 1
    assert values["people_portrayal_cooler"] == "Maurin, Nin"
    assert values["people_portrayal_parted"] == 8 and values["people_portrayal_n"] == 14
    assert values["people_nin_n"] == 4
    assert values["people_portrayal_zero"] == "includes"      # the interval crosses zero
    assert values["people_portrayal_strength"] == strength(values["people_portrayal_spearman"])


def test_no_one_is_tied_to_the_nep_above_its_mean(results: Analyses,
                                                  values: dict[str, object]) -> None:
    assert values["people_tie_nep"] == "Jacques Mesnil"
    assert values["people_tie_nep_lift"] < 1 and values["people_tie_nep_above"] == "below"
    assert values["people_tie_none"] == "NEP" and values["people_tie_none_n"] == 1
    assert values["people_tie_free_thought_above"] == "above"
    assert values["people_tie_terror_p"].startswith("p ")
    table = page.ties_table(results)
    assert table.loc[("NEP", 1), "lift"] == values["people_tie_nep_lift"]


def test_what_became_of_the_people_by_the_record(results: Analyses,
                                                 values: dict[str, object]) -> None:
    reg = results.register
    soviet = reg[reg["killed_by"] == "Soviet state"]
    assert values["people_fate_killer"] == "Soviet state"
    assert values["people_fate_killed"] == len(soviet) == 14
    manners = [values[f"people_fate_{k.replace(' ', '_')}"] for k in KILLINGS]
    assert manners == [int((soviet["death"] == k).sum()) for k in KILLINGS] == [9, 2, 3]
    assert (values["people_fate_first_year"], values["people_fate_last_year"]) == (1921, 1952)
    assert values["people_fate_undated"] == "Novomirsky"
    assert values["people_fate_unknown_n"] == int((reg["death"] == "unknown").sum())
    assert "Paul Levi" in values["people_fate_unknown"]
    assert values["people_fate_unidentified"] == "Dr. N and Bak"
    assert values["people_fate_sourced"] == int((reg["life_source"].fillna("") != "").sum())
    table = page.killings_table(results)
    assert table["people"].sum() == values["people_fate_killed"]


def test_people_and_quotes_the_prose_names(results: Analyses, values: dict[str, object]) -> None:
    sid = int(results.chapter.find("win glory in the Crimea").iloc[0]["sentence_id"])
    assert sid == 44
    assert values["people_s44_glory"] > 0 and values["people_s44_reference"] == -2
    assert values["people_kun_reference"] < values["people_kun_method"]
    with pytest.raises(ValueError, match="'no such words here' is not in the text"):
        page.quote_numbers(results, {"no such words here": ()})
    with pytest.raises(ValueError, match="'sickly' is not a lexicon word of sentence 47"):
        page.quote_numbers(results, {"sickly smile": ("sickly",)})
    with pytest.raises(ValueError, match="'nobody' is not a person_id"):
        page.person_numbers(results, {"nobody": "x"})


def test_no_float_has_more_digits_than_the_prose_prints(values: dict[str, object]) -> None:
    floats = {k: v for k, v in values.items() if isinstance(v, float)}
    assert floats and all(round(v, 2) == v for v in floats.values())
    assert not [k for k, v in values.items()
                if isinstance(v, str) and re.search(r"\b0\.0+$", v)]           # no "p = 0.00"


def test_figures_and_tables_label_people_by_the_record_and_never_name_the_author(
        results: Analyses) -> None:
    network = page.network_figure(results).figure
    labels = {t.get_text() for t in network.axes[0].texts}
    assert {"Anna Gumileva", "Voline (V. Eikhenbaum)", "Hilari Arlandis",
            "Pyotr Wrangel"} <= labels
    assert not {"Olga Gumilev", "Orlandis"} & labels
    html = page.network_interactive(results)._repr_html_()
    assert "Anna Gumileva" in html and "Hilari Arlandis" in html
    for name in FIGURES:
        fig = getattr(page, name)(results).figure
        assert isinstance(fig, Figure)
        words = [fig.axes[0].get_title(), fig.axes[0].get_xlabel(), fig.axes[0].get_ylabel()]
        words += [t.get_text() for legend in fig.legends for t in legend.get_texts()]
        assert not [w for w in words if "Serge" in w], name
        plt.close(fig)
    assert "Hilari Arlandis" in page.register_table(results)["name"].tolist()
    assert "Hilari Arlandis" in page.record_table(results).index


def test_the_sections_say_who_read_and_what_became_of_them(results: Analyses) -> None:
    check = page.check_section(results).data
    assert "two AI language-model readers" in check and "hand" not in check
    assert "The Soviet state killed 14 of them" in page.fates_section(results).data
    assert "No one is tied to NEP above its mean" in page.ties_section(results).data
    assert "Maurin and Nin" in page.portrayal_section(results).data
    assert page.register_section(results).data == ""        # the register is the chapter's own


# --- what another text lacks --------------------------------------------------------------------

def _everything(results: Analyses) -> dict[str, object]:
    out = {name: getattr(page, name)(results) for name in (*FIGURES, *TABLES, *SECTIONS)}
    out["interactive"] = page.network_interactive(results)._repr_html_()
    plt.close("all")
    return out


def test_another_text_with_its_own_register_and_no_annotations(russell: Analyses) -> None:
    values = page.numbers(russell, people={"lenin": "lenin"})
    assert values["people_n_people"] == len(russell.register)
    assert values["people_lenin_mentions"] == 3 and "people_lenin_method" not in values
    for key in ("people_check_readers", "people_precision", "people_check_kappa",
                "people_portrayal_n", "people_portrayal_spearman", "people_fate_killed",
                "people_fate_unknown"):
        assert values[key] is None, key
    shown = _everything(russell)
    for name in ("check_table", "portrayal_table", "portrayal_figure", "killings_table",
                 "fates_figure", "record_table", "shared_names_table"):
        assert shown[name] is None, name
    assert "no mentions annotation for this text" in shown["check_section"].data
    assert "no tone annotation for this text" in shown["portrayal_section"].data
    assert "no record of lives and deaths" in shown["fates_section"].data
    assert page.sentences_table(russell, "lenin") is None
    assert set(shown["register_table"]["name"]) >= {"Lenin", "Trotsky", "Gorky"}
    assert "life" not in shown["register_table"]                # no dates in this register
    themes = list(russell.lexicon.names)
    assert [f"people_tie_{t}" in values for t in themes] == [True] * len(themes)


def test_another_text_with_the_bundled_register_shows_only_the_people_it_names(
        russell_bare: Analyses) -> None:
    values = page.numbers(russell_bare)
    named = set(russell_bare.mentions["person_id"])
    assert named == {"lenin", "trotsky", "gorky"}
    assert values["people_net_nodes"] == 3 and values["people_net_isolated"] == "Gorky"
    assert values["people_fate_killed"] == 1 and values["people_fate_murdered"] == 1  # Trotsky
    assert values["people_check_readers"] is None and values["people_portrayal_n"] is None
    shown = _everything(russell_bare)
    assert set(shown["register_table"]["person_id"]) == named
    # the bundled register was made for Serge's chapter: what it says Serge's text says is left out
    assert "the text says" not in shown["register_table"] and shown["record_table"] is None
    assert "no register of its own" in page.register_section(russell_bare).data
    assert shown["killings_table"]["who (year of death)"].tolist() == ["Trotsky (1940)"]
    assert "in 1940" in shown["fates_section"].data


def test_a_mention_check_of_one_reader(tmp_path: Path, chapter: Chapter) -> None:
    results = _mention_folder(tmp_path, chapter, ("reader_a",))
    values = page.check_numbers(results)
    assert values["people_check_readers"] == ("one AI language-model reader working from "
                                              "written guidelines")
    assert values["people_check_kappa"] is None and values["people_precision_a"] is None
    assert (values["people_precision"], values["people_recall"]) == (1.0, 1.0)
    assert page.check_table(results)["against"].tolist() == ["the reference"]
    assert "Cohen's kappa" not in page.check_section(results).data


def test_a_mention_check_with_an_adjudicator(tmp_path: Path, chapter: Chapter) -> None:
    results = _mention_folder(tmp_path, chapter, ("reader_a", "reader_b"), adjudicate=True)
    values = page.check_numbers(results)
    assert values["people_check_readers"].endswith("and an AI adjudicator who settled their "
                                                   "disagreements")
    assert values["people_check_open"] == 0
    assert values["people_check_gold"] == page.check_table(results).loc[1, "names"]  # = reader A
    assert (values["people_precision"], values["people_recall"]) == (1.0, 1.0)
