"""Finding the lexicon's terms in the text, every hit with its offsets.

:func:`lexicon_hits` searches each theme's terms together (one compiled
pattern per theme), so that within a theme hits never overlap;
:func:`expansion_terms` finds the words the chapter itself uses significantly
often near a theme's core terms; :func:`theme_hits` is both, the table the
scores are built from (exported as ``theme_hits.csv``).

Example:
    >>> hits = theme_hits(chapter, lexicon)
    >>> hits.groupby("theme").size().to_dict()
    {'free_thought': 79, 'nep': 46, 'terror': 80}
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pandas as pd

from analysis import stats
from analysis.errors import DataFileError
from analysis.text import Chapter
from analysis.themes import vocabulary
from analysis.themes.lexicon import Lexicon, term_regex


_HIT_COLUMNS = ["theme", "term", "sentence_id", "paragraph_id", "start", "end", "match",
                "weight", "source"]


def lexicon_hits(chapter: Chapter, lexicon: Lexicon) -> pd.DataFrame:
    """The lexicon's terms found in the text; within a theme, hits never overlap.

    Each theme's terms are searched together, left to right: where several
    could match at the same place, the term of more words wins, then the one
    listed first, and ``/pattern/`` terms come last (so "New Economic Policy"
    counts once, not also as ``econom*``). Themes are searched independently:
    a word may count for two.
    Columns as :func:`theme_hits`, with ``source`` = ``"lexicon"``.

    Example:
        >>> hits = lexicon_hits(chapter, lexicon)
        >>> hits[hits["term"] == "New Economic Policy"]["paragraph_id"].tolist()
        [4, 35]
    """
    found = []
    for theme in lexicon.names:
        terms = lexicon.terms[lexicon.terms["theme"] == theme]
        terms = terms.assign(
            pattern=terms["term"].str.match(r"^/.+/$"), n_words=terms["term"].str.split().str.len(),
        ).sort_values(["pattern", "n_words"], ascending=[True, False], kind="stable")
        regexes = [_lower_case_regex(t) for t in terms["term"]]
        hits = _bounded_find(chapter, regexes, terms, lexicon, theme)
        which: dict[str, int] = {}
        index = [which.setdefault(m, _which(regexes, m)) for m in hits["match"].str.lower()]
        found.append(hits.assign(theme=theme, term=terms["term"].to_numpy()[index],
                                 weight=terms["weight"].to_numpy()[index]))
    hits = pd.concat(found, ignore_index=True).assign(source="lexicon")
    return _order_hits(hits.astype({c: _dtype(c) for c in _HIT_COLUMNS}))


#: Seconds a theme's search may take — this much, plus as much again per million characters.
SEARCH_SECONDS = 3.0


class _TooSlow(Exception):
    """The search ran out of time."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Stop the block with :class:`_TooSlow` after ``seconds`` (the regular expression engine
    checks for signals as it backtracks); no limit outside the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    began = time.monotonic()
    earlier, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if earlier:  # a timer someone else set: it runs on
            signal.setitimer(signal.ITIMER_REAL, max(earlier - (time.monotonic() - began), 1e-3))


def _bounded_find(chapter: Chapter, regexes: list[re.Pattern[str]], terms: pd.DataFrame,
                  lexicon: Lexicon, theme: str) -> pd.DataFrame:
    """Search a theme's terms together, in bounded time; refuse the ``/pattern/`` term that
    backtracks without end (such as ``/(.|\\s)+@/``), naming it.

    Raises:
        DataFileError: the search took more than :data:`SEARCH_SECONDS` (and as
            much again per million characters); the message names the first
            ``/pattern/`` term that takes that long alone.
    """
    seconds = SEARCH_SECONDS * (1 + len(chapter.text) / 1e6)
    try:
        with _time_limit(seconds):
            return chapter.find(_alternation(regexes), lowercase=True)
    except _TooSlow:
        pass
    slow = None
    for regex, (term, line) in zip(regexes, terms[["term", "line"]].itertuples(index=False)):
        if term.startswith("/"):
            try:
                with _time_limit(seconds):
                    chapter.find(regex.pattern, regex.flags, lowercase=True)
            except _TooSlow:
                slow = (term, line)
                break
    term, line = slow or (", ".join(t for t in terms["term"] if t.startswith("/")), None)
    where = f"line {line}" if line is not None and not pd.isna(line) else f"[{theme}]"
    raise DataFileError(
        f"{lexicon.path}: {where}: [{theme}] key 'term': {term} takes more than {seconds:.0f} s "
        "to search the text (a repeat in it can match the same characters in many ways, as "
        "(.|\\s)+ or .*.*.* do); write it so that each character is matched one way only")


