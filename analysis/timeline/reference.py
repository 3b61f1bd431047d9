"""The time a passage narrates: the story's year and each paragraph's reference year.

A relative expression (``the previous year``, ``that summer``, ``at the
time``) means a date only against the time its passage narrates. That time is
read from the text's own explicit years, never assumed:

- the **story year** (:func:`story_year`) is the year most often given
  explicitly in the sentences of the narration that do not speak from a later
  time (no hindsight cue, :data:`analysis.timeline.rules.HINDSIGHT_CUES`), the
  one given first among equals; a text with no explicit year has none;
- a paragraph's **reference year** (:func:`reference_years`) starts at the
  story year and moves with the explicit years told in order up to it: a year
  in a narrating sentence that is neither a flashback (``had`` + participle,
  the pluperfect), nor a fate told in advance, nor a starting point (``from
  1905``), and that follows the time narrated by at most :data:`STEP` year —
  a narration told in order moves on by steps; a leap forward is a prolepsis
  (``I met him again in Paris in 1936``), a leap back an analepsis, and
  neither moves the time narrated.

Example:
    >>> from analysis.timeline.expressions import time_expressions
    >>> found = time_expressions(chapter)
    >>> int(found.loc[found["text"] == "the time", "value"].str[:4].astype(int).mode()[0])
    1921
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.text import Chapter
from analysis.timeline.rules import HINDSIGHT_CUES

#: How far one explicit year may move the time narrated forward (a longer leap is a prolepsis).
STEP = 1

#: The rules whose value holds an explicit year (the words say it).
YEAR_RULES = ("full_date", "full_date_us", "month_year", "season_year", "year")

_PLUPERFECT = re.compile(r"\bhad\b(?!\s+(?:to|no|not|a|an|the|some|his|her|their|its)\b)", re.I)
_STARTING = re.compile(r"\b(?:from|since|before)\s+(?:\w+\s+)?$", re.I)


def explicit_years(found: pd.DataFrame, chapter: Chapter) -> pd.DataFrame:
    """The explicit years among expressions found: ``sent_pos, sentence_id, paragraph_id, year,
    narrating, moves``.

    ``found`` holds ``rule, value, sentence_id, paragraph_id, sent_pos, est_start`` (the
    expressions' working table). ``narrating``: the year is told in a sentence of the narration
    with no hindsight cue; ``moves``: it also moves the time narrated forward (not a flashback
    in the pluperfect, not a starting point such as ``from 1905``).

    Example:
        >>> from analysis.timeline.expressions import time_expressions
        >>> t = time_expressions(chapter)
        >>> t[t["rule"] == "year"].shape[0] > 20
        True
    """
    rows = found[found["rule"].isin(YEAR_RULES)]
    kinds = chapter.paragraphs.set_index("paragraph_id")["kind"]
    texts = chapter.sentences.set_index("sentence_id")["text"]
    out = []
    for r in rows.itertuples():
        sentence = texts[r.sentence_id]
        cue = any(rx.search(sentence) for _, rx in HINDSIGHT_CUES)
        narrating = kinds[r.paragraph_id] == "narrative" and not cue
        before = chapter.text[max(0, r.est_start - 16):r.est_start]
        moves = narrating and not _PLUPERFECT.search(sentence) and not _STARTING.search(before)
        out.append((r.sent_pos, r.sentence_id, r.paragraph_id, int(r.value[:4]), narrating,
                    moves))
    return pd.DataFrame(out, columns=["sent_pos", "sentence_id", "paragraph_id", "year",
                                      "narrating", "moves"])


def story_year(years: pd.DataFrame) -> int | None:
    """The year the narration gives most often (the first given among equals), or ``None``.

    Example:
        >>> story_year(pd.DataFrame({"year": [1918, 1921, 1936, 1921], "narrating": True,
        ...                          "sentence_id": [1, 2, 3, 4]}))
        1921
        >>> story_year(pd.DataFrame({"year": [], "narrating": [], "sentence_id": []})) is None
        True
    """
    told = years[years["narrating"].astype(bool)]
    if told.empty:
        return None
    counts = told.groupby("year").agg(n=("year", "size"), first=("sentence_id", "min"))
    best = counts.sort_values(["n", "first"], ascending=[False, True])
    return int(best.index[0])


def reference_years(chapter: Chapter, years: pd.DataFrame, story: int | None
                    ) -> dict[int, int | None]:
    """Each paragraph's reference year: the story year, moved on by the explicit years told in
    order up to it, by steps of at most :data:`STEP` (``None`` where the text gives none).

    Example:
        >>> years = pd.DataFrame({"paragraph_id": [16, 20, 28], "year": [1922, 1936, 1923],
        ...                       "moves": [True, True, True]})
        >>> ref = reference_years(chapter, years, 1921)
        >>> ref[3], ref[16], ref[20], ref[40]
        (1921, 1922, 1922, 1923)
    """
    moving = years[years["moves"].astype(bool)]
    by_paragraph = moving.groupby("paragraph_id")["year"].agg(list)
    current, out = story, {}
    for pid in chapter.paragraphs["paragraph_id"]:
        for year in by_paragraph.get(pid, []):
            if current is not None and 0 <= year - current <= STEP:
                current = int(year)
        out[int(pid)] = current
    return out
