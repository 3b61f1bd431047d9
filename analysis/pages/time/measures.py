"""What the page *Time* measures, once per text: the expressions, the dated marks, the agreement.

Each table is computed once per :class:`~analysis.results.Analyses` (:func:`~analysis.pages.once`)
and is ``None`` where the text lacks what it needs: no reader of time (the
agreement), no chronology and no year in the text (the dated marks), no
episodes (the counts by episode).

Example:
    >>> from analysis.pages import current
    >>> results = current()
    >>> spans(results).index.tolist()[0], len(marks(results)) > 0
    ('reader A vs reader B', True)
"""

from __future__ import annotations

import pandas as pd

from analysis import timeline
from analysis.pages import once
from analysis.results import Analyses
from analysis.timeline.annotations import time_disagreements

#: The bootstrap's resamples (of whole paragraphs) and seed, for every interval of the page.
N_BOOT, SEED = 1000, 0
#: The comparisons of an agreement table -> the key the page's numbers give them.
COMPARISONS = {"reader A vs reader B": "readers", "method vs reader A": "a",
               "method vs reader B": "b", "method vs reference": "ref"}


@once
def references(results: Analyses) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """The reference time expressions and hindsight sentences (each ``None`` without its files)."""
    return timeline.references(results.time_annotations)


@once
def spans(results: Analyses) -> pd.DataFrame | None:
    """Span agreement of the readers with each other and of the method with each (``None``: no reader)."""
    table = timeline.time_agreement(results.chapter, results.time_expressions,
                                    results.time_annotations, n_boot=N_BOOT, seed=SEED)
    return table if len(table) else None


@once
def hindsight_table(results: Analyses) -> pd.DataFrame | None:
    """Hindsight agreement, readers and method (``None``: no reader of hindsight)."""
    table = timeline.hindsight_agreement_table(results.chapter, results.hindsight,
                                               results.time_annotations, n_boot=N_BOOT, seed=SEED)
    return table if len(table) else None


@once
def disputes(results: Analyses) -> pd.DataFrame | None:
    """Where the two readers' time expressions differ (``None``: fewer than two readers)."""
    files = results.time_annotations
    if files["time_a"] is None or files["time_b"] is None:
        return None
    return time_disagreements(files["time_a"], files["time_b"])


@once
def marks(results: Analyses) -> pd.DataFrame | None:
    """Every dated mark of the narration (the text's dates and the chronology's events) with its
    order of telling (:func:`analysis.timeline.chronology.jumps`); the editor's notes left out.

    ``None`` where the narration has no dated mark.
    """
    chapter = results.chapter
    found = results.time_expressions
    table = timeline.jumps(timeline.narration_table(
        chapter, found, timeline.narrated_years(chapter, found), results.chronology))
    narrative = chapter.paragraphs.loc[chapter.paragraphs["kind"] == "narrative", "paragraph_id"]
    table = table[table["paragraph_id"].isin(narrative)].reset_index(drop=True)
    return table if len(table) else None


def dated(results: Analyses) -> pd.DataFrame | None:
    """The dates the narration's own words give (:func:`marks` of kind ``expression``), or ``None``."""
    table = marks(results)
    if table is None:
        return None
    table = table[table["kind"] == "expression"]
    return table if len(table) else None
