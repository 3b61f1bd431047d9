"""The chapter: established text and its paragraphs, sentences and tokens.

Every table carries ``start``/``end`` offsets into the seed file's decoded
text (see ``ARCHITECTURE.md``): for any row, ``chapter.seed_text[start:end]``
is the passage it came from, and differs from the row's ``text`` only by the
corrections that lie inside the span.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.errors import SourceError
from analysis.text import segment
from analysis.text.anchoring import AnchorReport
from analysis.text.establish import establish
from analysis.text.offsets import OffsetMap
from analysis.text.source import Source, read_source

#: A word token holds a letter or a digit.
_WORD = re.compile(r"\w")
#: The dtype of a column of text (pandas' default string dtype).
_TEXT = pd.Series(["a"]).dtype


@dataclass(frozen=True, eq=False)
class Chapter:
    """A chapter text, established and segmented, with offsets into the seed.

    Build it with :func:`analysis.load_chapter` (or :func:`read_chapter`). Attributes:

    - ``source``: the file as stored (path, decoded text, SHA-256);
    - ``corrections``: the corrections applied (``start, end, found,
      replacement, kind, note``), and ``anchoring``, how they anchored
      (:class:`~analysis.text.anchoring.AnchorReport`; ``None`` if there were none);
    - ``text``: the established text (layout read, corrections applied);
    - ``plain``, ``plain_map``: the file as its layout reads, uncorrected, and its
      map to the file: where stand-off records are anchored;
    - ``paragraphs``: ``paragraph_id, kind, start, end, text``;
    - ``sentences``: ``sentence_id, paragraph_id, start, end, text``;
    - ``tokens``: ``token_id, sentence_id, paragraph_id, start, end, token,
      lower, is_word``;
    - ``bundled``: the corrections offered for it fit it: it is a copy of the text
      they were made for (:func:`analysis.text.establish.establish`);
    - ``excluded``: ``part, start, end``, what the file holds that is not the
      chapter (a Project Gutenberg licence, a line of provenance), left out of
      every unit;
    - ``warnings``: lines about the file a reader should see (NUL characters).

    Example:
        >>> chapter.paragraphs.loc[0, "text"]
        'Memoirs of a Revolutionary. Victor Serge'
        >>> row = chapter.sentences.iloc[10]
        >>> chapter.seed_text[row.start:row.end] == row.text
        True
    """

    source: Source
    corrections: pd.DataFrame
    text: str
    offset_map: OffsetMap = field(repr=False)
    paragraphs: pd.DataFrame = field(repr=False)
    sentences: pd.DataFrame = field(repr=False)
    tokens: pd.DataFrame = field(repr=False)
    _est: dict[str, pd.DataFrame] = field(repr=False)
    plain: str = field(repr=False)
    plain_map: OffsetMap = field(repr=False)
    anchoring: AnchorReport | None
    bundled: bool
    excluded: pd.DataFrame = field(repr=False)
    warnings: tuple[str, ...]

    @property
    def seed_text(self) -> str:
        """The seed file's decoded text, which all offsets index."""
        return self.source.text

    @cached_property
    def words(self) -> pd.DataFrame:
        """The tokens that are words (hold a letter or digit), not punctuation (computed once)."""
        return self.tokens[self.tokens["is_word"]].reset_index(drop=True)

    @cached_property
    def paragraph_kind(self) -> pd.Series:
        """Each paragraph's kind (``title``, ``narrative``, ``editorial``), by ``paragraph_id``.

        Example:
            >>> chapter.paragraph_kind[3], chapter.paragraph_kind[1]
            ('narrative', 'title')
        """
        return self.paragraphs.set_index("paragraph_id")["kind"]

    def narrative_ids(self) -> pd.Series:
        """The ids of the narrative paragraphs, in order.

        Example:
            >>> chapter.narrative_ids().tolist()[:3]
            [3, 4, 5]
        """
        kind = self.paragraph_kind
        return pd.Series(kind.index[kind.to_numpy() == "narrative"], name="paragraph_id")

    @property
    def lower_text(self) -> str | None:
        """The established text in lower case, when lowering keeps every offset (else ``None``).

        Made on each use, not kept: a copy of the whole text, for the length of a search.
        """
        lowered = self.text.lower()
        return lowered if len(lowered) == len(self.text) else None

    def find(self, pattern: str | re.Pattern[str], flags: int = 0, *,
             lowercase: bool = False) -> pd.DataFrame:
        """Find a regular expression in the established text.

        Returns one row per match: ``match`` (the matched established text),
        ``start``/``end`` (seed offsets), ``sentence_id`` and ``paragraph_id``,
        and ``group``, the name of the named group that matched, when the
        pattern has named groups. Matches that fall outside any sentence
        (between paragraphs) have no sentence and are dropped.

        ``lowercase=True`` searches the text in lower case with a pattern
        written for it (faster than ``re.IGNORECASE`` for long alternations of
        words); ``match`` is still the text as established.

        Example:
            >>> hits = chapter.find(r"\\bKronstadt\\b")
            >>> len(hits), int(hits.loc[0, "paragraph_id"])
            (6, 3)
            >>> len(chapter.find(r"\\bkronstadt\\b", lowercase=True))
            6
        """
        regex = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
        haystack = self.text
        if lowercase:
            lowered = self.lower_text
            if lowered is None:
                regex = re.compile(regex.pattern, regex.flags | re.IGNORECASE)
            else:
                haystack = lowered
        named = bool(regex.groupindex)
        matches = [(m.start(), m.end(), m.lastgroup) for m in regex.finditer(haystack)
                   if m.end() > m.start()]
        columns = ["match", "start", "end", "sentence_id", "paragraph_id"] + (
            ["group"] if named else [])
        if not matches:
            return pd.DataFrame({c: pd.Series(dtype="object" if c in ("match", "group")
                                              else "int64") for c in columns})
        found = pd.DataFrame(matches, columns=["est_start", "est_end", "group"])
        sents = self._est["sentences"]
        idx = np.searchsorted(sents["est_start"].to_numpy(), found["est_start"].to_numpy(),
                              side="right") - 1
        inside = (idx >= 0) & (found["est_end"].to_numpy()
                               <= sents["est_end"].to_numpy()[np.clip(idx, 0, None)])
        found, idx = found[inside], idx[inside]
        start, end = self.offset_map.spans_to_seed(found["est_start"], found["est_end"])
        table = {
            "match": [self.text[a:b] for a, b in zip(found["est_start"], found["est_end"])],
            "start": start,
            "end": end,
            "sentence_id": sents["sentence_id"].to_numpy()[idx],
            "paragraph_id": sents["paragraph_id"].to_numpy()[idx],
        }
        if named:
            table["group"] = found["group"].to_numpy()
        return pd.DataFrame(table, columns=columns)

    def established(self, start: int, end: int) -> str:
        """Return the established text of the seed span ``[start, end)``.

        Example:
            >>> i = chapter.seed_text.index("19 18")
            >>> chapter.established(i, i + 5)
            '1918'
        """
        lo = int(self.offset_map.from_seed([start])[0])
        hi = int(self.offset_map.from_seed_end([end])[0])
        return self.text[lo:hi]


