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
    >>> len(unregistered_names(chapter, mentions(chapter, register), known_names))
    0
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
from wordfreq import zipf_frequency

from analysis.errors import DataFileError
from analysis.text import Chapter
from analysis.text.layout import italic_spans
from analysis.text.segment import CROSS_REFERENCE

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
ten meanwhile yesterday today tomorrow thus hence later soon perhaps afterwards sometimes
suddenly finally instead indeed certainly therefore moreover nevertheless however""".split())

#: Lower-case words that may join the parts of one name (``Fernando de los Rios``).
NAME_PARTICLES = frozenset({"de", "los", "la", "las", "del", "di", "da", "du", "des", "von",
                            "van", "der", "den", "le"})

#: Months and weekdays (with their plurals and usual abbreviations), never a person here.
CALENDAR = frozenset("""january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays
sundays""".split())

#: Titles that announce a person's name (not *St.*, as *St. Anne* is mostly a church).
TITLES = frozenset("""general madame mme madam mademoiselle mlle monsieur m comrade professor prof
doctor dr mr mrs ms miss sir lord lady prince princess count countess baron baroness tsar czar
tsarina emperor empress king queen colonel captain major lieutenant admiral marshal sergeant
father mother sister citizen herr frau signor signora don dona president minister commissar
chairman secretary ambassador premier chancellor governor senator deputy bishop archbishop
patriarch archpriest metropolitan""".split())

#: Verbs of speech or thought — beside a name (*Lenin said*, *told Trotsky*), a sign of a person.
SPEECH_VERBS = frozenset("""said says say told tells wrote writes thought thinks replied replies
answered answers asked asks declared declares cried exclaimed remarked remarks added explained
explains insisted insists admitted admits believed believes spoke speaks argued argues observed
suggested whispered shouted laughed smiled knew knows felt feels hoped hopes feared fears
proposed proposes announced protested promised promises wished wishes urged begged""".split())

#: Words that may stand between a name and its verb (*Lenin then said*, *Gorky had written*).
_BETWEEN = frozenset("then also once later still had has have would will himself herself".split())

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
_BRACKETED = re.compile(r"\[[^\[\]\n]{0,120}\]")
_POSSESSIVE = frozenset({"’s", "'s", "’", "'"})
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
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataFileError(f"{file}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{file}: cannot be read as UTF-8 text ({exc})") from exc
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
        >>> unregistered_names(chapter, mentions(chapter, smaller), known_names)[
        ...     ["candidate", "count", "paragraphs"]].values.tolist()
        [['Clemenceau', 1, '6']]
    """
    words = chapter.words
    lower_used = {lower for token, lower in zip(words["token"].to_numpy(dtype=object),
                                                words["lower"].to_numpy(dtype=object))
                  if not token[:1].isupper()}
    occurrences = _occurrences(chapter, found, known, common_zipf, lower_used)
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


class _Tokens(NamedTuple):
    """The tokens of a text as plain lists (faster to walk than a table), and which are names."""

    sentence: list[int]
    token: list[str]
    lower: list[str]
    start: list[int]
    end: list[int]
    paragraph: list[int]
    name: list[bool]  # an uncovered capitalised word (:func:`_is_name_word`)


