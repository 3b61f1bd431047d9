"""What the page *Themes* measures, each once per text: the readings, the scores by method, the comparisons.

Each function takes an :class:`~analysis.results.Analyses` and keeps its result
with it (:func:`memo`), so that the page's numbers, tables and figures share one
computation. Where the text has no themes annotation, the comparisons are ``None``.

Example:
    >>> results = Analyses(chapter)
    >>> list(annotations(results))
    ['reader A', 'reader B', 'reference']
    >>> comparison(results) is comparison(results)
    True
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from analysis import themes
from analysis.pages import as_number
from analysis.readers import Readings
from analysis.results import Analyses

#: Scores compared with the readers' labels: each step of the method, and the setting fixed beforehand.
METHODS: dict[str, dict[str, object]] = {
    "count": {"method": "count"}, "density": {"method": "density"}, "context": {},
    "context, 0.5 (set beforehand)": {"boundary": 0.5}}
#: Paragraph-break weights of the sensitivity table.
BOUNDARIES: tuple[float, ...] = (0.0, 0.05, 0.1, 0.25, 0.5, 1.0)
#: Collocates: the nodes are each theme's terms of this weight or more (core and strong terms).
NODE_WEIGHT = 2.0
#: Key words: the G² a word must reach (p < 0.0001, one degree of freedom).
KEY_G2 = 15.13


def memo(results: Analyses, name: object, compute: Callable[[], object]) -> object:
    """``compute()`` once per ``results`` and ``name``, then kept (as :class:`Analyses` keeps its tables)."""
    store = results.__dict__.setdefault("_page_themes", {})
    if name not in store:
        store[name] = compute()
    return store[name]


def p_text(p: float) -> str | None:
    """A p-value as the prose prints it: ``p < 0.001`` below 0.001, else ``p = 0.012``.

    Example:
        >>> p_text(0.0), p_text(0.0123), p_text(float("nan"))
        ('p < 0.001', 'p = 0.012', None)
    """
    if pd.isna(p):
        return None
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


def strength(r: float) -> str | None:
    """A correlation called by its size: ``weak`` (\\|r\\| < 0.3), ``moderate`` (< 0.5) or ``strong``.

    Example:
        >>> strength(0.19), strength(-0.4), strength(0.8), strength(float("nan"))
        ('weak', 'moderate', 'strong', None)
    """
    if pd.isna(r):
        return None
    return "weak" if abs(r) < 0.3 else "moderate" if abs(r) < 0.5 else "strong"


def at(table: pd.DataFrame | None, index: object, column: str, digits: int) -> float | int | None:
    """``table.loc[index, column]`` rounded (``None`` without the table, the row or a value)."""
    if table is None or index not in table.index:
        return None
    return as_number(table.loc[index, column], digits)


# --- what the page measures, each once ---------------------------------------------------------


def readings(results: Analyses) -> Readings | None:
    """The text's themes annotation (:meth:`analysis.results.Analyses.readings`), or ``None``."""
    return results.readings("themes")


def annotations(results: Analyses) -> dict[str, pd.DataFrame]:
    """The readings the scores are measured against: ``reader A``, ``reader B``, ``reference``.

    One reader: ``reader A`` alone. No annotation: empty.
    """
    found = readings(results)
    if found is None:
        return {}
    if found.n_readers == 1:
        return {"reader A": found.reader_a}
    return {"reader A": found.reader_a, "reader B": found.reader_b,
            "reference": memo(results, "reference", found.reference)}


def standard(results: Analyses) -> pd.DataFrame | None:
    """The reading the method is judged by: the reference, or the one reader's labels, or ``None``."""
    found = annotations(results)
    return found.get("reference", found.get("reader A"))


def method_scores(results: Analyses) -> dict[str, pd.DataFrame]:
    """Paragraph scores by each method of :data:`METHODS` (``context`` is the page's)."""
    def compute() -> dict[str, pd.DataFrame]:
        return {name: (results.paragraph_scores if not kw else themes.paragraph_scores(
            results.chapter, results.lexicon, hits=results.theme_hits, **kw))
            for name, kw in METHODS.items()}
    return memo(results, "methods", compute)


def by_reader(results: Analyses) -> pd.DataFrame | None:
    """AUC of the bare count and the context method against each reading, or ``None``."""
    found = annotations(results)
    if not found:
        return None
    tables = {m: method_scores(results)[m] for m in ("count", "context")}
    return memo(results, "by_reader", lambda: themes.compare_readers(tables, found))


def comparison(results: Analyses) -> pd.DataFrame | None:
    """AUC and Spearman's rho of every method of :data:`METHODS` against :func:`standard`."""
    ref = standard(results)
    if ref is None:
        return None
    return memo(results, "comparison", lambda: themes.compare_scores(method_scores(results), ref))


def correlations(results: Analyses) -> pd.DataFrame:
    """Spearman's rho between each two themes' scores over the narrative, with intervals."""
    return memo(results, "rho", lambda: themes.correlation_intervals(
        results.paragraph_scores, results.chapter.narrative_ids()))


def collocates(results: Analyses, alpha: float | None = 0.05) -> pd.DataFrame:
    """Collocates of each theme's core and strong terms (:data:`NODE_WEIGHT`), stop words left out."""
    return memo(results, ("colloc", alpha), lambda: themes.core_collocates(
        results.chapter, results.lexicon, results.theme_hits, alpha=alpha,
        stopwords=results.stopwords, min_weight=NODE_WEIGHT, top=8 if alpha else 100))


def concordance_term(results: Analyses, term: str | None = None) -> str | None:
    """``term``, or the lexicon's most frequent core term in the text (its most frequent term if none)."""
    if term is not None:
        return term
    hits = results.theme_hits[results.theme_hits["source"] == "lexicon"]
    core = hits[hits["weight"] >= themes.CORE_WEIGHT]
    counts = (core if len(core) else hits)["term"].value_counts()
    return None if counts.empty else str(counts.index[0])


def reader_agreement(results: Analyses) -> pd.DataFrame | None:
    """How far the two readers agree, per theme (``group``), or ``None`` with fewer than two readers."""
    found = readings(results)
    if found is None or found.n_readers < 2:
        return None
    return memo(results, "agree", lambda: found.agreement(by="theme"))
