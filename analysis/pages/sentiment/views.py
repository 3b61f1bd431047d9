"""The figures and tables of the page *Sentiment*, for any text.

Each takes an :class:`~analysis.results.Analyses` and returns a figure (a
:class:`~analysis.pages.figures.CompactFigure`, stored small), an
interactive figure, or a table (floats rounded as the page shows them, p-values
as text). Those that need the readers' tone, their emotions or a tuning split
return ``None`` for a text without them (the page's sections say why).

Example:
    >>> results = Analyses(chapter)
    >>> int(readers_table(results).loc[-2, -2]), len(disagreements_table(results))
    (43, 65)
    >>> figure_arc(results).figure.axes[0].get_ylabel()
    'sentence score'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from analysis.pages.figures import CompactFigure
from analysis.pages.format import p_text
from analysis.pages.sentiment import measures as m
from analysis.reading_view import figures as interactive
from analysis.reading_view.links import LinkedTable, linked_table
from analysis.reading_view.tables import SearchableTable, show
from analysis.results import Analyses
from analysis.sentiment import (METHODS, RECOMMENDED, TUNING_PARTS, explain_text,
                                largest_differences)
from analysis.sentiment import figures
from analysis.sentiment.arc import parted_sentences
from analysis.sentiment.emotions import emotion_words
from analysis.sentiment.lexicons import nrc_lexicon
from analysis.style import theme_colours

#: How each table with links is shown with :func:`analysis.reading_view.tables.show`.
LINKS: dict[str, dict[str, str]] = {
    "disagreements": {"sentence_id": "sentence"},
    "differences": {"sentence_id": "sentence"},
    "passages": {"sentence_id": "sentence", "paragraph_id": "paragraph"}}


def shown(table: pd.DataFrame | None, links: dict[str, str] | None = None,
          table_id: str | None = None, page_length: int = 8
          ) -> SearchableTable | LinkedTable | None:
    """``table`` with its ``links``: searchable (:func:`analysis.reading_view.tables.show`) when
    it has a ``table_id``, else plain (:func:`analysis.reading_view.links.linked_table`);
    ``None`` for a table a text does not have."""
    if table is None:
        return None
    if table_id is None:
        return linked_table(table, links or {})
    return show(table, table_id=table_id, links=links, page_length=page_length)


# --- the methods ---------------------------------------------------------------------------------


def example_table(results: Analyses, text: str) -> pd.DataFrame:
    """The words of ``text`` that weigh for each method, and their weight (blank: not weighed)."""
    return pd.concat({method: explain_text(text, method, results.patch).groupby("word", sort=False)[
        "weight"].sum() for method in METHODS}, axis=1).rename_axis("word")


def explanations_table(results: Analyses, n: int = 6) -> pd.DataFrame:
    """The first ``n`` sentences with a lexicon word: the method's score and the words behind it."""
    why = results.sentence_explanations
    return why.loc[why["n_lexicon_words"] > 0, ["sentence_id", "start", "end", "score",
                                                "fired"]].head(n).round(3).reset_index(drop=True)


# --- the readers ----------------------------------------------------------------------------------


def readers_table(results: Analyses) -> pd.DataFrame | None:
    """The sentences counted by both readers' scores (rows reader A, columns reader B)."""
    if not m.two_readers(results):
        return None
    both = m.tone(results).paired()
    return pd.crosstab(both["reader_a"], both["reader_b"]).rename_axis(index="reader A",
                                                                        columns="reader B")


def disagreements_table(results: Analyses) -> pd.DataFrame | None:
    """Every disagreement of the two readers: both scores, the adjudicated one, whose, and why.

    A disagreement nobody settled has no adjudicated score, side or reason.
    """
    if not m.two_readers(results):
        return None
    found, ref = m.tone(results), results.tone_reference
    settled = ref.loc[ref["how"] == "adjudicated", ["sentence_id", "score", "reason"]]
    differ = (found.disagreements()
              .merge(found.reader_a[["sentence_id", "paragraph_id", "text"]], on="sentence_id")
              .merge(settled.rename(columns={"score": "adjudicated"}), on="sentence_id", how="left"))
    side = pd.Series("", index=differ.index).mask(differ["adjudicated"].notna(), "neither").mask(
        differ["adjudicated"] == differ["reader_b"], "B").mask(
        differ["adjudicated"] == differ["reader_a"], "A")
    return differ.assign(sided=side, reason=differ["reason"].fillna("")).astype(
        {"adjudicated": "Int64"})[["sentence_id", "reader_a", "reader_b", "adjudicated", "sided",
                                   "text", "reason"]].rename(
        columns={"reader_a": "reader A", "reader_b": "reader B"})


# --- the method against the readers ---------------------------------------------------------------


