"""The chapter at a glance: themes, sentiment and people on one axis.

Every track is a DataFrame with a ``position`` column, the fraction of the seed
text's characters (the book's common axis, see
:func:`analysis.themes.along_chapter`), so that the three analyses can be laid
one above the other by :func:`plot_chapter_map` and compared with
:func:`track_correlations`, :func:`theme_peaks`, :func:`leading_themes` and
:func:`people_by_stretch`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analysis.arc import BANDWIDTH, arc_points, shuffle_envelope, smooth_arc
from analysis.people import labels, load_register, mention_counts, mentions
from analysis.plots import KIND_COLOURS, PALETTE, THEME_COLOURS, figure
from analysis.text import Chapter
from analysis.themes import along_chapter

#: The theme columns drawn, in order, and their labels in the figure.
THEMES = ("terror", "nep", "free_thought")
THEME_LABELS = {"terror": "terror", "nep": "NEP", "free_thought": "free thought"}


def note_spans(chapter: Chapter, kinds: tuple[str, ...] = ("editorial",)) -> pd.DataFrame:
    """The paragraphs of the given kinds as spans: ``paragraph_id, kind, start, end, position, position_end``.

    Example:
        >>> from analysis import load_chapter
        >>> spans = note_spans(load_chapter())
        >>> len(spans), int(spans["paragraph_id"].iloc[0])
        (9, 8)
    """
    paragraphs = along_chapter(chapter, chapter.paragraphs)
    spans = paragraphs[paragraphs["kind"].isin(kinds)]
    return spans[["paragraph_id", "kind", "start", "end", "position", "position_end"]].reset_index(
        drop=True)


def sentiment_track(chapter: Chapter, scores: pd.DataFrame, *, bandwidth: float = BANDWIDTH,
                    n_boot: int = 500, n_perm: int = 1000, seed: int = 0) -> pd.DataFrame:
    """The sentiment arc on a grid: ``position, arc, low, high, null_low, null_high``.

    The same calls, with the same defaults, as the sentiment chapter: Serge's
    narrative sentences (:func:`analysis.arc.arc_points`), the kernel arc with
    its bootstrap band (:func:`analysis.arc.smooth_arc`) and the 95% range of
    arcs of the same sentences shuffled (:func:`analysis.arc.shuffle_envelope`).

    Example:
        >>> from analysis import load_chapter
        >>> from analysis.sentiment import sentence_scores
        >>> ch = load_chapter()
        >>> track = sentiment_track(ch, sentence_scores(ch), n_boot=20, n_perm=20)
        >>> float(track["position"].min()), float(track["position"].max()), len(track)
        (0.0, 1.0, 201)
    """
    points = arc_points(chapter, scores)
    arc = smooth_arc(points, bandwidth=bandwidth, n_boot=n_boot, seed=seed)
    envelope = shuffle_envelope(points, bandwidth=bandwidth, n_perm=n_perm, seed=seed)
    return arc.merge(envelope, on="position", validate="one_to_one")


def people_track(chapter: Chapter, register: pd.DataFrame | None = None, top: int = 10,
                 found: pd.DataFrame | None = None) -> pd.DataFrame:
    """Where the most named people are named in Serge's narration.

    People are ranked by their mentions outside the editor's notes (first
    appearance breaks ties); everyone tied with the ``top``-th person is kept.
    Returns one row per mention: ``person_id, label, rank, count, surface,
    paragraph_id, sentence_id, start, end, position``, rank 1 the most named.

    Example:
        >>> from analysis import load_chapter
        >>> track = people_track(load_chapter(), top=3)
        >>> track.drop_duplicates("person_id")[["label", "count"]].values.tolist()
        [['Lenin', 15], ['Bela Kun', 11], ['Trotsky', 7], ['Gumilev', 7]]
    """
    register = load_register() if register is None else register
    found = mentions(chapter, register) if found is None else found
    narration = found[~found["in_note"]]
    counts = mention_counts(narration, register)
    counts = counts[counts["narration"] > 0].sort_values(
        ["narration", "first_paragraph"], ascending=[False, True], kind="stable")
    cutoff = counts["narration"].iloc[min(top, len(counts)) - 1] if len(counts) else 0
    kept = counts[counts["narration"] >= cutoff].reset_index(drop=True)
    rank = pd.Series(np.arange(1, len(kept) + 1), index=kept["person_id"])
    track = narration[narration["person_id"].isin(rank.index)].copy()
    track["label"] = track["person_id"].map(labels(found, register))
    track["rank"] = track["person_id"].map(rank)
    track["count"] = track["person_id"].map(kept.set_index("person_id")["narration"])
    track = along_chapter(chapter, track)
    columns = ["person_id", "label", "rank", "count", "surface", "paragraph_id", "sentence_id",
               "start", "end", "position"]
    return track.sort_values(["rank", "start"], kind="stable")[columns].reset_index(drop=True)


def _stretch_of(positions: pd.Series, stretches: pd.DataFrame) -> pd.Series:
    """The episode under way at each position (before the first: the chapter's opening)."""
    index = np.searchsorted(stretches["position"].to_numpy(), positions.to_numpy(), side="right") - 1
    names = np.array(["(opening)"] + stretches["episode"].tolist(), dtype=object)
    return pd.Series(names[index + 1], index=positions.index)


def theme_peaks(themes: pd.DataFrame, stretches: pd.DataFrame) -> pd.DataFrame:
    """Where each theme's track peaks: ``theme, position, density, lift, episode``.

    ``themes`` is :func:`analysis.themes.theme_density`; ``lift`` is the peak
    over the theme's mean along the track; ``episode`` the stretch of
    :func:`analysis.episodes.episode_positions` the peak falls in.

    Example:
        >>> themes = pd.DataFrame({"position": [0.1, 0.5, 0.9], "terror": [0.0, 1.0, 2.0]})
        >>> ep = pd.DataFrame({"episode": ["a", "b"], "position": [0.0, 0.6]})
        >>> theme_peaks(themes, ep).values.tolist()
        [['terror', 0.9, 2.0, 2.0, 'b']]
    """
    rows = []
    for theme in [c for c in THEMES if c in themes.columns]:
        at = themes[theme].idxmax()
        rows.append({"theme": theme, "position": float(themes.loc[at, "position"]),
                     "density": float(themes.loc[at, theme]),
                     "lift": float(themes.loc[at, theme] / themes[theme].mean())})
    peaks = pd.DataFrame(rows)
    peaks["episode"] = _stretch_of(peaks["position"], stretches)
    return peaks


def leading_themes(themes: pd.DataFrame, min_lift: float = 1.0) -> pd.DataFrame:
    """Which theme leads where: runs of the track where one theme is most above its own mean.

    Each theme's density is divided by its mean along the track (its lift), so
    that a rare theme and a common one are compared on the same footing; where
    no lift reaches ``min_lift``, ``theme`` is ``"none"``. Returns
    ``theme, position, position_end, max_lift``, one row per run, in order
    (``position`` and ``position_end`` are the run's first and last grid points).

    Example:
        >>> t = pd.DataFrame({"position": [0.0, 0.25, 0.5, 0.75, 1.0],
        ...                   "terror": [3.0, 3.0, 1.0, 0.0, 0.0], "nep": [0.0, 0.0, 1.0, 3.0, 3.0]})
        >>> leading_themes(t)[["theme", "position", "position_end"]].values.tolist()
        [['terror', 0.0, 0.25], ['none', 0.5, 0.5], ['nep', 0.75, 1.0]]
    """
    names = [c for c in THEMES if c in themes.columns]
    lift = themes[names] / themes[names].mean()
    leader = lift.idxmax(axis=1).where(lift.max(axis=1) >= min_lift, "none")
    run = (leader != leader.shift()).cumsum()
    frame = pd.DataFrame({"theme": leader, "position": themes["position"],
                          "lift": lift.max(axis=1), "run": run})
    runs = frame.groupby("run", sort=True).agg(theme=("theme", "first"),
                                               position=("position", "first"),
                                               position_end=("position", "last"),
                                               max_lift=("lift", "max"))
    return runs.reset_index(drop=True)


def track_correlations(themes: pd.DataFrame, sentiment: pd.DataFrame) -> pd.DataFrame:
    """Pearson correlation of each theme's track with the sentiment arc: ``theme, r``.

    The theme tracks are interpolated onto the arc's grid (within the span
    they cover). Both series are smoothed, so neighbouring points are not
    independent: ``r`` describes how the curves move together and carries no
    p-value.

    Example:
        >>> s = pd.DataFrame({"position": [0.0, 0.5, 1.0], "arc": [1.0, 0.0, -1.0]})
        >>> t = pd.DataFrame({"position": [0.0, 1.0], "terror": [0.0, 2.0]})
        >>> track_correlations(t, s).round(6).values.tolist()
        [['terror', -1.0]]
    """
    grid = sentiment["position"].to_numpy()
    inside = (grid >= themes["position"].min()) & (grid <= themes["position"].max())
    arc = sentiment["arc"].to_numpy()[inside]
    rows = [{"theme": theme,
             "r": float(np.corrcoef(np.interp(grid[inside], themes["position"], themes[theme]),
                                    arc)[0, 1])}
            for theme in THEMES if theme in themes.columns]
    return pd.DataFrame(rows)


def people_by_stretch(people: pd.DataFrame, stretches: pd.DataFrame) -> pd.DataFrame:
    """Mentions of each person in each episode's stretch (rows: people by rank; columns: episodes).

    ``people`` is :func:`people_track`, ``stretches`` :func:`analysis.episodes.episode_positions`.

    Example:
        >>> people = pd.DataFrame({"label": ["A", "A", "B"], "rank": [1, 1, 2],
        ...                        "position": [0.1, 0.7, 0.8]})
        >>> ep = pd.DataFrame({"episode": ["x", "y"], "position": [0.0, 0.5]})
        >>> people_by_stretch(people, ep).values.tolist()
        [[1, 1], [0, 1]]
    """
    episode = _stretch_of(people["position"], stretches)
    order = ["(opening)"] + stretches["episode"].tolist()
    table = pd.crosstab(people["label"], pd.Categorical(episode, categories=order), dropna=False)
    table = table.loc[:, (table.sum() > 0) | (table.columns != "(opening)")]
    labels_in_order = people.drop_duplicates("label").sort_values("rank")["label"]
    table = table.loc[labels_in_order]
    table.index.name, table.columns.name = "person", "episode"
    return table[[c for c in order if c in table.columns]]


def plot_chapter_map(themes: pd.DataFrame, sentiment: pd.DataFrame, people: pd.DataFrame,
                     episodes: pd.DataFrame, notes: pd.DataFrame) -> Figure:
    """The chapter at a glance: theme tracks, sentiment arc and people, sharing the x axis.

    ``themes``: :func:`analysis.themes.theme_density`; ``sentiment``:
    :func:`sentiment_track`; ``people``: :func:`people_track`; ``episodes``:
    :func:`analysis.episodes.episode_positions`; ``notes``: :func:`note_spans` (shaded in every
    panel).

    Example:
        >>> themes = pd.DataFrame({"position": [0, 1], "terror": [1, 2], "nep": [0, 1],
        ...                        "free_thought": [1, 0]})
        >>> arc = pd.DataFrame({"position": [0, 1], "arc": [0, 0], "low": [-1, -1],
        ...                     "high": [1, 1], "null_low": [-1, -1], "null_high": [1, 1]})
        >>> people = pd.DataFrame({"label": ["A"], "rank": [1], "count": [1],
        ...                        "position": [0.5]})
        >>> ep = pd.DataFrame({"episode": ["x"], "position": [0.2]})
        >>> notes = pd.DataFrame({"position": [0.4], "position_end": [0.45]})
        >>> [ax.get_ylabel() for ax in plot_chapter_map(themes, arc, people, ep, notes).axes[:3]]
        ['theme density\\n(hits per 100 words)', 'sentiment\\n(smoothed)', '']
    """
    n_people = people["rank"].nunique()
    fig, axes = figure(3, 1, width=9.0, height=7.0 + 0.12 * n_people, sharex=True,
                       gridspec_kw={"height_ratios": [2.2, 2.2, 0.75 + 0.2 * n_people]})
    theme_ax, arc_ax, people_ax = axes
    for ax in axes:
        for span in notes.itertuples():
            ax.axvspan(span.position * 100, span.position_end * 100, color=KIND_COLOURS["editorial"],
                       alpha=0.18, lw=0, zorder=0)
        for pos in episodes["position"]:
            ax.axvline(pos * 100, color="#777777", lw=0.7, ls=":", zorder=1)

    styles = {"terror": "-", "nep": "--", "free_thought": "-."}
    for theme in [c for c in THEMES if c in themes.columns]:
        theme_ax.plot(themes["position"] * 100, themes[theme], color=THEME_COLOURS[theme],
                      ls=styles[theme], lw=2.0, label=THEME_LABELS[theme])
    theme_ax.set_ylim(0, 1.3 * float(themes[[c for c in THEMES if c in themes.columns]].max().max()))
    theme_ax.set_ylabel("theme density\n(hits per 100 words)")
    handles, names = theme_ax.get_legend_handles_labels()
    handles.append(Patch(color=KIND_COLOURS["editorial"], alpha=0.3))
    names.append("editor's note")
    theme_ax.legend(handles, names, loc="upper left", fontsize=8, ncols=4)

    x = sentiment["position"] * 100
    arc_ax.fill_between(x, sentiment["low"], sentiment["high"], color=PALETTE[0], alpha=0.25, lw=0,
                        label="95% bootstrap band")
    arc_ax.plot(x, sentiment["null_low"], color=PALETTE[7], lw=0.8, ls="--",
                label="95% range of shuffled order")
    arc_ax.plot(x, sentiment["null_high"], color=PALETTE[7], lw=0.8, ls="--")
    arc_ax.plot(x, sentiment["arc"], color=PALETTE[0], lw=2.2, label="arc")
    arc_ax.axhline(0, color="#666666", lw=0.8)
    arc_ax.set_ylabel("sentiment\n(smoothed)")
    arc_ax.legend(loc="lower left", fontsize=8, ncols=3)

    rows = people.drop_duplicates("label").sort_values("rank")
    people_ax.scatter(people["position"] * 100, people["rank"], marker="|", s=90,
                      color=PALETTE[7], lw=1.4)
    people_ax.set_yticks(rows["rank"].to_numpy(),
                         [f"{r.label} ({r.count})" for r in rows.itertuples()], fontsize=8)
    people_ax.set_ylim(n_people + 0.6, 0.4)
    people_ax.grid(axis="y", alpha=0.15)
    people_ax.set_ylabel("")
    people_ax.set_title("named in the narration (mentions)", fontsize=9, loc="left",
                        fontweight="normal")

    top = theme_ax.secondary_xaxis("top")
    top.set_xticks(episodes["position"].to_numpy() * 100, episodes["episode"].tolist(),
                   rotation=55, ha="left", rotation_mode="anchor", fontsize=8)
    top.tick_params(length=0)
    people_ax.set_xlim(0, 100)
    people_ax.set_xlabel("position in the chapter (% of the seed text's characters)")
    return fig
