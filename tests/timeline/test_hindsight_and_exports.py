"""Hindsight on the chapter, counted by episode and person; time in the export; the figures."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis import people
from analysis.text import Chapter, episode_positions
from analysis.timeline import by_episode, by_person, hindsight, narrated_years, time_expressions
from analysis.timeline.chronology import jumps, narration_table
from analysis.timeline.dates import tei_date
from analysis.timeline.figures import narration_figure, plot_narration
from analysis.timeline.interchange import (TIME_EXPRESSIONS, expressions_table, hindsight_column,
                                           tei_elements, web_annotation_bodies)


@pytest.fixture(scope="module")
def found(chapter: Chapter) -> pd.DataFrame:
    return time_expressions(chapter)


@pytest.fixture(scope="module")
def marks(chapter: Chapter, found: pd.DataFrame) -> pd.DataFrame:
    return hindsight(chapter, found)


@pytest.mark.parametrize(("opening", "held", "later"), [
    ("The faces of Nikolai and Olga Gumilev were to haunt me", True, "FUTURE_REF"),
    ("Souvarine, despite his expulsion from the Comintern in 1924", True, "1924"),
    ("I was and still am convinced", True, "PRESENT_REF"),
    ("One night our entire stock of corn, which was to last", False, ""),   # a plan of the time
    ("He was obviously concerned to steer the International", False, ""),
])
def test_hindsight_sentences(marks: pd.DataFrame, opening: str, held: bool, later: str) -> None:
    row = marks[marks["text"].str.startswith(opening)].iloc[0]
    assert (bool(row.hindsight), row.later) == (held, later)


def test_only_the_narration_is_read(chapter: Chapter, marks: pd.DataFrame) -> None:
    kinds = chapter.paragraphs.set_index("paragraph_id")["kind"]
    assert (kinds[marks["paragraph_id"]] == "narrative").all()
    assert (marks["cue"] != "").eq(marks["hindsight"]).all()


def test_counts_by_episode_and_person(chapter: Chapter, marks: pd.DataFrame, register: pd.DataFrame,
                                      shared_names: pd.DataFrame, episodes: pd.DataFrame) -> None:
    ep = by_episode(marks, episode_positions(chapter, episodes))
    assert ep["hindsight"].sum() == marks["hindsight"].sum()
    assert ep.set_index("episode").loc["comrades from abroad", "hindsight"] >= 5
    who = by_person(marks, people.mentions(chapter, register, shared_names), register).set_index("person_id")
    assert who.loc["berkman", "hindsight"] >= 1  # named with the gap "now to open" (¶58)
    assert (who["hindsight"] <= who["sentences"]).all()


def test_export_tables(chapter: Chapter, found: pd.DataFrame, marks: pd.DataFrame) -> None:
    table = expressions_table(found)
    assert table.columns.tolist() == TIME_EXPRESSIONS.names
    column = hindsight_column(chapter.sentences, marks)
    assert len(column) == len(chapter.sentences)
    assert int(column.sum()) == int(marks["hindsight"].sum())
    elements = tei_elements(found)
    season = elements[found["value"] == "1921-SU"].iloc[0]
    assert season["attributes"]["notAfter"] == "1921-08"
    assert json.dumps(web_annotation_bodies(found.iloc[0].to_dict()))


@pytest.mark.parametrize(("kind", "value", "attrs"), [
    ("DATE", "1921", {"when": "1921"}),
    ("DATE", "1921-WI", {"notBefore": "1921-12", "notAfter": "1922-02"}),
    ("DATE", "192X", {"notBefore": "1920", "notAfter": "1929"}),
    ("TIME", "1921-XX-XXTNI", {"notBefore": "1921-01", "notAfter": "1921-12"}),
    ("DATE", "PRESENT_REF", {}),
    ("DURATION", "PXY", {}),
    ("AGE", "P41Y", {"unit": "year", "quantity": "41"}),
    ("DURATION", "P2W", {"dur-iso": "P2W"}),
])
def test_tei_dates(kind: str, value: str, attrs: dict[str, str]) -> None:
    element, got = tei_date(kind, value)
    assert {k: v for k, v in got.items() if k not in ("type", "ana")} == attrs
    assert got["ana"] == f"timex:{value}"


def test_figures(chapter: Chapter, found: pd.DataFrame, episodes: pd.DataFrame) -> None:
    table = jumps(narration_table(chapter, found, narrated_years(chapter, found)))
    eps = episode_positions(chapter, episodes)
    fig = plot_narration(table, eps, writing=(1942, 1943), title="T")
    assert isinstance(fig, Figure) and fig.axes[0].get_title() == "T"
    interactive = narration_figure(table, eps, writing=(1942, 1943),
                                   href=lambda s: f"reading.html#s{s}")
    html = interactive.to_html(full_html=False, include_plotlyjs=False, div_id="tl")
    assert "reading.html#s31" in html
    assert narration_figure(table.iloc[:0], None).data[0].x == ()