def read_chapter(path: str | Path, *, abbreviations: frozenset[str],
                 corrections: pd.DataFrame | None = None, if_fits: bool = False,
                 opening: str = "") -> Chapter:
    """Read a chapter text, apply its corrections and segment it.

    Args:
        path: a UTF-8 text file.
        abbreviations: the abbreviations that never end a sentence
            (:func:`analysis.text.segment.load_abbreviations`).
        corrections, if_fits, opening: the corrections to apply, and whether only
            if they fit the text (:func:`analysis.text.establish.establish`).

    The text is established by :func:`analysis.text.establish.establish`: the
    layout read (line endings, hard-wrapped lines), the corrections anchored and
    applied, and what is not the chapter (a Project Gutenberg licence, a line of
    provenance over a copy of the text) left out of every unit. Start from
    :func:`analysis.load_chapter`, which takes the data files from
    :class:`analysis.datafiles.DataFiles`.

    Raises:
        SourceError: the file is not a regular file, too large, not UTF-8,
            empty, or has no narrative paragraph (not a chapter).
        DataFileError: the corrections table is malformed or two corrections
            overlap.

    Example:
        >>> chapter.paragraphs["kind"].value_counts().to_dict()
        {'narrative': 52, 'editorial': 9, 'title': 2}
        >>> bare = read_chapter(chapter.source.path, abbreviations=abbreviations)
        >>> len(bare.corrections), len(bare.paragraphs)  # no correction mends the page break
        (0, 64)
    """
    source = read_source(path)
    est = establish(source, corrections, if_fits=if_fits, opening=opening)
    text, omap = est.text, est.offset_map

    paragraphs = segment.split_paragraphs(text, *est.body)
    text = _heading_lines(text, paragraphs, est.line_breaks)
    if not (paragraphs["kind"] == "narrative").any():
        raise SourceError(
            f"{source.path}: not a chapter: no paragraph of running prose was found "
            f"(only {len(paragraphs)} short heading-like block(s))"
        )
    paragraphs.insert(0, "paragraph_id", np.arange(1, len(paragraphs) + 1))

    sent_rows = [(pid, a, b)
                 for pid, ps, pe in paragraphs[["paragraph_id", "est_start", "est_end"]]
                 .itertuples(index=False)
                 for a, b in segment.split_sentences(text, ps, pe, abbreviations)]
    sentences = pd.DataFrame(sent_rows, columns=["paragraph_id", "est_start", "est_end"])
    sentences.insert(0, "sentence_id", np.arange(1, len(sentences) + 1))

    frames = {"paragraphs": paragraphs, "sentences": sentences}
    public = {name: _with_seed_offsets(frame, text, omap) for name, frame in frames.items()}
    return Chapter(source=source, corrections=est.corrections, text=text, offset_map=omap,
                   paragraphs=public["paragraphs"], sentences=public["sentences"],
                   tokens=_tokens(text, sentences, omap), _est=frames,
                   plain=est.plain,
                   plain_map=est.plain_map, anchoring=est.anchoring, bundled=est.bundled,
                   excluded=est.excluded, warnings=est.warnings)


