"""Hindsight: the sentences of the narration that speak from a time after the events told.

A memoir told years later slips ahead of its story: a fate told in advance
(``was destined to``, ``he was to end his life, in 1936``), an event of a later
year, the time of writing (``even now``). :func:`hindsight` marks each sentence
of the narration (paragraphs of kind ``narrative``) by rule:

- a cue of :data:`analysis.timeline.rules.HINDSIGHT_CUES` (the future in the
  past, fate words, ``much later``, ``even now``, ``is still``);
- a time expression of the sentence (:func:`analysis.timeline.expressions.time_expressions`)
  whose year is later than the time its paragraph narrates (its reference year,
  :mod:`analysis.timeline.reference`), or that is the time of writing
  (``PRESENT_REF``).

Each sentence gets ``hindsight`` (true or false), ``cue`` (the words that
fired, ``" | "`` between them) and ``later``, the later time it speaks from as a
TIMEX3 value: the latest later year it names, else ``PRESENT_REF`` for the time of
writing, else ``FUTURE_REF``. :func:`by_episode` and :func:`by_person` count them.

Example:
    >>> from analysis.timeline.expressions import time_expressions
    >>> marks = hindsight(chapter, time_expressions(chapter))
    >>> marks.loc[marks["text"].str.startswith("In fact, it was only much later"),
    ...           ["hindsight", "later"]].values.tolist()
    [[True, '1936']]
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.text import Chapter
from analysis.timeline.expressions import narrated_years
from analysis.timeline.rules import HINDSIGHT_CUES

#: The columns of :func:`hindsight`.
COLUMNS = ["sentence_id", "paragraph_id", "start", "end", "hindsight", "cue", "later", "text"]

_YEAR = re.compile(r"^(\d{4})")


def hindsight(chapter: Chapter, expressions: pd.DataFrame,
              reference: pd.Series | dict[int, int | None] | None = None) -> pd.DataFrame:
    """Mark every sentence of the narration for hindsight (:data:`COLUMNS`).

    ``expressions``: :func:`~analysis.timeline.expressions.time_expressions`;
    ``reference``: each paragraph's reference year (by ``paragraph_id``), by
    default the one the expressions were resolved with
    (:func:`analysis.timeline.expressions.narrated_years`).

    Example:
        >>> from analysis.timeline.expressions import time_expressions
        >>> marks = hindsight(chapter, time_expressions(chapter))
        >>> row = marks[marks["text"].str.contains("Even now")].iloc[0]
        >>> bool(row.hindsight), row.cue, row.later
        (True, 'Even now | is still | now', 'PRESENT_REF')
    """
    if reference is None:
        reference = narrated_years(chapter, expressions)
    reference = pd.Series(reference, dtype="object")
    narrative = chapter.paragraphs.loc[chapter.paragraphs["kind"] == "narrative", "paragraph_id"]
    sents = chapter.sentences[chapter.sentences["paragraph_id"].isin(narrative)]
    by_sentence: dict[int, list[tuple[str, str, str]]] = {}  # plain rows: no table's attrs copied
    for sid, text, kind, value in zip(*(expressions[c].tolist() for c in
                                        ("sentence_id", "text", "type", "value"))):
        by_sentence.setdefault(sid, []).append((text, kind, str(value)))
    rows = []
    for s in sents.itertuples():
        cues = [m.group(0) for _, rx in HINDSIGHT_CUES for m in rx.finditer(s.text)]
        base = reference.get(s.paragraph_id)
        later_years, present = [], any(re.search(r"\b(?:even now|up (?:till|until|to) now|to "
                                                 r"this day)\b|\bstill\b", c, re.I)
                                       for c in cues)
        for text, kind, value in by_sentence.get(s.sentence_id, []):
            year = _YEAR.match(value)
            if value == "PRESENT_REF":
                cues.append(text)
                present = True
            elif (year and kind in ("DATE", "TIME") and base is not None
                  and not pd.isna(base) and int(year.group(1)) > int(base)):
                cues.append(text)
                later_years.append(int(year.group(1)))
        fired = bool(cues)
        later = (str(max(later_years)) if later_years else "PRESENT_REF" if present
                 else "FUTURE_REF" if fired else "")
        rows.append((s.sentence_id, s.paragraph_id, s.start, s.end, fired,
                     " | ".join(dict.fromkeys(cues)), later, s.text))
    return pd.DataFrame(rows, columns=COLUMNS).astype({"hindsight": bool})


def _episode_of(starts: pd.Series, episodes: pd.DataFrame) -> pd.Series:
    """The episode in which each seed offset lies (the text before the first: no episode)."""
    order = episodes.sort_values("start")
    idx = order["start"].searchsorted(starts.to_numpy(), side="right") - 1
    names = order["episode"].to_numpy()
    return pd.Series([names[i] if i >= 0 else "" for i in idx], index=starts.index)


def by_episode(marks: pd.DataFrame, episodes: pd.DataFrame) -> pd.DataFrame:
    """Hindsight sentences per episode: ``episode, sentences, hindsight, share``, in text order.

    ``episodes``: :func:`analysis.text.episodes.episode_positions`.

    Example:
        >>> marks = pd.DataFrame({"start": [0, 50, 90], "hindsight": [False, True, True]})
        >>> eps = pd.DataFrame({"episode": ["a", "b"], "start": [0, 60]})
        >>> by_episode(marks, eps).values.tolist()
        [['a', 2, 1, 0.5], ['b', 1, 1, 1.0]]
    """
    episode = _episode_of(marks["start"], episodes)
    table = marks.assign(episode=episode.to_numpy()).groupby("episode", sort=False).agg(
        sentences=("hindsight", "size"), hindsight=("hindsight", "sum"))
    order = [e for e in ([""] + episodes["episode"].tolist()) if e in table.index]
    table = table.loc[order].reset_index()
    table["share"] = (table["hindsight"] / table["sentences"]).round(4)
    return table.astype({"sentences": "int64", "hindsight": "int64"})


def by_person(marks: pd.DataFrame, mentions: pd.DataFrame, register: pd.DataFrame
              ) -> pd.DataFrame:
    """Whose fates are told in advance: per person, the sentences of the narration naming them.

    Returns ``person_id, label, sentences, hindsight, share, later`` (the later
    times spoken from, in order, ``", "`` between them), people with at least one
    hindsight sentence first, most first. ``mentions``:
    :func:`analysis.people.mentions.mentions`; ``register``: its register
    (``person_id`` and ``label``).

    Example:
        >>> marks = pd.DataFrame({"sentence_id": [1, 2], "hindsight": [True, False],
        ...                       "later": ["1936", ""]})
        >>> men = pd.DataFrame({"person_id": ["a", "a", "b"], "sentence_id": [1, 2, 2]})
        >>> reg = pd.DataFrame({"person_id": ["a", "b"], "label": ["A", "B"]})
        >>> by_person(marks, men, reg).values.tolist()
        [['a', 'A', 2, 1, 0.5, '1936'], ['b', 'B', 1, 0, 0.0, '']]
    """
    named = (mentions[["person_id", "sentence_id"]].drop_duplicates()
             .merge(marks[["sentence_id", "hindsight", "later"]], on="sentence_id"))
    rows = []
    for pid, part in named.groupby("person_id"):
        later = part.loc[part["hindsight"], "later"]
        rows.append((pid, len(part), int(part["hindsight"].sum()),
                     ", ".join(sorted(set(later), key=lambda v: (not v[:1].isdigit(), v)))))
    table = pd.DataFrame(rows, columns=["person_id", "sentences", "hindsight", "later"])
    table["share"] = (table["hindsight"] / table["sentences"]).round(4)
    labels = register.set_index("person_id")["label"]
    table.insert(1, "label", table["person_id"].map(labels).fillna(table["person_id"]))
    table = table.sort_values(["hindsight", "share", "label"], ascending=[False, False, True])
    return table[["person_id", "label", "sentences", "hindsight", "share", "later"]].reset_index(
        drop=True).astype({"sentences": "int64", "hindsight": "int64"})
