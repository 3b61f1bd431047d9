"""The built book, page by page, in a real browser (headless Chromium): offline, whole, on a phone.

Each page is loaded once (``visit``, ``tests/conftest.py``) and looked at
many ways in that one load: on a desktop screen it loads offline and whole (a
request that leaves the local server is answered with nothing and recorded,
and fails the test), no table heading or word is broken inside a word and no
table cell is cut; narrowed to a phone's width, nothing reaches past the
screen, code wraps inside its box and every figure keeps its natural size in a
box that scrolls sideways. The reading page, the who's-who and the interactive
figures and tables are tested in ``test_browser_reading.py``.

Needs the book built first (``make book``) and Chromium installed
(``apt-get install -y chromium``); without either, the tests are skipped with a
message that says what to do. CI installs Chromium and builds the book before
``make test``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

PHONE = {"width": 390, "height": 844}
REDIRECT_TAG = 'http-equiv="Refresh"'


def test_the_book_has_its_pages(html: Path) -> None:
    pages = {p.relative_to(html).as_posix() for p in html.rglob("*.html")}
    assert {"book/intro.html", "book/text.html", "search.html"} <= pages


def test_the_front_page_redirects_to_the_introduction(html: Path, server: str,
                                                      browser: object) -> None:
    assert REDIRECT_TAG in (html / "index.html").read_text(encoding="utf-8")
    tab = browser.new_page()
    tab.goto(server, wait_until="load")
    tab.wait_for_url("**/book/intro.html")
    tab.close()


#: Words of a table's headings and cells that the browser broke across two lines.
_BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('.bd-article table :is(th, td)')) {
    if (!cell.getClientRects().length) continue;
    const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      for (const m of node.textContent.matchAll(/[A-Za-zÀ-ÿ]{2,}/g)) {
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const tops = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0)
                               .map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(cell.tagName.toLowerCase() + ': ' + m[0]);
      }
    }
  }
  return broken.slice(0, 8);
}"""

#: Cells that pandas cut (its display width ends them in "..."; a sentence of the text that ends
#: in an ellipsis ends in four full stops, "together....").
_CUT_CELLS = """() => Array.from(document.querySelectorAll('.bd-article table td'))
  .map(td => td.textContent.trim()).filter(t => /(^|[^.])\\.\\.\\.$/.test(t)).slice(0, 5)"""

#: Elements that reach past the screen's right edge without a box of their own that scrolls.
_OVERFLOW = """(w) => {
  const bad = [];
  for (const el of document.querySelectorAll('.bd-article *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= w + 1) continue;
    let p = el.parentElement, boxed = false;
    while (p && p !== document.body) {
      const s = getComputedStyle(p);
      if (['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX)
          && p.getBoundingClientRect().right <= w + 1) { boxed = true; break; }
      p = p.parentElement;
    }
    if (!boxed) bad.push(el.tagName.toLowerCase() + '.' + String(el.className).slice(0, 40)
                         + ' reaches ' + Math.round(r.right) + 'px');
  }
  return bad.slice(0, 5);
}"""

#: On a phone: code that runs past its box, and figures shrunk below their natural size.
_PHONE_READING = """() => {
  const code = Array.from(document.querySelectorAll('.bd-article div.cell_input pre'))
    .filter(p => p.scrollWidth > p.clientWidth + 1).map(p => p.textContent.slice(0, 40));
  const small = Array.from(document.querySelectorAll('.bd-article div.cell_output figure > img'))
    .filter(i => i.naturalWidth && i.getBoundingClientRect().width < 0.95 * i.naturalWidth)
    .map(i => i.src.split('/').pop() + ' at ' + Math.round(i.getBoundingClientRect().width)
               + ' of ' + i.naturalWidth + 'px');
  const cue = Array.from(document.querySelectorAll('.bd-article div.cell_output figure'))
    .filter(f => !getComputedStyle(f, '::before').content.includes('scroll')).length;
  return {code, small, cue};
}"""


@pytest.mark.pages("all")
def test_page_loads_cleanly_and_fits_a_phone(html: Path, server: str, page: str,
                                             visit: Callable[..., object]) -> None:
    """Each page loads offline and whole on a desktop screen with its tables' words whole;
    narrowed to a phone's width, nothing reaches past the screen, code wraps and figures keep
    their size in a box that scrolls (one load per page)."""
    seen = visit(page)
    tab = seen.tab
    assert seen.status == 200, f"{page}: HTTP {seen.status}"
    assert not seen.errors, f"{page}: console errors {seen.errors}"
    assert not seen.failed, f"{page}: failed requests {seen.failed}"
    assert not seen.outside, f"{page}: fetches from other hosts {seen.outside}"
    broken = tab.eval_on_selector_all(
        "img", "imgs => imgs.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
    assert not broken, f"{page}: broken images {broken}"
    no_alt = tab.eval_on_selector_all(
        "main img", "imgs => imgs.filter(i => !i.alt).map(i => i.src)")
    assert not no_alt, f"{page}: images without alt text {no_alt}"
    hrefs = tab.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
    words = tab.evaluate(_BROKEN_WORDS)
    cut = tab.evaluate(_CUT_CELLS)
    tab.set_viewport_size(PHONE)
    tab.wait_for_timeout(50)
    width = tab.evaluate("document.documentElement.scrollWidth")
    over = tab.evaluate(_OVERFLOW, PHONE["width"])
    phone = tab.evaluate(_PHONE_READING)  # (visit gives the page its size again when asked)
    assert not words, f"{page}: words broken inside a table (heading or cell): {words}"
    assert not cut, f"{page}: table cells cut short: {cut}"
    assert width <= PHONE["width"] and not over, (
        f"{page} is {width}px wide on a {PHONE['width']}px screen: {over}")
    assert not phone["code"], f"{page}: code runs past its box on a phone: {phone['code']}"
    assert not phone["small"], f"{page}: figures shrunk on a phone: {phone['small']}"
    assert not phone["cue"], f"{page}: {phone['cue']} figures without the cue to scroll"
    for href in hrefs:
        target = urlparse(urljoin(server + page, href))
        if target.netloc != urlparse(server).netloc or target.scheme not in ("http", "https"):
            continue
        path = html / unquote(target.path).lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        assert path.is_file(), f"{page}: internal link {href!r} leads nowhere"


def test_search_finds_gumilev(server: str, browser: object) -> None:
    tab = browser.new_page()
    tab.goto(server + "search.html?q=Gumilev", wait_until="load")
    tab.wait_for_selector("#search-results ul.search li", timeout=20_000)
    results = tab.eval_on_selector_all("#search-results ul.search li a",
                                       "as => as.map(a => a.textContent)")
    tab.close()
    assert results, "the search page found nothing for 'Gumilev'"
