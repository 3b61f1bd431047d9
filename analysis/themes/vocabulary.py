"""The chapter's vocabulary: concordance, collocates, keyness and frequencies, with statistics.

- :func:`concordance` / :func:`kwic`: keyword in context, with paragraph references;
- :func:`collocates`: words near a node, ranked by log-Dice, with log-likelihood;
  :func:`core_collocates` for each theme's core terms;
- :func:`keyness`: the chapter's distinctive words against general English
  (the ``wordfreq`` package's frequencies), with log-likelihood and log ratio;
- :func:`word_frequencies`: counts, without the stop words given.

The stop list is data (:func:`load_stopwords`, through :class:`analysis.datafiles.DataFiles`),
passed to each function that leaves stop words out.

A query is written in the small syntax of
:func:`analysis.themes.lexicon.term_regex`, which is also the syntax of the
theme lexicon. Counts are of *lexical* words: tokens that begin with a letter
(numbers, punctuation and the clitics ``’s``/``n’t`` that the tokenizer splits
off are left out). By default only the author's own paragraphs (kind
``narrative``) are counted, not the editor's notes.

Example:
    >>> concordance(chapter, "Volfila", width=20)["paragraph_id"].tolist()
    [49, 49, 52]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import wordfreq
from scipy import stats as scipy_stats
from scipy.special import xlogy

from analysis import stats
from analysis.errors import DataFileError
from analysis.schema import read_text_file
from analysis.text import Chapter
from analysis.themes.lexicon import CORE_WEIGHT, Lexicon, term_regex


#: Paragraph kinds counted by default (the author's prose, not titles or the editor's notes).
NARRATIVE: tuple[str, ...] = ("narrative",)


#: Frequency given to words that ``wordfreq`` does not list (names, transliterations),
#: the smallest frequency its English list reports (about one in a hundred million).
REFERENCE_FLOOR = 1e-8


_LEXICAL = re.compile(r"[^\W\d_]")


_CLITICS = frozenset({"n't", "n’t"})


def find_term(chapter: Chapter, term: str) -> pd.DataFrame:
    """Every occurrence of a query term: ``match, start, end, sentence_id, paragraph_id``.

    Example:
        >>> find_term(chapter, "massacr*")[["match", "paragraph_id"]].values.tolist()
        [['massacred', 12]]
    """
    return chapter.find(term_regex(term))


@lru_cache(maxsize=8)
def load_stopwords(path: str | Path) -> frozenset[str]:
    """Read a stop list: one lower-case word a line; blank lines and ``#`` comments skipped.

    Raises:
        DataFileError: the file cannot be read, or a line holds more than one word
            or an upper-case letter (naming the file and line).

    Example:
        >>> words = load_stopwords(data_path("stopwords.txt"))
        >>> {"the", "would"} <= words, "terror" in words
        (True, False)
    """
    file = Path(path)
    lines = read_text_file(file).splitlines()
    words = set()
    for number, line in enumerate(lines, start=1):
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        if len(word.split()) > 1 or word != word.lower():
            raise DataFileError(f"{file}: line {number}: {word!r} is not one lower-case word")
        words.add(word)
    return frozenset(words)


def lexical_words(chapter: Chapter, kinds: Sequence[str] | None = NARRATIVE) -> pd.DataFrame:
    """The lexical words of the chosen paragraph kinds (``None``: all), in text order.

    Columns: ``token_id, sentence_id, paragraph_id, kind, start, end, word`` where
    ``word`` is the lower-case token with curly apostrophes made straight.
    Computed once per chapter and kinds, and shared: do not modify the table.

    Example:
        >>> lexical_words(chapter)["word"].head(3).tolist()
        ['the', 'third', 'congress']
    """
    return _lexical_words(chapter, None if kinds is None else tuple(kinds))


@lru_cache(maxsize=8)
def _lexical_words(chapter: Chapter, kinds: tuple[str, ...] | None) -> pd.DataFrame:
    """:func:`lexical_words`, cached by chapter (by identity) and kinds.

    Each distinct word is made once and its string shared by every row that holds it,
    so that a long text's table holds no string of its own per row.
    """
    tokens = chapter.tokens
    codes, forms = pd.factorize(tokens["lower"])
    word = forms.str.replace("’", "'", regex=False)
    lexical = np.asarray(word.str.match(_LEXICAL.pattern) & ~word.isin(_CLITICS), dtype=bool)
    rows = np.flatnonzero(tokens["is_word"].to_numpy() & lexical[codes])
    kind = chapter.paragraph_kind.reindex(tokens["paragraph_id"].to_numpy()[rows])
    if kinds is not None:
        inside = kind.isin(list(kinds)).to_numpy()
        rows, kind = rows[inside], kind[inside]
    names = ["token_id", "sentence_id", "paragraph_id", "start", "end"]
    numbers = np.empty((len(names), len(rows)), dtype=np.int64)  # one block, as pandas holds it
    for i, name in enumerate(names):
        np.take(tokens[name].to_numpy(), rows, out=numbers[i])
    out = pd.DataFrame(numbers.T, columns=names, copy=False)
    out.insert(3, "kind", pd.array(kind.to_numpy(), dtype=kind.dtype, copy=False))
    out["word"] = pd.array(word.to_numpy()[codes[rows]], dtype=word.dtype, copy=False)
    return out


def word_frequencies(chapter: Chapter, *, stopwords: frozenset[str] = frozenset(),
                     kinds: Sequence[str] | None = NARRATIVE) -> pd.DataFrame:
    """Word counts: ``word, count, per_10k, n_paragraphs``, most frequent first.

    ``per_10k`` is per ten thousand lexical words of the chosen kinds (stop words
    included in that total); the ``stopwords`` are left out of the rows.

    Example:
        >>> word_frequencies(chapter, stopwords=stopwords).head(2)[["word", "count"]].values.tolist()
        [['revolution', 18], ['party', 16]]
    """
    words = lexical_words(chapter, kinds)
    table = (words.groupby("word")
             .agg(count=("word", "size"), n_paragraphs=("paragraph_id", "nunique"))
             .reset_index())
    table["per_10k"] = 1e4 * table["count"] / max(len(words), 1)
    table = table[~table["word"].isin(stopwords)]
    table = table.sort_values(["count", "word"], ascending=[False, True])
    return table[["word", "count", "per_10k", "n_paragraphs"]].reset_index(drop=True)


def kwic(chapter: Chapter, spans: pd.DataFrame, *, width: int = 40) -> pd.DataFrame:
    """Keyword in context for spans with seed ``start``/``end`` (e.g. theme hits).

    Returns ``paragraph_id, sentence_id, kind, start, end, left, match, right``:
    ``width`` characters of established text either side, white space collapsed,
    in text order.

    Example:
        >>> kwic(chapter, find_term(chapter, "liberty"), width=12).loc[0, ["left", "match", "right"]].tolist()
        ['preserve ', 'liberty', ' of thought']
    """
    kind = chapter.paragraph_kind
    rows = []
    for start, end, sid, pid in (spans.sort_values("start")[["start", "end", "sentence_id",
                                                            "paragraph_id"]]
                                 .itertuples(index=False)):
        left = _squash(chapter.established(max(0, start - 3 * width), start))
        right = _squash(chapter.established(end, end + 3 * width))
        if len(left) > width:  # cut at a word boundary, never inside a word
            left = re.sub(r"^\S*\s", "", left[-width - 1:])
        if len(right) > width:
            right = re.sub(r"\s\S*$", "", right[:width + 1])
        rows.append((pid, sid, kind[pid], start, end, left, _squash(
            chapter.established(start, end)), right))
    return pd.DataFrame(rows, columns=["paragraph_id", "sentence_id", "kind", "start", "end",
                                       "left", "match", "right"])


def _squash(text: str) -> str:
    """Collapse runs of white space (line breaks included) to one space."""
    return re.sub(r"\s+", " ", text)


def concordance(chapter: Chapter, term: str, *, width: int = 40) -> pd.DataFrame:
    """Keyword in context for a query term (see :func:`analysis.themes.lexicon.term_regex` and :func:`kwic`).

    Example:
        >>> concordance(chapter, "official truth")["paragraph_id"].tolist()
        [16]
    """
    return kwic(chapter, find_term(chapter, term), width=width)


def format_kwic(table: pd.DataFrame) -> str:
    """Lay a :func:`kwic` table out as aligned lines: ``¶paragraph  left  match  right``.

    Example:
        >>> print(format_kwic(concordance(chapter, "liberty", width=12)))
        ¶49 preserve  liberty  of thought
    """
    if table.empty:
        return ""
    left = table["left"].str.len().max()
    match = table["match"].str.len().max()
    return "\n".join(f"¶{pid:<3} {lt:>{left}} {m:^{match}} {rt}".rstrip()
                     for pid, lt, m, rt in table[["paragraph_id", "left", "match", "right"]]
                     .itertuples(index=False))


def node_word_spans(words: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Map spans (``start``/``end``) to the positions of the words they cover.

    Returns ``first, last`` (row positions in ``words``, inclusive) for each
    span that covers at least one word.

    Example:
        >>> w = lexical_words(chapter)
        >>> pos = node_word_spans(w, find_term(chapter, "New Economic Policy"))
        >>> w["word"].iloc[pos.loc[0, "first"]:pos.loc[0, "last"] + 1].tolist()
        ['new', 'economic', 'policy']
    """
    first = np.searchsorted(words["end"].to_numpy(), spans["start"].to_numpy(), side="right")
    last = np.searchsorted(words["start"].to_numpy(), spans["end"].to_numpy(), side="left") - 1
    keep = first <= last
    return pd.DataFrame({"first": first[keep], "last": last[keep]})


