"""Reading tools in the manner of Voyant, but with statistics.

- :func:`concordance` / :func:`kwic`: keyword in context, with paragraph references;
- :func:`collocates`: words near a node, ranked by log-Dice, with log-likelihood;
- :func:`keyness`: the chapter's distinctive words against general English
  (the ``wordfreq`` package's frequencies), with log-likelihood and log ratio;
- :func:`word_frequencies`: counts without stop words.

A query is written in the small syntax of :func:`term_regex`, which is also the
syntax of the theme lexicon (:mod:`analysis.themes`). Counts are of *lexical*
words: tokens that begin with a letter (numbers, punctuation and the clitics
``’s``/``n’t`` that the tokenizer splits off are left out). By default only
Serge's own paragraphs (kind ``narrative``) are counted, not the editor's notes.

Example:
    >>> from analysis import load_chapter
    >>> ch = load_chapter()
    >>> concordance(ch, "Volfila", width=20)["paragraph_id"].tolist()
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
from scipy import stats
from scipy.special import xlogy

from analysis.errors import DataFileError
from analysis.source import data_path
from analysis.text import Chapter

#: Paragraph kinds counted by default (Serge's prose, not titles or the editor's notes).
NARRATIVE: tuple[str, ...] = ("narrative",)

#: Frequency given to words that ``wordfreq`` does not list (names, transliterations),
#: the smallest frequency its English list reports (about one in a hundred million).
REFERENCE_FLOOR = 1e-8

_LEXICAL = re.compile(r"[^\W\d_]")
_CLITICS = frozenset({"n't", "n’t"})


def term_regex(term: str) -> re.Pattern[str]:
    """Compile a query term (the syntax of queries and of the theme lexicon).

    - ``word``: that word as a whole word, in any case (``Cheka`` finds
      "Cheka", not "Chekists");
    - ``stem*``: any word that begins so (``execut*`` finds "executed", "execution");
    - ``several words``: a phrase; the words may be separated by any white
      space or by a hyphen (``free thought`` finds "free-thought");
    - a hyphen inside a word may be there or not (``counter-revolution*`` finds
      "counterrevolutionary"); a straight apostrophe also finds a curly one;
    - ``/pattern/``: a Python regular expression, used as written.

    Matching ignores case. Raises ``ValueError`` for an empty term, a bad regular
    expression or one that matches the empty string.

    Example:
        >>> bool(term_regex("free thought").search("the last free-thought society"))
        True
        >>> term_regex("N.E.P.").findall("With the coming of the N.E.P., the famine")
        ['N.E.P.']
        >>> term_regex("Workers' Opposition").findall("condemn the Workers’ Opposition")
        ['Workers’ Opposition']
    """
    text = term.strip()
    if not text:
        raise ValueError("empty term")
    if len(text) > 2 and text.startswith("/") and text.endswith("/"):
        try:
            regex = re.compile(text[1:-1], re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"bad regular expression {text}: {exc}") from exc
    else:
        words = ["".join(_char_pattern(c) for c in word) for word in text.split()]
        regex = re.compile(r"(?<!\w)" + r"(?:\s+|\s*-\s*)".join(words) + r"(?!\w)",
                           re.IGNORECASE)
    if regex.search(""):
        raise ValueError(f"{text} matches the empty string")
    return regex


def _char_pattern(char: str) -> str:
    """The regular expression for one character of a plain query term."""
    return {"*": r"\w*", "-": "-?", "'": "['’]", "’": "['’]"}.get(char, re.escape(char))


def find_term(chapter: Chapter, term: str) -> pd.DataFrame:
    """Every occurrence of a query term: ``match, start, end, sentence_id, paragraph_id``.

    Example:
        >>> from analysis import load_chapter
        >>> find_term(load_chapter(), "massacr*")[["match", "paragraph_id"]].values.tolist()
        [['massacred', 12]]
    """
    return chapter.find(term_regex(term))


@lru_cache(maxsize=8)
def stopwords(path: str | Path | None = None) -> frozenset[str]:
    """The stop list (``analysis/data/stopwords.txt`` unless another file is given).

    One lower-case word a line; blank lines and lines starting with ``#`` are skipped.

    Raises:
        DataFileError: a line holds more than one word or an upper-case letter.

    Example:
        >>> {"the", "would"} <= stopwords(), "terror" in stopwords()
        (True, False)
    """
    file = Path(path) if path is not None else data_path("stopwords.txt")
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{file}: cannot be read as UTF-8 text ({exc})") from exc
    words = set()
    for number, line in enumerate(lines, start=1):
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        if len(word.split()) > 1 or word != word.lower():
            raise DataFileError(f"{file}: row {number}: {word!r} is not one lower-case word")
        words.add(word)
    return frozenset(words)


def lexical_words(chapter: Chapter, kinds: Sequence[str] | None = NARRATIVE) -> pd.DataFrame:
    """The lexical words of the chosen paragraph kinds (``None``: all), in text order.

    Columns: ``token_id, sentence_id, paragraph_id, kind, start, end, word`` where
    ``word`` is the lower-case token with curly apostrophes made straight.

    Example:
        >>> from analysis import load_chapter
        >>> lexical_words(load_chapter())["word"].head(3).tolist()
        ['the', 'third', 'congress']
    """
    kind = chapter.paragraphs.set_index("paragraph_id")["kind"]
    words = chapter.words.assign(kind=lambda t: t["paragraph_id"].map(kind).to_numpy())
    word = words["lower"].str.replace("’", "'", regex=False)
    keep = word.map(lambda w: bool(_LEXICAL.match(w)) and w not in _CLITICS).astype(bool)
    if kinds is not None:
        keep &= words["kind"].isin(list(kinds))
    out = words.assign(word=word)[keep]
    return out[["token_id", "sentence_id", "paragraph_id", "kind", "start", "end",
                "word"]].reset_index(drop=True)


def word_frequencies(chapter: Chapter, *, stop: bool = True,
                     kinds: Sequence[str] | None = NARRATIVE) -> pd.DataFrame:
    """Word counts: ``word, count, per_10k, n_paragraphs``, most frequent first.

    ``per_10k`` is per ten thousand lexical words of the chosen kinds (stop words
    included in that total); ``stop=True`` leaves the stop words out of the rows.

    Example:
        >>> from analysis import load_chapter
        >>> word_frequencies(load_chapter()).head(2)[["word", "count"]].values.tolist()
        [['revolution', 18], ['party', 16]]
    """
    words = lexical_words(chapter, kinds)
    table = (words.groupby("word")
             .agg(count=("word", "size"), n_paragraphs=("paragraph_id", "nunique"))
             .reset_index())
    table["per_10k"] = 1e4 * table["count"] / max(len(words), 1)
    if stop:
        table = table[~table["word"].isin(stopwords())]
    table = table.sort_values(["count", "word"], ascending=[False, True])
    return table[["word", "count", "per_10k", "n_paragraphs"]].reset_index(drop=True)


def kwic(chapter: Chapter, spans: pd.DataFrame, *, width: int = 40) -> pd.DataFrame:
    """Keyword in context for spans with seed ``start``/``end`` (e.g. theme hits).

    Returns ``paragraph_id, sentence_id, kind, start, end, left, match, right``:
    ``width`` characters of established text either side, white space collapsed,
    in text order.

    Example:
        >>> from analysis import load_chapter
        >>> ch = load_chapter()
        >>> kwic(ch, find_term(ch, "liberty"), width=12).loc[0, ["left", "match", "right"]].tolist()
        ['preserve ', 'liberty', ' of thought']
    """
    kind = chapter.paragraphs.set_index("paragraph_id")["kind"]
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
    """Keyword in context for a query term (see :func:`term_regex` and :func:`kwic`).

    Example:
        >>> from analysis import load_chapter
        >>> concordance(load_chapter(), "official truth")["paragraph_id"].tolist()
        [16]
    """
    return kwic(chapter, find_term(chapter, term), width=width)


def format_kwic(table: pd.DataFrame) -> str:
    """Lay a :func:`kwic` table out as aligned lines: ``¶paragraph  left  match  right``.

    Example:
        >>> from analysis import load_chapter
        >>> ch = load_chapter()
        >>> print(format_kwic(concordance(ch, "liberty", width=12)))
        ¶49 preserve  liberty  of thought
    """
    if table.empty:
        return ""
    left = table["left"].str.len().max()
    match = table["match"].str.len().max()
    return "\n".join(f"¶{pid:<3} {lt:>{left}} {m:^{match}} {rt}".rstrip()
                     for pid, lt, m, rt in table[["paragraph_id", "left", "match", "right"]]
                     .itertuples(index=False))


def log_likelihood(o11: np.ndarray, o12: np.ndarray, o21: np.ndarray,
                   o22: np.ndarray) -> np.ndarray:
    """Dunning's log-likelihood ratio G² of 2×2 tables, element-wise.

    ``o11`` is the joint count (e.g. the collocate inside the node's windows),
    ``o12`` the rest of the first row, ``o21``/``o22`` the second row. No
    continuity correction; empty cells contribute zero.

    Example:
        >>> round(float(log_likelihood(np.array(10), np.array(90), np.array(20),
        ...                            np.array(880))), 3)
        12.649
    """
    obs = [np.asarray(o, dtype=float) for o in (o11, o12, o21, o22)]
    total = sum(obs)
    rows = (obs[0] + obs[1], obs[2] + obs[3])
    cols = (obs[0] + obs[2], obs[1] + obs[3])
    expected = [rows[0] * cols[0], rows[0] * cols[1], rows[1] * cols[0], rows[1] * cols[1]]
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = sum(xlogy(o, o * total / e) for o, e in zip(obs, expected))
    return 2 * np.asarray(g2)


def log_dice(joint: np.ndarray, node_freq: float, collocate_freq: np.ndarray) -> np.ndarray:
    """Rychlý's log-Dice: ``14 + log2(2·f(node, collocate) / (f(node) + f(collocate)))``.

    At most 14 (the two always occur together); each point less halves the
    association. Unlike log-likelihood it does not grow with corpus size.

    Example:
        >>> float(log_dice(np.array(1), 7, np.array(1)))
        12.0
    """
    return 14 + np.log2(2 * np.asarray(joint, dtype=float)
                        / (node_freq + np.asarray(collocate_freq, dtype=float)))


def node_word_spans(words: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Map spans (``start``/``end``) to the positions of the words they cover.

    Returns ``first, last`` (row positions in ``words``, inclusive) for each
    span that covers at least one word.

    Example:
        >>> from analysis import load_chapter
        >>> ch = load_chapter()
        >>> w = lexical_words(ch)
        >>> pos = node_word_spans(w, find_term(ch, "New Economic Policy"))
        >>> w["word"].iloc[pos.loc[0, "first"]:pos.loc[0, "last"] + 1].tolist()
        ['new', 'economic', 'policy']
    """
    first = np.searchsorted(words["end"].to_numpy(), spans["start"].to_numpy(), side="right")
    last = np.searchsorted(words["start"].to_numpy(), spans["end"].to_numpy(), side="left") - 1
    keep = first <= last
    return pd.DataFrame({"first": first[keep], "last": last[keep]})


def collocates(chapter: Chapter, node: str | pd.DataFrame, *, window: int = 5,
               min_count: int = 2, stop: bool = True,
               kinds: Sequence[str] | None = NARRATIVE) -> pd.DataFrame:
    """Words found near a node, ranked by log-Dice, with log-likelihood and p-value.

    ``node`` is a query term or a table of spans (``start``/``end``, e.g. theme
    hits). The window is ``window`` lexical words either side of each
    occurrence, not crossing a paragraph; overlapping windows count each word
    position once and the node's own words are not in any window. The 2×2 table
    of each candidate sets its count inside the windows against its count in the
    rest of the text (node words excluded). Only words found at least
    ``min_count`` times in the windows and more often than expected are kept.

    Returns ``collocate, observed, expected, node_freq, collocate_freq,
    log_dice, log_likelihood, p_value``.

    Example:
        >>> from analysis import load_chapter
        >>> top = collocates(load_chapter(), "Kronstadt", min_count=2)
        >>> top.loc[0, "collocate"], int(top.loc[0, "observed"]), int(top.loc[0, "node_freq"])
        ('since', 2, 6)
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
    g2 = log_likelihood(o11, w - o11, c1 - o11, rest - w - (c1 - o11))
    table = pd.DataFrame({
        "collocate": inside.index,
        "observed": inside.to_numpy(),
        "expected": expected,
        "node_freq": len(nodes),
        "collocate_freq": total.reindex(inside.index).to_numpy(),
        "log_dice": log_dice(o11, len(nodes), total.reindex(inside.index).to_numpy()),
        "log_likelihood": g2,
        "p_value": stats.chi2.sf(g2, df=1),
    })
    keep = (table["observed"] >= min_count) & (table["observed"] > table["expected"])
    if stop:
        keep &= ~table["collocate"].isin(stopwords())
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


def keyness(chapter: Chapter, *, min_count: int = 3, stop: bool = False,
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

    Returns ``word, count, per_10k, reference_per_10k, in_reference,
    log_likelihood, log_ratio, p_value``, sorted by log-likelihood (largest first).

    Example:
        >>> from analysis import load_chapter
        >>> key = keyness(load_chapter())
        >>> top = key[key["log_ratio"] > 0].head(3)["word"].tolist()
        >>> "kronstadt" in top or "cheka" in top or "bela" in top
        True
    """
    words = lexical_words(chapter, kinds)
    counts = words["word"].value_counts()
    counts = counts[counts >= min_count]
    if stop:
        counts = counts[~counts.index.isin(stopwords())]
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
        "p_value": stats.chi2.sf(g2, df=1),
    })
    return table.sort_values(["log_likelihood", "word"], ascending=[False, True]) \
        .reset_index(drop=True)
