"""The figures and tables of the page *Themes*, for any text and lexicon.

Each takes an :class:`~analysis.results.Analyses` and returns a figure (a
:class:`~analysis.pages.figures.CompactFigure`: the ``Figure`` itself is its
``figure``), a table
(floats rounded as the page shows them, p-values as text: never "0.0") or the
lines of a concordance. Those that need the readers' theme labels return
``None`` for a text without them (:func:`analysis.pages.themes.sections.readers_section`
says why).

Example:
    >>> results = Analyses(chapter)
    >>> len(lexicon_table(results)) == results.lexicon.terms.groupby(["theme", "weight"]).ngroups
    True
    >>> disagreements_table(results)["adjudicated"].size
    24
"""

from __future__ import annotations

import pandas as pd

from analysis import themes
from analysis.pages.figures import CompactFigure
from analysis.pages.format import p_text, strength
from analysis.pages.themes.measures import (BOUNDARIES, annotations, by_reader, collocates,
                                            comparison, concordance_term, correlations,
                                            key_words, keyness, reader_agreement, readings,
                                            standard)
from analysis.results import Analyses
from analysis.text.structure import along_chapter
from analysis.themes import figures, vocabulary


def _p(table: pd.DataFrame, column: str = "p_value") -> pd.DataFrame:
    """``table`` with its p-values as the prose prints them (``p < 0.001``, ``p = 0.012``)."""
    return table.assign(**{column: table[column].map(p_text)})


# --- the lexicon, its hits and scores -----------------------------------------------------------


def lexicon_table(results: Analyses) -> pd.DataFrame:
    """The whole lexicon, grouped by theme and weight: ``theme, weight, n_terms, terms``."""
    return themes.lexicon_summary(results.lexicon)


def hits_table(results: Analyses, n: int = 6) -> pd.DataFrame:
    """The first ``n`` hits, each with its place in the text."""
    return results.theme_hits.head(n)[["theme", "term", "match", "weight", "sentence_id",
                                       "paragraph_id", "start", "end"]]


def explain_table(results: Analyses, paragraph_id: int | None = None,
                  theme: str | None = None) -> pd.DataFrame:
    """The hits behind a paragraph's scores (default: the first theme's highest-scoring paragraph)."""
    if paragraph_id is None:
        first = results.lexicon.names[0]
        paragraph_id = int(results.paragraph_scores.nlargest(1, first)["paragraph_id"].iloc[0])
    why = themes.explain(results.chapter, paragraph_id, results.lexicon, hits=results.theme_hits)
    if theme is not None:
        why = why[why["theme"] == theme]
    return why[["theme", "term", "match", "paragraph_id", "weight", "kernel",
                "contribution"]].round(3).reset_index(drop=True)


def figure_along(results: Analyses) -> CompactFigure:
    """Where each theme lives: the hits along the text and each theme's smoothed density."""
    chapter = results.chapter
    return CompactFigure(figures.plot_along(
        along_chapter(chapter, results.theme_hits), results.theme_density,
        along_chapter(chapter, chapter.paragraphs), results.lexicon))


def top_table(results: Analyses, n: int = 3) -> pd.DataFrame:
    """The ``n`` highest-scoring paragraphs of each theme, with their opening words."""
    return themes.top_paragraphs(results.chapter, results.paragraph_scores, n=n).round(2)


# --- how the themes interlock --------------------------------------------------------------------


def figure_interlock(results: Analyses) -> CompactFigure:
    """Paragraphs the reference gives two themes (when there is one) and the scores' correlations."""
    ref = standard(results)
    return CompactFigure(figures.plot_cooccurrence(
        None if ref is None else themes.annotated_cooccurrence(ref),
        themes.score_correlation(results.paragraph_scores, results.chapter.narrative_ids()),
        results.lexicon))


def correlation_table(results: Analyses) -> pd.DataFrame:
    """Spearman's rho between each two themes' scores, with its 95% bootstrap interval."""
    labels = results.lexicon.labels
    table = correlations(results)
    return table.assign(theme_a=table["theme_a"].map(labels), theme_b=table["theme_b"].map(labels),
                        strength=table["rho"].map(strength)).round(2)


# --- the readers -------------------------------------------------------------------------------


def readings_table(results: Analyses) -> pd.DataFrame | None:
    """Per theme, the paragraphs each reading gives it (present: 1 or 2) and as dominant (2)."""
    found = annotations(results)
    if not found:
        return None
    return pd.concat({name: frame.groupby("theme", sort=False)["label"].agg(
        present=lambda s: int((s > 0).sum()), dominant=lambda s: int((s == 2).sum()))
        for name, frame in found.items()}, axis=1)


def readers_table(results: Analyses) -> pd.DataFrame | None:
    """How far the two readers agree per theme (exact share, alpha, kappa), with intervals."""
    agree = reader_agreement(results)
    if agree is None:
        return None
    return agree.rename(columns={"group": "theme"})[[
        "theme", "n", "exact", "exact_low", "exact_high", "alpha", "alpha_low", "alpha_high",
        "kappa", "kappa_low", "kappa_high"]].round(2)


