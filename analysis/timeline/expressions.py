"""Time expressions found in a chapter by rule, typed and normalised in the manner of TIMEX3.

:func:`time_expressions` runs the rules of :mod:`analysis.timeline.rules` over
the established text (so the scanning corrections apply: ``19 18`` is read
``1918``), keeps the longest match where rules overlap, and gives every
expression its seed offsets, its sentence and paragraph, a TIMEX3 ``type`` and
a normalised ``value``. Expressions in the title lines are left out; the
narration and the editor's notes are both read.

Relative expressions (``the previous year``, ``that summer``, ``at the time``,
``now`` in past narration, ``fifteen years ago``) are resolved from the time
the passage narrates (:mod:`analysis.timeline.reference`): a text without
explicit years leaves them unresolved (``XXXX``, ``FUTURE_REF``). ``now`` is
the time of writing (``PRESENT_REF``) in a clause told in the present tense
(``even now … he is still fighting``), and the time narrated in past narration
or inside a quotation. Each row says how its value was reached: ``explicit``
(the words give it), ``context`` (resolved from the time narrated or a year
nearby) or ``unresolved``.

Example:
    >>> found = time_expressions(chapter)
    >>> found.columns.tolist()[:7]
    ['start', 'end', 'text', 'type', 'value', 'paragraph_id', 'sentence_id']
    >>> row = found[found["text"] == "1918"].iloc[0]
    >>> chapter.seed_text[row.start:row.end], row.value
    ('19 18', '1918')
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.text import Chapter
from analysis.timeline import reference as ref
from analysis.timeline.rules import (MONTHS, PARTS_OF_DAY, RELATIVE_RULES, RULES, SEASONS,
                                     TYPES, UNIT_LETTER, number, ordinal)

#: The columns of an expressions table (those of the export first).
COLUMNS = ["start", "end", "text", "type", "value", "paragraph_id", "sentence_id", "rule",
           "resolution"]

#: The TIMEX3 types, in the order of the guidelines.
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET", "AGE")

_QUOTE = re.compile(r"[‘“\"](?=\w)(?:[^‘“\"’”]|’(?=\w))*?[’”\"](?!\w)")
_PRESENT = re.compile(r"\b(?:is|are|am|has|have|does|do|remain|remains|can)\b", re.I)
_PAST = re.compile(r"\b(?:was|were|had|did)\b", re.I)


def candidates(chapter: Chapter) -> pd.DataFrame:
    """Every match of every rule in the established text: ``est_start, est_end, rule, groups``.

    A rule's ``lead`` group (words it needs before the span) is left out of the span.

    Example:
        >>> c = candidates(chapter)
        >>> sorted(c.loc[c["rule"] == "season_year", "groups"].iloc[0].items())[:2]
        [('season', 'summer'), ('year', '1921')]
    """
    rows = []
    for order, (name, rx) in enumerate(RULES):
        for m in rx.finditer(chapter.text):
            start = m.end("lead") if "lead" in rx.groupindex and m.group("lead") else m.start()
            if m.end() > start:
                groups = {k: v for k, v in m.groupdict().items() if v is not None and k != "lead"}
                rows.append((start, m.end(), name, order, groups))
    return pd.DataFrame(rows, columns=["est_start", "est_end", "rule", "order", "groups"])


def _longest(found: pd.DataFrame) -> pd.DataFrame:
    """The matches kept where matches overlap: the longest, then the rule listed first."""
    ranked = found.assign(length=found["est_end"] - found["est_start"]).sort_values(
        ["length", "order", "est_start"], ascending=[False, True, True], kind="stable")
    taken = np.zeros(int(found["est_end"].max()) + 1 if len(found) else 1, dtype=bool)
    keep = []
    for i, a, b in zip(ranked.index, ranked["est_start"], ranked["est_end"]):
        if not taken[a:b].any():
            taken[a:b] = True
            keep.append(i)
    return found.loc[keep].sort_values("est_start").reset_index(drop=True)


def _sentences(chapter: Chapter) -> pd.DataFrame:
    """The sentences with their established offsets (``est_start``, ``est_end``)."""
    sents = chapter.sentences
    est_start = chapter.offset_map.from_seed(sents["start"].to_numpy())
    est_end = est_start + sents["text"].str.len().to_numpy()
    return sents.assign(est_start=est_start, est_end=est_end)


def time_expressions(chapter: Chapter, reference_year: int | None = None) -> pd.DataFrame:
    """The time expressions of the chapter's narration and notes (:data:`COLUMNS`).

    ``start, end`` are seed offsets; ``text`` the expression as established;
    ``type`` and ``value`` TIMEX3 (``DATE 1921-SU``, ``DURATION P18M``, ``AGE
    P41Y``, ``DATE PRESENT_REF`` …); ``rule`` the rule that found it;
    ``resolution`` how the value was reached. ``reference_year`` fixes the year
    the chapter narrates; ``None`` derives it from the text's own explicit
    years (:func:`analysis.timeline.reference.story_year`), or leaves relative
    expressions unresolved when the text has none.

    Example:
        >>> found = time_expressions(chapter)
        >>> found.loc[found["text"] == "this summer of 1921", ["type", "value"]].values.tolist()
        [['DATE', '1921-SU']]
        >>> found.loc[found["text"] == "the previous year", "value"].tolist()
        ['1920']
    """
    sents = _sentences(chapter)
    found = candidates(chapter)
    if found.empty:
        empty = pd.DataFrame({c: pd.Series(dtype="int64" if c in ("start", "end", "paragraph_id",
                                                                   "sentence_id") else "object")
                              for c in COLUMNS})
        empty.attrs.update(story_year=reference_year, reference={
            int(p): reference_year for p in chapter.paragraphs["paragraph_id"]})
        return empty
    found = _longest(found)
    idx = np.searchsorted(sents["est_start"].to_numpy(), found["est_start"].to_numpy(), "right") - 1
    inside = (idx >= 0) & (found["est_end"].to_numpy()
                           <= sents["est_end"].to_numpy()[np.clip(idx, 0, None)])
    found, idx = found[inside].reset_index(drop=True), idx[inside]
    kinds = chapter.paragraphs.set_index("paragraph_id")["kind"]
    pids = sents["paragraph_id"].to_numpy()[idx]
    keep = kinds.reindex(pids).to_numpy() != "title"
    found, idx = found[keep].reset_index(drop=True), idx[keep]
    start, end = chapter.offset_map.spans_to_seed(found["est_start"], found["est_end"])
    table = found.assign(start=start, end=end,
                         text=[chapter.text[a:b] for a, b in zip(found["est_start"],
                                                                 found["est_end"])],
                         sentence_id=sents["sentence_id"].to_numpy()[idx],
                         paragraph_id=sents["paragraph_id"].to_numpy()[idx],
                         sent_pos=idx)
    explicit = [_explicit(r.rule, r.groups) for r in table.itertuples()]
    table["type"] = [t for t, _ in explicit]
    table["value"] = [v for _, v in explicit]
    years = ref.explicit_years(table, chapter)
    story = reference_year if reference_year is not None else ref.story_year(years)
    running = ref.reference_years(chapter, years, story)
    table["reference"] = table["paragraph_id"].map(running)
    resolved = [_relative(r, sents, chapter.text, years) if r.rule in RELATIVE_RULES
                else (r.type, r.value) for r in table.itertuples()]
    table["type"] = [t for t, _ in resolved]
    table["value"] = [v for _, v in resolved]
    table["resolution"] = [_resolution(r.rule, v) for r, v in zip(table.itertuples(),
                                                                   table["value"])]
    out = table[COLUMNS].astype({"start": "int64", "end": "int64", "paragraph_id": "int64",
                                 "sentence_id": "int64"}).reset_index(drop=True)
    out.attrs.update(story_year=story, reference=running)
    return out


def narrated_years(chapter: Chapter, expressions: pd.DataFrame | None = None) -> pd.Series:
    """Each paragraph's reference year, the time it narrates (``None`` where the text gives no
    year), by ``paragraph_id``: that found with ``expressions`` (:func:`time_expressions`), or
    found anew.

    Example:
        >>> years = narrated_years(chapter)
        >>> int(years[3]), int(years[63])
        (1921, 1921)
    """
    if expressions is None or "reference" not in expressions.attrs:
        expressions = time_expressions(chapter)
    return pd.Series(expressions.attrs["reference"], name="reference_year", dtype="object")


def _resolution(rule: str, value: str) -> str:
    """``unresolved`` for a time the context does not fix (``FUTURE_REF``, ``XXXX-SP``),
    ``context`` for a relative expression resolved, ``explicit`` where the words give it."""
    if value in ("PAST_REF", "FUTURE_REF", "") or value.startswith("XXXX"):
        return "unresolved"
    return "context" if rule in RELATIVE_RULES else "explicit"


def _duration(qty: str | None, unit: str) -> str:
    """A TIMEX3 duration: ``P18M``, ``P10Y``, ``PT3H``; ``PXY`` where the number is not said."""
    unit = unit.lower().rstrip("s").replace("centurie", "century")
    n = number(qty) if qty else None
    count = "X" if n is None else str(n)
    if unit in ("hour", "minute"):
        return f"PT{count}{'H' if unit == 'hour' else 'M'}"
    if unit == "decade":
        return f"P{count}0Y" if n is not None else "PXDE"
    if unit == "century":
        return f"P{n * 100}Y" if n is not None else "PXCE"
    return f"P{count}{UNIT_LETTER[unit]}"


def _explicit(rule: str, g: dict[str, str]) -> tuple[str, str]:
    """The type and the value the words alone give (relative rules are resolved later)."""
    kind = TYPES[rule]
    month = f"{MONTHS.index(g['month']) + 1:02d}" if "month" in g else ""
    if rule in ("full_date", "full_date_us"):
        return kind, f"{g['year']}-{month}-{int(g['day']):02d}"
    if rule == "month_year":
        return kind, f"{g['year']}-{month}"
    if rule == "season_year":
        return kind, f"{g['year']}-{SEASONS[g['season'].lower()]}"
    if rule == "year":
        return kind, g["year"]
    if rule == "decade":
        return kind, g["decade"][:3] + "X"
    if rule == "century":
        n = ordinal(g["ordinal"])
        return kind, f"{n - 1:02d}" if n else "XX"
    if rule in ("duration", "for_units", "for_units_after"):
        return "DURATION", _duration(g.get("qty"), g["unit"])
    if rule in ("age_of", "aged", "years_old", "was_age"):
        n = number(g["qty"])
        return kind, f"P{n}Y" if n is not None else "PXY"
    if rule == "every_unit":
        return kind, _duration("one", g["unit"])
    if rule == "one_to_next":
        return kind, _duration("one", g["unit"])
    if rule == "parts_of_day":
        return kind, f"XXXX-XX-XXT{PARTS_OF_DAY[g['part'].lower().rstrip('s')]}"
    if rule == "future":
        return kind, "FUTURE_REF" if g["dir"].lower() == "future" else "PAST_REF"
    if rule == "long_past":
        return kind, "PAST_REF"
    return kind, ""


def _clause(text: str, start: int, end: int) -> str:
    """The clause around ``text[start:end]`` (between the nearest stops, semicolons, brackets)."""
    left = max(text.rfind(c, 0, start) for c in ".;:!?()—[]")
    rights = [i for i in (text.find(c, end) for c in ".;:!?()—[]") if i >= 0]
    return text[left + 1: min(rights) if rights else len(text)]


def _quoted(text: str, start: int) -> bool:
    """Whether position ``start`` of ``text`` lies inside a quotation."""
    return any(m.start() < start < m.end() for m in _QUOTE.finditer(text))


def _near_year(r: object, sents: pd.DataFrame, years: pd.DataFrame, later_than: int | None
               ) -> int | None:
    """The latest explicit year of the expression's sentence or the one before (same paragraph),
    not earlier than ``later_than``, or ``None``."""
    here = years[(years["sent_pos"] == r.sent_pos)
                 | ((years["sent_pos"] == r.sent_pos - 1)
                    & (years["paragraph_id"] == r.paragraph_id))]
    if later_than is not None:
        here = here[here["year"] >= later_than]
    return int(here["year"].max()) if len(here) else None


def _relative(r: object, sents: pd.DataFrame, text: str, years: pd.DataFrame
              ) -> tuple[str, str]:
    """The type and value of a relative expression, resolved from the time its passage narrates."""
    g, base = r.groups, r.reference
    year = "XXXX" if pd.isna(base) else str(int(base))
    sentence = sents.iloc[r.sent_pos]
    s_text, offset = sentence["text"], int(sentence["est_start"])
    rel_start = r.est_start - offset
    if r.rule in ("day_month", "month_day"):
        after = re.search(r"\b(1\d{3}|20\d{2})\b", s_text[rel_start:rel_start + 40])
        return "DATE", f"{after.group(1) if after else year}-" \
                       f"{MONTHS.index(g['month']) + 1:02d}-{int(g['day']):02d}"
    if r.rule == "month":
        return "DATE", f"{year}-{MONTHS.index(g['month']) + 1:02d}"
    if r.rule == "turn_of_century":
        return "DATE", "XXXX" if pd.isna(base) else f"{int(base) // 100}00"
    if r.rule == "season":
        det, code = g["det"].lower(), SEASONS[g["season"].lower()]
        if det in ("every", "each") or g.get("plural"):
            return "SET", f"XXXX-{code}"
        shift = {"last": -1, "next": 1}.get(det, 0)
        if det == "the" or pd.isna(base):
            return "DATE", f"XXXX-{code}"
        return "DATE", f"{int(base) + shift}-{code}"
    if r.rule == "relative_unit":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        shift = {"previous": -1, "preceding": -1, "last": -1, "following": 1, "next": 1,
                 "coming": 1}.get(rel, 0)
        if unit in PARTS_OF_DAY:
            return "TIME", f"{year}-XX-XXT{PARTS_OF_DAY[unit]}"
        if unit == "year":
            return "DATE", year if pd.isna(base) else str(int(base) + shift)
        if unit in ("month", "week", "day"):
            return "DATE", {"month": f"{year}-XX", "week": f"{year}-WXX",
                            "day": f"{year}-XX-XX"}[unit]
        return "DATE", _anchored(r, sents, years, year)
    if r.rule == "at_the_time":
        clause = _clause(text, r.est_start, r.est_end)
        of_year = re.search(r"\bof\b.*?\b(1\d{3}|20\d{2})\b", text[r.est_end:r.est_end + 80])
        if of_year and of_year.group(0) in clause:
            return "DATE", of_year.group(1)
        return "DATE", _anchored(r, sents, years, year)
    if r.rule == "part_of_day":
        det, part = g["det"].lower(), PARTS_OF_DAY[g["part"].lower()]
        if det in ("every", "each"):
            return "SET", "P1D"
        return "TIME", f"{year}-XX-XXT{part}"
    if r.rule == "bare_part":
        return "TIME", f"{year}-XX-XXT{PARTS_OF_DAY[g['part'].lower()]}"
    if r.rule == "ago":
        n, unit = number(g["qty"]), g["unit"].lower().rstrip("s")
        sign = -1 if g["dir"].lower() in ("ago", "earlier", "before") else 1
        if unit == "year" and n is not None and not pd.isna(base):
            return "DATE", str(int(base) + sign * n)
        if unit in ("month", "week", "day", "night"):
            return "DATE", {"month": f"{year}-XX", "week": f"{year}-WXX"}.get(unit,
                                                                             f"{year}-XX-XX")
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    if r.rule in ("units_after", "later"):
        if g.get("dir", "").lower() == "earlier":
            return "DATE", "PAST_REF"
        clause = _clause(text, r.est_start, r.est_end)
        after = [int(y) for y in re.findall(r"\b(1\d{3}|20\d{2})\b",
                                            clause[clause.find(r.text) + len(r.text):])]
        after = [y for y in after if pd.isna(base) or y > int(base)]
        return "DATE", str(after[0]) if after else "FUTURE_REF"
    if r.rule == "those_days":
        return "DATE", "PRESENT_REF" if g["det"].lower() == "these" else year
    if r.rule == "deictic_day":
        word = g["word"].lower()
        return "DATE", {"today": "PRESENT_REF", "tonight": "PRESENT_REF",
                        "yesterday": "PAST_REF"}.get(word, "FUTURE_REF")
    if r.rule == "one_day":
        before = s_text[max(0, rel_start - 24):rel_start].lower()
        future = re.search(r"\b(?:was|were|would|will|shall|and,?)\s*$", before)
        return "DATE", "FUTURE_REF" if future else f"{year}-XX-XX"
    # now, then
    clause = _clause(text, r.est_start, r.est_end)
    if r.rule == "now":
        before = text[max(0, r.est_start - 12):r.est_start].lower()
        if re.search(r"\b(?:even|till|until|up to)\s+$", before) and not _quoted(
                s_text, rel_start):
            return "DATE", "PRESENT_REF"
        if (not _quoted(s_text, rel_start) and _PRESENT.search(clause)
                and not _PAST.search(clause)):
            return "DATE", "PRESENT_REF"
    return "DATE", _anchored(r, sents, years, year)


def _anchored(r: object, sents: pd.DataFrame, years: pd.DataFrame, year: str) -> str:
    """The time narrated where an anaphoric expression stands (``then``, ``at the time``):
    an explicit year of its sentence or the one before, not earlier than the reference year;
    else the reference year."""
    base = None if year == "XXXX" else int(year)
    near = _near_year(r, sents, years, base)
    return str(near) if near is not None else year
