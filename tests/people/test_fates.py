"""Tests of what became of the people: lives, deaths, killers, and the fates figure."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.collections import PathCollection

from analysis import DataFileError
from analysis.people.fates import (FATE_COLUMNS, age_at_death, deaths_by_decade, fate_summary,
                                   fates, lifespan)
from analysis.people.figures import FATE_MARKS, plot_fates
from analysis.people.register import DEATHS, KILLINGS
from analysis.style import PALETTE


def test_one_row_per_person_with_the_register_values(register: pd.DataFrame) -> None:
    table = fates(register)
    assert table.columns.tolist() == FATE_COLUMNS
    assert table["person_id"].tolist() == register["person_id"].tolist()
    row = table.set_index("person_id").loc["zinoviev"]
    assert (row["born"], row["died"], row["age_at_death"], row["year_of_death"]) == (
        "1883-09-23", "1936-08-25", 52, 1936)
    assert row["record_fate"] == "Shot in Moscow after the first Moscow Trial, 25 August 1936."


def test_the_register_label_is_the_fates_label(register: pd.DataFrame) -> None:
    labels = fates(register).set_index("person_id")["label"]
    assert labels["olga_gumilev"] == "Anna Gumileva"
    assert labels["orlandis"] == "Hilari Arlandis"
    unlabelled = fates(register.drop(columns="label")).set_index("person_id")["label"]
    assert unlabelled["olga_gumilev"] == "Anna Gumileva (née Engelhardt)"   # the register's name


def test_killed_by_the_soviet_state_is_counted_from_the_data(register: pd.DataFrame) -> None:
    expected = int((register["killed_by"] == "Soviet state").sum())
    summary = fate_summary(register, by="killed_by").set_index("killed_by")
    assert int(summary.loc["Soviet state", "people"]) == expected
    assert expected == summary["people"].max()               # the state killed most of them
    assert summary["people"].sum() == int((register["killed_by"] != "").sum())
    names = summary.loc["Soviet state", "labels"].split("; ")
    assert {"Zinoviev", "Kamenev", "Bela Kun", "Nin", "Trotsky"} <= set(names)


def test_the_summary_by_manner_of_death(register: pd.DataFrame) -> None:
    summary = fate_summary(register, by="death")
    assert set(summary["death"]) <= set(DEATHS)
    assert summary["people"].is_monotonic_decreasing
    counts = register.loc[register["death"] != "", "death"].value_counts()
    assert summary.set_index("death")["people"].to_dict() == counts.to_dict()


def test_a_register_without_the_record_gives_empty_fates() -> None:
    bare = pd.DataFrame({"person_id": ["a"], "name": ["A"]})
    row = fates(bare).iloc[0]
    assert row["label"] == "A" and row["died"] == "" and pd.isna(row["age_at_death"])
    assert fate_summary(bare).empty


@pytest.mark.parametrize(("cells", "message"), [
    ({"death": "natural causes", "killed_by": "Soviet state"},
     r"person 'a', column killed_by: 'Soviet state' is given but the death is 'natural causes'"),
    ({"born": "1921-13"}, r"person 'a', column born: '1921-13' is not an ISO 8601 date"),
    ({"born": "1900", "died": "1899-12-31"}, r"person 'a', column died: 1899-12-31 is before"),
])
def test_contradictory_records_are_named(cells: dict[str, str], message: str) -> None:
    row = {"person_id": "a", "name": "A", "born": "", "died": "", "death": "", "killed_by": ""}
    with pytest.raises(DataFileError, match=message):
        fates(pd.DataFrame([{**row, **cells}]))


def test_summary_needs_a_known_grouping(register: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="by must be 'killed_by' or 'death'"):
        fate_summary(register, by="nationality")


def test_ages_and_lifespans() -> None:
    assert age_at_death("1884-07-09", "1951-05-29") == 66
    assert age_at_death("1892-02-04", "1937-06") == 45        # either end of June: 45
    assert age_at_death("1887", "1921-09-30") is None        # 33 or 34
    assert lifespan("1880-11-28", "1921-08-07") == "1880–1921"
    assert lifespan("", "") == "" and lifespan("1887", None) == "b. 1887"


_DAYS = st.dates(min_value=date(1200, 1, 1), max_value=date(2000, 12, 31))


@given(_DAYS, st.integers(0, 40000))
def test_age_from_days_is_exact_and_partial_dates_never_contradict_it(born: date,
                                                                     days: int) -> None:
    died = born + timedelta(days=days)
    exact = died.year - born.year - ((died.month, died.day) < (born.month, born.day))
    assert age_at_death(born.isoformat(), died.isoformat()) == exact
    b_day, d_day = born.isoformat(), died.isoformat()
    for b, d in ((b_day[:7], d_day), (b_day[:4], d_day[:4])):
        partial = age_at_death(b, d)
        assert partial is None or partial == exact


def test_the_fates_figure_draws_each_known_life(register: pd.DataFrame) -> None:
    table = fates(register)
    known = table[(table["born"] != "") & (table["died"] != "")]
    assert len(plot_fates(table, contemporaries=False).axes[0].get_yticklabels()) == len(known)
    known = known[(known["born"].str[:4].astype(int) <= 1921)
                  & (known["died"].str[:4].astype(int) >= 1921)]      # alive in 1921
    fig = plot_fates(table)
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == len(known) < len(table)
    assert "Thomas Aquinas" not in [t.get_text() for t in ax.get_yticklabels()]
    assert fig.get_size_inches()[0] <= 6.5                    # phone width
    marks = [c for c in ax.collections if isinstance(c, PathCollection)]
    killed = known[(known["killed_by"] == "Soviet state") & known["death"].isin(KILLINGS)]
    assert len(marks) == len(killed)
    assert all(np.allclose(m.get_facecolor()[0][:3], _rgb(PALETTE[1])) for m in marks)
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == ["killed by the Soviet state", "other lives",
                      *[name for _, name in FATE_MARKS.values()], "1921"]
    assert any(np.allclose(line.get_xdata(), 1921.5) for line in ax.get_lines())


def _rgb(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))


def test_the_soviet_states_killings_by_decade_and_manner(register: pd.DataFrame) -> None:
    table = deaths_by_decade(register, killer="Soviet state")
    killed = register[(register["killed_by"] == "Soviet state")]
    assert table["people"].sum() == len(killed) == 14
    rows = {(d, how): labels for d, how, _, labels in table.itertuples(index=False)}
    # the Tagantsev affair and the anarchists shot in 1921, by the Petrograd and Moscow Cheka
    assert rows[("1920s", "executed")].split("; ") == [
        "Gumilev (1921)", "Vladimir Tagantsev (1921)", "Lev Chorny (1921)", "Fanny Baron (1921)"]
    assert rows[("1930s", "murdered")] == "Nin (1937); Radek (1939)"
    assert rows[("1940s", "murdered")] == "Trotsky (1940)"
    assert rows[("date unknown", "died in custody")] == "Novomirsky"      # no year in the record
    assert table["decade"].tolist()[-1] == "date unknown"
    assert list(dict.fromkeys(table["decade"])) == ["1920s", "1930s", "1940s", "1950s",
                                                    "date unknown"]
    for _, part in table.groupby("decade", sort=False):      # the manners in KILLINGS order
        order = [KILLINGS.index(d) for d in part["death"]]
        assert order == sorted(order)


def test_killings_by_anyone_and_by_a_killer_who_killed_nobody(register: pd.DataFrame) -> None:
    everyone = deaths_by_decade(register)
    assert everyone["people"].sum() == int(register["death"].isin(KILLINGS).sum())
    assert "Rosa Luxemburg (1919)" in everyone["labels"].str.cat(sep="; ")
    assert deaths_by_decade(register, killer="nobody").empty
    assert deaths_by_decade(pd.DataFrame({"person_id": ["a"], "name": ["A"]})).empty


_KILLED = st.lists(st.tuples(st.sampled_from(KILLINGS), st.sampled_from(["X", "Y"]),
                             st.one_of(st.just(""), st.integers(1800, 1999).map(str))),
                   max_size=30)


@given(_KILLED)
def test_every_killing_is_counted_once_under_its_decade(rows: list[tuple[str, str, str]]) -> None:
    register = pd.DataFrame({"person_id": [f"p{i}" for i in range(len(rows))],
                             "name": [f"P{i}" for i in range(len(rows))],
                             "death": [r[0] for r in rows], "killed_by": [r[1] for r in rows],
                             "died": [r[2] for r in rows]})
    table = deaths_by_decade(register, killer="X")
    assert table["people"].sum() == sum(r[1] == "X" for r in rows)
    for decade, _, people, labels in table.itertuples(index=False):
        assert people == len(labels.split("; "))
        if decade != "date unknown":
            years = [int(label.split("(")[1][:4]) for label in labels.split("; ")]
            assert all(f"{y // 10 * 10}s" == decade for y in years)


def test_the_fates_figure_without_a_killer_highlights_nobody(register: pd.DataFrame) -> None:
    fig = plot_fates(fates(register), killer=None, year=None, contemporaries=False)
    ax = fig.axes[0]
    assert not [c for c in ax.collections if isinstance(c, PathCollection)]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["other lives"]
