"""The chapter at a glance: themes, sentiment and people on one axis.

Every track is a DataFrame with a ``position`` column, the fraction of the seed
text's characters (the book's common axis, see
:func:`analysis.text.structure.along_chapter`), so that the three analyses can
be laid one above the other by :func:`analysis.synthesis.figures.plot_chapter_map`
and compared with :func:`track_correlations`, :func:`theme_peaks`,
:func:`leading_themes` and :func:`people_by_stretch`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.people.mentions import labels, mention_counts
from analysis.readers import tone_unit
from analysis.sentiment.arc import BANDWIDTH, arc_points, shuffle_envelope, smooth_arc
from analysis.text import Chapter
from analysis.text.structure import along_chapter
from analysis.themes.scoring import theme_columns



def note_spans(chapter: Chapter, kinds: tuple[str, ...] = ("editorial",)) -> pd.DataFrame:
    """The paragraphs of the given kinds as spans: ``paragraph_id, kind, start, end, position, position_end``.

    Example:
        >>> spans = note_spans(chapter)
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
    narrative sentences (:func:`analysis.sentiment.arc.arc_points`), the kernel arc with
    its bootstrap band (:func:`analysis.sentiment.arc.smooth_arc`) and the 95% range of
    arcs of the same sentences shuffled (:func:`analysis.sentiment.arc.shuffle_envelope`).

    Example:
        >>> from analysis.sentiment import sentence_scores
        >>> track = sentiment_track(chapter, sentence_scores(chapter, patch), n_boot=20, n_perm=20)
        >>> float(track["position"].min()), float(track["position"].max()), len(track)
        (0.0, 1.0, 201)
    """
    points = arc_points(chapter, scores)
    arc = smooth_arc(points, bandwidth=bandwidth, n_boot=n_boot, seed=seed)
    envelope = shuffle_envelope(points, bandwidth=bandwidth, n_perm=n_perm, seed=seed)
    return arc.merge(envelope, on="position", validate="one_to_one")


def reference_track(chapter: Chapter, reference: pd.DataFrame | None, *,
                    bandwidth: float = BANDWIDTH, n_boot: int = 500, seed: int = 0
                    ) -> pd.DataFrame | None:
    """The arc of the readers' tone on the method's grid: ``position, arc, low, high``.

    ``reference``: the reference tone of the narration (the ``score`` of
    :meth:`analysis.readers.Readings.reference` of the tone set, -2 .. +2), put on
    the method's scale ([-1, 1]: :func:`analysis.readers.tone_unit`), then
    smoothed exactly as :func:`sentiment_track` smooths the method's scores (same
    kernel, bandwidth and grid), with its bootstrap band. ``None`` (a text with no
    tone annotation) gives ``None``.

    Example:
        >>> ref = pd.DataFrame({"sentence_id": [5, 6], "paragraph_id": [3, 3],
        ...                     "start": [90, 297], "end": [296, 437], "score": [-2, 2]})
        >>> track = reference_track(chapter, ref, n_boot=10)
        >>> len(track), bool(track["arc"].between(-1, 1).all()), reference_track(chapter, None)
        (201, True, None)
    """
    if reference is None:
        return None
    points = reference_points(chapter, reference)
    return smooth_arc(points, bandwidth=bandwidth, n_boot=n_boot, seed=seed)


def reference_points(chapter: Chapter, reference: pd.DataFrame | None) -> pd.DataFrame | None:
    """The readers' reference tone as the arc's points, on the method's scale (``None`` for ``None``).

    The sentences of the narration that the reference scores
    (:func:`analysis.sentiment.arc.arc_points`), each ``score`` the reference's
    -2..+2 put on -1..+1 (:func:`analysis.readers.tone_unit`).

    Example:
        >>> ref = pd.DataFrame({"sentence_id": [5], "paragraph_id": [3], "start": [90],
        ...                     "end": [296], "score": [-1]})
        >>> reference_points(chapter, ref)["score"].tolist(), reference_points(chapter, None)
        ([-0.5], None)
    """
    if reference is None:
        return None
    return arc_points(chapter, reference.assign(scaled=tone_unit(reference["score"])),
                      column="scaled")


def mean_tones(chapter: Chapter, scores: pd.DataFrame,
               reference: pd.DataFrame | None) -> pd.Series:
    """The mean tone of the narration by the method and by the readers, on the method's scale.

    Both are means over the same sentences of the narration: those the
    readers' reference scores (all of the narration's, without a reference).
    Returns ``n`` (sentences), ``method`` (the mean ``sentiment``) and
    ``reference`` (the mean reference tone on -1..+1; ``NaN`` without one). Every
    page that names the readers' mean tone takes it from here.

    Example:
        >>> scores = pd.DataFrame({"sentence_id": [5, 6], "paragraph_id": [3, 3],
        ...                        "start": [90, 297], "end": [296, 437], "sentiment": [0.5, -0.1]})
        >>> ref = scores[["sentence_id"]].assign(score=[-2, 1])
        >>> mean_tones(chapter, scores, ref).round(3).to_dict()
        {'n': 2.0, 'method': 0.2, 'reference': -0.25}
        >>> float(mean_tones(chapter, scores, None)["method"])
        0.2
    """
    points = arc_points(chapter, scores)
    if reference is None:
        return pd.Series({"n": float(len(points)), "method": float(points["score"].mean()),
                          "reference": np.nan})
    both = points.merge(reference[["sentence_id", "score"]].rename(columns={"score": "ref"}),
                        on="sentence_id")
    return pd.Series({"n": float(len(both)), "method": float(both["score"].mean()),
                      "reference": float(tone_unit(both["ref"]).mean())})


def arcs_compared(method: pd.DataFrame, reference: pd.DataFrame | None) -> pd.Series | None:
    """How the method's arc and the readers' arc compare along the grid they share.

    ``method``: :func:`sentiment_track` (or :func:`analysis.sentiment.arc.smooth_arc`);
    ``reference``: :func:`reference_track` on the same grid. Returns ``r``
    (Pearson's correlation of the two smoothed arcs: it describes how the curves
    move together, and, neighbouring points being far from independent, carries
    no test), ``darker`` (the share of the grid where the readers' arc lies below
    the method's), ``gap`` (the largest amount by which the method's arc lies
    above the readers') and ``gap_position`` (where); ``None`` without a reference.

    Example:
        >>> a = pd.DataFrame({"position": [0.0, 0.5, 1.0], "arc": [0.0, 0.2, -0.1]})
        >>> b = a.assign(arc=[-0.1, -0.1, -0.2])
        >>> arcs_compared(a, b).round(3).to_dict()
        {'r': 0.756, 'darker': 1.0, 'gap': 0.3, 'gap_position': 0.5}
        >>> arcs_compared(a, None) is None
        True
    """
    if reference is None:
        return None
    if not np.array_equal(method["position"].to_numpy(), reference["position"].to_numpy()):
        raise ValueError("the two arcs must lie on the same grid")
    ours, theirs = method["arc"].to_numpy(dtype=float), reference["arc"].to_numpy(dtype=float)
    gap = ours - theirs
    return pd.Series({"r": float(np.corrcoef(ours, theirs)[0, 1]),
                      "darker": float((theirs < ours).mean()), "gap": float(gap.max()),
                      "gap_position": float(method["position"].iloc[int(gap.argmax())])})


def people_track(chapter: Chapter, found: pd.DataFrame, register: pd.DataFrame,
                 top: int = 10) -> pd.DataFrame:
    """Where the most named people are named in the author's narration.

    People are ranked by their mentions outside the editor's notes (first
    appearance breaks ties); everyone tied with the ``top``-th person is kept.
    Returns one row per mention: ``person_id, label, rank, count, surface,
    paragraph_id, sentence_id, start, end, position``, rank 1 the most named.

    Example:
        >>> track = people_track(chapter, mentions(chapter, register, shared_names), register, top=3)
        >>> track.drop_duplicates("person_id")[["label", "count"]].values.tolist()
        [['Lenin', 15], ['Bela Kun', 11], ['Trotsky', 7], ['Gumilev', 7]]
    """
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


def episode_at(positions: pd.Series, stretches: pd.DataFrame) -> pd.Series:
    """The episode under way at each position: the last to open at or before it.

    ``stretches``: :func:`analysis.text.episodes.episode_positions` (``episode``,
    ``position``). Before the first episode opens, ``"(opening)"``.

    Example:
        >>> ep = pd.DataFrame({"episode": ["a", "b"], "position": [0.1, 0.6]})
        >>> episode_at(pd.Series([0.05, 0.1, 0.59, 0.9]), ep).tolist()
        ['(opening)', 'a', 'a', 'b']
    """
    positions = pd.Series(positions)
    index = np.searchsorted(stretches["position"].to_numpy(), positions.to_numpy(), side="right") - 1
    names = np.array(["(opening)"] + stretches["episode"].tolist(), dtype=object)
    return pd.Series(names[index + 1], index=positions.index)


def theme_peaks(themes: pd.DataFrame, stretches: pd.DataFrame) -> pd.DataFrame:
    """Where each theme's track peaks: ``theme, position, density, lift, episode``.

    ``themes`` is :func:`analysis.themes.scoring.theme_density`; ``lift`` is the peak
    over the theme's mean along the track; ``episode`` the stretch of
    :func:`analysis.text.episodes.episode_positions` the peak falls in.

    Example:
        >>> themes = pd.DataFrame({"position": [0.1, 0.5, 0.9], "terror": [0.0, 1.0, 2.0]})
        >>> ep = pd.DataFrame({"episode": ["a", "b"], "position": [0.0, 0.6]})
        >>> theme_peaks(themes, ep).values.tolist()
        [['terror', 0.9, 2.0, 2.0, 'b']]
    """
    rows = []
    for theme in theme_columns(themes):
        at = themes[theme].idxmax()
        rows.append({"theme": theme, "position": float(themes.loc[at, "position"]),
                     "density": float(themes.loc[at, theme]),
                     "lift": float(themes.loc[at, theme] / themes[theme].mean())})
    peaks = pd.DataFrame(rows)
    peaks["episode"] = episode_at(peaks["position"], stretches)
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
    names = theme_columns(themes)
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
            for theme in theme_columns(themes)]
    return pd.DataFrame(rows)


def stretch_means(track: pd.DataFrame, stretches: pd.DataFrame) -> pd.DataFrame:
    """The mean of each column of a track within each episode's stretch (rows: episodes).

    ``track``: a table on a grid of ``position`` (a theme track of
    :func:`analysis.themes.scoring.theme_density`, the arc of :func:`sentiment_track`);
    ``stretches``: :func:`analysis.text.episodes.episode_positions`. A grid
    point belongs to the episode under way there (:func:`episode_at`).

    Example:
        >>> t = pd.DataFrame({"position": [0.1, 0.3, 0.7, 0.9], "terror": [1.0, 3.0, 0.0, 2.0]})
        >>> ep = pd.DataFrame({"episode": ["a", "b"], "position": [0.0, 0.5]})
        >>> stretch_means(t, ep)["terror"].to_dict()
        {'a': 2.0, 'b': 1.0}
    """
    columns = [c for c in track.columns if c not in ("word_index", "position")]
    episode = episode_at(track["position"], stretches)
    means = track[columns].groupby(episode, sort=False).mean()
    means.index.name = "episode"
    return means


def share_led(runs: pd.DataFrame, theme: str, start: float = 0.0, end: float = 1.0) -> float:
    """The share of the stretch from ``start`` to ``end`` where ``theme`` leads (:func:`leading_themes`).

    Each run counts from its first grid point to its last, cut to the stretch;
    ``theme`` may be ``"none"`` (no theme leads).

    Example:
        >>> runs = pd.DataFrame({"theme": ["nep", "none"], "position": [0.0, 0.25],
        ...                      "position_end": [0.2, 0.6]})
        >>> share_led(runs, "none", 0.0, 0.5)
        0.5
    """
    mine = runs[runs["theme"] == theme]
    covered = (mine["position_end"].clip(upper=end) - mine["position"].clip(lower=start)).clip(lower=0)
    return float(covered.sum() / (end - start))


def people_by_stretch(people: pd.DataFrame, stretches: pd.DataFrame) -> pd.DataFrame:
    """Mentions of each person in each episode's stretch (rows: people by rank; columns: episodes).

    ``people`` is :func:`people_track`, ``stretches`` :func:`analysis.text.episodes.episode_positions`.

    Example:
        >>> people = pd.DataFrame({"label": ["A", "A", "B"], "rank": [1, 1, 2],
        ...                        "position": [0.1, 0.7, 0.8]})
        >>> ep = pd.DataFrame({"episode": ["x", "y"], "position": [0.0, 0.5]})
        >>> people_by_stretch(people, ep).values.tolist()
        [[1, 1], [0, 1]]
    """
    episode = episode_at(people["position"], stretches)
    order = ["(opening)"] + stretches["episode"].tolist()
    table = pd.crosstab(people["label"], pd.Categorical(episode, categories=order), dropna=False)
    table = table.loc[:, (table.sum() > 0) | (table.columns != "(opening)")]
    labels_in_order = people.drop_duplicates("label").sort_values("rank")["label"]
    table = table.loc[labels_in_order]
    table.index.name, table.columns.name = "person", "episode"
    return table[[c for c in order if c in table.columns]]
