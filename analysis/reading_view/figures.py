"""Interactive figures (Plotly) for readers who explore: the network, the sentiment arc, the chapter at a glance.

Each function takes the tables its static figure takes and returns an
:class:`InteractiveFigure`, which a notebook shows as HTML: a ``div`` and the
call that draws it with Plotly. The figure does not carry ``plotly.js``: the
book's extension copies ``plotly.min.js`` from the pinned ``plotly`` package
into the book and loads it on the pages that hold a figure, so nothing comes
from another host. Every output is the same on every run: the ``div`` has a
fixed id, the numbers are rounded to four decimals, and the template is
empty. Hovering shows who or what a mark is; clicking opens the passage on the
reading page, or the person's entry in the who's-who.

Example:
    >>> import networkx as nx
    >>> g = nx.Graph(); g.add_edge("lenin", "trotsky", weight=2)
    >>> for n in g: g.nodes[n].update(label=n.title(), name=n.title(), mentions=3)
    >>> fig = network(g, {"lenin": (0.0, 0.0), "trotsky": (1.0, 0.5)})
    >>> html = fig._repr_html_()
    >>> 'id="rv-network"' in html and "whos-who.html#person-lenin" in html
    True
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.reading_view.links import paragraph_href, person_href, sentence_href
from analysis.reading_view.markup import esc, script_json
from analysis.reading_view.placement import canvas, label_positions
from analysis.style import KIND_COLOURS, PALETTE, theme_colours, theme_lines
from analysis.themes.lexicon import Lexicon

#: Plotly's drawing options for every figure (no logo, no link to Plotly's site, responsive).
CONFIG = {"displaylogo": False, "responsive": True, "scrollZoom": True,
          "modeBarButtonsToRemove": ["select2d", "lasso2d", "toImage"]}

#: Matplotlib line styles (:func:`analysis.style.theme_lines`) as Plotly dashes.
DASHES = {"-": "solid", "--": "dash", "-.": "dashdot", ":": "dot"}

#: Opens the link a clicked mark carries (its ``customdata``).
CLICK = ("var gd = document.getElementById('{plot_id}');"
         "gd.on('plotly_click', function (d) {"
         " var p = d.points && d.points[0]; if (!p) return;"
         " var c = Array.isArray(p.customdata) ? p.customdata[0] : p.customdata;"
         " if (typeof c === 'string' && c) { window.location.href = c; return; }"
         " if (gd.rvParagraphAt) { var h = gd.rvParagraphAt(p.x); if (h) window.location.href = h; }"
         "});")


class InteractiveFigure:
    """A Plotly figure as a notebook output, drawn by the book's copy of ``plotly.js``.

    ``figure`` is the ``plotly.graph_objects.Figure`` (to change before showing).
    """

    def __init__(self, figure: object, div_id: str, height: int, script: str = "",
                 description: str = "") -> None:
        self.figure, self.div_id, self.height = figure, div_id, height
        self.script, self.description = script, description

    def _repr_html_(self) -> str:
        plot = self.figure.to_html(full_html=False, include_plotlyjs=False, div_id=self.div_id,
                                   config=CONFIG, default_height=f"{self.height}px",
                                   post_script=self.script + CLICK, validate=True)
        return (f'<div class="rv-figure" data-rv-figure="{esc(self.div_id)}" role="figure" '
                f'aria-label="{esc(self.description)}">{plot}</div>')

    def __repr__(self) -> str:
        return f"<interactive figure {self.div_id}: {self.description}>"


def _r(values: pd.Series | np.ndarray | list[float], digits: int = 4) -> list[float]:
    """Rounded plain floats (the output stores them: short, and the same on every machine)."""
    return [round(float(v), digits) for v in np.asarray(values, dtype=float)]


def _layout(fig: go.Figure, **kwargs: object) -> None:
    """The house style of the interactive figures (they fill their ``div``, whose height is set)."""
    settings: dict[str, object] = {
        "template": "none", "autosize": True, "margin": {"l": 56, "r": 16, "t": 40, "b": 48},
        "font": {"family": "system-ui, sans-serif", "size": 12}, "plot_bgcolor": "white",
        "paper_bgcolor": "white", "hoverlabel": {"align": "left"},
        "legend": {"orientation": "h", "y": -0.15, "x": 0, "traceorder": "normal"}}
    settings.update(kwargs)
    fig.update_layout(**settings)
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    for name in fig.layout:  # subplot domains are computed fractions: round them too
        axis = fig.layout[name]
        if name.startswith(("xaxis", "yaxis")) and axis.domain is not None:
            axis.domain = _r(axis.domain)


def _text(text: object) -> str:
    """A text for Plotly, which reads a few tags in its texts: ``<``, ``>`` and ``&`` escaped."""
    return esc(text, quote=False)


def _wrap(text: str, width: int = 60) -> str:
    """A hover text in short lines, escaped."""
    return "<br>".join(_text(line) for line in textwrap.wrap(str(text), width))


#: The narrowest width (pixels) the network's labels are placed for — wider, they have more room.
NETWORK_WIDTH = 640


def network(graph: nx.Graph, pos: Mapping[str, object], *, seed: int = 4,
            height: int = 640) -> InteractiveFigure:
    """The co-occurrence network: zoom and pan, hover a person for who they are, click for their entry.

    ``graph``: :func:`analysis.people.network.build_network`; ``pos``:
    :func:`analysis.people.figures.network_layout` (the static figure's
    positions; people without a tie are left out, as there). Colours mark the
    same communities as the static figure; node size grows with the mentions,
    edge width with the weight. Each person is labelled by the node's
    ``label`` (the register's ``label`` where it gives one), placed where it
    covers no other label or point in a figure :data:`NETWORK_WIDTH` pixels
    wide (:func:`analysis.reading_view.placement.label_positions`); a label
    that fits nowhere is left to the hover text.

    Example:
        >>> g = nx.Graph(); g.add_edge("a", "b", weight=1)
        >>> for n in g: g.nodes[n].update(label=n, name=n.upper(), mentions=1)
        >>> fig = network(g, {"a": (0, 0), "b": (1, 1)})
        >>> [t.name for t in fig.figure.data]
        ['ties named together in 1 paragraph', 'people']
    """
    linked = graph.subgraph(list(pos))
    groups = nx.community.greedy_modularity_communities(linked, weight="weight") if len(
        linked.edges) else [set(linked)]
    colour = {n: PALETTE[i % len(PALETTE)] for i, group in enumerate(groups) for n in group}
    fig = go.Figure()
    by_weight: dict[int, list[tuple[str, str]]] = {}
    for a, b, data in linked.edges(data=True):
        by_weight.setdefault(int(data.get("weight", 1)), []).append((a, b))
    for weight in sorted(by_weight):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for a, b in sorted(by_weight[weight]):
            xs += [*_r([pos[a][0], pos[b][0]]), None]
            ys += [*_r([pos[a][1], pos[b][1]]), None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                                 line={"width": round(0.6 + 1.2 * weight, 2), "color": "#999999"},
                                 opacity=0.6, name=f"ties named together in {weight} paragraph"
                                 + ("s" if weight != 1 else "")))
    nodes = sorted(linked)
    label = {n: str(linked.nodes[n].get("label", n)) for n in nodes}
    info = []
    for n in nodes:
        d = linked.nodes[n]
        who = ", ".join(str(x) for x in (d.get("nationality", ""), d.get("affiliation", "")) if x)
        ties = sorted(label[m] for m in linked.neighbors(n))
        info.append(f"<b>{_text(d.get('name', n))}</b>" + (f"<br>{_text(who)}" if who else "")
                    + f"<br>named {d.get('mentions', 0)} times"
                    + f"<br>named with: {_wrap(', '.join(ties), 50)}<br><i>click for the entry</i>")
    sizes = {n: round(8 + 3.2 * float(np.sqrt(linked.nodes[n].get("mentions", 1))), 2) for n in nodes}
    xy = {n: (float(pos[n][0]), float(pos[n][1])) for n in nodes}
    area = (NETWORK_WIDTH - 16, height - 16)  # the margins below
    where = label_positions(xy, label, {n: sizes[n] / 2 + 1 for n in nodes}, width=area[0],
                            height=area[1], font=10)
    _, (x0, x1, y0, y1) = canvas(xy, *area)
    fig.add_trace(go.Scatter(
        x=_r([xy[n][0] for n in nodes]), y=_r([xy[n][1] for n in nodes]), mode="markers+text",
        text=[_text(label[n]) if where[n] else "" for n in nodes],
        textposition=[where[n] or "top center" for n in nodes],
        textfont={"size": 10}, hovertext=info, hoverinfo="text", name="people",
        customdata=[person_href(n) for n in nodes], showlegend=False,
        marker={"size": [sizes[n] for n in nodes], "color": [colour[n] for n in nodes],
                "line": {"width": 1, "color": "white"}}))
    _layout(fig, dragmode="pan", hovermode="closest",
            xaxis={"visible": False, "range": _r([x0, x1])},
            yaxis={"visible": False, "range": _r([y0, y1])},
            margin={"l": 8, "r": 8, "t": 8, "b": 8})
    return InteractiveFigure(fig, "rv-network", height,
                             description="the co-occurrence network of the people named")


def _episode_lines(fig: go.Figure, episodes: pd.DataFrame, y: float = 1.05) -> None:
    """Dotted lines where the episodes open, a mark at the top with the episode's name on hover."""
    x = _r(episodes["position"] * 100, 2)
    for position in x:
        fig.add_vline(x=position, line={"width": 0.8, "dash": "dot", "color": "#777777"})
    links = ([paragraph_href(int(p)) for p in episodes["paragraph_id"]]
             if "paragraph_id" in episodes else [""] * len(episodes))
    fig.add_trace(go.Scatter(
        x=x, y=[y] * len(episodes), mode="markers", customdata=links,
        marker={"symbol": "triangle-down", "size": 10, "color": "#777777"},
        hovertext=[f"episode: {e}" for e in episodes["episode"]], hoverinfo="text",
        name="where an episode opens", showlegend=False))


def _reference_line(fig: go.Figure, reference: pd.DataFrame | None, **where: int) -> None:
    """Draw the reference reading's arc (``position, arc``) on ``fig``, if there is one."""
    if reference is None:
        return
    fig.add_trace(go.Scatter(x=_r(reference["position"] * 100, 2), y=_r(reference["arc"]),
                             mode="lines", name="reference reading (score ÷ 2)",
                             line={"width": 2.2, "color": PALETTE[1], "dash": "dashdot"},
                             hovertemplate="reference reading %{y:.2f}<extra></extra>"), **where)


def arc(points: pd.DataFrame, arc: pd.DataFrame, envelope: pd.DataFrame,
        episodes: pd.DataFrame, *, sentences: pd.DataFrame | None = None,
        reference: pd.DataFrame | None = None, height: int = 520) -> InteractiveFigure:
    """The sentiment arc: every sentence a dot (hover for its words, click to read it), the arc, its bands.

    ``points``: :func:`analysis.sentiment.arc.arc_points`; ``arc``:
    :func:`analysis.sentiment.arc.smooth_arc`; ``envelope``:
    :func:`analysis.sentiment.arc.shuffle_envelope`; ``episodes``:
    :func:`analysis.text.episodes.episode_positions`; ``sentences``:
    ``chapter.sentences``, for the words shown on hover (else the ids only);
    ``reference``: the arc of the reference reading
    (:func:`analysis.synthesis.chapter_map.reference_track`), drawn over the
    method's, or ``None``.

    Example:
        >>> pts = pd.DataFrame({"sentence_id": [5, 6], "paragraph_id": [3, 3],
        ...                     "position": [0.2, 0.8], "score": [0.9, -0.95]})
        >>> a = pd.DataFrame({"position": [0, 1], "arc": [0, 0], "low": [-0.1, -0.1],
        ...                   "high": [0.1, 0.1]})
        >>> env = pd.DataFrame({"position": [0, 1], "null_low": [-0.1, -0.1],
        ...                     "null_high": [0.1, 0.1]})
        >>> fig = arc(pts, a, env, pd.DataFrame({"episode": ["x"], "position": [0.5]}))
        >>> "reading.html#s6" in fig._repr_html_()
        True
        >>> fig = arc(pts, a, env, pd.DataFrame({"episode": ["x"], "position": [0.5]}), reference=a)
        >>> "reference reading" in fig._repr_html_()
        True
    """
    texts = ({} if sentences is None else
             dict(zip(sentences["sentence_id"], sentences["text"])))
    fig = go.Figure()
    x = _r(arc["position"] * 100, 2)
    fig.add_trace(go.Scatter(x=x, y=_r(arc["high"]), mode="lines", line={"width": 0},
                             hoverinfo="skip", showlegend=False, name="band top"))
    fig.add_trace(go.Scatter(x=x, y=_r(arc["low"]), mode="lines", line={"width": 0},
                             fill="tonexty", fillcolor="rgba(0,114,178,0.2)", hoverinfo="skip",
                             name="95% bootstrap band"))
    ex = _r(envelope["position"] * 100, 2)
    for column, show in (("null_low", True), ("null_high", False)):
        fig.add_trace(go.Scatter(x=ex, y=_r(envelope[column]), mode="lines", hoverinfo="skip",
                                 line={"width": 1, "dash": "dash", "color": PALETTE[7]},
                                 name="95% range of shuffled order", showlegend=show))
    fig.add_trace(go.Scatter(x=x, y=_r(arc["arc"]), mode="lines",
                             name="arc" if reference is None else "arc (lexicon method)",
                             line={"width": 2.5, "color": PALETTE[0]},
                             hovertemplate="arc %{y:.2f} at %{x:.0f}%<extra></extra>"))
    _reference_line(fig, reference)
    hover = [f"<b>s{int(s)}</b> (¶{int(p)}), score {v:+.2f}<br>{_wrap(texts.get(s, ''))}"
             for s, p, v in zip(points["sentence_id"], points["paragraph_id"], points["score"])]
    fig.add_trace(go.Scatter(x=_r(points["position"] * 100, 2), y=_r(points["score"]),
                             mode="markers", name="sentences (click to read)",
                             marker={"size": 6, "color": "#888888", "opacity": 0.7},
                             hovertext=hover, hoverinfo="text",
                             customdata=[sentence_href(int(s)) for s in points["sentence_id"]]))
    _episode_lines(fig, episodes)
    _layout(fig, hovermode="closest",
            xaxis={"title": {"text": "position in the chapter (% of the text)"}, "range": [0, 100],
                   "showgrid": False},
            yaxis={"title": {"text": "sentence score"}, "range": [-1.1, 1.1], "zeroline": True,
                   "gridcolor": "#eeeeee"})
    return InteractiveFigure(fig, "rv-arc", height, description="the sentiment arc, sentence by sentence")


def chapter_map(themes: pd.DataFrame, sentiment: pd.DataFrame, people: pd.DataFrame,
                episodes: pd.DataFrame, notes: pd.DataFrame, lexicon: Lexicon,
                paragraphs: pd.DataFrame, *, reference: pd.DataFrame | None = None,
                height: int = 860) -> InteractiveFigure:
    """The chapter at a glance: theme tracks, sentiment arc, people; click a position to read there.

    The tables of :func:`analysis.synthesis.figures.plot_chapter_map`, and
    ``paragraphs``: ``chapter.paragraphs`` with ``position`` (from
    :func:`analysis.text.structure.along_chapter`), to open the paragraph at
    the position clicked. A person's mark opens the sentence that names them.
    ``reference``: the arc of the reference reading, drawn over the method's (or ``None``).
    The episodes are named above the top panel, where each opens, as in the
    static figure; the legend sits below the figure, where it covers no line.

    Example:
        >>> themes = pd.DataFrame({"position": [0, 1], "terror": [1, 2], "nep": [0, 1],
        ...                        "free_thought": [1, 0]})
        >>> arc = pd.DataFrame({"position": [0, 1], "arc": [0, 0], "low": [-1, -1],
        ...                     "high": [1, 1], "null_low": [-1, -1], "null_high": [1, 1]})
        >>> people = pd.DataFrame({"label": ["A"], "rank": [1], "count": [1], "position": [0.5],
        ...                        "sentence_id": [7], "paragraph_id": [3]})
        >>> ep = pd.DataFrame({"episode": ["x"], "position": [0.2]})
        >>> notes = pd.DataFrame({"position": [0.4], "position_end": [0.45]})
        >>> paras = pd.DataFrame({"paragraph_id": [1, 2], "position": [0.0, 0.5]})
        >>> html = chapter_map(themes, arc, people, ep, notes, lexicon, paras)._repr_html_()
        >>> "reading.html#s7" in html and '"reading.html#p2"' in html
        True
    """
    rows = people.drop_duplicates("label").sort_values("rank")
    n_people = len(rows)
    fig = make_subplots(rows=3, cols=1, shared_xaxes=True, vertical_spacing=0.05,
                        row_heights=[2.2, 2.2, 0.75 + 0.2 * n_people])
    colours, lines = theme_colours(lexicon.names), theme_lines(lexicon.names)
    tx = _r(themes["position"] * 100, 2)
    for theme in [t for t in lexicon.names if t in themes.columns]:
        fig.add_trace(go.Scatter(x=tx, y=_r(themes[theme]), mode="lines",
                                 name=lexicon.labels.get(theme, theme),
                                 line={"color": colours[theme], "width": 2,
                                       "dash": DASHES.get(lines[theme], "longdash")},
                                 hovertemplate=f"{lexicon.labels.get(theme, theme)} %{{y:.2f}}"
                                               "<extra></extra>"), row=1, col=1)
    sx = _r(sentiment["position"] * 100, 2)
    fig.add_trace(go.Scatter(x=sx, y=_r(sentiment["high"]), mode="lines", line={"width": 0},
                             hoverinfo="skip", showlegend=False, name="band top"), row=2, col=1)
    fig.add_trace(go.Scatter(x=sx, y=_r(sentiment["low"]), mode="lines", line={"width": 0},
                             fill="tonexty", fillcolor="rgba(0,114,178,0.2)", hoverinfo="skip",
                             name="95% bootstrap band"), row=2, col=1)
    for column, show in (("null_low", True), ("null_high", False)):
        fig.add_trace(go.Scatter(x=sx, y=_r(sentiment[column]), mode="lines", hoverinfo="skip",
                                 line={"width": 1, "dash": "dash", "color": PALETTE[7]},
                                 name="95% range of shuffled order", showlegend=show),
                      row=2, col=1)
    fig.add_trace(go.Scatter(x=sx, y=_r(sentiment["arc"]), mode="lines",
                             name="sentiment arc" if reference is None else "arc (lexicon method)",
                             line={"width": 2.2, "color": PALETTE[0]},
                             hovertemplate="arc %{y:.2f}<extra></extra>"), row=2, col=1)
    _reference_line(fig, reference, row=2, col=1)
    label_of = {r.label: f"{_text(r.label)} ({r.count})" for r in rows.itertuples()}
    fig.add_trace(go.Scatter(
        x=_r(people["position"] * 100, 2), y=[label_of[lab] for lab in people["label"]],
        mode="markers", marker={"symbol": "line-ns-open", "size": 12, "color": PALETTE[7],
                                "line": {"width": 1.6}},
        hovertext=[f"{_text(lab)}, ¶{int(p)}" for lab, p in zip(people["label"], people["paragraph_id"])]
        if "paragraph_id" in people else [_text(lab) for lab in people["label"]], hoverinfo="text",
        customdata=[sentence_href(int(s)) for s in people["sentence_id"]]
        if "sentence_id" in people else None, name="named in the narration", showlegend=False),
        row=3, col=1)
    for span in notes.itertuples():
        fig.add_vrect(x0=round(span.position * 100, 2), x1=round(span.position_end * 100, 2),
                      fillcolor=KIND_COLOURS["editorial"], opacity=0.18, line_width=0,
                      layer="below")
    for row in (1, 2, 3):
        for x in _r(episodes["position"] * 100, 2):
            fig.add_vline(x=x, line={"width": 0.7, "dash": "dot", "color": "#777777"},
                          row=row, col=1)
    fig.update_xaxes(range=[0, 100], showgrid=False)
    fig.update_xaxes(side="top", showticklabels=True, tickmode="array", tickangle=-50,
                     tickvals=_r(episodes["position"] * 100, 2), ticklen=0,
                     ticktext=[_text(e) for e in episodes["episode"]], tickfont={"size": 11},
                     row=1, col=1)
    fig.update_xaxes(title_text="position in the chapter (% of the text); click to read there",
                     row=3, col=1)
    fig.update_yaxes(title_text="theme density", row=1, col=1, gridcolor="#eeeeee")
    fig.update_yaxes(title_text="sentiment", row=2, col=1, gridcolor="#eeeeee")
    fig.update_yaxes(categoryorder="array", categoryarray=[label_of[lab] for lab in
                                                           rows["label"]][::-1], row=3, col=1)
    _layout(fig, hovermode="x", margin={"l": 56, "r": 16, "t": 24, "b": 150},
            legend={"orientation": "h", "x": 0, "y": -0.09, "yanchor": "top",
                    "traceorder": "normal"})
    starts = script_json(_r(paragraphs["position"] * 100, 3))
    hrefs = script_json([paragraph_href(int(p)) for p in paragraphs["paragraph_id"]])
    script = (f"document.getElementById('{{plot_id}}').rvParagraphAt = function (x) {{"
              f" var s = {starts}, hrefs = {hrefs}, k = 0;"
              f" for (var i = 0; i < s.length; i++) {{ if (s[i] <= x) k = i; }}"
              f" return hrefs[k]; }};")
    return InteractiveFigure(fig, "rv-chapter-map", height, script=script,
                             description="the chapter at a glance: themes, sentiment and people")
