"""How every page stores a figure (analysis.pages.figures): small, legible, the same bytes."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import pytest
from PIL import Image

from analysis.pages.figures import DPI, MIN_DPI, CompactFigure, compact_png
from analysis.style import PALETTE, figure


def _drawing(width: float = 8.0):
    fig, ax = figure(width=width, height=2)
    for i, colour in enumerate(PALETTE):
        ax.plot([0, 1], [i, i + 1], color=colour, label=f"line {i}")
    ax.set_title("a title with words")
    ax.legend()
    return fig


def test_a_stored_figure_keeps_its_size_its_colours_and_its_bytes() -> None:
    fig = _drawing()
    data = compact_png(fig)
    image = Image.open(io.BytesIO(data))
    assert image.mode == "P" and len(image.getpalette()) // 3 <= 256
    # an 8-inch figure is about 800 pixels wide at DPI (legible at phone width)
    assert 0.9 * 8 * DPI <= image.size[0] <= 1.05 * 8 * DPI
    colours = {"#%02x%02x%02x" % c for _, c in image.convert("RGB").getcolors(1 << 24)}
    assert {p.lower() for p in PALETTE} <= colours  # no colour of the palette merged
    assert compact_png(_drawing()) == data          # the same drawing, the same bytes
    raw = io.BytesIO()
    fig.savefig(raw, format="png", dpi=DPI, bbox_inches="tight")
    assert len(data) < len(raw.getvalue())           # smaller than the plain PNG
    plt.close("all")


def test_a_compact_figure_shows_the_compact_png_and_keeps_its_figure() -> None:
    fig = _drawing(width=4)
    shown = CompactFigure(fig)
    assert shown.figure is fig and repr(shown) == repr(fig)
    # a figure is shown once: the same drawing, drawn again, gives the same bytes
    first = shown._repr_png_()
    assert first == compact_png(_drawing(width=4))
    smaller = CompactFigure(_drawing(width=4), dpi=MIN_DPI)._repr_png_()
    assert Image.open(io.BytesIO(smaller)).size[0] < Image.open(io.BytesIO(first)).size[0]
    plt.close("all")


def test_a_resolution_too_low_to_read_is_refused() -> None:
    with pytest.raises(ValueError, match="not legible at phone width"):
        CompactFigure(_drawing(), dpi=MIN_DPI - 1)
    with pytest.raises(ValueError, match=f"at least {MIN_DPI}"):
        compact_png(_drawing(), dpi=72)
    plt.close("all")
