"""Tests of the register's historical record: the schema of its columns and the facts it holds."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis import DataFileError
from analysis.people import load_register, mentions
from analysis.people.mentions import labels
from analysis.people.register import DEATHS, KILLINGS, REGISTER
from analysis.datafiles import data_path

PEOPLE = data_path("people.csv")
NEW = ("label", "birth_name", "born", "died", "record_fate", "death", "killed_by", "life_source",
       "wikidata_check")


def by_id(register: pd.DataFrame) -> pd.DataFrame:
    return register.set_index("person_id")


def test_the_schema_describes_every_new_column_and_has_no_dates() -> None:
    fields = {f.name: f for f in REGISTER.fields}
    assert "dates" not in fields
    for name in NEW:
        assert fields[name].optional and fields[name].description, name
    assert fields["death"].enum == DEATHS
    assert set(KILLINGS) <= set(DEATHS)


@pytest.mark.parametrize(("column", "value", "message"), [
    ("born", "1883-9-23", r"row 3, column born: '1883-9-23' is not an ISO 8601 date"),
    ("died", "c. 1936", r"row 3, column died: 'c. 1936' is not an ISO 8601 date"),
    ("died", "1921-08-32", r"row 3, column died: '1921-08-32' is not an ISO 8601 date"),
    ("death", "shot", r"row 3, column death: 'shot' is not one of executed, died in custody"),
    ("wikidata", "Q01", r"row 3, column wikidata: 'Q01' is not a Wikidata identifier"),
])
def test_a_malformed_row_is_named_by_file_row_and_column(tmp_path: Path, column: str, value: str,
                                                          message: str) -> None:
    table = pd.read_csv(PEOPLE, dtype=str, keep_default_na=False)
    table.loc[1, column] = value
    path = tmp_path / "people.csv"
    table.to_csv(path, index=False)
    with pytest.raises(DataFileError, match=rf"people\.csv: {message}"):
        load_register(path, data_path("shared_names.csv"))


def test_a_register_without_the_record_columns_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("person_id,name,aliases,role,nationality,affiliation,fate,source_paragraph\n"
                    "duval,Marc Duval,Marc Duval; Duval,printer,French,,,2\n", encoding="utf-8")
    register = load_register(path)
    assert register.loc[0, "born"] == "" and register.loc[0, "death"] == ""


def test_life_dates_and_sources_for_the_identified(register: pd.DataFrame) -> None:
    dated = register[(register["born"] != "") | (register["died"] != "")]
    assert len(dated) >= 58
    assert (dated["life_source"] != "").all()
    both = register[(register["born"] != "") & (register["died"] != "")]
    assert (both["born"].str[:4].astype(int) < both["died"].str[:4].astype(int)).all()
    assert (register["died"].str[:4].replace("", "0").astype(int) <= date.today().year).all()


def test_a_fate_for_everyone_whose_end_the_record_knows(register: pd.DataFrame) -> None:
    known = register[register["died"] != ""]
    assert (known["record_fate"] != "").all()
    assert (known["death"] != "").all()
    assert known["record_fate"].str.match(r"^[A-Z].*\.$").all()      # one sentence each
    assert (register.loc[register["death"].isin(KILLINGS), "killed_by"] != "").all()
    assert (register.loc[~register["death"].isin(KILLINGS), "killed_by"] == "").all()


def test_killed_by_names_the_soviet_state_one_way(register: pd.DataFrame) -> None:
    killers = set(register["killed_by"]) - {""}
    assert "Soviet state" in killers
    assert not {k for k in killers if re.search(r"Cheka|OGPU|NKVD|GPU|Soviet|Stalin", k)} - {
        "Soviet state"}


@pytest.mark.parametrize(("pid", "born", "died", "death"), [
    ("nin", "1892-02-04", "1937-06", "murdered"),
    ("zinoviev", "1883-09-23", "1936-08-25", "executed"),
    ("kamenev", "1883-07-18", "1936-08-25", "executed"),
    ("radek", "1885-10-31", "1939-05-19", "murdered"),
    ("bela_kun", "1886-02-20", "1938-08-29", "executed"),
    ("trotsky", "1879-11-07", "1940-08-21", "murdered"),
    ("borodin", "1884-07-09", "1951-05-29", "died in custody"),
    ("lenin", "1870-04-22", "1924-01-21", "natural causes"),
    ("berkman", "1870-11-21", "1936-06-28", "suicide"),
    ("serge", "1890-12-30", "1947-11-17", "natural causes"),
])
def test_known_lives(register: pd.DataFrame, pid: str, born: str, died: str, death: str) -> None:
    row = by_id(register).loc[pid]
    assert (row["born"], row["died"], row["death"]) == (born, died, death)


def test_borodin_turned_37_during_the_congress(register: pd.DataFrame) -> None:
    born = date.fromisoformat(by_id(register).loc["borodin", "born"])
    opened, closed = date(1921, 6, 22), date(1921, 7, 12)
    assert opened < born.replace(year=1921) <= closed
    assert "37" in by_id(register).loc["borodin", "record"]


def test_the_three_spanish_delegates_share_their_1921_affiliation(register: pd.DataFrame) -> None:
    rows = by_id(register).loc[["nin", "maurin", "orlandis"]]
    assert rows["affiliation"].str.startswith("syndicalist (CNT)").all()
    assert not rows["affiliation"].str.contains("Communist").any()
    assert rows["record"].str.contains("28 April 1921").all()


def test_corrected_records(register: pd.DataFrame) -> None:
    people = by_id(register)
    levi = people.loc["paul_levi", "record"]
    assert "not a leader" not in levi and "1917-18" in levi and "1922" in levi
    assert "endocarditis" in people.loc["blok", "record"]
    assert "Politburo" in people.loc["blok", "record"]
    assert "Revolutionary Military Council" in people.loc["trotsky", "role"]
    assert "Supreme War Council" in people.loc["trotsky", "claim"]
    assert "March Action" in people.loc["bela_kun", "record"]


def test_the_episode_is_the_march_action() -> None:
    episodes = pd.read_csv(data_path("episodes.csv"), dtype=str).set_index("episode")
    description = episodes.loc["Bela Kun", "description"]
    assert "March Action" in description and "Berlin" not in description


def test_the_register_label_wins_over_the_text_form(chapter, register: pd.DataFrame,
                                                    shared_names: pd.DataFrame) -> None:
    shown = labels(mentions(chapter, register, shared_names), register)
    assert shown["olga_gumilev"] == "Anna Gumileva"
    assert shown["voline"] == "Voline (V. Eikhenbaum)"
    assert shown["orlandis"] == "Hilari Arlandis"
    assert shown["wrangel"] == "Pyotr Wrangel"
    assert (shown["lenin"], shown["trotsky"]) == ("Lenin", "Trotsky")
    text_forms = labels(mentions(chapter, register, shared_names), register.drop(columns="label"))
    assert text_forms["olga_gumilev"] == "Olga Gumilev"          # the text's form stays an alias
    assert "Olga Gumilev" in by_id(register).loc["olga_gumilev", "aliases"]


def test_every_wikidata_item_says_how_it_was_checked(register: pd.DataFrame) -> None:
    items = register[register["wikidata"] != ""]
    assert len(items) >= 10
    assert (items["wikidata_check"] != "").all()
    assert items["wikidata"].is_unique
    assert (register.loc[register["wikidata"] == "", "wikidata_check"] == "").all()


# Items confirmed so far: each QID was seen, in stored public material, together with the person's
# label and dates (see wikidata_check). The goal was 50; 44 could be confirmed without guessing.
CONFIRMED_WIKIDATA_ITEMS = 44


def test_wikidata_items_are_well_formed_unique_and_each_checked(register: pd.DataFrame) -> None:
    items = register[register["wikidata"] != ""]
    assert len(items) >= CONFIRMED_WIKIDATA_ITEMS
    assert items["wikidata"].str.fullmatch(r"Q[1-9][0-9]*").all(), items["wikidata"].tolist()
    assert items["wikidata"].is_unique
    assert (items["wikidata_check"].str.strip() != "").all()
    assert items["wikidata_check"].str.contains("seen with the identifier in").all()


def test_wikidata_items_for_a_few_confirmed_people(register: pd.DataFrame) -> None:
    items = by_id(register)["wikidata"]
    assert items["zinoviev"] == "Q207459"
    assert items["bela_kun"] == "Q151646"
    assert items["paul_levi"] == "Q70872"
    assert items["nin"] == "Q317923"
    assert (items["dr_n"], items["bak"]) == ("", "")          # unidentifiable: no item


@pytest.mark.xfail(strict=True, reason="goal of 50 confirmed Wikidata items not reached (44); "
                   "raise CONFIRMED_WIKIDATA_ITEMS and drop this marker when it is")
def test_at_least_fifty_people_have_a_checked_wikidata_item(register: pd.DataFrame) -> None:
    items = register[register["wikidata"] != ""]
    assert len(items) >= 50
    assert (items["wikidata_check"] != "").all()


def test_birth_names_for_the_pseudonymous(register: pd.DataFrame) -> None:
    people = by_id(register)
    assert people.loc["serge", "birth_name"] == "Viktor Lvovich Kibalchich"
    assert people.loc["trotsky", "birth_name"] == "Lev Davidovich Bronstein"
    assert people.loc["lozovsky", "birth_name"] == "Solomon Abramovich Dridzo"
