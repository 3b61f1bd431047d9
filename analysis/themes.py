"""Themes: terror, the New Economic Policy and free thought, measured and located.

The lexicon (``analysis/data/themes.toml``, see :func:`load_lexicon`) lists each
theme's terms with weights. :func:`theme_hits` finds them in the text, every hit
with its offsets; the scores derive from the hits alone, so any score can be
traced back to the words that made it (:func:`explain`).

Three ways of scoring a unit (paragraph or sentence), from the bare baseline to
the method the book uses (``method=``):

- ``count``: the number of lexicon hits (the bare keyword count);
- ``density``: weighted hits per 100 words, ``100·Σw / (n + prior_words)``: the
  ``prior_words`` (25) shrink the rate of very short units toward zero, so that
  one hit in a four-word line does not outrank a paragraph that keeps naming
  the theme;
- ``context`` (the default): the density after two steps that let a unit
  inherit its theme from its surroundings, for the passages that never name it:

  1. *expansion* (:func:`expansion_terms`): words that the chapter itself uses
     significantly more often near the theme's core terms (log-likelihood,
     p < 0.001, at least three times) join the lexicon with weight 1;
  2. *smoothing*: each sentence's hits and words are spread over the
     neighbouring sentences with weights ``decay**distance`` (up to ``reach``
     sentences away), times ``boundary`` for each paragraph break crossed;
     the editor's notes and the titles are neither bridged nor smoothed into
     the narrative. A unit's score is the same rate, computed on the spread
     hits and words.

``expanded`` and ``smoothed`` apply one step only (to show what each adds).
The parameters were set before the scores were compared with the hand
annotation (:func:`load_annotation`, :func:`agreement`), except ``boundary``:
set at 0.5 beforehand, it was lowered to 0.1 (a paragraph break is a change of
subject; the neighbours should break ties, not outvote the paragraph's own
words) after that comparison, as the book reports.

Example:
    >>> from analysis import load_chapter
    >>> ch = load_chapter()
    >>> scores = paragraph_scores(ch)
    >>> list(scores.columns)
    ['paragraph_id', 'start', 'end', 'terror', 'nep', 'free_thought']
    >>> scores.set_index("paragraph_id").loc[49, ["terror", "nep", "free_thought"]].idxmax()
    'free_thought'
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from analysis import reading
from analysis.csvtable import read_csv_table
from analysis.errors import DataFileError
from analysis.source import data_path
from analysis.text import Chapter

#: The scoring methods, from the baseline to the default.
METHODS: tuple[str, ...] = ("count", "density", "expanded", "smoothed", "context")

#: Weight from which a lexicon term is a core term.
CORE_WEIGHT = 3.0

#: Scoring parameters (see the module's description).
PRIOR_WORDS = 25.0
DECAY = 0.5
REACH = 3
BOUNDARY = 0.1

_THEME_KEY = re.compile(r"[a-z][a-z0-9_]*")
_THEME_FIELDS = {"label", "description", "terms"}
_TERM_FIELDS = {"term", "weight", "note"}
_HIT_COLUMNS = ["theme", "term", "sentence_id", "paragraph_id", "start", "end", "match",
                "weight", "source"]


@dataclass(frozen=True)
class Lexicon:
    """A validated theme lexicon.

    - ``themes``: ``theme, label, description`` in file order;
    - ``terms``: ``theme, term, weight, core, note, line`` (``line`` in the file).

    Example:
        >>> lex = load_lexicon()
        >>> lex.themes["theme"].tolist()
        ['terror', 'nep', 'free_thought']
    """

    themes: pd.DataFrame
    terms: pd.DataFrame
    path: Path

    @property
    def names(self) -> list[str]:
        """The theme keys, in file order (the score columns)."""
        return self.themes["theme"].tolist()


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read and validate a theme lexicon (``analysis/data/themes.toml`` by default).

    Raises:
        DataFileError: naming the file, the line (where it can be found) and the
            key: a TOML syntax error, a theme key that is not a lower-case
            identifier, a missing or empty ``description`` or ``terms``, an
            unknown key, a term that is empty, duplicated within its theme or not
            a valid query (:func:`analysis.reading.term_regex`), a weight that is
            not a positive number.

    Example:
        >>> terms = load_lexicon().terms
        >>> truth = terms[terms["term"] == "official truth"]
        >>> truth[["theme", "weight", "core"]].values.tolist()
        [['free_thought', 3.0, True]]
    """
    file = Path(path) if path is not None else data_path("themes.toml")
    try:
        raw = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{file}: cannot be read as UTF-8 text ({exc})") from exc
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{file}: not valid TOML: {exc}") from exc
    lines = raw.splitlines()
    if not data:
        raise DataFileError(f"{file}: no theme defined")
    themes, terms = [], []
    for theme, entry in data.items():
        head = _line_of(lines, f"[{theme}]")
        where = f"{file}: line {head}" if head else f"{file}"
        if not _THEME_KEY.fullmatch(theme) or not isinstance(entry, dict):
            raise DataFileError(f"{where}: theme [{theme}] must be a table whose key is a "
                                "lower-case identifier (letters, digits, '_')")
        unknown = set(entry) - _THEME_FIELDS
        if unknown:
            raise DataFileError(f"{where}: theme [{theme}]: unknown key '{sorted(unknown)[0]}' "
                                f"(allowed: {', '.join(sorted(_THEME_FIELDS))})")
        description = entry.get("description")
        if not isinstance(description, str) or not description.strip():
            raise DataFileError(f"{where}: theme [{theme}], key 'description': "
                                "missing or empty (say what the theme covers)")
        entries = entry.get("terms")
        if not isinstance(entries, list) or not entries:
            raise DataFileError(f"{where}: theme [{theme}], key 'terms': missing or empty")
        label = entry.get("label", theme)
        if not isinstance(label, str) or not label.strip():
            raise DataFileError(f"{where}: theme [{theme}], key 'label': not a text")
        themes.append((theme, label, " ".join(description.split())))
        seen: set[str] = set()
        for number, item in enumerate(entries, start=1):
            terms.append(_validate_term(file, lines, head, theme, number, item, seen))
    return Lexicon(
        themes=pd.DataFrame(themes, columns=["theme", "label", "description"]),
        terms=pd.DataFrame(terms, columns=["theme", "term", "weight", "core", "note", "line"])
        .astype({"line": "Int64"}),
        path=file,
    )