def collocates(chapter: Chapter, node: str | pd.DataFrame, *, window: int = 5,
               min_count: int = 2, stopwords: frozenset[str] = frozenset(),
               kinds: Sequence[str] | None = NARRATIVE) -> pd.DataFrame:
    """Words found near a node, ranked by log-Dice, with log-likelihood and p-value.

    ``node`` is a query term or a table of spans (``start``/``end``, e.g. theme
    hits). The window is ``window`` lexical words either side of each
    occurrence, not crossing a paragraph; overlapping windows count each word
    position once and the node's own words are not in any window. The 2×2 table
    of each candidate sets its count inside the windows against its count in the
    rest of the text (node words excluded). Only words found at least
    ``min_count`` times in the windows and more often than expected, and not
    among the ``stopwords``, are kept (the stop words still count in every total).

    Returns ``collocate, observed, expected, node_freq, collocate_freq,
    log_dice, log_likelihood, p_value``.

    Example:
        >>> top = collocates(chapter, "Kronstadt", min_count=1, stopwords=stopwords)
        >>> top.loc[0, "collocate"], int(top.loc[0, "observed"]), int(top.loc[0, "node_freq"])
        ('circle', 1, 6)
        >>> collocates(chapter, "Kronstadt", min_count=2, stopwords=stopwords).empty  # 'since' is a stop word
        True
    """
    words = lexical_words(chapter, kinds)
    spans = find_term(chapter, node) if isinstance(node, str) else node
    nodes = node_word_spans(words, spans)
    columns = ["collocate", "observed", "expected", "node_freq", "collocate_freq",
               "log_dice", "log_likelihood", "p_value"]
    if nodes.empty:
        return pd.DataFrame(columns=columns)
    n = len(words)
    para = words["paragraph_id"].to_numpy()
    in_node = np.zeros(n, dtype=bool)
    for first, last in nodes.itertuples(index=False):
        in_node[first:last + 1] = True
    steps = np.arange(1, window + 1)
    cand = np.concatenate([(nodes["first"].to_numpy()[:, None] - steps).ravel(),
                           (nodes["last"].to_numpy()[:, None] + steps).ravel()])
    anchor = np.concatenate([np.repeat(nodes["first"].to_numpy(), window),
                             np.repeat(nodes["last"].to_numpy(), window)])
    ok = (cand >= 0) & (cand < n)
    cand, anchor = cand[ok], anchor[ok]
    cand = np.unique(cand[(para[cand] == para[anchor]) & ~in_node[cand]])
    word = words["word"].to_numpy()
    inside = pd.Series(word[cand]).value_counts()
    outside_node = pd.Series(word[~in_node]).value_counts()
    total = pd.Series(word).value_counts()
    o11 = inside.to_numpy(dtype=float)
    c1 = outside_node.reindex(inside.index).to_numpy(dtype=float)
    w, rest = len(cand), int((~in_node).sum())
    expected = w * c1 / rest
    g2 = stats.log_likelihood(o11, w - o11, c1 - o11, rest - w - (c1 - o11))
    table = pd.DataFrame({
        "collocate": inside.index,
        "observed": inside.to_numpy(),
        "expected": expected,
        "node_freq": len(nodes),
        "collocate_freq": total.reindex(inside.index).to_numpy(),
        "log_dice": stats.log_dice(o11, len(nodes), total.reindex(inside.index).to_numpy()),
        "log_likelihood": g2,
        "p_value": scipy_stats.chi2.sf(g2, df=1),
    })
    keep = (table["observed"] >= min_count) & (table["observed"] > table["expected"])
    keep &= ~table["collocate"].isin(stopwords)
    return (table[keep].sort_values(["log_dice", "log_likelihood", "collocate"],
                                    ascending=[False, False, True])
            .reset_index(drop=True)[columns])


