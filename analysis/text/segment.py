"""Splitting the established text into paragraphs, sentences and tokens.

All functions here work on the *established* text and return established
offsets (``est_start``/``est_end``); :mod:`analysis.text` maps them to seed
offsets. Sentence splitting uses NLTK's Punkt with parameters written for
this prose (no downloaded model exists offline), plus rules Punkt lacks:
curly closing quotes after ``.?!`` end a sentence with the quote; a
"sentence" that begins in lower case or with closing punctuation continues
the previous one (``‘Do you think so?’ he said``); and three conventions of
Project Gutenberg's plain texts:

- a footnote marker after a sentence's end (``complete.[2] He spoke``) ends
  that sentence, and a paragraph that opens with one (``[2] Electrification
  is ...``) is a note, of kind ``editorial``, as is a heading of notes
  (``FOOTNOTES:``);
- a cross-reference in brackets (``(See App. I, Sect. 1)``, ``[cf. p. 34]``)
  is never cut into sentences, and belongs to the sentence before it;
- italics (``_St. Antoine._``) are read without their underscores
  (:mod:`analysis.text.layout`), so an abbreviation in italics is still one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from analysis.errors import DataFileError
from analysis.schema import read_text_file

#: Initials (``S. N. Prokopovich``) never end a sentence, whatever the list of abbreviations.
INITIALS = frozenset("abcdefghijklmnopqrstuvwxyz")

#: An ellipsis closed by a full stop (``....`` or ``. . . .``), a closing quote
#: perhaps, then a capital, a sentence end that Punkt cannot see without
#: orthographic statistics.
_AFTER_ELLIPSIS = re.compile(r"(?:(?<=\.\.\.\.)|(?<=\. \. \.))[’”]?(?P<gap>\s+)(?=[‘“]?[A-Z])")
_PARAGRAPH_BREAK = re.compile(r"\n\n")
_BLOCK = re.compile(r"\S(?:.*\S)?", re.DOTALL)
_ABBREVIATION = re.compile(r"[^\s.]+(?:\.[^\s.]+)*\.")
_TITLE_MAX_WORDS = 12

#: A footnote marker — a number, an asterisk, dagger or double dagger, or a capital, in square
#: brackets (``[2]``, ``[*]``, ``[A]``), as Project Gutenberg's plain texts write them.
NOTE_MARKER = re.compile(r"\[(?:\d{1,3}|[*†‡]|[A-Z])\]")
_MARKER_THEN_SPACE = re.compile(NOTE_MARKER.pattern + r"(?:\s+|$)")
#: The heading of a block of notes (``FOOTNOTES:``, ``Notes``).
_NOTES_HEADING = re.compile(r"(?i)(?:foot)?notes?:?")
#: A cross-reference in brackets or parentheses — ``(See App. I, Sect. 1)``, ``[cf. p. 34]``.
CROSS_REFERENCE = re.compile(r"[(\[](?:[Ss]ee|[Cc]f\.|[Vv]ide)\s[^()\[\]\n]{1,80}[)\]]")


class _CurlyQuoteLanguageVars(PunktLanguageVars):
    """Punkt's English conventions, taught that curly quotes may follow ``.?!``."""

    _re_boundary_realignment = re.compile(r"[\"'’”)\]}]+?(?:\s+|(?=--)|$)", re.MULTILINE)
    _period_context_fmt = r"""
        %(SentEndChars)s             # a potential sentence ending
        (?=(?P<after_tok>
            %(NonWord)s              # either other punctuation
            |
            \s+(?P<next_tok>\S+)     # or whitespace and some other token
        ))"""
    _re_non_word_chars = r"(?:[)\";}\]\*:@\'\({\[’”!?])"


