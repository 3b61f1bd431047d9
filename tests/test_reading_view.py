"""The reading view and the who's-who: their HTML, on a short made-up text and on the chapter.

The made-up text has a heading, narration, an editor's note and three
corrections; a person's name that a correction mends and a theme phrase that
runs into it overlap, so that the marks must nest. Its register has the
record's columns (label, birth name, born and died, the record's fate, how the
person died and at whose hands, the sources, the checked Wikidata item) for one
person and not the other, and one register field holds ``<!--<script>``. The
HTML is parsed with :mod:`html.parser`: every tag closes in order, every id is
unique, every mention is marked once, and the words read are the established
text.
"""

from __future__ import annotations

import re
import types
from html.parser import HTMLParser

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.datafiles import DataFiles
from analysis.reading_view import (LAYERS, Atom, Mark, nest, paragraph_anchor, person_anchor,
                                   render, sentence_anchor)
from analysis.reading_view.whos_who import whos_who  # the function (the package's name is also the module's)
from analysis.reading_view.marks import references, tone_mark
from analysis.results import Analyses

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
person_id,name,label,birth_name,aliases,role,nationality,affiliation,born,died,fate,record_fate,death,killed_by,source_paragraph,note,claim,record,record_source,life_source,wikidata,wikidata_check,narrator
duval,Marc Duval,Duval,Marc-Émile Dûval,Marc Duval; Duval,printer of the exiles' newspaper,French,anarchist,1880-03-02,1944-08,died in hiding,"Shot by the Milice at Lyon, August 1944.",executed,Milice,2,,"¶2: 'the print shop belonged to Marc Duval'","The shop was his brother's.","Lyon archives, https://example.org/duval",https://example.org/duval-life,Q42,label and dates seen with the identifier,
weiss,Anna Weiss,,,Anna Weiss; Weiss,typesetter <!--<script>,German,socialist,,,arrested in June,,,,4,,,,,,,,
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
def small(tmp_path_factory: pytest.TempPathFactory) -> Analyses:
    """The made-up text with its register, lexicon and corrections, as an :class:`Analyses`."""
    root = tmp_path_factory.mktemp("lyon")
    (root / "lyon.txt").write_text(TEXT, encoding="utf-8")
    (root / "people.csv").write_text(PEOPLE, encoding="utf-8")
    (root / "themes.toml").write_text(THEMES, encoding="utf-8")
    (root / "corrections.csv").write_text(corrections_for(TEXT), encoding="utf-8")
    files = DataFiles(people=root / "people.csv", themes=root / "themes.toml",
                      corrections=root / "corrections.csv")
    return Analyses(files.chapter(root / "lyon.txt"), files)


