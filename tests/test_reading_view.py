"""The reading view: its HTML, on a short made-up text and on the chapter, and the book's extension.

The made-up text has a heading, narration, an editor's note and three
corrections; a person's name that a correction mends and a theme phrase that
runs into it overlap, so that the marks must nest. The HTML is parsed with
:mod:`html.parser`: every tag closes in order, every id is unique, every
mention is marked once, and the words read are the established text.
"""

from __future__ import annotations

import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import load_chapter, people, sentiment, themes
from analysis.datafiles import DataFiles
from analysis.reading_view import (Atom, Mark, linked_table, nest, paragraph_link, render,
                                   whos_who)
from analysis.reading_view.marks import references, tone_mark

ROOT = Path(__file__).resolve().parent.parent

TEXT = """\
The Lyon Chapter

I came to Lyon in the winter of 1923. The print shop belonged to Marc Du val, who printed \
leaflets for the exiles. Marc Duval was a kind man , but the police watched him.

[Marc Duval (1880-1944): a printer of Lyon; the editor adds that he hid Anna Weiss.]

By spring the newspaper had six hundred readers. Anna Weiss set the type, and the police \
arrested Anna Weiss in June; Duval printed a leaflet about her arrest. Nobody at the shop \
ever spoke of Weiss again, and the newspaper was closed down by the prefecture in the autumn.
"""

PEOPLE = """\
person_id,name,aliases,role,nationality,affiliation,born,died,fate,source_paragraph,note,claim,record,record_source,wikidata,narrator
duval,Marc Duval,Marc Duval; Duval,printer of the exiles' newspaper,French,anarchist,1880,1944,died in hiding,2,,"¶2: 'the print shop belonged to Marc Duval'","The shop was his brother's.","Lyon archives, https://example.org/duval",Q42,
weiss,Anna Weiss,Anna Weiss; Weiss,typesetter,German,socialist,,,arrested in June,4,,,,,,
"""

THEMES = """\
[press]
label = "The press"
description = "Printing and publishing."
terms = [
  { term = "print*", weight = 3 },
  { term = "leaflet*", weight = 3 },
  { term = "newspaper", weight = 3 },
  { term = "Duval printed", weight = 2 },
]

[police]
label = "Police"
description = "The police and arrests."
terms = [
  { term = "police", weight = 3 },
  { term = "arrest*", weight = 3 },
  { term = "Weiss in June", weight = 2 },
]
"""


def corrections_for(text: str) -> str:
    """A split name (inside a mention), a stray space (a deletion) and an added full stop."""
    split = text.index("Du val")
    space = text.index(" , but")
    end = text.index("her arrest") + len("her arrest")
    return ("start,end,found,replacement,kind,note\n"
            f"{split},{split + 6},Du val,Duval,split word,a space inside the name\n"
            f"{space},{space + 1}, ,,punctuation,space before a comma\n"
            f"{end + 1},{end + 1},,!,punctuation,an exclamation the print lost\n")


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The made-up text, its register and lexicon, and its analyses."""
    root = tmp_path_factory.mktemp("lyon")
    (root / "lyon.txt").write_text(TEXT, encoding="utf-8")
    (root / "people.csv").write_text(PEOPLE, encoding="utf-8")
    (root / "themes.toml").write_text(THEMES, encoding="utf-8")
    (root / "corrections.csv").write_text(corrections_for(TEXT), encoding="utf-8")
    files = DataFiles(people=root / "people.csv", themes=root / "themes.toml")
    chapter = load_chapter(root / "lyon.txt", corrections=root / "corrections.csv")
    register, lexicon = files.register(), files.lexicon()
    found = people.mentions(chapter, register)
    hits = themes.theme_hits(chapter, lexicon)
    tables = {"mentions": found, "register": register, "theme_hits": hits, "lexicon": lexicon,
              "paragraph_scores": themes.paragraph_scores(chapter, lexicon, hits=hits),
              "sentence_scores": sentiment.sentence_scores(chapter, files.patch())}
    return {"chapter": chapter, **tables}


def view(small: dict[str, object], **kwargs: object) -> str:
    args = {k: v for k, v in small.items() if k != "chapter"}
    return render(small["chapter"], **args, **kwargs)


class Tree(HTMLParser):
    """Checks that tags balance; collects ids, elements by class, and the words read."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "wbr"}
    HIDDEN = {"del", "script"}  # what the scan had; the page's data

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.paragraphs: dict[str, list[str]] = {}

    def _current_paragraph(self) -> str | None:
        for tag, attrs in reversed(self.stack):
            if "rv-par" in attrs.get("class", "").split():
                return attrs["id"]
        return None

    def _reading(self) -> bool:
        classes = [c for _, a in self.stack for c in a.get("class", "").split()]
        return not ({"rv-margin", "rv-withheld", "rv-also", "rv-legend"} & set(classes)
                    or any(t in self.HIDDEN for t, _ in self.stack))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        d = {k: v or "" for k, v in attrs}
        if "id" in d:
            self.ids.append(d["id"])
        self.elements.append((tag, d))
        if tag in self.VOID:
            if tag == "br" and self._reading() and self._current_paragraph():
                self.paragraphs.setdefault(self._current_paragraph(), []).append("\n")
            return
        self.stack.append((tag, d))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        pid = self._current_paragraph()
        if pid and self._reading():
            self.paragraphs.setdefault(pid, []).append(data)

    def with_class(self, name: str) -> list[dict[str, str]]:
        return [a for _, a in self.elements if name in a.get("class", "").split()]


