"""The outputs the book's pages show: linked tables, searchable tables, interactive figures, labels.

Every output is the same on every run (nbval compares stored outputs), stores
no float to its last bits, fetches nothing from another host and carries no
script bundle; no cell can end the script that holds the table's data; the
network's labels never cover one another (a property, for any points).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.reading_view import linked_table, paragraph_link
from analysis.reading_view.markup import breakable, script_json
from analysis.reading_view.placement import canvas, label_box, label_positions
from analysis.results import Analyses

LONG_FLOAT = re.compile(r"(?<![\w.])-?\d+\.\d{13,}")
HOSTILE = "</script><!--<script>alert(1)</script>"


# --- escaping ----------------------------------------------------------------------------------

@given(st.recursive(st.text() | st.integers() | st.none(),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12))
def test_embedded_json_holds_no_angle_bracket_and_reads_back(data: object) -> None:
    text = script_json(data)
    assert "<" not in text
    assert json.loads(text) == json.loads(json.dumps(data))


def test_long_runs_break_only_after_separators() -> None:
    cell = "see https://en.wikipedia.org/wiki/Joaqu%C3%ADn_Maur%C3%ADn and Government"
    out = breakable(cell)
    assert out.replace("<wbr>", "") == cell and "Government" in out
    assert "https://<wbr>en.<wbr>wikipedia.<wbr>org/<wbr>wiki/<wbr>Joaqu<wbr>%C3<wbr>%ADn_<wbr>Maur" in out
    assert breakable('<a href="https://example.org/a_very_long_path_name">x</a>') == (
        '<a href="https://example.org/a_very_long_path_name">x</a>')


# --- linked tables ----------------------------------------------------------------------------

def test_linked_tables_link_ids_escape_the_rest_and_keep_cells_whole() -> None:
    note = "a note " * 40 + "https://en.wikipedia.org/wiki/Paul_Levi"
    frame = pd.DataFrame({"paragraph_id": [43], "sentence_id": [222], "person_id": ["lenin"],
                          "text": ["<b>x</b>"], "note": [note]}).set_index("paragraph_id")
    with pd.option_context("display.max_colwidth", 50):
        out = linked_table(frame, {"paragraph_id": "paragraph", "sentence_id": "sentence",
                                   "person_id": "person"})._repr_html_()
    assert paragraph_link(43) in out and 'href="reading.html#s222">s222<' in out
    assert 'href="whos-who.html#person-lenin"' in out and "&lt;b&gt;x&lt;/b&gt;" in out
    assert "…" not in out and "..." not in out and "Paul_<wbr>Levi" in out
    with pytest.raises(ValueError, match="kind must be one of"):
        linked_table(frame, {"text": "chapter"})._repr_html_()


# --- searchable tables --------------------------------------------------------------------------

def test_a_searchable_table_carries_no_bundle_and_is_the_same_every_time(register: pd.DataFrame) -> None:
    from analysis.reading_view import tables

    frame = register[["person_id", "name", "role", "source_paragraph"]]
    make = lambda: tables.show(frame, table_id="register", page_length=8,  # noqa: E731
                               links={"name": ("person", "person_id"),
                                      "source_paragraph": "paragraph"})._repr_html_()
    out = make()
    assert out == make()
    assert len(out) < 100_000 and "base64" not in out and "atob(" not in out
    assert not re.findall(r'(?:src|href)="(?:https?:)?//', out)
    assert "init_notebook_mode" not in out and "trust" not in out
    assert 'href="reading.html#p45">45<' in out and 'data-rv-table="register"' in out
    menu = json.loads(re.search(r'"lengthMenu": (\[[^\]]*\])', out).group(1))
    assert menu[0] == 8 and menu[-1] == len(frame)  # the page length is in the menu
    assert "source_<wbr>paragraph" in out  # a heading wraps between its words


def test_no_cell_can_end_the_tables_script() -> None:
    from analysis.reading_view import tables

    out = tables.show(pd.DataFrame({HOSTILE: [HOSTILE], "paragraph_id": [3]}), table_id="t",
                      links={"paragraph_id": "paragraph"}).html
    script = out[out.index('<script type="module">'):]
    args = script[script.index("let dt_args"):script.index("new ITable")]
    assert "<" not in args and "&lt;/script&gt;&lt;!--&lt;script&gt;" in args
    assert '\\u003ca class=\\\\\\"rv-link' in args  # a link's tag, written \\u003c
    assert script.count("</script>") == 1  # the script ends where it should, once


def test_the_tables_scripts_are_written_once_into_the_books_static(tmp_path: Path) -> None:
    from analysis.reading_view import tables

    written = tables.assets(tmp_path)
    assert {p.relative_to(tmp_path).as_posix() for p in written} == {
        "itables/dt_bundle.js", "itables/dt_bundle.css", tables.LOADER}
    loader = (tmp_path / tables.LOADER).read_text(encoding="utf-8")
    assert 'import("./dt_bundle.js")' in loader and "dispatchEvent" in loader
    before = (tmp_path / "itables" / "dt_bundle.js").stat().st_mtime_ns
    tables.assets(tmp_path)
    assert (tmp_path / "itables" / "dt_bundle.js").stat().st_mtime_ns == before


# --- interactive figures --------------------------------------------------------------------

@pytest.fixture(scope="module")
def made(results: Analyses) -> dict[str, object]:
    """The three interactive figures of the chapter, each made twice."""
    from analysis.people.figures import network_layout
    from analysis.reading_view import figures
    from analysis.sentiment.arc import arc_points, shuffle_envelope, smooth_arc
    from analysis.synthesis import note_spans, people_track, sentiment_track
    from analysis.text.structure import along_chapter

    chapter = results.chapter
    points = arc_points(chapter, results.sentence_scores)
    layout = network_layout(results.network, seed=4)  # itself seeded: tests/people
    makers = {
        "rv-network": lambda: figures.network(results.network, layout),
        "rv-arc": lambda: figures.arc(points, smooth_arc(points, n_boot=20),
                                      shuffle_envelope(points, n_perm=20), results.episodes,
                                      sentences=chapter.sentences),
        "rv-chapter-map": lambda: figures.chapter_map(
            results.theme_density,
            sentiment_track(chapter, results.sentence_scores, n_boot=20, n_perm=20),
            people_track(chapter, results.mentions, results.register), results.episodes,
            note_spans(chapter), results.lexicon, along_chapter(chapter, chapter.paragraphs)),
    }
    return {div: (make(), make()) for div, make in makers.items()}


def test_interactive_figures_are_the_same_every_time_and_store_short_numbers(
        made: dict[str, tuple[object, object]]) -> None:
    for div, (one, two) in made.items():
        out = one._repr_html_()
        assert out == two._repr_html_(), div
        assert f'data-rv-figure="{div}"' in out and f'id="{div}"' in out
        assert not LONG_FLOAT.findall(out), (div, LONG_FLOAT.findall(out)[:3])
        assert "cdn.plot.ly" not in out and "bdata" not in out
        assert "plotly_click" in out


def test_the_glance_names_its_episodes_and_keeps_its_legend_off_the_lines(
        made: dict[str, tuple[object, object]], results: Analyses) -> None:
    fig = made["rv-chapter-map"][0].figure
    top = fig.layout.xaxis
    assert list(top.ticktext) == list(results.episodes["episode"]) and top.side == "top"
    assert fig.layout.legend.y < 0 and fig.layout.legend.yanchor == "top"  # below the panels


def test_the_networks_labels_are_the_registers_and_cover_nothing(
        made: dict[str, tuple[object, object]], results: Analyses) -> None:
    fig = made["rv-network"][0].figure
    people = fig.data[-1]
    shown = [t for t in people.text if t]
    assert len(shown) >= 0.8 * len(people.text), f"only {len(shown)} of {len(people.text)} labelled"
    labels = {str(results.network.nodes[n].get("label")) for n in results.network}
    assert set(shown) <= labels and "Lenin" in shown and "Bela Kun" in shown


points = st.dictionaries(st.sampled_from("abcdefghijklmnop"),
                         st.tuples(st.floats(0, 1), st.floats(0, 1)), min_size=1, max_size=16)


@given(points, st.integers(4, 20))
def test_placed_labels_never_meet_a_label_or_a_point(xy: dict[str, tuple[float, float]],
                                                     size: int) -> None:
    labels = {k: f"Person {k.upper()}" for k in xy}
    radius = {k: size / 2 for k in xy}
    where = label_positions(xy, labels, radius, width=400, height=300)
    px, _ = canvas(xy, 400, 300)
    boxes = {k: label_box(*px[k], radius[k], labels[k], p) for k, p in where.items() if p}
    for k, box in boxes.items():
        assert 0 <= box.x0 and box.x1 <= 400 and 0 <= box.y0 and box.y1 <= 300
        for other, b in boxes.items():
            assert other == k or not box.meets(b), (k, other)
        for other, (x, y) in px.items():
            r = radius[other]
            assert other == k or not box.meets(type(box)(x - r, y - r, x + r, y + r)), (k, other)