def _validate_term(file: Path, lines: list[str], head: int | None, theme: str, number: int,
                   item: object, seen: set[str]) -> tuple:
    """Check one lexicon entry; return its row or raise a DataFileError naming it."""
    term = item.get("term") if isinstance(item, dict) else None
    line = None
    if isinstance(term, str) and term:  # as written in the file: backslashes doubled
        line = (_line_of(lines, f'"{term}"', after=head)
                or _line_of(lines, '"' + term.replace("\\", "\\\\") + '"', after=head))
    where = f"{file}: line {line}" if line else f"{file}: [{theme}] term {number}"
    if not isinstance(item, dict):
        raise DataFileError(f"{where}: [{theme}] term {number} must be a table "
                            '{ term = "...", weight = N }')
    unknown = set(item) - _TERM_FIELDS
    if unknown:
        raise DataFileError(f"{where}: [{theme}] term {number}: unknown key "
                            f"'{sorted(unknown)[0]}' (allowed: {', '.join(sorted(_TERM_FIELDS))})")
    if not isinstance(term, str) or not term.strip():
        raise DataFileError(f"{where}: [{theme}] term {number}, key 'term': missing or empty")
    if term.strip().lower() in seen:
        raise DataFileError(f"{where}: [{theme}] key 'term': {term!r} is listed twice")
    seen.add(term.strip().lower())
    try:
        reading.term_regex(term)
    except ValueError as exc:
        raise DataFileError(f"{where}: [{theme}] key 'term': {exc}") from exc
    weight = item.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not weight > 0:
        raise DataFileError(f"{where}: [{theme}] term {term!r}, key 'weight': "
                            f"{weight!r} is not a positive number")
    note = item.get("note", "")
    if not isinstance(note, str):
        raise DataFileError(f"{where}: [{theme}] term {term!r}, key 'note': not a text")
    return theme, term.strip(), float(weight), float(weight) >= CORE_WEIGHT, note, line


def _line_of(lines: list[str], needle: str, after: int | None = None) -> int | None:
    """The 1-based number of the first line (after line ``after``) holding ``needle``."""
    for number, line in enumerate(lines, start=1):
        if number > (after or 0) and needle in line:
            return number
    return None


