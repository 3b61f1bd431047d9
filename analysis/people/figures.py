"""Figures for the historical figures: counts, timeline, network, portrayal.

Each function takes pandas objects (or a graph) and returns a ``Figure`` in
the house style of :mod:`analysis.style`.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from analysis.style import KIND_COLOURS, PALETTE, figure
from analysis.text import Chapter


def plot_counts(counts: pd.DataFrame, top: int = 25) -> Figure:
    """Horizontal bars: mentions in the text and in the editorial notes.

    Args:
        counts: from :func:`analysis.people.mentions.mention_counts` (its ``name``
            is what the bars are labelled with: put the labels there).
        top: how many of the most named people to show.

    Example:
        >>> counts = pd.DataFrame({"name": ["A", "B"], "narration": [3, 1], "notes": [0, 2]})
        >>> len(plot_counts(counts).axes[0].patches)
        4
    """
    shown = counts.head(top).iloc[::-1]
    fig, ax = figure(width=7.5, height=0.24 * len(shown) + 1.2)
    y = np.arange(len(shown))
    ax.barh(y, shown["narration"], color=KIND_COLOURS["narrative"], label="the text")
    ax.barh(y, shown["notes"], left=shown["narration"], color=KIND_COLOURS["editorial"],
            label="editorial notes")
    ax.set_yticks(y, shown["name"])
    ax.set_xlabel("mentions")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right")
    ax.set_title(f"The {len(shown)} most named people")
    return fig


def plot_timeline(found: pd.DataFrame, chapter: Chapter, labels: pd.Series,
                  people: list[str]) -> Figure:
    """Where each person is named along the chapter (one row per person).

    A tick marks each mention at its position in the text; ticks in editorial
    notes are drawn in the notes' colour, and the notes' spans are shaded.

    Args:
        found: mentions from :func:`analysis.people.mentions.mentions`.
        chapter: the chapter (for its length and its notes).
        labels: a display label per ``person_id``.
        people: the ``person_id`` s to show, top to bottom.

    Example:
        >>> from analysis.people import mentions
        >>> m = mentions(chapter, register, shared_names)
        >>> fig = plot_timeline(m, chapter, pd.Series({"lenin": "Lenin"}), ["lenin"])
        >>> fig.axes[0].get_yticklabels()[0].get_text()
        'Lenin'
    """
    length = len(chapter.seed_text)
    fig, ax = figure(width=8.0, height=0.3 * len(people) + 1.3)
    notes = chapter.paragraphs[chapter.paragraphs["kind"] == "editorial"]
    for a, b in notes[["start", "end"]].itertuples(index=False):
        ax.axvspan(100 * a / length, 100 * b / length, color=KIND_COLOURS["editorial"],
                   alpha=0.15, lw=0)
    for row, pid in enumerate(people):
        part = found[found["person_id"] == pid]
        y = len(people) - 1 - row
        for in_note, colour in ((False, KIND_COLOURS["narrative"]),
                                (True, KIND_COLOURS["editorial"])):
            sel = part[part["in_note"] == in_note]
            ax.scatter(100 * sel["start"] / length, np.full(len(sel), y), marker="|", s=150,
                       linewidths=2, color=colour)
    ax.set_yticks(np.arange(len(people))[::-1], [labels.get(p, p) for p in people])
    ax.set_xlim(0, 100)
    ax.set_xlabel("position in the text (% of its characters)")
    ax.grid(axis="y", visible=False)
    fig.legend(handles=[Line2D([], [], marker="|", ls="", ms=10, mew=2,
                              color=KIND_COLOURS["narrative"], label="named in the text"),
                       Line2D([], [], marker="|", ls="", ms=10, mew=2,
                              color=KIND_COLOURS["editorial"], label="named in a note"),
                       Patch(color=KIND_COLOURS["editorial"], alpha=0.15,
                             label="editorial note")],
               loc="outside lower center", ncol=3)
    return fig


def network_layout(graph: nx.Graph, seed: int = 4,
                   iterations: int = 200) -> dict[str, np.ndarray]:
    """A seeded layout of the connected people, each component in its own place.

    The largest component fills the left of the drawing (Kamada-Kawai
    positions refined by a seeded force-directed pass in which strong ties
    pull harder); the smaller components are stacked in a column on the
    right, largest first. Nodes without an edge are left out.

    Example:
        >>> g = nx.Graph([("a", "b"), ("c", "d"), ("a", "e")]); g.add_node("f")
        >>> pos = network_layout(g)
        >>> sorted(pos), bool(pos["c"][0] > pos["a"][0])
        (['a', 'b', 'c', 'd', 'e'], True)
    """
    linked = graph.subgraph([n for n in graph if graph.degree(n) > 0])
    comps = sorted((sorted(c) for c in nx.connected_components(linked)),
                   key=lambda c: (-len(c), c[0]))
    pos: dict[str, np.ndarray] = {}
    if not comps:
        return pos
    main = linked.subgraph(comps[0])
    start = nx.kamada_kawai_layout(main)
    spacing = 1.6 / np.sqrt(len(main))
    raw = nx.spring_layout(main, pos=start, k=spacing, weight="weight", seed=seed,
                           iterations=iterations)
    pos.update(_spread(_fit(raw, (0.0, 0.0, 1.0, 1.0)),
                       {n: str(main.nodes[n].get("label", n)) for n in main}))
    rest = comps[1:]
    slot = 1.0 / max(len(rest), 1)
    for i, comp in enumerate(rest):
        sub = linked.subgraph(comp)
        raw = nx.circular_layout(sub) if len(comp) > 2 else {
            n: np.array([float(j), 0.0]) for j, n in enumerate(comp)}
        top = 1.0 - i * slot
        pos.update(_fit(raw, (1.12, top - 0.8 * slot, 1.42, top - 0.2 * slot)))
    return pos


def _spread(pos: dict[str, np.ndarray], labels: dict[str, str], char_width: float = 0.0125,
            height: float = 0.05, rounds: int = 300) -> dict[str, np.ndarray]:
    """Push apart nodes whose labels would overlap (deterministic).

    Each node holds a box as wide as its label (``char_width`` per character)
    and ``height`` high; overlapping boxes are moved apart, half each, along
    the axis where they overlap least, until none overlap or ``rounds`` pass.
    """
    names = sorted(pos)
    xy = np.array([pos[n] for n in names], dtype=float)
    half = np.array([[max(len(labels[n]) * char_width, 0.03) / 2, height / 2] for n in names])
    for _ in range(rounds):
        moved = False
        for i in range(len(names)):
            gap = np.abs(xy[i] - xy[i + 1:])
            need = half[i] + half[i + 1:]
            over = need - gap
            hit = np.flatnonzero((over > 0).all(axis=1))
            for j in hit + i + 1:
                o = half[i] + half[j] - np.abs(xy[i] - xy[j])
                axis = int(np.argmin(o / half[i]))
                sign = 1.0 if xy[i, axis] >= xy[j, axis] else -1.0
                if xy[i, axis] == xy[j, axis]:
                    sign = 1.0 if i % 2 else -1.0
                xy[i, axis] += sign * o[axis] / 2 + sign * 1e-4
                xy[j, axis] -= sign * o[axis] / 2 + sign * 1e-4
                moved = True
        if not moved:
            break
    return dict(zip(names, xy))


def _fit(pos: dict[str, np.ndarray], box: tuple[float, float, float, float]
         ) -> dict[str, np.ndarray]:
    """Scale positions into ``box = (x0, y0, x1, y1)``, centred, keeping the aspect."""
    xy = np.array(list(pos.values()), dtype=float)
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    span = np.where(hi - lo > 0, hi - lo, 1.0)
    x0, y0, x1, y1 = box
    scale = min((x1 - x0) / span[0], (y1 - y0) / span[1])
    centre = np.array([(x0 + x1) / 2, (y0 + y1) / 2])
    return {n: centre + (np.asarray(p, dtype=float) - (lo + hi) / 2) * scale
            for n, p in pos.items()}


def plot_network(graph: nx.Graph, pos: dict[str, np.ndarray] | None = None,
                 seed: int = 4) -> Figure:
    """Draw the co-occurrence network with labels.

    Node area grows with the number of mentions; edge width with the weight;
    colours mark the communities found by greedy modularity (deterministic).
    People with no tie are left out of the drawing.

    Example:
        >>> g = nx.Graph()
        >>> g.add_edge("a", "b", weight=2)
        >>> for n in g: g.nodes[n].update(label=n.upper(), mentions=2)
        >>> fig = plot_network(g)
        >>> sorted(t.get_text() for t in fig.axes[0].texts)
        ['A', 'B']
    """
    pos = network_layout(graph, seed=seed) if pos is None else pos
    linked = graph.subgraph(list(pos))
    groups = nx.community.greedy_modularity_communities(linked, weight="weight")
    colour = {n: PALETTE[i % len(PALETTE)] for i, group in enumerate(groups) for n in group}
    fig, ax = figure(width=11.0, height=8.5)
    weights = np.array([d["weight"] for _, _, d in linked.edges(data=True)], dtype=float)
    nx.draw_networkx_edges(linked, pos, ax=ax, width=0.6 + 1.2 * weights,
                           edge_color="#999999", alpha=0.6)
    nodes = sorted(linked)
    sizes = [40 + 35 * linked.nodes[n].get("mentions", 1) for n in nodes]
    nx.draw_networkx_nodes(linked, pos, nodelist=nodes, ax=ax, node_size=sizes,
                           node_color=[colour[n] for n in nodes], edgecolors="white",
                           linewidths=0.8)
    for n in nodes:
        x, y = pos[n]
        ax.annotate(linked.nodes[n].get("label", n), (x, y), xytext=(0, 7),
                    textcoords="offset points", ha="center", va="bottom", fontsize=8,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none",
                          "alpha": 0.7})
    ax.set_axis_off()
    ax.margins(0.08)
    return fig


def plot_portrayal(table: pd.DataFrame, labels: pd.Series,
                   highlight: tuple[str, ...] = ()) -> Figure:
    """The tone of the sentences naming each person, by the readers' reference and by the method.

    Two marks per person, each mean with its 95% interval: the readers'
    reference (divided by 2 to share the method's -1..+1 scale;
    blue circles, solid bars) and the lexicon method (vermilion diamonds,
    dashed bars), the first just above the second. Colours, marks and line
    styles each tell the two apart (Okabe-Ito colours, safe for colour-blind
    readers).

    Args:
        table: from :func:`analysis.synthesis.portrayal.portrayal_compared`
            (``person_id, sentences, method, method_low, method_high,
            reference, reference_low, reference_high``), drawn bottom to top.
        labels: a display label per ``person_id``.
        highlight: ``person_id`` s whose labels are set in bold.

    Example:
        >>> t = pd.DataFrame({"person_id": ["a"], "sentences": [3], "method": [0.1],
        ...                   "method_low": [-0.2], "method_high": [0.4], "reference": [-0.5],
        ...                   "reference_low": [-0.8], "reference_high": [-0.2]})
        >>> fig = plot_portrayal(t, pd.Series({"a": "A"}), highlight=("a",))
        >>> label = fig.axes[0].get_yticklabels()[0]
        >>> label.get_text(), label.get_fontweight()
        ('A (3)', 'bold')
        >>> [t.get_text() for t in fig.legends[0].get_texts()]
        ["readers' reference ÷ 2", 'lexicon method']
    """
    fig, ax = figure(width=7.5, height=0.36 * len(table) + 1.6)
    y = np.arange(len(table), dtype=float)
    marks = (("reference", +0.16, PALETTE[0], "o", "-", "readers' reference ÷ 2"),
             ("method", -0.16, PALETTE[1], "D", "--", "lexicon method"))
    handles = []
    for column, dy, colour, marker, style, name in marks:
        ax.hlines(y + dy, table[f"{column}_low"], table[f"{column}_high"], colors=colour, lw=1.8,
                  linestyles=style, alpha=0.8, zorder=2)
        ax.scatter(table[column], y + dy, color=colour, marker=marker, s=30, zorder=3,
                   edgecolors="white", linewidths=0.5)
        handles.append(Line2D([], [], color=colour, marker=marker, ls=style, lw=1.8, label=name))
    ax.axvline(0, color="#555555", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-0.6, len(table) - 0.4)
    ax.set_yticks(y, [f"{labels.get(p, p)} ({n})"
                      for p, n in zip(table["person_id"], table["sentences"])])
    for tick, pid in zip(ax.get_yticklabels(), table["person_id"]):
        tick.set_fontweight("bold" if pid in highlight else "normal")
    ax.set_xlabel("mean tone of the sentences naming the person, −1 to +1 (95% intervals)")
    ax.grid(axis="y", visible=False)
    fig.legend(handles=handles, loc="outside upper center", ncol=2)
    return fig


#: The marks of :func:`plot_fates` for deaths at the hands of the killer it highlights.
FATE_MARKS = {"executed": ("X", "executed"), "died in custody": ("s", "died in custody"),
              "murdered": ("D", "murdered")}


def _year(value: object) -> float | None:
    """An ISO date cell as a fractional year (the middle of the span a partial date covers)."""
    parts = str(value or "").split("-")
    if not parts[0].isdigit():
        return None
    year = float(parts[0])
    if len(parts) == 1:
        return year + 0.5
    month = int(parts[1])
    day = int(parts[2]) if len(parts) > 2 else 15
    return year + (month - 1) / 12 + (day - 1) / 365


def plot_fates(fates_table: pd.DataFrame, killer: str | None = "Soviet state",
               year: float | None = 1921, width: float = 6.4,
               killer_label: str | None = None, contemporaries: bool = True) -> Figure:
    """Each person's life as a line from birth to death, oldest at the top.

    Lives that ended at the hands of ``killer`` (the ``killed_by`` column) are
    drawn in vermilion and end in a mark for the manner of death (a cross for
    executed, a square for died in custody, a diamond for murdered); other
    lives are blue. A dashed line marks ``year`` (the year of the text). People
    without both dates are left out, and so, with ``contemporaries``, are those
    not alive in ``year`` (a saint or a philosopher named in passing). The
    default width reads on a phone.

    Args:
        fates_table: from :func:`analysis.people.fates.fates`.
        killer: the ``killed_by`` value to highlight (``None``: no life is highlighted).
        year: the year to mark (``None``: no mark).
        width: the figure's width in inches.
        killer_label: the legend's words for those lives (default ``killed by the <killer>``).
        contemporaries: draw only the lives that span ``year``.

    Example:
        >>> t = pd.DataFrame({"person_id": ["a", "b"], "label": ["A", "B"],
        ...                   "born": ["1880-01-01", "1890"], "died": ["1938", "1950-05"],
        ...                   "death": ["executed", "natural causes"],
        ...                   "killed_by": ["Soviet state", ""]})
        >>> fig = plot_fates(t)
        >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
        ['A', 'B']
        >>> [t.get_text() for t in fig.legends[0].get_texts()][:2]
        ['killed by the Soviet state', 'other lives']
    """
    spans = [(r.label, _year(r.born), _year(r.died), killer is not None and r.killed_by == killer,
              r.death)
             for r in fates_table.itertuples(index=False)]
    spans = sorted((s for s in spans if s[1] is not None and s[2] is not None and (
        not contemporaries or year is None or s[1] < year + 1 <= s[2] + 1)),
        key=lambda s: (s[1], s[2]))
    fig, ax = figure(width=width, height=0.2 * len(spans) + 1.5)
    y = np.arange(len(spans))[::-1]
    killed, other = PALETTE[1], PALETTE[0]
    for row, (_, born, died, by_killer, death) in zip(y, spans):
        colour = killed if by_killer else other
        ax.hlines(row, born, died, color=colour, lw=2.2 if by_killer else 1.6)
        if by_killer and death in FATE_MARKS:
            ax.scatter([died], [row], marker=FATE_MARKS[death][0], s=36, color=colour, zorder=3)
    ax.set_yticks(y, [s[0] for s in spans], fontsize=7.5)
    ax.set_ylim(-0.7, len(spans) - 0.3)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("year")
    handles = []
    if killer is not None:
        handles += [Line2D([], [], color=killed, lw=2.2,
                           label=killer_label or f"killed by the {killer}")]
    handles += [Line2D([], [], color=other, lw=1.6, label="other lives")]
    if killer is not None:
        handles += [Line2D([], [], color=killed, marker=m, ls="", label=name)
                    for m, name in FATE_MARKS.values()]
    if year is not None:
        ax.axvline(year + 0.5, color="#555555", lw=1, ls="--")
        handles.append(Line2D([], [], color="#555555", lw=1, ls="--", label=f"{year:g}"))
    fig.legend(handles=handles, loc="outside upper center", ncol=3, fontsize=8)
    return fig
