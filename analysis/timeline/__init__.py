"""Time in a text: its time expressions, the story's dates, the order of telling, and hindsight.

The modules: :mod:`~analysis.timeline.rules` (the patterns that find time
expressions and the cues of hindsight), :mod:`~analysis.timeline.expressions`
(time expressions found, typed and normalised as TIMEX3),
:mod:`~analysis.timeline.reference` (the story's year and each paragraph's
reference year, read from the text's own dates), :mod:`~analysis.timeline.hindsight`
(the sentences that speak from a later time, counted by episode and by person),
:mod:`~analysis.timeline.dates` (dates as stretches of years, TEI dates),
:mod:`~analysis.timeline.chronology` (a chronology file of the events told, and
narration order against history), :mod:`~analysis.timeline.annotations` (the
readers' files, their disagreements and the reference),
:mod:`~analysis.timeline.validation` and :mod:`~analysis.timeline.measure`
(agreement with intervals), :mod:`~analysis.timeline.interchange` (what the
export writes of time) and :mod:`~analysis.timeline.figures`. The main public
functions are re-exported here; figures are imported from their module.

Example:
    >>> from analysis import timeline
    >>> found = timeline.time_expressions(chapter)
    >>> found["type"].value_counts().index[0]
    'DATE'
"""

from analysis.timeline.chronology import (CHRONOLOGY, jumps, jumps_by_episode, load_chronology,
                                          narration_table)
from analysis.timeline.expressions import COLUMNS, TIMEX_TYPES, narrated_years, time_expressions
from analysis.timeline.hindsight import by_episode, by_person, hindsight
from analysis.timeline.measure import (hindsight_agreement_table, load_annotation_files,
                                       references, time_agreement)
from analysis.timeline.reference import reference_years, story_year

__all__ = ["CHRONOLOGY", "COLUMNS", "TIMEX_TYPES", "by_episode", "by_person", "hindsight",
           "hindsight_agreement_table", "jumps", "jumps_by_episode", "load_annotation_files",
           "load_chronology", "narrated_years", "narration_table", "reference_years",
           "references", "story_year", "time_agreement", "time_expressions"]
