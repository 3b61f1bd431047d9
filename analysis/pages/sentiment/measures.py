"""What the page *Sentiment* measures, each once per text: the readers, the validation, the arc, the emotions.

Each function takes an :class:`~analysis.results.Analyses`; those that compute
are marked :func:`~analysis.pages.once`, so that the page's numbers, tables and
figures (and the page *The text at a glance*) share one computation. What a text
lacks gives ``None`` (or an empty dict or table): no tone annotation, no tuning
split, no emotion annotation, no episodes.

Example:
    >>> results = Analyses(chapter)
    >>> len(points(results)), len(held(results))
    (319, 238)
    >>> arc(results) is arc(results)
    True
"""

from __future__ import annotations

import pandas as pd

from analysis import readers, stats
from analysis.pages import once
from analysis.readers import Readings
from analysis.results import Analyses
from analysis.sentiment import (METHODS, RECOMMENDED, against_readers, agreement_table,
                                sentence_explanations, sentiment_by_kind, tuning_subsets)
from analysis.sentiment import arc as arcs
from analysis.sentiment.emotions import check, emotion_counts, emotion_tracks
from analysis.sentiment.lexicons import afinn_scores, nrc_scores
from analysis.synthesis import (dominant_theme, emotions_by_theme, episode_at, mean_tones,
                                method_themes, readers_themes, reference_points,
                                sentiment_by_theme)

#: Bootstrap resamples of the validation; of the arcs' bands; permutations of the shuffle tests.
N_BOOT, ARC_BOOT, N_PERM = 1000, 500, 1000
#: A paragraph's dominant theme needs this score (weighted hits per 100 words).
THRESHOLD = 1.0
#: Two arcs part where they lie this far apart (a quarter of the method's scale, half a point
#: of the readers').
PART = 0.25
#: The word lists compared with the readers — the package's three methods, AFINN and the NRC's.
LEXICONS: list[str] = [*METHODS, "afinn", "nrc"]
#: The episodes of a text that has none (figures then draw no episode lines).
NO_EPISODES = pd.DataFrame({"episode": pd.Series(dtype=object), "position": pd.Series(dtype=float),
                            "paragraph_id": pd.Series(dtype=int)})


def episodes(results: Analyses) -> pd.DataFrame:
    """The text's episodes (:attr:`~analysis.results.Analyses.episodes`), or none (an empty table)."""
    return NO_EPISODES if results.episodes is None else results.episodes


def episode(results: Analyses, position: float) -> str | None:
    """The episode under way at ``position`` (0 to 1), or ``None`` for a text without episodes."""
    return None if results.episodes is None else str(episode_at([position],
                                                                results.episodes).iloc[0])


# --- the readers -------------------------------------------------------------------------------


def tone(results: Analyses) -> Readings | None:
    """The text's tone annotation (:meth:`~analysis.results.Analyses.readings`), or ``None``."""
    return results.readings("tone")


def two_readers(results: Analyses) -> bool:
    """Whether the tone annotation has two readers."""
    found = tone(results)
    return found is not None and found.n_readers == 2


@once
def readers_agreement(results: Analyses) -> pd.Series | None:
    """How far the two tone readers agree (exact share, alpha, kappa, rho), or ``None``."""
    if not two_readers(results):
        return None
    return tone(results).agreement(n_boot=N_BOOT).iloc[0]


@once
def plain_explanations(results: Analyses) -> pd.DataFrame:
    """The words behind plain VADER's scores (:func:`analysis.sentiment.explanation.sentence_explanations`)."""
    return sentence_explanations(results.chapter, "vader", None, results.sentence_scores)


# --- the method against the readers ------------------------------------------------------------


@once
def subsets(results: Analyses) -> dict[str, pd.DataFrame]:
    """Reader A's sentences part by part of the tuning protocol
    (:func:`analysis.sentiment.validation.tuning_subsets`)."""
    found = tone(results)
    return {} if found is None else tuning_subsets(found.reader_a, results.sentence_scores)


