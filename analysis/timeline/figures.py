"""Figures of time in a text: the order of telling against the dates of history.

:func:`plot_narration` draws every dated mark of the text
(:func:`analysis.timeline.chronology.narration_table` with
:func:`~analysis.timeline.chronology.jumps`) at its place in the text (x) and
its date in history (y): the time each paragraph narrates as a step line, the
jumps back (analepses) and forward (prolepses) coloured apart, the events of a
chronology as open diamonds, the episodes as bands and the time of writing as
a band across. :func:`narration_figure` is the same figure to explore (Plotly):
hover a mark for its words or event, click it to read the passage. Titles and
labels come from the arguments: nothing here names a text.

Example:
    >>> t = pd.DataFrame({"kind": ["expression", "event"], "label": ["1918", "x"],
    ...                   "start": [10, 20], "sentence_id": [1, 2], "paragraph_id": [3, 3],
    ...                   "position": [0.1, 0.2], "date_from": [1918.0, 1921.4],
    ...                   "date_to": [1919.0, 1921.6], "reference_year": [1921, 1921],
    ...                   "order": ["analepsis", "in order"], "distance": [-3.0, 0.0]})
    >>> fig = plot_narration(t, pd.DataFrame({"episode": ["e"], "position": [0.0],
    ...                                       "position_end": [1.0]}), writing=(1942, 1943))
    >>> fig.axes[0].get_ylabel()
    'date in history (year)'
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from matplotlib.figure import Figure

from analysis.style import PALETTE, figure

#: The colour of each order of telling.
ORDER_COLOURS = {"analepsis": PALETTE[0], "in order": "#777777", "prolepsis": PALETTE[1],
                 "unknown": "#BBBBBB"}

_X = "place in the text (% of the file)"
_Y = "date in history (year)"


def _steps(narration: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The time narrated as a step line: (positions, years)."""
    per = narration.dropna(subset=["reference_year"]).groupby("paragraph_id").agg(
        position=("position", "min"), year=("reference_year", "first")).sort_values("position")
    return per["position"].to_numpy() * 100, per["year"].to_numpy(dtype=float) + 0.5


def plot_narration(narration: pd.DataFrame, episodes: pd.DataFrame | None = None, *,
                   writing: tuple[float, float] | None = None, title: str = "",
                   ylim: tuple[float, float] | None = None) -> Figure:
    """The order of telling against history (see the module's description).

    ``narration``: :func:`~analysis.timeline.chronology.jumps` of a narration
    table; ``episodes``: ``episode, position, position_end`` (shares of the
    text), drawn as alternate bands, or ``None``; ``writing``: the years of
    writing, drawn as a band across (``None``: not drawn); ``ylim``: the years
    shown (by default all the marks).
    """
    fig, ax = figure(width=8.0, height=5.2)
    if episodes is not None:
        for k, ep in enumerate(episodes.itertuples()):
            if k % 2 == 0:
                ax.axvspan(ep.position * 100, ep.position_end * 100, color="#F2F2F2", zorder=0)
            ax.text(ep.position * 100 + 0.3, 1.0, ep.episode, rotation=90, fontsize=7,
                    va="top", ha="left", color="#555555", transform=ax.get_xaxis_transform())
    if writing is not None:
        ax.axhspan(writing[0], writing[1] + 1, color=PALETTE[4], alpha=0.25, zorder=0,
                   label="time of writing")
    x, y = _steps(narration)
    if len(x):
        ax.step(x, y, where="post", color="#333333", linewidth=1.2, label="time narrated")
    marks = narration[narration["kind"] == "expression"]
    for order, colour in ORDER_COLOURS.items():
        part = marks[marks["order"] == order]
        if part.empty:
            continue
        px = part["position"] * 100
        ax.vlines(px, part["date_from"], part["date_to"], color=colour, linewidth=2)
        ax.scatter(px, (part["date_from"] + part["date_to"]) / 2, s=18, color=colour,
                   zorder=3, label=f"date in the text: {order}")
    events = narration[narration["kind"] == "event"]
    if len(events):
        ex = events["position"] * 100
        ax.vlines(ex, events["date_from"], events["date_to"], color=PALETTE[2], linewidth=1,
                  alpha=0.7)
        ax.scatter(ex, events["date_from"], s=30, marker="D", facecolors="none",
                   edgecolors=PALETTE[2], zorder=3, label="event, dated from the record")
    ax.set_xlim(0, 100)
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set_xlabel(_X)
    ax.set_ylabel(_Y)
    if title:
        ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.12), ncol=2, fontsize=8)
    return fig


