"""Time in the chapter: its time expressions, the time each passage narrates, and hindsight.

The modules: :mod:`~analysis.timeline.rules` (the patterns that find time
expressions and the cues of hindsight), :mod:`~analysis.timeline.expressions`
(time expressions found, typed and normalised as TIMEX3),
:mod:`~analysis.timeline.reference` (the story's year and each paragraph's
reference year, read from the text's own dates) and
:mod:`~analysis.timeline.hindsight` (the sentences that speak from a later
time, counted by episode and by person). Their public functions are
re-exported here.

Example:
    >>> from analysis import timeline
    >>> found = timeline.time_expressions(chapter)
    >>> found["type"].value_counts().index[0]
    'DATE'
"""

from analysis.timeline.expressions import COLUMNS, TIMEX_TYPES, narrated_years, time_expressions
from analysis.timeline.hindsight import by_episode, by_person, hindsight
from analysis.timeline.reference import reference_years, story_year

__all__ = ["COLUMNS", "TIMEX_TYPES", "by_episode", "by_person", "hindsight", "narrated_years",
           "reference_years", "story_year", "time_expressions"]
