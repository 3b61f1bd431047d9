"""The tracks, figures and tables of the page *The text at a glance*, for any text.

The tracks are computed once per text (:func:`tracks`) with the settings of the
pages they come from: the themes' density, the method's sentiment arc with its
band and range of chance (those of the page *Sentiment*, the same computation),
the readers' arc (``None`` without a tone
annotation), the most named people, the editor's notes, and the episodes (an
empty table for a text without them, so that the figures draw no episode lines).
Tables that need the episodes return ``None`` without them.

Example:
    >>> results = Analyses(chapter)
    >>> t = tracks(results)
    >>> len(t.sentiment) == len(t.reference), t.people["label"].iloc[0]
    (True, 'Lenin')
    >>> figure_map(results).figure.axes[1].get_ylabel()
    'sentiment\\n(smoothed)'
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.pages import once
from analysis.pages.figures import CompactFigure
from analysis.pages.people.common import ties as people_ties
from analysis.pages.sentiment import measures as sentiment
from analysis.readers import tone_unit
from analysis.reading_view import figures as interactive
from analysis.results import Analyses
from analysis.synthesis import (leading_themes, note_spans, people_by_stretch, people_track,
                                tone_theme_correlations, track_correlations)
from analysis.synthesis.figures import plot_chapter_map
from analysis.text.structure import along_chapter
from analysis.themes import theme_density

#: The themes' kernel (words), as on the page *Themes*.
THEME_BANDWIDTH = 250.0
#: How many of the most named people the figure shows (and everyone tied with the last).
TOP = 10
#: A theme leads where its density reaches this multiple of its own mean and no other's does more.
LIFT = 1.5
#: People tied to each theme in the table.
TIES = 3


@dataclass(frozen=True)
class Tracks:
    """The tracks of the text at a glance, all on the common axis ``position`` (0 to 1)."""

    themes: pd.DataFrame
    sentiment: pd.DataFrame
    reference: pd.DataFrame | None
    people: pd.DataFrame
    notes: pd.DataFrame
    episodes: pd.DataFrame


@once
def tracks(results: Analyses) -> Tracks:
    """The tracks of ``results`` (computed once)."""
    chapter = results.chapter
    return Tracks(
        themes=theme_density(chapter, results.lexicon, hits=results.theme_hits,
                             bandwidth=THEME_BANDWIDTH),
        sentiment=sentiment.arc(results).merge(sentiment.envelope(results), on="position",
                                               validate="one_to_one"),
        reference=results.reference_track,
        people=people_track(chapter, results.mentions, results.register, top=TOP),
        notes=note_spans(chapter), episodes=sentiment.episodes(results))


@once
def runs(results: Analyses) -> pd.DataFrame:
    """Which theme leads where (:func:`analysis.synthesis.chapter_map.leading_themes` at :data:`LIFT`)."""
    return leading_themes(tracks(results).themes, min_lift=LIFT)


@once
def correlations(results: Analyses) -> pd.DataFrame:
    """Each theme with the tone: along the smoothed tracks (``r``), and paragraph by paragraph
    (``rho`` with its interval), by the method and, where there is a reference, by the readers."""
    names = results.lexicon.names
    table = track_correlations(tracks(results).themes, tracks(results).sentiment)
    rho = tone_theme_correlations(sentiment.narration(results), results.paragraph_scores,
                                  theme_columns=names, n_boot=sentiment.N_BOOT)
    table = table.merge(rho.drop(columns="n"), on="theme")
    ref = results.tone_reference
    if ref is not None:
        theirs = tone_theme_correlations(
            ref.assign(tone=tone_unit(ref["score"])), results.paragraph_scores, column="tone",
            theme_columns=names, n_boot=sentiment.N_BOOT)
        table = table.merge(theirs.drop(columns="n").rename(columns=lambda c: c if c == "theme"
                                                             else f"readers_{c}"), on="theme")
    return table


def ties(results: Analyses) -> pd.DataFrame:
    """The :data:`TIES` people named where each theme is densest: the first rows of the page on
    people's :func:`~analysis.pages.people.common.ties` (the same computation)."""
    table = people_ties(results)
    return table[table["rank"] <= TIES].reset_index(drop=True)


# --- what the page shows ------------------------------------------------------------------------


def episodes_table(results: Analyses) -> pd.DataFrame | None:
    """Each episode: where it opens and ends, and what it holds (``None``: the text has none)."""
    if results.episodes is None:
        return None
    table = results.files.episodes_table(results.chapter)
    return results.episodes.merge(table[["episode", "description"]], on="episode")[
        ["episode", "paragraph_id", "position", "position_end", "description"]].round(3)


def figure_map(results: Analyses) -> CompactFigure:
    """Themes, sentiment (with the readers' arc, if any) and people along the text, one axis."""
    t = tracks(results)
    return CompactFigure(plot_chapter_map(t.themes, t.sentiment, t.people, t.episodes, t.notes,
                                          results.lexicon, reference=t.reference))


def interactive_map(results: Analyses) -> interactive.InteractiveFigure:
    """:func:`figure_map` to explore: point for values, click to read the text there."""
    t = tracks(results)
    return interactive.chapter_map(t.themes, t.sentiment, t.people, t.episodes, t.notes,
                                   results.lexicon,
                                   along_chapter(results.chapter, results.chapter.paragraphs),
                                   reference=t.reference)


def runs_table(results: Analyses) -> pd.DataFrame:
    """Which theme leads where (by its label; ``none``: no theme), with its highest lift in the run."""
    table = runs(results)
    return table.assign(theme=table["theme"].map(results.lexicon.labels).fillna(table["theme"])
                        ).round(3)


def correlations_table(results: Analyses) -> pd.DataFrame:
    """Each theme with the tone: the tracks' ``r`` and the paragraphs' rho with its interval."""
    return correlations(results).assign(theme=lambda t: t["theme"].map(results.lexicon.labels)
                                        ).set_index("theme").round(2)


def people_table(results: Analyses) -> pd.DataFrame | None:
    """Each most named person's mentions, episode by episode (``None``: no episodes)."""
    if results.episodes is None:
        return None
    return people_by_stretch(tracks(results).people, results.episodes)


def ties_table(results: Analyses) -> pd.DataFrame:
    """The people named where each theme is densest, with the theme's lift around them."""
    table = ties(results)
    return table.assign(theme=table["theme"].map(results.lexicon.labels))[
        ["theme", "rank", "name", "paragraphs", "mean_score", "lift"]].round(2)