def parse(markup: str) -> Tree:
    tree = Tree()
    tree.feed(markup)
    tree.close()
    assert not tree.errors and not tree.stack, (tree.errors[:3], tree.stack[-3:])
    return tree


# --- nesting -------------------------------------------------------------------------------

def test_crossing_marks_nest_and_the_inner_one_is_split() -> None:
    out = nest("abcdef", 0, 6, [Mark(0, 4, 1, "b", {"id": "x"}), Mark(2, 6, 2, "i", {"id": "y"})])
    assert out == '<b id="x">ab<i id="y">cd</i></b><i class="rv-cont">ef</i>'


def test_a_mark_edge_inside_an_atom_is_moved_to_the_atom_edge() -> None:
    out = nest("Du val x", 0, 8, [Mark(0, 4, 1, "a")], [Atom(2, 3, "<del> </del>")])
    assert out == "<a>Du<del> </del>v</a>al x"
    out = nest("Du val x", 0, 8, [Mark(0, 3, 1, "a")], [Atom(1, 4, "[A]")])
    assert out == "<a>D[A]</a>al x"


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.integers(0, 3)),
                max_size=12),
       st.lists(st.tuples(st.integers(0, 30), st.integers(0, 2)), max_size=4))
def test_any_marks_give_balanced_html_with_the_text_intact(
        spans: list[tuple[int, int, int]], atoms: list[tuple[int, int]]) -> None:
    text = "abcdefghijklmnopqrstuvwxyz0123"
    placed, taken = [], set()
    for start, width in sorted(atoms):
        cells = set(range(start, start + width)) | {start}
        if start + width <= len(text) and not cells & taken:
            taken |= cells | {start - 1}
            placed.append(Atom(start, start + width, f"<ins>{text[start:start + width]}</ins>"))
    marks = [Mark(min(a, b), max(a, b), rank, "span", {"id": f"m{i}"})
             for i, (a, b, rank) in enumerate(spans)]
    tree = parse(f'<div class="rv-par" id="p">{nest(text, 0, len(text), marks, placed)}</div>')
    assert "".join(tree.paragraphs.get("p", [])) == text
    assert len(tree.ids) == len(set(tree.ids)) == 1 + len({m.attrs["id"] for m in marks
                                                           if m.end > m.start})


# --- the made-up text ------------------------------------------------------------------------

def test_every_mention_is_marked_once(small: dict[str, object]) -> None:
    tree = parse(view(small))
    marked = [a["data-mention"] for a in tree.with_class("rv-person")
              if "data-mention" in a and "rv-cont" not in a.get("class", "")]
    assert sorted(marked) == sorted(f"m{i + 1}" for i in range(len(small["mentions"])))
    assert len(small["mentions"]) == 8  # Duval twice, the note's two, four in the last paragraph
    by_person = pd.Series([a["data-person"] for a in tree.with_class("rv-person")
                           if "data-mention" in a and "rv-cont" not in a.get("class", "")]
                          ).value_counts().to_dict()
    assert by_person == small["mentions"]["person_id"].value_counts().to_dict()


