"""The marks of the reading view: sentences and their tone, people, theme words, corrections.

Every table of the analyses gives seed offsets (``chapter.seed_text[start:end]``);
the reading view shows the established text, so :func:`to_established` turns
seed spans into spans of ``chapter.text``, and each function here returns the
:class:`~analysis.reading_view.markup.Mark` s or
:class:`~analysis.reading_view.markup.Atom` s of one layer, with the words of
its tooltip (a ``title``, readable without JavaScript).

Example:
    >>> lo, hi = to_established(chapter, chapter.sentences["start"], chapter.sentences["end"])
    >>> chapter.text[lo[10]:hi[10]] == chapter.sentences["text"].iloc[10]
    True
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.people.fates import lifespan
from analysis.reading_view.links import WHOS_WHO_PAGE, person_href, sentence_anchor
from analysis.reading_view.markup import Atom, Mark, esc
from analysis.text import Chapter

#: Nesting order of the layers, outermost first.
RANK = {"sentence": 0, "person": 1, "theme": 2}

#: How a character the corrections add or drop is shown.
VISIBLE = {" ": "␣", "\n": "↵"}


def to_established(chapter: Chapter, starts: pd.Series | np.ndarray,
                   ends: pd.Series | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The spans of the established text (``chapter.text``) that the seed spans became.

    Example:
        >>> i = chapter.seed_text.index("19 18")
        >>> lo, hi = to_established(chapter, [i], [i + 5])
        >>> chapter.text[lo[0]:hi[0]]
        '1918'
    """
    omap = chapter.offset_map
    lo = omap.from_seed(np.asarray(starts, dtype=np.int64))
    hi = omap.from_seed_end(np.asarray(ends, dtype=np.int64))
    return lo, np.maximum(hi, lo)


def _shown(text: str) -> str:
    """A correction's text with its spaces and line breaks made visible."""
    return "".join(VISIBLE.get(ch, ch) for ch in text)


def _said(text: str) -> str:
    """A correction's text, for a tooltip."""
    if text == "":
        return "nothing"
    if text.strip() == "":
        return {" ": "a space", "\n\n": "a paragraph break"}.get(text, "blank space")
    return f"“{text}”"


def correction_title(found: str, replacement: str, kind: str, note: str) -> str:
    """The tooltip of a correction: what the scan has, what the text reads now, and why.

    Example:
        >>> correction_title("19 18", "1918", "split number", "a year")
        'Corrected (split number): the scan has “19 18”, the text reads “1918”. a year'
    """
    return (f"Corrected ({kind}): the scan has {_said(found)}, the text reads "
            f"{_said(replacement)}. {note}").strip()


def correction_atoms(chapter: Chapter) -> list[Atom]:
    """One atom per correction, at its place in the established text.

    Each shows what the scan has (``del``) and what the text reads now (``ins``);
    the corrections layer shows both, otherwise the page reads as established.

    Example:
        >>> atoms = correction_atoms(chapter)
        >>> len(atoms) == len(chapter.corrections)
        True
        >>> 'title="Corrected (split number)' in atoms[1].html
        True
    """
    atoms = []
    table = chapter.corrections
    starts, ends = to_established(chapter, table["start"], table["end"])
    for i, (row, start, end) in enumerate(zip(table.itertuples(index=False), starts, ends)):
        start, end = int(start), int(end)
        title = correction_title(row.found, row.replacement, row.kind, row.note)
        found = f"<del>{esc(_shown(row.found))}</del>" if row.found else ""
        new = f"<ins>{esc(row.replacement)}</ins>" if row.replacement else ""
        atoms.append(Atom(start, end, f'<span class="rv-corr" id="c{i + 1}" data-kind="{esc(row.kind)}" '
                                      f'title="{esc(title)}">{found}{new}</span>'))
    return atoms


def person_title(person: Mapping[str, object]) -> str:
    """A person's tooltip: standard name and dates, role, fate, and the record where the text errs.

    Example:
        >>> row = register.set_index("person_id").loc["bela_kun"].to_dict()
        >>> print(person_title(row)[:64])
        Bela Kun (1886–1938)
        member of the Comintern Executive; de facto
    """
    span = lifespan(person.get("born"), person.get("died"))
    lines = [str(person["name"]) + (f" ({span})" if span else "")]
    for key, label in (("role", ""), ("fate", "Fate: "), ("record", "The record: ")):
        if person.get(key):
            lines.append(f"{label}{person[key]}")
    return "\n".join(lines)


def person_marks(chapter: Chapter, mentions: pd.DataFrame, register: pd.DataFrame,
                 page: str = WHOS_WHO_PAGE) -> list[Mark]:
    """One link per mention, to the person's entry on ``page`` (the who's-who), with the tooltip of :func:`person_title`.

    Example:
        >>> marks = person_marks(chapter, mentions(chapter, register), register)
        >>> m = marks[0]
        >>> chapter.text[m.start:m.end], m.attrs["data-person"], m.attrs["href"]
        ('Lenin', 'lenin', 'whos-who.html#person-lenin')
    """
    people = register.set_index("person_id")
    lo, hi = to_established(chapter, mentions["start"], mentions["end"])
    marks = []
    for i, (pid, a, b) in enumerate(zip(mentions["person_id"], lo, hi)):
        marks.append(Mark(int(a), int(b), RANK["person"], "a", {
            "class": "rv-person", "href": person_href(pid, page), "data-person": str(pid),
            "data-mention": f"m{i + 1}", "title": person_title(people.loc[pid].to_dict())}))
    return marks


