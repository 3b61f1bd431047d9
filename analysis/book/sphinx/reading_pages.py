"""Sphinx extension: the reading pages, the who's-who, links into them, and the publisher's settings.

Both books load it (``analysis.book.sphinx.reading_pages`` in
``sphinx.extra_extensions``); it reads the text the book reads,
:func:`analysis.pages.current` (:func:`~analysis.book.sphinx.targets.analyses`).

- ``{reading-view}``: the text with the analyses laid on it
  (:func:`analysis.reading_view.page.render`), made when the book is built. With the
  option ``:openings:``, or the publisher's ``reading_text: openings``, it
  shows only each paragraph's first words. With ``:text: russell``, the text of
  that id in the corpus of witnesses (:mod:`analysis.book.sphinx.targets`),
  after a note of where it comes from; its names lead to its own who's-who, on
  the same page (``{whos-who}`` with the same ``:text:``).
- ``{whos-who}``: an entry per registered person (:func:`analysis.reading_view.whos_who.whos_who`).
- Roles ``{para}`43``` (a link "¶43" to the paragraph on the reading page),
  ``{sent}`312``` ("s312", to the sentence) and ``{person}`lenin``` (the
  person's name, to their entry); ``{para}`the opening <3>``` sets the words,
  and a text's id before a colon, ``{sent}`russell:12```, leads to that
  text's reading page. Sphinx writes each address relative to the page, and an
  id the text lacks, or a page the book lacks, is a build error.
- Every link to ``reading.html#…``, ``reading-<text_id>.html#…`` or
  ``whos-who.html#…`` in a page's output (tables and figures made by
  :mod:`analysis.reading_view`) is checked against the anchors that exist; a
  page with an interactive figure gets ``plotly.min.js``, copied from the
  pinned ``plotly`` package into ``_static``, and a page with a searchable
  table (:func:`analysis.reading_view.tables.show`) gets the DataTables script
  and style of the pinned ``itables`` package, copied into ``_static/itables``
  once (:func:`analysis.reading_view.tables.assets`): no stored notebook
  carries them.
- Every page gets the reading view's style sheet and script, from the
  package's own static folder (:data:`analysis.book.sphinx.STATIC`).
- The pandas tables of the pages' outputs: every long run of text in a cell
  (a web address) may break after a slash, and a heading after an underscore
  (``<wbr>``), so that a column is as narrow as its longest word and the style
  sheet can wrap every cell whole.
- ``publisher`` (in ``_config.yml``, under ``sphinx.config``): the repository
  and its buttons, the launch buttons and the reading page's text, in one place
  (``apply_publisher`` writes them into ``html_theme_options``).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from analysis.book.sphinx import STATIC, targets
from analysis.book.sphinx.targets import READING_DOC, WHOS_WHO_DOC, analyses

logger = logging.getLogger(__name__)

#: The reading view's code — a page it makes is read again when it changes.
READING_VIEW = Path(__file__).resolve().parents[2] / "reading_view"

#: The publisher's settings and their defaults.
PUBLISHER: dict[str, Any] = {
    "repository_url": "",
    "repository_branch": "main",
    "path_to_docs": "",
    "repository_buttons": ["repository", "issues"],
    "launch_buttons": {},
    "reading_text": "full",
}

#: The reading view's style sheet and script, added to every page.
CSS, JS = "reading-view.css", "reading-view.js"

_LINK = re.compile(r'(?P<quote>["\'])(?P<up>(?:\.\./)*)(?P<page>reading(?:-[a-z][a-z0-9_]*)?'
                   r"|whos-who)\.html#(?P<anchor>[A-Za-z0-9_-]+)(?P=quote)")


def publisher(config: Config) -> dict[str, Any]:
    """The publisher's settings, defaults filled in."""
    return {**PUBLISHER, **(config.publisher or {})}


def _dependencies(env: Any, results: Any) -> None:
    """Read the generated page again when the text, its data or the reading view's code changes."""
    for path in [*targets.sources(results), *sorted(READING_VIEW.glob("*.py"))]:
        env.note_dependency(str(path))


def _text_option(directive: SphinxDirective) -> str | None:
    """The ``:text:`` of a directive, checked against the corpus (an unknown id: an error)."""
    text_id = directive.options.get("text")
    if text_id is not None and text_id not in targets.documents():
        raise directive.error(f"{{{directive.name}}}: the corpus has no text {text_id!r} (its "
                              f"texts: {', '.join(targets.documents())})")
    return text_id