def _occurrences(chapter: Chapter, found: pd.DataFrame, known: pd.DataFrame,
                 common_zipf: float, lower_used: set[str]) -> pd.DataFrame:
    """Every occurrence of a candidate, with the evidence around it, in text order."""
    text = chapter.seed_text
    covered = np.zeros(len(text) + 1, dtype=bool)
    for a, b in found[["start", "end"]].itertuples(index=False):
        covered[a:b] = True
    kinds = chapter.paragraphs.set_index("paragraph_id")["kind"]
    for row in chapter.paragraphs.itertuples(index=False):
        references = [*CROSS_REFERENCE.finditer(text, row.start, row.end)]
        if row.kind != "editorial":
            references += _BRACKETED.finditer(text, row.start, row.end)
        for m in references:
            covered[m.start():m.end()] = True
    italic = np.zeros(len(text) + 1, dtype=bool)
    for a, b in italic_spans(text):
        italic[a:b] = True
    table = chapter.tokens[(chapter.tokens["paragraph_id"].map(kinds) != "title").to_numpy()]
    toks = table["token"].to_numpy(dtype=object).tolist()
    starts = table["start"].tolist()
    tokens = _Tokens(table["sentence_id"].tolist(), toks,
                     table["lower"].to_numpy(dtype=object).tolist(), starts,
                     table["end"].tolist(), table["paragraph_id"].tolist(),
                     [t[:1].isupper() and w and not covered[a] and _is_name_word(t)
                      for t, a, w in zip(toks, starts, table["is_word"].tolist())])
    known_seqs = {tuple(n.split()) for n in known["name"]}
    longest = max((len(k) for k in known_seqs), default=1)
    sids, ends, pids = tokens.sentence, tokens.end, tokens.paragraph

    def near(i: int, sid: int) -> str:
        return toks[i] if 0 <= i < len(toks) and sids[i] == sid else ""

    rows = []
    for i0, i1, initial in _capitalised_runs(tokens, table["is_word"].tolist(), lower_used,
                                             common_zipf):
        sid = sids[i0]
        words = toks[i0:i1]
        if _explained(words, known_seqs, longest):  # a known name with its title: *Lord God*
            continue
        last_title = max((k for k, w in enumerate(words[:-1]) if _is_title(w)), default=-1)
        title = " ".join(words[:last_title + 1])
        i0, words = i0 + last_title + 1, words[last_title + 1:]
        before = near(i0 - 1, sid)
        title = title or (before if _is_title(before) else "")
        if _explained(words, known_seqs, longest):
            continue
        after = near(i1, sid)
        verb = next((w for w in (before, after, near(i1 + 1, sid) if after.lower() in _BETWEEN
                                 or after.endswith("ly") else "") if w.lower() in SPEECH_VERBS), "")
        rows.append((" ".join(words), starts[i0], ends[i1 - 1], pids[i0], sid, title, verb,
                     after in _POSSESSIVE, initial and not title, bool(italic[starts[i0]]),
                     before.lower()))
    return pd.DataFrame(rows, columns=["candidate", "start", "end", "paragraph_id", "sentence_id",
                                       "title", "speech", "possessive", "initial", "italic",
                                       "before"])


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
    frequency = _zipf(lowered[-1])  # a surname's, not a first name's (*Bill Haywood*)
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
    if (_is_title(words[-1]) or _is_title(words[-1].removesuffix("s"))) and all(
            _zipf(w) >= 4.0 for w in lowered[:-1]):
        found.append((-3, "a title, not a name"))
    if part["before"].isin(_BEFORE_PLACE).all() and not part["possessive"].any():
        found.append((-2, f"after ‘{part['before'].iloc[0]}’: a place?"))
    if len(words) == 1 and candidate.endswith("s") and candidate[:-1] in others:
        found.append((-2, f"the plural of {candidate[:-1]}: a group"))
    elif len(words) == 1 and f"{candidate}s" in others:
        found.append((-1, f"its plural {candidate}s names a group"))
    return found


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    """The word's Zipf frequency in general English (``wordfreq``), cached."""
    return zipf_frequency(word, "en")


def _capitalised_runs(tokens: _Tokens, is_words: list[bool], lower_used: set[str],
                      common_zipf: float) -> list[tuple[int, int, bool]]:
    """Runs of capitalised words within sentences: ``(first, last + 1, opens its sentence)``.

    Positions index ``tokens``. A sentence's capitalised first word that is a
    common word (:func:`_common_opening`) is not a name.
    """
    out: list[tuple[int, int, bool]] = []
    first, opens, sentence, seen_word = -1, False, None, False
    lowers = tokens.lower

    def close(at: int) -> None:
        nonlocal first
        while at > first >= 0 and lowers[at - 1] in NAME_PARTICLES:
            at -= 1
        if 0 <= first < at:
            out.append((first, at, opens))
        first = -1

    for i, sid in enumerate(tokens.sentence):
        if sid != sentence:
            close(i)
            sentence, seen_word = sid, False
        initial = is_words[i] and not seen_word
        seen_word = seen_word or is_words[i]
        if tokens.name[i] and not (initial and _common_opening(i, tokens, lower_used,
                                                               common_zipf)):
            if first < 0:
                first, opens = i, initial
        elif first >= 0 and lowers[i] not in NAME_PARTICLES:
            close(i)
    close(len(tokens.sentence))
    return out


def _common_opening(i: int, tokens: _Tokens, lower_used: set[str], common_zipf: float) -> bool:
    """True if the sentence's first word, at ``i``, is a common word, not a name.

    It is one if the text uses it in lower case, or if it is common in English
    and not followed by another name word (*Anna* in *Anna Weber came* is a
    first name; *Poor* in *Poor Kerensky* is used in lower case elsewhere).
    """
    lower = tokens.lower[i]
    if lower in lower_used or lower.endswith("ly"):
        return True
    named_next = (i + 1 < len(tokens.name) and tokens.name[i + 1]
                  and tokens.sentence[i + 1] == tokens.sentence[i])
    return _zipf(lower) >= common_zipf and not named_next


def _is_name_word(token: str) -> bool:
    """A capitalised word, not a function word, a month or day, nor a word in capitals (``MY``,
    ``FOOTNOTES``)."""
    return (token[:1].isupper() and token.lower() not in FUNCTION_WORDS
            and token.lower() not in CALENDAR
            and not (token.isupper() and sum(c.isalpha() for c in token) > 1))


def _is_title(word: str) -> bool:
    """A title before a name (``Mr.``, ``General``)."""
    return word.lower().rstrip(".") in TITLES and word[:1].isupper()


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
