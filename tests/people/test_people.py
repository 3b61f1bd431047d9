"""Tests of the register, the mention finder, the name detector and the readers' check."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import DataFileError, load_chapter
from analysis.people import (
    REGISTER_COLUMNS, differences, evaluate, labels, load_known_names, load_mention_readings,
    load_register, load_shared_names, mention_counts, mentions, register_table,
    unregistered_names,
)
from analysis.people.register import (COUNT_COLUMNS, KNOWN_NAMES, REGISTER, SHARED_COLUMNS,
                                      SHARED_NAMES)
from analysis.datafiles import DataFiles, data_path

CHECK = data_path("annotations/mentions_reader_a.csv")
CHECK_B = data_path("annotations/mentions_reader_b.csv")
ADJUDICATION = data_path("annotations/mentions_adjudication.csv")


@pytest.fixture(scope="module")
def found(chapter, register, shared_names) -> pd.DataFrame:
    return mentions(chapter, register, shared_names)


@pytest.fixture(scope="module")
def gold(chapter) -> pd.DataFrame:
    """Reader A's check of the mentions (a set of one reader: its reference is reader A's)."""
    return load_mention_readings(chapter, {"reader_a": CHECK}).reference()


def of(found: pd.DataFrame, person: str) -> pd.DataFrame:
    return found[found["person_id"] == person]


def write_text(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "text.txt"
    path.write_text("Some notes\n\n" + body + "\n", encoding="utf-8")
    return path


# --- known facts of the chapter -------------------------------------------------------

def test_lenin_is_named_fifteen_times_all_by_serge(found):
    lenin = of(found, "lenin")
    assert len(lenin) == 15                      # possessives (Lenin's) included
    assert not lenin["in_note"].any()            # the notes never name him
    assert lenin["paragraph_id"].tolist()[:2] == [4, 6]
    assert (lenin["surface"] == "Lenin").all()


def test_register_has_about_seventy_people(register, found):
    assert 60 <= len(register) <= 80
    assert set(found["person_id"]) == set(register["person_id"])   # everyone is found


def test_every_mention_is_traceable(chapter, found):
    for row in found.itertuples(index=False):
        assert chapter.seed_text[row.start:row.end] == row.surface
        sent = chapter.sentences.set_index("sentence_id").loc[row.sentence_id]
        assert sent.start <= row.start and row.end <= sent.end
        assert sent.paragraph_id == row.paragraph_id
    kinds = chapter.paragraphs.set_index("paragraph_id")["kind"]
    assert (found["in_note"] == (kinds[found["paragraph_id"]].to_numpy() == "editorial")).all()


def test_source_paragraph_names_the_person(register, found):
    pairs = set(zip(found["person_id"], found["paragraph_id"]))
    for pid, par in zip(register["person_id"], register["source_paragraph"]):
        assert (pid, par) in pairs, pid


def test_alexandrov_borodin_one_person(found):
    assert of(found, "borodin")["surface"].tolist() == ["Dr. Alexandrov", "Comrade Borodin",
                                                        "Borodin"]
    assert of(found, "borodin")["in_note"].tolist() == [False, False, True]


def test_lozovsky_is_dridzo(found):
    assert of(found, "lozovsky")["surface"].tolist() == [
        "Salomon Abramovich Lozovsky", "Dridzo", "Lozovsky"]


def test_pierre_and_blaise_pascal(found):
    assert of(found, "blaise_pascal")["surface"].tolist() == ["Blaise Pascal"]
    bare = found[found["surface"] == "Pascal"]
    assert bare["person_id"].tolist() == ["pierre_pascal"]
    assert bare["paragraph_id"].tolist() == [28]
    assert len(of(found, "pierre_pascal")) == 4


def test_aaron_and_fanny_baron_and_baron_wrangel(found):
    assert of(found, "fanny_baron")["surface"].tolist() == ["Fanny Baron"]
    assert of(found, "aaron_baron")["paragraph_id"].tolist() == [54, 55, 57]
    wrangel = of(found, "wrangel")
    assert wrangel["surface"].tolist() == ["Baron Wrangel"]
    assert not found[found["paragraph_id"] == 12]["person_id"].isin(
        ["aaron_baron", "fanny_baron"]).any()


def test_jacques_and_clara_mesnil_are_two(chapter, found):
    par = found[found["paragraph_id"] == 15]
    jacques = par[par["person_id"] == "jacques_mesnil"].iloc[0]
    clara = par[par["person_id"] == "clara_mesnil"].iloc[0]
    assert chapter.seed_text[jacques.start:clara.end] == "Jacques and Clara Mesnil"
    assert (jacques.surface, clara.surface) == ("Jacques", "Clara Mesnil")
    assert len(of(found, "jacques_mesnil")) == 2


def test_nikolai_and_olga_gumilev_are_two(found):
    par = found[found["paragraph_id"] == 47]
    assert par["person_id"].tolist() == ["nikolai_gumilev", "olga_gumilev"]
    assert (found.loc[found["surface"] == "Gumilev", "person_id"] == "nikolai_gumilev").all()


def test_albert_thomas_and_st_thomas(found):
    assert of(found, "albert_thomas")["paragraph_id"].tolist() == [24, 25]
    aquinas = of(found, "thomas_aquinas")
    assert aquinas["surface"].tolist() == ["St. Thomas"]
    assert aquinas["paragraph_id"].tolist() == [28]


def test_short_forms_kun_bely_goldman(found):
    assert (found.loc[found["surface"].isin(["Kun", "Bela Kun"]), "person_id"]
            == "bela_kun").all()
    assert (found["surface"] == "Kun").sum() == 2
    assert len(of(found, "bela_kun")) == 11
    assert of(found, "bely")["surface"].tolist().count("Bely") == 2
    assert len(of(found, "bely")) == 6
    assert len(of(found, "goldman")) == 5


def test_bare_goldman_on_another_text(tmp_path, register, shared_names):
    ch = load_chapter(write_text(tmp_path, "Goldman spoke to Berkman, and Emma Goldman left."))
    assert mentions(ch, register, shared_names)["person_id"].tolist() == ["goldman", "berkman", "goldman"]


def test_nearest_rule_on_another_text(tmp_path, register, shared_names):
    text = ("Baron waited. Aaron Baron spoke, then Fanny Baron came, and Baron laughed.\n\n"
            "Later Baron left the city.")
    found = mentions(load_chapter(write_text(tmp_path, text)), register, shared_names)
    bare = found[found["surface"] == "Baron"]
    assert bare["person_id"].tolist() == ["aaron_baron", "fanny_baron", "fanny_baron"]
    assert bare["resolved_by"].tolist() == ["fallback", "nearest", "nearest"]


def test_nearest_prefers_the_same_paragraph(tmp_path, register, shared_names):
    text = "Fanny Baron was named first.\n\nAaron Baron spoke here. Then Baron sat down."
    found = mentions(load_chapter(write_text(tmp_path, text)), register, shared_names)
    assert found[found["surface"] == "Baron"]["person_id"].tolist() == ["aaron_baron"]


def test_mention_counts_split_notes(found, register):
    counts = mention_counts(found, register).set_index("person_id")
    assert counts.loc["lozovsky", ["narration", "notes", "total"]].tolist() == [2, 1, 3]
    assert counts.loc["lenin", "total"] == counts["total"].max()
    assert (counts["narration"] + counts["notes"] == counts["total"]).all()


def test_labels_are_text_forms(found, register):
    lab = labels(found, register)
    assert lab["bela_kun"] == "Bela Kun" and lab["jacques_mesnil"] == "Jacques Mesnil"


# --- measured accuracy ----------------------------------------------------------------

def test_the_readers_check_is_spread_and_consistent(chapter, register, gold):
    pars = sorted(set(gold["paragraph_id"]))
    assert len(pars) >= 20 and pars[0] <= 6 and pars[-1] >= 60
    assert "title" not in set(chapter.paragraphs.set_index("paragraph_id").loc[pars, "kind"])
    kinds = chapter.paragraphs.set_index("paragraph_id")["kind"]
    assert (kinds[pars] == "editorial").sum() >= 4
    rows = gold[gold["person_id"] != ""]
    for row in rows.itertuples(index=False):
        assert chapter.seed_text[int(row.start):int(row.end)] == row.surface
    assert set(rows["person_id"]) <= set(register["person_id"])


def test_precision_and_recall_on_the_readers_check(found, gold):
    score = evaluate(found, gold).iloc[0]
    assert score["gold"] >= 100
    assert score["precision"] >= 0.95 and score["recall"] >= 0.95


def test_differences_show_errors(found, gold):
    wrong = found.copy()
    wrong.loc[wrong["surface"] == "Pascal", "person_id"] = "blaise_pascal"
    diff = differences(wrong, gold)
    assert sorted(diff.loc[diff["status"] != "correct", "status"]) == ["missed", "spurious"]
    assert evaluate(wrong, gold).iloc[0]["precision"] < 1


def test_the_mention_check_of_reader_a_as_measured(found, gold):
    assert evaluate(found, gold).iloc[0].to_dict() == {
        "paragraphs": 29, "gold": 118, "found": 118, "correct": 118, "precision": 1.0,
        "recall": 1.0, "f1": 1.0}
    assert set(gold["how"]) == {"one reader"} and (gold["person_id"] == gold["reader_a"]).all()


@pytest.fixture(scope="module")
def checks(chapter, files):
    """Both readers' checks of the mentions, as the bundled data files give them."""
    return files.readings("mentions", chapter)


