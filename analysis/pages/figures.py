"""How every page shows a static figure: as a small PNG, the same drawing at a phone-legible size.

A page stored with its outputs is mostly its figures. Each page's figure
functions return a :class:`CompactFigure`: the house style's ``Figure`` (its
``figure``), which a notebook shows as :func:`compact_png` — at :data:`DPI`
dots per inch (an 8-inch figure is 800 pixels wide, legible at phone width;
never below 90 for a figure that carries text), the colours of the drawing kept
exact and its anti-aliased edges reduced to a palette. The same drawing always
gives the same bytes, so a stored page changes only when its figure does.

Example:
    >>> from PIL import Image
    >>> from analysis.style import PALETTE, figure
    >>> def bars():
    ...     fig, ax = figure(width=3, height=1)
    ...     for i, colour in enumerate(PALETTE):
    ...         _ = ax.bar(i, 1, color=colour)
    ...     return fig
    >>> data = compact_png(bars())
    >>> image = Image.open(io.BytesIO(data)).convert("RGB")
    >>> kept = {"#%02x%02x%02x" % c for _, c in image.getcolors(1 << 24)}
    >>> all(p.lower() in kept for p in PALETTE), data == compact_png(bars()), data[1:4]
    (True, True, b'PNG')
    >>> shown = CompactFigure(bars())
    >>> len(shown.figure.axes), shown._repr_png_() == data
    (1, True)
"""

from __future__ import annotations

import io

from matplotlib.figure import Figure

#: A stored figure's resolution (dots per inch); the least a figure carrying text may have.
DPI, MIN_DPI = 100, 90
#: How many colours a stored figure has (half of them the drawing's own, kept exactly).
COLOURS = 64


def compact_png(fig: Figure, dpi: int = DPI, colours: int = COLOURS) -> bytes:
    """``fig`` as a small PNG: ``dpi`` dots per inch, at most ``colours`` colours.

    The house style's figures hold a few flat colours and their anti-aliased
    edges: the drawing's most frequent colours (half of ``colours``) are kept
    exactly, so that no two colours of the palette, or two communities of a
    network, merge; the rest are taken from a median cut of the image.

    Raises:
        ValueError: ``dpi`` is below :data:`MIN_DPI` (the text would not be legible).

    See the module's example.
    """
    from PIL import Image

    raw = io.BytesIO()
    fig.savefig(raw, format="png", dpi=_legible(dpi), bbox_inches="tight",
                metadata={"Software": None})
    image = Image.open(io.BytesIO(raw.getvalue())).convert("RGB")
    counted = sorted(image.getcolors(1 << 24) or [], key=lambda c: (-c[0], c[1]))
    exact = [c for _, c in counted[:colours // 2]]
    cut = image.quantize(colors=colours - len(exact), method=Image.Quantize.MEDIANCUT,
                         dither=Image.Dither.NONE).convert("RGB")
    rest = [c for _, c in sorted(cut.getcolors(1 << 24) or [], key=lambda c: c[1])
            if c not in exact]
    palette = [v for c in (exact + rest)[:colours] for v in c]
    holder = Image.new("P", (1, 1))
    holder.putpalette(palette + palette[:3] * (256 - len(palette) // 3))
    small = image.quantize(palette=holder, dither=Image.Dither.NONE)
    out = io.BytesIO()
    small.save(out, format="png", optimize=True)
    return out.getvalue()


def _legible(dpi: int) -> int:
    """``dpi``, if a figure's text is legible at phone width at it.

    Raises:
        ValueError: ``dpi`` is below :data:`MIN_DPI`.
    """
    if dpi < MIN_DPI:
        raise ValueError(f"a figure at {dpi} dpi is not legible at phone width (at least "
                         f"{MIN_DPI})")
    return dpi


class CompactFigure:
    """A figure a notebook shows as a :func:`compact_png`; the ``Figure`` itself is its ``figure``.

    ``dpi``: the resolution it is stored at (:data:`DPI`; a page with many figures
    may ask for less, never below :data:`MIN_DPI`). See the module's example.
    """

    def __init__(self, figure: Figure, dpi: int = DPI) -> None:
        self.figure, self.dpi = figure, _legible(dpi)

    def __repr__(self) -> str:
        return repr(self.figure)

    def _repr_png_(self) -> bytes:
        return compact_png(self.figure, dpi=self.dpi)