def _source_note(text_id: str) -> nodes.Node:
    """Where a text of the corpus comes from: author, title, year, source, cut and rights."""
    w = targets.corpus().text(text_id)
    when = "; ".join(x for x in (w.events and f"events of {w.events}",
                                 w.written and f"written {w.written}",
                                 w.translator and f"translated by {w.translator}") if x)
    note = nodes.paragraph(classes=["rv-source"])
    note += [nodes.strong(text=w.author), nodes.Text(", "), nodes.emphasis(text=w.title),
             nodes.Text(f" ({w.year}{'; ' + when if when else ''}). Source: {w.source}. "
                        f"The passage: {w.cut}. Rights: {w.rights}.")]
    return note


class ReadingView(SphinxDirective):
    """``{reading-view}``: the annotated text of the book's chapter, or of a text of the corpus."""

    has_content = False
    option_spec = {"openings": directives.flag, "text": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        from analysis.reading_view import render

        openings = "openings" in self.options or publisher(self.config)["reading_text"] == "openings"
        text_id = _text_option(self)
        own = text_id is None or targets.documents()[text_id] == READING_DOC
        results = analyses() if own else targets.results_of(text_id)
        # A witness's names lead to its own who's-who, below its text.
        page = (self.env.app.builder.get_relative_uri(self.env.docname, WHOS_WHO_DOC)
                if own else "")
        _dependencies(self.env, results)
        html = nodes.raw("", render(results, openings_only=openings, whos_who_page=page),
                         format="html")
        return [html] if own else [_source_note(text_id), html]


class WhosWho(SphinxDirective):
    """``{whos-who}``: an entry per registered person (of the book's text, or of ``:text:``)."""

    has_content = False
    option_spec = {"text": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        from analysis.reading_view.whos_who import whos_who

        openings = publisher(self.config)["reading_text"] == "openings"
        text_id = _text_option(self)
        own = text_id is None or targets.documents()[text_id] == READING_DOC
        results = analyses() if own else targets.results_of(text_id)
        page = (self.env.app.builder.get_relative_uri(self.env.docname, READING_DOC)
                if own else "")
        _dependencies(self.env, results)
        return [nodes.raw("", whos_who(results, reading_page=page, openings_only=openings),
                          format="html")]


class rv_link(nodes.Inline, nodes.TextElement):  # noqa: N801 (a docutils node)
    """A link to a paragraph, sentence or person, resolved when the page is written."""


_TITLED = re.compile(r"^(?P<title>.+?)\s*<(?P<target>[^<>]+)>$", re.S)
_PREFIXED = re.compile(r"^(?P<text>[a-z][a-z0-9_]*):(?P<id>.+)$")


def _target(kind: str, target: str) -> tuple[str, str, str, str | None]:
    """``(document, anchor, shown, problem)`` of a role's target (``43``, ``lenin``,
    ``russell:12``): the page and id it leads to, the words it reads by default, and what is
    wrong with it (``None``: nothing)."""
    from analysis.reading_view import paragraph_anchor, person_anchor, sentence_anchor

    m = _PREFIXED.match(target)
    text_id, target = (m["text"], m["id"]) if m else (None, target)
    if text_id is not None and text_id not in targets.documents():
        return "", "", target, f"the corpus has no text {text_id!r}"
    doc = READING_DOC if text_id is None else targets.documents()[text_id]
    if kind == "person" and doc == READING_DOC:
        doc = WHOS_WHO_DOC  # the book's own text has its who's-who on a page of its own
    if kind == "person":
        anchor = person_anchor(target)
        results = analyses() if text_id is None else targets.results_of(text_id)
        shown = dict(zip(results.register["person_id"], results.register["name"])).get(target,
                                                                                       target)
    elif target.isdigit():
        make, shown = ((paragraph_anchor, f"¶{target}") if kind == "paragraph"
                       else (sentence_anchor, sentence_anchor(int(target))))
        anchor = make(int(target))
    else:
        return doc, target, target, f"the text has no {kind} {target!r}"
    ok = anchor in (targets.anchors(targets.key_of(doc)) or ())
    return doc, anchor, shown, None if ok else f"the text has no {kind} {target!r}"


def link_role(kind: str) -> Any:
    """The role for links of ``kind`` (``paragraph``, ``sentence`` or ``person``)."""

    def role(name: str, rawtext: str, text: str, lineno: int, inliner: Any,
             options: dict | None = None, content: list | None = None) -> tuple[list, list]:
        m = _TITLED.match(text.strip())
        title, target = (m["title"], m["target"].strip()) if m else (None, text.strip())
        doc, anchor, shown, problem = _target(kind, target)
        if problem:
            msg = inliner.reporter.error(f"{{{name}}}: {problem}", line=lineno)
            return [inliner.problematic(rawtext, rawtext, msg)], [msg]
        node = rv_link(rawtext, "", kind=kind, doc=doc, anchor=anchor, classes=["rv-link"])
        node += nodes.Text(title or shown)
        return [node], []

    return role


def resolve_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Turn each link of the roles into a reference relative to the page (its page must exist)."""
    for node in list(doctree.findall(rv_link)):
        if node["doc"] not in app.env.found_docs:
            logger.warning(f"a link to {node['doc']}#{node['anchor']}: the book has no page "
                           f"{node['doc']}", location=node)
        uri = app.builder.get_relative_uri(docname, node["doc"]) + "#" + node["anchor"]
        ref = nodes.reference("", "", internal=True, refuri=uri, classes=node["classes"])
        ref += node.children
        node.replace_self(ref)


def apply_publisher(app: Sphinx, config: Config) -> None:
    """Write the publisher's repository and launch settings into the theme's options, and
    put the package's static folder first among the book's."""
    pub = publisher(config)
    if pub["reading_text"] not in ("full", "openings"):
        raise ValueError(f"publisher.reading_text must be 'full' or 'openings', "
                         f"not {pub['reading_text']!r}")
    options = dict(config.html_theme_options or {})
    url = str(pub["repository_url"] or "")
    buttons = set(pub["repository_buttons"] or [])
    options.update(repository_url=url, repository_branch=pub["repository_branch"],
                   path_to_docs=pub["path_to_docs"],
                   use_repository_button=bool(url) and "repository" in buttons,
                   use_issues_button=bool(url) and "issues" in buttons,
                   use_edit_page_button=bool(url) and "edit" in buttons)
    launch = {**(options.get("launch_buttons") or {}),
              **{k: v for k, v in (pub["launch_buttons"] or {}).items() if v not in (None, "")}}
    launch["thebe"] = False  # Thebe loads its scripts from another host: never in this book
    options["launch_buttons"] = launch
    config.html_theme_options = options
    config.html_static_path = [str(STATIC), *[p for p in config.html_static_path
                                              if Path(p) != STATIC]]


_DATAFRAME = re.compile(r'<table[^>]*class="[^"]*\bdataframe\b[^"]*"[^>]*>.*?</table>', re.S)


def page_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                doctree: Any) -> None:
    """Give a page with a figure or a table its scripts; let long runs in tables break; check its links."""
    from analysis.reading_view.markup import breakable, wrap_headings
    from analysis.reading_view.tables import LOADER, MARKER, STYLE

    body = context.get("body") or ""
    if not body:
        return
    if 'data-rv-figure="' in body:
        app.add_js_file("plotly.min.js")
    if f'{MARKER}="' in body:
        app.add_css_file(STYLE)
        app.add_js_file(LOADER, type="module")
    body = _DATAFRAME.sub(lambda m: wrap_headings(breakable(m.group())), body)

    def place(m: re.Match[str]) -> str:
        page, doc = m["page"], f"book/{m['page']}"
        known = targets.anchors(page)
        if known is None or doc not in app.env.found_docs:
            logger.warning(f"a link to {page}.html#{m['anchor']}: the book has no page {doc}",
                           location=pagename)
        elif m["anchor"] not in known:
            logger.warning(f"a link to {page}.html#{m['anchor']}: no such anchor",
                           location=pagename)
        if m["up"]:
            return m.group()
        return f'{m["quote"]}{app.builder.get_relative_uri(pagename, doc)}#{m["anchor"]}{m["quote"]}'

    context["body"] = _LINK.sub(place, body)


def copy_scripts(app: Sphinx) -> None:
    """Copy ``plotly.min.js`` and the tables' scripts of the installed (pinned) packages into ``_static``."""
    if app.builder.format != "html":
        return
    import plotly

    from analysis.reading_view.tables import assets

    static = Path(app.outdir) / "_static"
    source = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    target = static / "plotly.min.js"
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.is_file() or target.stat().st_size != source.stat().st_size:
        shutil.copyfile(source, target)
    assets(static)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("publisher", {}, "env", types=[dict])
    app.add_directive("reading-view", ReadingView)
    app.add_directive("whos-who", WhosWho)
    app.add_node(rv_link)
    for name, kind in (("para", "paragraph"), ("sent", "sentence"), ("person", "person")):
        app.add_role(name, link_role(kind))
    app.add_css_file(CSS)
    app.add_js_file(JS)
    app.connect("config-inited", apply_publisher)
    app.connect("builder-inited", copy_scripts)
    app.connect("doctree-resolved", resolve_links)
    app.connect("html-page-context", page_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
