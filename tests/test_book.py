"""The book's sources and built pages: stored outputs that any machine reproduces, words for readers.

nbval compares every stored notebook output with a fresh run; a float printed to its
last bits differs from one CPU, BLAS kernel or summation order to another, so no
stored output may hold one. The book speaks to its readers about Serge and the
methods, never about how the project is made. The built pages are checked when the
book has been built (``make book``); CI builds it before the tests.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
HTML = ROOT / "_build" / "html"
NOTEBOOKS = sorted(BOOK.glob("*.ipynb"))
SOURCES = sorted([*NOTEBOOKS, *BOOK.glob("*.md")])
PAGES = sorted(HTML.rglob("*.html")) if HTML.is_dir() else []

#: A float with 13 or more decimals: the last bits of a binary float, printed.
LONG_FLOAT = re.compile(r"(?<![\w.])-?\d+\.\d{13,}")

#: Words about how the project is made, not about Serge or the methods.
PROCESS_WORDS = re.compile(
    r"(?i)\b(?:issue['’]s|issues?\s+(?:asks?|asked|says|said|names?|named|tracker)|"
    r"project['’]?s\s+issue|(?:this|that|the|an|open)\s+issue\b|tickets?\b|"
    r"(?:this|last|next|the\s+developers?['’]?)\s+session\b|sessions?['’]\s|"
    r"commissioned\s+(?:the|this)\s+(?:book|project)|pull\s+requests?)")


def _outputs(notebook: Path) -> list[tuple[int, str]]:
    """Every stored output of a notebook as text, with its cell's index."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    found = []
    for index, cell in enumerate(cells):
        for output in cell.get("outputs", []):
            texts = [output.get("text", "")] + list(output.get("data", {}).values())
            for value in texts:
                found.append((index, "".join(value) if isinstance(value, list) else str(value)))
    return found


def test_the_book_has_notebooks() -> None:
    assert len(NOTEBOOKS) >= 5


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_no_stored_output_holds_a_float_to_its_last_bits(notebook: Path) -> None:
    noisy = [(index, match) for index, text in _outputs(notebook)
             for match in LONG_FLOAT.findall(text)]
    assert not noisy, (f"{notebook.name}: stored outputs with floats of 13+ decimals "
                       f"(cell, value): {noisy[:5]}; round what is glued or shown")


def test_the_float_check_can_fail(tmp_path: Path) -> None:
    notebook = tmp_path / "n.ipynb"
    notebook.write_text(json.dumps({"cells": [{"cell_type": "code", "outputs": [
        {"output_type": "display_data", "data": {"text/plain": "-0.21429865806342036"}}]}]}))
    found = [m for _, text in _outputs(notebook) for m in LONG_FLOAT.findall(text)]
    assert found == ["-0.21429865806342036"]
    assert not LONG_FLOAT.findall("0.2143 and 1234567890123 and sha 06c30a5064c363e4")


#: What ITables' offline mode stores in an output to load its DataTables bundle (about 1 MB):
#: the bundle, base64-encoded, decoded and imported in the page.
BUNDLE = re.compile(r"injectModule\(|atob\(|dt_src_b64")

#: The most a stored notebook may weigh: its outputs are the page's, not a library's.
MAX_NOTEBOOK_BYTES = 512 * 1024


def _bundles(notebook: Path) -> list[int]:
    """The cells of a notebook whose stored outputs carry a script bundle."""
    return sorted({index for index, text in _outputs(notebook) if BUNDLE.search(text)})


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_no_stored_output_holds_a_script_bundle(notebook: Path) -> None:
    """The tables' scripts ship once with the book (``analysis.reading_view.tables.show``)."""
    cells = _bundles(notebook)
    assert not cells, (f"{notebook.name}: cells {cells} store the tables' script bundle; show "
                       "tables with analysis.reading_view.tables.show")


def test_the_bundle_check_can_fail(tmp_path: Path) -> None:
    from itables import options
    from itables.javascript import generate_init_offline_itables_html

    notebook = tmp_path / "n.ipynb"
    notebook.write_text(json.dumps({"cells": [{"cell_type": "code", "outputs": [
        {"output_type": "display_data",
         "data": {"text/html": generate_init_offline_itables_html(options.dt_bundle)}}]}]}))
    assert _bundles(notebook) == [0]


def test_no_stored_notebook_weighs_over_512_kib() -> None:
    heavy = {n.name: n.stat().st_size for n in NOTEBOOKS if n.stat().st_size > MAX_NOTEBOOK_BYTES}
    assert not heavy, f"stored notebooks over {MAX_NOTEBOOK_BYTES // 1024} KiB: {heavy}"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_the_sources_speak_to_readers(source: Path) -> None:
    hits = sorted(set(PROCESS_WORDS.findall(source.read_text(encoding="utf-8"))))
    assert not hits, f"{source.name} speaks of how the project is made: {hits}"


def test_the_process_word_check_can_fail() -> None:
    for text in ("Here is the issue's sentence", "the words named in the project's issue",
                 "as the ticket asked"):
        assert PROCESS_WORDS.search(text), text
    for text in ("They sat in commission to condemn", "During one session, he came down"):
        assert not PROCESS_WORDS.search(text), text


@pytest.mark.skipif(not PAGES, reason="the book is not built: run `make book` first")
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(HTML).as_posix())
def test_built_pages_speak_to_readers_and_load_nothing_from_other_hosts(page: Path) -> None:
    html = page.read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"<script.*?</script>|<style.*?</style>|<[^>]+>", " ", html, flags=re.S)
    hits = sorted(set(PROCESS_WORDS.findall(text)))
    assert not hits, f"{page.name} speaks of how the project is made: {hits}"
    outside = re.findall(r'<(?:script|link|img|iframe)\b[^>]*(?:src|href)="((?:https?:)?//[^"]+)"',
                         html)
    loaded = [u for u in outside if not re.search(r'rel="(?:canonical|alternate)"', u)]
    assert not loaded, f"{page.name} loads from other hosts: {loaded}"
