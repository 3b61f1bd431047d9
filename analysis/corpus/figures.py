"""Interactive figures of a corpus (Plotly, in the house style of :mod:`analysis.reading_view.figures`).

Each function takes a table of :mod:`analysis.corpus.compare` and the texts'
labels (``text_id`` -> what the legend calls it) and returns an
:class:`~analysis.reading_view.figures.InteractiveFigure`: zoom, pan and hover,
numbers rounded, a fixed ``div`` id, each text in the same colour in every
figure. Hovering a mark says the counts behind it; clicking it opens what it
counts, where ``pages`` says each text is read (``text_id`` -> its reading page
with its who's-who, e.g. ``{"russell": "reading-russell.html"}``): a person's
entry (``#person-<id>``) or the text itself.

Example:
    >>> table = pd.DataFrame({"text_id": ["a", "b"], "person_id": ["lenin"] * 2,
    ...                       "label": ["Lenin"] * 2, "mentions": [3, 1],
    ...                       "per_1000": [1.5, 0.5], "words": [2000, 2000]})
    >>> fig = naming_figure(table, {"a": "A, 1920", "b": "B, 1923"})
    >>> [t.name for t in fig.figure.data]
    ['A, 1920', 'B, 1923']
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from analysis.reading_view.figures import InteractiveFigure, _layout, _r, _text
from analysis.reading_view.links import person_anchor
from analysis.style import PALETTE


def colours(labels: Mapping[str, str]) -> dict[str, str]:
    """One colour per text, in the corpus's order.

    Example:
        >>> colours({"a": "A", "b": "B"})
        {'a': '#0072B2', 'b': '#D55E00'}
    """
    return {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(labels)}


def _person_links(pages: Mapping[str, str] | None, text_id: str, people: pd.Series
                  ) -> list[str] | None:
    """Each person's entry on the page that reads ``text_id`` (``None``: no pages given)."""
    if not pages or text_id not in pages:
        return None
    return [f"{pages[text_id]}#{person_anchor(str(p))}" for p in people]


def _people_order(table: pd.DataFrame, value: str) -> list[str]:
    """The people's labels, the largest summed ``value`` at the top of a horizontal chart."""
    return table.groupby("label")[value].sum().sort_values().index.tolist()


def naming_figure(naming: pd.DataFrame, labels: Mapping[str, str],
                  height: int = 420, pages: Mapping[str, str] | None = None
                  ) -> InteractiveFigure:
    """Who each text names, per 1,000 words of its narration: one bar per text and person."""
    colour = colours(labels)
    order = _people_order(naming, "per_1000")
    fig = go.Figure()
    for text_id, name in labels.items():
        mine = naming[naming["text_id"] == text_id].set_index("label").reindex(order)
        mine = mine[mine["per_1000"].notna()]
        fig.add_trace(go.Bar(
            y=[_text(p) for p in mine.index], x=_r(mine["per_1000"], 2), orientation="h",
            name=_text(name), marker={"color": colour[text_id]},
            customdata=_person_links(pages, text_id, mine["person_id"]),
            hovertext=[f"{_text(name)}<br>{_text(p)}: {int(m)} mentions in {int(w):,} words"
                       for p, m, w in zip(mine.index, mine["mentions"], mine["words"])],
            hoverinfo="text"))
    _layout(fig, barmode="group", xaxis={"title": "mentions per 1,000 words of narration"},
            yaxis={"categoryorder": "array", "categoryarray": [_text(p) for p in order]})
    return InteractiveFigure(fig, "witnesses-naming", height,
                             description="mentions of the people the texts share, per 1,000 "
                                         "words of each text")


def tone_figure(tone: pd.DataFrame, labels: Mapping[str, str],
                height: int = 460, pages: Mapping[str, str] | None = None) -> InteractiveFigure:
    """The method's mean tone of the sentences naming each person, by text, with its interval.

    A dotted line per text marks the mean of all its narration's sentences (the
    text's own level), so a person's tone reads against its text's.
    """
    colour = colours(labels)
    order = _people_order(tone, "n")
    fig = go.Figure()
    for i, (text_id, name) in enumerate(labels.items()):
        mine = tone[tone["text_id"] == text_id]
        if mine.empty:
            continue
        fig.add_trace(go.Scatter(
            x=_r(mine["mean"], 3), y=[_text(p) for p in mine["label"]], mode="markers",
            name=_text(name), marker={"color": colour[text_id], "size": 9,
                                      "symbol": ["circle", "diamond", "square", "triangle-up"][i % 4]},
            error_x={"type": "data", "symmetric": False,
                     "array": _r(mine["high"] - mine["mean"], 3),
                     "arrayminus": _r(mine["mean"] - mine["low"], 3), "thickness": 1.2},
            customdata=_person_links(pages, text_id, mine["person_id"]),
            hovertext=[f"{_text(name)}<br>{_text(p)}: mean {m:+.2f} ({lo:+.2f} to {hi:+.2f}) "
                       f"over {int(n)} sentence{'s' if n != 1 else ''}"
                       for p, m, lo, hi, n in zip(mine["label"], mine["mean"], mine["low"],
                                                  mine["high"], mine["n"])],
            hoverinfo="text"))
        fig.add_vline(x=round(float(mine["text_mean"].iloc[0]), 3), line_dash="dot",
                      line_color=colour[text_id], line_width=1)
    fig.add_vline(x=0, line_color="#999999", line_width=1)
    _layout(fig, xaxis={"title": "the method's mean score (−1 to +1), with 95% interval",
                        "zeroline": False},
            yaxis={"categoryorder": "array", "categoryarray": [_text(p) for p in order]})
    return InteractiveFigure(fig, "witnesses-tone", height,
                             description="the lexicon method's tone of the sentences naming "
                                         "each shared person, by text")