def test_anchors_are_unique_and_complete(small: dict[str, object]) -> None:
    chapter = small["chapter"]
    tree = parse(view(small))
    assert len(tree.ids) == len(set(tree.ids))
    assert {f"p{i}" for i in chapter.paragraphs["paragraph_id"]} <= set(tree.ids)
    assert {f"s{i}" for i in chapter.sentences["sentence_id"]} <= set(tree.ids)


def test_the_words_read_are_the_established_text(small: dict[str, object]) -> None:
    chapter = small["chapter"]
    tree = parse(view(small))
    for pid, text in zip(chapter.paragraphs["paragraph_id"], chapter.paragraphs["text"]):
        assert "".join(tree.paragraphs[f"p{pid}"]) == text


def test_overlapping_person_theme_and_correction_nest(small: dict[str, object]) -> None:
    page = view(small)
    # "Marc Du val" is mended to "Marc Duval" inside the mention ...
    assert re.search(r'data-person="duval"[^>]*>Marc <span class="rv-corr"[^>]*><del>Du␣val</del>'
                     r"<ins>Duval</ins></span></a>", page)
    # ... and the theme phrase "Duval printed" crosses the name "Duval": one of them is split.
    assert 'class="rv-theme rv-th-0 rv-cont"' in page or 'class="rv-person rv-cont"' in page
    # "Weiss in June" (police) overlaps the mention "Anna Weiss".
    assert 'data-theme="police"' in page


def test_a_person_carries_a_tooltip_without_javascript(small: dict[str, object]) -> None:
    tree = parse(view(small))
    duval = next(a for a in tree.with_class("rv-person") if a.get("data-person") == "duval")
    assert duval["title"].startswith("Marc Duval (1880–1944)\nprinter of the exiles' newspaper")
    assert "Fate: died in hiding" in duval["title"]
    assert "The record: The shop was his brother's." in duval["title"]
    assert duval["href"] == "whos-who.html#person-duval"


def test_themes_take_the_lexicons_order_labels_and_colours(small: dict[str, object]) -> None:
    page = view(small)
    assert 'style="--rv-th-0:#D55E00;--rv-th-1:#009E73"' in page
    assert page.index(">The press<") < page.index(">Police<")
    assert 'title="The press: “leaflets” (lexicon term “leaflet*”, weight 3)"' in page


def test_corrections_say_what_the_scan_has_and_why(small: dict[str, object]) -> None:
    tree = parse(view(small))
    titles = [a["title"] for a in tree.with_class("rv-corr") if "id" in a]
    assert titles == [
        "Corrected (split word): the scan has “Du val”, the text reads “Duval”. a space inside the name",
        "Corrected (punctuation): the scan has a space, the text reads nothing. space before a comma",
        "Corrected (punctuation): the scan has nothing, the text reads “!”. an exclamation the print lost"]


def test_notes_and_headings_are_set_apart(small: dict[str, object]) -> None:
    page = view(small)
    assert '<div class="rv-par rv-title" id="p1">' in page and '<h2 class="rv-heading">' in page
    assert re.search(r'<aside class="rv-par rv-editorial" id="p3"[^>]*>.*?Editor\'s note', page)


def test_tone_shows_the_score_and_the_reference_where_given(small: dict[str, object]) -> None:
    page = view(small, reference=pd.Series({5: -2, 6: float("nan")}))
    tree = parse(page)
    tones = {a["title"] for a in tree.with_class("rv-tone") if "title" in a}
    assert any("; close reading: -2 on -2 .. +2" in t for t in tones)
    assert "close reading: 0 on" in tone_mark(0.1, 0) and "--r:0.5" in tone_mark(0.1, 0)
    assert any("; no reference reading" in t for t in tones)
    assert 'aria-label="tone' in page
    assert references({3: None, 4: 0.25}) == {4: 0.25}
    assert "rv-neg" in tone_mark(-0.3) and "rv-pos" in tone_mark(0.3) and "rv-zero" in tone_mark(0)


