"""The parts of the page *Time* whose words depend on the text: its years, its readers, its chronology.

A page written for any text cannot know whether the text names years, comes
with a chronology of the events it tells, or with readers' annotations of time.
These functions write those parts from the page's numbers
(:func:`~analysis.pages.time.numbers.numbers`), as Markdown, or as a list of
things to show in order (a lead, then its table or figure); a text without what
a part needs gets one line that says so, in the words of
:attr:`~analysis.results.Analyses.missing`.

Example:
    >>> from analysis.pages import current
    >>> text = agreement_parts(current())[0].data
    >>> "two AI language-model readers working from written guidelines" in text
    True
"""

from __future__ import annotations

from IPython.display import Markdown

from analysis.pages import once
from analysis.pages.format import NOT_A_CEILING, lead, readers_words, sentence
from analysis.pages.time import views
from analysis.pages.time.numbers import numbers
from analysis.results import Analyses


#: The page's numbers (:func:`~analysis.pages.time.numbers.numbers`), computed once.
_n = once(numbers)


def _readers(results: Analyses, part: str) -> str:
    """Who annotated ``part`` (``time`` or ``hindsight``), in the book's standard words
    (:func:`~analysis.pages.format.readers_words`)."""
    files = results.time_annotations
    readers = sum(files[f"{part}_{r}"] is not None for r in ("a", "b"))
    adjudicated = files[f"{part}_adjudication"] is not None
    return readers_words(readers, adjudicated=adjudicated) + (
        "" if adjudicated or readers == 1 else " (the method is measured against each reader)")


def expressions_section(results: Analyses) -> Markdown:
    """How many expressions of each kind, and the year relative times are read against."""
    n = _n(results)
    text = (f"The rules find {n['time_n_expressions']} time expressions: {n['time_n_date']} dates, "
            f"{n['time_n_duration']} durations, {n['time_n_age']} ages, {n['time_n_set']} "
            f"repeated times and {n['time_n_time']} times of day; {n['time_n_unresolved']} "
            f"{'is' if n['time_n_unresolved'] == 1 else 'are'} left unresolved. ")
    if n["time_story_year"] is None:
        text += ("The text names no year often enough to give a story year, so its relative "
                 "times (\"the previous year\", \"then\") stay unresolved and no order of telling "
                 "is measured.")
    else:
        text += (f"The story year, the year the narration names most often outside the sentences "
                 f"that speak from later, is {n['time_story_year']}.")
    return Markdown(text)


def agreement_parts(results: Analyses) -> list[object]:
    """Who annotated the time expressions, how far they and the method agree, or one line."""
    n = _n(results)
    if n["time_a_n_y"] is None and n["time_b_n_y"] is None:
        return [Markdown(sentence(results.missing.get("time_annotations",
                                                   "no annotation of time for this text")))]
    lines = [f"The time expressions of this text were marked by {_readers(results, 'time')}."]
    if n["time_readers_n_x"] is not None:
        lines.append(f"Reader A marked {n['time_readers_n_x']} expressions, reader B "
                     f"{n['time_readers_n_y']}; their spans overlap with an F1 of "
                     f"{n['time_readers_relaxed_f1']:.2f} ({n['time_readers_relaxed_f1_low']:.2f} "
                     f"to {n['time_readers_relaxed_f1_high']:.2f}), and on the spans they share "
                     f"they give the same value {n['time_readers_value_accuracy']:.2f} of the time. "
                     f"{NOT_A_CEILING}")
    key = "ref" if n["time_ref_n_y"] is not None else "a" if n["time_a_n_y"] is not None else "b"
    against = {"ref": "the reference", "a": "reader A", "b": "reader B"}[key]
    lines.append(f"Against {against}, the rules reach a relaxed F1 of "
                 f"{n[f'time_{key}_relaxed_f1']:.2f} ({n[f'time_{key}_relaxed_f1_low']:.2f} to "
                 f"{n[f'time_{key}_relaxed_f1_high']:.2f}), precision "
                 f"{n[f'time_{key}_relaxed_precision']:.2f} and recall "
                 f"{n[f'time_{key}_relaxed_recall']:.2f}; the value agrees on "
                 f"{n[f'time_{key}_value_accuracy']:.2f} of the matched expressions.")
    return [Markdown(" ".join(lines)),
            *lead("Every comparison, with 95% bootstrap intervals that redraw whole paragraphs:",
                   views.agreement_table(results))]


def chronology_parts(results: Analyses, *, writing: tuple[float, float] | None = None,
                     ylim: tuple[float, float] | None = None) -> list[object]:
    """The chronology and the order of telling, or the lines that say what the text lacks."""
    n = _n(results)
    parts: list[object] = []
    if n["time_n_events"] is None:
        parts.append(Markdown(sentence(results.missing.get("chronology",
                                                        "no chronology for this text"))))
    else:
        parts += lead(f"The chronology lists {n['time_n_events']} events the text tells, each "
                       f"dated from the record; {n['time_n_notes']} carry a note where the text's "
                       "dating and the record differ.", views.chronology_table(results))
        parts += lead("Where the text and the record part:", views.chronology_notes(results))
    figure = views.narration_plot(results, writing=writing, ylim=ylim)
    if figure is None:
        parts.append(Markdown("No order of telling is drawn: the narration has no dated mark "
                              "set against a year it narrates."))
        return parts
    parts += [Markdown(f"Of the {n['time_n_dated']} dates in the narration's own words, "
                       f"{n['time_n_in_order']} stay within the year narrated, "
                       f"{n['time_n_analepsis']} reach back and "
                       f"{n['time_n_prolepsis']} forward. The figure sets "
                       "every dated mark at its place in the text (left to right) and its date in "
                       "history (up the page): dots for the text's dates, diamonds for the "
                       "chronology's events, the line for the year each paragraph narrates."),
              figure]
    parts += lead("The dates told back, in order and forward, by episode:",
                   views.jumps_table(results))
    return parts


def hindsight_parts(results: Analyses) -> list[object]:
    """The sentences with hindsight: how many, how far the readers and the rules agree, where."""
    n = _n(results)
    lines = [f"The rules mark {n['time_h_n_found']} of the narration's {n['time_h_n_sentences']} "
             "sentences as speaking with hindsight"
             + ("." if n["time_h_share"] is None else f" ({n['time_h_share']}%).")]
    if n["time_h_ref_n_y"] is not None or n["time_h_a_n_y"] is not None:
        key = "ref" if n["time_h_ref_n_y"] is not None else "a"
        against = "the reference" if key == "ref" else "reader A"
        lines.append(f"The sentences with hindsight were marked by {_readers(results, 'hindsight')}. "
                     f"Against {against} ({n[f'time_h_{key}_n_y']} sentences), the rules' "
                     f"precision is {n[f'time_h_{key}_precision']:.2f} and their recall "
                     f"{n[f'time_h_{key}_recall']:.2f} (Cohen's kappa "
                     f"{n[f'time_h_{key}_kappa']:.2f}, {n[f'time_h_{key}_kappa_low']:.2f} to "
                     f"{n[f'time_h_{key}_kappa_high']:.2f}).")
    else:
        lines.append(sentence(results.missing.get("time_annotations",
                                               "no annotation of time for this text")))
    parts: list[object] = [Markdown(" ".join(lines))]
    parts += lead("The agreement, with 95% bootstrap intervals:", views.hindsight_agreement(results))
    parts += lead("By episode:", views.hindsight_episodes(results))
    parts += lead(f"The people named in a sentence with hindsight ({n['time_h_n_people']}), "
                   "most first:", views.hindsight_people(results))
    return parts
