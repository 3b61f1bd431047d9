"""Every number the page *Time* names (keys ``time_…``), rounded as the prose prints it.

A number the text cannot give is ``None``: the agreement without readers of
time, the chronology's counts without a chronology, the episodes' without
episodes, the story year in a text that names no year. The keys are the same
for every text.

Example:
    >>> from analysis.pages import current
    >>> n = numbers(current(), quotes={"previous_year": "the previous year"})
    >>> n["time_story_year"], n["time_previous_year"], n["time_n_events"]
    (1921, '1920', 53)
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis import timeline
from analysis.pages import as_number
from analysis.pages.time.measures import (COMPARISONS, N_BOOT, dated, disputes, hindsight_table,
                                          marks, references, spans)
from analysis.results import Analyses
from analysis.timeline.validation import HINDSIGHT_MEASURES, SPAN_MEASURES

#: The orders of telling, as :func:`analysis.timeline.chronology.jumps` names them.
ORDERS = ("analepsis", "in order", "prolepsis")
#: The kinds of disagreement between two readers' time expressions.
DISPUTES = ("only_a", "only_b", "boundaries", "type", "value", "type and value")


def _key(word: str) -> str:
    """A word as part of a key (``in order`` -> ``in_order``)."""
    return word.replace(" ", "_").lower()


def _table_numbers(table: pd.DataFrame | None, prefix: str, counts: tuple[str, ...],
                   measures: tuple[str, ...]) -> dict[str, object]:
    """``prefix_<comparison>_<column>`` for every comparison and column (``None`` where absent)."""
    out: dict[str, object] = {}
    for row, key in COMPARISONS.items():
        have = table is not None and row in table.index
        for column in counts:
            out[f"{prefix}_{key}_{column}"] = int(table.loc[row, column]) if have else None
        for measure in measures:
            for end in ("", "_low", "_high"):
                value = table.loc[row, measure + end] if have else float("nan")
                out[f"{prefix}_{key}_{measure}{end}"] = as_number(value, 2)
    return out


def expression_numbers(results: Analyses, quotes: Mapping[str, str] | None = None
                       ) -> dict[str, object]:
    """The text's title, the expressions found (how many of each TIMEX3 type, resolved or not),
    the story year, and the value of each expression quoted in the prose (``quotes``: key -> its
    words)."""
    found = results.time_expressions
    story = found.attrs.get("story_year")
    out: dict[str, object] = {"time_title": results.title, "time_n_expressions": len(found),
                              "time_story_year": None if story is None else int(story),
                              "time_n_unresolved": int((found["resolution"] == "unresolved").sum())}
    for kind in timeline.TIMEX_TYPES:
        out[f"time_n_{kind.lower()}"] = int((found["type"] == kind).sum())
    for key, words in (quotes or {}).items():
        value = found.loc[found["text"] == words, "value"]
        out[f"time_{key}"] = str(value.iloc[0]) if len(value) else None
    return out


def agreement_numbers(results: Analyses) -> dict[str, object]:
    """The agreement on time expressions: readers, method against each and the reference."""
    out = _table_numbers(spans(results), "time", ("n_x", "n_y", "n_exact", "n_relaxed"),
                         SPAN_MEASURES)
    found = disputes(results)
    out["time_n_disputes"] = None if found is None else len(found)
    for kind in DISPUTES:
        out[f"time_disputes_{_key(kind)}"] = (None if found is None
                                              else int((found["kind"] == kind).sum()))
    reference, _ = references(results)
    out["time_n_reference"] = None if reference is None else len(reference)
    out["time_n_adjudicated"] = (None if reference is None
                                 else int((reference["how"] == "adjudicated").sum()))
    out["time_n_boot"] = N_BOOT
    return out


def chronology_numbers(results: Analyses) -> dict[str, object]:
    """The chronology and the order of telling: events, dated marks, jumps back and forward."""
    chron = results.chronology
    out: dict[str, object] = {
        "time_n_events": None if chron is None else len(chron),
        "time_n_notes": None if chron is None else int((chron["note"] != "").sum())}
    dates, table = dated(results), marks(results)
    out["time_n_dated"] = 0 if dates is None else len(dates)
    for order in ORDERS:
        out[f"time_n_{_key(order)}"] = 0 if dates is None else int((dates["order"] == order).sum())
    events = None if table is None else table[table["kind"] == "event"]
    for order in ("analepsis", "prolepsis"):
        out[f"time_events_{order}"] = (None if chron is None or events is None
                                       else int((events["order"] == order).sum()))
    later = None if dates is None else dates.loc[dates["order"] == "prolepsis", "date_from"]
    out["time_latest_forward"] = (None if later is None or later.empty
                                  else int(later.max()))
    episodes = results.episodes
    by_ep = (None if dates is None or episodes is None
             else timeline.jumps_by_episode(dates, episodes))
    for order, word in (("analepsis", "back"), ("prolepsis", "forward")):
        top = None if by_ep is None or by_ep[order].max() == 0 else by_ep.loc[by_ep[order].idxmax()]
        out[f"time_most_{word}_episode"] = None if top is None else str(top["episode"])
        out[f"time_most_{word}"] = None if top is None else int(top[order])
    return out


def hindsight_numbers(results: Analyses) -> dict[str, object]:
    """Hindsight: the sentences the rules mark, the agreement, where it gathers."""
    marked = results.hindsight
    out = _table_numbers(hindsight_table(results), "time_h", ("n_x", "n_y"), HINDSIGHT_MEASURES)
    _, reference = references(results)
    out["time_h_n_reference"] = None if reference is None else len(reference)
    out["time_h_n_sentences"] = len(marked)
    out["time_h_n_found"] = int(marked["hindsight"].sum())
    out["time_h_share"] = as_number(100 * marked["hindsight"].mean() if len(marked)
                                    else float("nan"), 0)
    episodes = results.episodes
    by_ep = None if episodes is None else timeline.by_episode(marked, episodes)
    top = (None if by_ep is None or by_ep["hindsight"].max() == 0
           else by_ep.loc[by_ep["hindsight"].idxmax()])
    out["time_h_top_episode"] = None if top is None else str(top["episode"])
    out["time_h_top"] = None if top is None else int(top["hindsight"])
    out["time_h_top_share"] = None if top is None else as_number(100 * top["share"], 0)
    none = [] if by_ep is None else [e for e in by_ep.loc[by_ep["hindsight"] == 0, "episode"] if e]
    out["time_h_none"] = ", ".join(none) if none else None
    people = timeline.by_person(marked, results.mentions, results.register)
    out["time_h_n_people"] = int((people["hindsight"] > 0).sum())
    return out


def numbers(results: Analyses, *, quotes: Mapping[str, str] | None = None) -> dict[str, object]:
    """Every number the page's prose names, rounded as printed (``None``: undefined for this text).

    ``quotes``: expressions the prose quotes, ``key -> words``; each gives
    ``time_<key>``, the value the rules give it (``None`` if not found).
    See the module's example.
    """
    out: dict[str, object] = {}
    out.update(expression_numbers(results, quotes))
    out.update(agreement_numbers(results))
    out.update(chronology_numbers(results))
    out.update(hindsight_numbers(results))
    return out