def tuning_table(results: Analyses) -> pd.DataFrame | None:
    """Each method against reader A, part by part of the tuning protocol (``None``: no split)."""
    table = m.tuning(results)
    if table is None:
        return None
    table = table.assign(sentences=table["part"].map(TUNING_PARTS))
    return table.set_index(["sentences", "method"]).drop(columns="part").round(2)


def figure_tuning(results: Analyses) -> CompactFigure | None:
    """The held-out sentences of the first two batches: each method's agreement with reader A."""
    table = m.tuning(results)
    if table is None or "heldout" not in set(table["part"]):
        return None
    return CompactFigure(figures.plot_agreement(table[table["part"] == "heldout"],
                                                xlabel="agreement with reader A"))


def ceiling_table(results: Analyses) -> pd.DataFrame | None:
    """Every lexicon against each reader and the reference, the readers against each other first."""
    table = m.ceiling(results)
    if table is None:
        return None
    return table.set_index(["method", "against"]).drop(columns=["comparison", "n"],
                                                       errors="ignore").round(2)


def figure_ceiling(results: Analyses) -> CompactFigure | None:
    """The readers' agreement (shaded) and the method's and other lexicons' against the reference."""
    table = m.ceiling(results)
    if table is None:
        return None
    if not m.two_readers(results):
        return CompactFigure(figures.plot_agreement(table, xlabel="agreement with the reader"))
    shown = table[(table["method"] == "reader A") | (table["method"] == RECOMMENDED)
                  | (table["against"] == "reference")].reset_index(drop=True)
    return CompactFigure(figures.plot_agreement(shown, label="comparison",
                                                xlabel="agreement (95% bootstrap interval)",
                                                ceiling=shown.iloc[0]))


def figure_scores(results: Analyses) -> CompactFigure | None:
    """Each method's score against the reference, sentence by sentence."""
    frame = m.referenced(results)
    return None if frame is None else CompactFigure(figures.plot_scores_vs_annotation(
        frame, list(METHODS)))


def differences_table(results: Analyses, top: int = 8) -> pd.DataFrame | None:
    """The sentences where the methods and the reference part most, with the reason and the words."""
    frame = m.referenced(results)
    if frame is None:
        return None
    worst = largest_differences(frame["score"], frame[list(METHODS)], top=top)
    fired = results.sentence_explanations.set_index("sentence_id")["fired"]
    rows = frame.loc[worst.index]
    return (worst.rename(columns={"annotation": "reference"})
            .assign(sentence_id=rows["sentence_id"], text=rows["text"], reason=rows["reason"],
                    fired=rows["sentence_id"].map(fired))
            [["sentence_id", "reference", *METHODS, "text", "reason", "fired"]]
            .round(2).reset_index(drop=True))


# --- the arc --------------------------------------------------------------------------------------


def figure_arc(results: Analyses) -> CompactFigure:
    """The sentence scores and the smoothed arc, its band, the range of chance and the episodes."""
    return CompactFigure(figures.plot_arc(m.points(results), m.arc(results), m.envelope(results),
                                          m.episodes(results)))


def departures_table(results: Analyses) -> pd.DataFrame | None:
    """Where the method's arc leaves the range of shuffled order, with the episodes under way
    (``None``: nowhere)."""
    table = m.departures(results)
    return None if table.empty else table.round(3)


def sensitivity_table(results: Analyses) -> pd.DataFrame:
    """The shuffle test at three widths of the kernel (p-values as text)."""
    table = m.sensitivity(results)
    return table.assign(p_value=table["p_value"].map(p_text)).round(3)


def figure_smoothers(results: Analyses) -> CompactFigure:
    """The kernel smoother against syuzhet's cosine filter, on one passage and on the text."""
    return CompactFigure(figures.plot_smoothers(m.points(results)))


def parted_table(results: Analyses) -> pd.DataFrame | None:
    """Where the method's arc and the readers' part (``None``: no reference)."""
    table = m.parted(results)
    return None if table is None or table.empty else table.round(2)


def figure_reference_arc(results: Analyses) -> CompactFigure | None:
    """The readers' arc with the method's over it, where they part shaded (``None``: no reference)."""
    theirs = m.ref_arc(results)
    return None if theirs is None else CompactFigure(figures.plot_reference_arc(
        m.arc(results), theirs, m.episodes(results), m.parted(results)))


def interactive_arc(results: Analyses, texts: bool = True) -> interactive.InteractiveFigure:
    """The arc to explore: every sentence a dot to hover and click, the readers' arc over it if any.

    ``texts``: the hover shows each sentence's words (else its number and score only, and a
    click reads it: the figure is then about half the size).
    """
    return interactive.arc(m.points(results), m.arc(results), m.envelope(results),
                           m.episodes(results), sentences=results.chapter.sentences if texts else None,
                           reference=m.ref_arc(results))


