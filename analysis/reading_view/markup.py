"""Well-nested HTML from offset intervals: marks that may overlap, and atoms that may not be split.

A *mark* is an element wrapped around a stretch of text (a sentence, a mention,
a theme word); an *atom* is a piece of HTML that stands for a stretch of the
text and is never cut (a correction, shown with what the scan has and what the
text reads now; zero-width, for a deletion). :func:`nest` cuts the text at
every boundary, works out which marks cover each piece, and opens and closes
elements so that they always nest: where two marks cross, the inner one is
closed and opened again (the second piece carries the class ``rv-cont`` and no
``id``), so the result is balanced whatever the intervals.

Marks are ordered outermost first by ``rank``, then by start, then longest
first. Offsets index the string given (the established text, in the reading
view).

Example:
    >>> text = "Lenin spoke of terror."
    >>> marks = [Mark(0, 22, 0, "span", {"id": "s1"}), Mark(0, 5, 1, "a", {"href": "#lenin"}),
    ...          Mark(3, 11, 2, "em")]
    >>> nest(text, 0, len(text), marks)
    '<span id="s1"><a href="#lenin">Len<em>in</em></a><em class="rv-cont"> spoke</em> of terror.</span>'
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Mark:
    """An element around the text ``[start, end)``.

    ``rank`` orders nesting (lower is outer); ``attrs`` become the element's
    attributes (escaped); ``prefix`` is HTML written just inside the first
    piece (e.g. a sentence's tone mark).
    """

    start: int
    end: int
    rank: int
    tag: str
    attrs: Mapping[str, str] = field(default_factory=dict)
    prefix: str = ""

    def open(self, first: bool) -> str:
        """The opening tag: in full for the first piece; for a continuation, no ``id``, class ``rv-cont``.

        Example:
            >>> Mark(0, 1, 0, "span", {"id": "x", "class": "a"}).open(first=False)
            '<span class="a rv-cont">'
        """
        attrs = dict(self.attrs)
        if not first:
            attrs.pop("id", None)
            attrs["class"] = (attrs.get("class", "") + " rv-cont").strip()
        inner = "".join(f' {k}="{esc(v)}"' for k, v in attrs.items())
        return f"<{self.tag}{inner}>" + (self.prefix if first else "")

    def close(self) -> str:
        """The closing tag."""
        return f"</{self.tag}>"


@dataclass(frozen=True)
class Atom:
    """HTML standing for the text ``[start, end)``, never cut (``start == end``: inserted there)."""

    start: int
    end: int
    html: str


def esc(text: object, quote: bool = True) -> str:
    """Escape text for an HTML element or a quoted attribute (``quote=False``: an element only).

    Example:
        >>> esc('Ivanov-Razumnik <"R-V">'), esc("Blok's death", quote=False)
        ('Ivanov-Razumnik &lt;&quot;R-V&quot;&gt;', "Blok's death")
    """
    return html.escape(str(text), quote=quote)


def script_json(data: object) -> str:
    """``data`` as JSON to embed in a ``<script>`` element, every ``<`` written ``\\u003c``.

    A ``<`` left in a script's text lets ``<!--``, ``<script`` or ``</script``
    inside a string change how the HTML parser reads the rest of the page; the
    escaped form is the same string to ``JSON.parse`` and to JavaScript.

    Example:
        >>> script_json({"name": "<!--<script>"})
        '{"name": "\\\\u003c!--\\\\u003cscript>"}'
        >>> json.loads(script_json({"name": "<!--<script>"}))["name"]
        '<!--<script>'
    """
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")


#: A run of 25 or more characters without a space — a web address, a long identifier.
_LONG = re.compile(r"[^\s<>]{25,}")
#: Where a long run may break — after a slash, an underscore, a hyphen, a full stop, ``?``, ``=``,
#: and before each escaped byte of an address (``%D0%9B``: a letter of another alphabet).
_AFTER = re.compile(r"(?<=[/_\-.?=])(?=[^\s/_\-.?=%])|(?<=[^\s/_\-.?=])(?=%[0-9A-Fa-f]{2})")


def breakable(markup: str) -> str:
    """HTML whose long runs of text (web addresses) may break after ``/ _ - . ? =`` and before ``%``.

    A ``<wbr>`` marks each place, outside tags only, so that a table column is
    as narrow as its longest word rather than its longest address, and no word
    is ever broken elsewhere.

    Example:
        >>> breakable('<a href="https://x.org/a_b">https://en.wikipedia.org/wiki/Paul_Levi</a> ok')
        '<a href="https://x.org/a_b">https://<wbr>en.<wbr>wikipedia.<wbr>org/<wbr>wiki/<wbr>Paul_<wbr>Levi</a> ok'
        >>> breakable("https://ru.wikipedia.org/wiki/%D0%91%D0%BB%D0%BE%D0%BA")
        'https://<wbr>ru.<wbr>wikipedia.<wbr>org/<wbr>wiki/%D0<wbr>%91<wbr>%D0<wbr>%BB<wbr>%D0<wbr>%BE<wbr>%D0<wbr>%BA'
    """
    parts = re.split(r"(<[^>]*>)", markup)
    for i in range(0, len(parts), 2):
        parts[i] = _LONG.sub(lambda m: _AFTER.sub("<wbr>", m.group()), parts[i])
    return "".join(parts)


_HEADING = re.compile(r"(<th\b[^>]*>)([^<]*)(?=</th>)")


def wrap_headings(markup: str) -> str:
    """HTML whose table headings may wrap after an underscore (``paragraph_<wbr>id``).

    A heading such as ``paragraph_id`` is one word to the browser, and the
    narrowest its column can be; the ``<wbr>`` lets it wrap like two.

    Example:
        >>> wrap_headings('<th>paragraph_id</th><td>a_b</td><th class="x">as_stored</th>')
        '<th>paragraph_<wbr>id</th><td>a_b</td><th class="x">as_<wbr>stored</th>'
    """
    return _HEADING.sub(lambda m: m[1] + m[2].replace("_", "_<wbr>"), markup)


def escape_text(text: str, breaks: bool = False) -> str:
    """Escape text for HTML; ``breaks=True`` turns line breaks into ``<br>``.

    Example:
        >>> escape_text("a < b\\nc", breaks=True)
        'a &lt; b<br>c'
    """
    out = esc(text, quote=False)
    return out.replace("\n", "<br>") if breaks else out


def _snap(marks: Iterable[Mark], atoms: list[Atom], lo: int, hi: int) -> list[Mark]:
    """Clip marks to ``[lo, hi)`` and widen any edge that falls inside an atom to the atom's edge."""
    out = []
    for mark in marks:
        start, end = max(mark.start, lo), min(mark.end, hi)
        if end <= start:
            continue
        for atom in atoms:
            if atom.start < start < atom.end:
                start = atom.start
            if atom.start < end < atom.end:
                end = atom.end
        if end > start:
            out.append(Mark(start, end, mark.rank, mark.tag, mark.attrs, mark.prefix))
    return out


def nest(text: str, lo: int, hi: int, marks: Iterable[Mark], atoms: Iterable[Atom] = (),
         breaks: bool = False) -> str:
    """The HTML of ``text[lo:hi]`` with every mark and atom, tags always balanced.

    Atoms must not overlap one another. A zero-width atom lies inside the marks
    that strictly contain its position; a mark of zero width is dropped.

    Example:
        >>> nest("19 18 was", 0, 9, [Mark(0, 5, 0, "b")], [Atom(2, 3, "<del> </del>")])
        '<b>19<del> </del>18</b> was'
    """
    atoms = sorted((a for a in atoms if lo <= a.start and a.end <= hi),
                   key=lambda a: (a.start, a.end))
    marks = sorted(_snap(marks, atoms, lo, hi), key=lambda m: (m.rank, m.start, -m.end))
    cuts = sorted({lo, hi, *(m.start for m in marks), *(m.end for m in marks),
                   *(a.start for a in atoms), *(a.end for a in atoms)})
    # The pieces in order: (start, end, html); zero-width atoms sit at their position.
    pieces: list[tuple[int, int, str]] = []
    by_start = {a.start: a for a in atoms if a.end > a.start}
    inserts: dict[int, list[Atom]] = {}
    for a in atoms:
        if a.end == a.start:
            inserts.setdefault(a.start, []).append(a)
    skip_until = lo
    for a, b in zip(cuts, cuts[1:] + [hi]):
        for atom in inserts.pop(a, []):
            pieces.append((a, a, atom.html))
        if a >= b or a < skip_until:
            continue
        if a in by_start:
            atom = by_start[a]
            pieces.append((atom.start, atom.end, atom.html))
            skip_until = atom.end
        else:
            pieces.append((a, b, escape_text(text[a:b], breaks)))
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[int] = set()
    for start, end, piece in pieces:
        if end > start:
            want = [m for m in marks if m.start <= start and end <= m.end]
        else:
            want = [m for m in marks if m.start < start < m.end]
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] is want[keep]:
            keep += 1
        for mark in reversed(stack[keep:]):
            out.append(mark.close())
        for mark in want[keep:]:
            out.append(mark.open(first=id(mark) not in opened))
            opened.add(id(mark))
        stack = want
        out.append(piece)
    out.extend(mark.close() for mark in reversed(stack))
    return "".join(out)