def _heading_lines(text: str, paragraphs: pd.DataFrame, breaks: np.ndarray) -> str:
    """The text with the line breaks of headings kept (the layout reads them as spaces).

    A heading of two lines (``from Chapter 4.`` / ``On Third Congress ...``) is
    two lines, not wrapped prose; the offsets do not change.
    """
    titles = paragraphs[paragraphs["kind"] == "title"]
    for start, end in zip(titles["est_start"], titles["est_end"]):
        for p in breaks[(breaks >= start) & (breaks < end)]:
            text = text[:p] + "\n" + text[p + 1:]
    return text


def _tokens(text: str, sentences: pd.DataFrame, omap: OffsetMap) -> pd.DataFrame:
    """The token table of the sentences (established offsets), with seed offsets.

    Built from flat arrays, not a row at a time, and each distinct token (and its
    lower case) is one string shared by all its occurrences: a text of millions of
    tokens holds a few thousand strings, and each row 8 bytes for each column of text.
    """
    bounds: array[int] = array("q")
    found_forms: array[int] = array("q")
    forms: dict[str, int] = {}  # each distinct token -> its number
    counts = np.empty(len(sentences), dtype=np.int64)
    for i, (a, b) in enumerate(zip(sentences["est_start"].tolist(),
                                   sentences["est_end"].tolist())):
        found = segment.split_tokens(text, a, b)
        counts[i] = len(found)
        bounds.extend(chain.from_iterable(found))
        found_forms.extend(forms.setdefault(text[s:e], len(forms)) for s, e in found)
    spans = np.frombuffer(bounds, dtype=np.int64).reshape(-1, 2)
    codes = np.frombuffer(found_forms, dtype=np.int64)
    numbers = np.empty((5, len(codes)), dtype=np.int64)  # the integer columns, as pandas holds them
    numbers[0] = np.arange(1, len(codes) + 1)
    numbers[1] = np.repeat(sentences["sentence_id"].to_numpy(), counts)
    numbers[2] = np.repeat(sentences["paragraph_id"].to_numpy(), counts)
    numbers[3], numbers[4] = omap.spans_to_seed(spans[:, 0], spans[:, 1])
    del spans, bounds
    table = pd.DataFrame(numbers.T, columns=["token_id", "sentence_id", "paragraph_id", "start",
                                             "end"], copy=False)
    token = np.array(list(forms), dtype=object)
    lowers: dict[str, str] = {}
    lower = np.array([lowers.setdefault(t.lower(), t.lower()) for t in token], dtype=object)
    table["token"] = pd.array(token[codes], dtype=_TEXT, copy=False)
    table["lower"] = pd.array(lower[codes], dtype=_TEXT, copy=False)
    table["is_word"] = np.array([_WORD.search(t) is not None for t in token], dtype=bool)[codes]
    return table


def _with_seed_offsets(frame: pd.DataFrame, text: str, omap: OffsetMap) -> pd.DataFrame:
    """Replace established offsets by seed offsets; add ``text`` where missing."""
    start, end = omap.spans_to_seed(frame["est_start"], frame["est_end"])
    out = frame.drop(columns=["est_start", "est_end"])
    id_cols = [c for c in out.columns if c.endswith("_id")]
    rest = [c for c in out.columns if c not in id_cols]
    out = out[id_cols].assign(**{c: out[c] for c in rest if c in ("kind",)},
                              start=start, end=end)
    return out.assign(text=[text[a:b] for a, b in zip(frame["est_start"], frame["est_end"])])
