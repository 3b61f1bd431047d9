"""Names the register may lack, ranked by how likely each is a person: an extender's first tool.

The detector reads the text for runs of capitalised words (joined by name
particles such as *de los*) that are neither a registered mention nor made of
names known not to be people (``non_person_names.csv``), and lists each
distinct candidate once, with its count, first offsets and paragraphs, ranked
by a score built from plain evidence:

- a title before it (*General*, *Madame*, *Comrade*, *Professor* …): +3;
- a possessive after it (*Kornilov’s*): +1;
- never written in lower case elsewhere in the text: +1;
- two or three name-like words: +1; a word rare in general English: +1;
- seen more than once: +1;
- only ever at the start of a sentence (*Let*, *Nay*): −2; a word common in
  general English: −1; a word of institutions or places (*Ministry*,
  *Council*, *Street*, *River* …): −3.

Months, weekdays and words inside a bracketed reference within a paragraph
(*[See App. I, Sect. 1]*) are never listed. :func:`draft_register` turns the
candidates into a draft register for the extender to edit.

Example:
    >>> len(unregistered_names(chapter, mentions(chapter, register), known_names))
    0
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd
from wordfreq import zipf_frequency

from analysis.people.register import REGISTER
from analysis.text import Chapter

#: Words that are never (the start of) a person's name, capitalised or not.
FUNCTION_WORDS = frozenset("""a an the and or but nor if then so as at by for from in into of off on
onto out over to up upon with within without about above after against along among around
before behind below beneath beside besides between beyond during except like near since
through throughout till toward towards under until unlike via i me my mine we us our ours
you your yours he him his she her hers it its they them their theirs this that these those
who whom whose which what when where why how all any both each either every few many more
most much neither no none not nothing only other some such than too very yes is are was were
be been being am has have had do does did will would shall should can could may might must
here there now even also yet still just once again ever never always already one two three
ten""".split())

#: Lower-case words that may join the parts of one name (``Fernando de los Rios``).
NAME_PARTICLES = frozenset({"de", "los", "la", "las", "del", "di", "da", "du", "des", "von",
                            "van", "der", "den", "le"})

#: Months and weekdays (and their usual abbreviations), never a person here.
CALENDAR = frozenset("""january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
thursday friday saturday sunday""".split())

#: Titles that announce a person's name.
TITLES = frozenset("""general madame madam mademoiselle monsieur comrade professor prof doctor dr
mr mrs ms miss sir lord lady prince princess count countess baron baroness tsar czar tsarina
emperor empress king queen colonel captain major lieutenant admiral marshal sergeant father
mother sister citizen herr frau signor signora don dona saint st president minister
commissar""".split())

#: Words of institutions and places; a run holding one is rarely a person.
INSTITUTIONS = frozenset("""ministry committee council party army navy government society
university college school bank church cathedral court senate assembly union league congress
conference commission academy institute embassy office department board club association
company street avenue road square river sea ocean bay mount mountain lake island palace hotel
station prison museum theatre theater gardens republic empire kingdom state states revolution
war front international soviet soviets""".split())

_BRACKETED = re.compile(r"\[[^\[\]\n]{0,120}\]")
_POSSESSIVE = frozenset({"’s", "'s", "’", "'"})
COLUMNS = ["candidate", "score", "count", "start", "end", "paragraphs", "evidence"]


def unregistered_names(chapter: Chapter, found: pd.DataFrame, known: pd.DataFrame,
                       common_zipf: float = 4.0) -> pd.DataFrame:
    """The capitalised names that might be people missing from the register, most likely first.

    Args:
        chapter: the text.
        found: the register's mentions (:func:`analysis.people.mentions.mentions`).
        known: the names that are not people (``name, kind, note``).
        common_zipf: a sentence's capitalised first word whose Zipf frequency
            in general English reaches this is taken for a common word.

    Returns:
        A table with one row per distinct candidate, ``candidate, score, count, start, end``
        (its first occurrence, seed offsets), ``paragraphs`` (where it
        occurs, ``"3; 5"``) and ``evidence`` (why it scores as it does), by
        score, then count, then first appearance.

    Example:
        >>> smaller = register[register["person_id"] != "clemenceau"]
        >>> unregistered_names(chapter, mentions(chapter, smaller), known_names)[
        ...     ["candidate", "count", "paragraphs"]].values.tolist()
        [['Clemenceau', 1, '6']]
    """
    occurrences = _occurrences(chapter, found, known, common_zipf)
    if occurrences.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("count", "start", "end")
                                          else "float64" if c == "score" else "object")
                             for c in COLUMNS})
    lower_used = set(chapter.words.loc[~chapter.words["token"].str[:1].str.isupper(), "lower"])
    rows = []
    for candidate, part in occurrences.groupby("candidate", sort=False):
        score, evidence = _score(candidate, part, lower_used)
        rows.append((candidate, score, len(part), int(part["start"].iloc[0]),
                     int(part["end"].iloc[0]),
                     "; ".join(str(p) for p in dict.fromkeys(part["paragraph_id"])),
                     "; ".join(evidence)))
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.sort_values(["score", "count", "start"], ascending=[False, False, True],
                             kind="stable").reset_index(drop=True)


def draft_register(candidates: pd.DataFrame, min_score: float = 1.0) -> pd.DataFrame:
    """A draft register from the detector's candidates, for an extender to edit.

    One row per candidate scoring at least ``min_score``, with the columns of
    the register's schema: a ``person_id`` made from the name, the candidate as
    ``name`` and ``aliases`` (with its last word as a second alias when it has
    several), ``source_paragraph`` its first paragraph, the other cells empty.
    Two candidates that would get the same id get ``_2``, ``_3`` … after it.

    Example:
        >>> table = pd.DataFrame({"candidate": ["Anna Weber", "Ilse Brandt", "Nay"],
        ...                       "score": [4.0, 3.0, -1.0], "paragraphs": ["2", "5; 6", "3"]})
        >>> draft_register(table)[["person_id", "aliases", "source_paragraph"]].values.tolist()
        [['anna_weber', 'Anna Weber; Weber', 2], ['ilse_brandt', 'Ilse Brandt; Brandt', 5]]
    """
    keep = candidates[candidates["score"] >= min_score]
    ids: dict[str, int] = {}
    rows = []
    for name, paragraphs in zip(keep["candidate"], keep["paragraphs"]):
        base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "person"
        base = base if base[0].isalpha() else f"p_{base}"
        ids[base] = ids.get(base, 0) + 1
        person_id = base if ids[base] == 1 else f"{base}_{ids[base]}"
        words = name.split()
        aliases = name if len(words) == 1 else f"{name}; {words[-1]}"
        rows.append({"person_id": person_id, "name": name, "aliases": aliases,
                     "source_paragraph": int(str(paragraphs).split(";")[0])})
    table = pd.DataFrame(rows, columns=["person_id", "name", "aliases", "source_paragraph"])
    for column in REGISTER.names:
        if column not in table.columns:
            table[column] = ""
    return table[[f.name for f in REGISTER.fields if not f.optional]]


def _occurrences(chapter: Chapter, found: pd.DataFrame, known: pd.DataFrame,
                 common_zipf: float) -> pd.DataFrame:
    """Every occurrence of a candidate, with the evidence around it, in text order."""
    covered = np.zeros(len(chapter.seed_text) + 1, dtype=bool)
    for a, b in found[["start", "end"]].itertuples(index=False):
        covered[a:b] = True
    kinds = chapter.paragraphs.set_index("paragraph_id")["kind"]
    for row in chapter.paragraphs.itertuples(index=False):
        if row.kind != "editorial":
            for m in _BRACKETED.finditer(chapter.seed_text, row.start, row.end):
                covered[m.start():m.end()] = True
    tokens = chapter.tokens[(chapter.tokens["paragraph_id"].map(kinds) != "title").to_numpy()]
    lower_used = set(chapter.words.loc[~chapter.words["token"].str[:1].str.isupper(), "lower"])
    known_seqs = {tuple(n.split()) for n in known["name"]}
    longest = max((len(k) for k in known_seqs), default=1)
    rows = []
    for run, before, after, initial in _capitalised_runs(tokens, covered, lower_used, common_zipf):
        words = [t[1] for t in run]
        if _explained(words, known_seqs, longest):
            continue
        titled = words[0].lower().rstrip(".") in TITLES and len(words) > 1
        if titled:
            before, run, words = words[0], run[1:], words[1:]
        if _explained(words, known_seqs, longest) or any(w.lower() in CALENDAR for w in words):
            continue
        rows.append((" ".join(words), run[0][2], run[-1][3], run[0][4],
                     titled or (before or "").lower().rstrip(".") in TITLES,
                     after in _POSSESSIVE, initial and not titled))
    return pd.DataFrame(rows, columns=["candidate", "start", "end", "paragraph_id", "titled",
                                       "possessive", "initial"])


def _score(candidate: str, part: pd.DataFrame, lower_used: set[str]) -> tuple[float, list[str]]:
    """The person-likelihood score of one candidate and the evidence for it."""
    words = candidate.split()
    lowered = [w.lower() for w in words]
    score, evidence = 0.0, []

    def add(points: float, why: str) -> None:
        nonlocal score
        score += points
        evidence.append(why)

    if part["titled"].any():
        add(3, "after a title")
    if part["possessive"].any():
        add(1, "possessive")
    if not any(w in lower_used for w in lowered):
        add(1, "never in lower case")
    if 2 <= len(words) <= 3:
        add(1, f"{len(words)} name words")
    frequency = max(_zipf(w) for w in lowered)
    if frequency < 3.0:
        add(1, "rare in English")
    elif frequency >= 4.5:
        add(-1, "common in English")
    if len(part) > 1:
        add(1, f"seen {len(part)} times")
    if part["initial"].all():
        add(-2, "only at a sentence's start")
    if any(w in INSTITUTIONS for w in lowered):
        add(-3, "a word of institutions or places")
    return score, evidence


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    """The word's Zipf frequency in general English (``wordfreq``), cached."""
    return zipf_frequency(word, "en")


