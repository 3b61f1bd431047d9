"""The marks of the reading view: sentences and their tone, hindsight, people, theme words, time
expressions, corrections.

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
RANK = {"sentence": 0, "hindsight": 1, "person": 2, "theme": 3, "time": 4}

#: How a TIMEX3 value that names no calendar time is said in a tooltip.
TIMEX_SAID = {"PRESENT_REF": "the time of writing", "FUTURE_REF": "a later time not named",
              "PAST_REF": "an earlier time not named"}

#: How a time expression's value was reached (its ``resolution``), said in a tooltip.
RESOLUTION_SAID = {"explicit": "said by the words",
                   "context": "resolved from the time the passage tells",
                   "unresolved": "left unresolved"}

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
        >>> marks = person_marks(chapter, mentions(chapter, register, shared_names), register)
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


def timex_said(value: object) -> str:
    """A TIMEX3 value for a tooltip: as it is, with what a reference value means.

    Example:
        >>> timex_said("1936"), timex_said("PRESENT_REF")
        ('1936', 'PRESENT_REF (the time of writing)')
    """
    value = str(value)
    return f"{value} ({TIMEX_SAID[value]})" if value in TIMEX_SAID else value


def hindsight_title(cue: str, later: str, readers: str | None) -> str:
    """A hindsight sentence's tooltip: the cue, the later time, and what the readers say.

    ``readers``: the later time of the readers' reference where it marks the
    sentence, ``""`` where it does not, ``None`` where the text has no reference.
    The parts are ``"; "`` apart (the page's script shows one a line).

    Example:
        >>> hindsight_title("was to die | 1944", "1944", "FUTURE_REF")
        'Hindsight, by rule; cue: “was to die”, “1944”; speaks from: 1944; the readers mark it too, from FUTURE_REF (a later time not named)'
        >>> hindsight_title("", "", "1936")
        'Hindsight, by the readers only; speaks from: 1936; the rule finds no cue'
    """
    if not cue:
        return (f"Hindsight, by the readers only; speaks from: {timex_said(readers)}; "
                "the rule finds no cue")
    quoted = ", ".join(f"“{c}”" for c in cue.split(" | "))
    parts = ["Hindsight, by rule", f"cue: {quoted}", f"speaks from: {timex_said(later)}"]
    if readers:
        parts.append(f"the readers mark it too, from {timex_said(readers)}")
    elif readers is not None:
        parts.append("the readers do not mark it")
    return "; ".join(parts)


def hindsight_marks(chapter: Chapter, marks: pd.DataFrame | None,
                    reference: pd.DataFrame | None = None) -> list[Mark]:
    """One mark per sentence the rule marks for hindsight, and per sentence only the readers do.

    ``marks``: :func:`analysis.timeline.hindsight.hindsight` (``None``: no
    mark); ``reference``: the readers' reference
    (:func:`analysis.timeline.annotations.hindsight_reference`: ``sentence_id``,
    ``later``), or ``None``. Each mark opens with a sign (``↷``) carrying the
    tooltip of :func:`hindsight_title`; a sentence only the readers mark has the
    class ``rv-hs-readers`` too.

    Example:
        >>> from analysis.timeline import hindsight, time_expressions
        >>> marks = hindsight_marks(chapter, hindsight(chapter, time_expressions(chapter)))
        >>> m = next(m for m in marks if chapter.text[m.start:m.end].startswith("In fact, it was"))
        >>> m.attrs["data-later"], "“much later”" in m.prefix
        ('1936', True)
    """
    if marks is None:
        return []
    readers = ({} if reference is None else
               dict(zip(reference["sentence_id"].astype(int), reference["later"].fillna(""))))
    fired = marks[marks["hindsight"]]
    rows = [(int(sid), start, end, cue, later) for sid, start, end, cue, later in zip(
        fired["sentence_id"], fired["start"], fired["end"], fired["cue"], fired["later"])]
    sents = chapter.sentences.set_index("sentence_id")
    rows += [(sid, int(sents.at[sid, "start"]), int(sents.at[sid, "end"]), "", "")
             for sid in readers if sid not in set(fired["sentence_id"]) and sid in sents.index]
    rows.sort(key=lambda r: r[1])
    if not rows:
        return []
    lo, hi = to_established(chapter, [r[1] for r in rows], [r[2] for r in rows])
    out = []
    for (sid, _, _, cue, later), a, b in zip(rows, lo, hi):
        said = readers.get(sid, "") if reference is not None else None
        title = esc(hindsight_title(cue, later, said))
        sign = (f'<span class="rv-hs-mark" role="img" aria-label="{title}" title="{title}">'
                "↷</span>")
        out.append(Mark(int(a), int(b), RANK["hindsight"], "span", {
            "class": "rv-hs" + ("" if cue else " rv-hs-readers"),
            "data-later": str(later or said or "")}, sign))
    return out


def time_title(kind: str, value: object, resolution: object) -> str:
    """A time expression's tooltip: its TIMEX3 type and value, and how the value was reached.

    Example:
        >>> time_title("DATE", "1921-03-18", "context")
        'Time expression: DATE; value: 1921-03-18; resolved from the time the passage tells'
    """
    parts = [f"Time expression: {kind}", f"value: {timex_said(value)}"]
    if resolution in RESOLUTION_SAID:
        parts.append(RESOLUTION_SAID[str(resolution)])
    return "; ".join(parts)


def time_marks(chapter: Chapter, expressions: pd.DataFrame | None) -> list[Mark]:
    """One mark per time expression (``rv-timex``), its TIMEX3 value in its tooltip.

    ``expressions``: :func:`analysis.timeline.expressions.time_expressions`
    (``None``: no mark).

    Example:
        >>> from analysis.timeline import time_expressions
        >>> m = next(m for m in time_marks(chapter, time_expressions(chapter))
        ...          if chapter.text[m.start:m.end] == "this summer of 1921")
        >>> m.attrs["data-value"], m.attrs["title"]
        ('1921-SU', 'Time expression: DATE; value: 1921-SU; said by the words')
    """
    if expressions is None or not len(expressions):
        return []
    lo, hi = to_established(chapter, expressions["start"], expressions["end"])
    resolution = (expressions["resolution"] if "resolution" in expressions.columns
                  else pd.Series("", index=expressions.index))
    return [Mark(int(a), int(b), RANK["time"], "span", {
        "class": "rv-timex", "data-rv-layer": "time", "data-type": str(kind),
        "data-value": str(value), "title": time_title(kind, value, how)})
        for kind, value, how, a, b in zip(expressions["type"], expressions["value"], resolution,
                                          lo, hi)]
