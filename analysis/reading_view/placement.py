"""Where a figure's point labels go so that none covers another: a greedy placement on a nominal canvas.

A network drawn from computed positions puts names on top of each other where
people cluster. :func:`label_positions` sizes each label on a canvas of the
figure's size (:func:`canvas`, the data filling it, as the network is drawn),
then, biggest point first, tries the places around its point in
:data:`POSITIONS` order and keeps the first where the label's box meets no
label already placed, no other point and no edge of the canvas; a label that
fits nowhere is left out (the point keeps its hover text). The boxes are
estimates of the browser's text (:data:`CHAR_WIDTH` of the font size per
character), with a margin.

Example:
    >>> xy = {"a": (0.0, 0.0), "b": (0.02, 0.0), "c": (1.0, 1.0)}
    >>> label_positions(xy, {"a": "Lenin", "b": "Trotsky", "c": "Gorky"}, {"a": 8, "b": 6, "c": 6},
    ...                 width=400, height=300)
    {'a': 'top center', 'b': 'middle right', 'c': 'bottom center'}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

#: Plotly's text positions, in the order they are tried.
POSITIONS = ("top center", "bottom center", "middle right", "middle left", "top right",
             "top left", "bottom right", "bottom left")

#: The width of a character as a share of the font size (a sans-serif font, generously).
CHAR_WIDTH = 0.62

#: Space (pixels) between a point and its label, and around every box.
GAP, PAD = 3.0, 1.5


@dataclass(frozen=True)
class Box:
    """A rectangle in pixels, ``y`` growing upwards."""

    x0: float
    y0: float
    x1: float
    y1: float

    def meets(self, other: Box) -> bool:
        """Whether the two boxes overlap.

        Example:
            >>> Box(0, 0, 2, 2).meets(Box(1, 1, 3, 3)), Box(0, 0, 1, 1).meets(Box(2, 0, 3, 1))
            (True, False)
        """
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def inside(self, other: Box) -> bool:
        """Whether the box lies within ``other``."""
        return (self.x0 >= other.x0 and self.x1 <= other.x1 and self.y0 >= other.y0
                and self.y1 <= other.y1)


def canvas(xy: Mapping[str, tuple[float, float]], width: float, height: float,
           pad: float = 0.08
           ) -> tuple[dict[str, tuple[float, float]], tuple[float, float, float, float]]:
    """Points in pixels on a ``width`` x ``height`` canvas, padded, filling it (each axis its scale).

    Returns the pixel positions and the data ranges shown, ``(x0, x1, y0, y1)``
    (give them to the figure's axes so that it shows what was placed).

    Example:
        >>> px, ranges = canvas({"a": (0, 0), "b": (1, 1)}, 200, 100, pad=0.1)
        >>> px["b"], ranges
        ((183.333333, 91.666667), (-0.1, 1.1, -0.1, 1.1))
    """
    xs = [p[0] for p in xy.values()] or [0.0]
    ys = [p[1] for p in xy.values()] or [0.0]
    xspan, yspan = max(max(xs) - min(xs), 1e-9), max(max(ys) - min(ys), 1e-9)
    x0, x1 = min(xs) - pad * xspan, max(xs) + pad * xspan
    y0, y1 = min(ys) - pad * yspan, max(ys) + pad * yspan
    sx, sy = width / (x1 - x0), height / (y1 - y0)
    px = {k: (round((x - x0) * sx, 6), round((y - y0) * sy, 6)) for k, (x, y) in xy.items()}
    return px, (round(x0, 6), round(x1, 6), round(y0, 6), round(y1, 6))


def label_box(x: float, y: float, radius: float, text: str, position: str,
              font: float = 10.0) -> Box:
    """The box (pixels) of ``text`` at ``position`` around a point of ``radius`` at ``(x, y)``.

    Example:
        >>> label_box(100, 100, 5, "Lenin", "top center")
        Box(x0=83.0, y0=108.0, x1=117.0, y1=124.0)
    """
    w = CHAR_WIDTH * font * len(text) + 2 * PAD
    h = 1.3 * font + 2 * PAD
    vertical, horizontal = position.split()
    off = radius + GAP
    if vertical == "top":
        y0 = y + (off if horizontal == "center" else off * 0.5)
    elif vertical == "bottom":
        y0 = y - (off if horizontal == "center" else off * 0.5) - h
    else:
        y0 = y - h / 2
    if horizontal == "center":
        x0 = x - w / 2
    elif horizontal == "right":
        x0 = x + (off if vertical == "middle" else off * 0.5)
    else:
        x0 = x - (off if vertical == "middle" else off * 0.5) - w
    return Box(round(x0, 3), round(y0, 3), round(x0 + w, 3), round(y0 + h, 3))


def label_positions(xy: Mapping[str, tuple[float, float]], labels: Mapping[str, str],
                    radius: Mapping[str, float], *, width: float, height: float,
                    font: float = 10.0, order: Sequence[str] | None = None
                    ) -> dict[str, str | None]:
    """A Plotly ``textposition`` for each point's label, ``None`` for a label that fits nowhere.

    ``xy``: the points (data units); ``labels``: their texts; ``radius``: each
    marker's radius in pixels; ``width``, ``height``: the drawing area in
    pixels, filled as :func:`canvas` fills it; ``order``: who is placed first
    (default: the biggest points). No two labels placed meet, and none covers
    a point.
    """
    px, _ = canvas(xy, width, height)
    frame = Box(0, 0, width, height)
    dots = {k: Box(x - radius[k], y - radius[k], x + radius[k], y + radius[k])
            for k, (x, y) in px.items()}
    placed: list[Box] = []
    out: dict[str, str | None] = {}
    for key in order or sorted(xy, key=lambda k: (-radius[k], str(k))):
        x, y = px[key]
        out[key] = None
        for position in POSITIONS:
            box = label_box(x, y, radius[key], labels[key], position, font)
            if (box.inside(frame) and not any(box.meets(b) for b in placed)
                    and not any(box.meets(d) for k, d in dots.items() if k != key)):
                out[key] = position
                placed.append(box)
                break
    return out
