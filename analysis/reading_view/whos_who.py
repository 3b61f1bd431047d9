"""The who's-who: an entry per registered person, with every passage that names them.

:func:`whos_who` returns one HTML fragment: an index of the names, then, in
the order of their surnames, an entry per person (``id="person-lenin"``) with
the register's standard name, years of life (born, died), role, nationality, affiliation and fate
(a search box, shown when the page's script runs, keeps the entries and index
names whose words hold what is typed);
where the text errs, what it says and the historical record with its source;
the Wikidata item where known (a plain link); and every sentence that names
them, each a link to its anchor on the reading page.

Example:
    >>> page = whos_who(register, mentions(chapter, register), chapter)
    >>> page.count('class="ww-person"') == len(register)
    True
    >>> 'href="reading.html#s12"' in page and 'id="person-lenin"' in page
    True
"""

from __future__ import annotations

import html
import re

import pandas as pd

from analysis.people.fates import lifespan
from analysis.reading_view.marks import to_established
from analysis.text import Chapter

#: How many characters of context a passage shows either side of the name.
CONTEXT = 60

_URL = re.compile(r"https?://[^\s;,()]+[^\s;,().]")


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def linkify(text: str) -> str:
    """Escape ``text`` and turn its web addresses into plain links.

    Example:
        >>> linkify("Wikipedia, https://en.wikipedia.org/wiki/Paul_Levi; more")
        'Wikipedia, <a class="ww-url" href="https://en.wikipedia.org/wiki/Paul_Levi">https://en.wikipedia.org/wiki/Paul_Levi</a>; more'
    """
    out, pos = [], 0
    for m in _URL.finditer(text):
        out.append(_esc(text[pos:m.start()]))
        out.append(f'<a class="ww-url" href="{_esc(m.group())}">{_esc(m.group())}</a>')
        pos = m.end()
    out.append(_esc(text[pos:]))
    return "".join(out)


def surname_key(name: str) -> tuple[str, str]:
    """Sort key: the last word of the name, then the name.

    Example:
        >>> sorted(["Vladimir Ilyich Lenin", "Bela Kun", "Henriette Roland-Holst"], key=surname_key)
        ['Bela Kun', 'Vladimir Ilyich Lenin', 'Henriette Roland-Holst']
    """
    return (name.split()[-1].casefold() if name.split() else "", name.casefold())


def passage(chapter: Chapter, sentence_id: int, starts: list[int], ends: list[int],
            context: int = CONTEXT) -> str:
    """A sentence's words around its mentions (established text), the names in bold.

    Example:
        >>> found = mentions(chapter, register)
        >>> row = found.iloc[0]
        >>> passage(chapter, row.sentence_id, [row.start], [row.end])[:40]
        '…the Kremlin, in the great throne-room o'
    """
    sent = chapter.sentences.set_index("sentence_id").loc[sentence_id]
    (slo,), (shi,) = to_established(chapter, [sent["start"]], [sent["end"]])
    lo, hi = to_established(chapter, starts, ends)
    a, b = max(int(slo), int(lo.min()) - context), min(int(shi), int(hi.max()) + context)
    # Widen to whole words.
    while a > slo and not chapter.text[a - 1].isspace():
        a -= 1
    while b < shi and not chapter.text[b].isspace():
        b += 1
    pieces, pos = [], a
    for x, y in sorted(zip(lo.tolist(), hi.tolist())):
        if x < pos:
            continue
        pieces.append(_esc(chapter.text[pos:x]) + f"<strong>{_esc(chapter.text[x:y])}</strong>")
        pos = y
    pieces.append(_esc(chapter.text[pos:b]))
    return ("…" if a > slo else "") + "".join(pieces).replace("\n", " ") + ("…" if b < shi else "")


_PARAGRAPH = re.compile(r"¶(\d+)")


def cite_paragraphs(text: str, reading_href: str = "reading.html") -> str:
    """Escape ``text`` and link each "¶6" in it to the paragraph on the reading page.

    Example:
        >>> cite_paragraphs('¶6: "came out"')
        '<a href="reading.html#p6">¶6</a>: &quot;came out&quot;'
    """
    return _PARAGRAPH.sub(lambda m: f'<a href="{_esc(reading_href)}#p{m[1]}">¶{m[1]}</a>', _esc(text))