def lexicon_hits(chapter: Chapter, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """The lexicon's terms found in the text; within a theme, hits never overlap.

    Each theme's terms are searched together, left to right: where several
    could match at the same place, the term of more words wins, then the one
    listed first, and ``/pattern/`` terms come last (so "New Economic Policy"
    counts once, not also as ``econom*``). Themes are searched independently:
    a word may count for two.
    Columns as :func:`theme_hits`, with ``source`` = ``"lexicon"``.

    Example:
        >>> from analysis import load_chapter
        >>> hits = lexicon_hits(load_chapter())
        >>> hits[hits["term"] == "New Economic Policy"]["paragraph_id"].tolist()
        [4, 35]
    """
    lex = lexicon if lexicon is not None else load_lexicon()
    found = []
    for theme in lex.names:
        terms = lex.terms[lex.terms["theme"] == theme]
        terms = terms.assign(
            pattern=terms["term"].str.match(r"^/.+/$"), n_words=terms["term"].str.split().str.len(),
        ).sort_values(["pattern", "n_words"], ascending=[True, False], kind="stable")
        regexes = [reading.term_regex(t) for t in terms["term"]]
        hits = chapter.find(_alternation(regexes), re.IGNORECASE)
        which = [_which(regexes, m) for m in hits["match"]]
        found.append(hits.assign(theme=theme, term=terms["term"].to_numpy()[which],
                                 weight=terms["weight"].to_numpy()[which]))
    hits = pd.concat(found, ignore_index=True).assign(source="lexicon")
    return _order_hits(hits.astype({c: _dtype(c) for c in _HIT_COLUMNS}))


def _alternation(regexes: list[re.Pattern[str]]) -> str:
    """One pattern trying the given ones in order; the shared word-start check comes first."""
    head = r"(?<!\w)"
    plain = [r.pattern[len(head):] for r in regexes if r.pattern.startswith(head)]
    other = [r.pattern for r in regexes if not r.pattern.startswith(head)]
    parts = ([head + "(?:" + "|".join(f"(?:{p})" for p in plain) + ")"] if plain else []) \
        + [f"(?:{p})" for p in other]
    return "|".join(parts)


def _which(regexes: list[re.Pattern[str]], match: str) -> int:
    """The index of the first pattern that matches the whole of ``match``.

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


def expansion_terms(chapter: Chapter, lexicon: Lexicon | None = None, *, reach: int = 1,
                    min_count: int = 3, threshold: float = 10.83, max_terms: int = 15,
                    weight: float = 1.0) -> pd.DataFrame:
    """Words the chapter uses significantly often near each theme's core terms.

    The theme's context is every sentence holding a core-term hit plus ``reach``
    sentences either side within the paragraph (Serge's narrative only). A word
    joins the theme when it occurs at least ``min_count`` times in that context,
    more often than expected, with log-likelihood ``>= threshold`` (10.83 is
    p < 0.001 on one degree of freedom); at most ``max_terms`` per theme, the
    strongest first. Stop words, words of fewer than three letters, and words
    that any lexicon term already finds are left out.

    Returns ``theme, term, observed, expected, log_likelihood, weight``.

    Example:
        >>> from analysis import load_chapter
        >>> ch = load_chapter()
        >>> expansion_terms(ch).empty  # one chapter is too short to pass the test
        True
        >>> loose = expansion_terms(ch, min_count=2, threshold=6.63)
        >>> loose.loc[loose["theme"] == "terror", "term"].head(4).tolist()
        ['since', 'aaron', 'chorny', 'efforts']
    """
    lex = lexicon if lexicon is not None else load_lexicon()
    hits = lexicon_hits(chapter, lex)
    words = reading.lexical_words(chapter)
    covered = reading.node_word_spans(words, hits)
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
        g2 = reading.log_likelihood(o11, n_in - o11, c1 - o11, n_all - n_in - (c1 - o11))
        table = pd.DataFrame({"theme": theme, "term": c_in.index, "observed": c_in.to_numpy(),
                              "expected": n_in * c1 / n_all, "log_likelihood": g2})
        keep = ((table["observed"] >= min_count) & (table["observed"] > table["expected"])
                & (table["log_likelihood"] >= threshold) & (table["term"].str.len() >= 3)
                & ~table["term"].isin(reading.stopwords()) & ~table["term"].isin(lexicon_words))
        rows.append(table[keep].sort_values(["log_likelihood", "term"], ascending=[False, True])
                    .head(max_terms))
    columns = ["theme", "term", "observed", "expected", "log_likelihood", "weight"]
    if not rows:
        return pd.DataFrame(columns=columns)
    return pd.concat(rows, ignore_index=True).assign(weight=float(weight))[columns]


def theme_hits(chapter: Chapter, lexicon: Lexicon | None = None, *,
               expand: bool = True) -> pd.DataFrame:
    """Every theme hit, one row each, in text order.

    Columns: ``theme, term, sentence_id, paragraph_id, start, end, match,
    weight, source``.

    ``term`` is the lexicon entry (or expansion word) that fired, ``match`` the
    text it matched, ``source`` ``"lexicon"`` or ``"expansion"`` (see
    :func:`expansion_terms`; ``expand=False`` leaves those out). This is
    ``theme_hits.csv`` in the export.

    Example:
        >>> from analysis import load_chapter
        >>> ch = load_chapter()
        >>> hit = theme_hits(ch).query("term == 'official truth'").iloc[0]
        >>> ch.seed_text[hit.start:hit.end], int(hit.paragraph_id)
        ('official truth', 16)
    """
    lex = lexicon if lexicon is not None else load_lexicon()
    hits = lexicon_hits(chapter, lex)
    if not expand:
        return hits
    extra = expansion_terms(chapter, lex)
    words = reading.lexical_words(chapter)
    found = words.merge(extra[["theme", "term", "weight"]], left_on="word", right_on="term")
    found = found.assign(match=[chapter.established(a, b)
                                for a, b in zip(found["start"], found["end"])],
                         source="expansion")
    return _order_hits(pd.concat([hits, found[_HIT_COLUMNS]], ignore_index=True))


def _evidence(chapter: Chapter, hits: pd.DataFrame, themes: list[str],
              weighted: bool) -> pd.DataFrame:
    """Per sentence: ``n_words`` and the (weighted) hit sum of each theme."""
    sents = chapter.sentences[["sentence_id", "paragraph_id"]].copy()
    sents["n_words"] = sents["sentence_id"].map(
        chapter.words.groupby("sentence_id").size()).fillna(0).to_numpy()
    value = hits["weight"] if weighted else 1.0
    sums = hits.assign(value=value).groupby(["sentence_id", "theme"])["value"].sum()
    for theme in themes:
        mine = sums[sums.index.get_level_values("theme") == theme].droplevel("theme")
        sents[theme] = sents["sentence_id"].map(mine).fillna(0.0).to_numpy()
    return sents


def sentence_kernel_pairs(chapter: Chapter, *, decay: float = DECAY, reach: int = REACH,
                          boundary: float = BOUNDARY) -> pd.DataFrame:
    """The smoothing kernel as pairs: ``sentence_id, neighbour_id, weight`` (weight 1 on itself).

    Neighbours are sentences of the same stream (the narrative, or one editorial
    note, or one title) at most ``reach`` sentences away; the weight is
    ``decay**distance * boundary**(paragraph breaks crossed)``.

    Example:
        >>> from analysis import load_chapter
        >>> k = sentence_kernel_pairs(load_chapter())
        >>> k[k["sentence_id"] == 11].set_index("neighbour_id")["weight"].to_dict()
        {8: 0.125, 9: 0.25, 10: 0.5, 11: 1.0, 12: 0.05, 13: 0.025, 14: 0.0125}
    """
    kind = chapter.paragraphs.set_index("paragraph_id")["kind"]
    sents = chapter.sentences[["sentence_id", "paragraph_id"]].copy()
    is_narr = (sents["paragraph_id"].map(kind) == "narrative").to_numpy()
    sents["stream"] = np.where(is_narr, 0, sents["paragraph_id"].to_numpy())
    sents = sents.sort_values(["stream", "sentence_id"], kind="stable").reset_index(drop=True)
    sid, pid, stream = (sents[c].to_numpy() for c in ("sentence_id", "paragraph_id", "stream"))
    prank = np.concatenate([[0], np.cumsum(pid[1:] != pid[:-1])])
    frames = [pd.DataFrame({"sentence_id": sid, "neighbour_id": sid, "weight": 1.0})]
    for d in range(1, reach + 1):
        same = stream[d:] == stream[:-d]
        w = decay ** d * boundary ** (prank[d:] - prank[:-d])
        for a, b in ((sid[:-d], sid[d:]), (sid[d:], sid[:-d])):
            frames.append(pd.DataFrame({"sentence_id": a[same], "neighbour_id": b[same],
                                        "weight": w[same]}))
    return (pd.concat(frames, ignore_index=True)
            .sort_values(["sentence_id", "neighbour_id"]).reset_index(drop=True))


def _smooth(evidence: pd.DataFrame, kernel: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Spread the given per-sentence columns with the kernel (sum over neighbours)."""
    values = evidence.set_index("sentence_id")[columns]
    spread = values.loc[kernel["neighbour_id"]].to_numpy() * kernel["weight"].to_numpy()[:, None]
    summed = pd.DataFrame(spread, columns=columns).groupby(kernel["sentence_id"].to_numpy()).sum()
    out = evidence.copy()
    out[columns] = summed.reindex(out["sentence_id"]).fillna(0.0).to_numpy()
    return out


def _scored_evidence(chapter: Chapter, lexicon: Lexicon | None, method: str,
                     kernel: dict[str, float]) -> tuple[pd.DataFrame, list[str], pd.DataFrame]:
    """Per-sentence evidence for a method, the theme names and the hits used."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    lex = lexicon if lexicon is not None else load_lexicon()
    hits = theme_hits(chapter, lex, expand=method in ("expanded", "context"))
    evidence = _evidence(chapter, hits, lex.names, weighted=method != "count")
    if method in ("smoothed", "context"):
        evidence = _smooth(evidence, sentence_kernel_pairs(chapter, **kernel),
                           ["n_words", *lex.names])
    return evidence, lex.names, hits


def _rates(sums: pd.DataFrame, themes: list[str], method: str,
           prior_words: float) -> pd.DataFrame:
    """Turn summed evidence into scores (counts stay counts)."""
    if method == "count":
        return sums[themes]
    return sums[themes].mul(100.0).div(sums["n_words"] + prior_words, axis=0)


def sentence_scores(chapter: Chapter, lexicon: Lexicon | None = None, *,
                    method: str = "context", prior_words: float = PRIOR_WORDS,
                    decay: float = DECAY, reach: int = REACH,
                    boundary: float = BOUNDARY) -> pd.DataFrame:
    """One row per sentence: ``sentence_id, paragraph_id, start, end`` and a score per theme.

    Scores are weighted hits per 100 words (see the module's description of
    ``method``); ``count`` gives bare hit counts.

    Example:
        >>> from analysis import load_chapter
        >>> s = sentence_scores(load_chapter(), method="density")
        >>> int(s.loc[s["terror"].idxmax(), "paragraph_id"])
        43
    """
    kernel = {"decay": decay, "reach": reach, "boundary": boundary}
    evidence, themes, _ = _scored_evidence(chapter, lexicon, method, kernel)
    out = chapter.sentences[["sentence_id", "paragraph_id", "start", "end"]].reset_index(drop=True)
    scores = _rates(evidence.set_index("sentence_id").loc[out["sentence_id"]], themes, method,
                    prior_words)
    return pd.concat([out, scores.reset_index(drop=True)], axis=1)


def paragraph_scores(chapter: Chapter, lexicon: Lexicon | None = None, *,
                     method: str = "context", prior_words: float = PRIOR_WORDS,
                     decay: float = DECAY, reach: int = REACH,
                     boundary: float = BOUNDARY) -> pd.DataFrame:
    """One row per paragraph: ``paragraph_id, start, end`` and a score per theme.

    A paragraph's score is the rate of its sentences' (spread) hits over their
    (spread) words, ``100·ΣE / (ΣN + prior_words)``: non-negative, and
    comparable between long and short paragraphs. This is ``themes.csv`` in the
    export. Join ``chapter.paragraphs`` on ``paragraph_id`` for the kind.

    Example:
        >>> from analysis import load_chapter
        >>> p = paragraph_scores(load_chapter(), method="count").set_index("paragraph_id")
        >>> float(p.loc[49, "free_thought"]), float(p.loc[5, "terror"])
        (13.0, 0.0)
    """
    kernel = {"decay": decay, "reach": reach, "boundary": boundary}
    evidence, themes, _ = _scored_evidence(chapter, lexicon, method, kernel)
    sums = evidence.groupby("paragraph_id")[["n_words", *themes]].sum()
    out = chapter.paragraphs[["paragraph_id", "start", "end"]].reset_index(drop=True)
    scores = _rates(sums.reindex(out["paragraph_id"]).fillna(0.0), themes, method, prior_words)
    return pd.concat([out, scores.reset_index(drop=True)], axis=1)


def explain(chapter: Chapter, paragraph_id: int, lexicon: Lexicon | None = None, *,
            method: str = "context", prior_words: float = PRIOR_WORDS, decay: float = DECAY,
            reach: int = REACH, boundary: float = BOUNDARY) -> pd.DataFrame:
    """The hits behind a paragraph's scores, each with its share of the score.

    Returns the hits that reach the paragraph (its own and, after smoothing,
    its neighbours'), with ``kernel`` (how much of the hit reaches it) and
    ``contribution`` (its part of the score); for each theme the contributions
    add up to the paragraph's score.

    Example:
        >>> from analysis import load_chapter
        >>> ch = load_chapter()
        >>> why = explain(ch, 51)  # Bely's cry names no theme: all comes from neighbours
        >>> why[["term", "paragraph_id"]].head(2).values.tolist()
        [['Volfila', 52], ['frank*', 50]]
        >>> round(float(why.groupby("theme")["contribution"].sum()["terror"]), 3)
        0.185
    """
    kernel = {"decay": decay, "reach": reach, "boundary": boundary}
    evidence, themes, hits = _scored_evidence(chapter, lexicon, method, kernel)
    own = evidence["paragraph_id"] == paragraph_id
    denominator = evidence.loc[own, "n_words"].sum()
    if method == "count":
        reached = pd.Series(1.0, index=evidence.loc[own, "sentence_id"])
    else:
        denominator += prior_words
        indicator = chapter.sentences[["sentence_id"]].assign(
            unit=(chapter.sentences["paragraph_id"] == paragraph_id).astype(float).to_numpy())
        if method in ("smoothed", "context"):
            indicator = _smooth(indicator, sentence_kernel_pairs(chapter, **kernel), ["unit"])
        reached = indicator.set_index("sentence_id")["unit"]
    out = hits.assign(kernel=hits["sentence_id"].map(reached).fillna(0.0).to_numpy())
    out = out[out["kernel"] > 0].copy()
    value = out["weight"] if method != "count" else 1.0
    scale = 100.0 / denominator if method != "count" else 1.0
    out["contribution"] = value * out["kernel"] * scale
    return out.sort_values(["theme", "contribution", "start"],
                           ascending=[True, False, True]).reset_index(drop=True)


def load_annotation(chapter: Chapter, path: str | Path | None = None,
                    themes: list[str] | None = None) -> pd.DataFrame:
    """Read and check the hand annotation (``annotations/themes.csv`` by default).

    Columns ``paragraph_id, opening, theme, label, reason``: one row for each
    narrative paragraph and theme; ``opening`` (the paragraph's first words)
    guards against a change in paragraph numbering; ``label`` is 0 (absent), 1
    (present) or 2 (dominant).

    Raises:
        DataFileError: naming the file, row (header = row 1) and column: a
            missing column, a paragraph that does not exist or is not narrative,
            an opening that does not match it, an unknown theme, a label other
            than 0/1/2, an empty reason, a duplicate, or a narrative paragraph
            and theme left unannotated.

    Example:
        >>> from analysis import load_chapter
        >>> ann = load_annotation(load_chapter())
        >>> ann.groupby("theme")["label"].apply(lambda s: int((s > 0).sum())).to_dict()
        {'free_thought': 26, 'nep': 16, 'terror': 24}
    """
    file = Path(path) if path is not None else data_path("annotations/themes.csv")
    names = themes if themes is not None else load_lexicon().names
    columns = ["paragraph_id", "opening", "theme", "label", "reason"]
    table = read_csv_table(file, columns)
    paras = chapter.paragraphs.set_index("paragraph_id")
    seen = set()
    for number, row in enumerate(table[columns].itertuples(index=False), start=2):
        where = f"{file}: row {number}"
        if not row.paragraph_id.strip().isdigit() or int(row.paragraph_id) not in paras.index:
            raise DataFileError(f"{where}, column 'paragraph_id': {row.paragraph_id!r} is not "
                                "a paragraph of the chapter")
        pid = int(row.paragraph_id)
        if paras.loc[pid, "kind"] != "narrative":
            raise DataFileError(f"{where}, column 'paragraph_id': paragraph {pid} is "
                                f"{paras.loc[pid, 'kind']}, not narrative")
        if not " ".join(paras.loc[pid, "text"].split()).startswith(" ".join(row.opening.split())) \
                or not row.opening.strip():
            raise DataFileError(f"{where}, column 'opening': {row.opening!r} is not how "
                                f"paragraph {pid} begins (has the numbering changed?)")
        if row.theme not in names:
            raise DataFileError(f"{where}, column 'theme': {row.theme!r} is not one of "
                                f"{', '.join(names)}")
        if row.label.strip() not in ("0", "1", "2"):
            raise DataFileError(f"{where}, column 'label': {row.label!r} is not 0, 1 or 2")
        if not row.reason.strip():
            raise DataFileError(f"{where}, column 'reason': empty (give a one-line reason)")
        if (pid, row.theme) in seen:
            raise DataFileError(f"{where}: paragraph {pid} and theme {row.theme} annotated twice")
        seen.add((pid, row.theme))
    narrative = paras.index[paras["kind"] == "narrative"]
    for pid in narrative:
        for theme in names:
            if (pid, theme) not in seen:
                raise DataFileError(f"{file}: no row for paragraph {pid} and theme {theme} "
                                    "(every narrative paragraph needs every theme)")
    out = table[columns].copy()
    out["paragraph_id"] = out["paragraph_id"].astype(int)
    out["label"] = out["label"].str.strip().astype(int)
    return out


def auc(scores: np.ndarray, present: np.ndarray) -> float:
    """ROC AUC of scores for a present/absent label, from the Mann-Whitney U statistic.

    The probability that a paragraph where the theme is present scores higher
    than one where it is absent (ties count one half).

    Example:
        >>> auc(np.array([0.0, 1.0, 1.0, 3.0]), np.array([False, False, True, True]))
        0.875
    """
    pos, neg = scores[present], scores[~present]
    u = stats.mannwhitneyu(pos, neg, alternative="two-sided").statistic
    return float(u / (len(pos) * len(neg)))


def _auc_rows(scores: np.ndarray, present: np.ndarray) -> np.ndarray:
    """AUC of each row of a (resamples × units) matrix, by mid-ranks."""
    ranks = stats.rankdata(scores, axis=1)
    n_pos = present.sum(axis=1)
    n_neg = present.shape[1] - n_pos
    with np.errstate(divide="ignore", invalid="ignore"):
        return ((ranks * present).sum(axis=1) - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def agreement(scores: pd.DataFrame, annotation: pd.DataFrame, *, n_boot: int = 2000,
              seed: int = 2121) -> pd.DataFrame:
    """Agreement of paragraph scores with the hand annotation, per theme.

    ``auc``: ROC AUC for present (label ≥ 1) against absent, with a percentile
    bootstrap 95% interval (``auc_low``, ``auc_high``; paragraphs resampled
    ``n_boot`` times with a seeded generator); ``spearman``: rank correlation
    with the 0/1/2 labels (and its ``spearman_p``). Only annotated paragraphs count;
    ``NaN`` where a measure is undefined (one class only, or constant scores).

    Example:
        >>> from analysis import load_chapter
        >>> ch = load_chapter()
        >>> ag = agreement(paragraph_scores(ch), load_annotation(ch), n_boot=200)
        >>> bool((ag["auc"] > 0.7).all())
        True
    """
    rng = np.random.default_rng(seed)
    rows = []
    for theme, group in annotation.groupby("theme", sort=False):
        merged = group.merge(scores[["paragraph_id", theme]], on="paragraph_id")
        score = merged[theme].to_numpy(dtype=float)
        present = merged["label"].to_numpy() > 0
        draw = rng.integers(0, len(merged), size=(n_boot, len(merged)))
        boot = _auc_rows(score[draw], present[draw])
        boot = boot[np.isfinite(boot)]
        constant = np.ptp(score) == 0 or np.ptp(merged["label"].to_numpy()) == 0
        rho = (np.nan, np.nan) if constant else stats.spearmanr(score, merged["label"].to_numpy())
        low, high = np.quantile(boot, [0.025, 0.975]) if len(boot) else (np.nan, np.nan)
        rows.append({"theme": theme, "n": len(merged), "n_present": int(present.sum()),
                     "auc": auc(score, present) if 0 < present.sum() < len(present) else np.nan,
                     "auc_low": float(low), "auc_high": float(high),
                     "spearman": float(rho[0]), "spearman_p": float(rho[1])})
    return pd.DataFrame(rows)


def compare_scores(scores: dict[str, pd.DataFrame], annotation: pd.DataFrame, *,
                   n_boot: int = 2000, seed: int = 2121) -> pd.DataFrame:
    """:func:`agreement` for several score tables: ``method`` (the dict key) then its columns.

    Example:
        >>> from analysis import load_chapter
        >>> ch = load_chapter()
        >>> tables = {m: paragraph_scores(ch, method=m) for m in ("count", "context")}
        >>> compare_scores(tables, load_annotation(ch), n_boot=100)["method"].unique().tolist()
        ['count', 'context']
    """
    table = pd.concat([agreement(frame, annotation, n_boot=n_boot, seed=seed).assign(method=name)
                       for name, frame in scores.items()], ignore_index=True)
    return table[["method", *[c for c in table.columns if c != "method"]]]


def silent_annotation(chapter: Chapter, annotation: pd.DataFrame,
                      lexicon: Lexicon | None = None) -> pd.DataFrame:
    """The annotation rows whose paragraph has no lexicon hit for the theme.

    On these, every lexicon-only score is zero: they test whether context
    recovers a theme that a paragraph never names.

    Example:
        >>> from analysis import load_chapter
        >>> ch = load_chapter()
        >>> silent = silent_annotation(ch, load_annotation(ch))
        >>> silent[(silent["label"] > 0) & (silent["theme"] == "terror")]["paragraph_id"].tolist()
        [47, 56]
    """
    hits = lexicon_hits(chapter, lexicon)
    named = set(zip(hits["paragraph_id"], hits["theme"]))
    keep = [(p, t) not in named for p, t in zip(annotation["paragraph_id"], annotation["theme"])]
    return annotation[keep].reset_index(drop=True)


def annotated_cooccurrence(annotation: pd.DataFrame) -> pd.DataFrame:
    """Theme × theme: how many paragraphs the annotation gives both themes (label ≥ 1).

    The diagonal is the number of paragraphs with the theme.

    Example:
        >>> from analysis import load_chapter
        >>> ch = load_chapter()
        >>> int(annotated_cooccurrence(load_annotation(ch)).loc["terror", "free_thought"])
        16
    """
    present = annotation.pivot(index="paragraph_id", columns="theme", values="label") > 0
    order = list(dict.fromkeys(annotation["theme"]))
    present = present[order].astype(int)
    return present.T @ present


def score_correlation(scores: pd.DataFrame, paragraph_ids: pd.Series | None = None,
                      ) -> pd.DataFrame:
    """Theme × theme Spearman correlation of paragraph scores (optionally of some paragraphs).

    Example:
        >>> from analysis import load_chapter
        >>> c = score_correlation(paragraph_scores(load_chapter()))
        >>> float(c.loc["nep", "nep"])
        1.0
    """
    themes = [c for c in scores.columns if c not in ("paragraph_id", "start", "end")]
    table = scores if paragraph_ids is None else scores[scores["paragraph_id"].isin(paragraph_ids)]
    return table[themes].corr(method="spearman")


def along_chapter(chapter: Chapter, frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``position`` (and ``position_end``): ``start`` (``end``) as a fraction of the seed text.

    The common axis of the book's "along the chapter" figures.

    Example:
        >>> from analysis import load_chapter
        >>> ch = load_chapter()
        >>> along_chapter(ch, ch.paragraphs)[["position", "position_end"]].iloc[-1].tolist()
        [0.95..., 1.0]
    """
    size = len(chapter.seed_text)
    out = frame.assign(position=frame["start"].to_numpy() / size)
    if "end" in frame.columns:
        out = out.assign(position_end=frame["end"].to_numpy() / size)
    return out


def core_collocates(chapter: Chapter, lexicon: Lexicon | None = None, *, top: int = 8,
                    window: int = 5, min_count: int = 2, alpha: float | None = 0.05
                    ) -> pd.DataFrame:
    """The strongest collocates of each theme's core terms (all of them as one node).

    :func:`analysis.reading.collocates` of the core-term hits of each theme,
    kept where the log-likelihood test passes (``p_value < alpha``; ``None``
    keeps every candidate), the ``top`` by log-Dice; ``theme`` and ``node``
    (the core terms found) first.

    Example:
        >>> from analysis import load_chapter
        >>> table = core_collocates(load_chapter())
        >>> bool((table["p_value"] < 0.05).all())
        True
        >>> len(core_collocates(load_chapter(), alpha=None)) >= len(table)
        True
    """
    lex = lexicon if lexicon is not None else load_lexicon()
    hits = lexicon_hits(chapter, lex)
    core = hits[hits["term"].isin(lex.terms.loc[lex.terms["core"], "term"])]
    frames = []
    for theme in lex.names:
        mine = core[core["theme"] == theme]
        table = reading.collocates(chapter, mine, window=window, min_count=min_count)
        if alpha is not None:
            table = table[table["p_value"] < alpha]
        frames.append(table.head(top).assign(theme=theme,
                                             node=", ".join(dict.fromkeys(mine["term"]))))
    out = pd.concat(frames, ignore_index=True)
    return out[["theme", "node", *out.columns[:-2]]]


def theme_density(chapter: Chapter, hits: pd.DataFrame | None = None, *,
                  lexicon: Lexicon | None = None, bandwidth: float = 250.0,
                  step: int = 10) -> pd.DataFrame:
    """Smoothed density of each theme along Serge's narrative (weighted hits per 100 words).

    Each narrative word carries the weight of the hits that start on it; a
    Gaussian kernel of ``bandwidth`` words smooths weights and word counts
    alike (so the edges are not biased down), and their ratio is sampled every
    ``step`` words. Returns ``word_index, position`` and one column per theme.

    Example:
        >>> from analysis import load_chapter
        >>> d = theme_density(load_chapter())
        >>> bool(d.loc[d["nep"].idxmax(), "position"] > 0.5)
        True
    """
    from scipy.ndimage import gaussian_filter1d

    lex = lexicon if lexicon is not None else load_lexicon()
    hits = theme_hits(chapter, lex) if hits is None else hits
    words = reading.lexical_words(chapter)
    themes = lex.names
    at = np.searchsorted(words["end"].to_numpy(), hits["start"].to_numpy(), side="right")
    inside = at < len(words)
    inside &= words["start"].to_numpy()[np.clip(at, 0, len(words) - 1)] < hits["end"].to_numpy()
    ones = gaussian_filter1d(np.ones(len(words)), bandwidth, mode="constant")
    grid = np.arange(0, len(words), step)
    out = pd.DataFrame({"word_index": grid,
                        "position": words["start"].to_numpy()[grid] / len(chapter.seed_text)})
    for theme in themes:
        mass = np.zeros(len(words))
        mine = inside & (hits["theme"] == theme).to_numpy()
        np.add.at(mass, at[mine], hits["weight"].to_numpy()[mine])
        out[theme] = 100 * gaussian_filter1d(mass, bandwidth, mode="constant")[grid] / ones[grid]
    return out


def density_peaks(chapter: Chapter, density: pd.DataFrame) -> pd.DataFrame:
    """Where each theme's smoothed density is highest: ``theme, position, paragraph_id, density``.

    Example:
        >>> from analysis import load_chapter
        >>> ch = load_chapter()
        >>> peaks = density_peaks(ch, theme_density(ch)).set_index("theme")
        >>> int(peaks.loc["nep", "paragraph_id"]) in range(35, 40)
        True
    """
    themes = [c for c in density.columns if c not in ("word_index", "position")]
    starts = chapter.paragraphs["start"].to_numpy() / len(chapter.seed_text)
    rows = []
    for theme in themes:
        best = density.loc[density[theme].idxmax()]
        at = int(np.searchsorted(starts, best["position"], side="right")) - 1
        rows.append({"theme": theme, "position": float(best["position"]),
                     "paragraph_id": int(chapter.paragraphs["paragraph_id"].iloc[at]),
                     "density": float(best[theme])})
    return pd.DataFrame(rows)


def top_paragraphs(chapter: Chapter, scores: pd.DataFrame, *, n: int = 3,
                   words: int = 12) -> pd.DataFrame:
    """The ``n`` highest-scoring paragraphs of each theme, with kind and opening words.

    Example:
        >>> from analysis import load_chapter
        >>> ch = load_chapter()
        >>> top = top_paragraphs(ch, paragraph_scores(ch), n=1)
        >>> top.set_index("theme").loc["terror", "paragraph_id"]
        np.int64(43)
    """
    paras = chapter.paragraphs.set_index("paragraph_id")
    themes = [c for c in scores.columns if c not in ("paragraph_id", "start", "end")]
    frames = []
    for theme in themes:
        best = scores.nlargest(n, theme, keep="first")[["paragraph_id", theme]]
        frames.append(best.rename(columns={theme: "score"}).assign(theme=theme))
    out = pd.concat(frames, ignore_index=True)
    out["kind"] = paras.loc[out["paragraph_id"], "kind"].to_numpy()
    out["opening"] = [" ".join(paras.loc[p, "text"].split()[:words]) + " …"
                      for p in out["paragraph_id"]]
    return out[["theme", "paragraph_id", "kind", "score", "opening"]]


def disagreements(scores: pd.DataFrame, annotation: pd.DataFrame, *,
                  n: int = 3) -> pd.DataFrame:
    """Where the scores and the hand annotation disagree most, per theme.

    ``missed``: the ``n`` paragraphs labelled present or dominant with the
    lowest scores; ``false alarm``: the ``n`` labelled absent with the highest
    scores. Returns ``theme, error, paragraph_id, label, score, reason``.

    Example:
        >>> from analysis import load_chapter
        >>> ch = load_chapter()
        >>> d = disagreements(paragraph_scores(ch), load_annotation(ch), n=1)
        >>> d["error"].unique().tolist()
        ['missed', 'false alarm']
    """
    rows = []
    for theme, group in annotation.groupby("theme", sort=False):
        merged = group.merge(scores[["paragraph_id", theme]], on="paragraph_id")
        merged = merged.rename(columns={theme: "score"}).assign(theme=theme)
        present = merged[merged["label"] > 0].sort_values(["score", "paragraph_id"])
        absent = merged[merged["label"] == 0].sort_values(["score", "paragraph_id"],
                                                          ascending=[False, True])
        rows += [present.head(n).assign(error="missed"),
                 absent.head(n).assign(error="false alarm")]
    out = pd.concat(rows, ignore_index=True)
    return out[["theme", "error", "paragraph_id", "label", "score", "reason"]]


def lexicon_summary(lexicon: Lexicon | None = None) -> pd.DataFrame:
    """The lexicon at a glance: ``theme, weight, n_terms, terms`` (terms joined by commas).

    Example:
        >>> lexicon_summary().query("theme == 'nep' and weight == 3")["terms"].iloc[0][:24]
        'N.E.P., NEP, New Economi'
    """
    lex = lexicon if lexicon is not None else load_lexicon()
    order = {t: i for i, t in enumerate(lex.names)}
    table = (lex.terms.groupby(["theme", "weight"], sort=False)["term"]
             .agg(n_terms="size", terms=", ".join).reset_index())
    table = table.assign(rank=table["theme"].map(order)).sort_values(
        ["rank", "weight"], ascending=[True, False])
    return table[["theme", "weight", "n_terms", "terms"]].reset_index(drop=True)
