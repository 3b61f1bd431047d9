"""What became of the people a text names, by the historical record the register gives.

The register's ``born``, ``died``, ``death``, ``killed_by`` and ``record_fate``
(:mod:`analysis.people.fates`) give when and how each person died; its
``life_source`` names the reference works. The killer the page highlights is the
one the register records as killing the most people. Only the people the text
names count (a register made for another text may hold others). A register without these
columns has no such section (:func:`fates_section` says so).

Example:
    >>> from analysis.pages import current
    >>> values = fate_numbers(current())
    >>> values["people_fate_killer"], values["people_fate_killed"]
    ('Soviet state', 14)
"""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from analysis.pages.figures import CompactFigure
from analysis.pages.format import join
from analysis.pages.people.common import has_record, killer, named_register
from analysis.people.fates import deaths_by_decade, fates
from analysis.people.figures import plot_fates
from analysis.people.register import KILLINGS
from analysis.results import Analyses

#: The line the page shows where the register gives no record of lives and deaths.
NO_RECORD = ("the register gives no record of lives and deaths (its born, died, death and "
             "killed_by columns are absent or empty): what became of the people is not shown")


def fate_numbers(results: Analyses) -> dict[str, object]:
    """How many people the record says were killed, by whom, how and when, and where it is unsure.

    Keys ``people_fate_…``: ``identified`` (people the record identifies: a
    ``death`` is given, ``unknown`` included), ``recorded`` (people whose manner of
    death the record gives), ``killer`` and ``killed`` (the killer of the most and how
    many), one count per manner of killing (``executed``, ``died_in_custody``,
    ``murdered``), ``first_year``, ``last_year``, ``peak_decade`` and
    ``peak_decade_n``, ``undated`` (labels of those killed whose year is not
    known), ``others`` (other killers and their victims), ``unknown_n`` and
    ``unknown`` (deaths the record leaves unexplained), ``unidentified_n`` and
    ``unidentified`` (no death given), ``sourced`` (people with a ``life_source``).
    All ``None`` where the register gives no record.
    """
    keys = ["identified", "recorded", "killer", "killed", *(k.replace(" ", "_") for k in KILLINGS),
            "first_year", "last_year", "peak_decade", "peak_decade_n", "undated", "others",
            "unknown_n", "unknown", "unidentified_n", "unidentified", "sourced"]
    out: dict[str, object] = {f"people_fate_{k}": None for k in keys}
    if not has_record(results):
        return out
    reg, by = named_register(results), killer(results)
    table = fates(reg)
    killed = table[(table["killed_by"] == by) & table["death"].isin(KILLINGS)]
    years = killed["year_of_death"].dropna().astype(int)
    decades = deaths_by_decade(reg, by) if by else pd.DataFrame()
    dated = decades[decades["decade"] != "date unknown"] if len(decades) else decades
    per_decade = dated.groupby("decade", sort=False)["people"].sum() if len(dated) else None
    others = table[(table["killed_by"] != "") & (table["killed_by"] != by)]
    unknown = table[table["death"] == "unknown"]
    unidentified = table[table["death"] == ""]
    sources = reg["life_source"].fillna("") if "life_source" in reg else pd.Series(dtype=str)
    values = {
        "identified": int((table["death"] != "").sum()),
        "recorded": int((~table["death"].isin(["", "unknown"])).sum()), "killer": by, "killed": len(killed),
        **{k.replace(" ", "_"): int((killed["death"] == k).sum()) for k in KILLINGS},
        "first_year": int(years.min()) if len(years) else None,
        "last_year": int(years.max()) if len(years) else None,
        "peak_decade": per_decade.idxmax() if per_decade is not None else None,
        "peak_decade_n": int(per_decade.max()) if per_decade is not None else None,
        "undated": join(killed.loc[killed["year_of_death"].isna(), "label"].tolist()) or None,
        "others": "; ".join(f"{k}: {join(g['label'].tolist())}" for k, g
                            in others.groupby("killed_by", sort=True)) or None,
        "unknown_n": len(unknown), "unknown": join(unknown["label"].tolist()) or None,
        "unidentified_n": len(unidentified),
        "unidentified": join(unidentified["label"].tolist()) or None,
        "sourced": int((sources != "").sum())}
    out.update({f"people_fate_{k}": v for k, v in values.items()})
    return out


def killings_table(results: Analyses) -> pd.DataFrame | None:
    """When and how the killer of the most people killed them, decade by decade (``None``: none).

    :func:`analysis.people.fates.deaths_by_decade` for :func:`~analysis.pages.people.common.killer`,
    with readable headings.
    """
    by = killer(results)
    if by is None:
        return None
    return (deaths_by_decade(named_register(results), by)
            .rename(columns={"death": "how", "labels": "who (year of death)"})
            .set_index(["decade", "how"]))


def fates_figure(results: Analyses, year: float | None = None) -> CompactFigure | None:
    """Each person's life from birth to death, the killer's victims marked (``None``: no record).

    ``year``: the text's year, marked, and only the lives spanning it drawn
    (``None``: every life with both dates).
    """
    if not has_record(results):
        return None
    table = fates(named_register(results))
    if not (table["born"].ne("") & table["died"].ne("")).any():
        return None
    return CompactFigure(plot_fates(table, killer=killer(results), year=year,
                                    contemporaries=year is not None))


def fates_section(results: Analyses) -> Markdown:
    """What became of the people, in prose for any text, or why it is not shown."""
    n = fate_numbers(results)
    if n["people_fate_recorded"] is None:
        return Markdown(f"*{NO_RECORD}.*")
    text = (f"The record identifies {n['people_fate_identified']} of the people and says how "
            f"{n['people_fate_recorded']} of them died. ")
    if n["people_fate_killer"]:
        manners = join([f"{n['people_fate_' + k.replace(' ', '_')]} {k}" for k in KILLINGS
                        if n["people_fate_" + k.replace(" ", "_")]])
        first, last = n["people_fate_first_year"], n["people_fate_last_year"]
        when = (f"in {first}" if first == last else f"between {first} and {last}, most in the "
                f"{n['people_fate_peak_decade']} ({n['people_fate_peak_decade_n']})")
        text += (f"The {n['people_fate_killer']} killed {n['people_fate_killed']} of them "
                 f"({manners}), {when}. " if first is not None else
                 f"The {n['people_fate_killer']} killed {n['people_fate_killed']} of them "
                 f"({manners}). ")
        if n["people_fate_undated"]:
            text += f"The year is not known for {n['people_fate_undated']}. "
    if n["people_fate_others"]:
        text += f"Other killers: {n['people_fate_others']}. "
    if n["people_fate_unknown_n"]:
        text += (f"For {n['people_fate_unknown_n']} the record does not say how they died "
                 f"({n['people_fate_unknown']}). ")
    if n["people_fate_unidentified_n"]:
        text += (f"{n['people_fate_unidentified_n']} are not identified in the record "
                 f"({n['people_fate_unidentified']}). ")
    return Markdown(text + f"The register names the reference works for "
                    f"{n['people_fate_sourced']} people (its `life_source` column).")
