"""The parts of the page *Sentiment* whose words depend on the text: its readers, its arc, its themes.

A page written for any text cannot know whether the text has a tone annotation,
how many readers it has, or what its themes are. These functions write those
parts from the page's numbers (:func:`~analysis.pages.sentiment.numbers.numbers`)
as Markdown (an IPython ``Markdown`` object a code cell shows), and say what a
text lacks where it matters ("no reference reading for this text: the method's
scores stand alone").

Example:
    >>> text = readers_section(Analyses(chapter)).data
    >>> "two AI language-model readers working from written guidelines" in text
    True
"""

from __future__ import annotations

from IPython.display import Markdown

from analysis.pages import once
from analysis.pages.format import NO_REFERENCE, NOT_A_CEILING, plural, sentence, who_read
from analysis.pages.sentiment import measures as m
from analysis.pages.sentiment.numbers import numbers
from analysis.results import Analyses
from analysis.sentiment.emotions import EMOTION_NAMES


#: The page's numbers (:func:`~analysis.pages.sentiment.numbers.numbers`), computed once.
_n = once(numbers)


def _missing(results: Analyses) -> str:
    """Why the text has no tone annotation, as a sentence (:attr:`~analysis.results.Analyses.missing`'s words)."""
    return sentence(results.missing.get("tone_reference", results.missing.get("readings:tone", "")))


def _where(results: Analyses, position: float) -> str:
    """``"at 63% of the text"``, with the episode under way when the text has episodes."""
    episode = m.episode(results, position)
    return f"at {100 * position:.0f}% of the text" + ("" if episode is None else f" ({episode})")


def readers_section(results: Analyses) -> Markdown:
    """Who scored the sentences' tone, how far they agree, and how the reference was made.

    Without a tone annotation: that the method's scores stand alone, and why.
    """
    n = _n(results)
    if n["sentiment_n_readers"] == 0:
        return Markdown(f"**{NO_REFERENCE}** {_missing(results)} Nothing on this page says "
                        "how far the scores agree with a reader: the tables and figures that would "
                        "compare them are left out, and the method's arc is drawn alone.")
    who = who_read(m.tone(results), "scores")
    if n["sentiment_n_readers"] == 1:
        return Markdown(f"{n['sentiment_n_narration']} sentences of the text were scored "
                        f"from −2 to +2, as the author means them, by {who}. The method is "
                        "measured against that reader's scores; with one reader, no agreement "
                        "between readers can be measured and no disagreement settled.")
    settled = (f"; the adjudicator kept reader A's score {n['sentiment_sided_a']} times and "
               f"reader B's {n['sentiment_sided_b']} times" if n["sentiment_adjudicated"] else "")
    return Markdown(
        f"{n['sentiment_n_narration']} sentences of the text were scored from −2 to +2, as the "
        f"author means them, by {who}. The two readers give the same score to "
        f"{n['sentiment_readers_exact']}% of the sentences; Krippendorff's alpha (ordinal) is "
        f"{n['sentiment_readers_alpha']:.2f} ({n['sentiment_readers_alpha_low']:.2f} to "
        f"{n['sentiment_readers_alpha_high']:.2f}), the quadratic weighted kappa "
        f"{n['sentiment_readers_kappa']:.2f} ({n['sentiment_readers_kappa_low']:.2f} to "
        f"{n['sentiment_readers_kappa_high']:.2f}; 95% bootstrap intervals over sentences). Of "
        f"their {n['sentiment_n_disagree']} disagreements, {n['sentiment_n_one_apart']} are one "
        f"point apart{settled}. {NOT_A_CEILING}")


def validation_section(results: Analyses) -> Markdown:
    """The method against the readers' reference: rho and kappa with intervals, the gain over VADER."""
    n = _n(results)
    if n["sentiment_n_readers"] == 0:
        return Markdown(f"{NO_REFERENCE} Without a reading to measure them by, the three methods "
                        "can be compared with one another only.")
    against = "the reference" if n["sentiment_n_readers"] == 2 else "the reader"
    readers = ("" if n["sentiment_ceiling_spearman"] is None else
               f" On the same sentences the two readers agree at rho "
               f"{n['sentiment_ceiling_spearman']:.2f} ({n['sentiment_ceiling_spearman_low']:.2f} "
               f"to {n['sentiment_ceiling_spearman_high']:.2f}): what a second reading of the same "
               "kind reaches, which is no human ceiling, since readers of one kind may share "
               "habits.")
    return Markdown(
        f"On the {n['sentiment_n_ref_heldout']} sentences it is tested on, the recommended method "
        f"agrees with {against} at Spearman's rho {n['sentiment_ref_spearman']:.2f} "
        f"({n['sentiment_ref_spearman_low']:.2f} to {n['sentiment_ref_spearman_high']:.2f}), a "
        f"{n['sentiment_ref_strength']} correlation; weighted kappa {n['sentiment_ref_kappa']:.2f} "
        f"({n['sentiment_ref_kappa_low']:.2f} to {n['sentiment_ref_kappa_high']:.2f}). Plain VADER "
        f"reaches {n['sentiment_ref_vader_spearman']:.2f}, TextBlob "
        f"{n['sentiment_ref_textblob_spearman']:.2f} (a {n['sentiment_ref_textblob_strength']} "
        f"correlation), AFINN {n['sentiment_ref_afinn_spearman']:.2f} and the NRC lexicon "
        f"{n['sentiment_ref_nrc_spearman']:.2f}. The paired gain of the recommended method over "
        f"plain VADER is {n['sentiment_ref_gain']:.2f} ({n['sentiment_ref_gain_low']:.2f} to "
        f"{n['sentiment_ref_gain_high']:.2f}), an interval that {n['sentiment_ref_gain_reach']}."
        + readers)