def _lower_case_regex(term: str) -> re.Pattern[str]:
    """A term's regex for lower-case text: its query lower-cased, or its ``/pattern/`` ignoring case."""
    if term.startswith("/") and term.endswith("/") and len(term) > 2:
        return re.compile(term_regex(term).pattern, re.IGNORECASE)
    return re.compile(term_regex(term.lower()).pattern)


def _alternation(regexes: list[re.Pattern[str]]) -> str:
    """One pattern trying the given ones in order; the shared word-start check comes first.

    Patterns compiled to ignore case keep that inside their own group, so that
    the others can run, faster, on lower-case text.
    """
    head = r"(?<!\w)"

    def body(regex: re.Pattern[str], pattern: str) -> str:
        return f"(?i:{pattern})" if regex.flags & re.IGNORECASE else f"(?:{pattern})"

    starts = [r for r in regexes if r.pattern.startswith(head)]
    plain = [body(r, r.pattern[len(head):]) for r in starts]
    other = [body(r, r.pattern) for r in regexes if not r.pattern.startswith(head)]
    first = {r.pattern[len(head):len(head) + 1] for r in starts}
    ahead = (f"(?=[{''.join(sorted(first))}])"
             if first and all(c.isalnum() and c.islower() for c in first)
             and not any(r.flags & re.IGNORECASE for r in starts) else "")
    return "|".join(([head + ahead + "(?:" + "|".join(plain) + ")"] if plain else []) + other)


def _which(regexes: list[re.Pattern[str]], match: str) -> int:
    """The index of the first pattern that matches the whole of ``match`` (in lower case).

    A ``/pattern/`` whose look-around needs the surrounding text may not match
    the bare hit: it is then the first that matches part of it.
    """
    for test in (re.Pattern.fullmatch, re.Pattern.search):
        for i, regex in enumerate(regexes):
            if test(regex, match):
                return i
    return 0


def _dtype(column: str) -> str:
    """The dtype of an empty hit column."""
    return "float64" if column == "weight" else (
        "int64" if column in ("sentence_id", "paragraph_id", "start", "end") else "object")


def _order_hits(hits: pd.DataFrame) -> pd.DataFrame:
    """Hits in text order (then by theme), with the public columns."""
    return (hits.sort_values(["start", "theme", "end"], kind="stable")[_HIT_COLUMNS]
            .reset_index(drop=True))


def _context_sentences(chapter: Chapter, sentence_ids: pd.Series, reach: int) -> np.ndarray:
    """Sentence ids within ``reach`` sentences of the given ones, in the same paragraph."""
    para = chapter.sentences.set_index("sentence_id")["paragraph_id"]
    seeds = np.unique(sentence_ids.to_numpy())
    steps = np.arange(-reach, reach + 1)
    near = (seeds[:, None] + steps).ravel()
    home = np.repeat(seeds, len(steps))
    valid = np.isin(near, para.index.to_numpy())
    near, home = near[valid], home[valid]
    return np.unique(near[para.loc[near].to_numpy() == para.loc[home].to_numpy()])


