"""Who a text names, where, and with whom: the register, the counts, the detector, the network.

Example:
    >>> from analysis.pages import current
    >>> results = current()
    >>> register_table(results).iloc[0][["name", "named in the text"]].astype(str).tolist()
    ['Lenin', '15']
    >>> network_numbers(results)["people_net_top_between"]
    'Lenin'
"""

from __future__ import annotations

import networkx as nx
import pandas as pd
from IPython.display import Markdown

from analysis import people
from analysis.datafiles import FILE_NAMES
from analysis.pages import as_number
from analysis.pages.figures import CompactFigure
from analysis.pages.people.common import (LAYOUT_SEED, borrowed, counts, labels, layout,
                                          named_register)
from analysis.people.fates import lifespan
from analysis.people.figures import plot_counts, plot_network, plot_timeline
from analysis.reading_view.figures import InteractiveFigure
from analysis.reading_view.figures import network as interactive_network
from analysis.results import Analyses


def register_numbers(results: Analyses) -> dict[str, object]:
    """The register's and the mentions' numbers."""
    reg, found, table = named_register(results), results.mentions, counts(results)
    named = table[table["total"] > 0]
    top = named["name"].tolist()
    claims = reg["claim"].fillna("") if "claim" in reg.columns else pd.Series(dtype=str)
    return {"people_title": results.title,
            "people_n_people": len(results.register), "people_n_named": len(named),
            "people_n_mentions": len(found), "people_n_note_mentions": int(found["in_note"].sum()),
            "people_n_note_only": int(((table["notes"] > 0) & (table["narration"] == 0)).sum()),
            "people_n_once": int((table["total"] == 1).sum()),
            "people_n_rules": len(results.shared_names),
            "people_n_known": len(results.known_names),
            "people_n_record_errors": int((claims != "").sum()) if "claim" in reg else None,
            "people_top": top[0] if top else None, "people_second": top[1] if len(top) > 1 else None,
            "people_top_mentions": int(named["total"].iloc[0]) if top else None}


def detector_numbers(results: Analyses) -> dict[str, object]:
    """The detector's candidates, and what it lists with one person taken out of the register.

    The person taken out is the first, in the text's order, named once by a form no
    one else shares (the detector must then list that name): ``…_demo_person``,
    the candidates then listed (``…_demo``, ``…_demo_n``) and whether they
    ``include`` the name or ``do not include`` it (``…_demo_found``).
    """
    out = {"people_detector_n": len(results.unregistered_names),
           "people_detector_demo_person": None, "people_detector_demo": None,
           "people_detector_demo_n": None, "people_detector_demo_found": None}
    reg = results.register
    shared = set(results.shared_names["alias"])
    once = counts(results).query("total == 1").sort_values("first_paragraph", kind="stable")
    narrator = set(reg.loc[reg["narrator"].astype(bool), "person_id"]) if "narrator" in reg else set()
    aliases = reg.set_index("person_id")["aliases"]
    free = [p for p in once["person_id"] if p not in narrator
            and not set(people.split_aliases(aliases[p])) & shared]
    if free:
        smaller = reg[reg["person_id"] != free[0]]
        found = people.unregistered_names(
            results.chapter, people.mentions(results.chapter, smaller, results.shared_names),
            results.known_names)
        person = str(labels(results)[free[0]])
        out["people_detector_demo_person"] = person
        out["people_detector_demo"] = ", ".join(found["candidate"]) or "nothing"
        out["people_detector_demo_n"] = len(found)
        forms = set(people.split_aliases(aliases[free[0]]))
        out["people_detector_demo_found"] = ("include" if forms & set(found["candidate"])
                                             else "do not include")
    return out


def network_numbers(results: Analyses) -> dict[str, object]:
    """The network's size, its loners, and who leads on each measure of centrality."""
    named = set(results.mentions["person_id"])
    graph = results.network.subgraph([n for n in results.network if n in named])
    label = labels(results)
    central = people.centrality(graph)
    isolated = sorted(str(label[n]) for n in graph if graph.degree(n) == 0)
    out: dict[str, object] = {"people_net_nodes": graph.number_of_nodes(),
                              "people_net_edges": graph.number_of_edges(),
                              "people_net_isolated_n": len(isolated),
                              "people_net_isolated": ", ".join(isolated) or "nobody",
                              "people_net_components": nx.number_connected_components(
                                  graph.subgraph([n for n in graph if graph.degree(n)]))}
    for measure, name, digits in (("weighted_degree", "weighted", 0),
                                  ("betweenness", "between", 2), ("degree", "degree", 0)):
        if central.empty:
            out[f"people_net_top_{name}"] = out[f"people_net_top_{name}_value"] = None
            continue
        row = central.sort_values([measure, "person_id"], ascending=[False, True]).iloc[0]
        out[f"people_net_top_{name}"] = str(label[row["person_id"]])
        out[f"people_net_top_{name}_value"] = as_number(row[measure], digits)
    return out


