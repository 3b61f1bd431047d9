"""The book project for any text, assembled without building it: pages, configuration, glossary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from analysis.book import project
from analysis.book.cache import PACKAGE
from analysis.book.sphinx import STATIC
from analysis.export import names

PAGES = project.PAGES_DIR
#: The pages of the book's own making (the page engineers write the others).
OWN = ("intro", "reading", "whos-who", "downloads")


def test_the_table_of_contents_begins_with_the_introduction_and_ends_with_the_reference() -> None:
    listed = [name for name, _ in project.chapters()]
    assert listed[0] == "intro" and listed[-3:] == ["downloads", "glossary", "references"]
    assert {"reading", "whos-who", "themes", "people"} <= set(listed)
    toc = project.toc(project.chapters())
    assert toc["root"] == "book/intro"
    files = [c["file"] for part in toc["parts"] for c in part["chapters"]]
    assert files == [f"book/{name}" for name in listed[1:]]


def test_a_page_not_written_yet_is_left_out(tmp_path: Path) -> None:
    (tmp_path / "intro.md").write_text("# I\n", encoding="utf-8")
    (tmp_path / "themes.md").write_text("# T\n", encoding="utf-8")
    assert [n for n, _ in project.chapters(tmp_path)] == ["intro", "themes", "glossary",
                                                         "references"]


@pytest.mark.parametrize("name", OWN)
def test_the_book_s_own_pages_name_no_text(name: str) -> None:
    text = (PAGES / f"{name}.md").read_text(encoding="utf-8")
    assert not re.search(r"Serge|Memoirs|1921|Petrograd|Russell", text), name


def test_every_page_reads_the_text_through_pages_current() -> None:
    for name, text in project.sources().items():
        if project.is_notebook(text):
            assert "pages.current()" in text, name
            assert "Analyses.load" not in text and "load_chapter" not in text, name


def test_the_downloads_page_offers_every_file_of_the_export() -> None:
    assert set(project.DESCRIPTIONS) == set(names())
    page = project.sources()["downloads"]
    assert project.FILES_MARK not in page
    for name in names():
        assert f"{{download}}`{name} <export/{name}>`" in page


def test_the_configuration_loads_the_book_s_extension_and_no_other_host() -> None:
    config = project.config('A "quoted" title: with a colon')
    text = yaml.safe_dump(config)
    assert yaml.safe_load(text)["title"] == 'A "quoted" title: with a colon'
    assert not re.search(r"https?://", text)
    sphinx = config["sphinx"]
    assert "local_extensions" not in sphinx and "html_static_path" not in sphinx["config"]
    assert sphinx["extra_extensions"][:2] == ["analysis.book.sphinx.reading_pages",
                                              "analysis.book.sphinx.unique_scripts"]
    assert (STATIC / "reading-view.js").is_file()  # the extension adds its own static folder
    assert config["execute"]["execute_notebooks"] == "off"  # the pages arrive executed
    assert sphinx["config"]["html_theme_options"]["launch_buttons"]["thebe"] is False


def test_the_configuration_names_no_path_of_the_repository_or_the_machine() -> None:
    text = yaml.safe_dump(project.config("A title"))
    assert str(PACKAGE.parent) not in text and "book/_" not in text
    assert not re.search(r"(^|[\s'\"])/\w", text), "an absolute path in the configuration"


def test_every_file_the_books_read_from_the_package_is_shipped_with_it() -> None:
    """An installed (not editable) package holds the pages, the glossary, the bibliography and
    the extension's style and script: pyproject's package-data names each."""
    import tomllib

    setup = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = {p for pattern in setup["tool"]["setuptools"]["package-data"]["analysis"]
               for p in PACKAGE.glob(pattern)}
    needed = [*PAGES.glob("*.md"), project.GLOSSARY, project.BIBLIOGRAPHY, *STATIC.iterdir()]
    assert len(needed) > 5 and set(needed) <= shipped, sorted(set(needed) - shipped)


#: How to write the shipped glossary and bibliography again from the bundled book's (in a clone).
SHIP = ('.venv/bin/python -c "from pathlib import Path; from analysis.book import project as p; '
        "s = list(p.sources().values()); g = p.glossary(s, Path('book/glossary.md').read_text()); "
        "p.GLOSSARY.write_text(g); p.BIBLIOGRAPHY.write_text(p.bibliography([*s, g], "
        "Path('book/references.bib').read_text()))\"")


def test_the_shipped_glossary_and_bibliography_are_the_bundled_book_s() -> None:
    book = PACKAGE.parent / "book"
    if not (book / "glossary.md").is_file():
        pytest.skip("not in a clone of the repository: no bundled book to compare with")
    sources = list(project.sources().values())
    glossary = project.glossary(sources, (book / "glossary.md").read_text(encoding="utf-8"))
    assert project.GLOSSARY.read_text(encoding="utf-8") == glossary, (
        f"the pages' terms or book/glossary.md changed: {SHIP}")
    bibliography = project.bibliography([*sources, glossary],
                                        (book / "references.bib").read_text(encoding="utf-8"))
    assert project.BIBLIOGRAPHY.read_text(encoding="utf-8") == bibliography, (
        f"the works cited or book/references.bib changed: {SHIP}")


def test_every_work_the_pages_and_the_glossary_cite_is_shipped() -> None:
    sources = [*project.sources().values(), project.GLOSSARY.read_text(encoding="utf-8")]
    cited = {k.strip() for s in sources for m in re.finditer(r"\{cite(?::\w+)?\}`([^`]*)`", s)
             for k in m.group(1).split(",")}
    shipped = set(re.findall(r"^@\w+\{([^,\s]+),", project.BIBLIOGRAPHY.read_text(encoding="utf-8"),
                             re.M))
    assert cited and cited == shipped


def test_the_glossary_holds_every_term_the_pages_use_and_names_no_author() -> None:
    sources = list(project.sources().values())
    glossary = project.glossary(sources, project.GLOSSARY.read_text(encoding="utf-8"))
    used = {(m.group(1).rsplit("<", 1)[-1].rstrip(">") if m.group(1).endswith(">")
             else m.group(1)).strip().lower()
            for s in sources for m in re.finditer(r"\{term\}`([^`]*)`", s)}
    defined = {line.strip().lower() for line in glossary.split("```{glossary}\n")[1].splitlines()
               if line and not line[0].isspace() and line != "```"}
    assert used and used <= defined
    assert "Serge" not in glossary


def test_a_definition_loses_the_sentence_that_names_the_author_only() -> None:
    text = ("```{glossary}\nanalepsis\n  A jump back. In Serge's chapter, Bela Kun's Hungary.\n\n"
            "Editorial note\n  Written by the editor, not by Serge.\n```\n")
    out = project.glossary(["{term}`analepsis`", "{term}`an editor's note <Editorial note>`"],
                           text)
    assert "  A jump back." in out and "Hungary" not in out
    assert "  Written by the editor, not by the author." in out  # one sentence: reworded


def test_the_project_is_written_once_and_then_only_where_it_changed(tmp_path: Path) -> None:
    pages = {"intro": "# Intro\n\n```{code-cell} ipython3\n1\n```\n",
             "reading": "# Reading\n\n```{reading-view}\n```\n"}
    first = project.write_project(tmp_path, "A title", "stamp1", pages, {"intro": "{}"})
    assert set(first) == {"_config.yml", "_toc.yml", "book/glossary.md", "book/references.md",
                          "book/references.bib", "book/intro.ipynb", "book/reading.md"}
    assert project.write_project(tmp_path, "A title", "stamp1", pages, {}) == []
    assert (tmp_path / "book" / "intro.ipynb").read_text(encoding="utf-8") == "{}"
    assert project.write_project(tmp_path, "A title", "stamp2", pages, {}) == ["book/reading.md"]
    assert project.write_project(tmp_path, "Another", "stamp2", pages, {}) == ["_config.yml"]
    toc = yaml.safe_load((tmp_path / "_toc.yml").read_text(encoding="utf-8"))
    assert [c["file"] for p in toc["parts"] for c in p["chapters"]] == [
        "book/reading", "book/glossary", "book/references"]
