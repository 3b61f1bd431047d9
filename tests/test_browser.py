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


# --- the reading page, the who's-who, interactive figures and tables, phones ------------------

READING = "book/reading.html"
WHOS_WHO = "book/whos-who.html"
PHONE = {"width": 390, "height": 844}
READING_LINK = re.compile(r'href="([^"]*reading\.html)#([ps]\d+)"')


def _open(browser: object, server: str, page: str, **context: object) -> object:
    """A fresh tab on ``page`` (its own storage) that answers outside requests with nothing."""
    tab = browser.new_context(**context).new_page()
    tab.route(lambda url: not url.startswith(server), lambda route: route.fulfill(body=""))
    tab.goto(server + page, wait_until="load")
    return tab


def _in_view(tab: object, anchor: str) -> bool:
    return tab.evaluate("""(id) => { const r = document.getElementById(id).getBoundingClientRect();
                                     return r.bottom > 0 && r.top < window.innerHeight; }""", anchor)


def _assets(page: str) -> set[Path]:
    """The local scripts and style sheets a page loads."""
    html = (HTML / page).read_text(encoding="utf-8")
    found = set()
    for tag in re.findall(r"<(?:script|link)\b[^>]*>", html):
        if tag.startswith("<link") and 'rel="stylesheet"' not in tag:
            continue
        src = re.search(r'(?:src|href)="([^"#?]+)', tag)
        if src and "://" not in src.group(1):
            found.add((HTML / page).parent.joinpath(src.group(1)).resolve())
    return {p for p in found if p.is_file()}


def test_the_reading_page_weighs_under_2_mb_with_its_scripts() -> None:
    # The theme's scripts and styles, which every page of the book loads, are not counted.
    own = _assets(READING) - _assets("book/intro.html")
    total = (HTML / READING).stat().st_size + sum(p.stat().st_size for p in own)
    assert total < 2_000_000, (f"{READING} weighs {total / 1e6:.2f} MB with its own scripts "
                               f"({', '.join(p.name for p in own)})")


def test_the_reading_page_marks_every_mention() -> None:
    from analysis.results import Analyses

    html = (HTML / READING).read_text(encoding="utf-8")
    marked = set(re.findall(r'data-mention="(m\d+)"', html))
    expected = len(Analyses.load().mentions)
    if 'data-openings="true"' in html:
        pytest.skip("the book is built with the reading page's openings only")
    assert len(marked) == expected
    assert html.count('class="rv-par rv-narrative"') == 52
    assert html.count('class="rv-par rv-editorial"') == 9


def test_every_link_to_the_reading_page_lands_on_an_anchor() -> None:
    ids = set(re.findall(r'\bid="([ps]\d+)"', (HTML / READING).read_text(encoding="utf-8")))
    links = []
    for page in PAGES:
        if page == READING:
            continue
        for target, anchor in READING_LINK.findall((HTML / page).read_text(encoding="utf-8")):
            assert (HTML / page).parent.joinpath(target).resolve() == (HTML / READING).resolve()
            links.append((page, anchor))
    assert links, "no page links to the reading page"
    assert {anchor for _, anchor in links} <= ids, sorted({a for _, a in links} - ids)[:5]


def test_a_hover_on_a_marked_name_shows_the_person(server: str, browser: object) -> None:
    tab = _open(browser, server, READING)
    name = tab.locator('a.rv-person[data-person="lenin"]').first
    assert "Vladimir Ilyich Lenin" in name.get_attribute("title")  # without JavaScript too
    name.hover()
    pop = tab.locator("#rv-pop")
    pop.wait_for(state="visible", timeout=5_000)
    text = pop.inner_text()
    tab.context.close()
    assert "Vladimir Ilyich Lenin" in text and "head of the Soviet Government" in text


def test_a_link_from_another_page_lands_on_its_passage(server: str, browser: object) -> None:
    tab = _open(browser, server, WHOS_WHO)
    link = tab.locator('#person-lenin a.ww-passage').nth(3)
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    tab.wait_for_url(f"**/reading.html#{anchor}")
    tab.wait_for_timeout(300)
    landed = _in_view(tab, anchor)
    names = tab.evaluate("(id) => document.getElementById(id).textContent", anchor)
    tab.context.close()
    assert landed, f"#{anchor} is not on the screen after following the link"
    assert "Lenin" in names