def register_table(results: Analyses) -> pd.DataFrame:
    """Everyone in the register, most named first: who they were, what the text and the record say.

    Columns ``person_id`` (hidden in the searchable table), ``name`` (the
    label), ``life`` (years), ``role``, ``the text says`` (the register's
    ``fate``), ``the record says`` (``record_fate``), ``named in the text``,
    ``named in notes``, ``first named in ¶``; the columns a register lacks are left
    out, and so are the people the text does not name (and what the text says, where
    the register was made for another text).
    """
    reg = results.register.set_index("person_id")
    by_id = counts(results).query("total > 0").set_index("person_id")
    table = pd.DataFrame({"person_id": by_id.index, "name": by_id["name"].to_numpy()})
    table["life"] = [lifespan(reg.at[p, "born"] if "born" in reg else "",
                              reg.at[p, "died"] if "died" in reg else "") for p in by_id.index]
    for column, shown in (("role", "role"), ("fate", "the text says"),
                          ("record_fate", "the record says")):
        if column in reg.columns and not (column == "fate" and borrowed(results)):
            table[shown] = reg.loc[by_id.index, column].fillna("").to_numpy()
    table["named in the text"] = by_id["narration"].to_numpy()
    table["named in notes"] = by_id["notes"].to_numpy()
    table["first named in ¶"] = by_id["first_paragraph"].to_numpy()
    return table if table["life"].ne("").any() else table.drop(columns="life")


def record_table(results: Analyses) -> pd.DataFrame | None:
    """Where the text errs by the record: ``name, the text says, the record says, sources``.

    ``None`` where the register has no ``claim`` column or no claim, or was made
    for another text (its claims quote that text).
    """
    reg = named_register(results)
    if borrowed(results) or "claim" not in reg.columns or not (reg["claim"].fillna("") != "").any():
        return None
    rows = reg[reg["claim"].fillna("") != ""]
    return pd.DataFrame({"name": rows["person_id"].map(labels(results)).to_numpy(),
                         "the text says": rows["claim"].to_numpy(),
                         "the record says": rows["record"].fillna("").to_numpy(),
                         "sources": rows["record_source"].fillna("").to_numpy()}).set_index("name")


def shared_names_table(results: Analyses) -> pd.DataFrame | None:
    """The rules for name forms two people share (``None``: the register needs none); for a
    register made for another text, those of the names this text uses, without their reasons
    (they quote that text)."""
    rules = results.shared_names
    if not rules.empty and borrowed(results):
        rules = rules[rules["alias"].isin(set(results.mentions["surface"]))].drop(columns="reason")
    return None if rules.empty else rules.set_index("alias")


def counts_figure(results: Analyses, top: int = 25) -> CompactFigure:
    """The most named people, in the text and in its notes (:func:`~analysis.people.figures.plot_counts`)."""
    table = counts(results)
    return CompactFigure(plot_counts(table[table["total"] > 0], top=top))


def timeline_figure(results: Analyses, top: int = 16) -> CompactFigure:
    """Where the ``top`` most named people are named, in order of first appearance."""
    table = counts(results)
    shown = table[table["total"] > 0].head(top).sort_values("first_paragraph", kind="stable")
    return CompactFigure(plot_timeline(results.mentions, results.chapter, labels(results),
                                       shown["person_id"].tolist()))


def network_figure(results: Analyses) -> CompactFigure:
    """The co-occurrence network, drawn (:func:`~analysis.people.figures.plot_network`)."""
    return CompactFigure(plot_network(results.network, layout(results)))


def network_interactive(results: Analyses) -> InteractiveFigure:
    """The same network to explore, at the same positions (:func:`analysis.reading_view.figures.network`)."""
    return interactive_network(results.network, layout(results), seed=LAYOUT_SEED)


def centrality_table(results: Analyses, top: int = 10) -> pd.DataFrame:
    """The ``top`` most connected people: ``degree, weighted_degree, betweenness`` by ``name``."""
    table = people.centrality(results.network).head(top)
    return (table.assign(name=table["person_id"].map(labels(results)))
            .drop(columns=["person_id", "label"]).set_index("name").round({"betweenness": 3}))


def register_section(results: Analyses) -> Markdown:
    """A line saying that the register was made for another text, where it was (else nothing)."""
    if not borrowed(results):
        return Markdown("")
    named = results.mentions["person_id"].nunique()
    return Markdown(f"*This text has no register of its own: its people are found with the register "
                    f"made for another text ({named} of its {len(results.register)} people are "
                    "named here), and what that register says the text says of them is left "
                    f"out. Give a {FILE_NAMES['people']} in the text's data folder to find its "
                    "own.*")