def _field(label: str, value: str, html_value: str | None = None) -> str:
    if not value:
        return ""
    return f"<dt>{label}</dt><dd>{_esc(value) if html_value is None else html_value}</dd>"


def whos_who(register: pd.DataFrame, mentions: pd.DataFrame, chapter: Chapter, *,
             reading_href: str = "reading.html", openings_only: bool = False) -> str:
    """The who's-who of the register as one HTML fragment (see the module's description).

    ``reading_href`` is the reading page, as linked from this one;
    ``openings_only`` leaves out the words of the passages (only their
    paragraph numbers, linked), as the reading page then shows only openings.

    Example:
        >>> short = whos_who(register, mentions(chapter, register), chapter, openings_only=True)
        >>> '<strong>' in short
        False
    """
    kind = chapter.paragraphs.set_index("paragraph_id")["kind"]
    order = sorted(register.to_dict("records"), key=lambda r: surname_key(str(r["name"])))
    index = ", ".join(f'<a href="#person-{_esc(r["person_id"])}">{_esc(r["name"])}</a>'
                      for r in order)
    entries = []
    for r in order:
        pid = str(r["person_id"])
        found = mentions[mentions["person_id"] == pid].sort_values("start")
        span = lifespan(r.get("born"), r.get("died"))
        title = _esc(r["name"]) + (f' <span class="ww-dates">({_esc(span)})</span>' if span else "")
        facts = "".join([
            _field("Role", str(r.get("role", ""))),
            _field("Nationality", str(r.get("nationality", ""))),
            _field("Affiliation", str(r.get("affiliation", ""))),
            _field("Fate", str(r.get("fate", ""))),
            _field("The text says", str(r.get("claim", "")),
                   cite_paragraphs(str(r.get("claim", "")), reading_href)),
            _field("The record", str(r.get("record", ""))),
            _field("Source", str(r.get("record_source", "")), linkify(str(r.get("record_source", "")))),
            _field("Note", str(r.get("note", ""))),
        ])
        qid = str(r.get("wikidata", "") or "")
        if qid:
            facts += (f'<dt>Wikidata</dt><dd><a class="ww-url" href="https://www.wikidata.org/wiki/'
                      f'{_esc(qid)}">{_esc(qid)}</a></dd>')
        items = []
        for sid, group in found.groupby("sentence_id", sort=False):
            pid_ = int(group["paragraph_id"].iloc[0])
            where = "editor's note, " if kind.get(pid_) == "editorial" else ""
            link = (f'<a class="ww-passage" href="{_esc(reading_href)}#s{int(sid)}">{where}'
                    f"¶{pid_}</a>")
            words = "" if openings_only else " " + passage(
                chapter, int(sid), group["start"].tolist(), group["end"].tolist())
            items.append(f"<li>{link}{words}</li>")
        named = (f'<p class="ww-count">Named {len(found)} time{"s" if len(found) != 1 else ""}, '
                 f'in {found["sentence_id"].nunique()} sentence'
                 f'{"s" if found["sentence_id"].nunique() != 1 else ""}:</p>'
                 f'<ol class="ww-passages">{"".join(items)}</ol>' if len(found)
                 else '<p class="ww-count">Not named in this excerpt.</p>')
        entries.append(f'<section class="ww-person" id="person-{_esc(pid)}" data-person="{_esc(pid)}">'
                       f'<h2 class="ww-name">{title}</h2><dl class="ww-facts">{facts}</dl>'
                       f"{named}</section>")
    finder = ('<p class="ww-find" hidden><label>Find a person <input type="search" '
              'class="ww-filter" placeholder="a name, a role, a fate …" autocomplete="off">'
              '</label> <span class="ww-shown" aria-live="polite"></span></p>')
    return (f'<div class="ww" id="ww">{finder}<nav class="ww-index" aria-label="Everyone in the '
            f'register">{index}</nav>' + "".join(entries) + "</div>")
