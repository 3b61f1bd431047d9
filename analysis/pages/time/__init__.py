"""The page *Time*, for any text: its time expressions, the story's dates, the order of telling, hindsight.

The page shows the time expressions a text holds (typed and normalised as
TIMEX3), the story year relative times are read against, the events of a
chronology where the text has one, every dated mark set against the year its
paragraph narrates (jumps back, analepses, and forward, prolepses), and the
sentences that speak with hindsight; where readers have annotated time, how far
they and the rules agree. The modules:

- :mod:`~analysis.pages.time.measures`: what the page measures, once per text;
- :mod:`~analysis.pages.time.numbers`: :func:`numbers`, every number the prose names;
- :mod:`~analysis.pages.time.views`: the figures and tables;
- :mod:`~analysis.pages.time.sections`: the parts whose words depend on the text.

Example:
    >>> from analysis.pages import current
    >>> n = numbers(current())
    >>> n["time_n_expressions"], n["time_h_n_found"], n["time_most_back_episode"]
    (108, 28, 'Bela Kun')
"""

from analysis.pages.time.measures import N_BOOT
from analysis.pages.time.numbers import numbers
from analysis.pages.time.sections import (agreement_parts, chronology_parts, expressions_section,
                                          hindsight_parts)
from analysis.pages.time.views import (agreement_table, chronology_notes, chronology_table,
                                       expressions_sample, expressions_table, hindsight_agreement,
                                       hindsight_episodes, hindsight_people, jumps_table,
                                       narration_interactive, narration_plot)

__all__ = ["N_BOOT", "agreement_parts", "agreement_table",
           "chronology_notes", "chronology_parts", "chronology_table", "expressions_sample",
           "expressions_section", "expressions_table", "hindsight_agreement", "hindsight_episodes",
           "hindsight_parts", "hindsight_people", "jumps_table", "narration_interactive",
           "narration_plot", "numbers"]
