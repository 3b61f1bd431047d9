"""The book project for one text: configuration, table of contents, pages, glossary, downloads.

:func:`write_project` writes a Jupyter Book project into a folder: a
``_config.yml`` with the text's title (the same theme, extensions, style and
script as the bundled chapter's book, all from the installed package: the
extensions of :mod:`analysis.book.sphinx`, named by module, bring their own
style and script), a ``_toc.yml`` over the pages of
:data:`ORDER` that exist in :data:`PAGES_DIR`, the pages that are not executed
(the reading page and the who's-who, which the extension makes, stamped with
the inputs' digest so that Sphinx reads them again when the data change), the
downloads page, with a link to each file of the export, a glossary of the
terms the pages use (:data:`GLOSSARY`) and the works the pages and the
glossary cite (:data:`BIBLIOGRAPHY`), both shipped with the package. Each file
is written only when its content changed, so that Sphinx reads again only what
changed.

Example:
    >>> [name for name, _ in chapters()][:3]
    ['intro', 'reading', 'text']
"""

from __future__ import annotations

import re
from pathlib import Path

from analysis.book.cache import write_if_changed
from analysis.book.execute import MYST_EXTENSIONS

#: The generic pages — MyST Markdown, notebooks (executed) or not (the reading page, who's-who).
PAGES_DIR = Path(__file__).resolve().parent / "pages"

#: The folder of the glossary and the bibliography, shipped with the package.
REFERENCE_DIR = Path(__file__).resolve().parent / "reference"

#: The glossary of the methods' terms the pages use, :func:`glossary` of the bundled book's
#: (``book/glossary.md``); a test keeps it the bundled book's.
GLOSSARY = REFERENCE_DIR / "glossary.md"

#: The works the pages and the glossary cite, :func:`bibliography` of the bundled book's
#: (``book/references.bib``); a test keeps it the bundled book's.
BIBLIOGRAPHY = REFERENCE_DIR / "references.bib"

#: The book's pages in the order of its table of contents, as (part caption, page names).
ORDER: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("", ("intro",)),
    ("Reading the text", ("reading", "text", "themes", "people", "whos-who", "sentiment",
                          "glance", "time")),
    ("Data and reference", ("downloads", "glossary", "references")),
)

#: Pages written here rather than copied from :data:`PAGES_DIR`.
MADE = ("glossary", "references")

#: Where the export's files are put in the project, for the downloads page to offer.
EXPORT = "book/export"

#: What each file of the export holds, as the downloads page says it.
DESCRIPTIONS = {
    "paragraphs.csv": "every paragraph: its kind (title, narrative, editorial), offsets and text",
    "sentences.csv": "every sentence: its paragraph, offsets and text, and whether it speaks "
                     "with hindsight (the rule's cue and later time, the readers' mark)",
    "corrections.csv": "every correction of the file's text: what it holds, what is read instead, why",
    "themes.csv": "each paragraph's score for each theme of the lexicon",
    "theme_hits.csv": "every word or phrase of the lexicon found, with its theme, weight and offsets",
    "people.csv": "the register of people, as the analyses read it",
    "mentions.csv": "every naming of a registered person, with its offsets, sentence and paragraph",
    "unregistered_names.csv": "capitalised names the register does not hold, scored as people",
    "sentiment.csv": "every sentence's tone by each method, and the reference reading's where "
                     "there is one",
    "time_expressions.csv": "every time expression: its offsets, sentence, TIMEX3 type and value, "
                            "and how the value was reached",
    "chronology.csv": "the dated events the text's times are checked against, each with its dates, "
                      "its sentence and its source (empty, the reason in the data package, for a text "
                      "without one)",
    "network.gexf": "the network of people named in the same paragraphs (for Gephi)",
    "annotations.jsonld": "every mention, theme hit, sentence score, correction, time expression "
                          "and hindsight sentence as a W3C Web Annotation, each target quoted "
                          "and placed in the text file",
    "chapter.tei.xml": "the established text in TEI P5, with its people, corrections, "
                       "sentences and dates marked",
    "datapackage.json": "the Frictionless Data Package that describes every file, with its SHA-256",
}

