"""Every number the page *The text at a glance* names in its prose, rounded as the prose prints it.

The readers' mean tone, the arcs' correlation and the readers' departures from
chance are those of the page *Sentiment* (the same computation,
:mod:`analysis.pages.sentiment.measures`), so the two pages print the same numbers.

Example:
    >>> n = numbers(Analyses(chapter), episodes={"Bela Kun": "kun"},
    ...             people={"Bela Kun": ("kun", "Bela Kun")})
    >>> n["glance_ref_mean"], n["glance_peak_terror_episode"], n["glance_kun_in_stretch"]
    (-0.14, 'Tagantsev, Gumilev', 10)
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis.pages import as_number
from analysis.pages.format import reach, strength
from analysis.pages.glance import views as v
from analysis.pages.sentiment import measures as sentiment
from analysis.results import Analyses
from analysis.sentiment.arc import BANDWIDTH
from analysis.synthesis import (arcs_compared, people_by_stretch, share_led, stretch_means,
                                theme_peaks)


def numbers(results: Analyses, *, episodes: Mapping[str, str] | None = None,
            people: Mapping[str, tuple[str, str]] | None = None) -> dict[str, object]:
    """Every number the page's prose names, rounded as it prints them (``None``: undefined here).

    Args:
        episodes: episode -> key: each theme's mean density in the episode's stretch
            (``glance_<key>_<theme>``), beside the theme's mean along the text
            (``glance_<theme>_mean``).
        people: a person's label -> (key, episode): the person's mentions in that
            episode's stretch and in all (``glance_<key>_in_stretch``, ``glance_<key>_total``).

    See the module's example.
    """
    t = v.tracks(results)
    out: dict[str, object] = {
        "glance_title": results.title, "glance_theme_bandwidth": as_number(v.THEME_BANDWIDTH, 0),
        "glance_n_boot": sentiment.ARC_BOOT, "glance_n_perm": sentiment.N_PERM,
        "glance_bandwidth_pct": as_number(100 * BANDWIDTH, 0), "glance_top": v.TOP,
        "glance_lift": v.LIFT, "glance_n_people": int(t.people["person_id"].nunique()),
        "glance_people_cutoff": int(t.people["count"].min()) if len(t.people) else None,
        "glance_n_notes": len(t.notes),
        "glance_n_episodes": None if results.episodes is None else len(results.episodes)}
    for part in (_theme_numbers(results, dict(episodes or {})), _tone_numbers(results),
                 _people_numbers(results, dict(people or {}))):
        out.update(part)
    return out


def _where(run: object) -> str:
    """A stretch as the prose says it: ``63–69%`` and the episodes under way, if any."""
    episodes = getattr(run, "episodes", "")
    return f"{100 * run.start:.0f}–{100 * run.end:.0f}%" + (f" ({episodes})" if episodes else "")


def _theme_numbers(results: Analyses, episodes: dict[str, str]) -> dict[str, object]:
    themes, names, labels = v.tracks(results).themes, results.lexicon.names, results.lexicon.labels
    peaks = theme_peaks(themes, v.tracks(results).episodes).set_index("theme")
    runs = v.runs(results)
    led = runs[runs["theme"] != "none"]
    out: dict[str, object] = {
        "glance_peak_min_lift": as_number(peaks["lift"].min(), 1),
        "glance_none_first_half": as_number(100 * share_led(runs, "none", 0.0, 0.5), 0),
        "glance_sequence": " → ".join(f"{labels[r.theme]} ({100 * r.position:.0f}–"
                                      f"{100 * r.position_end:.0f}%)" for r in led.itertuples())
        or None}
    for theme in names:
        out[f"glance_peak_{theme}_pos"] = as_number(100 * peaks.loc[theme, "position"], 0)
        out[f"glance_peak_{theme}_episode"] = sentiment.episode(results,
                                                                peaks.loc[theme, "position"])
        out[f"glance_{theme}_mean"] = as_number(themes[theme].mean(), 1)
    means = None if results.episodes is None else stretch_means(themes, results.episodes)
    for episode, key in episodes.items():
        for theme in names:
            out[f"glance_{key}_{theme}"] = (None if means is None or episode not in means.index
                                            else as_number(means.loc[episode, theme], 1))
    for row in v.correlations(results).itertuples():
        out[f"glance_r_{row.theme}"] = as_number(row.r, 2)
        for prefix, cols in (("glance_rho", ("rho", "low", "high")),
                             ("glance_readers_rho", ("readers_rho", "readers_low",
                                                     "readers_high"))):
            values = [getattr(row, c, None) for c in cols]
            for end, value in zip(("", "_low", "_high"), values):
                out[f"{prefix}_{row.theme}{end}"] = None if value is None else as_number(value, 2)
            out[f"{prefix}_{row.theme}_strength"] = strength(values[0])
            out[f"{prefix}_{row.theme}_reach"] = reach(values[1], values[2])
    return out


def _tone_numbers(results: Analyses) -> dict[str, object]:
    t = v.tracks(results)
    dark = sentiment.departures(results)
    low = t.sentiment.loc[t.sentiment["arc"].idxmin()]
    tones, alike = sentiment.means(results), sentiment.alike(results)
    out: dict[str, object] = {
        "glance_n_departures": len(dark), "glance_arc_min": as_number(low["arc"], 2),
        "glance_arc_min_pos": as_number(100 * low["position"], 0),
        "glance_arc_min_episode": sentiment.episode(results, low["position"]),
        "glance_arc_mean": as_number(tones["method"], 2),
        "glance_ref_mean": as_number(tones["reference"], 2)}
    for direction, key in (("below", "dark"), ("above", "bright")):
        found = dark[dark["direction"] == direction]
        out[f"glance_n_{direction}"] = len(found)
        out[f"glance_{key}"] = " and ".join(_where(r) for r in found.itertuples()) or None
    compared = arcs_compared(t.sentiment, t.reference)
    ref_dark = sentiment.ref_departures(results)
    ref_low = None if t.reference is None else t.reference.loc[t.reference["arc"].idxmin()]
    out |= {
        "glance_ref_r": None if alike is None else as_number(alike["r"], 2),
        "glance_ref_r_low": None if alike is None else as_number(alike["low"], 2),
        "glance_ref_r_high": None if alike is None else as_number(alike["high"], 2),
        "glance_ref_darker": None if compared is None else as_number(100 * compared["darker"], 0),
        "glance_gap": None if compared is None else as_number(compared["gap"], 2),
        "glance_gap_pos": None if compared is None else as_number(100 * compared["gap_position"], 0),
        "glance_gap_episode": (None if compared is None
                               else sentiment.episode(results, compared["gap_position"])),
        "glance_ref_n_departures": None if ref_dark is None else len(ref_dark),
        "glance_ref_departures": None if ref_dark is None else "; ".join(
            f"{r.direction} it at {_where(r)}" for r in ref_dark.itertuples()) or None,
        "glance_ref_min": None if ref_low is None else as_number(ref_low["arc"], 2),
        "glance_ref_min_pos": None if ref_low is None else as_number(100 * ref_low["position"], 0)}
    return out


def _people_numbers(results: Analyses, people: dict[str, tuple[str, str]]) -> dict[str, object]:
    track = v.tracks(results).people
    table = (None if results.episodes is None or track.empty
             else people_by_stretch(track, results.episodes))
    out: dict[str, object] = {}
    for label, (key, episode) in people.items():
        known = table is not None and label in table.index
        out[f"glance_{key}_total"] = int(table.loc[label].sum()) if known else None
        out[f"glance_{key}_in_stretch"] = (int(table.loc[label, episode])
                                           if known and episode in table.columns else None)
    spread = None if table is None else (table > 0).sum(axis=1).sort_values(ascending=False,
                                                                            kind="stable")
    out["glance_spread_name"] = None if spread is None else str(spread.index[0])
    out["glance_spread_n"] = None if spread is None else int(spread.iloc[0])
    out["glance_spread_others"] = (None if spread is None or len(spread) < 2
                                   else int(spread.iloc[1]))
    first = v.ties(results)
    first = first[first["rank"] == 1].set_index("theme")
    for theme in results.lexicon.names:
        row = first.loc[theme] if theme in first.index else None
        out[f"glance_tie_{theme}"] = None if row is None else str(row["name"])
        out[f"glance_tie_{theme}_lift"] = None if row is None else as_number(row["lift"], 1)
        out[f"glance_tie_{theme}_n"] = None if row is None else int(row["paragraphs"])
        out[f"glance_tie_{theme}_above"] = (None if row is None or pd.isna(row["lift"]) else
                                            "above" if row["lift"] > 1 else "below")
    return out
