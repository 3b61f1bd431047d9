"""How a page says a statistic in its prose: a p-value, a correlation's size, an interval's reach.

A page glues these as text beside its numbers (:func:`analysis.pages.glue_numbers`),
so that every page says them the same way: a p-value below 0.001 is "p < 0.001",
never "p = 0.0"; a correlation is called weak, moderate or strong by its size;
an interval says whether it includes zero. Each takes a value that may be
undefined for a text (``NaN``, ``None``) and then gives ``None``.

Example:
    >>> p_text(0.0), p_text(0.0113), p_text(0.086), p_text(float("nan"))
    ('p < 0.001', 'p = 0.011', 'p = 0.086', None)
    >>> strength(0.19), strength(-0.42), strength(0.8), strength(None)
    ('weak', 'moderate', 'strong', None)
    >>> reach(-0.05, 0.3), reach(0.1, 0.4), reach(float("nan"), 0.4)
    ('includes zero', 'excludes zero', None)
"""

from __future__ import annotations

import math


def _undefined(value: object) -> bool:
    """Whether ``value`` is missing (``None``) or not a number."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def p_text(p: float | None, digits: int = 3) -> str | None:
    """A p-value as the prose prints it: ``p < 0.001`` below 0.001, else ``p = 0.012``.

    ``digits`` places are printed; below ``10 ** -digits`` the value is said as a bound.
    See the module's example.
    """
    if _undefined(p):
        return None
    floor = 10.0 ** -digits
    return f"p < {floor:.{digits}f}" if float(p) < floor else f"p = {float(p):.{digits}f}"


def strength(r: float | None) -> str | None:
    """A correlation called by its size: ``weak`` (\\|r\\| < 0.3), ``moderate`` (< 0.5) or ``strong``.

    See the module's example.
    """
    if _undefined(r):
        return None
    return "weak" if abs(float(r)) < 0.3 else "moderate" if abs(float(r)) < 0.5 else "strong"


def reach(low: float | None, high: float | None) -> str | None:
    """Whether an interval ``low`` to ``high`` ``includes zero`` or ``excludes zero``.

    See the module's example.
    """
    if _undefined(low) or _undefined(high):
        return None
    return "includes zero" if float(low) <= 0 <= float(high) else "excludes zero"