@once
def tuning(results: Analyses) -> pd.DataFrame | None:
    """Each method against reader A, part by part (:func:`analysis.sentiment.validation.agreement_table`)."""
    parts = subsets(results)
    if not parts:
        return None
    return pd.concat(
        [agreement_table(part["score"], part[list(METHODS)], n_boot=N_BOOT).assign(part=key)
         for key, part in parts.items()], ignore_index=True)


@once
def held(results: Analyses) -> pd.DataFrame | None:
    """The sentences the method is tested on: those the readers scored, less reader A's development half.

    One row per sentence both readers scored (every sentence of a single reader):
    ``reader_a``, ``reader_b``, the reference ``score`` (missing where a
    disagreement was left unsettled), ``how``, ``reason``, the sentence's ``text``
    and every lexicon's score (:data:`LEXICONS`); ``None`` without a tone annotation.
    """
    found, ref = tone(results), results.tone_reference
    if found is None:
        return None

    reader_a = found.reader_a
    units = reader_a[[c for c in ("sentence_id", "paragraph_id", "text", "split")
                      if c in reader_a.columns]]
    base = (found.paired() if found.n_readers == 2
            else reader_a[["sentence_id"]].assign(reader_a=reader_a["score"], reader_b=pd.NA))
    both = (base.merge(units, on="sentence_id")
            .merge(ref[["sentence_id", "score", "how", "reason"]], on="sentence_id", how="left")
            .merge(results.sentence_scores.drop(columns=["paragraph_id", "start", "end"]),
                   on="sentence_id"))
    if "split" in both.columns:
        both = both[both["split"] == "heldout"]
    both = both.reset_index(drop=True)
    return both.assign(afinn=afinn_scores(both["text"]), nrc=nrc_scores(both["text"]))


def referenced(results: Analyses) -> pd.DataFrame | None:
    """The rows of :func:`held` that have a reference score (all of them once every
    disagreement is settled), or ``None``."""
    frame = held(results)
    return None if frame is None else frame[frame["score"].notna()].astype(
        {"score": "int64"}).reset_index(drop=True)


@once
def ceiling(results: Analyses) -> pd.DataFrame | None:
    """Every lexicon against each reader and the reference, beside the readers against each other.

    The readers are compared on every sentence both scored; the reference on those
    it settles. One reader: every lexicon against that reader alone. ``None``
    without a tone annotation.
    """
    frame, settled = held(results), referenced(results)
    if frame is None:
        return None
    if not two_readers(results):
        return agreement_table(settled["score"], settled[LEXICONS], n_boot=N_BOOT).assign(
            against="reader A", comparison=lambda t: t["method"] + " vs reader A")

    readers_rows = against_readers(frame.astype({"reader_a": "int64", "reader_b": "int64"}),
                                   LEXICONS, others=(), n_boot=N_BOOT)
    reference = agreement_table(settled["score"], settled[LEXICONS], n_boot=N_BOOT).assign(
        against="reference", comparison=lambda t: t["method"] + " vs reference")
    return pd.concat([readers_rows, reference[readers_rows.columns]], ignore_index=True)


@once
def all_sentences_rho(results: Analyses) -> tuple[float, float, float] | None:
    """Spearman's rho of the method with the reference over every sentence both score, with interval."""
    ref = results.tone_reference
    if ref is None:
        return None

    both = ref[["sentence_id", "score"]].merge(results.sentence_scores, on="sentence_id")
    rho = stats.spearman(both["score"], both[RECOMMENDED])
    return (rho, *stats.bootstrap(stats.spearman, both["score"], both[RECOMMENDED],
                                  n_boot=N_BOOT))


# --- the arcs ----------------------------------------------------------------------------------


@once
def points(results: Analyses) -> pd.DataFrame:
    """The narration's sentences with the method's score, placed along the text."""
    return arcs.arc_points(results.chapter, results.sentence_scores)


@once
def arc(results: Analyses) -> pd.DataFrame:
    """The method's smoothed arc with its bootstrap band."""
    return arcs.smooth_arc(points(results), n_boot=ARC_BOOT)


