"""Fixtures the tests share beyond those of the root ``conftest.py``.

``results`` holds the analyses of the bundled chapter with the bundled files,
each table computed once for the whole run; ``exported`` is their export,
written once. For the browser tests (``test_browser*.py``): ``server`` serves the
built book, ``browser`` is headless Chromium, ``open_tab`` opens a page in a
fresh tab that answers requests to other hosts with nothing, and a test that
takes a ``page`` argument and is marked ``@pytest.mark.pages(kind)`` runs once
for each built page of that kind (:func:`built_pages`). Without a built book or
Chromium they skip, saying what to do.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest

from analysis.datafiles import DataFiles
from analysis.export import export
from analysis.results import Analyses
from analysis.text import Chapter


@pytest.fixture(scope="session")
def results(chapter: Chapter, files: DataFiles) -> Analyses:
    """The analyses of the bundled chapter (tables computed on first use, then kept)."""
    return Analyses(chapter, files)


@pytest.fixture(scope="session")
def compared(results: Analyses) -> pd.DataFrame:
    """The portrayal by the close reading and by the method (:func:`analysis.synthesis.portrayal_compared`)."""
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
    marker = {"all": "", "figures": "data-rv-figure=", "tables": "_itables_"}[kind]
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


@pytest.fixture
def open_tab(server: str, browser: object) -> Callable[..., object]:
    """``open_tab(page, **context)``: a fresh tab on ``page`` (its own storage) that answers
    requests to other hosts with nothing."""
    def open_page(page: str, **context: object) -> object:
        tab = browser.new_context(**context).new_page()
        tab.route(lambda url: not url.startswith(server), lambda route: route.fulfill(body=""))
        tab.goto(server + page, wait_until="load")
        return tab
    return open_page