def arc_section(results: Analyses) -> Markdown:
    """How far the method's arc moves beyond chance, how that depends on the smoothing, and where."""
    n, arc = _n(results), m.arc(results)
    low, high = arc.loc[arc["arc"].idxmin()], arc.loc[arc["arc"].idxmax()]
    bandwidths = ", ".join(f"{n[f'sentiment_sens_bw{i}']:.1f}% ({n[f'sentiment_sens_p{i}_text']})"
                           for i in range(len(m.sensitivity(results))))
    return Markdown(
        f"The arc swings by {n['sentiment_shuffle_stat']:.3f} (the standard deviation of its "
        f"values), against a median of {n['sentiment_shuffle_null']:.3f} for the same sentences in "
        f"shuffled order: a shuffle test gives {n['sentiment_shuffle_p_text']}. The answer "
        f"depends on the smoothing: with kernels of {bandwidths} of the text. It reaches its "
        f"lowest, {low['arc']:.2f}, {_where(results, low['position'])} and its highest, "
        f"{high['arc']:.2f}, {_where(results, high['position'])}. " + (
            f"It leaves the range of shuffled order in {n['sentiment_n_departures']} stretches, "
            f"over {n['sentiment_outside_pct']}% of the text; that range is pointwise, so a random "
            "order of the sentences would leave it over about 5% of the text too: a stretch "
            "outside it is a pointer, not a finding." if n["sentiment_n_departures"] else
            "It never leaves the range of shuffled order."))


def reference_arc_section(results: Analyses) -> Markdown:
    """The readers' arc beside the method's: how alike, how much darker; or that there is none."""
    n = _n(results)
    if n["sentiment_n_readers"] == 0:
        return Markdown(f"**{NO_REFERENCE}** {_missing(results)} The arc above is the "
                        "method's alone: nothing here says how a reader would draw it.")
    return Markdown(
        f"The readers' arc (their tone divided by 2, smoothed in the same way) and the method's "
        f"correlate at r = {n['sentiment_arc_r']:.2f} along the text "
        f"({n['sentiment_arc_r_low']:.2f} to {n['sentiment_arc_r_high']:.2f}, sentences "
        f"resampled), while single sentences agree at rho {n['sentiment_ref_all_spearman']:.2f} "
        f"({n['sentiment_ref_all_spearman_low']:.2f} to "
        f"{n['sentiment_ref_all_spearman_high']:.2f}). The readers' mean tone is "
        f"{n['sentiment_ref_arc_mean']:.2f} on the method's scale, the method's "
        f"{n['sentiment_arc_mean']:.2f}. The readers' arc leaves its own range of shuffled order "
        f"in {n['sentiment_ref_n_departures']} stretches ({n['sentiment_ref_shuffle_p_text']}); "
        f"the two arcs lie more than {n['sentiment_part_threshold']} apart in "
        f"{n['sentiment_n_parted']} stretches (table below).")


def themes_section(results: Analyses) -> Markdown:
    """Mean tone of each theme's paragraphs, by the method and, if any, by the readers."""
    n, lex = _n(results), results.lexicon
    lines = []
    for theme in [*lex.names, "none"]:
        label = lex.labels.get(theme, "no theme")
        mean = n[f"sentiment_theme_{theme}_mean"]
        if mean is None:
            lines.append(f"- **{label}**: no paragraph.")
            continue
        count = n[f"sentiment_theme_{theme}_paragraphs"]
        line = (f"- **{label}** ({plural(count, 'paragraph')}): "
                f"{mean:.2f} by the method ({n[f'sentiment_theme_{theme}_low']:.2f} to "
                f"{n[f'sentiment_theme_{theme}_high']:.2f})")
        ref = n[f"sentiment_ref_theme_{theme}_mean"]
        if ref is not None:
            line += (f", {ref:.2f} by the readers ({n[f'sentiment_ref_theme_{theme}_low']:.2f} to "
                     f"{n[f'sentiment_ref_theme_{theme}_high']:.2f})")
        lines.append(line + ".")
    return Markdown("\n".join(lines))


def emotions_section(results: Analyses) -> Markdown:
    """Who checked the emotion words, how far they agree, and how well each emotion's words do."""
    n = _n(results)
    if n["sentiment_emo_n_readers"] == 0:
        why = results.missing.get("readings:emotions", "no emotion annotation for this text")
        return Markdown(f"No reader marked this text's emotions: {why}. The tracks below are "
                        "the lexicon's alone, unchecked.")
    who = who_read(m.emotion_readings(results), "marks")
    agree = ("" if n["sentiment_emo_readers_fear_exact"] is None else " The readers agree on " + ", ".join(
        f"{e} in {100 * n[f'sentiment_emo_readers_{e}_exact']:.0f}% of the sentences"
        for e in EMOTION_NAMES) + ".")
    aucs = "; ".join(
        f"{e}: AUC {n[f'sentiment_emo_{e}_auc']:.2f} ({n[f'sentiment_emo_{e}_auc_low']:.2f} to "
        f"{n[f'sentiment_emo_{e}_auc_high']:.2f}), {n[f'sentiment_emo_{e}_n_present']} sentences "
        "marked" if n[f"sentiment_emo_{e}_auc"] is not None else f"{e}: undefined"
        for e in EMOTION_NAMES)
    return Markdown(f"{n['sentiment_emo_n_check']} sentences were marked for the four emotions by "
                    f"{who}.{agree} Against their reference, the lexicon's counts separate marked "
                    f"from unmarked sentences thus (0.5 is chance): {aucs}.")