def _r(values: object, digits: int = 3) -> list[float]:
    return [round(float(v), digits) for v in np.asarray(values, dtype=float)]


def narration_figure(narration: pd.DataFrame, episodes: pd.DataFrame | None = None, *,
                     writing: tuple[float, float] | None = None,
                     href: Callable[[int], str] | None = None,
                     ylim: tuple[float, float] | None = None) -> go.Figure:
    """The same figure to explore (Plotly): hover a mark for its words, click it to read there.

    ``href`` gives the address of a sentence (by ``sentence_id``), carried by
    each mark as its ``customdata``; numbers are rounded and the template empty,
    so the figure is the same on every run.

    Example:
        >>> t = pd.DataFrame({"kind": ["expression"], "label": ["1918"], "start": [10],
        ...                   "sentence_id": [31], "paragraph_id": [6], "position": [0.1],
        ...                   "date_from": [1918.0], "date_to": [1919.0],
        ...                   "reference_year": [1921], "order": ["analepsis"], "distance": [-3.0]})
        >>> fig = narration_figure(t, href=lambda s: f"reading.html#s{s}")
        >>> fig.data[-1].customdata[0]
        'reading.html#s31'
    """
    fig = go.Figure()
    if episodes is not None:
        for k, ep in enumerate(episodes.itertuples()):
            if k % 2 == 0:
                fig.add_vrect(x0=round(ep.position * 100, 2), x1=round(ep.position_end * 100, 2),
                              fillcolor="#F2F2F2", line_width=0, layer="below")
    if writing is not None:
        fig.add_hrect(y0=writing[0], y1=writing[1] + 1, fillcolor=PALETTE[4], opacity=0.25,
                      line_width=0, layer="below")
    x, y = _steps(narration)
    fig.add_trace(go.Scatter(x=_r(x, 2), y=_r(y, 1), mode="lines", line_shape="hv",
                             name="time narrated", line={"color": "#333333", "width": 1.2},
                             hoverinfo="skip"))
    link = href or (lambda s: "")
    for kind, symbol in (("event", "diamond-open"), ("expression", "circle")):
        for order, colour in ORDER_COLOURS.items():
            part = narration[(narration["kind"] == kind) & (narration["order"] == order)]
            if part.empty:
                continue
            mid = (part["date_from"] + part["date_to"]) / 2
            hover = [f"<b>{lab}</b><br>¶{int(p)}, {order}" for lab, p in
                     zip(part["label"], part["paragraph_id"])]
            fig.add_trace(go.Scatter(
                x=_r(part["position"] * 100, 2), y=_r(mid), mode="markers",
                name=f"{'event' if kind == 'event' else 'date in the text'}: {order}",
                marker={"symbol": symbol, "size": 9 if kind == "event" else 7,
                        "color": PALETTE[2] if kind == "event" else colour},
                hovertext=hover, hoverinfo="text",
                customdata=[link(int(s)) for s in part["sentence_id"]]))
    fig.update_layout(template="none", hovermode="closest", plot_bgcolor="white",
                      margin={"l": 56, "r": 16, "t": 24, "b": 48},
                      legend={"orientation": "h", "y": -0.2, "x": 0},
                      xaxis={"title": {"text": _X}, "range": [0, 100], "showgrid": False},
                      yaxis={"title": {"text": _Y}, "gridcolor": "#eeeeee",
                             **({"range": list(ylim)} if ylim else {})})
    return fig