def test_openings_only_keeps_anchors_and_the_marks_shown(small: dict[str, object]) -> None:
    chapter = small["chapter"]
    full, short = view(small), view(small, openings_only=True, opening_words=5)
    tree = parse(short)
    assert sorted(tree.ids) == sorted(parse(full).ids) or set(parse(full).ids) - set(tree.ids) <= {
        f"c{i}" for i in range(1, 4)}
    assert {f"s{i}" for i in chapter.sentences["sentence_id"]} <= set(tree.ids)
    assert 'data-openings="true"' in short and "first 5 words" in short
    for pid, kind in zip(chapter.paragraphs["paragraph_id"], chapter.paragraphs["kind"]):
        words = re.findall(r"\w+", "".join(tree.paragraphs[f"p{pid}"]))
        if kind != "title":
            assert len(words) <= 5 + 2, (pid, words)  # a mark may carry the cut past a word
    assert "Also named here" in short
    shown = [a for a in tree.with_class("rv-person") if "data-mention" in a]
    assert 0 < len(shown) < len(small["mentions"])


def test_whos_who_has_an_entry_per_person_and_links_to_passages(small: dict[str, object]) -> None:
    chapter = small["chapter"]
    page = whos_who(small["register"], small["mentions"], chapter)
    tree = parse(page)
    assert {"person-duval", "person-weiss"} <= set(tree.ids)
    links = re.findall(r'href="reading\.html#(s\d+)"', page)
    anchors = set(parse(view(small)).ids)
    assert links and set(links) <= anchors
    assert 'href="https://www.wikidata.org/wiki/Q42"' in page
    assert '<a class="ww-url" href="https://example.org/duval">' in page
    assert '<a href="reading.html#p2">¶2</a>' in page  # "the text says" cites its paragraph
    short = whos_who(small["register"], small["mentions"], chapter, openings_only=True)
    assert "<strong>" not in short and set(re.findall(r'#(s\d+)"', short)) == set(links)
    # the search box is hidden until the page's script runs (which shows it and filters)
    assert '<p class="ww-find" hidden><label>Find a person <input type="search"' in page
    assert page.index('class="ww-find"') < page.index('class="ww-index"')


# --- the chapter -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def chapter_view(results: object) -> str:
    return render(results.chapter, mentions=results.mentions, register=results.register,
                  theme_hits=results.theme_hits, paragraph_scores=results.paragraph_scores,
                  lexicon=results.lexicon, sentence_scores=results.sentence_scores)


def test_the_chapter_shows_every_paragraph_and_mention(chapter_view: str, results: object) -> None:
    tree = parse(chapter_view)
    kinds = pd.Series([a["class"].split()[1] for a in tree.with_class("rv-par")]).value_counts()
    assert kinds.to_dict() == {"rv-narrative": 52, "rv-editorial": 9, "rv-title": 2}
    marked = {a["data-mention"] for a in tree.with_class("rv-person") if "data-mention" in a}
    assert len(marked) == len(results.mentions)
    assert len(tree.ids) == len(set(tree.ids))
    for pid, text in zip(results.chapter.paragraphs["paragraph_id"],
                         results.chapter.paragraphs["text"]):
        assert "".join(tree.paragraphs[f"p{pid}"]) == text, pid


def test_the_chapter_page_is_light(chapter_view: str) -> None:
    assert len(chapter_view.encode("utf-8")) < 1_000_000


# --- links and tables ------------------------------------------------------------------------

def test_linked_tables_link_ids_and_escape_the_rest() -> None:
    frame = pd.DataFrame({"paragraph_id": [43], "sentence_id": [222], "person_id": ["lenin"],
                          "text": ["<b>x</b>"]}).set_index("paragraph_id")
    out = linked_table(frame, {"paragraph_id": "paragraph", "sentence_id": "sentence",
                               "person_id": "person"})._repr_html_()
    assert paragraph_link(43) in out and 'href="reading.html#s222">s222<' in out
    assert 'href="whos-who.html#person-lenin"' in out and "&lt;b&gt;x&lt;/b&gt;" in out
    with pytest.raises(ValueError, match="kind must be one of"):
        linked_table(frame, {"text": "chapter"})._repr_html_()


LONG_FLOAT = re.compile(r"(?<![\w.])-?\d+\.\d{13,}")


