"""The parts of the page *The text at a glance* whose words depend on the text.

Which themes a lexicon holds, whether the text has episodes, a reference reading
or people in its register: these functions write the parts that depend on it,
from the page's numbers (:func:`~analysis.pages.glance.numbers.numbers`), as
Markdown a code cell shows, and say what the text lacks where it matters.

Example:
    >>> text = tone_section(Analyses(chapter)).data
    >>> "two AI language-model readers" in text and "p =" not in text
    True
"""

from __future__ import annotations

from IPython.display import Markdown

from analysis.pages import once
from analysis.pages.format import NO_REFERENCE, sentence, who_read
from analysis.pages.glance.numbers import numbers
from analysis.results import Analyses


#: The page's numbers (:func:`~analysis.pages.glance.numbers.numbers`), computed once.
_n = once(numbers)


def _in(episode: object) -> str:
    """`` (in the Volfila)`` where the text has episodes, else nothing."""
    return "" if episode is None else f" ({episode})"


def themes_section(results: Analyses) -> Markdown:
    """Where each theme peaks, and which theme leads where."""
    n, lex = _n(results), results.lexicon
    peaks = "; ".join(f"{lex.labels[t]} at {n[f'glance_peak_{t}_pos']}% of the text"
                      f"{_in(n[f'glance_peak_{t}_episode'])}" for t in lex.names)
    lead = (f"The lead passes {n['glance_sequence']}" if n["glance_sequence"] else
            "No theme ever leads")
    return Markdown(f"Each theme's track peaks thus: {peaks}, each at {n['glance_peak_min_lift']} "
                    f"times its mean along the text or more. {lead}; no theme leads over "
                    f"{n['glance_none_first_half']}% of the first half of the text.")


def tone_section(results: Analyses) -> Markdown:
    """Where the arc leaves the range of chance, and how the readers' arc compares (or that there is none)."""
    n = _n(results)
    stretches = "; ".join(f"{what} at {n[key]}" for what, key in
                          (("below", "glance_dark"), ("above", "glance_bright")) if n[key])
    leaves = (f"leaves the range of shuffled order {n['glance_n_departures']} times ({stretches})"
              if n["glance_n_departures"] else "never leaves the range of shuffled order")
    text = (f"The method's arc {leaves}" +
            f"; its lowest point, {n['glance_arc_min']:.2f}, lies at {n['glance_arc_min_pos']}% of "
            f"the text{_in(n['glance_arc_min_episode'])}. The range is pointwise: a random order of "
            "the sentences would leave it somewhere too, so each stretch is a passage to read, not "
            "a finding.")
    if n["glance_ref_r"] is None:
        return Markdown(f"{text}\n\n**{NO_REFERENCE}** "
                        + sentence(results.missing.get("tone_reference", "")))
    return Markdown(
        f"{text}\n\nThe readers' arc smooths the reference tone of every sentence of the narration, "
        f"scored by {who_read(results.readings('tone'), 'scores')}, halved to share the method's "
        f"scale. It correlates with the method's at r = {n['glance_ref_r']:.2f} "
        f"({n['glance_ref_r_low']:.2f} to {n['glance_ref_r_high']:.2f}); "
        f"it runs darker over {n['glance_ref_darker']}% of the text (the readers' mean tone "
        f"{n['glance_ref_mean']:.2f}, the method's {n['glance_arc_mean']:.2f}); the two part most "
        f"at {n['glance_gap_pos']}% of the text{_in(n['glance_gap_episode'])}, where the method is "
        f"{n['glance_gap']:.2f} brighter. The readers' arc leaves its own range of chance "
        f"{n['glance_ref_n_departures']} times: {n['glance_ref_departures'] or 'nowhere'}.")


def correlations_section(results: Analyses) -> Markdown:
    """Each theme with the tone, paragraph by paragraph: rho, called by its size, with its interval."""
    n, lex = _n(results), results.lexicon
    lines = []
    for t in lex.names:
        if n[f"glance_rho_{t}"] is None:
            lines.append(f"- **{lex.labels[t]}**: undefined (its score is constant).")
            continue
        line = (f"- **{lex.labels[t]}**: with the method's tone, rho = {n[f'glance_rho_{t}']:.2f} "
                f"({n[f'glance_rho_{t}_low']:.2f} to {n[f'glance_rho_{t}_high']:.2f}), a "
                f"{n[f'glance_rho_{t}_strength']} correlation whose interval "
                f"{n[f'glance_rho_{t}_reach']}")
        if n[f"glance_readers_rho_{t}"] is not None:
            line += (f"; with the readers', {n[f'glance_readers_rho_{t}']:.2f} "
                     f"({n[f'glance_readers_rho_{t}_low']:.2f} to "
                     f"{n[f'glance_readers_rho_{t}_high']:.2f}), "
                     f"{n[f'glance_readers_rho_{t}_strength']}")
        lines.append(line + ".")
    return Markdown("\n".join(lines))


def people_section(results: Analyses) -> Markdown:
    """Who recurs across the episodes (or that the text has no episodes, or no one named)."""
    n = _n(results)
    if n["glance_n_people"] == 0:
        return Markdown("No one in the register is named in this text's narration: the people's "
                        "rows are empty.")
    if n["glance_n_episodes"] is None:
        why = sentence(results.missing.get("episodes", "no episodes for this text"), ":")
        return Markdown(f"{why} the people cannot be counted episode by episode.")
    return Markdown(f"{n['glance_spread_name']} is named in {n['glance_spread_n']} of the "
                    f"{n['glance_n_episodes']} episodes, no one else in more than "
                    f"{n['glance_spread_others']}.")


def episodes_section(results: Analyses) -> Markdown:
    """How many episodes divide the text (or that it has none, and how to give them)."""
    n = _n(results)
    if n["glance_n_episodes"] is None:
        why = sentence(results.missing.get("episodes", "no episodes for this text"), ":")
        return Markdown(f"{why} the figures draw no episode lines, and nothing on this page is "
                        "counted episode by episode.")
    return Markdown(f"The text is divided into {n['glance_n_episodes']} episodes, each opened by a "
                    "quoted phrase and running to the next one's opening:")
