"""The who's-who: an entry per registered person, the text beside the record, and every passage that names them.

:func:`whos_who` takes an :class:`~analysis.results.Analyses` and returns one
HTML fragment: a search box (shown when the page's script runs), an index of
the names, then, in the order of their surnames, an entry per person
(``id="person-lenin"``): the register's standard name and years of life, the
role, nationality and affiliation at the time of the text; then the text and
the historical record side by side (:func:`compare`): the forms of the name
the text uses beside the record's name and birth name, the life dates, the
fate the text gives beside the record's, and, where the text errs, what it
says beside the record; the sources and the Wikidata item (a plain link, with
how it was checked); and every sentence that names them, each a link to its
anchor on the reading page. A register without some of these columns gives
entries without those rows.

The search keeps the entries whose words, names, forms, labels or birth names
hold what is typed, ignoring accents and case (``Maurin`` finds Maurín,
``Kibalchich`` finds Victor Serge): each entry carries its names in
``data-names`` for the page's script.

Example:
    >>> from analysis.results import Analyses
    >>> page = whos_who(Analyses(chapter, files))
    >>> page.count('class="ww-person"') == len(register)
    True
    >>> 'href="reading.html#s12"' in page and 'id="person-lenin"' in page
    True
"""

from __future__ import annotations

import re
from collections.abc import Mapping


from analysis.people.fates import lifespan
from analysis.people.register import split_aliases
from analysis.reading_view.links import (READING_PAGE, paragraph_href, person_anchor,
                                         sentence_href)
from analysis.reading_view.markup import breakable, esc
from analysis.reading_view.marks import to_established
from analysis.results import Analyses
from analysis.text import Chapter

#: How many characters of context a passage shows either side of the name.
CONTEXT = 60

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

_URL = re.compile(r"https?://[^\s;,()]+[^\s;,().]")
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def linkify(text: str) -> str:
    """Escape ``text`` and turn its web addresses into plain links (that may break in a narrow column).

    Example:
        >>> linkify("Wikipedia, https://en.wikipedia.org/wiki/Paul_Levi; more")
        'Wikipedia, <a class="ww-url" href="https://en.wikipedia.org/wiki/Paul_Levi">https://<wbr>en.<wbr>wikipedia.<wbr>org/<wbr>wiki/<wbr>Paul_<wbr>Levi</a>; more'
    """
    out, pos = [], 0
    for m in _URL.finditer(text):
        out.append(esc(text[pos:m.start()]))
        out.append(f'<a class="ww-url" href="{esc(m.group())}">{breakable(esc(m.group()))}</a>')
        pos = m.end()
    out.append(esc(text[pos:]))
    return "".join(out)


def surname_key(name: str) -> tuple[str, str]:
    """Sort key: the last word of the name, then the name.

    Example:
        >>> sorted(["Vladimir Ilyich Lenin", "Bela Kun", "Henriette Roland-Holst"], key=surname_key)
        ['Bela Kun', 'Vladimir Ilyich Lenin', 'Henriette Roland-Holst']
    """
    return (name.split()[-1].casefold() if name.split() else "", name.casefold())


def long_date(value: object) -> str:
    """An ISO 8601 date as precise as the record, in words (anything else as given).

    Example:
        >>> long_date("1883-09-23"), long_date("1921-08"), long_date("1887"), long_date("")
        ('23 September 1883', 'August 1921', '1887', '')
    """
    text = str(value or "").strip()
    m = _ISO.match(text)
    if not m:
        return text
    year, month, day = m.groups()
    if month is None:
        return year
    words = f"{MONTHS[int(month) - 1]} {year}"
    return f"{int(day)} {words}" if day else words