def test_interactive_table_is_offline_and_the_same_every_time(register: pd.DataFrame) -> None:
    tables = pytest.importorskip("analysis.reading_view.tables")
    frame = register[["person_id", "name", "role", "source_paragraph"]]
    make = lambda: tables.interactive(frame, table_id="register",  # noqa: E731
                                      links={"name": ("person", "person_id"),
                                             "source_paragraph": "paragraph"})._repr_html_()
    out = make()
    assert out == make()
    assert not re.findall(r'(?:src|href)="(?:https?:)?//', out.split("</script>", 1)[1])
    assert "init_notebook_mode" not in out and "trust" not in out
    assert 'href="reading.html#p45">45<' in out


def test_interactive_figures_are_the_same_every_time_and_store_short_numbers(
        results: object) -> None:
    figures = pytest.importorskip("analysis.reading_view.figures")
    from analysis.people.figures import network_layout
    from analysis.sentiment.arc import arc_points, shuffle_envelope, smooth_arc
    from analysis.synthesis import note_spans, people_track, sentiment_track
    from analysis.text import episode_positions
    from analysis.text.structure import along_chapter
    from analysis.themes import theme_density

    chapter = results.chapter
    points = arc_points(chapter, results.sentence_scores)
    episodes = episode_positions(chapter, results.files.episodes_table())
    layout = network_layout(results.network, seed=4)  # itself seeded: tests/people
    made = {
        "rv-network": lambda: figures.network(results.network, layout),
        "rv-arc": lambda: figures.arc(points, smooth_arc(points, n_boot=20),
                                      shuffle_envelope(points, n_perm=20), episodes,
                                      sentences=chapter.sentences),
        "rv-chapter-map": lambda: figures.chapter_map(
            theme_density(chapter, results.lexicon, hits=results.theme_hits),
            sentiment_track(chapter, results.sentence_scores, n_boot=20, n_perm=20),
            people_track(chapter, results.mentions, results.register), episodes,
            note_spans(chapter), results.lexicon, along_chapter(chapter, chapter.paragraphs)),
    }
    for div, make in made.items():
        out = make()._repr_html_()
        assert out == make()._repr_html_(), div
        assert f'data-rv-figure="{div}"' in out and f'id="{div}"' in out
        assert not LONG_FLOAT.findall(out), (div, LONG_FLOAT.findall(out)[:3])
        assert "cdn.plot.ly" not in out and "bdata" not in out
        assert "plotly_click" in out


# --- the book's extension ------------------------------------------------------------------

@pytest.fixture(scope="module")
def tiny_book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A two-page Sphinx project that uses the extension's roles and directive."""
    sphinx_app = pytest.importorskip("sphinx.application")
    src = tmp_path_factory.mktemp("tiny")
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT / 'book' / '_ext')!r})\n"
        "extensions = ['myst_parser', 'reading_pages']\n"
        "publisher = {'reading_text': 'openings', 'repository_url': 'https://example.org/r'}\n"
        "html_theme_options = {}\n", encoding="utf-8")
    (src / "index.md").write_text(
        "# Index\n\n```{toctree}\nbook/reading\nbook/whos-who\n```\n\n"
        "See {para}`43`, {sent}`the opening <222>` and {person}`lenin`; "
        "also {para}`999`.\n", encoding="utf-8")
    (src / "book").mkdir()
    (src / "book" / "reading.md").write_text("# Reading\n\n```{reading-view}\n```\n", "utf-8")
    (src / "book" / "whos-who.md").write_text("# Who\n\n```{whos-who}\n```\n", "utf-8")
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
    assert html.escape("x") == "x"


def test_corrections_sit_on_their_replacement_in_any_copy_of_the_text(tmp_path) -> None:
    """On a copy saved with CRLF line endings, every correction still marks its replacement."""
    from analysis import load_chapter
    from analysis.reading_view.marks import correction_atoms
    from analysis.text import default_seed_path

    copy = tmp_path / "crlf.txt"
    copy.write_bytes(default_seed_path().read_bytes().replace(b"\n", b"\r\n"))
    chapter = load_chapter(copy)
    atoms = correction_atoms(chapter)
    assert len(atoms) == len(chapter.corrections) > 20
    for atom, replacement in zip(atoms, chapter.corrections["replacement"]):
        assert chapter.text[atom.start:atom.end] == replacement
