"""Tests of the co-occurrence network, its GEXF export and its drawing."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.export import FILES, TABLES
from analysis.people import build_network, centrality, cooccurrence, mentions, write_gexf
from analysis.people.network import identical_mentions
from analysis.people.figures import network_layout, plot_network
from analysis.results import Analyses


@pytest.fixture(scope="module")
def graph(chapter, register, shared_names) -> nx.Graph:
    return build_network(mentions(chapter, register, shared_names), register)


def test_known_ties(graph):
    assert graph.edges["bela_kun", "lenin"]["weight"] == 3      # paragraphs 6, 10, 11
    assert graph.edges["berkman", "goldman"] == {"weight": 3, "sentences": 4}
    assert graph.edges["maurin", "nin"]["sentences"] == 4
    assert not graph.has_edge("blaise_pascal", "bela_kun")


def test_every_person_but_the_narrator_is_a_node_and_isolates_are_the_loners(graph, register):
    assert set(graph) == set(register.loc[~register["narrator"], "person_id"])
    assert "serge" not in graph and graph.number_of_nodes() == len(register) - 1
    isolated = sorted(n for n in graph if graph.degree(n) == 0)
    assert "borodin" in isolated and "lenin" not in isolated
    assert graph.nodes["lenin"]["mentions"] == 15


def test_centrality_puts_lenin_first(graph):
    table = centrality(graph)
    assert table.iloc[0]["person_id"] == "lenin"
    assert set(table["person_id"]) == {n for n in graph if graph.degree(n) > 0}


def test_gexf_round_trip(tmp_path, graph):
    path = tmp_path / "network.gexf"
    write_gexf(graph, path)
    back = nx.read_gexf(path)
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.edges["lenin", "trotsky"]["weight"] == graph.edges["lenin", "trotsky"]["weight"]
    assert back.nodes["pierre_pascal"]["label"] == "Pierre Pascal"
    assert back.nodes["lenin"]["mentions"] == 15


def test_gexf_carries_no_date_so_the_same_network_gives_the_same_bytes(tmp_path, graph):
    first, second = tmp_path / "a.gexf", tmp_path / "b.gexf"
    write_gexf(graph, first)
    write_gexf(graph.copy(), second)
    text = first.read_text(encoding="utf-8")
    assert "lastmodifieddate" not in text and "<gexf" in text
    assert first.read_bytes() == second.read_bytes()


def test_export_registers_the_files(results: Analyses, exported, graph):
    assert {"people.csv", "mentions.csv"} <= set(TABLES) and "network.gexf" in FILES
    assert TABLES["mentions.csv"](results) is results.mentions
    assert {"people.csv", "mentions.csv", "network.gexf"} <= set(exported)
    found = pd.read_csv(exported["mentions.csv"])
    assert found.columns[:7].tolist() == ["person_id", "surface", "paragraph_id",
                                          "sentence_id", "start", "end", "in_note"]
    assert (found["person_id"] == "lenin").sum() == 15
    back = nx.read_gexf(exported["network.gexf"])
    assert sorted(back) == sorted(graph) and back.number_of_edges() == graph.number_of_edges()
    people = pd.read_csv(exported["people.csv"], keep_default_na=False)
    assert people.set_index("person_id").loc["lenin", "total"] == 15


def test_unknown_unit_is_refused():
    with pytest.raises(ValueError, match="unit must be one of"):
        cooccurrence(pd.DataFrame({"person_id": [], "sentence_id": []}), unit="page")


@given(st.lists(st.tuples(st.sampled_from("abcde"), st.integers(1, 6)), max_size=40))
def test_cooccurrence_properties(rows):
    found = pd.DataFrame(rows, columns=["person_id", "paragraph_id"])
    edges = cooccurrence(found)
    assert (edges["source"] < edges["target"]).all()
    assert not edges.duplicated(["source", "target"]).any()
    for a, b, w in edges.itertuples(index=False):
        both = found.groupby("paragraph_id")["person_id"].agg(set).map(
            lambda s, a=a, b=b: {a, b} <= s)
        assert w == both.sum()


def test_layout_is_seeded_and_labels_do_not_overlap(graph):
    a, b = network_layout(graph, seed=4), network_layout(graph, seed=4)
    assert all(np.allclose(a[n], b[n]) for n in a)
    main = max(nx.connected_components(graph.subgraph(list(a))), key=len)
    names = sorted(main)
    xy = np.array([a[n] for n in names])
    half = np.array([[max(len(graph.nodes[n]["label"]) * 0.0125, 0.03) / 2, 0.025]
                     for n in names])
    overlaps = 0
    for i in range(len(names)):
        gap = np.abs(xy[i] - xy[i + 1:]) < (half[i] + half[i + 1:]) - 1e-6
        overlaps += int(gap.all(axis=1).sum())
    assert overlaps == 0


def test_drawing_has_a_label_per_connected_person(graph):
    fig = plot_network(graph)
    shown = {t.get_text() for t in fig.axes[0].texts}
    assert "Lenin" in shown and "Borodin" not in shown
    assert len(shown) == sum(1 for n in graph if graph.degree(n) > 0)


def test_nin_and_maurin_are_named_in_the_same_sentences(chapter, register, shared_names):
    found = mentions(chapter, register, shared_names)
    narration = found[~found["in_note"]]
    same = identical_mentions(narration, "sentence", people=["nin", "maurin", "lenin"])
    assert same.values.tolist() == [[1, "maurin", 4], [1, "nin", 4]]
    assert identical_mentions(narration, "sentence", people=["lenin", "trotsky"]).empty
    assert identical_mentions(found.iloc[:0]).empty


def test_identical_mentions_refuses_an_unknown_unit():
    with pytest.raises(ValueError, match="unit must be one of"):
        identical_mentions(pd.DataFrame({"person_id": [], "sentence_id": []}), unit="page")


@given(st.lists(st.tuples(st.sampled_from("abcde"), st.integers(1, 4)), max_size=30))
def test_identical_mentions_groups_exactly_the_people_who_share_their_units(rows):
    found = pd.DataFrame(rows, columns=["person_id", "sentence_id"])
    same = identical_mentions(found)
    units = {p: frozenset(g["sentence_id"]) for p, g in found.groupby("person_id")}
    for _, group in same.groupby("group"):
        assert len(group) >= 2 and len({units[p] for p in group["person_id"]}) == 1
    grouped = set(same["person_id"])
    for p, u in units.items():
        assert (p in grouped) == (sum(v == u for v in units.values()) > 1)
