"""What the people page's parts share: its settings, words for numbers, and tables computed once.

Each table is computed once per :class:`~analysis.results.Analyses` (the page's
numbers, figures and tables all ask for it).

Example:
    >>> p_value(0.0004), p_value(0.0052), p_value(0.052)
    ('p < 0.001', 'p = 0.005', 'p = 0.05')
    >>> strength(-0.37), join(["a", "b", "c"])
    ('moderate', 'a, b and c')
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis import people
from analysis.people.fates import fate_summary
from analysis.people.figures import network_layout
from analysis.results import Analyses
from analysis.synthesis.portrayal import portrayal_compared
from analysis.synthesis.ties import theme_ties, tie_chance

#: People in the portrayal need this many sentences; the bootstrap's resamples and seed.
MIN_SENTENCES, N_BOOT, SEED = 3, 2000, 0
#: People tied to a theme need this many paragraphs; how many per theme; the random draws.
MIN_PARAGRAPHS, TOP_TIES, N_PERM = 2, 5, 2000
#: The seed of the network's layout (the static and the interactive figure share it).
LAYOUT_SEED = 4
#: A stored figure's resolution, its colours, and how many of them are its own kept exactly.
DPI, COLOURS, EXACT = 100, 256, 96


def compact_png(fig: Figure, dpi: int = DPI, colours: int = COLOURS) -> bytes:
    """A figure as a small PNG: ``dpi`` dots per inch, at most ``colours`` colours.

    The house style's figures hold a few flat colours and their anti-aliased
    edges: the :data:`EXACT` most frequent colours of the drawing are kept
    exactly (so no two colours of the palette, or two communities of a network,
    merge), the rest are taken from a median cut of the image. The stored
    notebook is several times smaller, and the same drawing always gives the
    same bytes.

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
        >>> all(p.lower() in kept for p in PALETTE), data == compact_png(bars())
        (True, True)
    """
    from PIL import Image

    raw = io.BytesIO()
    fig.savefig(raw, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    image = Image.open(io.BytesIO(raw.getvalue())).convert("RGB")
    counted = sorted(image.getcolors(1 << 24) or [], key=lambda c: (-c[0], c[1]))
    exact = [c for _, c in counted[:min(EXACT, colours)]]
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


def compact_figures(dpi: int = DPI, colours: int = COLOURS) -> None:
    """Show every figure of the running notebook as a :func:`compact_png`."""
    import matplotlib.pyplot as plt
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        plt.close(plt.figure())  # loads the notebook's backend, which sets its own formatter first
        shell.display_formatter.formatters["image/png"].for_type(
            Figure, lambda fig: compact_png(fig, dpi=dpi, colours=colours))


def p_value(value: float) -> str:
    """A p-value as printed, with its sign: ``p < 0.001`` below it, three decimals below 0.01, else two."""
    return ("p < 0.001" if value < 0.001 else f"p = {value:.3f}" if value < 0.01
            else f"p = {value:.2f}")


def strength(r: float) -> str:
    """A correlation in words: weak below 0.3 in size, moderate below 0.5, else strong."""
    return "weak" if abs(r) < 0.3 else "moderate" if abs(r) < 0.5 else "strong"


def join(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    return " and ".join(items) if len(items) < 3 else ", ".join(items[:-1]) + " and " + items[-1]


@lru_cache(maxsize=4)
def labels(results: Analyses) -> pd.Series:
    """Each person's label (:func:`analysis.people.mentions.labels`), by ``person_id``."""
    return people.labels(results.mentions, results.register)


@lru_cache(maxsize=4)
def counts(results: Analyses) -> pd.DataFrame:
    """Mention counts (:func:`analysis.people.mentions.mention_counts`) with the labels as ``name``."""
    table = people.mention_counts(results.mentions, results.register)
    return table.assign(name=table["person_id"].map(labels(results)))


@lru_cache(maxsize=4)
def named_register(results: Analyses) -> pd.DataFrame:
    """The register's rows of the people the text names (a register made for another text
    may hold many it does not), with the register's ``attrs``."""
    ids = set(results.mentions["person_id"])
    table = results.register[results.register["person_id"].isin(ids)].reset_index(drop=True)
    table.attrs = results.register.attrs
    return table


@lru_cache(maxsize=4)
def layout(results: Analyses) -> dict[str, np.ndarray]:
    """The network's positions (:func:`analysis.people.figures.network_layout`)."""
    return network_layout(results.network, seed=LAYOUT_SEED)


@lru_cache(maxsize=4)
def compared(results: Analyses) -> pd.DataFrame | None:
    """The portrayal by the method and the readers' reference (``None``: no tone reference)."""
    return portrayal_compared(results.mentions, results.sentence_scores, results.tone_reference,
                              results.register, min_sentences=MIN_SENTENCES, n_boot=N_BOOT,
                              seed=SEED)


@lru_cache(maxsize=4)
def ties(results: Analyses) -> pd.DataFrame:
    """The people tied to each theme, with how often random paragraphs are as dense (``p``)."""
    table = theme_ties(results.mentions, results.paragraph_scores, results.register,
                       min_paragraphs=MIN_PARAGRAPHS, top=TOP_TIES, themes=results.lexicon.names)
    narration = results.chapter.paragraphs.query("kind == 'narrative'")["paragraph_id"]
    return tie_chance(table, results.paragraph_scores, narration, n_perm=N_PERM, seed=SEED)


def borrowed(results: Analyses) -> bool:
    """Whether the register was made for another text (the bundled one, used for want of the text's own)."""
    return "people.csv" in results.files.fallbacks(results.chapter)


def has_record(results: Analyses) -> bool:
    """Whether the register gives how the people named died (a ``death`` column with a value)."""
    reg = named_register(results)
    return "death" in reg.columns and bool((reg["death"].fillna("") != "").any())


def killer(results: Analyses) -> str | None:
    """The killer of the most people named (``None``: nobody is recorded killed)."""
    if not has_record(results):
        return None
    summary = fate_summary(named_register(results), by="killed_by")
    return None if summary.empty else str(summary.iloc[0]["killed_by"])
