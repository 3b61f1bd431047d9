"""What the page *Themes* measures, each once per text: the readings, the scores by method, the comparisons.

Each function takes an :class:`~analysis.results.Analyses`; those that compute
are marked :func:`~analysis.pages.once`, so that the page's numbers, tables and
figures share one computation. Where the text has no themes annotation, the
comparisons are ``None``.

Example:
    >>> results = Analyses(chapter)
    >>> list(annotations(results))
    ['reader A', 'reader B', 'reference']
    >>> comparison(results) is comparison(results)
    True
"""

from __future__ import annotations

import pandas as pd

from analysis import themes
from analysis.pages import once
from analysis.readers import Readings
from analysis.results import Analyses
from analysis.themes import vocabulary

#: Scores compared with the readers' labels — each step of the method, and the setting fixed beforehand.
METHODS: dict[str, dict[str, object]] = {
    "count": {"method": "count"}, "density": {"method": "density"}, "context": {},
    "context, 0.5 (set beforehand)": {"boundary": 0.5}}
#: Paragraph-break weights of the sensitivity table.
BOUNDARIES: tuple[float, ...] = (0.0, 0.05, 0.1, 0.25, 0.5, 1.0)
#: Collocates — the nodes are each theme's terms of this weight or more (core and strong terms).
NODE_WEIGHT = 2.0
#: Key words — the G² a word must reach (p < 0.0001, one degree of freedom).
KEY_G2 = 15.13


# --- what the page measures, each once ---------------------------------------------------------


def readings(results: Analyses) -> Readings | None:
    """The text's themes annotation (:meth:`analysis.results.Analyses.readings`), or ``None``."""
    return results.readings("themes")


@once
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
            "reference": found.reference()}


def standard(results: Analyses) -> pd.DataFrame | None:
    """The reading the method is judged by: the reference, or the one reader's labels, or ``None``."""
    found = annotations(results)
    return found.get("reference", found.get("reader A"))


@once
def method_scores(results: Analyses) -> dict[str, pd.DataFrame]:
    """Paragraph scores by each method of :data:`METHODS` (``context`` is the page's)."""
    return {name: (results.paragraph_scores if not kw else themes.paragraph_scores(
        results.chapter, results.lexicon, hits=results.theme_hits, **kw))
        for name, kw in METHODS.items()}


@once
def by_reader(results: Analyses) -> pd.DataFrame | None:
    """AUC of the bare count and the context method against each reading, or ``None``."""
    found = annotations(results)
    if not found:
        return None
    return themes.compare_readers({m: method_scores(results)[m] for m in ("count", "context")},
                                  found)


@once
def comparison(results: Analyses) -> pd.DataFrame | None:
    """AUC and Spearman's rho of every method of :data:`METHODS` against :func:`standard`."""
    ref = standard(results)
    return None if ref is None else themes.compare_scores(method_scores(results), ref)


@once
def correlations(results: Analyses) -> pd.DataFrame:
    """Spearman's rho between each two themes' scores over the narrative, with intervals."""
    return themes.correlation_intervals(results.paragraph_scores, results.chapter.narrative_ids())


@once
def collocates(results: Analyses, alpha: float | None = 0.05) -> pd.DataFrame:
    """Collocates of each theme's core and strong terms (:data:`NODE_WEIGHT`), stop words left out."""
    return themes.core_collocates(results.chapter, results.lexicon, results.theme_hits,
                                  alpha=alpha, stopwords=results.stopwords,
                                  min_weight=NODE_WEIGHT, top=8 if alpha else 100)


def concordance_term(results: Analyses, term: str | None = None) -> str | None:
    """``term``, or the lexicon's most frequent core term in the text (its most frequent term if none)."""
    if term is not None:
        return term
    hits = results.theme_hits[results.theme_hits["source"] == "lexicon"]
    core = hits[hits["weight"] >= themes.CORE_WEIGHT]
    counts = (core if len(core) else hits)["term"].value_counts()
    return None if counts.empty else str(counts.index[0])


@once
def keyness(results: Analyses, stop: bool = True) -> pd.DataFrame:
    """Every word's keyness against general English (:func:`analysis.themes.vocabulary.keyness`),
    the text's stop words left out (``stop=False``: kept in)."""
    return vocabulary.keyness(results.chapter, stopwords=results.stopwords if stop else frozenset())


def key_words(results: Analyses) -> pd.DataFrame:
    """The words over-represented against general English at G² :data:`KEY_G2` or more."""
    key = keyness(results)
    return key[(key["log_ratio"] > 0) & (key["log_likelihood"] >= KEY_G2)]


@once
def reader_agreement(results: Analyses) -> pd.DataFrame | None:
    """How far the two readers agree, per theme (``group``), or ``None`` with fewer than two readers."""
    found = readings(results)
    return None if found is None or found.n_readers < 2 else found.agreement(by="theme")