@once
def envelope(results: Analyses) -> pd.DataFrame:
    """The range of arcs of the same sentences in shuffled order."""
    return arcs.shuffle_envelope(points(results), n_perm=N_PERM)


@once
def shuffle(results: Analyses) -> pd.Series:
    """The shuffle test of the method's arc."""
    return arcs.shuffle_test(points(results), n_perm=N_PERM)


@once
def sensitivity(results: Analyses) -> pd.DataFrame:
    """The shuffle test at three bandwidths."""
    return arcs.bandwidth_sensitivity(points(results), n_perm=N_PERM)


@once
def departures(results: Analyses) -> pd.DataFrame:
    """Where the method's arc leaves the range of shuffled order (with the episodes, if any)."""
    return arcs.departures(arc(results), envelope(results), results.episodes)


@once
def ref_points(results: Analyses) -> pd.DataFrame | None:
    """The readers' reference tone as the arc's points (method's scale), or ``None``."""
    return reference_points(results.chapter, results.tone_reference)


def ref_arc(results: Analyses) -> pd.DataFrame | None:
    """The readers' arc (:attr:`~analysis.results.Analyses.reference_track`), or ``None``."""
    return results.reference_track


@once
def ref_envelope(results: Analyses) -> pd.DataFrame | None:
    """The range of the readers' arc in shuffled order, or ``None``."""
    found = ref_points(results)
    return None if found is None else arcs.shuffle_envelope(found, n_perm=N_PERM)


@once
def ref_shuffle(results: Analyses) -> pd.Series | None:
    """The shuffle test of the readers' arc, or ``None``."""
    found = ref_points(results)
    return None if found is None else arcs.shuffle_test(found, n_perm=N_PERM)


@once
def ref_departures(results: Analyses) -> pd.DataFrame | None:
    """Where the readers' arc leaves its range of shuffled order, or ``None``."""
    if ref_points(results) is None:
        return None
    return arcs.departures(ref_arc(results), ref_envelope(results), results.episodes)


def paired_points(results: Analyses) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """The method's and the readers' points on the sentences both score, in the same order."""
    found = ref_points(results)
    if found is None:
        return None
    ours = points(results)
    return (ours[ours["sentence_id"].isin(found["sentence_id"])].reset_index(drop=True),
            found[found["sentence_id"].isin(ours["sentence_id"])].reset_index(drop=True))


@once
def alike(results: Analyses) -> pd.Series | None:
    """The correlation of the two arcs along the text, with its interval (sentences resampled)."""
    pair = paired_points(results)
    return None if pair is None else arcs.arc_correlation(*pair, n_boot=ARC_BOOT)


@once
def parted(results: Analyses) -> pd.DataFrame | None:
    """Where the method's arc and the readers' lie more than :data:`PART` apart, or ``None``."""
    theirs = ref_arc(results)
    return None if theirs is None else arcs.parting(
        arc(results), theirs, threshold=PART, episodes=results.episodes)


@once
def means(results: Analyses) -> pd.Series:
    """The mean tone of the narration by the method and the readers
    (:func:`analysis.synthesis.chapter_map.mean_tones`)."""
    return mean_tones(results.chapter, results.sentence_scores, results.tone_reference)


# --- by theme and kind ---------------------------------------------------------------------------


def narration(results: Analyses) -> pd.DataFrame:
    """The sentence scores of the narration (the editor's notes and titles left out)."""
    scores = results.sentence_scores
    kinds = scores["paragraph_id"].map(results.chapter.paragraph_kind)
    return scores[(kinds == "narrative").to_numpy()].reset_index(drop=True)


@once
def by_theme(results: Analyses) -> pd.DataFrame:
    """The method's mean tone by the paragraph's dominant theme, with intervals (paragraphs resampled)."""
    return sentiment_by_theme(narration(results), results.paragraph_scores, threshold=THRESHOLD,
                              n_boot=N_BOOT)


