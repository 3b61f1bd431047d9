"""Who is named with whom: the co-occurrence network of the chapter's people.

Two people are linked when they are named in the same unit (sentence or
paragraph); an edge's weight is the number of such units. The network is a
:class:`networkx.Graph` whose nodes are ``person_id`` s, and is exported as
GEXF for Gephi.

Example:
    >>> from analysis.people import mentions
    >>> edges = cooccurrence(mentions(chapter, register, shared_names), unit="sentence")
    >>> edges.iloc[0][["source", "target"]].tolist()
    ['berkman', 'goldman']
"""

from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path

import networkx as nx
import pandas as pd

from analysis.people.mentions import labels, mention_counts

UNITS = {"sentence": "sentence_id", "paragraph": "paragraph_id"}


def cooccurrence(found: pd.DataFrame, unit: str = "paragraph") -> pd.DataFrame:
    """Count the units (sentences or paragraphs) in which each pair is named.

    Args:
        found: mentions (``person_id`` and ``sentence_id``/``paragraph_id``).
        unit: ``sentence`` or ``paragraph``.

    Returns:
        ``source, target, weight`` with ``source < target``, heaviest first.

    Raises:
        ValueError: an unknown unit.

    Example:
        >>> found = pd.DataFrame({"person_id": ["a", "b", "a", "c", "b"],
        ...                       "paragraph_id": [1, 1, 2, 2, 2]})
        >>> cooccurrence(found).values.tolist()
        [['a', 'b', 2], ['a', 'c', 1], ['b', 'c', 1]]
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")
    counts: dict[tuple[str, str], int] = {}
    for _, people in found.groupby(UNITS[unit])["person_id"]:
        for pair in combinations(sorted(set(people)), 2):
            counts[pair] = counts.get(pair, 0) + 1
    edges = pd.DataFrame([(a, b, w) for (a, b), w in counts.items()],
                         columns=["source", "target", "weight"])
    return edges.sort_values(["weight", "source", "target"],
                             ascending=[False, True, True]).reset_index(drop=True)


def build_network(found: pd.DataFrame, register: pd.DataFrame) -> nx.Graph:
    """The co-occurrence graph: every registered person but the narrator is a node.

    The narrator (the register's ``narrator`` column) is the voice of the
    text, not a figure in it: he is neither a node nor an end of a tie, even
    where a note names him.

    Node attributes: ``label`` (the register's ``label``, else the form the
    text uses most), ``name``, ``mentions``, ``narration``, ``notes``,
    ``nationality``, ``affiliation``.
    Edge attributes: ``weight`` (paragraphs naming both) and
    ``sentences`` (sentences naming both; 0 if never in one sentence).

    Example:
        >>> g = build_network(mentions(chapter, register, shared_names), register)
        >>> g.edges["berkman", "goldman"]
        {'weight': 3, 'sentences': 4}
    """
    graph = nx.Graph()
    if "narrator" in register.columns:
        narrators = set(register.loc[register["narrator"].astype(bool), "person_id"])
        register = register[~register["person_id"].isin(narrators)]
        found = found[~found["person_id"].isin(narrators)]
    counts = mention_counts(found, register).set_index("person_id")
    label = labels(found, register)
    reg = register.set_index("person_id")
    for pid in register["person_id"]:
        graph.add_node(pid, label=str(label[pid]), name=str(reg.at[pid, "name"]),
                       mentions=int(counts.at[pid, "total"]),
                       narration=int(counts.at[pid, "narration"]),
                       notes=int(counts.at[pid, "notes"]),
                       nationality=str(reg.at[pid, "nationality"]),
                       affiliation=str(reg.at[pid, "affiliation"]))
    in_sentence = {(a, b): w for a, b, w in cooccurrence(found, "sentence")
                   .itertuples(index=False)}
    for a, b, w in cooccurrence(found, "paragraph").itertuples(index=False):
        graph.add_edge(a, b, weight=int(w), sentences=int(in_sentence.get((a, b), 0)))
    return graph


def centrality(graph: nx.Graph) -> pd.DataFrame:
    """Degree, weighted degree and betweenness of each connected person.

    Returns ``person_id, label, degree, weighted_degree, betweenness`` for
    nodes with at least one edge, most connected (weighted) first.
    Betweenness uses the inverse weight as distance (strong ties are short).

    Example:
        >>> g = nx.Graph()
        >>> g.add_node("a", label="A"); g.add_node("b", label="B"); g.add_node("c", label="C")
        >>> g.add_edge("a", "b", weight=2); g.add_edge("b", "c", weight=1)
        >>> centrality(g)["person_id"].tolist()
        ['b', 'a', 'c']
    """
    linked = graph.subgraph([n for n in graph if graph.degree(n) > 0]).copy()
    for _, _, data in linked.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    between = nx.betweenness_centrality(linked, weight="distance")
    rows = [(n, linked.nodes[n].get("label", n), linked.degree(n),
             linked.degree(n, weight="weight"), between[n]) for n in sorted(linked)]
    out = pd.DataFrame(rows, columns=["person_id", "label", "degree", "weighted_degree",
                                      "betweenness"])
    return out.sort_values(["weighted_degree", "betweenness", "person_id"],
                           ascending=[False, False, True]).reset_index(drop=True)


def write_gexf(graph: nx.Graph, path: str | Path) -> None:
    """Write a co-occurrence network as GEXF (the export ``network.gexf``), for Gephi.

    The file carries no date, so that the same network always gives the same bytes.

    Example:
        >>> import tempfile
        >>> graph = build_network(mentions(chapter, register, shared_names), register)
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     write_gexf(graph, Path(tmp) / "network.gexf")
        ...     nx.read_gexf(Path(tmp) / "network.gexf").number_of_nodes()  # all but the narrator
        68
    """
    lines = (re.sub(r' lastmodifieddate="[^"]*"', "", line) for line in nx.generate_gexf(graph))
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def identical_mentions(found: pd.DataFrame, unit: str = "sentence",
                       people: list[str] | None = None) -> pd.DataFrame:
    """People named in exactly the same units (sentences or paragraphs) as someone else.

    Two such people are one reading for any measure taken over their units (the
    tone of the sentences naming them, the themes of their paragraphs): a count
    of people should say so.

    Args:
        found: mentions (``person_id`` and ``sentence_id``/``paragraph_id``).
        unit: ``sentence`` or ``paragraph``.
        people: the ``person_id`` s to compare (``None``: everyone in ``found``).

    Returns:
        ``group, person_id, units``: one row per person who shares their whole
        set of units with another, groups numbered from 1 in order of their first
        unit, people in order of ``person_id``; empty if nobody does.

    Raises:
        ValueError: an unknown unit.

    Example:
        >>> found = pd.DataFrame({"person_id": ["a", "b", "a", "b", "c"],
        ...                       "sentence_id": [1, 1, 2, 2, 2]})
        >>> identical_mentions(found).values.tolist()
        [[1, 'a', 2], [1, 'b', 2]]
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")
    use = found if people is None else found[found["person_id"].isin(people)]
    units = use.groupby("person_id")[UNITS[unit]].agg(lambda s: tuple(sorted(set(s))))
    rows = []
    same = units.groupby(units).groups
    shared = sorted((key for key, members in same.items() if len(members) > 1),
                    key=lambda key: key[0])
    for group, key in enumerate(shared, start=1):
        rows += [(group, pid, len(key)) for pid in sorted(same[key])]
    return pd.DataFrame(rows, columns=["group", "person_id", "units"])