def test_the_layer_switches_show_and_hide_each_layer(server: str, browser: object) -> None:
    tab = _open(browser, server, READING)

    def shown(selector: str, prop: str) -> str:
        return tab.evaluate("([s, p]) => getComputedStyle(document.querySelector(s))[p]",
                            [f".rv-body {selector}", prop])

    before = {"tone": shown(".rv-tone", "display"), "people": shown("a.rv-person", "borderBottomWidth"),
              "corrections": shown(".rv-corr del", "display"),
              "theme-0": shown(".rv-theme.rv-th-0", "textDecorationLine")}
    for layer in before:
        tab.locator(f'.rv-legend input[data-layer="{layer}"]').uncheck()
    after = {"tone": shown(".rv-tone", "display"), "people": shown("a.rv-person", "borderBottomWidth"),
             "corrections": shown(".rv-corr del", "display"),
             "theme-0": shown(".rv-theme.rv-th-0", "textDecorationLine")}
    tab.reload(wait_until="load")
    kept = tab.locator('.rv-legend input[data-layer="tone"]').is_checked()
    tab.context.close()
    assert before["people"] != "0px"
    assert {**before, "people": ""} == {"tone": "inline-block", "people": "", "corrections": "inline",
                                        "theme-0": "underline"}
    assert after == {"tone": "none", "people": "0px", "corrections": "none", "theme-0": "none"}
    assert not kept, "the switches are not remembered across a reload"


FIGURE_PAGES = [p for p in PAGES if "data-rv-figure=" in (HTML / p).read_text(encoding="utf-8")]
TABLE_PAGES = [p for p in PAGES if "_itables_" in (HTML / p).read_text(encoding="utf-8")]


@pytest.mark.parametrize("page", FIGURE_PAGES or [None])
def test_each_interactive_figure_renders_hovers_and_opens_its_passage(
        server: str, browser: object, page: str | None) -> None:
    if page is None:
        pytest.skip("no page of the book has an interactive figure yet "
                    "(analysis.reading_view.figures)")
    tab = _open(browser, server, page)
    figures = tab.eval_on_selector_all("[data-rv-figure]",
                                       "els => els.map(e => e.getAttribute('data-rv-figure'))")
    loaded = []
    for div in figures:
        tab.wait_for_selector(f"#{div} .main-svg", timeout=20_000)
        hovered = tab.evaluate("""(id) => { const gd = document.getElementById(id);
            const k = gd.data.findIndex(t => t.customdata && t.customdata.length);
            const t = gd._fullData[k];
            Plotly.Fx.hover(gd, [{curveNumber: k, pointNumber: 0}], (t.xaxis || 'x') + (t.yaxis || 'y'));
            return gd.querySelectorAll('.hoverlayer .hovertext').length; }""", div)
        loaded.append((div, hovered))
    target = tab.evaluate("""(id) => { const gd = document.getElementById(id);
        const t = gd.data.find(t => t.customdata && t.customdata.length);
        gd.emit('plotly_click', {points: [{customdata: t.customdata[0], x: 0}]});
        return t.customdata[0]; }""", figures[0])
    tab.wait_for_url("**/" + target.split("/")[-1])
    tab.context.close()
    assert all(n > 0 for _, n in loaded), f"{page}: no hover label on {loaded}"


@pytest.mark.parametrize("page", TABLE_PAGES or [None])
def test_each_interactive_table_searches_and_sorts(server: str, browser: object,
                                                  page: str | None) -> None:
    if page is None:
        pytest.skip("no page of the book has an interactive table yet "
                    "(analysis.reading_view.tables.interactive)")
    tab = _open(browser, server, page)
    tab.wait_for_selector(".dt-container", timeout=20_000)
    table = tab.locator(".dt-container").first
    rows = table.locator("tbody tr").count()
    first_header = table.locator("thead th").first
    first_header.click()
    search = table.locator(".dt-search input")
    if search.count():
        search.fill("Lenin")
        tab.wait_for_timeout(300)
        assert table.locator("tbody tr").count() < max(rows, 2), f"{page}: search filters nothing"
    order = first_header.get_attribute("aria-sort")
    tab.context.close()
    assert order in ("ascending", "descending"), f"{page}: the header does not sort"


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


@pytest.mark.parametrize("page", PAGES)
def test_every_page_fits_a_phone(server: str, browser: object, page: str) -> None:
    tab = _open(browser, server, page, viewport=PHONE)
    tab.wait_for_timeout(200)
    width = tab.evaluate("document.documentElement.scrollWidth")
    over = tab.evaluate(_OVERFLOW, PHONE["width"])
    tab.context.close()
    assert width <= PHONE["width"] and not over, (
        f"{page} is {width}px wide on a {PHONE['width']}px screen: {over}")