@once
def ref_by_theme(results: Analyses) -> pd.DataFrame | None:
    """The readers' mean tone (method's scale) by the paragraph's dominant theme, or ``None``."""
    ref = results.tone_reference
    if ref is None:
        return None
    return sentiment_by_theme(
        ref.assign(tone=readers.tone_unit(ref["score"])), results.paragraph_scores,
        threshold=THRESHOLD, n_boot=N_BOOT, column="tone")


@once
def theme_difference(results: Analyses, first: str, second: str,
                     reference: bool = False) -> pd.Series | None:
    """How much darker ``first``'s paragraphs are than ``second``'s, with an interval (paragraphs resampled).

    By the method, or by the readers' reference (``reference=True``; ``None`` without one).
    ``None`` too where either theme dominates no paragraph.
    """
    ref = results.tone_reference
    if reference and ref is None:
        return None

    frame = (ref.assign(tone=readers.tone_unit(ref["score"])) if reference
             else narration(results).rename(columns={"sentiment": "tone"}))
    theme = frame["paragraph_id"].map(dominant_theme(results.paragraph_scores, THRESHOLD))
    theme = theme.fillna("none")
    if not (theme == first).any() or not (theme == second).any():
        return None  # a theme dominates no paragraph: nothing to compare
    return stats.group_difference(frame["tone"], theme, first, second, frame["paragraph_id"])


@once
def kinds(results: Analyses) -> pd.DataFrame:
    """The method's mean tone of the narration and of the editor's notes, with intervals."""
    return sentiment_by_kind(results.chapter, results.sentence_scores)


# --- emotions ------------------------------------------------------------------------------------


@once
def counts(results: Analyses) -> pd.DataFrame:
    """Each sentence's words of each emotion (:func:`analysis.sentiment.emotions.emotion_counts`)."""
    return emotion_counts(results.chapter)


@once
def tracks(results: Analyses) -> pd.DataFrame:
    """Each emotion's smoothed rate along the narration."""
    return emotion_tracks(results.chapter, counts(results))


def emotion_readings(results: Analyses) -> Readings | None:
    """The text's emotion annotation, or ``None``."""
    return results.readings("emotions")


@once
def emotion_check(results: Analyses) -> pd.DataFrame | None:
    """The emotion lexicon's counts against the readers' reference (:func:`analysis.sentiment.emotions.check`)."""
    found = emotion_readings(results)
    return None if found is None else check(counts(results), found.reference(), n_boot=N_BOOT)


@once
def emotion_agreement(results: Analyses) -> pd.DataFrame | None:
    """How far the two emotion readers agree, emotion by emotion, or ``None`` (fewer than two)."""
    found = emotion_readings(results)
    if found is None or found.n_readers < 2:
        return None
    return found.agreement(by="emotion", n_boot=N_BOOT)


@once
def themes_given(results: Analyses) -> tuple[pd.DataFrame, str]:
    """Which themes each narrative paragraph carries, and by whom: the readers' labels, or the method's.

    The readers' labels (present or dominant) where the text has a themes
    annotation, so that the emotion lexicon is not tested on paragraphs chosen
    by a theme lexicon that shares its words; else each paragraph's dominant
    theme by the method. Returns the table (:func:`analysis.synthesis.tone.readers_themes`)
    and ``"readers"`` or ``"method"``.
    """
    found = results.readings("themes")
    if found is not None:
        return readers_themes(found.reference()), "readers"
    narrative = results.paragraph_scores[results.paragraph_scores["paragraph_id"].isin(
        results.chapter.narrative_ids())]
    return method_themes(narrative, THRESHOLD, results.lexicon.names), "method"


@once
def emotion_rates(results: Analyses) -> pd.DataFrame:
    """Each emotion's rate in the narrative paragraphs carrying each theme and in the rest."""
    given, _ = themes_given(results)
    rows = counts(results)
    rows = rows[rows["paragraph_id"].map(results.chapter.paragraph_kind) == "narrative"]
    return emotions_by_theme(rows, given)