def expansion_terms(chapter: Chapter, lexicon: Lexicon, hits: pd.DataFrame, *, reach: int = 1,
                    min_count: int = 3, threshold: float = 10.83, max_terms: int = 15,
                    weight: float = 1.0, stopwords: frozenset[str] = frozenset()
                    ) -> pd.DataFrame:
    """Words the chapter uses significantly often near each theme's core terms.

    ``hits`` are the lexicon's hits (:func:`lexicon_hits`). The theme's context
    is every sentence holding a core-term hit plus ``reach``
    sentences either side within the paragraph (the narrative only). A word
    joins the theme when it occurs at least ``min_count`` times in that context,
    more often than expected, with log-likelihood ``>= threshold`` (10.83 is
    p < 0.001 on one degree of freedom); at most ``max_terms`` per theme, the
    strongest first. The ``stopwords``, words of fewer than three letters, and words
    that any lexicon term already finds are left out.

    Returns ``theme, term, observed, expected, log_likelihood, weight``.

    Example:
        >>> hits = lexicon_hits(chapter, lexicon)
        >>> expansion_terms(chapter, lexicon, hits, stopwords=stopwords).empty  # one chapter is too short for the test
        True
        >>> loose = expansion_terms(chapter, lexicon, hits, min_count=2, threshold=6.63,
        ...                         stopwords=stopwords)
        >>> loose.loc[loose["theme"] == "terror", "term"].head(4).tolist()
        ['aaron', 'chorny', 'efforts', 'energy']
    """
    lex = lexicon
    words = vocabulary.lexical_words(chapter)
    covered = vocabulary.node_word_spans(words, hits)
    taken = np.zeros(len(words), dtype=bool)
    for first, last in covered.itertuples(index=False):
        taken[first:last + 1] = True
    lexicon_words = set(words["word"][taken])
    core_terms = lex.terms.loc[lex.terms["core"], ["theme", "term"]]
    rows = []
    for theme in lex.names:
        core = hits[(hits["theme"] == theme)
                    & hits["term"].isin(core_terms.loc[core_terms["theme"] == theme, "term"])]
        if core.empty:
            continue
        inside = words["sentence_id"].isin(_context_sentences(chapter, core["sentence_id"], reach))
        n_in, n_all = int(inside.sum()), len(words)
        c_in = words["word"][inside].value_counts()
        c_all = words["word"].value_counts().reindex(c_in.index)
        o11 = c_in.to_numpy(dtype=float)
        c1 = c_all.to_numpy(dtype=float)
        g2 = stats.log_likelihood(o11, n_in - o11, c1 - o11, n_all - n_in - (c1 - o11))
        table = pd.DataFrame({"theme": theme, "term": c_in.index, "observed": c_in.to_numpy(),
                              "expected": n_in * c1 / n_all, "log_likelihood": g2})
        keep = ((table["observed"] >= min_count) & (table["observed"] > table["expected"])
                & (table["log_likelihood"] >= threshold) & (table["term"].str.len() >= 3)
                & ~table["term"].isin(stopwords) & ~table["term"].isin(lexicon_words))
        rows.append(table[keep].sort_values(["log_likelihood", "term"], ascending=[False, True])
                    .head(max_terms))
    columns = ["theme", "term", "observed", "expected", "log_likelihood", "weight"]
    if not rows:
        return pd.DataFrame(columns=columns).astype({"observed": "int64", "expected": float,
                                                     "log_likelihood": float, "weight": float})
    return pd.concat(rows, ignore_index=True).assign(weight=float(weight))[columns]


def theme_hits(chapter: Chapter, lexicon: Lexicon, *, expand: bool = True,
               stopwords: frozenset[str] = frozenset()) -> pd.DataFrame:
    """Every theme hit, one row each, in text order.

    Columns: ``theme, term, sentence_id, paragraph_id, start, end, match,
    weight, source``.

    ``term`` is the lexicon entry (or expansion word) that fired, ``match`` the
    text it matched, ``source`` ``"lexicon"`` or ``"expansion"`` (see
    :func:`expansion_terms`; ``expand=False`` leaves those out). This is
    ``theme_hits.csv`` in the export.

    Example:
        >>> hit = theme_hits(chapter, lexicon).query("term == 'official truth'").iloc[0]
        >>> chapter.seed_text[hit.start:hit.end], int(hit.paragraph_id)
        ('official truth', 16)
    """
    hits = lexicon_hits(chapter, lexicon)
    if not expand:
        return hits
    extra = expansion_terms(chapter, lexicon, hits, stopwords=stopwords)
    words = vocabulary.lexical_words(chapter)
    words = words[words["word"].isin(extra["term"]).to_numpy()]  # merge only the rows that join
    found = words.merge(extra[["theme", "term", "weight"]], left_on="word", right_on="term")
    found = found.assign(match=[chapter.established(a, b)
                                for a, b in zip(found["start"], found["end"])],
                         source="expansion")
    return _order_hits(pd.concat([hits, found[_HIT_COLUMNS]], ignore_index=True))