def disagreements_table(results: Analyses) -> pd.DataFrame | None:
    """The readers' disagreements and how each was settled, with the adjudicator's reason.

    A disagreement nobody settled has no ``adjudicated`` label and no reason.
    """
    found, ref = readings(results), standard(results)
    if found is None or found.n_readers < 2:
        return None
    settled = ref.loc[ref["how"] == "adjudicated", ["paragraph_id", "theme", "label", "reason"]]
    table = found.disagreements().merge(settled.rename(columns={"label": "adjudicated"}),
                                        on=["paragraph_id", "theme"], how="left")
    return table.astype({"adjudicated": "Int64"}).fillna({"reason": ""})


# --- the scores against the readers --------------------------------------------------------------


def auc_table(results: Analyses) -> pd.DataFrame | None:
    """AUC of the bare count and the context method against each reading, with intervals."""
    table = by_reader(results)
    if table is None:
        return None
    return table[["annotation", "theme", "method", "n_present", "auc", "auc_low",
                  "auc_high"]].round(2)


def figure_readers_auc(results: Analyses, targets: dict[str, float] | None = None
                       ) -> CompactFigure | None:
    """:func:`auc_table` drawn, one panel per theme (a dashed line at each target)."""
    table = by_reader(results)
    return None if table is None else CompactFigure(
        figures.plot_auc_by_reader(table, results.lexicon, targets=targets))


def methods_table(results: Analyses) -> pd.DataFrame | None:
    """Every step of the scoring against the reference: AUC with interval, Spearman's rho."""
    table = comparison(results)
    return None if table is None else _p(table, "spearman_p").round(3)


def figure_methods(results: Analyses) -> CompactFigure | None:
    """:func:`methods_table` drawn: AUC with intervals and rho, per method and theme."""
    table = comparison(results)
    return None if table is None else CompactFigure(figures.plot_agreement(table, results.lexicon))


def silent_table(results: Analyses) -> pd.DataFrame | None:
    """The paragraphs where a theme is present in the reference but none of its terms occurs."""
    ref = standard(results)
    if ref is None:
        return None
    silent = themes.silent_annotation(ref, results.theme_hits)
    return silent.loc[silent["label"] > 0, ["paragraph_id", "theme", "label",
                                            "reason"]].reset_index(drop=True)


def sensitivity_table(results: Analyses) -> pd.DataFrame | None:
    """Mean AUC and rho over the themes for each paragraph-break weight of
    :data:`~analysis.pages.themes.measures.BOUNDARIES`."""
    ref = standard(results)
    if ref is None:
        return None
    sweep = {f"boundary {b}": themes.paragraph_scores(results.chapter, results.lexicon,
                                                      hits=results.theme_hits, boundary=b)
             for b in BOUNDARIES}
    return themes.compare_scores(sweep, ref, n_boot=200).groupby("method", sort=False)[
        ["auc", "spearman"]].mean().round(3)


def figure_by_label(results: Analyses) -> CompactFigure | None:
    """The context scores against the reference's labels (absent, present, dominant)."""
    ref = standard(results)
    return None if ref is None else CompactFigure(
        figures.plot_scores_by_label(results.paragraph_scores, ref, results.lexicon))


def errors_table(results: Analyses, n: int = 3) -> pd.DataFrame | None:
    """Per theme, the present paragraphs scored lowest and the absent ones scored highest."""
    ref = standard(results)
    return None if ref is None else themes.score_errors(results.paragraph_scores, ref,
                                                        n=n).round(2)


# --- the vocabulary ---------------------------------------------------------------------------


def concordance_lines(results: Analyses, term: str | None = None, width: int = 45) -> str:
    """Every occurrence of ``term`` (default
    :func:`~analysis.pages.themes.measures.concordance_term`) in context, aligned."""
    query = concordance_term(results, term)
    return "" if query is None else vocabulary.format_kwic(
        vocabulary.concordance(results.chapter, query, width=width))


def hits_in_context(results: Analyses, theme: str | None = None, n: int = 8,
                    width: int = 38) -> str:
    """A theme's first ``n`` hits in context (default: the lexicon's first theme)."""
    theme = results.lexicon.names[0] if theme is None else theme
    mine = results.theme_hits[results.theme_hits["theme"] == theme].head(n)
    return vocabulary.format_kwic(vocabulary.kwic(results.chapter, mine, width=width))


def figure_collocates(results: Analyses) -> CompactFigure:
    """The collocates of each theme's core and strong terms that pass the test at p < 0.05."""
    return CompactFigure(figures.plot_collocates(collocates(results), results.lexicon))


def collocates_table(results: Analyses) -> pd.DataFrame:
    """Every candidate collocate seen at least twice near a theme's core and strong terms."""
    return _p(collocates(results, None)[["theme", "collocate", "observed", "expected",
                                         "log_dice", "log_likelihood", "p_value"]]).round(3)


def keyness_table(results: Analyses, n: int = 15) -> pd.DataFrame:
    """The ``n`` words most over-represented against general English (stop words left out)."""
    return _p(key_words(results).head(n)).round(2).reset_index(drop=True)


def rare_words_table(results: Analyses, n: int = 5) -> pd.DataFrame:
    """The ``n`` words most clearly under-represented against general English (stop words included)."""
    key = keyness(results, stop=False)
    return _p(key[key["log_ratio"] < 0].head(n)).round(2).reset_index(drop=True)


def frequencies_table(results: Analyses, n: int = 15) -> pd.DataFrame:
    """The ``n`` most frequent words of the narrative, stop words left out (per 10,000 words)."""
    return vocabulary.word_frequencies(results.chapter, stopwords=results.stopwords).head(n).round(1)