def test_the_two_mention_readers_agree_but_on_nine_spans(checks):
    assert checks.n_readers == 2
    # each table covers every span either reader marked: 120 by A, 121 by B, 125 in all
    assert len(checks.reader_a) == len(checks.reader_b) == 125
    unmarked = {r: int((t["reason"] == "(not marked)").sum())
                for r, t in (("a", checks.reader_a), ("b", checks.reader_b))}
    assert unmarked == {"a": 5, "b": 4}
    table = checks.agreement(n_boot=500).iloc[0]
    assert int(table["n"]) == 125 and table["exact"] == pytest.approx(116 / 125)
    assert round(float(table["kappa"]), 2) == 0.93
    assert table["kappa_low"] <= table["kappa"] <= table["kappa_high"]
    assert "alpha" not in table  # names are not on an ordered scale
    # the adjudication settles each of the nine disagreements, one row each, all anchored
    adjudication = pd.read_csv(ADJUDICATION, dtype=str, keep_default_na=False)
    assert len(checks.adjudication) == len(adjudication) == len(checks.disagreements()) == 9
    assert checks.notes == ()


def test_the_mention_readers_differ_on_where_a_name_begins(chapter, checks):
    differ = checks.disagreements().merge(checks.reader_a[["start", "end", "surface"]],
                                          on=["start", "end"])
    assert differ[["paragraph_id", "surface", "reader_a", "reader_b"]].values.tolist() == [
        [12, "Baron Wrangel", "wrangel", ""], [12, "Wrangel", "", "wrangel"],
        [28, "St. Thomas", "thomas_aquinas", ""], [28, "Thomas", "", "thomas_aquinas"],
        [32, "Comrade Borodin", "borodin", ""], [32, "Borodin", "", "borodin"],
        [45, "Monsieur Bak", "bak", ""], [45, "Bak", "", "bak"],
        [48, "Christ", "", "jesus_christ"]]
    # without the adjudication, the reference leaves the nine spans out, and says so
    unsettled = load_mention_readings(chapter, {"reader_a": CHECK, "reader_b": CHECK_B})
    assert unsettled.notes == ("the mentions readers disagree on 9 unit(s) and no adjudication "
                               "is given: the reference leaves them out",)
    reference = unsettled.reference()
    assert len(reference) == 116 and set(reference["how"]) == {"agreed"}
    # with it, each span takes the adjudicated person (none: the span names no one)
    adjudication = pd.read_csv(ADJUDICATION, dtype=str, keep_default_na=False)
    reference = checks.reference()
    assert len(reference) == 125
    settled = reference[reference["how"] == "adjudicated"].merge(
        adjudication[["start", "end", "adjudicated"]].astype({"start": int, "end": int}),
        on=["start", "end"])
    assert len(settled) == len(adjudication) and (settled["person_id"] == settled["adjudicated"]).all()
    every = checks.settled().iloc[0]
    assert every["with_b"] == int((adjudication["adjudicated"] == adjudication["person_id_b"]).sum())
    assert every["with_a"] == int((adjudication["adjudicated"] == adjudication["person_id_a"]).sum())


