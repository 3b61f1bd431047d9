"""The page *The text at a glance*, for any text: its numbers, figures, tables and text-dependent parts.

The page lays the other pages' readings on one axis, the position in the text:
the themes' density, the sentiment arc (with the readers' arc where the text
has a tone annotation), the most named people, the editor's notes and the
episodes. Nothing on it is a new measurement: every track is computed by the
functions of the pages it comes from, with their settings. The modules:

- :mod:`~analysis.pages.glance.views`: the tracks, figures and tables;
- :mod:`~analysis.pages.glance.numbers`: :func:`numbers`, every number the prose names;
- :mod:`~analysis.pages.glance.sections`: the parts whose words depend on the text.

A text without a tone annotation has no readers' arc (its numbers ``None``,
:func:`~analysis.pages.glance.sections.tone_section` says so); without episodes, the figures draw none and the
tables by episode are ``None``.

Example:
    >>> n = numbers(Analyses(chapter))
    >>> n["glance_n_episodes"], n["glance_ref_mean"] == numbers(Analyses(chapter))["glance_ref_mean"]
    (13, True)
"""

from analysis.pages.glance.numbers import numbers
from analysis.pages.glance.sections import (correlations_section, episodes_section,
                                            people_section, themes_section, tone_section)
from analysis.pages.glance.views import (LIFT, THEME_BANDWIDTH, TOP, Tracks, correlations_table,
                                         episodes_table, figure_map, interactive_map,
                                         people_table, runs_table, ties_table, tracks)
from analysis.pages.sentiment.views import departures_table
from analysis.results import Analyses

__all__ = ["LIFT", "THEME_BANDWIDTH", "TOP", "Tracks", "correlations_section", "correlations_table",
           "departures_table", "episodes_section", "episodes_table", "figure_map", "interactive_map",
           "numbers", "people_section", "people_table", "runs_table", "themes_section",
           "ties_table", "tone_section", "tracks"]