def passages_table(results: Analyses, top: int = 5) -> pd.DataFrame | None:
    """The sentences of each stretch where the arcs part that the two read most differently."""
    pair, runs = m.paired_points(results), m.parted(results)
    if pair is None or runs.empty:
        return None
    found = parted_sentences(*pair, runs, top=top).merge(
        results.chapter.sentences[["sentence_id", "text"]], on="sentence_id")
    return (found.rename(columns={"score": "method", "other": "reference ÷ 2"})
            [["stretch", "sentence_id", "paragraph_id", "reference ÷ 2", "method", "text"]]
            .astype({"stretch": int, "sentence_id": int, "paragraph_id": int}).round(2))


# --- by theme and kind ----------------------------------------------------------------------------


def themes_table(results: Analyses) -> pd.DataFrame:
    """Mean tone by the paragraph's dominant theme: by the method and, if any, by the readers."""
    tables = {"method": m.by_theme(results)}
    if m.ref_by_theme(results) is not None:
        tables["reference ÷ 2"] = m.ref_by_theme(results)
    return pd.concat({name: t.set_index("theme") for name, t in tables.items()},
                     names=["reading"]).round(3)


def figure_themes(results: Analyses) -> CompactFigure:
    """:func:`themes_table` drawn, the method and the readers side by side."""
    tables = {"method": m.by_theme(results)}
    if m.ref_by_theme(results) is not None:
        tables["reference ÷ 2"] = m.ref_by_theme(results)
    return CompactFigure(figures.plot_groups_compared(tables, "theme",
                                                      theme_colours(results.lexicon.names)))


def kinds_table(results: Analyses) -> pd.DataFrame:
    """Mean tone of the narration and of the editor's notes, with intervals."""
    return m.kinds(results).set_index("kind").round(3)


# --- emotions -------------------------------------------------------------------------------------


def nrc_table(words: Iterable[str]) -> pd.DataFrame:
    """What the NRC lexicon marks each of ``words`` with (blank: not in the lexicon)."""
    nrc = nrc_lexicon()
    return pd.DataFrame({"NRC affects": {w: ", ".join(sorted(nrc.get(w, ()))) for w in words}})


def emotion_readers_table(results: Analyses) -> pd.DataFrame | None:
    """How far the two emotion readers agree, emotion by emotion (``None``: fewer than two)."""
    table = m.emotion_agreement(results)
    return None if table is None else table.rename(columns={"group": "emotion"})[[
        "emotion", "n", "exact", "kappa", "kappa_low", "kappa_high"]].round(2)


def emotion_check_table(results: Analyses) -> pd.DataFrame | None:
    """The lexicon's emotion words against the readers' reference (``None``: no emotion annotation)."""
    table = m.emotion_check(results)
    return None if table is None else table.round(2)


def figure_emotions(results: Analyses, theme: str | None = None) -> CompactFigure:
    """Each emotion's rate along the narration; shaded, the paragraphs carrying ``theme`` (if given)."""
    spans = None
    if theme is not None:
        given, _ = m.themes_given(results)
        paragraphs = results.chapter.paragraphs.set_index("paragraph_id")
        ids = given.index[given[theme]] if theme in given else []
        length = len(results.chapter.seed_text)
        spans = pd.DataFrame({"position": paragraphs.loc[ids, "start"].to_numpy() / length,
                              "position_end": paragraphs.loc[ids, "end"].to_numpy() / length})
    return CompactFigure(figures.plot_emotion_tracks(m.tracks(results), m.episodes(results),
                                                     spans))


def emotion_rates_table(results: Analyses) -> pd.DataFrame:
    """Each emotion's words per 100 words in the paragraphs with each theme and in the rest."""
    rates = m.emotion_rates(results)
    return rates.assign(theme=rates["theme"].map(results.lexicon.labels).fillna(rates["theme"])
                        ).set_index(["theme", "group"]).round(2)


def emotion_words_table(results: Analyses, pairs: Mapping[str, str], top: int = 8) -> pd.DataFrame:
    """The commonest words of each emotion in the paragraphs with a theme (``pairs``: emotion -> theme)."""
    given, _ = m.themes_given(results)
    rows = m.counts(results)
    columns = {}
    for emotion, theme in pairs.items():
        ids = given.index[given[theme]] if theme in given else []
        found = emotion_words(rows[rows["paragraph_id"].isin(ids)], emotion, top=top)
        label = results.lexicon.labels.get(theme, theme)
        columns[f"{emotion}, {label} paragraphs"] = pd.Series(
            [f"{word} ({count})" for word, count in found.items()], dtype=object)
    return pd.DataFrame(columns).rename(index=lambda i: i + 1).fillna("")
