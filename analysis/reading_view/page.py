"""The reading view: the established text, paragraph by paragraph, with the analyses laid on it.

:func:`render` returns one HTML fragment: a legend whose switches show or hide
each layer (people, each theme, tone, corrections), then every paragraph with
its anchor (``id="p43"``) and number and theme scores in the margin, every
sentence with its anchor (``id="s312"``) and tone mark, every mention of a
registered person as a link to the who's-who with a tooltip, every theme word
marked by theme, every correction in place, the editor's notes set apart and
the headings as headings. The marks are nested from their offsets
(:func:`analysis.reading_view.markup.nest`), so the HTML is always balanced.

``openings_only=True`` shows only each paragraph's first words, for an edition
without the rights to the translation: every paragraph and sentence anchor is
kept (a link to a withheld sentence lands on its paragraph), and so is every
mark in the words shown; the people named in the rest are listed.

Example:
    >>> from analysis.sentiment import sentence_scores
    >>> page = render(chapter, mentions=mentions(chapter, register), register=register,
    ...               theme_hits=theme_hits(chapter, lexicon), lexicon=lexicon,
    ...               paragraph_scores=paragraph_scores(chapter, lexicon),
    ...               sentence_scores=sentence_scores(chapter, patch))
    >>> page.count('class="rv-par rv-narrative"'), page.count('class="rv-par rv-editorial"')
    (52, 9)
    >>> 'id="p43"' in page and 'id="s312"' in page
    True
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.people.fates import lifespan
from analysis.reading_view.markup import Atom, Mark, nest
from analysis.reading_view.marks import (correction_atoms, person_marks, references,
                                         sentence_marks, theme_marks, to_established)
from analysis.style import theme_colours
from analysis.text import Chapter
from analysis.themes.lexicon import Lexicon

#: How many words of each paragraph the openings-only page shows.
OPENING_WORDS = 12

#: The label of each paragraph kind, said once beside the paragraph number.
KIND_LABELS = {"editorial": "Editor's note"}


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


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
    """The margin of a paragraph: its number (a link to itself) and its theme scores."""
    parts = [f'<a class="rv-num" href="#p{pid}" title="Paragraph {pid}">¶{pid}</a>']
    if kind in KIND_LABELS:
        parts.append(f'<span class="rv-kind">{KIND_LABELS[kind]}</span>')
    if scores is not None and kind != "title":
        said = "; ".join(f"{labels.get(t, t)} {scores[t]:.1f}" for t in themes)
        bars = "".join(
            f'<span class="rv-score rv-th-{i}" style="--s:{min(scores[t] / top, 1.0):.3f}">'
            f'<span class="rv-score-bar"></span><span class="rv-score-value">{scores[t]:.1f}</span></span>'
            for i, t in enumerate(themes))
        parts.append(f'<span class="rv-scores" role="img" aria-label="theme scores: {_esc(said)}" '
                     f'title="Theme scores of the paragraph (weighted hits per 100 words): '
                     f'{_esc(said)}">{bars}</span>')
    return '<div class="rv-margin">' + "".join(parts) + "</div>"


def _legend(themes: list[str], labels: Mapping[str, str], openings_only: bool,
            n_words: int, has_reference: bool) -> str:
    """The legend: what each layer shows, each with its switch."""
    theme_items = "".join(
        f'<label class="rv-switch"><input type="checkbox" data-layer="theme-{i}" checked> '
        f'<span class="rv-theme rv-th-{i}">{_esc(labels.get(t, t))}</span></label>'
        for i, t in enumerate(themes))
    ref = ("(the lexicon method's), and the close reading's as a tick (the two readers' score, "
           "adjudicated where they differed)" if has_reference
           else "(the lexicon method's; a close reading, where there is one, as a tick)")
    items = [
        '<label class="rv-switch"><input type="checkbox" data-layer="people" checked> '
        '<span class="rv-person">People</span></label> <span class="rv-help">registered people; '
        "point at a name for who they were, follow it to their entry</span>",
        f'<span class="rv-group"><label class="rv-switch"><input type="checkbox" data-layer="themes" '
        f"checked> Themes</label> {theme_items}</span>",
        '<label class="rv-switch"><input type="checkbox" data-layer="tone" checked> Tone</label> '
        '<span class="rv-tone rv-neg" style="--v:0.6" role="img" aria-label="a dark tone"></span> '
        '<span class="rv-tone rv-pos" style="--v:0.6" role="img" aria-label="a bright tone"></span> '
        f'<span class="rv-help">each sentence: dark to the left (hatched), bright to the right, '
        f"the bar as long as the score {ref}</span>",
        '<label class="rv-switch"><input type="checkbox" data-layer="corrections" checked> '
        'Corrections</label> <span class="rv-corr"><del>19 18</del><ins>1918</ins></span> '
        '<span class="rv-help">what the scan has, struck out, and what the text reads now</span>',
    ]
    notice = ""
    if openings_only:
        notice = (f'<p class="rv-notice">This edition shows the first {n_words} words of each '
                  "paragraph only; the marks, numbers and links are those of the whole text.</p>")
    return ('<div class="rv-legend" role="group" aria-label="What the text shows">'
            + "".join(f'<div class="rv-legend-item">{item}</div>' for item in items)
            + "</div>" + notice)


def _people_data(register: pd.DataFrame, href: str) -> str:
    """The register as JSON for the rich tooltips of the page's script."""
    keys = ("name", "role", "nationality", "affiliation", "fate", "record")
    data = {str(r["person_id"]): {**{k: str(r.get(k, "") or "") for k in keys},
                                  "dates": lifespan(r.get("born"), r.get("died")),
                                  "href": href.format(r["person_id"])}
            for r in register.to_dict("records")}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return f'<script type="application/json" id="rv-people-data">{text}</script>'


