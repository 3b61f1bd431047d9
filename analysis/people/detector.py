"""Names the register may lack, ranked by how likely each is a person: an extender's first tool.

The detector reads the text for runs of capitalised words (joined by name
particles such as *de los*) that are neither a registered mention nor made of
names known not to be people (``non_person_names.csv``), and lists each
distinct candidate once, with its count, first offsets and paragraphs, ranked
by a score built from plain evidence, each piece named in ``evidence``:

- for a person: a title before it (*Mr.*, *General*, *Comrade* …): +3; a verb
  of speech or thought beside it (*Lenin said*, *told Trotsky*): +2; a
  possessive (*Kornilov’s*), a sentence shared with a registered or likely
  person (one scoring :data:`LIKELY` with a title, a verb or a possessive), a
  place in mid-sentence (not only a sentence's first word), never written in
  lower case, two or three name words, a surname rare in general English, seen
  more than once: +1 each;
- against: a place or the name of a people (``place_names.txt``, through
  :func:`load_place_names`): −4; a word of institutions or places (*Ministry*,
  *Street* …), a title with no name (*Prime Minister*), a saint's name after
  *of* (*the Cross of St. Anne*: a church, an order or a place): −3; the
  shape of a creed, a party or a common word (*-ism*, *-ists*, *-ably*,
  *-tion* …), italics (*_Theses_*, a title or a foreign word), a run opening
  with a place or a people (*Russian Revolution*), only ever after *in*, *at*,
  *near* … (*in Sviazhsk*), the plural of another candidate (*Bolsheviks*, a
  group): −2; its singular (*Bolshevik*), a surname common in general English:
  −1.

Months, weekdays, words in capitals (a heading's *FOOTNOTES*) and words inside
a bracketed reference or a cross-reference (*[See App. I]*, *(See App. I, Sect.
1)*) are never listed. :func:`~analysis.people.draft.draft_register` turns the candidates into a draft
register for the extender to edit: the forms of one name merged into one row,
each row saying why it is there.

Example:
    >>> len(unregistered_names(chapter, mentions(chapter, register, shared_names), known_names))
    0
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis.errors import DataFileError
from analysis.people import capitals
from analysis.people.capitals import is_title, lower_case_words, zipf
from analysis.schema import read_text_file
from analysis.text import Chapter

#: Words of institutions and places; a run holding one is rarely a person.
INSTITUTIONS = frozenset("""ministry committee council party army navy government society
university college school bank church cathedral court senate assembly union league congress
conference commission academy institute embassy office department board club association
company street avenue road square river sea ocean bay mount mountain lake island palace hotel
station prison museum theatre theater gardens republic empire kingdom state states revolution
war front international soviet soviets parliament ministry""".split())

#: Word endings of creeds, parties, peoples and common words, never a person's single name
#: (of seven letters or more; *-ary* and *-ory* of nine or more, for *Gregory*).
_COMMON_SHAPE = re.compile(r"(?:isms?|ists?|ians|iks|ably|ibly|ally|ously|ively|edly|ingly|fully|"
                           r"tions?|sions?|ives?|ics|ical)$|^.{6,}(?:ary|ory)$")
#: Words before a place rather than a person (*in Petrograd*, *at Sviazhsk*).
_BEFORE_PLACE = frozenset("in at near outside inside towards across beyond".split())
_SAINT = frozenset({"st.", "saint", "ste.", "sainte", "san", "santa"})
COLUMNS = ["candidate", "score", "count", "start", "end", "paragraphs", "evidence"]
#: The base score (before the shared sentences) from which a candidate counts as a likely person.
LIKELY = 4.0


def load_place_names(path: str | Path) -> frozenset[str]:
    """Read a list of places and peoples' names (one per line, ``#`` comments), in lower case.

    The bundled list, ``analysis/data/place_names.txt``, holds the countries,
    capitals and major cities and regions of Europe and Russia (and some
    beyond), with the names of their peoples and languages (*Russian*,
    *Germans*): capitalised words that are no person.

    Raises:
        DataFileError: no such file, not UTF-8, or a line that holds no letter.

    Example:
        >>> places = load_place_names(data_path("place_names.txt"))
        >>> {"petrograd", "great britain", "russians"} <= places
        True
    """
    file = Path(path)
    lines = read_text_file(file).splitlines()
    names = set()
    for number, line in enumerate(lines, start=1):
        entry = " ".join(line.split())
        if not entry or entry.startswith("#"):
            continue
        if not any(c.isalpha() for c in entry):
            raise DataFileError(f"{file}: line {number}: {entry!r} is not a name (no letter)")
        names.add(entry.lower())
    return frozenset(names)


def unregistered_names(chapter: Chapter, found: pd.DataFrame, known: pd.DataFrame,
                       common_zipf: float = 4.0,
                       places: Iterable[str] = frozenset()) -> pd.DataFrame:
    """The capitalised names that might be people missing from the register, most likely first.

    Args:
        chapter: the text.
        found: the register's mentions (:func:`analysis.people.mentions.mentions`).
        known: the names that are not people (``name, kind, note``).
        common_zipf: a sentence's capitalised first word whose Zipf frequency
            in general English reaches this is taken for a common word.
        places: places and peoples' names, in lower case (:func:`load_place_names`).

    Returns:
        A table with one row per distinct candidate, ``candidate, score, count, start, end``
        (its first occurrence, seed offsets), ``paragraphs`` (where it
        occurs, ``"3; 5"``) and ``evidence`` (why it scores as it does), by
        score, then count, then first appearance.

    Example:
        >>> smaller = register[register["person_id"] != "clemenceau"]
        >>> unregistered_names(chapter, mentions(chapter, smaller, shared_names), known_names)[
        ...     ["candidate", "count", "paragraphs"]].values.tolist()
        [['Clemenceau', 1, '6']]
    """
    lower_used = lower_case_words(chapter)
    occurrences = capitals.occurrences(chapter, found, known, common_zipf, lower_used)
    if occurrences.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("count", "start", "end")
                                          else "float64" if c == "score" else "object")
                             for c in COLUMNS})
    places = frozenset(p.lower() for p in places)
    parts = dict(tuple(occurrences.groupby("candidate", sort=False)))
    evidence = {c: _evidence(c, part, lower_used, places, parts.keys())
                for c, part in parts.items()}
    likely = {c for c, ev in evidence.items() if sum(points for points, _ in ev) >= LIKELY
              and ((parts[c]["title"] != "") | (parts[c]["speech"] != "")
                   | parts[c]["possessive"]).any()}
    people = found.groupby("sentence_id")["surface"].agg(set).to_dict()
    for c in likely:
        for sid in parts[c]["sentence_id"]:
            people.setdefault(sid, set()).add(c)
    rows = []
    for c, part in parts.items():
        beside = sorted({p for sid in part["sentence_id"] for p in people.get(sid, ())} - {c})
        if beside:
            evidence[c].append((1, f"in a sentence with {', '.join(beside[:2])}"))
        rows.append((c, float(sum(points for points, _ in evidence[c])), len(part),
                     int(part["start"].iloc[0]), int(part["end"].iloc[0]),
                     "; ".join(str(p) for p in dict.fromkeys(part["paragraph_id"])),
                     "; ".join(why for _, why in evidence[c])))
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.sort_values(["score", "count", "start"], ascending=[False, False, True],
                             kind="stable").reset_index(drop=True)


def _evidence(candidate: str, part: pd.DataFrame, lower_used: set[str], places: frozenset[str],
              others: Iterable[str]) -> list[tuple[float, str]]:
    """The evidence for and against one candidate being a person, as ``(points, why)``.

    ``others``: every candidate, for the plural of one (*Bolsheviks*) and the singular of a
    plural (*Bolshevik*), which name a group and its members.
    """
    words = candidate.split()
    lowered = [w.lower() for w in words]
    found: list[tuple[float, str]] = []
    titles = sorted(set(part["title"]) - {""})
    if titles:
        found.append((3, f"after {', '.join(titles[:2])}"))
    verbs = sorted(set(part["speech"]) - {""})
    if verbs:
        found.append((2, f"beside ‘{verbs[0]}’"))
    if part["possessive"].any():
        found.append((1, "possessive"))
    if not part["initial"].all():
        found.append((1, "in mid-sentence"))
    if not any(w in lower_used for w in lowered):
        found.append((1, "never in lower case"))
    if 2 <= len(words) <= 3:
        found.append((1, f"{len(words)} name words"))
    frequency = zipf(lowered[-1])  # a surname's, not a first name's (*Bill Haywood*)
    if frequency < 3.0:
        found.append((1, "rare in English"))
    elif frequency >= 4.5:
        found.append((-1, "common in English"))
    if len(part) > 1:
        found.append((1, f"seen {len(part)} times"))
    if candidate.lower() in places:
        found.append((-4, "a place or a people (place names)"))
    elif len(words) > 1 and lowered[0] in places:
        found.append((-2, "opens with a place or a people"))
    if any(w in INSTITUTIONS for w in lowered):
        found.append((-3, "a word of institutions or places"))
    if len(words) == 1 and len(candidate) >= 7 and _COMMON_SHAPE.search(lowered[0]):
        found.append((-2, "shaped like a creed, a party or a common word"))
    if part["italic"].all():
        found.append((-2, "in italics (a title or a foreign word)"))
    if lowered[0] in _SAINT and (part["before"] == "of").all():
        found.append((-3, "of a saint (a church, an order, a place?)"))
    if (is_title(words[-1]) or is_title(words[-1].removesuffix("s"))) and all(
            zipf(w) >= 4.0 for w in lowered[:-1]):
        found.append((-3, "a title, not a name"))
    if part["before"].isin(_BEFORE_PLACE).all() and not part["possessive"].any():
        found.append((-2, f"after ‘{part['before'].iloc[0]}’: a place?"))
    if len(words) == 1 and candidate.endswith("s") and candidate[:-1] in others:
        found.append((-2, f"the plural of {candidate[:-1]}: a group"))
    elif len(words) == 1 and f"{candidate}s" in others:
        found.append((-1, f"its plural {candidate}s names a group"))
    return found