def test_the_finder_against_reader_b(chapter, found):
    gold_b = load_mention_readings(chapter, {"reader_a": CHECK_B}).reference()
    diff = differences(found, gold_b)
    wrong = diff[diff["status"] != "correct"]
    # reader B marks the name without its title (the finder's span, with it, starts earlier),
    # and Blok's Christ, whom the register does not hold
    assert wrong[["person_id", "status"]].values.tolist() == [
        ["wrangel", "spurious"], ["wrangel", "missed"], ["thomas_aquinas", "spurious"],
        ["thomas_aquinas", "missed"], ["borodin", "spurious"], ["borodin", "missed"],
        ["bak", "spurious"], ["bak", "missed"], ["jesus_christ", "missed"]]
    assert evaluate(found, gold_b).iloc[0][["gold", "found", "correct"]].tolist() == [119, 118, 114]


# --- validation of the data files -----------------------------------------------------

REG_HEADER = "person_id,name,aliases,role,nationality,affiliation,fate,source_paragraph\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_duplicate_id_is_an_error(tmp_path):
    path = write(tmp_path, "reg.csv", REG_HEADER + "a,A,Aa,,,,,1\nb,B,Bb,,,,,1\na,C,Cc,,,,,2\n")
    with pytest.raises(DataFileError, match=r"reg\.csv: row 4, column person_id: 'a' is "
                                            r"already given in row 2"):
        load_register(path)