_TERM = re.compile(r"\{term\}`(?P<text>[^`]*)`")
_FENCE = re.compile(r"^```\{glossary\}\n(?P<body>.*?)^```", re.S | re.M)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


def chapters(folder: Path = PAGES_DIR) -> list[tuple[str, str]]:
    """The book's pages that exist, in order: ``(name, part caption)``."""
    return [(name, caption) for caption, names in ORDER for name in names
            if name in MADE or (folder / f"{name}.md").is_file()]


def is_notebook(text: str) -> bool:
    """Whether a page's source holds code cells to run (a MyST notebook).

    Example:
        >>> is_notebook("# A\\n\\n```{code-cell} ipython3\\n1\\n```\\n"), is_notebook("# B\\n")
        (True, False)
    """
    return "```{code-cell}" in text


def config(title: str) -> dict[str, object]:
    """The ``_config.yml`` of the book of a text called ``title``."""
    return {
        "title": title, "author": "", "copyright": "", "logo": "",
        "only_build_toc_files": True,
        "exclude_patterns": ["_build", "**/.ipynb_checkpoints", f"{EXPORT}/**"],
        # The pages arrive executed (analysis.book.execute): the build only renders them.
        "execute": {"execute_notebooks": "off"},
        "parse": {"myst_enable_extensions": list(MYST_EXTENSIONS)},
        "bibtex_bibfiles": ["book/references.bib"],
        "sphinx": {
            "extra_extensions": ["analysis.book.sphinx.reading_pages",
                                 "analysis.book.sphinx.unique_scripts", "notfound.extension",
                                 "sphinx-mathjax-offline"],
            "config": {
                "publisher": {"reading_text": "full"},
                "mathjax_path": "mathjax/tex-chtml.js",
                "notfound_urls_prefix": "/",
                "bibtex_reference_style": "author_year",
                "numfig": True,
                "html_context": {"default_mode": "light"},
                "html_theme_options": {
                    "search_bar_text": "Search this book...", "repository_url": "",
                    "use_repository_button": False, "use_issues_button": False,
                    "use_edit_page_button": False, "use_download_button": True,
                    "use_fullscreen_button": True, "home_page_in_toc": True,
                    "launch_buttons": {"notebook_interface": "classic", "thebe": False}},
                "nb_execution_raise_on_error": True,
                "nb_merge_streams": True,
                "html_show_copyright": False,
                "language": "en",
            },
        },
    }


def toc(pages: list[tuple[str, str]]) -> dict[str, object]:
    """The ``_toc.yml`` over ``pages`` (:func:`chapters`): the first is the root."""
    parts: dict[str, list[dict[str, str]]] = {}
    for name, caption in pages[1:]:
        parts.setdefault(caption, []).append({"file": f"book/{name}"})
    return {"format": "jb-book", "root": f"book/{pages[0][0]}",
            "parts": [{"caption": caption, "chapters": files} for caption, files in parts.items()]}


def downloads(names: list[str]) -> str:
    """The list of the export's files, each a download link with what it holds (MyST).

    Example:
        >>> print(downloads(["people.csv"]))
        - {download}`people.csv <export/people.csv>`: the register of people, as the analyses read it
    """
    return "\n".join(f"- {{download}}`{name} <export/{name}>`: "
                     f"{DESCRIPTIONS.get(name, 'a file of the export')}" for name in names)