def passage(chapter: Chapter, sentence_id: int, starts: list[int], ends: list[int],
            context: int = CONTEXT) -> str:
    """A sentence's words around its mentions (established text), the names in bold.

    Example:
        >>> found = mentions(chapter, register, shared_names)
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
        pieces.append(esc(chapter.text[pos:x]) + f"<strong>{esc(chapter.text[x:y])}</strong>")
        pos = y
    pieces.append(esc(chapter.text[pos:b]))
    return ("…" if a > slo else "") + "".join(pieces).replace("\n", " ") + ("…" if b < shi else "")


_PARAGRAPH = re.compile(r"¶(\d+)")


def cite_paragraphs(text: str, reading_page: str = READING_PAGE) -> str:
    """Escape ``text`` and link each "¶6" in it to the paragraph on the reading page.

    Example:
        >>> cite_paragraphs('¶6: "came out"')
        '<a href="reading.html#p6">¶6</a>: &quot;came out&quot;'
    """
    return _PARAGRAPH.sub(lambda m: f'<a href="{esc(paragraph_href(int(m[1]), reading_page))}">'
                                    f"¶{m[1]}</a>", esc(text))


def _get(row: Mapping[str, object], key: str) -> str:
    """A register cell as text, ``""`` where the column is missing or the cell empty."""
    value = row.get(key)
    return "" if value is None or value != value else str(value).strip()  # NaN != NaN


def _field(label: str, value: str, html_value: str | None = None) -> str:
    if not value:
        return ""
    return f"<dt>{label}</dt><dd>{esc(value) if html_value is None else html_value}</dd>"


def names_of(row: Mapping[str, object]) -> list[str]:
    """Every name a person goes by: the standard name, the label, the birth name, the text's forms.

    Example:
        >>> names_of({"name": "Victor Serge", "label": "Serge", "birth_name": "Viktor Kibalchich",
        ...           "aliases": "Victor Serge; Serge"})
        ['Victor Serge', 'Serge', 'Viktor Kibalchich']
    """
    found = [_get(row, "name"), _get(row, "label"), _get(row, "birth_name"),
             *split_aliases(_get(row, "aliases"))]
    return [n for n in dict.fromkeys(found) if n]


def compare(row: Mapping[str, object], reading_page: str = READING_PAGE) -> str:
    """The text and the historical record side by side, a row for each thing either says.

    Rows: *Name* (the forms the text uses; the record's name and birth name),
    *Life* (the record's dates), *Fate* (the text's; the record's, with how
    the person died and at whose hands), *Where the text errs* (what it says;
    the record); a row where neither says anything is left out. Each cell
    names its side (``data-side``), for a phone, where the rows are stacked.

    Example:
        >>> html = compare({"name": "Andreu Nin", "aliases": "Nin", "born": "1892-02-04",
        ...                 "died": "1937-06", "fate": "a horrible death",
        ...                 "record_fate": "Murdered by NKVD agents, June 1937.",
        ...                 "death": "murdered", "killed_by": "Soviet state"})
        >>> '"In the text">a horrible death</td>' in html and "4 February 1892 – June 1937" in html
        True
        >>> "murdered (Soviet state)" in html
        True
    """
    record_name = esc(_get(row, "name")) + (
        f'<br><span class="ww-born">born {esc(_get(row, "birth_name"))}</span>'
        if _get(row, "birth_name") else "")
    forms = "; ".join(esc(f) for f in split_aliases(_get(row, "aliases")))
    born, died = long_date(_get(row, "born")), long_date(_get(row, "died"))
    life = (f"{born} – {died}" if born and died else f"born {born}" if born
            else f"died {died}" if died else "")
    how = _get(row, "death") + (f" ({_get(row, 'killed_by')})" if _get(row, "killed_by") else "")
    fate = esc(_get(row, "record_fate")) + (
        f' <span class="ww-death">{esc(how)}</span>' if how and how != "unknown" else "")
    rows = [("Name", forms, record_name), ("Life", "", esc(life)),
            ("Fate", esc(_get(row, "fate")), fate.strip()),
            ("Where the text errs", cite_paragraphs(_get(row, "claim"), reading_page),
             esc(_get(row, "record")))]
    body = "".join(
        f'<tr><th scope="row">{label}</th>'
        + "".join(f'<td data-side="{side}">{cell}</td>' if cell
                  else f'<td class="ww-empty" data-side="{side}"></td>'
                  for side, cell in (("In the text", text), ("By the record", record))) + "</tr>"
        for label, text, record in rows if text or record)
    return ('<table class="ww-compare"><thead><tr><td></td><th scope="col">In the text</th>'
            f'<th scope="col">By the record</th></tr></thead><tbody>{body}</tbody></table>')


def _sources(row: Mapping[str, object]) -> str:
    """The reference works, the Wikidata item and how it was checked, and the register's note."""
    facts = "".join([
        _field("Sources", _get(row, "record_source"), linkify(_get(row, "record_source"))),
        _field("Life and fate", _get(row, "life_source"), linkify(_get(row, "life_source"))),
    ])
    qid = _get(row, "wikidata")
    if qid:
        check = _get(row, "wikidata_check")
        facts += (f'<dt>Wikidata</dt><dd><a class="ww-url" href="https://www.wikidata.org/wiki/'
                  f'{esc(qid)}">{esc(qid)}</a>'
                  + (f' <span class="ww-check">(checked: {linkify(check)})</span>' if check else "")
                  + "</dd>")
    facts += _field("Note", _get(row, "note"))
    return f'<dl class="ww-facts ww-sources">{facts}</dl>' if facts else ""


def whos_who(analyses: Analyses, *, reading_page: str = READING_PAGE,
             openings_only: bool = False) -> str:
    """The who's-who of the register as one HTML fragment (see the module's description).

    ``analyses`` gives the ``register``, its ``mentions`` and the ``chapter``;
    ``reading_page`` is the reading page, as linked from this one;
    ``openings_only`` leaves out the words of the passages (only their
    paragraph numbers, linked), as the reading page then shows only openings.

    Example:
        >>> from analysis.results import Analyses
        >>> short = whos_who(Analyses(chapter, files), openings_only=True)
        >>> '<strong>' in short
        False
    """
    chapter, mentions = analyses.chapter, analyses.mentions
    kind = chapter.paragraphs.set_index("paragraph_id")["kind"]
    order = sorted(analyses.shown_register.to_dict("records"),
                   key=lambda r: surname_key(str(r["name"])))
    index = ", ".join(f'<a href="#{esc(person_anchor(r["person_id"]))}">{esc(r["name"])}</a>'
                      for r in order)
    entries = []
    for r in order:
        pid = str(r["person_id"])
        found = mentions[mentions["person_id"] == pid].sort_values("start")
        span = lifespan(_get(r, "born"), _get(r, "died"))
        title = esc(r["name"]) + (f' <span class="ww-dates">({esc(span)})</span>' if span else "")
        facts = "".join([
            _field("Role", _get(r, "role")),
            _field("Nationality", _get(r, "nationality")),
            _field("Affiliation", _get(r, "affiliation")),
        ])
        items = []
        for sid, group in found.groupby("sentence_id", sort=False):
            pid_ = int(group["paragraph_id"].iloc[0])
            where = "editor's note, " if kind.get(pid_) == "editorial" else ""
            link = (f'<a class="ww-passage" href="{esc(sentence_href(int(sid), reading_page))}">'
                    f"{where}¶{pid_}</a>")
            words = "" if openings_only else " " + passage(
                chapter, int(sid), group["start"].tolist(), group["end"].tolist())
            items.append(f"<li>{link}{words}</li>")
        n_sent = found["sentence_id"].nunique()
        named = (f'<p class="ww-count">Named {len(found)} time{"s" if len(found) != 1 else ""}, '
                 f'in {n_sent} sentence{"s" if n_sent != 1 else ""}:</p>'
                 f'<ol class="ww-passages">{"".join(items)}</ol>' if len(found)
                 else '<p class="ww-count">Not named in this excerpt.</p>')
        entries.append(
            f'<section class="ww-person" id="{esc(person_anchor(pid))}" data-person="{esc(pid)}" '
            f'data-names="{esc(" | ".join(names_of(r)))}"><h2 class="ww-name">{title}</h2>'
            f'<dl class="ww-facts">{facts}</dl>{compare(r, reading_page)}{_sources(r)}'
            f"{named}</section>")
    finder = ('<p class="ww-find" hidden><label>Find a person <input type="search" '
              'class="ww-filter" placeholder="a name, a birth name, a role, a fate …" '
              'autocomplete="off"></label> <span class="ww-shown" aria-live="polite"></span></p>')
    return (f'<div class="ww" id="ww">{finder}<nav class="ww-index" aria-label="Everyone in the '
            f'register">{index}</nav>' + "".join(entries) + "</div>")