def with_reference(analyses: Analyses, reference: pd.DataFrame | None) -> types.SimpleNamespace:
    """The analyses with a reference tone of one's own (what :func:`render` reads of them)."""
    names = ("chapter", "lexicon", "register", "shown_register", "mentions", "theme_hits",
             "paragraph_scores", "sentence_scores")
    return types.SimpleNamespace(**{n: getattr(analyses, n) for n in names},
                                 tone_reference=reference)


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
        return not ({"rv-margin", "rv-withheld", "rv-also", "rv-legend", "rv-hs-mark"}
                    & set(classes)
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

def test_every_mention_is_marked_once(small: Analyses) -> None:
    tree = parse(render(small))
    marked = [a["data-mention"] for a in tree.with_class("rv-person")
              if "data-mention" in a and "rv-cont" not in a.get("class", "")]
    assert sorted(marked) == sorted(f"m{i + 1}" for i in range(len(small.mentions)))
    assert len(small.mentions) == 8  # Duval twice, the note's two, four in the last paragraph
    by_person = pd.Series([a["data-person"] for a in tree.with_class("rv-person")
                           if "data-mention" in a and "rv-cont" not in a.get("class", "")]
                          ).value_counts().to_dict()
    assert by_person == small.mentions["person_id"].value_counts().to_dict()


def test_anchors_are_unique_and_complete(small: Analyses) -> None:
    chapter = small.chapter
    tree = parse(render(small))
    assert len(tree.ids) == len(set(tree.ids))
    assert {paragraph_anchor(i) for i in chapter.paragraphs["paragraph_id"]} <= set(tree.ids)
    assert {sentence_anchor(i) for i in chapter.sentences["sentence_id"]} <= set(tree.ids)
    assert (paragraph_anchor(43), sentence_anchor(312), person_anchor("nin")) == (
        "p43", "s312", "person-nin")


def test_the_words_read_are_the_established_text(small: Analyses) -> None:
    tree = parse(render(small))
    for pid, text in zip(small.chapter.paragraphs["paragraph_id"],
                         small.chapter.paragraphs["text"]):
        assert "".join(tree.paragraphs[f"p{pid}"]) == text


def test_overlapping_person_theme_and_correction_nest(small: Analyses) -> None:
    page = render(small)
    # "Marc Du val" is mended to "Marc Duval" inside the mention ...
    assert re.search(r'data-person="duval"[^>]*>Marc <span class="rv-corr"[^>]*><del>Du␣val</del>'
                     r"<ins>Duval</ins></span></a>", page)
    # ... and the theme phrase "Duval printed" crosses the name "Duval": one of them is split.
    assert 'class="rv-theme rv-th-0 rv-cont"' in page or 'class="rv-person rv-cont"' in page
    # "Weiss in June" (police) overlaps the mention "Anna Weiss".
    assert 'data-theme="police"' in page


def test_a_person_carries_a_tooltip_without_javascript(small: Analyses) -> None:
    tree = parse(render(small))
    duval = next(a for a in tree.with_class("rv-person") if a.get("data-person") == "duval")
    assert duval["title"].startswith("Marc Duval (1880–1944)\nprinter of the exiles' newspaper")
    assert "Fate: died in hiding" in duval["title"]
    assert "The record: The shop was his brother's." in duval["title"]
    assert duval["href"] == "whos-who.html#person-duval"


def test_themes_take_the_lexicons_order_labels_and_colours(small: Analyses) -> None:
    page = render(small)
    assert 'style="--rv-th-0:#D55E00;--rv-th-1:#009E73"' in page
    assert page.index(">The press<") < page.index(">Police<")
    assert 'title="The press: “leaflets” (lexicon term “leaflet*”, weight 3)"' in page


def test_the_margin_names_each_theme_beside_its_score(small: Analyses) -> None:
    tree = parse(render(small))
    margin = re.search(r'<div class="rv-par rv-narrative" id="p2"><div class="rv-margin">(.*?)</div>',
                       render(small)).group(1)
    assert re.findall(r'class="rv-score-name">([^<]+)<', margin) == ["The press", "Police"]
    values = re.findall(r'class="rv-score-value">([^<]+)<', margin)
    assert len(values) == 2 and all(re.fullmatch(r"\d+\.\d", v) for v in values)
    assert all("title" in a for a in tree.with_class("rv-scores"))


def test_the_page_opens_with_people_and_corrections(small: Analyses) -> None:
    page = render(small)
    switches = dict(re.findall(r'<input type="checkbox" data-layer="([\w-]+)"( checked)?>', page))
    assert switches == {"people": " checked", "themes": "", "theme-0": " checked",
                        "theme-1": " checked", "tone": "", "hindsight": "", "time": "",
                        "corrections": " checked"}
    assert [layer.key for layer in LAYERS] == ["people", "themes", "tone", "hindsight", "time",
                                               "corrections"]
    # one more layer is one more Layer (its switch, its words, its state when the page opens)
    # and its marks, nested with the others
    extra = LAYERS + (type(LAYERS[0])("time", "Time", "when each event happened", on=True),)
    at = small.chapter.text.index("belonged")
    page = render(small, layers=extra, marks=[Mark(at, at + 8, 3, "span", {"class": "rv-time"})])
    assert '<input type="checkbox" data-layer="time" checked> Time' in page
    assert '<span class="rv-time">belonged</span>' in page
    parse(page)


def test_corrections_say_what_the_scan_has_and_why(small: Analyses) -> None:
    tree = parse(render(small))
    titles = [a["title"] for a in tree.with_class("rv-corr") if "id" in a]
    assert titles == [
        "Corrected (split word): the scan has “Du val”, the text reads “Duval”. a space inside the name",
        "Corrected (punctuation): the scan has a space, the text reads nothing. space before a comma",
        "Corrected (punctuation): the scan has nothing, the text reads “!”. an exclamation the print lost"]


def test_notes_and_headings_are_set_apart(small: Analyses) -> None:
    page = render(small)
    assert '<div class="rv-par rv-title" id="p1">' in page and '<h2 class="rv-heading">' in page
    assert re.search(r'<aside class="rv-par rv-editorial" id="p3"[^>]*>.*?Editor\'s note', page)


def test_tone_shows_the_score_and_the_reference_where_given(small: Analyses) -> None:
    reference = pd.DataFrame({"sentence_id": [5, 6], "score": [-2, float("nan")]})
    page = render(with_reference(small, reference))
    tree = parse(page)
    tones = {a["title"] for a in tree.with_class("rv-tone") if "title" in a}
    assert any("; reference reading: -2 on -2 .. +2" in t for t in tones)
    assert "reference reading: 0 on" in tone_mark(0.1, 0) and "--r:0.5" in tone_mark(0.1, 0)
    assert any("; no reference reading" in t for t in tones)
    assert 'aria-label="tone' in page and "as a tick (the score given by two AI" in page
    assert "as a tick (the score given" not in render(with_reference(small, None))
    assert references({3: None, 4: 0.25}) == {4: 0.25}
    assert "rv-neg" in tone_mark(-0.3) and "rv-pos" in tone_mark(0.3) and "rv-zero" in tone_mark(0)


def test_openings_only_keeps_anchors_and_the_marks_shown(small: Analyses) -> None:
    chapter = small.chapter
    full, short = render(small), render(small, openings_only=True, opening_words=5)
    tree = parse(short)
    assert set(parse(full).ids) - set(tree.ids) <= {f"c{i}" for i in range(1, 4)}
    assert {f"s{i}" for i in chapter.sentences["sentence_id"]} <= set(tree.ids)
    assert 'data-openings="true"' in short and "first 5 words" in short
    for pid, kind in zip(chapter.paragraphs["paragraph_id"], chapter.paragraphs["kind"]):
        words = re.findall(r"\w+", "".join(tree.paragraphs[f"p{pid}"]))
        if kind != "title":
            assert len(words) <= 5 + 2, (pid, words)  # a mark may carry the cut past a word
    assert "Also named here" in short
    shown = [a for a in tree.with_class("rv-person") if "data-mention" in a]
    assert 0 < len(shown) < len(small.mentions)


def test_a_register_field_cannot_end_the_pages_script(small: Analyses) -> None:
    """A field holding ``<!--<script>`` would put the people's JSON into the parser's
    double-escaped state, swallowing the reading body and the next script."""
    page = render(small)
    data = re.search(r'<script type="application/json" id="rv-people-data">(.*?)</script>',
                     page, re.S)
    assert data and "<" not in data.group(1) and "\\u003c!--\\u003cscript>" in data.group(1)
    assert page.index('id="rv-people-data"') < page.index('<div class="rv-body">')
    assert 'typesetter &lt;!--&lt;script&gt;' in whos_who(small)
    parse(page)  # still balanced


def test_whos_who_puts_the_text_beside_the_record(small: Analyses) -> None:
    page = whos_who(small)
    tree = parse(page)
    assert {"person-duval", "person-weiss"} <= set(tree.ids)
    duval = re.search(r'<section class="ww-person" id="person-duval".*?</section>', page, re.S).group()
    assert 'data-names="Marc Duval | Duval | Marc-Émile Dûval"' in duval
    assert '<span class="ww-dates">(1880–1944)</span>' in duval
    rows = dict(re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', duval))
    text, record = 'data-side="In the text"', 'data-side="By the record"'
    assert rows["Name"] == (f'<td {text}>Marc Duval; Duval</td><td {record}>Marc Duval<br>'
                            '<span class="ww-born">born Marc-Émile Dûval</span></td>')
    assert rows["Life"] == (f'<td class="ww-empty" {text}></td>'
                            f"<td {record}>2 March 1880 – August 1944</td>")
    assert rows["Fate"] == (f"<td {text}>died in hiding</td><td {record}>Shot by the Milice at "
                            'Lyon, August 1944. <span class="ww-death">executed (Milice)</span></td>')
    assert rows["Where the text errs"].startswith(f'<td {text}><a href="reading.html#p2">¶2</a>:')
    assert 'href="https://www.wikidata.org/wiki/Q42">Q42</a>' in duval and "(checked: label" in duval
    assert '<a class="ww-url" href="https://example.org/duval-life">' in duval
    weiss = re.search(r'<section class="ww-person" id="person-weiss".*?</section>', page, re.S).group()
    assert '"ww-dates"' not in weiss and "Life" not in weiss and "Wikidata" not in weiss


def test_whos_who_links_to_passages_and_keeps_openings_only(small: Analyses) -> None:
    page = whos_who(small)
    links = re.findall(r'href="reading\.html#(s\d+)"', page)
    anchors = set(parse(render(small)).ids)
    assert links and set(links) <= anchors
    short = whos_who(small, openings_only=True)
    assert "<strong>" not in short and set(re.findall(r'#(s\d+)"', short)) == set(links)
    # the search box is hidden until the page's script runs (which shows it and filters)
    assert '<p class="ww-find" hidden><label>Find a person <input type="search"' in page
    assert page.index('class="ww-find"') < page.index('class="ww-index"')


def test_whos_who_takes_a_register_without_the_records_columns(small: Analyses) -> None:
    bare = small.register[["person_id", "name", "aliases", "role", "fate", "source_paragraph"]]
    view = types.SimpleNamespace(register=bare, shown_register=bare, mentions=small.mentions,
                                 chapter=small.chapter)
    page = whos_who(view)
    assert page.count('class="ww-person"') == 2 and 'data-names="Marc Duval | Duval"' in page
    assert "By the record" in page and "Life" not in page


# --- the chapter -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def chapter_view(results: Analyses) -> str:
    return render(results)


def test_the_chapter_shows_every_paragraph_and_mention(chapter_view: str, results: Analyses) -> None:
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


def test_the_whos_who_finds_birth_names(results: Analyses) -> None:
    page = whos_who(results)
    serge = re.search(r'<section class="ww-person" id="person-serge"[^>]*>', page).group()
    assert "Kibalchich" in serge
    assert page.count('class="ww-compare"') == len(results.register)


def test_corrections_sit_on_their_replacement_in_any_copy_of_the_text(tmp_path) -> None:
    """On a copy saved with CRLF line endings, every correction still marks its replacement."""
    from analysis import load_chapter
    from analysis.datafiles import seed_path
    from analysis.reading_view.marks import correction_atoms

    copy = tmp_path / "crlf.txt"
    copy.write_bytes(seed_path().read_bytes().replace(b"\n", b"\r\n"))
    chapter = load_chapter(copy)
    atoms = correction_atoms(chapter)
    assert len(atoms) == len(chapter.corrections) > 20
    for atom, replacement in zip(atoms, chapter.corrections["replacement"]):
        assert chapter.text[atom.start:atom.end] == replacement


# --- hindsight and time ------------------------------------------------------------------------

def first_pieces(tree: Tree, name: str) -> list[dict[str, str]]:
    """The elements of class ``name`` in the text (not the legend's samples), a mark cut in
    pieces counted once."""
    return [a for a in tree.with_class(name) if "rv-cont" not in a.get("class", "").split()
            and ("title" in a or "data-later" in a)]


def test_the_hindsight_layer_marks_the_rules_sentences_and_the_readers(
        chapter_view: str, results: Analyses) -> None:
    from analysis.timeline import references

    tree = parse(chapter_view)
    marks = results.hindsight
    _, reference = references(results.time_annotations)
    ruled = set(marks.loc[marks["hindsight"], "sentence_id"])
    read = set(reference["sentence_id"])
    signs = first_pieces(tree, "rv-hs-mark")
    titles = [a["title"] for a in signs]
    assert len(first_pieces(tree, "rv-hs")) == len(signs) == len(ruled | read)
    assert len([a for a in first_pieces(tree, "rv-hs") if "rv-hs-readers" in a["class"]]) == \
        len(read - ruled) > 0
    assert sum(t.startswith("Hindsight, by rule;") for t in titles) == len(ruled)
    assert sum("; the readers mark it too, from " in t for t in titles) == len(ruled & read)
    assert sum(t.endswith("; the readers do not mark it") for t in titles) == len(ruled - read)
    late = next(t for t in titles if "“much later”" in t)
    assert "speaks from: 1936; the readers mark it too, from 1936" in late
    assert "and whether the readers agree" in chapter_view


def test_the_time_layer_gives_each_expression_its_value(chapter_view: str,
                                                        results: Analyses) -> None:
    tree = parse(chapter_view)
    found = first_pieces(tree, "rv-timex")
    assert len(found) == len(results.time_expressions)
    assert sorted(a["data-value"] for a in found) == sorted(results.time_expressions["value"])
    assert all(a["data-rv-layer"] == "time" and a["title"].startswith("Time expression: ")
               for a in found)
    summer = re.search(r'<span class="rv-timex"[^>]*data-value="1921-SU" title="([^"]*)">'
                       r"this summer of 1921</span>", chapter_view)
    assert summer and summer.group(1) == ("Time expression: DATE; value: 1921-SU; said by the "
                                          "words")
    now = next(a for a in found if a["data-value"] == "PRESENT_REF")
    assert "value: PRESENT_REF (the time of writing)" in now["title"]


def test_a_text_without_readers_shows_the_rule_alone(small: Analyses, tmp_path) -> None:
    text = tmp_path / "later.txt"
    text.write_text("Later\n\nMarc Duval was to die in 1944, far from Lyon. Even now I see the "
                    "shop as it was in 1923.\n", encoding="utf-8")
    files = DataFiles(people=small.files.people, themes=small.files.themes)
    later = Analyses(files.chapter(text), files)
    page = render(later)
    tree = parse(page)
    signs = [a["title"] for a in first_pieces(tree, "rv-hs-mark")]
    assert len(signs) == later.hindsight["hindsight"].sum() == 2
    assert signs[0].startswith("Hindsight, by rule; cue: “was to die”")
    assert not any("readers" in t for t in signs)
    assert "whether the readers agree" not in page and "hatched, a sentence only" not in page
    assert len(first_pieces(tree, "rv-timex")) == len(later.time_expressions) > 0


def test_openings_only_keeps_the_sentences_anchors_with_hindsight(small: Analyses) -> None:
    short = render(small, openings_only=True, opening_words=5)
    tree = parse(short)
    assert {f"s{i}" for i in small.chapter.sentences["sentence_id"]} <= set(tree.ids)
    assert len(tree.ids) == len(set(tree.ids))
