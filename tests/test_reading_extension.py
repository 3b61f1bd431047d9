"""The book's Sphinx extension (``book/_ext/reading_pages.py``), on a tiny book built here.

The tiny book has an index page with the roles, a reading page, a who's-who and
a page with a searchable table's marker and a pandas table; it is built once
with the publisher's "openings" switch. The roles link from any page and refuse
an id the chapter lacks; the directives follow the switch; the tables' scripts
are copied into ``_static`` once and loaded only where a table is; a pandas
table's long addresses may break; the publisher's settings reach the theme.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

TABLE_PAGE = """# A table

```{raw} html
<div class="rv-table" data-rv-table="t"><table id="t"></table></div>
<table border="1" class="dataframe"><thead><tr><th>paragraph_id</th><th>note</th></tr></thead><tbody><tr>
<td>https://en.wikipedia.org/wiki/Joaqu%C3%ADn_Maur%C3%ADn</td><td>Government</td>
</tr></tbody></table>
```
"""


@pytest.fixture(scope="module")
def tiny_book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A four-page Sphinx project that uses the extension's roles and directives."""
    sphinx_app = pytest.importorskip("sphinx.application")
    src = tmp_path_factory.mktemp("tiny")
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT / 'book' / '_ext')!r})\n"
        "extensions = ['myst_parser', 'reading_pages']\n"
        "publisher = {'reading_text': 'openings', 'repository_url': 'https://example.org/r'}\n"
        "html_theme_options = {}\n", encoding="utf-8")
    (src / "index.md").write_text(
        "# Index\n\n```{toctree}\nbook/reading\nbook/whos-who\nbook/table\n```\n\n"
        "See {para}`43`, {sent}`the opening <222>` and {person}`lenin`; "
        "also {para}`999`.\n", encoding="utf-8")
    (src / "book").mkdir()
    (src / "book" / "reading.md").write_text("# Reading\n\n```{reading-view}\n```\n", "utf-8")
    (src / "book" / "whos-who.md").write_text("# Who\n\n```{whos-who}\n```\n", "utf-8")
    (src / "book" / "table.md").write_text(TABLE_PAGE, "utf-8")
    out = src / "_build"
    warnings: list[str] = []

    class Sink:
        def write(self, text: str) -> None:
            warnings.append(text)

        def flush(self) -> None:
            pass

    app = sphinx_app.Sphinx(str(src), str(src), str(out), str(out / ".doctrees"), "html",
                            status=None, warning=Sink(), freshenv=True)
    app.build()
    return out, warnings


def test_the_roles_link_from_any_page_and_refuse_a_missing_id(
        tiny_book: tuple[Path, list[str]]) -> None:
    out, warnings = tiny_book
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="book/reading.html#p43"' in index and ">¶43<" in index
    assert 'href="book/reading.html#s222"' in index and ">the opening<" in index
    assert 'href="book/whos-who.html#person-lenin"' in index and ">Vladimir Ilyich Lenin<" in index
    assert any("no paragraph '999'" in w for w in warnings), warnings


def test_the_directives_follow_the_publishers_switch(tiny_book: tuple[Path, list[str]]) -> None:
    out, _ = tiny_book
    reading = (out / "book" / "reading.html").read_text(encoding="utf-8")
    assert 'data-openings="true"' in reading and 'id="s312"' in reading
    assert 'href="whos-who.html#person-lenin"' in reading
    who = (out / "book" / "whos-who.html").read_text(encoding="utf-8")
    assert 'id="person-lenin"' in who and "<strong>" not in who


def test_a_page_with_a_table_gets_the_scripts_shipped_once(tiny_book: tuple[Path, list[str]]) -> None:
    out, _ = tiny_book
    table = (out / "book" / "table.html").read_text(encoding="utf-8")
    assert re.search(r'<script[^>]*src="\.\./_static/itables/load-itables\.js[^"]*"[^>]*'
                     r'type="module"|<script[^>]*type="module"[^>]*src="\.\./_static/itables/'
                     r'load-itables\.js', table), "no module loads the tables' script"
    assert 'href="../_static/itables/dt_bundle.css' in table
    for page in ("index.html", "book/reading.html"):
        assert "load-itables" not in (out / page).read_text(encoding="utf-8"), page
    static = out / "_static" / "itables"
    assert (static / "dt_bundle.js").stat().st_size > 100_000 and (static / "dt_bundle.css").is_file()
    # a pandas table's long address may break after its separators; no word is broken
    assert "Joaqu<wbr>%C3<wbr>%ADn_<wbr>Maur" in table and "<td>Government</td>" in table
    assert "<th>paragraph_<wbr>id</th>" in table  # a heading wraps after an underscore


def test_the_publisher_settings_reach_the_theme() -> None:
    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    try:
        import reading_pages
    finally:
        sys.path.pop(0)

    class Config:
        publisher = {"repository_url": "https://example.org/r", "repository_buttons": ["issues"],
                     "launch_buttons": {"binderhub_url": "https://binder.example.org",
                                        "colab_url": ""}}
        html_theme_options = {"launch_buttons": {"notebook_interface": "classic", "thebe": True},
                              "use_download_button": True}

    config = Config()
    reading_pages.apply_publisher(None, config)
    options = config.html_theme_options
    assert options["repository_url"] == "https://example.org/r"
    assert options["use_issues_button"] and not options["use_repository_button"]
    assert options["launch_buttons"] == {"notebook_interface": "classic", "thebe": False,
                                         "binderhub_url": "https://binder.example.org"}
    assert options["use_download_button"]
    config.publisher = {"reading_text": "some"}
    with pytest.raises(ValueError, match="reading_text"):
        reading_pages.apply_publisher(None, config)


def test_the_reading_pages_are_in_the_table_of_contents() -> None:
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    assert toc.index("book/reading") < toc.index("book/text")
    assert "book/whos-who" in toc
    config = (ROOT / "_config.yml").read_text(encoding="utf-8")
    assert "publisher:" in config and "reading_text: full" in config
