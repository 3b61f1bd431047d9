"""Fixtures the tests share beyond those of the root ``conftest.py``.

``results`` holds the analyses of the bundled chapter with the bundled files,
each table computed once for the whole run; ``exported`` is their export,
written once; ``no_rules`` is an empty table of shared-name rules, for the
registers made up in tests, which share no name form; ``renames`` counts the
all-or-nothing switch's renames and stops one of them. For the browser tests
(``test_browser*.py``): ``server`` serves the built book, ``browser`` is
headless Chromium, ``visit`` loads a page once per viewport (desktop or phone)
and keeps it open for every test that looks at it, answering requests to other
hosts with nothing, and a test that
takes a ``page`` argument and is marked ``@pytest.mark.pages(kind)`` runs once
for each built page of that kind (:func:`built_pages`). Without a built book or
Chromium they skip, saying what to do.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pandas as pd
import pytest

from analysis.datafiles import DataFiles
from analysis.export import export, folder
from analysis.people.register import SHARED_COLUMNS
from analysis.results import Analyses
from analysis.text import Chapter


@pytest.fixture(scope="session")
def results(chapter: Chapter, files: DataFiles) -> Analyses:
    """The analyses of the bundled chapter (tables computed on first use, then kept)."""
    return Analyses(chapter, files)


@pytest.fixture
def renames(monkeypatch: pytest.MonkeyPatch
            ) -> Callable[..., AbstractContextManager[list[str]]]:
    """``with renames(step, when, stop) as calls:`` the renames of the all-or-nothing switch
    (``os.replace`` as :mod:`analysis.export.folder` calls it) listed by target in ``calls``,
    and ``stop`` raised just ``before`` or ``after`` the ``step``-th (``step`` 0: none is
    stopped, the renames are only counted); the real rename back when the block ends."""

    @contextlib.contextmanager
    def watched(step: int = 0, when: str = "before",
                stop: BaseException | None = None) -> Iterator[list[str]]:
        real, calls = os.replace, []

        def replace(src: object, dst: object) -> None:
            calls.append(str(dst))
            if len(calls) == step and when == "before":
                raise stop
            real(src, dst)
            if len(calls) == step:  # the rename is done: the stop lands just after it
                raise stop

        monkeypatch.setattr(folder.os, "replace", replace)
        try:
            yield calls
        finally:
            monkeypatch.setattr(folder.os, "replace", real)

    return watched


@pytest.fixture(scope="session")
def no_rules() -> pd.DataFrame:
    """No shared-name rules (:func:`analysis.people.mentions.mentions` with a made-up register)."""
    return pd.DataFrame(columns=SHARED_COLUMNS)


@pytest.fixture(scope="session")
def compared(results: Analyses) -> pd.DataFrame:
    """The portrayal by the readers' reference and by the method (:func:`analysis.synthesis.portrayal_compared`)."""
    from analysis.synthesis.portrayal import portrayal_compared

    return portrayal_compared(results.mentions, results.sentence_scores, results.tone_reference,
                              results.register, seed=0)


