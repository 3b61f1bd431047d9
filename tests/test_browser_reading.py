"""The reading page, the who's-who and the interactive figures and tables, in headless Chromium.

A name shows its person on hover, a link from another page lands on its passage,
each layer switches on and off, every interactive figure and table answers.
Like ``test_browser.py``, these need the built book and Chromium, and skip
without them, saying what to do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

READING = "book/reading.html"
WHOS_WHO = "book/whos-who.html"
READING_LINK = re.compile(r'href="([^"]*reading\.html)#([ps]\d+)"')


def _in_view(tab: object, anchor: str) -> bool:
    return tab.evaluate("""(id) => { const r = document.getElementById(id).getBoundingClientRect();
                                     return r.bottom > 0 && r.top < window.innerHeight; }""", anchor)


def _assets(html: Path, page: str) -> set[Path]:
    """The local scripts and style sheets a page loads."""
    text = (html / page).read_text(encoding="utf-8")
    found = set()
    for tag in re.findall(r"<(?:script|link)\b[^>]*>", text):
        if tag.startswith("<link") and 'rel="stylesheet"' not in tag:
            continue
        src = re.search(r'(?:src|href)="([^"#?]+)', tag)
        if src and "://" not in src.group(1):
            found.add((html / page).parent.joinpath(src.group(1)).resolve())
    return {p for p in found if p.is_file()}


def test_the_reading_page_weighs_under_2_mb_with_its_scripts(html: Path) -> None:
    # The theme's scripts and styles, which every page of the book loads, are not counted.
    own = _assets(html, READING) - _assets(html, "book/intro.html")
    total = (html / READING).stat().st_size + sum(p.stat().st_size for p in own)
    assert total < 2_000_000, (f"{READING} weighs {total / 1e6:.2f} MB with its own scripts "
                               f"({', '.join(p.name for p in own)})")


def test_the_reading_page_marks_every_mention(html: Path) -> None:
    from analysis.results import Analyses

    page = (html / READING).read_text(encoding="utf-8")
    marked = set(re.findall(r'data-mention="(m\d+)"', page))
    expected = len(Analyses.load().mentions)
    if 'data-openings="true"' in page:
        pytest.skip("the book is built with the reading page's openings only")
    assert len(marked) == expected
    assert page.count('class="rv-par rv-narrative"') == 52
    assert page.count('class="rv-par rv-editorial"') == 9


def test_every_link_to_the_reading_page_lands_on_an_anchor(html: Path, book_pages: list[str]
                                                           ) -> None:
    ids = set(re.findall(r'\bid="([ps]\d+)"', (html / READING).read_text(encoding="utf-8")))
    links = []
    for page in book_pages:
        if page == READING:
            continue
        for target, anchor in READING_LINK.findall((html / page).read_text(encoding="utf-8")):
            assert (html / page).parent.joinpath(target).resolve() == (html / READING).resolve()
            links.append((page, anchor))
    assert links, "no page links to the reading page"
    assert {anchor for _, anchor in links} <= ids, sorted({a for _, a in links} - ids)[:5]


def test_a_hover_on_a_marked_name_shows_the_person(open_tab: Callable[..., object]) -> None:
    tab = open_tab(READING)
    name = tab.locator('a.rv-person[data-person="lenin"]').first
    assert "Vladimir Ilyich Lenin" in name.get_attribute("title")  # without JavaScript too
    name.hover()
    pop = tab.locator("#rv-pop")
    pop.wait_for(state="visible", timeout=5_000)
    text = pop.inner_text()
    tab.context.close()
    assert "Vladimir Ilyich Lenin" in text and "head of the Soviet Government" in text


def test_a_link_from_another_page_lands_on_its_passage(open_tab: Callable[..., object]) -> None:
    tab = open_tab(WHOS_WHO)
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


def test_the_layer_switches_show_and_hide_each_layer(open_tab: Callable[..., object]) -> None:
    tab = open_tab(READING)

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


@pytest.mark.pages("figures")
def test_each_interactive_figure_renders_hovers_and_opens_its_passage(
        open_tab: Callable[..., object], page: str | None) -> None:
    if page is None:
        pytest.skip("no page of the book has an interactive figure yet "
                    "(analysis.reading_view.figures)")
    tab = open_tab(page)
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


@pytest.mark.pages("tables")
def test_each_interactive_table_searches_and_sorts(open_tab: Callable[..., object],
                                                  page: str | None) -> None:
    if page is None:
        pytest.skip("no page of the book has an interactive table yet "
                    "(analysis.reading_view.tables.interactive)")
    tab = open_tab(page)
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




def test_the_whos_who_finds_a_person_by_any_word(open_tab: Callable[..., object]) -> None:
    tab = open_tab(WHOS_WHO)
    entries = tab.locator(".ww-person")
    total = entries.count()
    tab.locator(".ww-filter").fill("Kronstadt")
    tab.wait_for_timeout(100)
    kept = tab.eval_on_selector_all(".ww-person:not([hidden])", "els => els.map(e => e.id)")
    counted = tab.locator(".ww-shown").inner_text()
    index = tab.eval_on_selector_all(".ww-index a:not([hidden])", "as => as.length")
    tab.locator(".ww-filter").fill("")
    tab.wait_for_timeout(100)
    back = tab.locator(".ww-person:not([hidden])").count()
    tab.context.close()
    assert 0 < len(kept) < total and counted == f"{len(kept)} of {total} people"
    assert index == len(kept) and back == total
