"""Every number the page *Sentiment* names in its prose, rounded as the prose prints it.

Example:
    >>> n = numbers(Analyses(chapter), examples={"cheka": r"made ready to shoot all"},
    ...             words=("ready",), episodes={"famine": "famine"})
    >>> n["sentiment_n_narration"], n["sentiment_lex_ready"], n["sentiment_cheka_vader_patched"]
    (319, 1.5, -0.58)
    >>> n["sentiment_shuffle_p_text"], n["sentiment_readers_alpha"]
    ('p = 0.011', 0.92)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from analysis.pages import as_number, at
from analysis.pages.format import p_text, reach, strength
from analysis.pages.sentiment import measures as m
from analysis.readers import Readings
from analysis.results import Analyses
from analysis.sentiment import CUTS, METHODS, RECOMMENDED, gains, vader_analyzer
from analysis.sentiment.arc import BANDWIDTH, grid, outside_share
from analysis.sentiment.emotions import EMOTION_NAMES
from analysis.sentiment.lexicons import nrc_lexicon

#: The statistics of an agreement row, as the prose names them (all of them for the method against
#: the reference; rho and its interval, or rho alone, for the rest).
AGREEMENT = ("spearman", "spearman_low", "spearman_high", "kappa", "kappa_low", "kappa_high")
_RHO = AGREEMENT[:3]

#: What the prose names of each part of a tuned reader's sentences
#: (:data:`~analysis.sentiment.validation.TUNING_PARTS`) — each
#: method's statistics, and the paired gains over plain VADER (in rho; in rho and kappa).
TUNING_NUMBERS: dict[str, tuple[tuple[tuple[str, str], ...], tuple[str, ...]]] = {
    "heldout": (tuple((method, stat) for method in METHODS for stat in AGREEMENT[:4]),
                ("spearman", "kappa")),
    "dev": (((RECOMMENDED, "spearman"), ("vader", "spearman")), ()),
    "first": ((), ("spearman",)), "fresh": ((), ("spearman",)),
    "third": (((RECOMMENDED, "spearman"), (RECOMMENDED, "spearman_low"),
               (RECOMMENDED, "spearman_high"), ("vader", "spearman")), ("spearman",)),
    "alla": (((RECOMMENDED, "spearman"), (RECOMMENDED, "spearman_low"),
              (RECOMMENDED, "spearman_high"), ("vader", "spearman")), ("spearman",))}


def numbers(results: Analyses, *, examples: Mapping[str, str] | None = None,
            words: Iterable[str] = (), episodes: Mapping[str, str] | None = None,
            contrast: tuple[str, str] | None = None) -> dict[str, object]:
    """Every number the page's prose names, rounded as it prints them (``None``: undefined here).

    Args:
        examples: key -> a pattern of a sentence the prose quotes: its score by each
            method (``sentiment_<key>_<method>``).
        words: words whose valence in plain VADER's lexicon the prose gives
            (``sentiment_lex_<word>``).
        episodes: episode -> key: where it opens (``sentiment_<key>_pos``) and how low
            the readers' arc falls below chance there (``sentiment_ref_<key>_min``).
        contrast: the two themes whose tone the prose compares (default: the
            lexicon's first two).

    See the module's example.
    """
    names = results.lexicon.names
    pair = contrast or (tuple(names[:2]) if len(names) > 1 else None)
    out: dict[str, object] = {"sentiment_title": results.title}
    for part in (_method_numbers(results, dict(examples or {}), words),
                 _reader_numbers(results), _tuning_numbers(results), _ceiling_numbers(results),
                 _arc_numbers(results, dict(episodes or {})), _theme_numbers(results, pair),
                 _emotion_numbers(results)):
        out.update(part)
    return out


def _method_numbers(results: Analyses, examples: dict[str, str],
                    words: Iterable[str]) -> dict[str, object]:
    scores = results.sentence_scores.set_index("sentence_id")
    plain = vader_analyzer()
    out: dict[str, object] = {
        "sentiment_patch_n": len(results.patch), "sentiment_n_sentences": len(scores),
        "sentiment_cut_neutral": CUTS[0], "sentiment_cut_strong": CUTS[1],
        "sentiment_blind_patched": as_number(
            100 * results.sentence_explanations["no_lexicon_word"].mean(), 0),
        "sentiment_blind_vader": as_number(
            100 * m.plain_explanations(results)["no_lexicon_word"].mean(), 0)}
    for word in words:
        out[f"sentiment_lex_{word}"] = (as_number(plain.lexicon[word], 1)
                                        if word in plain.lexicon else None)
    for key, pattern in examples.items():
        found = results.chapter.find(pattern)
        sid = int(found["sentence_id"].iloc[0]) if len(found) else None
        for method in METHODS:
            out[f"sentiment_{key}_{method}"] = at(scores, sid, method, 2)
    return out


def _reader_numbers(results: Analyses) -> dict[str, object]:
    found, ref, agree = m.tone(results), results.tone_reference, m.readers_agreement(results)
    reader_a = None if found is None else found.reader_a
    split = reader_a is not None and "batch" in reader_a.columns
    batch = reader_a["batch"] if split else None
    out: dict[str, object] = {
        "sentiment_n_readers": 0 if found is None else found.n_readers,
        "sentiment_n_narration": (None if ref is None else len(found.paired())
                                  if m.two_readers(results) else len(ref)),
        "sentiment_n_boot": m.N_BOOT,
        "sentiment_n_batch1": int((batch == 1).sum()) if split else None,
        "sentiment_n_batch2": int((batch == 2).sum()) if split else None,
        "sentiment_n_batch3": int((batch == 3).sum()) if split else None,
        "sentiment_n_dev": int((reader_a["split"] == "dev").sum()) if split else None,
        "sentiment_readers_exact": None if agree is None else as_number(100 * agree["exact"], 0)}
    for stat in ("alpha", "kappa", "spearman"):
        for end in ("", "_low", "_high"):
            out[f"sentiment_readers_{stat}{end}"] = (None if agree is None
                                                     else as_number(agree[stat + end], 2))
    differ = found.disagreements() if m.two_readers(results) else None
    out["sentiment_n_disagree"] = None if differ is None else len(differ)
    out["sentiment_n_one_apart"] = (None if differ is None else
                                    int(((differ["reader_a"] - differ["reader_b"]).abs() == 1).sum()))
    out["sentiment_adjudicated"] = differ is not None and found.adjudication is not None
    every = found.settled().iloc[0] if out["sentiment_adjudicated"] else None
    for name, key in (("with_a", "sided_a"), ("with_b", "sided_b"), ("neither", "sided_neither")):
        out[f"sentiment_{key}"] = None if every is None else int(every[name])
    by_a = found.settled(by="reader_a").set_index("group") if every is not None else None
    zero, strong = ((None, None) if by_a is None else
                    (by_a.reindex([0]).fillna(0), by_a.reindex([-2, 2]).fillna(0)))
    for key, rows, column in (("a_zero", zero, "disagreements"), ("a_zero_to_b", zero, "with_b"),
                              ("a_strong", strong, "disagreements"),
                              ("a_strong_kept", strong, "with_a")):
        out[f"sentiment_{key}"] = None if rows is None else int(rows[column].sum())
    for key, column in (("a", "reader_a"), ("b", "reader_b")):
        usable = ref is not None and (key != "b" or m.two_readers(results))
        out[f"sentiment_mean_{key}"] = (as_number(ref[column].astype(float).mean(), 2)
                                        if usable else None)
    return out


def _tuning_numbers(results: Analyses) -> dict[str, object]:
    parts, table = m.subsets(results), m.tuning(results)
    table = None if table is None else table.set_index(["part", "method"])
    out: dict[str, object] = {f"sentiment_n_{name}": len(parts[key]) if key in parts else None
                              for key, name in (("heldout", "heldout"), ("third", "third"),
                                                ("alla", "all_a"))}
    for key, (stats, gained) in TUNING_NUMBERS.items():
        for (method, stat) in stats:
            out[f"sentiment_{key}_{method}_{stat}"] = at(table, (key, method), stat, 2)
        part = parts.get(key)
        gain = None if part is None or not gained else gains(
            part["score"], part[RECOMMENDED], part["vader"], n_boot=m.N_BOOT)
        for name, stat in (("gain", "spearman"), ("kgain", "kappa"))[:len(gained)]:
            for end in ("", "_low", "_high"):
                out[f"sentiment_{key}_{name}{end}"] = (None if gain is None
                                                       else as_number(gain[stat + end], 2))
            out[f"sentiment_{key}_{name}_reach"] = (None if gain is None else reach(
                gain[stat + "_low"], gain[stat + "_high"]))
    return out


def _ceiling_numbers(results: Analyses) -> dict[str, object]:
    frame, table = m.held(results), m.ceiling(results)
    out: dict[str, object] = {"sentiment_n_ref_heldout": None if frame is None else len(frame)}
    rows = None if table is None else table.set_index(["method", "against"])
    two = m.two_readers(results)
    keyed = {"sentiment_ceiling": ("reader A", "reader B"),
             "sentiment_a": (RECOMMENDED, "reader A"), "sentiment_b": (RECOMMENDED, "reader B"),
             "sentiment_ref": (RECOMMENDED, "reference" if two else "reader A")}
    others = {f"sentiment_ref_{method}": (method, "reference" if two else "reader A")
              for method in m.LEXICONS if method != RECOMMENDED}
    for key, index in (keyed | others).items():
        stats = (AGREEMENT if key == "sentiment_ref" else AGREEMENT[:4]
                 if key == "sentiment_ceiling" else _RHO)
        for stat in stats:
            out[f"{key}_{stat}"] = at(rows, index, stat, 2)
    out["sentiment_ref_strength"] = strength(out["sentiment_ref_spearman"])
    out["sentiment_ref_textblob_strength"] = strength(out["sentiment_ref_textblob_spearman"])
    settled = m.referenced(results)
    gain = (None if settled is None or settled.empty else
            gains(settled["score"], settled[RECOMMENDED], settled["vader"], n_boot=m.N_BOOT))
    for end in ("", "_low", "_high"):
        out[f"sentiment_ref_gain{end}"] = None if gain is None else as_number(
            gain["spearman" + end], 2)
    out["sentiment_ref_gain_reach"] = (None if gain is None
                                       else reach(gain["spearman_low"], gain["spearman_high"]))
    return out


def _arc_numbers(results: Analyses, episodes: dict[str, str]) -> dict[str, object]:
    arc, test, sens = m.arc(results), m.shuffle(results), m.sensitivity(results)
    low, high = arc.loc[arc["arc"].idxmin()], arc.loc[arc["arc"].idxmax()]
    out: dict[str, object] = {
        "sentiment_bandwidth_pct": as_number(100 * BANDWIDTH, 0),
        "sentiment_arc_boot": m.ARC_BOOT, "sentiment_n_perm": m.N_PERM,
        "sentiment_n_grid": len(grid()),
        "sentiment_shuffle_p": as_number(test["p_value"], 3),
        "sentiment_shuffle_p_text": p_text(test["p_value"]),
        "sentiment_shuffle_stat": as_number(test["statistic"], 3),
        "sentiment_shuffle_null": as_number(test["null_median"], 3),
        "sentiment_arc_min_pos": as_number(100 * low["position"], 0),
        "sentiment_arc_min": as_number(low["arc"], 2),
        "sentiment_arc_max_pos": as_number(100 * high["position"], 0),
        "sentiment_n_departures": len(m.departures(results)),
        "sentiment_outside_pct": as_number(100 * outside_share(arc, m.envelope(results)), 0),
        "sentiment_sens_p_low_text": p_text(sens["p_value"].min()),
        "sentiment_sens_p_high_text": p_text(sens["p_value"].max())}
    for i, row in sens.iterrows():
        out[f"sentiment_sens_bw{i}"] = as_number(100 * row["bandwidth"], 1)
        out[f"sentiment_sens_p{i}_text"] = p_text(row["p_value"])
    table = None if results.episodes is None else results.episodes.set_index("episode")
    ref_runs = m.ref_departures(results)
    for episode, key in episodes.items():
        out[f"sentiment_{key}_pos"] = (None if table is None or episode not in table.index
                                       else as_number(100 * table.loc[episode, "position"], 0))
        dips = (None if ref_runs is None or "episodes" not in ref_runs else ref_runs[
            ref_runs["episodes"].str.split("; ").map(lambda e: episode in e)
            & (ref_runs["direction"] == "below")])
        out[f"sentiment_ref_{key}_min"] = (None if dips is None or dips.empty
                                           else as_number(dips["extreme"].min(), 2))
    out.update(_reference_arc_numbers(results))
    return out


def _reference_arc_numbers(results: Analyses) -> dict[str, object]:
    theirs, alike, test = m.ref_arc(results), m.alike(results), m.ref_shuffle(results)
    parted, rho, tones = m.parted(results), m.all_sentences_rho(results), m.means(results)
    low = None if theirs is None else theirs.loc[theirs["arc"].idxmin()]
    out: dict[str, object] = {
        "sentiment_part_threshold": m.PART,
        "sentiment_arc_mean": as_number(tones["method"], 2),
        "sentiment_ref_arc_mean": as_number(tones["reference"], 2),
        "sentiment_arc_r": None if alike is None else as_number(alike["r"], 2),
        "sentiment_arc_r_low": None if alike is None else as_number(alike["low"], 2),
        "sentiment_arc_r_high": None if alike is None else as_number(alike["high"], 2),
        "sentiment_ref_all_spearman": None if rho is None else as_number(rho[0], 2),
        "sentiment_ref_all_spearman_low": None if rho is None else as_number(rho[1], 2),
        "sentiment_ref_all_spearman_high": None if rho is None else as_number(rho[2], 2),
        "sentiment_n_parted": None if parted is None else len(parted),
        "sentiment_ref_shuffle_p_text": None if test is None else p_text(test["p_value"]),
        "sentiment_ref_n_departures": (None if theirs is None
                                       else len(m.ref_departures(results))),
        "sentiment_ref_arc_min": None if low is None else as_number(low["arc"], 2),
        "sentiment_ref_arc_min_pos": None if low is None else as_number(100 * low["position"], 0)}
    for i, run in (parted if parted is not None else pd.DataFrame()).iterrows():
        out[f"sentiment_parted{i}_start"] = as_number(100 * run["start"], 0)
        out[f"sentiment_parted{i}_end"] = as_number(100 * run["end"], 0)
        out[f"sentiment_parted{i}_gap"] = as_number(run["gap"], 2)
    return out


def _theme_numbers(results: Analyses, pair: tuple[str, str] | None) -> dict[str, object]:
    out: dict[str, object] = {"sentiment_theme_threshold": m.THRESHOLD}
    groups = [*results.lexicon.names, "none"]
    for prefix, table in (("sentiment_theme", m.by_theme(results)),
                          ("sentiment_ref_theme", m.ref_by_theme(results))):
        t = None if table is None else table.set_index("theme")
        for theme in groups:
            for col in ("mean", "low", "high"):
                out[f"{prefix}_{theme}_{col}"] = at(t, theme, col, 2)
            out[f"{prefix}_{theme}_paragraphs"] = at(t, theme, "n_clusters", 0)
    if pair is not None:
        first, second = pair
        for prefix, reference in (("sentiment", False), ("sentiment_ref", True)):
            diff = m.theme_difference(results, first, second, reference)
            for col in ("difference", "low", "high"):
                out[f"{prefix}_{first}_{second}_{col}"] = (None if diff is None
                                                           else as_number(diff[col], 2))
            out[f"{prefix}_{first}_{second}_reach"] = (None if diff is None
                                                       else reach(diff["low"], diff["high"]))
    kinds = m.kinds(results).set_index("kind")
    for kind in ("narrative", "editorial"):
        for col in ("mean", "low", "high"):
            out[f"sentiment_kind_{kind}_{col}"] = at(kinds, kind, col, 2)
        out[f"sentiment_kind_{kind}_n"] = at(kinds, kind, "n", 0)
    return out


def _emotion_numbers(results: Analyses) -> dict[str, object]:
    found, checked = m.emotion_readings(results), m.emotion_check(results)
    checked = None if checked is None else checked.set_index("emotion")
    agree = m.emotion_agreement(results)
    agree = None if agree is None else agree.set_index("group")
    tracks, rates = m.tracks(results), m.emotion_rates(results)
    _, given_by = m.themes_given(results)
    paired = None if agree is None else found.paired()
    out: dict[str, object] = {
        "sentiment_nrc_words": len(nrc_lexicon()),
        "sentiment_emo_n_readers": 0 if found is None else found.n_readers,
        "sentiment_emo_n_check": (None if checked is None
                                  else int(found.reader_a["sentence_id"].nunique())),
        "sentiment_emo_n_disagree": None if paired is None else len(found.disagreements()),
        "sentiment_emo_settled": _settled_text(found),
        "sentiment_emo_themes_by": given_by}
    for emotion in EMOTION_NAMES:
        for stat, digits in (("n_present", 0), ("precision", 2), ("recall", 2),
                             ("auc", 2), ("auc_low", 2), ("auc_high", 2)):
            out[f"sentiment_emo_{emotion}_{stat}"] = at(checked, emotion, stat, digits)
        for stat in ("exact", "kappa"):
            out[f"sentiment_emo_readers_{emotion}_{stat}"] = at(agree, emotion, stat, 2)
        peak = float(tracks.loc[tracks[emotion].idxmax(), "position"])
        out[f"sentiment_emo_{emotion}_peak_pos"] = as_number(100 * peak, 0)
        out[f"sentiment_emo_{emotion}_peak_episode"] = m.episode(results, peak)
    table = rates.set_index(["theme", "group"])
    for theme in dict.fromkeys(rates["theme"]):
        out[f"sentiment_emo_{theme}_paragraphs"] = at(table, (theme, "with"), "paragraphs", 0)
        for emotion in EMOTION_NAMES:
            out[f"sentiment_emo_{emotion}_in_{theme}"] = at(table, (theme, "with"), emotion, 1)
            out[f"sentiment_emo_{emotion}_out_{theme}"] = at(table, (theme, "without"), emotion, 1)
    return out


def _settled_text(found: Readings | None) -> str | None:
    """How the emotion readers' disagreements were settled, in words (``None``: fewer than two
    readers), from :meth:`~analysis.readers.Readings.settled`."""
    if found is None or found.n_readers < 2:
        return None
    every = found.settled().iloc[0]
    n, done = int(every["disagreements"]), int(every["settled"])
    if found.adjudication is None or not done:
        return (f"their {n} disagreements, which no adjudicator has settled, are left out of "
                "the reference")
    if done < n:
        return (f"an AI adjudicator settled {done} of their {n} disagreements (the others are "
                "left out of the reference)")
    return f"an AI adjudicator settled their {n} disagreements"