def test_shared_alias_without_rule_is_an_error(tmp_path):
    path = write(tmp_path, "reg.csv", REG_HEADER + "a,A One,A One; One,,,,,1\n"
                                                   "b,B One,B One; One,,,,,1\n")
    with pytest.raises(DataFileError, match=r"reg\.csv: row 3, column aliases: 'One' is "
                                            r"claimed by a \(row 2\) and b with no rule"):
        load_register(path)


def test_shared_alias_with_rule_is_accepted(tmp_path):
    path = write(tmp_path, "reg.csv", REG_HEADER + "a,A One,A One; One,,,,,1\n"
                                                   "b,B One,B One; One,,,,,1\n")
    write(tmp_path, "shared_names.csv", "alias,rule,person_id,reason\nOne,default,b,why\n")
    files = DataFiles(people=path)
    reg = files.register()  # the rules beside the register are found
    assert files.shared_rules()["person_id"].tolist() == ["b"] and reg.attrs == {}
    with pytest.raises(DataFileError, match="'One' is claimed by"):
        load_register(path)  # the loader itself takes only the rules it is given


def test_register_without_rules_beside_it_has_none(tmp_path):
    path = write(tmp_path, "reg.csv", REG_HEADER + "a,A One,A One,,,,,1\n")
    files = DataFiles(people=path)
    assert files.shared_rules().columns.tolist() == SHARED_COLUMNS
    assert files.shared_rules().empty and files.register()["narrator"].tolist() == [False]


def test_rules_may_be_given_as_a_table(tmp_path):
    path = write(tmp_path, "reg.csv", REG_HEADER + "a,A One,A One; One,,,,,1\n"
                                                   "b,B One,B One; One,,,,,1\n")
    rules = pd.DataFrame({"alias": ["One"], "rule": ["default"], "person_id": ["a"],
                          "reason": ["why"]})
    assert load_register(path, rules)["person_id"].tolist() == ["a", "b"]


def test_rule_for_a_non_claimant_is_an_error(tmp_path):
    path = write(tmp_path, "reg.csv", REG_HEADER + "a,A One,A One; One,,,,,1\n"
                                                   "b,B One,B One; One,,,,,1\n")
    rules = write(tmp_path, "rules.csv", "alias,rule,person_id,reason\nOne,nearest,c,x\n")
    with pytest.raises(DataFileError, match=r"rules\.csv: alias 'One': person 'c'"):
        load_register(path, rules)


