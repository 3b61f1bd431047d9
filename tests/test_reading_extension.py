"""The books' Sphinx extension (``analysis.book.sphinx.reading_pages``), on a tiny book built here.

The tiny book loads the extension from the installed package, by its module name,
as both books do. It has an index page with the roles, a reading page, a
who's-who, a witness text's reading page (Russell's, with its who's-who below
it), and a page with a searchable table's marker, a pandas table and links into
the reading pages; it is built once with the publisher's "openings" switch.
The roles link from any page, to the book's text or to a witness's, and refuse
an id the text lacks, a text the corpus lacks and a page the book lacks; the
links of a page's output are checked the same way; the directives follow the
switch; the reading view's style and script come from the package; the
tables' scripts are copied into ``_static`` once and loaded only where a table
is; a pandas table's long addresses may break; the publisher's settings reach
the theme.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from analysis.book.sphinx import STATIC, reading_pages
from analysis.pages import witnesses

ROOT = Path(__file__).resolve().parent.parent

TABLE_PAGE = """# A table

```{raw} html
<div class="rv-table" data-rv-table="t"><table id="t"></table></div>
<table border="1" class="dataframe"><thead><tr><th>paragraph_id</th><th>note</th></tr></thead><tbody><tr>
<td>https://en.wikipedia.org/wiki/Joaqu%C3%ADn_Maur%C3%ADn</td><td>Government</td>
</tr></tbody></table>
<a href="reading-russell.html#s3">s3</a> <a href="reading-russell.html#s99999">gone</a>
<a href="reading-goldman.html#p2">no page</a> <a href="reading.html#p43">¶43</a>
```
"""

WITNESS_PAGE = "# Russell\n\n```{reading-view}\n:text: russell\n```\n\n## Who\n\n```{whos-who}\n:text: russell\n```\n"


@pytest.fixture(scope="module")
def tiny_book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A five-page Sphinx project that uses the extension's roles and directives."""
    sphinx_app = pytest.importorskip("sphinx.application")
    src = tmp_path_factory.mktemp("tiny")
    (src / "conf.py").write_text(
        "extensions = ['myst_parser', 'analysis.book.sphinx.reading_pages']\n"
        "publisher = {'reading_text': 'openings', 'repository_url': 'https://example.org/r'}\n"
        "html_theme_options = {}\n", encoding="utf-8")
    (src / "index.md").write_text(
        "# Index\n\n```{toctree}\nbook/reading\nbook/whos-who\nbook/reading-russell\nbook/table\n```"
        "\n\nSee {para}`43`, {sent}`the opening <222>` and {person}`lenin`; also {para}`999`.\n\n"
        "Russell: {sent}`russell:3`, {para}`his ¶2 <russell:2>`, {person}`russell:gorky`, "
        "{sent}`serge:312`; {sent}`russell:99999`, {para}`nobody:1`, {sent}`goldman:1`.\n",
        encoding="utf-8")
    (src / "book").mkdir()
    (src / "book" / "reading.md").write_text("# Reading\n\n```{reading-view}\n```\n", "utf-8")
    (src / "book" / "whos-who.md").write_text("# Who\n\n```{whos-who}\n```\n", "utf-8")
    (src / "book" / "reading-russell.md").write_text(WITNESS_PAGE, "utf-8")
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


def test_a_role_with_a_text_s_id_leads_to_that_text_s_reading_page(
        tiny_book: tuple[Path, list[str]]) -> None:
    out, warnings = tiny_book
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="book/reading-russell.html#s3"' in index and ">s3<" in index
    assert 'href="book/reading-russell.html#p2"' in index and ">his ¶2<" in index
    assert 'href="book/reading-russell.html#person-gorky"' in index
    assert 'href="book/reading.html#s312"' in index  # the book's own text: its own page
    said = "".join(warnings)
    assert "{sent}: the text has no sentence '99999'" in said
    assert "{para}: the corpus has no text 'nobody'" in said
    assert "the book has no page book/reading-goldman" in said  # a text whose page is not built


def test_the_links_of_a_page_s_output_are_checked_against_each_reading_page(
        tiny_book: tuple[Path, list[str]]) -> None:
    out, warnings = tiny_book
    table = (out / "book" / "table.html").read_text(encoding="utf-8")
    assert 'href="reading-russell.html#s3"' in table and 'href="reading.html#p43"' in table
    said = "".join(warnings)
    assert "reading-russell.html#s99999: no such anchor" in said
    assert "reading-russell.html#s3" not in said and "reading.html#p43" not in said
    assert "reading-goldman.html#p2: the book has no page" in said