def glossary(sources: list[str], glossary_text: str) -> str:
    """The glossary of the terms ``sources`` use, each entry as ``glossary_text`` defines it.

    A sentence of a definition that names the bundled chapter's author is left
    out: it speaks of that chapter, not of the method.

    Example:
        >>> text = "```{glossary}\\nAUC\\n  The area. In Serge's chapter, x.\\n\\nkappa\\n  K.\\n```\\n"
        >>> print(glossary(["{term}`the AUC <AUC>`"], text))
        # Glossary
        <BLANKLINE>
        The terms of the methods and their measures used in this book, each with what its values mean.
        <BLANKLINE>
        ```{glossary}
        AUC
          The area.
        ```
    """
    wanted = {(m["text"].rsplit("<", 1)[1].rstrip(">") if m["text"].rstrip().endswith(">")
               else m["text"]).strip().lower() for s in sources for m in _TERM.finditer(s)}
    entries = []
    for fence in _FENCE.finditer(glossary_text):
        for entry in re.split(r"\n\s*\n", fence["body"].strip("\n")):
            lines = entry.splitlines()
            terms = [line for line in lines if line and not line[0].isspace()]
            if not terms or not {t.strip().lower() for t in terms} & wanted:
                continue
            body = " ".join(line.strip() for line in lines if line and line[0].isspace())
            kept = " ".join(s for s in _SENTENCE.split(body) if "Serge" not in s)
            entries.append("\n".join(terms) + "\n  " + (kept or body.replace("Serge", "the author")))
    return ("# Glossary\n\nThe terms of the methods and their measures used in this book, each "
            "with what its values mean.\n\n```{glossary}\n" + "\n\n".join(entries) + "\n```")


_CITE = re.compile(r"\{cite(?::\w+)?\}`(?P<keys>[^`]*)`")
_ENTRY = re.compile(r"^@\w+\{(?P<key>[^,\s]+),.*?^\}[ \t]*$", re.S | re.M)


def bibliography(sources: list[str], bib_text: str) -> str:
    """The entries of ``bib_text`` (BibTeX) that ``sources`` cite, in its order.

    Example:
        >>> bib = "@book{a1,\\n  title = {A}\\n}\\n\\n@book{b2,\\n  title = {B}\\n}\\n"
        >>> print(bibliography(["as {cite:p}`b2`"], bib))
        @book{b2,
          title = {B}
        }
        <BLANKLINE>
    """
    keys = {k.strip() for s in sources for m in _CITE.finditer(s) for k in m["keys"].split(",")}
    return "\n".join(m.group() + "\n" for m in _ENTRY.finditer(bib_text) if m["key"] in keys)


REFERENCES = "# References\n\nThe works cited in this book.\n\n```{bibliography}\n```\n"


#: The line of the downloads page that the list of the export's files replaces.
FILES_MARK = "% the export's files"


def sources(folder: Path = PAGES_DIR, files: list[str] | None = None) -> dict[str, str]:
    """Each page's MyST source, by name, in order (the downloads page with ``files`` listed)."""
    from analysis.export import names

    found = {}
    for name, _ in chapters(folder):
        if name not in MADE:
            text = (folder / f"{name}.md").read_text(encoding="utf-8")
            found[name] = text.replace(FILES_MARK, downloads(names() if files is None else files))
    return found


def write_project(root: Path, title: str, stamp: str, pages: dict[str, str],
                  executed: dict[str, str]) -> list[str]:
    """Write the book project of ``pages`` (:func:`sources`) into ``root``; return the files
    written anew.

    ``executed`` maps each notebook page run this time to its executed notebook
    (JSON), written as ``book/<page>.ipynb`` (the others are there from an
    earlier run); ``stamp`` (the inputs' digest) is put in the pages the
    extension makes. Files that hold the same content already are left alone.
    """
    import yaml

    listed = [(name, caption) for name, caption in chapters() if name in pages or name in MADE]
    made = {
        "_config.yml": yaml.safe_dump(config(title), sort_keys=False, allow_unicode=True),
        "_toc.yml": yaml.safe_dump(toc(listed), sort_keys=False),
        "book/glossary.md": glossary(list(pages.values()), GLOSSARY.read_text(encoding="utf-8")),
        "book/references.md": REFERENCES,
        "book/references.bib": BIBLIOGRAPHY.read_text(encoding="utf-8"),
    }
    for name, text in pages.items():
        if name in executed:
            made[f"book/{name}.ipynb"] = executed[name]
        elif not is_notebook(text):
            made[f"book/{name}.md"] = f"{text.rstrip()}\n\n% inputs {stamp}\n"
    return [path for path, content in made.items() if write_if_changed(root / path, content)]