def _inside(marks: list[Mark], lo: int, hi: int) -> list[Mark]:
    return [m for m in marks if m.start < hi and m.end > lo]


def render(chapter: Chapter, *, mentions: pd.DataFrame, register: pd.DataFrame,
           theme_hits: pd.DataFrame, paragraph_scores: pd.DataFrame, lexicon: Lexicon,
           sentence_scores: pd.DataFrame | None,
           reference: pd.Series | pd.DataFrame | Mapping[int, float] | None = None,
           openings_only: bool = False, opening_words: int = OPENING_WORDS,
           person_href: str = "whos-who.html#person-{}", tone_column: str = "sentiment",
           method: str = "patched VADER") -> str:
    """The reading view of a chapter as one HTML fragment (see the module's description).

    Args:
        chapter: the chapter.
        mentions: :func:`analysis.people.mentions.mentions` of ``register``.
        register: the register of people (standard names, roles, fates, records).
        theme_hits: :func:`analysis.themes.hits.theme_hits`.
        paragraph_scores: :func:`analysis.themes.scoring.paragraph_scores`.
        lexicon: the themes' names and labels, in their order (colours from
            :func:`analysis.style.theme_colours`).
        sentence_scores: :func:`analysis.sentiment.scorers.sentence_scores` (``None``: no tone).
        reference: a reference tone per sentence (``sentence_id -> score``;
            missing or NaN where there is none).
        openings_only: show only the first ``opening_words`` words of each paragraph.
        person_href: the link of a person's entry, ``{}`` standing for the ``person_id``.
        tone_column: the column of ``sentence_scores`` to show; ``method`` names it.

    Example:
        >>> from analysis.sentiment import sentence_scores
        >>> short = render(chapter, mentions=mentions(chapter, register), register=register,
        ...                theme_hits=theme_hits(chapter, lexicon), lexicon=lexicon,
        ...                paragraph_scores=paragraph_scores(chapter, lexicon),
        ...                sentence_scores=sentence_scores(chapter, patch), openings_only=True)
        >>> short.count('data-mention="') < len(mentions(chapter, register))
        True
        >>> all(f'id="s{i}"' in short for i in chapter.sentences["sentence_id"])
        True
    """
    themes, labels = list(lexicon.names), dict(lexicon.labels)
    colours = theme_colours(themes)
    refs = references(reference)
    atoms = correction_atoms(chapter)
    people = person_marks(chapter, mentions, register, href=person_href)
    words = theme_marks(chapter, theme_hits, themes, labels)
    sentences = sentence_marks(chapter, sentence_scores, reference=refs, column=tone_column,
                               method=method)
    scores = paragraph_scores.set_index("paragraph_id")
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
            withheld = [m for m in mine_sents if m.start >= end]
            later = [m for m in mine_people if m.start >= end]
            seen = list(dict.fromkeys(m.attrs["data-person"] for m in later))
            tail = '<span class="rv-withheld">…</span>' + "".join(
                f'<span class="rv-s rv-withheld" id="{m.attrs["id"]}"></span>' for m in withheld)
            if seen:
                tail += ('<span class="rv-also"> Also named here: ' + ", ".join(
                    f'<a class="rv-person rv-also-person" href="{_esc(person_href.format(p))}" '
                    f'data-person="{_esc(p)}">{_esc(names.get(p, p))}</a>' for p in seen) + ".</span>")
            mine_atoms = [a for a in mine_atoms if a.end <= end]
        body = nest(chapter.text, lo, end, mine_sents + mine_people + mine_words, mine_atoms,
                    breaks=kind == "title") + tail
        row = scores.loc[pid] if pid in scores.index else None
        margin = _margin(int(pid), kind, None if row is None else
                         {t: float(row[t]) for t in present}, present, labels, top)
        if kind == "title":
            out.append(f'<div class="rv-par rv-title" id="p{pid}">{margin}'
                       f'<h2 class="rv-heading">{body}</h2></div>')
        elif kind == "editorial":
            out.append(f'<aside class="rv-par rv-editorial" id="p{pid}" aria-label="Editor\'s note">'
                       f'{margin}<p class="rv-text">{body}</p></aside>')
        else:
            out.append(f'<div class="rv-par rv-{_esc(kind)}" id="p{pid}">{margin}'
                       f'<p class="rv-text">{body}</p></div>')
    style = ";".join(f"--rv-th-{i}:{colours[t]}" for i, t in enumerate(themes))
    return (f'<div class="rv" id="rv" data-openings="{str(openings_only).lower()}" '
            f'style="{style}">' + _legend(themes, labels, openings_only, opening_words, bool(refs))
            + _people_data(register, person_href) + '<div class="rv-body">' + "".join(out)
            + "</div></div>")


__all__ = ["OPENING_WORDS", "render"]