@pytest.fixture(scope="session")
def exported(results: Analyses, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The export of the bundled chapter with the bundled files: file name -> path."""
    out = tmp_path_factory.mktemp("export")
    return {path.name: path for path in export(results, out)}


# --- the built book in a browser ----------------------------------------------------------------

HTML = Path(__file__).resolve().parent.parent / "_build" / "html"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REDIRECT = re.compile(r'<meta http-equiv="Refresh" content="0; url=([^"]+)"', re.IGNORECASE)


def built_pages(kind: str = "all") -> list[str]:
    """The built book's pages (paths under ``_build/html``), redirects left out.

    ``kind``: ``all``, ``figures`` (pages with an interactive figure) or ``tables``
    (pages with an interactive table). Empty when the book is not built.
    """
    if not (HTML / "index.html").is_file():
        return []
    found = sorted(p.relative_to(HTML).as_posix() for p in HTML.rglob("*.html")
                   if not p.relative_to(HTML).parts[0].startswith("_"))
    texts = {p: (HTML / p).read_text(encoding="utf-8") for p in found}
    pages = [p for p in found if not REDIRECT.search(texts[p])]
    marker = {"all": "", "figures": 'data-rv-figure="', "tables": 'data-rv-table="'}[kind]
    return [p for p in pages if marker in texts[p]]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "pages(kind): run once per built page of that kind")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Give a test marked ``pages`` one run per built page (its ``page`` argument)."""
    marker = metafunc.definition.get_closest_marker("pages")
    if marker is not None and "page" in metafunc.fixturenames:
        kind = marker.args[0] if marker.args else "all"
        metafunc.parametrize("page", built_pages(kind) or [None])


@pytest.fixture(scope="session")
def html() -> Path:
    """The built book's folder (``_build/html``); skips when the book is not built."""
    if not (HTML / "index.html").is_file():
        pytest.skip("the book is not built: run `make book` first")
    return HTML


@pytest.fixture(scope="session")
def book_pages(html: Path) -> list[str]:
    """Every built page (:func:`built_pages`)."""
    return built_pages()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Keep the test output free of access logs."""


@pytest.fixture(scope="session")
def server(html: Path) -> Iterator[str]:
    """Serve _build/html on a free localhost port."""
    handler = functools.partial(_QuietHandler, directory=str(html))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser(html: Path) -> Iterator[object]:
    """Headless Chromium; skips when it or Playwright is not installed."""
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed: `apt-get install -y chromium` (Debian)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


#: The two viewports a page is visited in: a desktop screen, and a touch phone 390 pixels wide.
VIEWPORTS = {"desktop": {"viewport": {"width": 1280, "height": 900}},
             "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True,
                       "has_touch": True, "device_scale_factor": 2}}


class Visit:
    """A page loaded once (in its viewport's browser context), with what went wrong while it loaded."""

    def __init__(self, tab: object) -> None:
        self.tab = tab
        self.errors: list[str] = []   # console errors and uncaught exceptions
        self.failed: list[str] = []   # requests that failed
        self.outside: list[str] = []  # requests to another host (answered with nothing)
        self.status: int | None = None


@pytest.fixture(scope="session")
def visit(server: str, browser: object) -> Iterator[Callable[..., Visit]]:
    """``visit(page, "desktop" | "phone")``: the page loaded once per viewport and kept open,
    so that every test of it looks at the same load; a test that changes it puts it back (a
    page resized is given its size again when next asked for). The pages of one viewport share
    a browser context (and its storage)."""
    opened: dict[tuple[str, str], Visit] = {}
    contexts: dict[str, object] = {}

    def get(page: str, viewport: str = "desktop") -> Visit:
        if (page, viewport) not in opened:
            if viewport not in contexts:
                contexts[viewport] = browser.new_context(**VIEWPORTS[viewport])
            tab = contexts[viewport].new_page()
            seen = Visit(tab)
            tab.route(lambda url: not url.startswith(server),
                      lambda route: (seen.outside.append(route.request.url),
                                     route.fulfill(body=""))[-1])
            tab.on("console", lambda msg: seen.errors.append(msg.text)
                   if msg.type == "error" else None)
            tab.on("pageerror", lambda exc: seen.errors.append(str(exc)))
            tab.on("requestfailed", lambda req: seen.failed.append(req.url))
            response = tab.goto(server + page, wait_until="load")
            seen.status = response.status if response is not None else None
            opened[(page, viewport)] = seen
        seen = opened[(page, viewport)]
        seen.tab.bring_to_front()  # a page behind another gets few animation frames: every
        # action, which waits for its element to stand still over two frames, took seconds
        size = VIEWPORTS[viewport]["viewport"]
        if seen.tab.viewport_size != size:  # a test narrowed it: back, and let figures redraw
            seen.tab.set_viewport_size(size)
            seen.tab.wait_for_timeout(150)
        return seen

    yield get
    for context in contexts.values():
        context.close()
