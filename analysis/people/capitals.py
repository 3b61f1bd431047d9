"""Where a text's capitalised names occur: the runs of capitalised words the detector ranks.

:func:`occurrences` reads the text's tokens a few paragraphs at a time (never
all of them as lists at once) for runs of capitalised words within a sentence,
joined by name particles (*de los*), and gives each run with what stands around
it: a title before it, a verb of speech or thought beside it, a possessive
after it, whether it opens its sentence, is in italics, and the word before
it. :mod:`analysis.people.detector` weighs that evidence. A run that the
register's mentions cover, one inside a bracketed reference or a
cross-reference, and one made wholly of names known not to be people are not
listed; nor is a sentence's first word that is a common word
(:func:`lower_case_words` gives the words the text uses in lower case).

Example:
    >>> smaller = register[register["person_id"] != "clemenceau"]
    >>> found = occurrences(chapter, mentions(chapter, smaller, shared_names), known_names, 4.0,
    ...                     lower_case_words(chapter))
    >>> found[["candidate", "paragraph_id", "initial"]].values.tolist()  # opens its sentence
    [['Clemenceau', 6, True]]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd
from wordfreq import zipf_frequency

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

_BRACKETED = re.compile(r"\[[^\[\]\n]{0,120}\]")
_POSSESSIVE = frozenset({"’s", "'s", "’", "'"})


def lower_case_words(chapter: Chapter) -> set[str]:
    """The words the text uses in lower case (the lower-case form of each word token that
    does not begin with a capital).

    Example:
        >>> used = lower_case_words(chapter)
        >>> "terror" in used, "cheka" in used  # the Cheka is always written with its capital
        (True, False)
    """
    return {lower for chunk in _token_chunks(chapter)
            for token, lower in chunk.loc[chunk["is_word"], ["token", "lower"]]
            .drop_duplicates().itertuples(index=False) if not token[:1].isupper()}


class _Tokens(NamedTuple):
    """The tokens of a text as plain lists (faster to walk than a table), and which are names."""

    sentence: list[int]
    token: list[str]
    lower: list[str]
    start: list[int]
    end: list[int]
    paragraph: list[int]
    name: list[bool]  # an uncovered capitalised word (:func:`_is_name_word`)


#: How many tokens are read at a time (whole paragraphs), so that a long text's tokens are
#: never all held as lists at once.
CHUNK = 50_000


def _token_chunks(chapter: Chapter) -> Iterator[pd.DataFrame]:
    """The chapter's tokens, :data:`CHUNK` or so at a time, each chunk whole paragraphs."""
    tokens, size = chapter.tokens, CHUNK
    pid = tokens["paragraph_id"].to_numpy()
    firsts = np.append(np.flatnonzero(np.r_[True, pid[1:] != pid[:-1]]), len(pid))
    cuts = np.unique(np.r_[0, firsts[np.searchsorted(firsts, np.arange(size, len(pid), size))],
                           len(pid)])
    for a, b in zip(cuts[:-1], cuts[1:]):
        yield tokens.iloc[a:b]


def occurrences(chapter: Chapter, found: pd.DataFrame, known: pd.DataFrame,
                common_zipf: float, lower_used: set[str]) -> pd.DataFrame:
    """Every occurrence of a candidate, with the evidence around it, in text order.

    ``found``: the register's mentions; ``known``: the names that are not people;
    ``common_zipf`` and ``lower_used`` (:func:`lower_case_words`): when a sentence's
    first word is a common word (as for
    :func:`analysis.people.detector.unregistered_names`). Returns ``candidate, start,
    end, paragraph_id, sentence_id, title, speech, possessive, initial, italic,
    before``, one row per occurrence; the headings are not read.
    """
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
    titles = kinds.index[kinds.to_numpy() == "title"]
    known_seqs = {tuple(n.split()) for n in known["name"]}
    strings: dict[str, str] = {}  # one string for each distinct candidate, title, verb ...
    rows = []
    for chunk in _token_chunks(chapter):
        rows += _scan(chunk[~chunk["paragraph_id"].isin(titles).to_numpy()], covered, italic,
                      known_seqs, lower_used, common_zipf, strings)
    return pd.DataFrame(rows, columns=["candidate", "start", "end", "paragraph_id", "sentence_id",
                                       "title", "speech", "possessive", "initial", "italic",
                                       "before"])


def _scan(table: pd.DataFrame, covered: np.ndarray, italic: np.ndarray,
          known_seqs: set[tuple[str, ...]], lower_used: set[str], common_zipf: float,
          strings: dict[str, str]) -> list[tuple]:
    """The occurrences of candidates in ``table``, tokens of whole paragraphs (see
    :func:`occurrences`); ``strings`` keeps one copy of each string the rows hold."""
    toks = table["token"].to_numpy(dtype=object).tolist()
    starts = table["start"].tolist()
    tokens = _Tokens(table["sentence_id"].tolist(), toks,
                     table["lower"].to_numpy(dtype=object).tolist(), starts,
                     table["end"].tolist(), table["paragraph_id"].tolist(),
                     [t[:1].isupper() and w and not covered[a] and _is_name_word(t)
                      for t, a, w in zip(toks, starts, table["is_word"].tolist())])
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
        last_title = max((k for k, w in enumerate(words[:-1]) if is_title(w)), default=-1)
        title = " ".join(words[:last_title + 1])
        i0, words = i0 + last_title + 1, words[last_title + 1:]
        before = near(i0 - 1, sid)
        title = title or (before if is_title(before) else "")
        if _explained(words, known_seqs, longest):
            continue
        after = near(i1, sid)
        verb = next((w for w in (before, after, near(i1 + 1, sid) if after.lower() in _BETWEEN
                                 or after.endswith("ly") else "") if w.lower() in SPEECH_VERBS), "")
        candidate, lowered, one = " ".join(words), before.lower(), strings.setdefault
        rows.append((one(candidate, candidate), starts[i0], ends[i1 - 1], pids[i0], sid,
                     one(title, title), verb, after in _POSSESSIVE, initial and not title,
                     bool(italic[starts[i0]]), one(lowered, lowered)))
    return rows


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
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
    return zipf(lower) >= common_zipf and not named_next


def _is_name_word(token: str) -> bool:
    """A capitalised word, not a function word, a month or day, nor a word in capitals (``MY``,
    ``FOOTNOTES``)."""
    return (token[:1].isupper() and token.lower() not in FUNCTION_WORDS
            and token.lower() not in CALENDAR
            and not (token.isupper() and sum(c.isalpha() for c in token) > 1))


def is_title(word: str) -> bool:
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