def themes_figure(density: pd.DataFrame, labels: Mapping[str, str],
                  height: int = 380, pages: Mapping[str, str] | None = None
                  ) -> InteractiveFigure:
    """Each theme's density in each text (weighted lexicon hits per 1,000 words), with its interval."""
    colour = colours(labels)
    fig = go.Figure()
    for text_id, name in labels.items():
        mine = density[density["text_id"] == text_id]
        fig.add_trace(go.Bar(
            x=[_text(t) for t in mine["label"]], y=_r(mine["per_1000"], 2), name=_text(name),
            marker={"color": colour[text_id]},
            customdata=[pages[text_id]] * len(mine) if pages and text_id in pages else None,
            error_y={"type": "data", "symmetric": False,
                     "array": _r(mine["high"] - mine["per_1000"], 2),
                     "arrayminus": _r(mine["per_1000"] - mine["low"], 2), "thickness": 1.2},
            hovertext=[f"{_text(name)}<br>{_text(t)}: {d:.1f} per 1,000 words ({lo:.1f} to "
                       f"{hi:.1f}); {int(h)} hits" for t, d, lo, hi, h in zip(
                           mine["label"], mine["per_1000"], mine["low"], mine["high"],
                           mine["hits"])], hoverinfo="text"))
    _layout(fig, barmode="group", yaxis={"title": "weighted hits per 1,000 words"})
    return InteractiveFigure(fig, "witnesses-themes", height,
                             description="the density of each theme of the lexicon in each text")


def network_figure(ties: pd.DataFrame, people: Mapping[str, str], labels: Mapping[str, str],
                   height: int = 520, whos_who: Mapping[str, str] | None = None
                   ) -> InteractiveFigure:
    """The shared people on a circle, tied where a text names two in one paragraph.

    ``people``: ``person_id`` -> label, in the order they go round the circle.
    Each text's ties are drawn in its colour, a little apart from another
    text's tie between the same two people; a line's width grows with the
    paragraphs naming both. A click on a person opens their entry on the page
    ``whos_who`` gives (``person_id`` -> a who's-who page of a text naming them).
    """
    colour = colours(labels)
    ids = list(people)
    pos = {p: (math.cos(math.pi / 2 - 2 * math.pi * i / len(ids)),
               math.sin(math.pi / 2 - 2 * math.pi * i / len(ids))) for i, p in enumerate(ids)}
    fig = go.Figure()
    shift = {t: (i - (len(labels) - 1) / 2) * 0.025 for i, t in enumerate(labels)}
    for text_id, name in labels.items():
        mine = ties[(ties["text_id"] == text_id) & ties["source"].isin(pos)
                    & ties["target"].isin(pos)]
        xs: list[float | None] = []
        ys: list[float | None] = []
        for a, b, w in mine[["source", "target", "weight"]].itertuples(index=False):
            (x0, y0), (x1, y1) = pos[a], pos[b]
            length = math.hypot(x1 - x0, y1 - y0) or 1.0
            dx, dy = -(y1 - y0) / length * shift[text_id], (x1 - x0) / length * shift[text_id]
            xs += [*_r([x0 + dx, x1 + dx]), None]
            ys += [*_r([y0 + dy, y1 + dy]), None]
        width = 1.5 + 1.5 * float(mine["weight"].mean()) if len(mine) else 1.5
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", name=_text(name),
                                 line={"color": colour[text_id], "width": round(width, 2)},
                                 hoverinfo="skip"))
    named = {p: sorted(set(ties.loc[(ties["source"] == p) | (ties["target"] == p), "text_id"]))
             for p in ids}
    fig.add_trace(go.Scatter(
        x=_r([pos[p][0] for p in ids]), y=_r([pos[p][1] for p in ids]), mode="markers+text",
        text=[_text(people[p]) for p in ids],
        textposition=["top center" if pos[p][1] >= 0 else "bottom center" for p in ids],
        marker={"size": 14, "color": "white", "line": {"width": 2, "color": "#555555"}},
        customdata=([f"{whos_who[p]}#{person_anchor(p)}" for p in ids]
                    if whos_who and all(p in whos_who for p in ids) else None),
        hovertext=[f"<b>{_text(people[p])}</b><br>tied in: "
                   + (", ".join(_text(labels[t]) for t in named[p]) or "no text")
                   for p in ids], hoverinfo="text", showlegend=False, name="people"))
    _layout(fig, dragmode="pan", hovermode="closest",
            xaxis={"visible": False, "range": [-1.4, 1.4]},
            yaxis={"visible": False, "range": [-1.3, 1.3], "scaleanchor": "x"})
    return InteractiveFigure(fig, "witnesses-network", height,
                             description="the people the texts share, tied where a text names "
                                         "two of them in one paragraph")