def test_a_witness_page_has_its_text_its_register_and_its_anchors(
        tiny_book: tuple[Path, list[str]]) -> None:
    out, _ = tiny_book
    page = (out / "book" / "reading-russell.html").read_text(encoding="utf-8")
    results = witnesses.current().results("russell")
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    assert {f"p{i}" for i in results.chapter.paragraphs["paragraph_id"]} <= ids
    assert {f"s{i}" for i in results.chapter.sentences["sentence_id"]} <= ids
    assert {f"person-{p}" for p in results.shown_register["person_id"]} <= ids
    # the names lead to the entries below the text, the entries' passages back to the text
    targets = set(re.findall(r'href="#([^"]+)"', page))
    assert targets and targets <= ids
    assert 'href="#person-lenin"' in page and "whos-who.html#" not in page
    assert "Project Gutenberg EBook #17350" in page  # where the text comes from
    assert "Bertrand Russell" in page and 'data-openings="true"' in page


def test_the_directives_follow_the_publishers_switch(tiny_book: tuple[Path, list[str]]) -> None:
    out, _ = tiny_book
    reading = (out / "book" / "reading.html").read_text(encoding="utf-8")
    assert 'data-openings="true"' in reading and 'id="s312"' in reading
    assert 'href="whos-who.html#person-lenin"' in reading
    who = (out / "book" / "whos-who.html").read_text(encoding="utf-8")
    assert 'id="person-lenin"' in who and "<strong>" not in who


def test_the_reading_view_s_style_and_script_come_from_the_package(
        tiny_book: tuple[Path, list[str]]) -> None:
    out, _ = tiny_book
    for name in ("reading-view.css", "reading-view.js"):
        assert (out / "_static" / name).read_bytes() == (STATIC / name).read_bytes()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="_static/reading-view\.css', index)
    assert re.search(r'src="_static/reading-view\.js', index)


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
    class Config:
        publisher = {"repository_url": "https://example.org/r", "repository_buttons": ["issues"],
                     "launch_buttons": {"binderhub_url": "https://binder.example.org",
                                        "colab_url": ""}}
        html_theme_options = {"launch_buttons": {"notebook_interface": "classic", "thebe": True},
                              "use_download_button": True}
        html_static_path = ["_static"]

    config = Config()
    reading_pages.apply_publisher(None, config)
    options = config.html_theme_options
    assert options["repository_url"] == "https://example.org/r"
    assert options["use_issues_button"] and not options["use_repository_button"]
    assert options["launch_buttons"] == {"notebook_interface": "classic", "thebe": False,
                                         "binderhub_url": "https://binder.example.org"}
    assert options["use_download_button"]
    assert config.html_static_path == [str(STATIC), "_static"]  # the book's own files win
    config.publisher = {"reading_text": "some"}
    with pytest.raises(ValueError, match="reading_text"):
        reading_pages.apply_publisher(None, config)


def test_the_bundled_book_loads_the_extension_from_the_package() -> None:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    sphinx = config["sphinx"]
    assert "local_extensions" not in sphinx
    assert {"analysis.book.sphinx.reading_pages",
            "analysis.book.sphinx.unique_scripts"} <= set(sphinx["extra_extensions"])
    assert "html_static_path" not in sphinx["config"]  # the extension brings its own
    assert sphinx["config"]["publisher"]["reading_text"] == "full"
    assert not (ROOT / "book" / "_ext").exists() and not (ROOT / "book" / "_static").exists()


def test_the_reading_pages_are_in_the_table_of_contents() -> None:
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    assert toc.index("book/reading") < toc.index("book/text")
    assert "book/whos-who" in toc


def test_each_other_witness_text_has_its_reading_page_under_the_witnesses_page() -> None:
    corpus = witnesses.current()
    pages = witnesses.reading_pages(corpus, ROOT / "seeds" / "serge-memoirs-ch4-excerpt.txt")
    assert pages["serge"] == "reading.html"
    others = [t for t in corpus.ids if pages[t] != "reading.html"]
    assert others == ["russell", "goldman"]
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    entry = next(c for part in toc["parts"] for c in part["chapters"]
                 if c["file"] == "book/witnesses")
    assert [s["file"] for s in entry["sections"]] == [f"book/reading-{t}" for t in others]
    for text_id in others:
        page = (ROOT / "book" / f"reading-{text_id}.md").read_text(encoding="utf-8")
        assert f"```{{reading-view}}\n:text: {text_id}\n```" in page
        assert f"```{{whos-who}}\n:text: {text_id}\n```" in page