def theme_title(label: str, match: str, term: str, weight: float, source: str) -> str:
    """A theme word's tooltip.

    Example:
        >>> theme_title("Terror", "Cheka", "Cheka", 3.0, "lexicon")
        'Terror: “Cheka” (lexicon term “Cheka”, weight 3)'
    """
    how = (f"lexicon term “{term}”" if source == "lexicon"
           else f"a word the chapter uses near the theme's core terms, “{term}”")
    return f"{label}: “{match}” ({how}, weight {weight:g})"


def theme_marks(chapter: Chapter, theme_hits: pd.DataFrame, themes: list[str],
                labels: Mapping[str, str]) -> list[Mark]:
    """One mark per theme hit, classed by the theme's place in the lexicon (``rv-th-0`` …).

    Example:
        >>> hits = theme_hits(chapter, lexicon)
        >>> marks = theme_marks(chapter, hits, lexicon.names, lexicon.labels)
        >>> marks[0].attrs["class"], marks[0].attrs["data-theme"]
        ('rv-theme rv-th-1', 'nep')
    """
    index = {t: i for i, t in enumerate(themes)}
    lo, hi = to_established(chapter, theme_hits["start"], theme_hits["end"])
    marks = []
    for row, a, b in zip(theme_hits.itertuples(index=False), lo, hi):
        if row.theme not in index:
            continue
        label = labels.get(row.theme, row.theme)
        marks.append(Mark(int(a), int(b), RANK["theme"], "span", {
            "class": f"rv-theme rv-th-{index[row.theme]}", "data-theme": str(row.theme),
            "title": theme_title(label, row.match, row.term, float(row.weight),
                                 str(getattr(row, "source", "lexicon")))}))
    return marks


def tone_mark(score: float, reference: float | None = None, method: str = "patched VADER") -> str:
    """The tone mark of a sentence: a bar from the centre, left for a dark tone, right for a bright one.

    The bar's length is the method's score's size (in [-1, 1]), its side and
    pattern (hatched when negative) its sign, so colour is never the only cue;
    the reference reading (its score on the five-point scale,
    -2 .. +2), where there is one, is a tick at its place on the same width. The
    title gives both.

    Example:
        >>> tone_mark(-0.54)  # doctest: +ELLIPSIS
        '<span class="rv-tone rv-neg" role="img" aria-label="tone -0.54" title="Tone of the sentence: -0.54 (patched VADER)..." style="--v:0.54"></span>'
        >>> 'style="--v:0.2;--r:0.75"' in tone_mark(0.2, 1)  # +1 of -2..+2: at 3/4 of the width
        True
    """
    sign = "rv-neg" if score < 0 else ("rv-pos" if score > 0 else "rv-zero")
    title = f"Tone of the sentence: {score:+.2f} ({method})".replace("+0.00", "0.00")
    style = f"--v:{abs(score):.2g}"
    if reference is not None:
        title += f"; reference reading: {reference:+.0f} on -2 .. +2".replace("+0 ", "0 ")
        style += f";--r:{(reference + 2) / 4:.3g}"
    else:
        title += "; no reference reading"
    cls = "rv-tone " + sign + (" rv-has-ref" if reference is not None else "")
    return (f'<span class="{cls}" role="img" aria-label="tone {score:.2f}" title="{esc(title)}" '
            f'style="{style}"></span>')


def references(reference: pd.Series | pd.DataFrame | Mapping[int, float] | None) -> dict[int, float]:
    """A reference reading as ``sentence_id -> score``, missing values left out.

    Takes a Series indexed by ``sentence_id``, a mapping, or a DataFrame with
    ``sentence_id`` and ``reference`` (or ``score``) columns.

    Example:
        >>> references(pd.DataFrame({"sentence_id": [1, 2], "reference": [0.5, float("nan")]}))
        {1: 0.5}
        >>> references(pd.DataFrame({"sentence_id": [7], "score": [-2]}))
        {7: -2.0}
    """
    if reference is None:
        return {}
    if isinstance(reference, pd.DataFrame):
        column = "reference" if "reference" in reference.columns else "score"
        reference = reference.set_index("sentence_id")[column]
    items = reference.items()
    return {int(k): float(v) for k, v in items
            if v is not None and not (isinstance(v, float) and math.isnan(v))}


def sentence_marks(chapter: Chapter, sentence_scores: pd.DataFrame | None, *,
                   reference: Mapping[int, float] | None = None, column: str = "sentiment",
                   method: str = "patched VADER", tone_kinds: tuple[str, ...] = ("narrative",
                                                                               "editorial")
                   ) -> list[Mark]:
    """One mark per sentence (``id="s12"``), with its tone mark first where it has a score.

    Example:
        >>> from analysis.sentiment import sentence_scores
        >>> marks = sentence_marks(chapter, sentence_scores(chapter, patch))
        >>> marks[4].attrs["id"], marks[4].prefix.startswith('<span class="rv-tone rv-pos"')
        ('s5', True)
    """
    reference = reference or {}
    kind = chapter.paragraphs.set_index("paragraph_id")["kind"]
    scores = ({} if sentence_scores is None else
              dict(zip(sentence_scores["sentence_id"], sentence_scores[column])))
    sents = chapter.sentences
    lo, hi = to_established(chapter, sents["start"], sents["end"])
    marks = []
    for sid, pid, a, b in zip(sents["sentence_id"], sents["paragraph_id"], lo, hi):
        attrs = {"class": "rv-s", "id": sentence_anchor(sid)}
        prefix = ""
        if kind[pid] in tone_kinds and sid in scores:
            score = float(scores[sid])
            attrs["data-tone"] = f"{score:.2f}"
            prefix = tone_mark(score, reference.get(int(sid)), method)
        marks.append(Mark(int(a), int(b), RANK["sentence"], "span", attrs, prefix))
    return marks
