"""The parts of the page *Themes* whose words depend on the text: its themes, its readers.

A page written for any text cannot name its themes in its prose, nor know
whether the text has readers' labels. These functions write those parts from the
page's numbers (:func:`~analysis.pages.themes.numbers.numbers`), as Markdown
(an IPython ``Markdown`` object a page's code cell shows): the lexicon theme by
theme, how the themes' scores correlate, who labelled the paragraphs and how
far they agree, or that the scores stand alone.

The parts about the readers come whole, with their tables and figures, as a
list of things to show in order (:func:`readers_parts`, :func:`validation_parts`):
a text without readers' labels gets one line that says so, not empty headings.

Example:
    >>> text = readers_section(Analyses(chapter)).data
    >>> "two AI language-model readers working from written guidelines" in text
    True
"""

from __future__ import annotations

from IPython.display import Markdown

from analysis.pages import once
from analysis.pages.format import NO_REFERENCE, NOT_A_CEILING, lead, plural, sentence, who_read
from analysis.pages.themes import views
from analysis.pages.themes.measures import readings
from analysis.pages.themes.numbers import numbers
from analysis.results import Analyses


#: What the page says where the scores cannot be measured against a reading.
NOT_MEASURED = "Without a reference reading, the scores are not measured here."
#: The page's numbers (:func:`~analysis.pages.themes.numbers.numbers`), computed once.
_n = once(numbers)


def lexicon_section(results: Analyses) -> Markdown:
    """One line per theme: its label, terms, hits, densest paragraph and highest-scoring one.

    Where the text has no lexicon of its own, the section first says that the
    bundled one, written for another text, is in use.
    """
    n, lex = _n(results), results.lexicon
    lines = [f"- **{lex.labels[t]}** (`{t}`): {plural(n[f'themes_n_terms_{t}'], 'term')}, "
             f"{plural(n[f'themes_n_hits_{t}'], 'hit')}; its density peaks at "
             f"¶ {n[f'themes_peak_{t}']}, and ¶ {n[f'themes_top_{t}']} scores highest."
             for t in lex.names]
    if lex.path.name in results.files.fallbacks(results.chapter):
        lines.insert(0, "This text has no lexicon of its own: the page uses the bundled one, written "
                        "for another text, so its themes and words may not be this text's.\n")
    return Markdown("\n".join(lines))


def interlock_section(results: Analyses) -> Markdown:
    """Each two themes: Spearman's rho of their scores, called by its size, with its interval."""
    n, lex = _n(results), results.lexicon
    lines = []
    for i, a in enumerate(lex.names):
        for b in lex.names[i + 1:]:
            key = f"themes_rho_{a}_{b}"
            if n[key] is None:
                lines.append(f"- {lex.labels[a]} and {lex.labels[b]}: undefined (a score is "
                             "constant over the narrative).")
                continue
            shared = n[f"themes_co_{a}_{b}"]
            lines.append(f"- {lex.labels[a]} and {lex.labels[b]}: rho = {n[key]:.2f} "
                         f"(95% interval {n[key + '_low']:.2f} to {n[key + '_high']:.2f}), "
                         f"a {n[key + '_strength']} correlation whose interval "
                         f"{n[key + '_zero']}"
                         + ("." if shared is None else
                            f"; the reference gives both themes to {shared} paragraphs."))
    return Markdown("\n".join(lines) if lines else "The lexicon has one theme: nothing to compare.")


