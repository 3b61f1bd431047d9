"""What became of the people of a register: their lives and deaths by the historical record.

The register gives each identified person's ``born`` and ``died`` (ISO 8601,
as precise as the record: ``1883``, ``1921-08`` or ``1883-09-23``), how they
died (``death``: executed, died in custody, murdered, suicide, killed in war,
natural causes, unknown), who killed them (``killed_by``) and the record's
fate in a sentence (``record_fate``). :func:`fates` turns these into one row
per person, with the age at death where the dates fix it; :func:`fate_summary`
counts them by manner of death or by killer; :func:`deaths_by_decade` says when
and how a killer's victims died; :func:`lifespan` writes the years of a life
for a title or a tooltip.

Example:
    >>> table = fates(register)
    >>> table.set_index("person_id").loc["zinoviev", ["died", "death", "killed_by"]].tolist()
    ['1936-08-25', 'executed', 'Soviet state']
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from analysis.errors import DataFileError
from analysis.people.register import KILLINGS

#: The columns of :func:`fates`.
FATE_COLUMNS = ["person_id", "label", "born", "died", "age_at_death", "death", "killed_by",
                "record_fate", "year_of_death"]

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _parts(value: object) -> tuple[int, int | None, int | None] | None:
    """``(year, month, day)`` of an ISO date cell (month and day ``None`` where not given)."""
    match = _DATE.match(str(value or "").strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return year, month, day


def _column(register: pd.DataFrame, name: str) -> pd.Series:
    """A text column of the register, or empty cells where the register lacks it."""
    if name in register.columns:
        return register[name].fillna("").astype(str).str.strip()
    return pd.Series("", index=register.index)


def age_at_death(born: str, died: str) -> int | None:
    """The age at death in whole years, where the two dates fix it; else ``None``.

    Both dates given to the day give the exact age; otherwise the age is given
    only when every day the dates allow gives the same age (so ``1887`` and
    ``1921-09-30`` give ``None``: 33 or 34).

    Example:
        >>> age_at_death("1883-09-23", "1936-08-25"), age_at_death("1887", "1921-09-30")
        (52, None)
        >>> age_at_death("1880-01", "1921-08-07"), age_at_death("", "1921")
        (41, None)
    """
    b, d = _parts(born), _parts(died)
    if b is None or d is None:
        return None
    ages = {d_day.year - b_day.year - ((d_day.month, d_day.day) < (b_day.month, b_day.day))
            for b_day in _bounds(*b) for d_day in _bounds(*d)}
    return ages.pop() if len(ages) == 1 else None


def _bounds(year: int, month: int | None, day: int | None) -> tuple[date, date]:
    """The first and last day a date of this precision may be."""
    if day is not None and month is not None:
        return date(year, month, day), date(year, month, day)
    if month is not None:
        last = (date(year + (month == 12), month % 12 + 1, 1) - date(year, month, 1)).days
        return date(year, month, 1), date(year, month, last)
    return date(year, 1, 1), date(year, 12, 31)


def lifespan(born: object, died: object) -> str:
    """The years of a life for a title: ``1883–1936``, ``b. 1887``, ``d. 1921``, or ``""``.

    Example:
        >>> lifespan("1883-09-23", "1936-08-25"), lifespan("1887", ""), lifespan(None, "1921")
        ('1883–1936', 'b. 1887', 'd. 1921')
    """
    b, d = _parts(born), _parts(died)
    if b and d:
        return f"{b[0]}–{d[0]}"
    if b:
        return f"b. {b[0]}"
    return f"d. {d[0]}" if d else ""


def fates(register: pd.DataFrame) -> pd.DataFrame:
    """One row per person of the register: the record's life and death.

    Columns :data:`FATE_COLUMNS`: ``label`` (the register's ``label``, else its
    ``name``), ``born`` and ``died`` as given, ``age_at_death`` (whole years
    where the dates fix it, else ``<NA>``: :func:`age_at_death`), ``death``,
    ``killed_by``, ``record_fate`` and ``year_of_death`` (``<NA>`` where unknown).
    A register without these columns gives empty cells.

    Raises:
        DataFileError: a ``killed_by`` beside a death that has no killer, a
            date not in ISO 8601 form, or a death before the birth; the message
            names the person and the column.

    Example:
        >>> nin = fates(register).set_index("person_id").loc["nin"]
        >>> nin["born"], nin["died"], int(nin["age_at_death"]), nin["killed_by"]
        ('1892-02-04', '1937-06', 45, 'Soviet state')
    """
    label = _column(register, "label")
    out = pd.DataFrame({
        "person_id": register["person_id"].astype(str),
        "label": label.where(label != "", register["name"].astype(str)),
        "born": _column(register, "born"), "died": _column(register, "died"),
        "death": _column(register, "death"), "killed_by": _column(register, "killed_by"),
        "record_fate": _column(register, "record_fate"),
    })
    for row in out.itertuples(index=False):
        _check(row)
    out["age_at_death"] = pd.array([age_at_death(b, d) for b, d in zip(out["born"], out["died"])],
                                   dtype="Int64")
    out["year_of_death"] = pd.array([p[0] if (p := _parts(d)) else None for d in out["died"]],
                                    dtype="Int64")
    return out[FATE_COLUMNS].reset_index(drop=True)


def _check(row: tuple) -> None:
    """One person's dates and killer must agree."""
    for column in ("born", "died"):
        value = getattr(row, column)
        if value and _parts(value) is None:
            raise DataFileError(f"register: person {row.person_id!r}, column {column}: "
                                f"{value!r} is not an ISO 8601 date")
    if row.killed_by and row.death not in KILLINGS:
        raise DataFileError(f"register: person {row.person_id!r}, column killed_by: "
                            f"{row.killed_by!r} is given but the death is {row.death or 'empty'!r} "
                            f"(a killer goes with {', '.join(KILLINGS)})")
    if row.born and row.died and _bounds(*_parts(row.died))[1] < _bounds(*_parts(row.born))[0]:
        raise DataFileError(f"register: person {row.person_id!r}, column died: {row.died} is "
                            f"before the birth, {row.born}")


