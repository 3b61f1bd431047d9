"""The built book, opened page by page in a real browser (headless Chromium).

The book must work offline: every script, style, font and the math renderer
ship with it. Requests that leave the local server are answered with an empty
response and recorded, and any one of them fails the page's test.

Needs the book built first (``make book``) and Chromium installed
(``apt-get install -y chromium``); without either, the tests are skipped with a
message that says what to do. CI installs Chromium and builds the book before
``make test``.
"""

from __future__ import annotations

import functools
import re
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

HTML = Path(__file__).resolve().parent.parent / "_build" / "html"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not (HTML / "index.html").is_file():
    pytest.skip("the book is not built: run `make book` first", allow_module_level=True)
if CHROMIUM is None:
    pytest.skip("Chromium is not installed: `apt-get install -y chromium` (Debian)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")

REDIRECT = re.compile(r'<meta http-equiv="Refresh" content="0; url=([^"]+)"', re.IGNORECASE)
ALL_PAGES = sorted(p.relative_to(HTML).as_posix() for p in HTML.rglob("*.html")
                   if not p.relative_to(HTML).parts[0].startswith("_"))
PAGES = [p for p in ALL_PAGES if not REDIRECT.search((HTML / p).read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """Serve _build/html on a free localhost port."""
    handler = functools.partial(_QuietHandler, directory=str(HTML))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Keep the test output free of access logs."""


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


def test_the_book_has_its_pages() -> None:
    assert {"book/intro.html", "book/text.html", "search.html"} <= set(PAGES)


def test_the_front_page_redirects_to_the_introduction(server: str, browser: object) -> None:
    target = REDIRECT.search((HTML / "index.html").read_text(encoding="utf-8"))
    assert target is not None and (HTML / target.group(1)).is_file()
    tab = browser.new_page()
    tab.goto(server, wait_until="load")
    tab.wait_for_url("**/book/intro.html")
    tab.close()


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_cleanly(server: str, browser: object, page: str) -> None:
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
    tab.close()
    for href in hrefs:
        target = urlparse(urljoin(server + page, href))
        if target.netloc != urlparse(server).netloc or target.scheme not in ("http", "https"):
            continue
        path = HTML / unquote(target.path).lstrip("/")
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