def readers_section(results: Analyses) -> Markdown:
    """Who labelled the paragraphs' themes, how far they agree and how the reference was made.

    Without a themes annotation: that the scores stand alone, and why.
    """
    n, lex, found = _n(results), results.lexicon, readings(results)
    if found is None:
        why = sentence(results.missing.get("readings:themes", "no themes annotation for this text"))
        return Markdown(f"**{NO_REFERENCE}** {why} Nothing on this page says how far the scores "
                        "agree with a reader: the tables and figures that would compare them are "
                        "left out.")
    if found.n_readers == 1:
        return Markdown(f"The {n['themes_n_annotated']} narrative paragraphs were labelled for "
                        f"every theme (0 absent, 1 present, 2 dominant) by {who_read(found)}. The "
                        "method is measured against that reader's labels; with one reader, no "
                        "agreement between readers can be measured and no disagreement settled.")
    agree = "; ".join(
        f"{lex.labels[t]}: alpha {n[f'themes_readers_alpha_{t}']:.2f} "
        f"({n[f'themes_readers_alpha_{t}_low']:.2f} to {n[f'themes_readers_alpha_{t}_high']:.2f})"
        for t in lex.names if n[f"themes_readers_alpha_{t}"] is not None)
    settled = (f"The adjudicator settled {n['themes_n_disagreements']} disagreements, siding with "
               f"reader A {n['themes_adj_with_a']} times and with reader B "
               f"{n['themes_adj_with_b']} times; the reference gives reader A's label to "
               f"{n['themes_ref_as_a']:.0%} of the paragraph-and-theme labels and reader B's to "
               f"{n['themes_ref_as_b']:.0%}. " if found.adjudication is not None else "")
    return Markdown(
        f"The {n['themes_n_annotated']} narrative paragraphs were labelled for every theme "
        f"(0 absent, 1 present, 2 dominant) by {who_read(found)}. Their agreement, as "
        f"Krippendorff's alpha with its 95% bootstrap interval: {agree or 'undefined'}. "
        f"{settled}{NOT_A_CEILING}")


def validation_section(results: Analyses) -> Markdown:
    """Per theme, the context method's AUC against the reference with its interval, and the count's."""
    n, lex = _n(results), results.lexicon
    key = "ref" if n["themes_n_readers"] == 2 else "a"
    against = "the reference" if key == "ref" else "the reader"
    if n["themes_n_readers"] == 0:
        return Markdown(NOT_MEASURED)
    lines = []
    for t in lex.names:
        auc = n[f"themes_auc_{key}_{t}"]
        count = n[f"themes_auc_baseline{'' if key == 'ref' else '_a'}_{t}"]
        if auc is None:
            lines.append(f"- **{lex.labels[t]}**: undefined (every paragraph has the same label).")
            continue
        lines.append(f"- **{lex.labels[t]}**: AUC {auc:.2f} against {against} (95% interval "
                     f"{n[f'themes_auc_{key}_{t}_low']:.2f} to {n[f'themes_auc_{key}_{t}_high']:.2f}"
                     f"; the bare count {count:.2f}), with "
                     f"{plural(n[f'themes_ann_{t}'], 'paragraph')} where the theme is present.")
    return Markdown("\n".join(lines))


def readers_parts(results: Analyses) -> list[object]:
    """The readers' part of the page, in order: who they are, their readings, agreement, disagreements."""
    parts: list[object] = [readers_section(results)]
    parts += lead("Each reading: the paragraphs with the theme present (label 1 or 2) and "
                        "dominant (2).", views.readings_table(results))
    parts += lead("How far the two readers agree, per theme, with 95% bootstrap intervals.",
                        views.readers_table(results))
    parts += lead("The readers' disagreements and how each was settled, with the "
                        "adjudicator's reason.", views.disagreements_table(results))
    return parts


def validation_parts(results: Analyses) -> list[object]:
    """The part that measures the scores against the readers, in order, or one line without them."""
    if readings(results) is None:
        return [Markdown(NOT_MEASURED)]
    return [validation_section(results),
            *lead("The AUC of the bare count and of the context method against each "
                        "reading, with 95% bootstrap intervals:", views.auc_table(results)),
            views.figure_readers_auc(results),
            *lead("Every step of the scoring, with the paragraph-break weight fixed before "
                        "any comparison (0.5) beside the one the method uses:",
                        views.methods_table(results)),
            views.figure_methods(results),
            *lead("The paragraphs where a theme is present but none of its terms occurs, "
                        "which only the context step can reach:", views.silent_table(results)),
            *lead("The mean AUC and rho over the themes for a range of paragraph-break "
                        "weights (0: no smoothing across paragraphs; 1: paragraph breaks "
                        "ignored):", views.sensitivity_table(results)),
            *lead("The context scores against the labels:", views.figure_by_label(results)),
            *lead("The largest disagreements, per theme: the present paragraphs scored "
                        "lowest (missed) and the absent ones scored highest (false alarm), with "
                        "the reason of the reading:", views.errors_table(results))]