@pytest.mark.parametrize("body, message", [
    ("person_id,name,aliases\na,A,A\n", r"row 1 \(header\): missing column\(s\) role"),
    (REG_HEADER + "A b,A,A,,,,,1\n", r"row 2, column person_id: 'A b' is not an id "
                                       r"\(lower-case letters, digits and _"),
    (REG_HEADER + "a,,A,,,,,1\n", r"row 2, column name: empty"),
    (REG_HEADER + "a,A,A,,,,,x\n", r"row 2, column source_paragraph: 'x' is not a whole number"),
    (REG_HEADER + "a,A,A,,,,,\n", r"row 2, column source_paragraph: empty"),
    (REG_HEADER + "a,A,A,,,,,0\n", r"row 2, column source_paragraph: 0 is below the minimum, 1"),
    (REG_HEADER.strip() + ",narrator\na,A,A,,,,,1,no\n", r"row 2, column narrator: 'no' is not "
                                                        r"one of yes"),
    (REG_HEADER.strip() + ",wikidata\na,A,A,,,,,1,1394\n",
     r"row 2, column wikidata: '1394' is not a Wikidata identifier"),
])
def test_bad_register_rows(tmp_path, body, message):
    with pytest.raises(DataFileError, match=r"reg\.csv: " + message) as err:
        load_register(write(tmp_path, "reg.csv", body))
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("column", COUNT_COLUMNS)
def test_a_register_may_not_have_a_column_the_export_computes(tmp_path, column):
    body = REG_HEADER.strip() + f",{column}\na,A,A,,,,,1,3\n"
    with pytest.raises(DataFileError) as err:
        load_register(write(tmp_path, "reg.csv", body))
    assert str(err.value) == (f"{tmp_path / 'reg.csv'}: row 1 (header): column {column!r} is one "
                              "the export computes (the mention counts); rename it")


def test_the_schemas_name_the_columns():
    assert REGISTER_COLUMNS == REGISTER.names
    assert REGISTER.names[:3] == ["person_id", "name", "aliases"]
    assert SHARED_NAMES.names == ["alias", "rule", "person_id", "reason"]
    assert KNOWN_NAMES.names == ["name", "kind", "note"]
    assert not set(COUNT_COLUMNS) & set(REGISTER.names)


def test_bad_shared_rules(tmp_path):
    with pytest.raises(DataFileError, match=r"row 2, column rule: 'often' is not one of"):
        load_shared_names(write(tmp_path, "s.csv",
                                "alias,rule,person_id,reason\nX,often,a,r\n"))
    with pytest.raises(DataFileError, match=r"row 3, column alias: 'X' is already given in row 2"):
        load_shared_names(write(tmp_path, "s.csv", "alias,rule,person_id,reason\n"
                                "X,default,a,r\nX,nearest,b,r\n"))


def test_bad_check_and_known_files(chapter, tmp_path):
    # a quote not in this copy of the text is left out, and said; a fault of the file is an error
    path = write(tmp_path, "c.csv", "start,end,prefix,exact,suffix,person_id,reason\n"
                                    "10,23,,Lenin of Mars,,lenin,x\n3905,3910,,Lenin,,lenin,x\n")
    check = load_mention_readings(chapter, {"reader_a": path})
    assert check.reader_a[["start", "end", "person_id"]].values.tolist() == [[3905, 3910, "lenin"]]
    assert check.notes == (f"{path}: 1 of 2 anchored (0 moved); not found: row 2 "
                           "'Lenin of Mars' (at 10)",)
    with pytest.raises(DataFileError, match=r"c\.csv: row 2, column reason: empty"):
        load_mention_readings(chapter, {"reader_a": write(
            tmp_path, "c.csv", "start,end,exact,person_id,reason\n3905,3910,Lenin,lenin,\n")})
    with pytest.raises(DataFileError, match=r"c\.csv: row 2, column person_id: 'Lenin' is not "):
        load_mention_readings(chapter, {"reader_a": write(
            tmp_path, "c.csv", "start,end,exact,person_id,reason\n3905,3910,Lenin,Lenin,x\n")})
    with pytest.raises(DataFileError, match=r"row 3, column name: 'Paris' is already given in "
                                            r"row 2"):
        load_known_names(write(tmp_path, "k.csv", "name,kind,note\nParis,place,\n"
                                                  "Paris,place,\n"))
    with pytest.raises(DataFileError, match="no such file"):
        load_register(tmp_path / "missing.csv")