@lru_cache(maxsize=65536)
def reference_frequency(word: str) -> float:
    """The word's frequency in general English according to ``wordfreq`` (0 if unlisted).

    Example:
        >>> reference_frequency("the") > 0.05, reference_frequency("volfila")
        (True, 0.0)
    """
    return float(wordfreq.word_frequency(word, "en"))


def keyness(chapter: Chapter, *, min_count: int = 3, stopwords: frozenset[str] = frozenset(),
            kinds: Sequence[str] | None = NARRATIVE,
            floor: float = REFERENCE_FLOOR) -> pd.DataFrame:
    """Distinctive words of the chapter against general English (``wordfreq``).

    For each word seen at least ``min_count`` times: its count ``a`` among the
    chapter's ``n`` lexical words, and its reference frequency ``p``, given by
    ``wordfreq`` (a blend of billions of words of web text, subtitles, news,
    books and Wikipedia) or ``floor`` when unlisted. The reference is so large
    that ``p`` is taken as a known rate: ``log_likelihood`` is the one-sample G²
    of ``a`` against the expected ``n·p`` (Dunning's statistic with an
    infinitely large reference corpus) and ``log_ratio`` Hardie's effect size,
    ``log2((a/n) / p)``: +1 means twice as frequent as in general English.

    The ``stopwords`` are left out (none by default: the least distinctive words of a
    text are mostly stop words). Returns ``word, count, per_10k, reference_per_10k, in_reference,
    log_likelihood, log_ratio, p_value``, sorted by log-likelihood (largest first).

    Example:
        >>> key = keyness(chapter)
        >>> top = key[key["log_ratio"] > 0].head(3)["word"].tolist()
        >>> "kronstadt" in top or "cheka" in top or "bela" in top
        True
    """
    words = lexical_words(chapter, kinds)
    counts = words["word"].value_counts()
    counts = counts[counts >= min_count]
    counts = counts[~counts.index.isin(stopwords)]
    n = len(words)
    ref = np.array([reference_frequency(w) for w in counts.index])
    p = np.maximum(ref, floor)
    a = counts.to_numpy(dtype=float)
    expected = n * p
    g2 = 2 * (xlogy(a, a / expected) + xlogy(n - a, (n - a) / (n - expected)))
    table = pd.DataFrame({
        "word": counts.index,
        "count": counts.to_numpy(),
        "per_10k": 1e4 * a / n,
        "reference_per_10k": 1e4 * p,
        "in_reference": ref > 0,
        "log_likelihood": g2,
        "log_ratio": np.log2(a / expected),
        "p_value": scipy_stats.chi2.sf(g2, df=1),
    })
    return table.sort_values(["log_likelihood", "word"], ascending=[False, True]) \
        .reset_index(drop=True)