def fate_summary(register: pd.DataFrame, by: str = "killed_by") -> pd.DataFrame:
    """How many people died each way (``by="death"``) or at whose hands (``by="killed_by"``).

    Returns ``<by>, people, labels`` (the labels of those counted, ``;`` and a
    space between them, in the register's order), most people first, then by name;
    people with no value in the column are not counted.

    Raises:
        ValueError: ``by`` is neither ``killed_by`` nor ``death``.

    Example:
        >>> summary = fate_summary(register, by="death").set_index("death")
        >>> int(summary.loc["executed", "people"]) > int(summary.loc["suicide", "people"])
        True
    """
    if by not in ("killed_by", "death"):
        raise ValueError(f"by must be 'killed_by' or 'death', not {by!r}")
    table = fates(register)
    table = table[table[by] != ""]
    grouped = table.groupby(by, sort=False)["label"]
    out = pd.DataFrame({"people": grouped.size(), "labels": grouped.agg("; ".join)})
    out = out.reset_index().sort_values(["people", by], ascending=[False, True], kind="stable")
    return out[[by, "people", "labels"]].reset_index(drop=True)


def deaths_by_decade(register: pd.DataFrame, killer: str | None = None) -> pd.DataFrame:
    """When and how the people of the register were killed: one row per decade and manner.

    Counts the people whose ``death`` is a killing (executed, died in custody,
    murdered) at the hands of ``killer`` (the ``killed_by`` value; ``None``: any
    killer), by the decade of their death (``1920s``; ``date unknown`` where the
    record gives no year, last) and the manner of death, in that order.

    Returns ``decade, death, people, labels`` (each person as ``label (year)``,
    in order of death, ``;`` and a space between them); empty where nobody was killed so.

    Example:
        >>> table = deaths_by_decade(register, killer="Soviet state")
        >>> table.iloc[0][["decade", "death"]].tolist()
        ['1920s', 'executed']
        >>> table.iloc[0]["labels"].split("; ")[:2]
        ['Gumilev (1921)', 'Vladimir Tagantsev (1921)']
    """
    table = fates(register)
    killed = table[table["death"].isin(KILLINGS)]
    if killer is not None:
        killed = killed[killed["killed_by"] == killer]
    columns = ["decade", "death", "people", "labels"]
    if killed.empty:
        return pd.DataFrame(columns=columns)
    year = killed["year_of_death"]
    killed = killed.assign(
        decade=[f"{y // 10 * 10}s" if pd.notna(y) else "date unknown" for y in year],
        sort_year=year.fillna(10_000).astype(int), manner=killed["death"].map(KILLINGS.index),
        shown=[f"{lab} ({y})" if pd.notna(y) else lab for lab, y in zip(killed["label"], year)])
    killed = killed.sort_values(["sort_year", "manner", "died", "label"], kind="stable")
    killed["order"] = killed["decade"].map({d: i for i, d in enumerate(
        dict.fromkeys(killed["decade"]))})
    grouped = killed.groupby(["order", "decade", "manner", "death"], sort=True)["shown"]
    out = pd.DataFrame({"people": grouped.size(), "labels": grouped.agg("; ".join)})
    return out.reset_index()[columns].reset_index(drop=True)
