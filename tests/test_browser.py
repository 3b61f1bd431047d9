"""The built book, page by page, in a real browser (headless Chromium): offline, whole, on a phone.

The book must work offline: every script, style, font and the math renderer
ship with it. Requests that leave the local server are answered with an empty
response and recorded, and any one of them fails the page's test. The reading
page, the who's-who and the interactive figures and tables are tested in
``test_browser_reading.py``; the server, the browser and the pages come from
``tests/conftest.py``.

Needs the book built first (``make book``) and Chromium installed
(``apt-get install -y chromium``); without either, the tests are skipped with a
message that says what to do. CI installs Chromium and builds the book before
``make test``.
"""

from __future__ import annotations

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


@pytest.mark.pages("all")
def test_page_loads_cleanly_and_fits_a_phone(html: Path, server: str, browser: object,
                                             page: str) -> None:
    """Each page loads offline and whole on a desktop screen, then, narrowed to a phone's
    width, nothing in it reaches past the screen (one visit per page)."""
    tab = browser.new_page()
    outside: list[str] = []
    tab.route(lambda url: not url.startswith(server),
              lambda route: (outside.append(route.request.url), route.fulfill(body=""))[-1])
    errors: list[str] = []
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    failed: list[str] = []
    tab.on("requestfailed", lambda req: failed.append(req.url))
    response = tab.goto(server + page, wait_until="load")
    assert response is not None and response.ok, f"{page}: HTTP {response and response.status}"
    assert not errors, f"{page}: console errors {errors}"
    assert not failed, f"{page}: failed requests {failed}"
    assert not outside, f"{page}: fetches from other hosts {outside}"
    broken = tab.eval_on_selector_all(
        "img", "imgs => imgs.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
    assert not broken, f"{page}: broken images {broken}"
    no_alt = tab.eval_on_selector_all(
        "main img", "imgs => imgs.filter(i => !i.alt).map(i => i.src)")
    assert not no_alt, f"{page}: images without alt text {no_alt}"
    hrefs = tab.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
    tab.set_viewport_size(PHONE)
    tab.wait_for_timeout(300)
    width = tab.evaluate("document.documentElement.scrollWidth")
    over = tab.evaluate(_OVERFLOW, PHONE["width"])
    tab.close()
    assert width <= PHONE["width"] and not over, (
        f"{page} is {width}px wide on a {PHONE['width']}px screen: {over}")
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
