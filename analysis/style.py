"""The book's house style for figures, shared by every analysis.

Figure functions draw on Axes obtained from :func:`figure` and return the
``Figure`` (never ``plt.show()``). Colours come from :data:`PALETTE`, the
Okabe–Ito palette, which stays distinct under the common forms of colour
blindness; a lexicon's themes get theirs from :func:`theme_colours`, in the
lexicon's order, so that any lexicon draws in the same style.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure


#: Okabe & Ito (2008) colour-blind-safe palette, in drawing order.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442",
           "#000000"]


#: A fixed colour for each paragraph kind, used in every figure.
KIND_COLOURS = {"title": "#999999", "narrative": PALETTE[0], "editorial": PALETTE[4]}

#: The colours and line styles given to a lexicon's themes, in the lexicon's order (they
#: leave out the blue of the narration and the orange of the notes while there are enough).
THEME_PALETTE = [PALETTE[1], PALETTE[2], PALETTE[3], PALETTE[5], PALETTE[6], PALETTE[7],
                 PALETTE[0], PALETTE[4]]
THEME_LINES = ["-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1, 1, 1))]


STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "legend.frameon": False,
    "svg.hashsalt": "serge",
}


def figure(nrows: int = 1, ncols: int = 1, *, width: float = 8.0, height: float = 3.5,
           **kwargs: object) -> tuple[Figure, Axes]:
    """Return a new Figure and its Axes in the house style (set as the default).

    Example:
        >>> fig, ax = figure()
        >>> fig.get_size_inches().tolist()
        [8.0, 3.5]
    """
    use_house_style()
    fig, axes = plt.subplots(nrows, ncols, figsize=(width, height), layout="constrained",
                             **kwargs)
    plt.close(fig)  # the notebook displays the returned Figure itself
    return fig, axes


def use_house_style() -> None:
    """Make the house style the default for figures drawn outside :func:`figure`.

    Example:
        >>> use_house_style()
        >>> plt.rcParams["axes.spines.top"]
        False
    """
    plt.rcParams.update(STYLE)


def theme_colours(themes: list[str]) -> dict[str, str]:
    """A colour for each theme, in the order given (a lexicon's ``names``), cycling if needed.

    Example:
        >>> theme_colours(["terror", "nep"])
        {'terror': '#D55E00', 'nep': '#009E73'}
    """
    return {t: THEME_PALETTE[i % len(THEME_PALETTE)] for i, t in enumerate(themes)}


def theme_lines(themes: list[str]) -> dict[str, str | tuple]:
    """A line style for each theme (so that lines differ by more than colour), in order.

    Example:
        >>> theme_lines(["a", "b", "c"])
        {'a': '-', 'b': '--', 'c': '-.'}
    """
    return {t: THEME_LINES[i % len(THEME_LINES)] for i, t in enumerate(themes)}