def test_bundled_files_load(files, register, known_names):
    assert files.path("people") == data_path("people.csv") and data_path("people.csv").is_file()
    shared = load_shared_names(data_path("shared_names.csv"))
    assert set(shared["alias"]) >= {"Pascal", "Baron", "Mesnil"}
    assert files.shared_rules().equals(shared)
    assert (known_names["kind"] != "").all()
    assert known_names.equals(load_known_names(data_path("non_person_names.csv")))


def test_register_table_adds_the_counts(found, register):
    table = register_table(found, register)
    assert table.columns.tolist() == [*register.columns, "narration", "notes", "total",
                                      "first_paragraph"]
    assert len(table) == len(register)
    assert table.set_index("person_id").loc["lenin", ["narration", "notes", "total"]].tolist() \
        == [15, 0, 15]


# --- the unregistered-name detector ---------------------------------------------------

def test_detector_lists_nothing_on_the_chapter(chapter, found, known_names):
    assert unregistered_names(chapter, found, known_names).empty


def test_detector_finds_a_removed_person(chapter, register, shared_names, known_names):
    smaller = register[register["person_id"] != "clemenceau"]
    found = unregistered_names(chapter, mentions(chapter, smaller, shared_names), known_names)
    assert found[["candidate", "count", "paragraphs"]].values.tolist() == [["Clemenceau", 1, "6"]]
    assert chapter.seed_text[found.loc[0, "start"]:found.loc[0, "end"]] == "Clemenceau"


def test_detector_ignores_the_known_names_given(chapter, found, known_names):
    fewer = known_names[known_names["name"] != "Kronstadt"]
    missing = unregistered_names(chapter, found, fewer)
    assert missing["candidate"].tolist() == ["Kronstadt"]  # one row per distinct candidate
    assert missing.loc[0, "count"] == len(chapter.find(r"\bKronstadt\b"))
    assert missing.loc[0, "paragraphs"] == "3; 14; 40; 43; 46; 58"


def test_detector_on_a_short_text(tmp_path, register, shared_names, known_names):
    text = ("Yesterday Lenin met Rosa Nobody in Moscow. The Cheka watched Ivan Petrovich "
            "Sidorov and Juan de la Cruz closely. Meanwhile, nothing happened at all. "
            "Smithson came.")
    short = load_chapter(write_text(tmp_path, text))
    found = unregistered_names(short, mentions(short, register, shared_names), known_names)
    assert sorted(found["candidate"]) == ["Ivan Petrovich Sidorov", "Juan de la Cruz",
                                          "Rosa Nobody", "Smithson"]
    assert found["score"].is_monotonic_decreasing  # the likeliest first
    assert (found["paragraphs"] == "2").all() and (found["count"] == 1).all()
    for row in found.itertuples(index=False):
        assert short.seed_text[row.start:row.end] == row.candidate


@settings(max_examples=25)
@given(st.lists(st.sampled_from(["Lenin", "Bela Kun", "Kun", "Lenin’s", "Aaron Baron",
                                 "Jacques and Clara Mesnil", "the", "crowd", "Moscow",
                                 "Baron Wrangel", "Blaise Pascal", "Pascal", "spoke."]),
                min_size=1, max_size=30))
def test_spans_never_overlap_and_match_text(tmp_path_factory, register, shared_names, words):
    path = write_text(tmp_path_factory.mktemp("h"), " ".join(words) + " The end came.")
    ch = load_chapter(path)
    found = mentions(ch, register, shared_names)
    assert (found["start"].diff().dropna() > 0).all()
    assert (found["start"].iloc[1:].to_numpy() >= found["end"].iloc[:-1].to_numpy()).all()
    for row in found.itertuples(index=False):
        assert ch.seed_text[row.start:row.end] == row.surface
    assert (found["person_id"] == "lenin").sum() == sum(w.startswith("Lenin") for w in words)
    assert (found["person_id"] == "clara_mesnil").sum() == words.count(
        "Jacques and Clara Mesnil")