def core_collocates(chapter: Chapter, lexicon: Lexicon, hits: pd.DataFrame, *, top: int = 8,
                    window: int = 5, min_count: int = 2, alpha: float | None = 0.05,
                    stopwords: frozenset[str] = frozenset(),
                    min_weight: float = CORE_WEIGHT) -> pd.DataFrame:
    """The strongest collocates of each theme's core terms (all of them as one node).

    :func:`collocates` of the hits of each theme's terms of weight ``min_weight``
    or more (by default its core terms; ``hits``: the theme hits,
    :func:`analysis.themes.hits.theme_hits`), kept where the log-likelihood test
    passes (``p_value < alpha``; ``None`` keeps every candidate), the ``top`` by
    log-Dice; ``theme`` and ``node`` (the terms found) first; the ``stopwords``
    are never collocates.

    Example:
        >>> hits = theme_hits(chapter, lexicon)
        >>> table = core_collocates(chapter, lexicon, hits, stopwords=stopwords)
        >>> bool((table["p_value"] < 0.05).all())
        True
        >>> len(core_collocates(chapter, lexicon, hits, alpha=None, stopwords=stopwords)) >= len(table)
        True
    """
    lex = lexicon
    strong = lex.terms[lex.terms["weight"] >= min_weight]
    nodes = set(zip(strong["theme"], strong["term"]))
    keep = [(theme, term) in nodes for theme, term in zip(hits["theme"], hits["term"])]
    core = hits[(hits["source"] == "lexicon").to_numpy() & np.array(keep, dtype=bool)]
    frames = []
    for theme in lex.names:
        mine = core[core["theme"] == theme]
        table = collocates(chapter, mine, window=window, min_count=min_count,
                           stopwords=stopwords)
        if alpha is not None:
            table = table[table["p_value"] < alpha]
        frames.append(table.head(top).assign(theme=theme,
                                             node=", ".join(dict.fromkeys(mine["term"]))))
    out = pd.concat(frames, ignore_index=True)
    return out[["theme", "node", *out.columns[:-2]]]
