"""Sphinx extension: the reading page, the who's-who, links into them, and the publisher's settings.

- ``{reading-view}``: the chapter's text with the analyses laid on it
  (:func:`analysis.reading_view.render`), made when the book is built. With the
  option ``:openings:``, or the publisher's ``reading_text: openings``, it
  shows only each paragraph's first words.
- ``{whos-who}``: an entry per registered person (:func:`analysis.reading_view.whos_who`).
- Roles ``{para}`43``` (a link "¶43" to the paragraph on the reading page),
  ``{sent}`312``` ("s312", to the sentence) and ``{person}`lenin``` (the
  person's name, to their entry); ``{para}`the opening <3>``` sets the words.
  Sphinx writes each address relative to the page, and an id the chapter lacks
  is a build error.
- Every link to ``reading.html#…`` or ``whos-who.html#…`` in a page's output
  (tables and figures made by :mod:`analysis.reading_view`) is checked against
  the anchors that exist; a page with an interactive figure gets
  ``plotly.min.js``, copied from the pinned ``plotly`` package into ``_static``,
  and a page with a searchable table (:func:`analysis.reading_view.tables.show`)
  gets the DataTables script and style of the pinned ``itables`` package, copied
  into ``_static/itables`` once (:func:`analysis.reading_view.tables.assets`):
  no stored notebook carries them.
- The pandas tables of the pages' outputs: every long run of text in a cell
  (a web address) may break after a slash, and a heading after an underscore
  (``<wbr>``), so that a column is as narrow as its longest word and the style
  sheet can wrap every cell whole.
- ``publisher`` (in ``_config.yml``, under ``sphinx.config``): the repository
  and its buttons, the launch buttons and the reading page's text, in one place
  (``apply_publisher`` writes them into ``html_theme_options``).
"""

from __future__ import annotations

import functools
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

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]

#: The publisher's settings and their defaults.
PUBLISHER: dict[str, Any] = {
    "repository_url": "",
    "repository_branch": "main",
    "path_to_docs": "",
    "repository_buttons": ["repository", "issues"],
    "launch_buttons": {},
    "reading_text": "full",
}

#: The pages the links lead to (documents), and the anchors they hold.
READING_DOC, WHOS_WHO_DOC = "book/reading", "book/whos-who"
_LINK = re.compile(r'(?P<quote>["\'])(?P<up>(?:\.\./)*)(?P<page>reading|whos-who)\.html#'
                   r"(?P<anchor>[A-Za-z0-9_-]+)(?P=quote)")


@functools.lru_cache(maxsize=1)
def analyses() -> Any:
    """The analyses of the bundled chapter, computed once per build."""
    from analysis.results import Analyses

    return Analyses.load()


@functools.lru_cache(maxsize=1)
def anchors() -> dict[str, set[str]]:
    """The anchors of the reading page and the who's-who."""
    from analysis.reading_view import paragraph_anchor, person_anchor, sentence_anchor

    a = analyses()
    return {"reading": {paragraph_anchor(i) for i in a.chapter.paragraphs["paragraph_id"]}
            | {sentence_anchor(i) for i in a.chapter.sentences["sentence_id"]} | {"rv"},
            "whos-who": {person_anchor(p) for p in a.register["person_id"]} | {"ww"}}


def publisher(config: Config) -> dict[str, Any]:
    """The publisher's settings, defaults filled in."""
    return {**PUBLISHER, **(config.publisher or {})}


def _dependencies(env: Any) -> None:
    """Rebuild the generated pages when the text, the data or the reading view's code changes."""
    for pattern in ("seeds/*.txt", "analysis/data/**/*", "analysis/reading_view/*.py"):
        for path in ROOT.glob(pattern):
            if path.is_file():
                env.note_dependency(str(path))