def test_mentions_refuse_a_shared_form_without_rule(chapter, register, shared_names):
    extra = pd.DataFrame([{"person_id": "other_lenin", "name": "Other Lenin", "aliases": "Lenin",
                           "source_paragraph": 4}])
    with pytest.raises(DataFileError, match=r"'Lenin' is claimed by lenin \(row 3\) and "
                                            r"other_lenin with no rule"):
        mentions(chapter, pd.concat([register, extra], ignore_index=True), shared_names)


def test_the_register_carries_no_rules_and_mentions_take_them(chapter, files, shared_names,
                                                              no_rules):
    register = load_register(data_path("people.csv"), data_path("shared_names.csv"))
    assert register.attrs == {} and files.register().attrs == {}
    assert shared_names.equals(load_shared_names(data_path("shared_names.csv")))
    with pytest.raises(DataFileError, match=r"^<register table>: row \d+, column aliases: "
                                            r".*'Pascal' is claimed by [^\n]*$") as error:
        mentions(chapter, register, no_rules)
    assert "\n" not in str(error.value)
    found = mentions(chapter, register, files.shared_rules())
    pascal = found[found["surface"] == "Pascal"]
    assert not pascal.empty and (pascal["person_id"] == "pierre_pascal").all()


# --- the historical record beside the text ---------------------------------------------

def test_every_claim_quotes_its_paragraph_and_has_a_sourced_record(chapter, register):
    paragraphs = chapter.paragraphs.set_index("paragraph_id")["text"]
    claims = register[register["claim"] != ""]
    assert len(claims) >= 15
    for row in claims.itertuples(index=False):
        assert row.record and row.record_source, row.person_id
        quoted = [(int(pid), q) for pid, rest in re.findall(r"¶(\d+)([^¶]*)", row.claim)
                  for q in re.findall(r'"([^"]+)"', rest)]
        assert quoted, f"{row.person_id}: the claim quotes no paragraph"
        for pid, quote in quoted:
            for part in quote.split(" … "):
                assert part in paragraphs[pid], (row.person_id, pid, part)


def test_known_errors_of_the_text_stand_beside_the_record(register):
    register = register.set_index("person_id")
    assert "1951" in register.loc["borodin", "record"] and "1953" in register.loc["borodin", "claim"]
    assert "forty" in register.loc["blok", "record"]
    assert "Moscow" in register.loc["fanny_baron", "record"]
    assert "Odessa" not in register.loc["fanny_baron", "fate"].replace("'from Odessa'", "")
    assert "Eikhenbaum" in register.loc["voline", "record"]
    assert register.loc["tagantsev", "name"].startswith("Vladimir")


def test_wikidata_ids_are_well_formed_and_unique(register):
    qids = register["wikidata"]
    qids = qids[qids != ""]
    assert qids.str.fullmatch(r"Q[1-9]\d*").all() and qids.is_unique
    assert register.set_index("person_id").loc["lenin", "wikidata"] == "Q1394"


def test_a_double_hyphen_is_a_dash_beside_a_name(tmp_path, no_rules):
    # Project Gutenberg's typewriter dash (adventurer--Kerensky--whoever) is a dash, as an em
    # dash is; a single hyphen still makes one word (co-Kerensky, Kerensky-like).
    text = ("The adventurer--Kerensky--whoever he was, Kerensky--the orator--and Kerensky. "
            "A co-Kerensky party, a Kerensky-like man, and Kerensky---once more.")
    ch = load_chapter(write_text(tmp_path, text))
    path = tmp_path / "people.csv"
    path.write_text("person_id,name,aliases,role,nationality,affiliation,fate,source_paragraph\n"
                    "kerensky,Alexander Kerensky,Kerensky,,,,,2\n", encoding="utf-8")
    found = mentions(ch, load_register(path), no_rules)
    assert len(found) == 4
    assert all(ch.seed_text[a:b] == "Kerensky" for a, b in zip(found["start"], found["end"]))