def load_abbreviations(path: str | Path) -> frozenset[str]:
    """Read a list of abbreviations (one per line, with their full stops; ``#`` comments).

    Returns them in Punkt's form (lower case, no final full stop), with the
    single letters of initials added.

    Raises:
        DataFileError: no such file, not UTF-8, or a line that is not one
            abbreviation ending in a full stop (naming the file and line).

    Example:
        >>> sorted(load_abbreviations(data_path("abbreviations.txt")) - INITIALS)[:4]
        ['capt', 'cf', 'col', 'dr']
    """
    file = Path(path)
    lines = read_text_file(file).splitlines()
    found = set(INITIALS)
    for number, line in enumerate(lines, start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if not _ABBREVIATION.fullmatch(entry):
            raise DataFileError(f"{file}: line {number}: {entry!r} is not one abbreviation "
                                "ending in a full stop (such as 'Dr.' or 'N.E.P.')")
        found.add(entry[:-1].lower())
    return frozenset(found)


@lru_cache(maxsize=8)
def sentence_tokenizer(abbreviations: frozenset[str]) -> PunktSentenceTokenizer:
    """Return the Punkt tokenizer configured for this prose.

    Args:
        abbreviations: from :func:`load_abbreviations`.

    Example:
        >>> tok = sentence_tokenizer(load_abbreviations(data_path("abbreviations.txt")))
        >>> tok.tokenize("I met Dr. Alexandrov. He was thirty-five.")
        ['I met Dr. Alexandrov.', 'He was thirty-five.']
    """
    params = PunktParameters()
    params.abbrev_types = set(abbreviations)
    return PunktSentenceTokenizer(params, lang_vars=_CurlyQuoteLanguageVars())


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> pd.DataFrame:
    """Split ``text[start:end]`` into blocks separated by blank lines and give each a kind.

    Kinds: ``editorial`` for a note kept apart from the running text: a
    block in square brackets (the editor's notes), a footnote that opens with
    its marker (``[2] Electrification is ...``, a Project Gutenberg convention)
    or a heading of notes (``FOOTNOTES:``); ``title`` for the short blocks
    before the first narrative paragraph that do not end like a sentence; and
    ``narrative`` for the rest. Offsets are into ``text``, an established text
    whose paragraph breaks are blank lines (:mod:`analysis.text.layout`).

    Example:
        >>> split_paragraphs("A Title\\n\\nSerge wrote this.\\n\\n[A note.]")[["kind", "est_start"]]
               kind  est_start
        0     title          0
        1  narrative          9
        2  editorial         28
        >>> split_paragraphs("Prose.\\n\\nFOOTNOTES:\\n\\n[1] A note.")["kind"].tolist()
        ['narrative', 'editorial', 'editorial']
    """
    rows = []
    in_header = True
    stop_at = len(text) if end is None else end
    pos = start
    for brk in [*_PARAGRAPH_BREAK.finditer(text, start, stop_at), None]:
        block = _BLOCK.search(text, pos, brk.start() if brk else stop_at)
        if block:
            body = block.group()
            if ((body.startswith("[") and body.endswith("]"))
                    or _MARKER_THEN_SPACE.match(body) or _NOTES_HEADING.fullmatch(body)):
                kind = "editorial"
            elif (in_header and len(body.split()) <= _TITLE_MAX_WORDS
                  and not body.endswith((".", "?", "!", "’", "”", ":"))):
                kind = "title"
            else:
                kind = "narrative"
                in_header = False
            rows.append({"kind": kind, "est_start": block.start(), "est_end": block.end()})
        pos = brk.end() if brk else stop_at
    return pd.DataFrame(rows, columns=["kind", "est_start", "est_end"])


def split_sentences(text: str, start: int, end: int,
                    abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """Return the sentence spans of ``text[start:end]`` as offsets into ``text``.

    ``abbreviations`` as for :func:`sentence_tokenizer`.

    Example:
        >>> s = "‘Do you think so?’ he said. It ended."
        >>> [s[a:b] for a, b in split_sentences(s, 0, len(s), abbreviations)]
        ['‘Do you think so?’ he said.', 'It ended.']
        >>> s = "It will take ten years.[2] He spoke (See App. I, Sect. 1) of peat."
        >>> [s[a:b] for a, b in split_sentences(s, 0, len(s), abbreviations)]
        ['It will take ten years.[2]', 'He spoke (See App. I, Sect. 1) of peat.']
    """
    spans = []
    for a, b in sentence_tokenizer(abbreviations).span_tokenize(text[start:end]):
        cut = start + a
        for brk in _AFTER_ELLIPSIS.finditer(text, start + a, start + b):
            spans.append((cut, brk.start("gap")))
            cut = brk.end()
        spans.append((cut, start + b))
    references = [m.span() for m in CROSS_REFERENCE.finditer(text, start, end)]
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        marker = _MARKER_THEN_SPACE.match(text, a, b) if merged else None
        if marker:  # a footnote marker ends the sentence it follows
            merged[-1] = (merged[-1][0], a + len(marker.group().rstrip()))
            a = marker.end()
            if a >= b:
                continue
        first = re.search(r"\w|[^\w\s]", text[a:b])
        continues = (first is None or first.group().islower() or first.group() in ",;:)]’”."
                     or any(r0 <= a < r1 for r0, r1 in references))
        if merged and continues:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


#: One token, by the rules of NLTK's Treebank-style word tokenizer (``NLTKWordTokenizer``),
#: in one pass over the text, keeping offsets: ellipses, dashes, brackets, quotation marks
#: and most punctuation are tokens of their own; a comma or colon before a digit stays in its
#: number; ``n't`` and the clitics ``'s 'm 'd 'll 're 've`` (straight or curly apostrophe)
#: split off; hyphens, inner full stops and inner apostrophes stay in the word.
_TOKEN = re.compile(r"""
    \.{2,}
  | [\u2012-\u2015]
  | --
  | [«“‘„»”`"\[\](){}<>;@#$%&?!*]
  | [,:](?!\d)
  | (?i:n['’]t)(?![^\W_])
  | (?<=[^\W_])['’](?i:s|m|d|ll|re|ve)(?![^\W_])
  | ['’]
  | (?:(?!(?i:n['’]t)(?![^\W_]))[^\s«“‘„»”`"\[\](){}<>;@#$%&?!*\u2012-\u2015,:'’.-]
     |[,:](?=\d)
     |['’](?=[^\W_])(?<=[^\W_]['’])(?!(?i:s|m|d|ll|re|ve)(?![^\W_]))
     |-(?!-)
     |\.(?!\.))+
""", re.VERBOSE)

#: Words that the Treebank rules split in two (``cannot`` is ``can`` + ``not``).
_TWO_WORDS = re.compile(r"(?i)(?<!\w)(?:(can)(not)|(gim)(me)|(gon)(na)|(got)(ta)|(lem)(me)|(wan)(na))"
                        r"(?!\w)")

#: The sentence's final full stop, perhaps followed by closing brackets or quotes.
_FINAL_STOP = re.compile(r"\.([\]\)}>\"'»”’]*)\s*$")

def split_tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the token spans of ``text[start:end]``, a sentence, by Treebank-style rules.

    The rules are those of NLTK's word tokenizer (the test suite checks that
    the two give the same tokens on the chapter), applied in one regular
    expression that keeps the offsets, several times faster; the sentence's
    final full stop is split off its word (``end.`` is ``end`` and ``.``), an
    inner one is not (``Dr.``, ``N.E.P.``).

    Example:
        >>> s = "Lenin’s polemic marked the end; I cannot say more."
        >>> [s[a:b] for a, b in split_tokens(s, 0, len(s))]
        ['Lenin', '’s', 'polemic', 'marked', 'the', 'end', ';', 'I', 'can', 'not', 'say', 'more', '.']
    """
    spans = [m.span() for m in _TOKEN.finditer(text, start, end)]
    for two in _TWO_WORDS.finditer(text, start, end):
        if (two.start(), two.end()) in spans:
            at = spans.index((two.start(), two.end()))
            cut = two.start() + len(next(g for g in two.groups() if g))
            spans[at:at + 1] = [(two.start(), cut), (cut, two.end())]
    final = _FINAL_STOP.search(text, start, end)
    if final and spans:
        stop = final.start()
        for i in range(len(spans) - 1, -1, -1):
            a, b = spans[i]
            if a <= stop < b and b - a > 1 and text[stop - 1] != ".":
                spans[i:i + 1] = [(a, stop), (stop, stop + 1)] + ([(stop + 1, b)] if b > stop + 1
                                                                    else [])
                break
    return spans