class ReadingView(SphinxDirective):
    """``{reading-view}``: the annotated text of the chapter."""

    has_content = False
    option_spec = {"openings": directives.flag}

    def run(self) -> list[nodes.Node]:
        from analysis.reading_view import render

        openings = "openings" in self.options or publisher(self.config)["reading_text"] == "openings"
        page = self.env.app.builder.get_relative_uri(self.env.docname, WHOS_WHO_DOC)
        _dependencies(self.env)
        return [nodes.raw("", render(analyses(), openings_only=openings, whos_who_page=page),
                          format="html")]


class WhosWho(SphinxDirective):
    """``{whos-who}``: an entry per registered person."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from analysis.reading_view.whos_who import whos_who

        openings = publisher(self.config)["reading_text"] == "openings"
        page = self.env.app.builder.get_relative_uri(self.env.docname, READING_DOC)
        _dependencies(self.env)
        return [nodes.raw("", whos_who(analyses(), reading_page=page, openings_only=openings),
                          format="html")]


class rv_link(nodes.Inline, nodes.TextElement):  # noqa: N801 (a docutils node)
    """A link to a paragraph, sentence or person, resolved when the page is written."""


_TITLED = re.compile(r"^(?P<title>.+?)\s*<(?P<target>[^<>]+)>$", re.S)


def link_role(kind: str) -> Any:
    """The role for links of ``kind`` (``paragraph``, ``sentence`` or ``person``)."""

    def role(name: str, rawtext: str, text: str, lineno: int, inliner: Any,
             options: dict | None = None, content: list | None = None) -> tuple[list, list]:
        m = _TITLED.match(text.strip())
        title, target = (m["title"], m["target"].strip()) if m else (None, text.strip())
        from analysis.reading_view import paragraph_anchor, person_anchor, sentence_anchor

        a = analyses()
        if kind == "person":
            names = dict(zip(a.register["person_id"], a.register["name"]))
            ok, anchor, doc = target in names, person_anchor(target), WHOS_WHO_DOC
            shown = title or names.get(target, target)
        else:
            make = paragraph_anchor if kind == "paragraph" else sentence_anchor
            anchor = make(int(target)) if target.isdigit() else target
            ok, doc = target.isdigit() and anchor in anchors()["reading"], READING_DOC
            shown = title or (f"¶{target}" if kind == "paragraph" else anchor)
        if not ok:
            msg = inliner.reporter.error(f"{{{name}}}: the chapter has no {kind} {target!r}",
                                         line=lineno)
            return [inliner.problematic(rawtext, rawtext, msg)], [msg]
        node = rv_link(rawtext, "", kind=kind, doc=doc, anchor=anchor, classes=["rv-link"])
        node += nodes.Text(shown)
        return [node], []

    return role


def resolve_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Turn each link of the roles into a reference relative to the page."""
    for node in list(doctree.findall(rv_link)):
        uri = app.builder.get_relative_uri(docname, node["doc"]) + "#" + node["anchor"]
        ref = nodes.reference("", "", internal=True, refuri=uri, classes=node["classes"])
        ref += node.children
        node.replace_self(ref)


def apply_publisher(app: Sphinx, config: Config) -> None:
    """Write the publisher's repository and launch settings into the theme's options."""
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
    known = anchors()
    targets = {"reading": app.builder.get_relative_uri(pagename, READING_DOC),
               "whos-who": app.builder.get_relative_uri(pagename, WHOS_WHO_DOC)}

    def place(m: re.Match[str]) -> str:
        if m["anchor"] not in known[m["page"]]:
            logger.warning(f"a link to {m['page']}.html#{m['anchor']}: no such anchor",
                           location=pagename)
        if m["up"]:
            return m.group()
        return f'{m["quote"]}{targets[m["page"]]}#{m["anchor"]}{m["quote"]}'

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
    app.connect("config-inited", apply_publisher)
    app.connect("builder-inited", copy_scripts)
    app.connect("doctree-resolved", resolve_links)
    app.connect("html-page-context", page_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
