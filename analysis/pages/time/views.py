"""The figures and tables of the page *Time*, each from an :class:`~analysis.results.Analyses`.

Each returns ``None`` where the text lacks what it shows (no reader of time, no
chronology, no dated mark, no episodes); :attr:`~analysis.results.Analyses.missing` then holds the
line to show. Tables that name paragraphs, sentences or people link them to the
reading page and the who's-who.

Example:
    >>> from analysis.pages import current
    >>> int(expressions_table(current()).loc["all", "all"])
    108
"""

from __future__ import annotations

import pandas as pd

from analysis import timeline
from analysis.pages.figures import CompactFigure
from analysis.pages.time.measures import dated, hindsight_table, marks, spans
from analysis.reading_view.figures import InteractiveFigure
from analysis.reading_view.links import LinkedTable, linked_table, sentence_href
from analysis.results import Analyses
from analysis.timeline.figures import narration_figure, plot_narration

#: The columns the agreement tables show.
SPAN_COLUMNS = ["n_x", "n_y", "exact_f1", "relaxed_precision", "relaxed_recall", "relaxed_f1",
                "relaxed_f1_low", "relaxed_f1_high", "type_accuracy", "value_accuracy"]
HINDSIGHT_COLUMNS = ["n_x", "n_y", "kappa", "kappa_low", "kappa_high", "precision", "recall", "f1"]
_PARAGRAPH = {"paragraph_id": "paragraph"}


def expressions_table(results: Analyses) -> pd.DataFrame:
    """The expressions found, by TIMEX3 type and by how their value was resolved, with totals."""
    found = results.time_expressions
    return pd.crosstab(found["type"], found["resolution"], margins=True, margins_name="all")


def expressions_sample(results: Analyses, rows: int = 12) -> LinkedTable:
    """The first ``rows`` expressions, each with its offsets, type, value and rule."""
    return linked_table(results.time_expressions.head(rows), _PARAGRAPH)


def agreement_table(results: Analyses) -> pd.DataFrame | None:
    """Span agreement of the readers and of the method (``None``: no reader of time)."""
    table = spans(results)
    return None if table is None else table[SPAN_COLUMNS]


def chronology_table(results: Analyses) -> LinkedTable | None:
    """The chronology: each event, its date by the record, what the text says, the source."""
    chron = results.chronology
    if chron is None:
        return None
    return linked_table(chron[["paragraph_id", "event", "date", "date_end", "text_date",
                               "source"]], _PARAGRAPH)


def chronology_notes(results: Analyses) -> LinkedTable | None:
    """The events whose dating in the text and in the record differ, with the note."""
    chron = results.chronology
    if chron is None or not (chron["note"] != "").any():
        return None
    return linked_table(chron.loc[chron["note"] != "", ["paragraph_id", "event", "text_date",
                                                        "note"]], _PARAGRAPH)


def _told(results: Analyses) -> pd.DataFrame | None:
    """The dated marks, where at least one has a year narrated to be set against."""
    table = marks(results)
    if table is None or table["reference_year"].isna().all():
        return None
    return table


def narration_plot(results: Analyses, *, writing: tuple[float, float] | None = None,
                   ylim: tuple[float, float] | None = None) -> CompactFigure | None:
    """Every dated mark at its place in the text and its date in history
    (:func:`analysis.timeline.figures.plot_narration`); ``None`` where the narration has no
    dated mark or no year narrated. ``writing``: the years of writing, drawn as a band."""
    table = _told(results)
    if table is None:
        return None
    return CompactFigure(plot_narration(table, results.episodes, writing=writing, ylim=ylim))


def narration_interactive(results: Analyses, *, writing: tuple[float, float] | None = None,
                          ylim: tuple[float, float] | None = None) -> InteractiveFigure | None:
    """The same figure to explore: each mark's words on hover, its sentence on a click."""
    table = _told(results)
    if table is None:
        return None
    return InteractiveFigure(narration_figure(table, results.episodes, writing=writing, ylim=ylim,
                                              href=sentence_href),
                             "tl-narration", 560,
                             description="narration order against historical date")


def jumps_table(results: Analyses) -> pd.DataFrame | None:
    """The narration's dates told back, in order and forward, per episode (``None``: no episodes)."""
    dates = dated(results)
    if dates is None or results.episodes is None:
        return None
    return timeline.jumps_by_episode(dates, results.episodes)


def hindsight_agreement(results: Analyses) -> pd.DataFrame | None:
    """Hindsight agreement of the readers and of the method (``None``: no reader of hindsight)."""
    table = hindsight_table(results)
    return None if table is None else table[HINDSIGHT_COLUMNS]


def hindsight_episodes(results: Analyses) -> pd.DataFrame | None:
    """The narration's sentences with hindsight per episode (``None``: no episodes)."""
    if results.episodes is None:
        return None
    return timeline.by_episode(results.hindsight, results.episodes)


def hindsight_people(results: Analyses, rows: int = 15) -> LinkedTable | None:
    """The people named in sentences with hindsight, most first (``None``: nobody)."""
    people = timeline.by_person(results.hindsight, results.mentions, results.register)
    told = people[people["hindsight"] > 0].head(rows)
    return None if told.empty else linked_table(told, {"label": ("person", "person_id")})
