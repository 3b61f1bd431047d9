"""The reading view: the established text, paragraph by paragraph, with the analyses laid on it.

:func:`render` takes an :class:`~analysis.results.Analyses` and returns one HTML
fragment: a legend whose switches show or hide each layer (:data:`LAYERS`:
people, themes and each theme, tone, hindsight, time, corrections), then every paragraph with
its anchor (``id="p43"``), its number and, in the margin, its score for each
theme, named; every sentence with its anchor (``id="s312"``) and tone mark,
every mention of a registered person as a link to the who's-who with a
tooltip, every theme word marked by theme, every sentence written with
hindsight (by the rule, and by the readers where their reference exists) and
every time expression with its value, every correction in place, the
editor's notes set apart and the headings as headings. The marks are nested
from their offsets (:func:`analysis.reading_view.markup.nest`), so the HTML is
always balanced.

A layer is a class on its marks and a switch in the legend: the page's style
sheet hides the marks of a switch that is off (it needs no script), and the
page's script remembers the switches. The page opens with the layers whose
``on`` is true (people and corrections). Another layer is one more
:class:`Layer` in ``layers``, its marks in ``marks`` (offsets of the
established text, each mark with the layer's class) and one rule of the style
sheet.

``openings_only=True`` shows only each paragraph's first words, for an edition
without the rights to the translation: every paragraph and sentence anchor is
kept (a link to a withheld sentence lands on its paragraph), and so is every
mark in the words shown; the people named in the rest are listed.

Example:
    >>> from analysis.results import Analyses
    >>> page = render(Analyses(chapter, files))
    >>> page.count('class="rv-par rv-narrative"'), page.count('class="rv-par rv-editorial"')
    (52, 9)
    >>> 'id="p43"' in page and 'id="s312"' in page
    True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.people.fates import lifespan
from analysis.reading_view.links import (WHOS_WHO_PAGE, paragraph_anchor, person_href)
from analysis.reading_view.markup import Mark, esc, nest, script_json
from analysis.reading_view.marks import (correction_atoms, hindsight_marks, person_marks,
                                         references, sentence_marks, theme_marks, time_marks,
                                         to_established)
from analysis.results import Analyses
from analysis.style import theme_colours
from analysis.text import Chapter
from analysis.timeline import references as time_references

#: How many words of each paragraph the openings-only page shows.
OPENING_WORDS = 12

#: The label of each paragraph kind, said once beside the paragraph number.
KIND_LABELS = {"editorial": "Editor's note"}


@dataclass(frozen=True)
class Layer:
    """One layer of the reading view: its switch in the legend and what the legend says of it.

    ``key`` names the switch (``data-layer``); the style sheet hides the layer's
    marks while the switch is off. ``label`` and ``sample`` are HTML (a sample
    of the mark, or ``""``); ``on``: shown when the page opens.
    """

    key: str
    label: str
    help: str
    sample: str = ""
    on: bool = False


#: The layers, in the legend's order. Themes has a switch of its own for each theme too.
LAYERS: tuple[Layer, ...] = (
    Layer("people", '<span class="rv-person">People</span>',
          "registered people; point at a name (or tap it) for who they were, follow it to "
          "their entry", on=True),
    Layer("themes", "Themes", "each theme's words, underlined in its colour and line; the "
          "margin gives the paragraph's score for each theme (weighted hits per 100 words)"),
    Layer("tone", "Tone", "",
          sample='<span class="rv-tone rv-neg" style="--v:0.6" role="img" aria-label="a dark '
                 'tone"></span> <span class="rv-tone rv-pos" style="--v:0.6" role="img" '
                 'aria-label="a bright tone"></span>'),
    Layer("hindsight", "Hindsight", "",
          sample='<span class="rv-hs"><span class="rv-hs-mark" role="img" aria-label="a '
                 'sentence written with hindsight">↷</span>was to</span>'),
    Layer("time", "Time", "each time expression (a date, a time, a duration, an age), "
          "dotted; point at one (or tap it) for its value, normalised as TIMEX3",
          sample='<span class="rv-timex">in 1921</span>'),
    Layer("corrections", "Corrections", "what the scan has, struck out, and what the text "
          "reads now", sample='<span class="rv-corr"><del>19 18</del><ins>1918</ins></span>',
          on=True),
)


def _tone_help(has_reference: bool) -> str:
    ref = ("(the lexicon method's), and the reference reading's as a tick (the score given by two "
           "AI language-model readers working from written guidelines, adjudicated where they "
           "differed)" if has_reference
           else "(the lexicon method's; a reference reading, where there is one, as a tick)")
    return (f"each sentence: dark to the left (hatched), bright to the right, the bar as long as "
            f"the score {ref}; point at a mark (or tap it) for the scores")


def _hindsight_help(has_reference: bool) -> str:
    readers = ("; hatched, a sentence only the readers mark (the reference of two AI "
               "language-model readers working from written guidelines, adjudicated where they "
               "differed)" if has_reference else "")
    return ("the sentences that speak from a time after the events they tell (a fate told in "
            "advance, a later year, the time of writing), found by rule" + readers
            + "; point at ↷ (or tap it) for the cue, the later time"
            + (" and whether the readers agree" if has_reference else ""))


def _opening_end(chapter: Chapter, pid: int, lo: int, hi: int, n_words: int,
                 spans: list[tuple[int, int]]) -> int:
    """Where the opening of a paragraph ends: after ``n_words`` words, never inside a mark."""
    words = chapter.words[chapter.words["paragraph_id"] == pid]
    if len(words) <= n_words:
        return hi
    _, ends = to_established(chapter, words["start"].iloc[[n_words - 1]],
                             words["end"].iloc[[n_words - 1]])
    cut = int(ends[0])
    moved = True
    while moved:
        moved = False
        for a, b in spans:
            if a < cut < b:
                cut, moved = b, True
    return min(cut, hi)


def _margin(pid: int, kind: str, scores: Mapping[str, float] | None, themes: list[str],
            labels: Mapping[str, str], top: float) -> str:
    """The margin of a paragraph: its number (a link to itself) and its score for each theme, named."""
    parts = [f'<a class="rv-num" href="#{paragraph_anchor(pid)}" title="Paragraph {pid}">¶{pid}</a>']
    if kind in KIND_LABELS:
        parts.append(f'<span class="rv-kind">{KIND_LABELS[kind]}</span>')
    if scores is not None and kind != "title":
        said = "; ".join(f"{labels.get(t, t)} {scores[t]:.1f}" for t in themes)
        rows = "".join(
            f'<span class="rv-score rv-th-{i}" style="--s:{min(scores[t] / top, 1.0):.3f}">'
            f'<span class="rv-score-name">{esc(labels.get(t, t))}</span>'
            f'<span class="rv-score-value">{scores[t]:.1f}</span>'
            f'<span class="rv-score-bar"></span></span>'
            for i, t in enumerate(themes))
        parts.append(f'<span class="rv-scores" role="img" aria-label="theme scores: {esc(said)}" '
                     f'title="The paragraph\'s score for each theme (weighted hits per 100 words): '
                     f'{esc(said)}">{rows}</span>')
    return '<div class="rv-margin">' + "".join(parts) + "</div>"


def _switch(key: str, label: str, on: bool) -> str:
    return (f'<label class="rv-switch"><input type="checkbox" data-layer="{esc(key)}"'
            f'{" checked" if on else ""}> {label}</label>')


def _legend(layers: Sequence[Layer], themes: list[str], labels: Mapping[str, str],
            openings_only: bool, n_words: int, helps: Mapping[str, str]) -> str:
    """The legend: what each layer shows (``helps``: a layer's words that depend on the
    text, else its own), each with its switch."""
    items = []
    for layer in layers:
        text = helps.get(layer.key, layer.help)
        item = _switch(layer.key, layer.label, layer.on)
        if layer.key == "themes":
            item = '<span class="rv-group">' + item + "".join(
                _switch(f"theme-{i}", f'<span class="rv-theme rv-th-{i}">{esc(labels.get(t, t))}'
                        "</span>", True) for i, t in enumerate(themes)) + "</span>"
        items.append(item + (f" {layer.sample}" if layer.sample else "")
                     + (f' <span class="rv-help">{esc(text)}</span>' if text else ""))
    notice = ""
    if openings_only:
        notice = (f'<p class="rv-notice">This edition shows the first {n_words} words of each '
                  "paragraph only; the marks, numbers and links are those of the whole text.</p>")
    return ('<div class="rv-legend" role="group" aria-label="What the text shows">'
            + "".join(f'<div class="rv-legend-item">{item}</div>' for item in items)
            + "</div>" + notice)


#: The register's columns the people's tooltips show.
TOOLTIP_KEYS = ("name", "role", "nationality", "affiliation", "fate", "record", "record_fate")


def _people_data(register: pd.DataFrame, page: str) -> str:
    """The register as JSON for the rich tooltips of the page's script (every ``<`` escaped)."""
    data = {str(r["person_id"]): {**{k: str(r.get(k, "") or "") for k in TOOLTIP_KEYS},
                                  "dates": lifespan(r.get("born"), r.get("died")),
                                  "href": person_href(r["person_id"], page)}
            for r in register.fillna("").to_dict("records")}
    return f'<script type="application/json" id="rv-people-data">{script_json(data)}</script>'


