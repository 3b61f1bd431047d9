"""How a file's layout is read: a byte-order mark, line endings, hard-wrapped lines, NUL characters.

The package reads the text as a reader sees it, not as it is stored, while
every offset still points into the file as stored: the layout is a set of edits
(:func:`layout_edits`) applied with the same offset map as the corrections.

- a byte-order mark at the start is left out;
- Windows (``\\r\\n``) and old Mac (``\\r``) line endings are line endings;
- a single line break inside a paragraph, with the spaces around it, is one
  space (one that ends the file's last line stays a line break): a hard-wrapped file (a Project Gutenberg text, a file wrapped at 72
  columns) reads as its paragraphs, so that a name broken across a line is
  still a name and no sentence ends at a line's end;
- a blank line (two line breaks or more, blank spaces between) is a paragraph
  break, written as one blank line;
- NUL characters (a sign of a file saved as UTF-16, or damaged) are left out,
  and :func:`layout_warnings` says so;
- underscores that open or close a word are italics, as Project Gutenberg's
  plain texts mark them (``_hauteur_``, ``_St. Antoine._``): markup, left out,
  so that no word or name holds one and no abbreviation is hidden by one; an
  underscore inside a word (``snake_case``) or standing alone stays.

Example:
    >>> text, _ = read_layout("\\ufeffA title\\r\\n\\r\\nSerge met Bela\\r\\nKun.\\r\\n")
    >>> text
    'A title\\n\\nSerge met Bela Kun.\\n'
"""

from __future__ import annotations

import re
from pathlib import Path

from analysis.text.offsets import OffsetMap, apply_edits

#: A run of white space holding one line break or more.
_BREAK = re.compile(r"[ \t]*(?:\r\n?|\n)(?:[ \t]*(?:\r\n?|\n))*[ \t]*")
_LINE_END = re.compile(r"\r\n?|\n")
_NULS = re.compile(r"\x00+")
#: An underscore opening a word (before a character that is neither space nor underscore, after
#: none of a letter, digit or underscore) or closing one (the mirror image): italic markup.
_ITALIC = re.compile(r"(?<![\w_])_(?=[^\s_])|(?<=[^\s_])_(?![\w_])")
_ITALIC_SPAN = re.compile(r"(?<![\w_])_(?=[^\s_])(?:(?!\n[ \t\r]*\n)[^_])+?(?<=[^\s_])_(?![\w_])")


def layout_edits(text: str) -> list[tuple[int, int, str]]:
    """The edits that make ``text`` read as its layout means: ``(start, end, replacement)``.

    Only edits that change something are listed, in order.

    Example:
        >>> layout_edits("One\\nline.\\n\\n\\nNext.")
        [(3, 4, ' '), (9, 12, '\\n\\n')]
        >>> layout_edits("a _bourgeois_ word")
        [(2, 3, ''), (12, 13, '')]
    """
    bom = text.startswith("\ufeff")
    edits = [(0, 1, "")] if bom else []
    found = [(m.start(), m.end(), m.group()) for m in _BREAK.finditer(text)]
    found += [(m.start(), m.end(), "") for pattern in (_NULS, _ITALIC)
              for m in pattern.finditer(text)]
    for start, end, run in sorted(found):
        if edits and start < edits[-1][1]:  # a NUL inside a run of white space: the run decides
            continue
        if run:
            breaks = len(_LINE_END.findall(run))
            edge = start <= int(bom) or end == len(text)  # before the first line, after the last
            replacement = "\n" if breaks == 1 and edge else " " if breaks == 1 else "\n\n"
            if replacement != run:
                edits.append((start, end, replacement))
        else:
            edits.append((start, end, ""))
    return edits


def read_layout(text: str) -> tuple[str, OffsetMap]:
    """The text as its layout reads (see the module's rules) and its offset map to ``text``.

    Example:
        >>> plain, omap = read_layout("Bela\\r\\nKun")
        >>> plain, omap.to_seed(0, len(plain))
        ('Bela Kun', (0, 9))
    """
    return apply_edits(text, layout_edits(text))


def read_quote(prefix: str, exact: str, suffix: str) -> tuple[str, str, str]:
    """A quotation and its context read by the same rules, so that it matches the text so read.

    Example:
        >>> read_quote("Bela\\r\\n", "Kun", "\\r\\n\\r\\nThe")
        ('Bela ', 'Kun', '\\n\\nThe')
        >>> read_quote("a trace of _", "hauteur", "_.")
        ('a trace of ', 'hauteur', '.')
    """
    whole = prefix + exact + suffix
    if not any(c in whole for c in "\r\n\ufeff\x00_"):
        return prefix, exact, suffix
    plain, omap = read_layout(whole)
    cut = omap.from_seed([len(prefix), len(prefix) + len(exact)])
    return plain[:cut[0]], plain[cut[0]:cut[1]], plain[cut[1]:]


def italic_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` in italics, underscores included (``_hauteur_``), within a paragraph.

    Example:
        >>> text = "a _bourgeois_ word, _Theses_"
        >>> [text[a:b] for a, b in italic_spans(text)]
        ['_bourgeois_', '_Theses_']
    """
    return [m.span() for m in _ITALIC_SPAN.finditer(text)]


def layout_warnings(text: str, path: str | Path) -> list[str]:
    """One line for each feature of the layout a reader should know of (NUL characters).

    Example:
        >>> layout_warnings("Serge\\x00 wrote\\x00", "f.txt")
        ['f.txt: 2 NUL characters (the first at character 5) are left out of the analysis; was the file saved as UTF-16?']
    """
    nuls = [m.start() for m in re.finditer("\x00", text)]
    if not nuls:
        return []
    return [f"{path}: {len(nuls)} NUL character{'s' if len(nuls) > 1 else ''} (the first at "
            f"character {nuls[0]}) are left out of the analysis; was the file saved as UTF-16?"]
