"""Dates as stretches of the calendar: TIMEX3 values and ISO dates on one axis of years.

A figure that sets the order of telling against history needs every date as a
stretch of time on one axis: :func:`interval` turns a TIMEX3 value or an ISO
date (``1921``, ``1921-03``, ``1921-03-18``, ``1921-SU``, ``192X``) into the
decimal years where it begins and ends, and says nothing (``None``) of a value
that names no calendar time (``PRESENT_REF``, ``FUTURE_REF``, ``XXXX-SP``, a
duration). :func:`tei_date` gives the attributes of a TEI ``<date>`` or
``<time>`` element for an expression.

Example:
    >>> interval("1921-SU")
    (1921.4137, 1921.6637)
    >>> interval("1921-03-18"), interval("PRESENT_REF")
    ((1921.2082, 1921.211), None)
"""

from __future__ import annotations

import calendar
import re

#: Meteorological seasons, as (first month, number of months).
SEASON_MONTHS = {"SP": (3, 3), "SU": (6, 3), "AU": (9, 3), "WI": (12, 3)}

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T\w+)?$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|AU|WI)$")
_DECADE = re.compile(r"^(\d{3})X$")
_CENTURY = re.compile(r"^(\d{2})$")


def _fraction(year: int, month: int = 1, day: int = 1) -> float:
    """The decimal year at the start of a day."""
    days = 366 if calendar.isleap(year) else 365
    start = sum(calendar.monthrange(year, m)[1] for m in range(1, month)) + day - 1
    return year + start / days


def interval(value: str) -> tuple[float, float] | None:
    """Where a calendar value begins and ends, in decimal years (rounded to four places).

    Example:
        >>> interval("1921"), interval("192X"), interval("1921-XX")
        ((1921.0, 1922.0), (1920.0, 1930.0), (1921.0, 1922.0))
        >>> interval("P18M") is None, interval("XXXX-SU") is None
        (True, True)
    """
    value = str(value).strip()
    value = re.sub(r"-XX(?:-XX)?(?:T\w+)?$|-WXX$", "", value)
    if m := _ISO.match(value):
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        if month is None:
            lo, hi = float(year), float(year + 1)
        elif day is None:
            lo = _fraction(year, int(month))
            hi = _fraction(year + int(month) // 12, int(month) % 12 + 1)
        else:
            lo = _fraction(year, int(month), int(day))
            hi = lo + 1 / (366 if calendar.isleap(year) else 365)
    elif m := _SEASON.match(value):
        year, (first, span) = int(m.group(1)), SEASON_MONTHS[m.group(2)]
        lo = _fraction(year, first)
        hi = lo + span / 12
    elif m := _DECADE.match(value):
        lo, hi = float(m.group(1) + "0"), float(m.group(1) + "0") + 10
    elif m := _CENTURY.match(value):
        lo, hi = float(m.group(1) + "00"), float(m.group(1) + "00") + 100
    else:
        return None
    return round(lo, 4), round(hi, 4)


def midpoint(value: str) -> float | None:
    """The middle of :func:`interval` (``None`` where it has none).

    Example:
        >>> midpoint("1921")
        1921.5
    """
    span = interval(value)
    return None if span is None else round((span[0] + span[1]) / 2, 4)


def tei_date(kind: str, value: str) -> tuple[str, dict[str, str]]:
    """The TEI element and attributes for a time expression of TIMEX3 ``kind`` and ``value``.

    A calendar date is ``<date when="…">`` (a season or decade ``notBefore`` /
    ``notAfter``); a time of day ``<time>``; a duration ``<time dur="P18M">``
    where the length is said (``dur-iso`` for weeks, which ``dur``, an XML
    Schema duration, cannot hold); an age ``<measure type="age" unit="year"
    quantity="41">`` (TEI's ``<age>`` describes a person in a ``<person>``
    record and may not stand in a paragraph). Every element carries ``type``
    (the TIMEX3 type, lower case) and ``ana`` (the TIMEX3 value, ``timex:``
    before it), so that nothing is lost where TEI has no attribute for it
    (``PRESENT_REF``).

    Example:
        >>> tei_date("DATE", "1921-03-18")
        ('date', {'type': 'date', 'ana': 'timex:1921-03-18', 'when': '1921-03-18'})
        >>> tei_date("DATE", "1921-SU")[1]["notBefore"], tei_date("DURATION", "P18M")[1]["dur"]
        ('1921-06', 'P18M')
        >>> tei_date("AGE", "P41Y")
        ('measure', {'type': 'age', 'ana': 'timex:P41Y', 'unit': 'year', 'quantity': '41'})
    """
    attrs = {"type": kind.lower(), "ana": f"timex:{value}"}
    if kind == "AGE":
        years = re.fullmatch(r"P(\d+)Y", value)
        return "measure", attrs | {"unit": "year"} | ({"quantity": years.group(1)} if years else {})
    if kind in ("DURATION", "SET"):
        if kind == "DURATION" and re.fullmatch(r"P(?:\d+[YMD])+|PT\d+[HMS]", value):
            return "time", attrs | {"dur": value}
        if kind == "DURATION" and re.fullmatch(r"P(?:\d+[YMWD])+", value):
            return "time", attrs | {"dur-iso": value}
        return "time", attrs
    element = "time" if kind == "TIME" else "date"
    plain = re.sub(r"T\w+$", "", value)
    if re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", plain):
        return element, attrs | {"when": plain}
    if m := _SEASON.match(value):
        first, span = SEASON_MONTHS[m.group(2)]
        year = int(m.group(1))
        last = first + span - 1
        end = f"{year + (last - 1) // 12}-{(last - 1) % 12 + 1:02d}"
        return element, attrs | {"notBefore": f"{year}-{first:02d}", "notAfter": end}
    if m := _DECADE.match(value):
        return element, attrs | {"notBefore": m.group(1) + "0", "notAfter": m.group(1) + "9"}
    if m := re.fullmatch(r"(\d{4})-XX(?:-XX)?", plain):
        return element, attrs | {"notBefore": f"{m.group(1)}-01", "notAfter": f"{m.group(1)}-12"}
    return element, attrs