def _inside(marks: list[Mark], lo: int, hi: int) -> list[Mark]:
    return [m for m in marks if m.start < hi and m.end > lo]


def render(analyses: Analyses, *, openings_only: bool = False,
           opening_words: int = OPENING_WORDS, whos_who_page: str = WHOS_WHO_PAGE,
           tone_column: str = "sentiment", method: str = "patched VADER",
           layers: Sequence[Layer] = LAYERS, marks: Sequence[Mark] = ()) -> str:
    """The reading view of a chapter as one HTML fragment (see the module's description).

    Args:
        analyses: the chapter and its analyses: its ``chapter``, ``register``,
            ``mentions``, ``theme_hits``, ``paragraph_scores``, ``lexicon``
            (the themes' names and labels, in their order; colours from
            :func:`analysis.style.theme_colours`), ``sentence_scores`` and
            ``tone_reference`` (the reference reading's tone per sentence, or ``None``);
            where it has them, ``time_expressions``, ``hindsight`` and
            ``time_annotations`` (the readers' hindsight, shown beside the rule's).
        openings_only: show only the first ``opening_words`` words of each paragraph.
        whos_who_page: the who's-who, as linked from the reading page.
        tone_column: the column of ``sentence_scores`` to show; ``method`` names it.
        layers: the layers and their switches (:data:`LAYERS`).
        marks: the marks of further layers, in offsets of the established text
            (``chapter.text``; :func:`analysis.reading_view.marks.to_established`
            turns seed offsets into them), nested with the others.

    Example:
        >>> from analysis.results import Analyses
        >>> results = Analyses(chapter, files)
        >>> short = render(results, openings_only=True)
        >>> short.count('data-mention="') < len(results.mentions)
        True
        >>> all(f'id="s{i}"' in short for i in chapter.sentences["sentence_id"])
        True
    """
    chapter, lexicon, register = analyses.chapter, analyses.lexicon, analyses.shown_register
    themes, labels = list(lexicon.names), dict(lexicon.labels)
    colours = theme_colours(themes)
    refs = references(getattr(analyses, "tone_reference", None))
    atoms = correction_atoms(chapter)
    people = person_marks(chapter, analyses.mentions, register, page=whos_who_page)
    words = (theme_marks(chapter, analyses.theme_hits, themes, labels)
             + time_marks(chapter, getattr(analyses, "time_expressions", None)))
    annotated = getattr(analyses, "time_annotations", None)
    _, readers = time_references(annotated) if annotated else (None, None)
    sentences = (sentence_marks(chapter, analyses.sentence_scores, reference=refs,
                                column=tone_column, method=method)
                 + hindsight_marks(chapter, getattr(analyses, "hindsight", None), readers)
                 + list(marks))
    scores = analyses.paragraph_scores.set_index("paragraph_id")
    present = [t for t in themes if t in scores.columns]
    top = float(np.nanmax(scores[present].to_numpy())) if present and len(scores) else 1.0
    top = top if top > 0 else 1.0
    names = register.set_index("person_id")["name"]
    paras = chapter.paragraphs
    plo, phi = to_established(chapter, paras["start"], paras["end"])
    out = []
    for pid, kind, lo, hi in zip(paras["paragraph_id"], paras["kind"], plo, phi):
        lo, hi = int(lo), int(hi)
        mine_people, mine_words = _inside(people, lo, hi), _inside(words, lo, hi)
        mine_atoms = [a for a in atoms if lo <= a.start and a.end <= hi]
        mine_sents = _inside(sentences, lo, hi)
        end, tail = hi, ""
        if openings_only and kind != "title":
            spans = [(m.start, m.end) for m in mine_people + mine_words] + [
                (a.start, a.end) for a in mine_atoms]
            end = _opening_end(chapter, int(pid), lo, hi, opening_words, spans)
        if end < hi:
            withheld = [m for m in mine_sents if m.start >= end and "id" in m.attrs]
            later = [m for m in mine_people if m.start >= end]
            seen = list(dict.fromkeys(m.attrs["data-person"] for m in later))
            tail = '<span class="rv-withheld">…</span>' + "".join(
                f'<span class="rv-s rv-withheld" id="{m.attrs["id"]}"></span>' for m in withheld)
            if seen:
                tail += ('<span class="rv-also"> Also named here: ' + ", ".join(
                    f'<a class="rv-person rv-also-person" href="{esc(person_href(p, whos_who_page))}" '
                    f'data-person="{esc(p)}">{esc(names.get(p, p))}</a>' for p in seen) + ".</span>")
            mine_atoms = [a for a in mine_atoms if a.end <= end]
        body = nest(chapter.text, lo, end, mine_sents + mine_people + mine_words, mine_atoms,
                    breaks=kind == "title") + tail
        row = scores.loc[pid] if pid in scores.index else None
        margin = _margin(int(pid), kind, None if row is None else
                         {t: float(row[t]) for t in present}, present, labels, top)
        anchor = paragraph_anchor(pid)
        if kind == "title":
            out.append(f'<div class="rv-par rv-title" id="{anchor}">{margin}'
                       f'<h2 class="rv-heading">{body}</h2></div>')
        elif kind == "editorial":
            out.append(f'<aside class="rv-par rv-editorial" id="{anchor}" aria-label="Editor\'s note">'
                       f'{margin}<p class="rv-text">{body}</p></aside>')
        else:
            out.append(f'<div class="rv-par rv-{esc(kind)}" id="{anchor}">{margin}'
                       f'<p class="rv-text">{body}</p></div>')
    style = ";".join(f"--rv-th-{i}:{colours[t]}" for i, t in enumerate(themes))
    return (f'<div class="rv" id="rv" data-openings="{str(openings_only).lower()}" '
            f'style="{style}">'
            + _legend(layers, themes, labels, openings_only, opening_words,
                      {"tone": _tone_help(bool(refs)),
                       "hindsight": _hindsight_help(readers is not None)})
            + _people_data(register, whos_who_page) + '<div class="rv-body">' + "".join(out)
            + "</div></div>")


__all__ = ["LAYERS", "OPENING_WORDS", "Layer", "render"]