def _capitalised_runs(tokens: pd.DataFrame, covered: np.ndarray, lower_used: set[str],
                      common_zipf: float) -> list[tuple[list[tuple], str | None, str | None, bool]]:
    """Runs of capitalised words within sentences, with the token before and after each run.

    Each run is a list of ``(sentence_id, token, start, end, paragraph_id)``;
    ``initial`` is whether it opens its sentence. A sentence's capitalised
    first word that is a common English word or used in lower case elsewhere
    is not a name.
    """
    out: list[tuple[list[tuple], str | None, str | None, bool]] = []
    current: list[tuple] = []
    state = {"before": None, "initial": False}

    def close(after: str | None) -> None:
        while current and current[-1][1].lower() in NAME_PARTICLES:
            current.pop()
        if current:
            out.append((list(current), state["before"], after, state["initial"]))
        current.clear()

    sentence, seen_word, previous = None, False, None
    columns = ["sentence_id", "token", "start", "end", "paragraph_id", "lower", "is_word"]
    for sid, token, start, end, pid, lower, is_word in zip(*(tokens[c] for c in columns)):
        if sid != sentence:
            close(None)
            sentence, seen_word, previous = sid, False, None
        initial = is_word and not seen_word
        seen_word = seen_word or is_word
        item = (sid, token, start, end, pid)
        if covered[start] or not is_word or not _is_name_word(token):
            if current and lower in NAME_PARTICLES:
                current.append(item)
            else:
                close(token)
        elif initial and (lower in lower_used or _zipf(lower) >= common_zipf):
            close(token)
        else:
            if not current:
                state["before"], state["initial"] = previous, initial
            current.append(item)
        previous = token
    close(None)
    return out


def _is_name_word(token: str) -> bool:
    """A capitalised word that is not a function word (``MY`` is not a name)."""
    return token[:1].isupper() and token.lower() not in FUNCTION_WORDS


def _explained(tokens: list[str], known: set[tuple[str, ...]], longest: int) -> bool:
    """True if ``tokens`` split wholly into names listed as not people."""
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            if tuple(tokens[i:i + n]) in known:
                i += n
                break
        else:
            return False
    return True
