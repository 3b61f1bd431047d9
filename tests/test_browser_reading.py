"""The reading page, the who's-who and the interactive figures and tables, in headless Chromium.

The reading page opens with people and corrections, and each switch shows and
hides its layer; a name shows its person on pointing, a tone mark its scores
on a tap, a hindsight sign its cue, later time and the readers' mark, a time
expression its value (only while its layer is on); a field of the register holding ``<!--<script>`` leaves the page
whole; the who's-who finds a person by any word, without accents, by birth
name; every interactive figure and table answers, the network's labels cover
none another, the glance's legend covers no panel and names its episodes, the
tables' menus are filled. Each page is loaded once per viewport (``visit``);
like ``test_browser.py``, these need the built book and Chromium, and skip
without them, saying what to do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest

from analysis.book.sphinx import STATIC
from analysis.results import Analyses

READING = "book/reading.html"
WHOS_WHO = "book/whos-who.html"
READING_LINK = re.compile(r'href="([^"]*reading\.html)#([ps]\d+)"')


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


def test_the_reading_page_marks_every_mention(html: Path, results: Analyses) -> None:
    page = (html / READING).read_text(encoding="utf-8")
    marked = set(re.findall(r'data-mention="(m\d+)"', page))
    expected = len(results.mentions)
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


WITNESSES = "book/witnesses.html"
WITNESS_LINK = re.compile(r'href="([^"#]*reading-[a-z][a-z0-9_]*\.html)#([A-Za-z0-9_-]+)"')
QUOTE_LINK = re.compile(r'<a class="rv-link" href="((?:\.\./)*(?:book/)?reading(?:-[a-z0-9_]+)?'
                        r'\.html)#(s\d+)">([^<]+)</a>')


def test_every_link_to_a_witness_text_s_reading_page_lands_on_an_anchor(
        html: Path, book_pages: list[str]) -> None:
    ids: dict[Path, set[str]] = {}
    links = 0
    for page in book_pages:
        for target, anchor in WITNESS_LINK.findall((html / page).read_text(encoding="utf-8")):
            file = (html / page).parent.joinpath(target).resolve()
            assert file.is_file(), f"{page}: a link to {target}, which the book lacks"
            if file not in ids:
                ids[file] = set(re.findall(r'\bid="([^"]+)"', file.read_text(encoding="utf-8")))
            assert anchor in ids[file], f"{page}: {target}#{anchor} is not there"
            links += 1
    assert links, "no page links to a witness text's reading page"


def test_each_quotation_on_the_witnesses_page_leads_to_its_sentence(
        html: Path, visit: Callable[..., object]) -> None:
    """Every quotation of the witnesses page is a link; its sentence, on its text's reading
    page, holds the words quoted (read in the browser, the marks of every layer inside)."""
    page = (html / WITNESSES).read_text(encoding="utf-8")
    found = QUOTE_LINK.findall(page)
    targets = {t for t, _, _ in found}
    assert {"reading.html", "reading-russell.html", "reading-goldman.html"} <= targets, targets
    for target, anchor, quote in found:
        tab = visit(str(Path(WITNESSES).parent / target)).tab
        if tab.evaluate("document.querySelector('#rv').dataset.openings") == "true":
            pytest.skip("the book is built with the reading pages' openings only")
        words = tab.evaluate(f"document.getElementById('{anchor}').textContent")
        said = " ".join(words.split())
        quoted = " ".join(unescape(quote).split())
        assert quoted[:40] in said, (target, anchor, quoted[:40], said[:80])


# --- the reading page ----------------------------------------------------------------------

def _styles(tab: object) -> dict[str, str]:
    """How the first mark of each layer is drawn."""
    return tab.evaluate("""() => { const s = (q, p) => getComputedStyle(
        document.querySelector('.rv-body ' + q))[p];
      return {people: s('a.rv-person', 'borderBottomWidth'), themes: s('.rv-theme.rv-th-0',
              'textDecorationLine'), scores: s('.rv-scores', 'display'),
              tone: s('.rv-tone', 'display'), corrections: s('.rv-corr del', 'display')}; }""")


def test_the_reading_page_opens_with_people_and_corrections_and_each_switch_works(
        visit: Callable[..., object]) -> None:
    tab = visit(READING).tab
    opened = _styles(tab)
    checked = tab.eval_on_selector_all(".rv-legend input[data-layer]",
                                       "bs => bs.filter(b => b.checked).map(b => b.dataset.layer)")
    for layer in ("themes", "tone"):
        tab.locator(f'.rv-legend input[data-layer="{layer}"]').check()
    everything = _styles(tab)
    tab.locator('.rv-legend input[data-layer="theme-0"]').uncheck()
    theme_off = _styles(tab)["themes"]
    for layer in ("people", "corrections", "themes", "tone"):
        tab.locator(f'.rv-legend input[data-layer="{layer}"]').uncheck()
    nothing = _styles(tab)
    saved = tab.evaluate("JSON.parse(localStorage.getItem('rv-layers'))")
    for layer in ("people", "corrections", "theme-0"):  # as the page opened
        tab.locator(f'.rv-legend input[data-layer="{layer}"]').check()
    assert set(checked) == {"people", "corrections", "theme-0", "theme-1", "theme-2"}
    assert opened == {"people": opened["people"], "themes": "none", "scores": "none",
                      "tone": "none", "corrections": "inline"} and opened["people"] != "0px"
    assert everything["themes"] == "underline" and everything["tone"] == "inline-block"
    assert everything["scores"] != "none" and theme_off == "none"
    assert nothing == {"people": "0px", "themes": "none", "scores": "none", "tone": "none",
                       "corrections": "none"}
    assert saved["tone"] is False and saved["people"] is False  # remembered for the next visit


def test_the_margin_names_the_three_scores(visit: Callable[..., object]) -> None:
    tab = visit(READING).tab
    names = tab.eval_on_selector_all("#p43 .rv-score-name", "els => els.map(e => e.textContent)")
    assert names == ["Terror", "NEP", "Free thought"]


def test_a_hover_on_a_marked_name_shows_the_person(visit: Callable[..., object]) -> None:
    tab = visit(READING).tab
    name = tab.locator('a.rv-person[data-person="lenin"]').first
    assert "Vladimir Ilyich Lenin" in name.get_attribute("title")  # without JavaScript too
    name.hover()
    pop = tab.locator("#rv-pop")
    pop.wait_for(state="visible", timeout=5_000)
    text = pop.inner_text()
    tab.mouse.move(0, 0)
    assert "Vladimir Ilyich Lenin" in text and "head of the Soviet Government" in text


def test_a_link_to_a_sentence_lands_on_it(visit: Callable[..., object]) -> None:
    tab = visit(READING).tab
    tab.evaluate("location.hash = '#s222'")
    tab.wait_for_timeout(200)
    landed = tab.evaluate("""() => { const r = document.getElementById('s222').getBoundingClientRect();
                                     return r.bottom > 0 && r.top < window.innerHeight; }""")
    assert landed, "#s222 is not on the screen after following a link to it"


def test_a_tap_opens_a_tone_marks_scores_and_a_names_person(visit: Callable[..., object]) -> None:
    tab = visit(READING, "phone").tab
    tab.locator('.rv-legend input[data-layer="tone"]').tap()
    mark = tab.locator("#p43 .rv-tone").first
    mark.scroll_into_view_if_needed()
    mark.tap()
    pop = tab.locator("#rv-pop")
    pop.wait_for(state="visible", timeout=5_000)
    tone = pop.inner_text()
    tab.locator("#p42 .rv-text").tap(position={"x": 4, "y": 4})  # a tap elsewhere closes it
    closed = pop.is_hidden()
    name = tab.locator("#p43 a.rv-person").first
    name.tap()
    pop.wait_for(state="visible", timeout=5_000)
    person, url = pop.inner_text(), tab.url
    tab.locator('.rv-legend input[data-layer="tone"]').tap()
    assert tone.startswith("Tone of the sentence:") and "reference reading" in tone
    assert closed, "a tap elsewhere leaves the tooltip open"
    assert "Tagantsev" in person and "reading.html" in url  # the first tap stays on the page


def test_the_hindsight_and_time_layers_open_off_and_show_their_tooltips(
        visit: Callable[..., object]) -> None:
    tab = visit(READING).tab
    pop = tab.locator("#rv-pop")
    sign = tab.locator(".rv-body .rv-hs:not(.rv-hs-readers) > .rv-hs-mark").first
    summer = tab.locator('.rv-body .rv-timex[data-value="1921-SU"]').first
    tint = ("() => getComputedStyle(document.querySelector("
            "'.rv-body .rv-hs:not(.rv-hs-readers)')).backgroundColor")
    hatch = ("() => getComputedStyle(document.querySelector("
             "'.rv-body .rv-hs.rv-hs-readers')).backgroundImage")
    line = "() => getComputedStyle(document.querySelector('.rv-body .rv-timex')).borderBottomStyle"
    opened = (sign.is_hidden(), tab.evaluate(tint), tab.evaluate(line), tab.evaluate(hatch))
    summer.scroll_into_view_if_needed()
    summer.hover()
    tab.wait_for_timeout(200)
    quiet = pop.is_hidden()  # the time layer is off: its marks show nothing
    tab.mouse.move(0, 0)
    for layer in ("hindsight", "time"):
        tab.locator(f'.rv-legend input[data-layer="{layer}"]').check()
    switched = (sign.is_visible(), tab.evaluate(tint), tab.evaluate(line), tab.evaluate(hatch))
    sign.scroll_into_view_if_needed()
    sign.hover()
    pop.wait_for(state="visible", timeout=5_000)
    later = [line for line in pop.inner_text().splitlines() if line.strip()]
    tab.mouse.move(0, 0)
    summer.scroll_into_view_if_needed()
    summer.hover()
    pop.wait_for(state="visible", timeout=5_000)
    when = [line for line in pop.inner_text().splitlines() if line.strip()]
    tab.mouse.move(0, 0)
    for layer in ("hindsight", "time"):  # as the page opened
        tab.locator(f'.rv-legend input[data-layer="{layer}"]').uncheck()
    assert opened == (True, "rgba(0, 0, 0, 0)", "none", "none")
    assert quiet, "a time expression shows its tooltip with its layer off"
    assert switched[0] and switched[1] != "rgba(0, 0, 0, 0)" and switched[2] == "dotted"
    assert switched[3].startswith("repeating-linear-gradient")  # only the readers mark it
    assert later[0] == "Hindsight, by rule" and later[1].startswith("cue: “")
    assert later[2].startswith("speaks from: ") and "the readers" in later[3]
    assert when == ["Time expression: DATE", "value: 1921-SU", "said by the words"]


def test_a_tap_on_a_hindsight_sign_opens_its_tooltip(visit: Callable[..., object]) -> None:
    tab = visit(READING, "phone").tab
    tab.locator('.rv-legend input[data-layer="hindsight"]').tap()
    sign = tab.locator(".rv-body .rv-hs:not(.rv-hs-readers) > .rv-hs-mark").first
    sign.scroll_into_view_if_needed()
    sign.tap()
    pop = tab.locator("#rv-pop")
    pop.wait_for(state="visible", timeout=5_000)
    said = pop.inner_text()
    sign.tap()  # a second tap closes it
    closed = pop.is_hidden()
    tab.locator('.rv-legend input[data-layer="hindsight"]').tap()
    assert said.startswith("Hindsight, by rule") and closed


def test_a_register_field_cannot_swallow_the_page(browser: object, tmp_path: Path,
                                                  results: Analyses) -> None:
    """A register field holding ``<!--<script>`` in the people's JSON must not hide the text
    that follows nor swallow the next script."""
    from types import SimpleNamespace

    from analysis.reading_view import render

    register = results.register.copy()
    register.loc[register["person_id"] == "lenin", "role"] = "<!--<script>"
    hostile = SimpleNamespace(**{n: getattr(results, n) for n in (
        "chapter", "lexicon", "mentions", "theme_hits", "paragraph_scores", "sentence_scores",
        "tone_reference")}, register=register, shown_register=register)
    page = tmp_path / "page.html"
    page.write_text(
        f'<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" '
        f'href="{(STATIC / "reading-view.css").as_uri()}"></head><body>{render(hostile)}'
        f"<script>window.after = true;</script>"
        f'<script src="{(STATIC / "reading-view.js").as_uri()}"></script></body></html>',
        encoding="utf-8")
    tab = browser.new_page()
    tab.goto(page.as_uri(), wait_until="load")
    found = tab.evaluate("""() => ({paragraphs: document.querySelectorAll('.rv-body .rv-par').length,
        after: window.after === true, role: JSON.parse(document.getElementById('rv-people-data')
        .textContent).lenin.role})""")
    tab.locator('a.rv-person[data-person="lenin"]').first.hover()
    shown = tab.locator("#rv-pop").inner_text()
    tab.close()
    assert found == {"paragraphs": len(results.chapter.paragraphs), "after": True,
                     "role": "<!--<script>"}
    assert "<!--<script>" in shown  # shown as text


# --- the who's-who -------------------------------------------------------------------------

def test_the_whos_who_finds_a_person_by_any_word_without_accents_or_by_birth_name(
        visit: Callable[..., object]) -> None:
    tab = visit(WHOS_WHO).tab
    total = tab.locator(".ww-person").count()
    found = {}
    for typed in ("Kronstadt", "Maurin", "maurín", "MAURÍN", "Kibalchich", ""):
        tab.locator(".ww-filter").fill(typed)
        found[typed] = (tab.eval_on_selector_all(".ww-person:not([hidden])",
                                                 "els => els.map(e => e.id)"),
                        tab.locator(".ww-shown").inner_text(),
                        tab.eval_on_selector_all(".ww-index a:not([hidden])", "as => as.length"))
    kept, counted, index = found["Kronstadt"]
    assert 0 < len(kept) < total and counted == f"{len(kept)} of {total} people"
    assert index == len(kept)
    assert "person-maurin" in found["Maurin"][0]
    assert found["Maurin"][0] == found["maurín"][0] == found["MAURÍN"][0]
    assert "person-serge" in found["Kibalchich"][0]
    assert len(found[""][0]) == total and found[""][1] == ""


def test_the_whos_who_shows_the_text_beside_the_record(visit: Callable[..., object]) -> None:
    tab = visit(WHOS_WHO).tab
    nin = tab.locator("#person-nin .ww-compare").text_content()
    wikidata = tab.locator("#person-lenin a.ww-url[href='https://www.wikidata.org/wiki/Q1394']").count()
    assert "In the text" in nin and "By the record" in nin and "horrible death" in nin
    assert wikidata == 1


# --- the interactive figures ---------------------------------------------------------------

@pytest.mark.pages("figures")
def test_each_interactive_figure_renders_hovers_and_opens_its_passage(
        visit: Callable[..., object], page: str | None) -> None:
    if page is None:
        pytest.skip("no page of the book has an interactive figure yet "
                    "(analysis.reading_view.figures)")
    seen = visit(page)
    tab = seen.tab
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
        tab.evaluate("(id) => Plotly.Fx.unhover(document.getElementById(id))", div)
        loaded.append((div, hovered))
    asked: list[str] = []  # the page the click opens answers "no content": this page stays
    tab.route("**/*.html*", lambda route: (asked.append(route.request.url),
                                           route.fulfill(status=204, body=""))[-1]
              if route.request.is_navigation_request() else route.continue_())
    target = tab.evaluate("""(id) => { const gd = document.getElementById(id);
        const t = gd.data.find(t => t.customdata && t.customdata.length);
        gd.emit('plotly_click', {points: [{customdata: t.customdata[0], x: 0}]});
        return t.customdata[0]; }""", figures[0])
    tab.wait_for_timeout(300)
    tab.unroute("**/*.html*")
    # the page answered "no content" is a navigation the browser abandons, as asked: not a
    # failed request of this page (the phone test, later or earlier, checks those)
    seen.failed[:] = [url for url in seen.failed if url not in asked]
    assert all(n > 0 for _, n in loaded), f"{page}: no hover label on {loaded}"
    assert any(u.endswith(target.split("#")[0].split("/")[-1]) for u in asked), (
        f"{page}: a click on {target} opens nothing")


def _boxes(tab: object, selector: str) -> list[dict[str, float]]:
    return tab.eval_on_selector_all(selector, """els => els.filter(e => e.textContent.trim())
        .map(e => { const r = e.getBoundingClientRect();
                    return {text: e.textContent, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom}; })""")


def _meet(a: dict[str, float], b: dict[str, float], slack: float = 1.0) -> bool:
    return (a["x0"] + slack < b["x1"] and b["x0"] + slack < a["x1"]
            and a["y0"] + slack < b["y1"] and b["y0"] + slack < a["y1"])


def test_the_networks_labels_cover_one_another_nowhere(visit: Callable[..., object]) -> None:
    tab = visit("book/people.html").tab
    tab.wait_for_selector("#rv-network .main-svg", timeout=20_000)
    labels = _boxes(tab, "#rv-network .textpoint text")
    clashes = [(a["text"], b["text"]) for i, a in enumerate(labels) for b in labels[i + 1:]
               if _meet(a, b)]
    assert len(labels) > 40 and not clashes, f"{len(labels)} labels; overlapping: {clashes[:5]}"


def test_the_glances_legend_covers_no_panel_and_its_episodes_are_named(
        visit: Callable[..., object], results: Analyses) -> None:
    tab = visit("book/glance.html").tab
    tab.wait_for_selector("#rv-chapter-map .main-svg", timeout=20_000)
    legend = _boxes(tab, "#rv-chapter-map .legend .bg") or _boxes(tab, "#rv-chapter-map .legend")
    panels = tab.eval_on_selector_all("#rv-chapter-map .draglayer .nsewdrag", """els => els.map(e => {
        const r = e.getBoundingClientRect(); return {x0: r.left, y0: r.top, x1: r.right, y1: r.bottom}; })""")
    ticks = tab.eval_on_selector_all("#rv-chapter-map .xaxislayer-above .xtick text",
                                     "els => els.map(e => e.textContent).filter(t => t && isNaN(+t))")
    figure = tab.locator("#rv-chapter-map").bounding_box()
    episodes = list(results.episodes["episode"])
    assert len(panels) == 3 and legend
    assert not any(_meet(legend[0], p, 0) for p in panels), "the legend covers a panel"
    assert legend[0]["y1"] <= figure["y"] + figure["height"] + 1, "the legend is cut off"
    assert sorted(ticks) == sorted(episodes), (ticks, episodes)


# --- the searchable tables -----------------------------------------------------------------

@pytest.mark.pages("tables")
def test_each_interactive_table_searches_sorts_and_fills_its_menu(
        visit: Callable[..., object], page: str | None) -> None:
    if page is None:
        pytest.skip("no page of the book has an interactive table yet "
                    "(analysis.reading_view.tables.show)")
    tab = visit(page).tab
    tab.wait_for_selector(".dt-container", timeout=20_000)
    table = tab.locator(".dt-container").first
    rows = table.locator("tbody tr").count()
    menus = tab.eval_on_selector_all(".dt-length select", "ss => ss.map(s => [s.value, "
                                     "s.options[s.selectedIndex] ? s.options[s.selectedIndex].text : ''])")
    first_header = table.locator("thead th").first
    first_header.click()
    try:
        tab.wait_for_function("(th) => th.hasAttribute('aria-sort')",
                              arg=first_header.element_handle(), timeout=3_000)
    except Exception:  # noqa: BLE001 (Playwright's timeout: reported below)
        pass
    order = first_header.get_attribute("aria-sort")
    search = table.locator(".dt-search input")
    emptied = True
    if search.count():
        search.fill("no such words in the table")
        emptied = table.locator("tbody td.dt-empty").count() == 1
        search.fill("")
    first_header.click()
    assert rows > 0 and all(value and text == value for value, text in menus), (
        f"{page}: blank menu {menus}")
    assert emptied, f"{page}: search filters nothing"
    assert order in ("ascending", "descending"), f"{page}: the header does not sort"
