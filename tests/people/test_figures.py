"""Tests of the portrayal figure: the readers' reference and the method, side by side."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection, PathCollection

from analysis.people import labels
from analysis.people.figures import plot_portrayal
from analysis.results import Analyses
from analysis.style import PALETTE


def test_portrayal_figure_draws_both_readings_for_each_person(results: Analyses,
                                                              compared: pd.DataFrame) -> None:
    fig = plot_portrayal(compared, labels(results.mentions, results.register),
                         highlight=("bela_kun",))
    ax = fig.axes[0]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert len(ticks) == len(compared) == 14
    assert ticks[0] == "Gumilev (7)" and "Bela Kun (11)" in ticks   # darkest reference reading first
    bold = [t.get_text() for t in ax.get_yticklabels() if t.get_fontweight() == "bold"]
    assert bold == ["Bela Kun (11)"]
    dots = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(dots) == 2 and all(len(d.get_offsets()) == len(compared) for d in dots)
    reference, method = (np.asarray(d.get_offsets()) for d in dots)
    kun = compared.index[compared["person_id"] == "bela_kun"][0]
    assert reference[kun, 0] == pytest.approx(compared.loc[kun, "reference"])
    assert method[kun, 0] == pytest.approx(compared.loc[kun, "method"])
    assert reference[kun, 1] > method[kun, 1]            # the reference reading just above
    bars = [c for c in ax.collections if isinstance(c, LineCollection) and len(c.get_segments())]
    assert len(bars) >= 2
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == ["readers' reference ÷ 2", "lexicon method"]
    colours = {tuple(np.round(d.get_facecolor()[0][:3], 3)) for d in dots}
    assert len(colours) == 2 and set(PALETTE[:2]) == {h.get_color() for h in
                                                        fig.legends[0].legend_handles}
    assert ax.get_xlim() == (-1.05, 1.05)
