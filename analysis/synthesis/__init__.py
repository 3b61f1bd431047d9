"""What crosses the analyses: the chapter at a glance, portrayal, people by theme, tone by theme.

The modules: :mod:`~analysis.synthesis.chapter_map` (the tracks of the chapter
at a glance), :mod:`~analysis.synthesis.portrayal` (the tone of the sentences
naming each person), :mod:`~analysis.synthesis.ties` (the people named where a
theme is dense), :mod:`~analysis.synthesis.tone` (sentence tone by the
paragraph's dominant theme) and :mod:`~analysis.synthesis.figures`. Their
public functions are re-exported here.

Example:
    >>> from analysis import synthesis
    >>> synthesis.note_spans(chapter)["paragraph_id"].tolist()[:3]
    [8, 17, 25]
"""

from analysis.synthesis.chapter_map import (arcs_compared, episode_at, leading_themes,
                                            mean_tones, note_spans, people_by_stretch,
                                            people_track, reference_points, reference_track,
                                            sentiment_track, share_led, stretch_means,
                                            theme_peaks, track_correlations)
from analysis.synthesis.portrayal import (portrayal_agreement, portrayal_compared,
                                          sentences_compared)
from analysis.synthesis.ties import theme_ties
from analysis.synthesis.tone import (dominant_theme, emotions_by_theme, method_themes,
                                     readers_themes, sentiment_by_theme, tone_theme_correlations)

__all__ = ["arcs_compared", "dominant_theme", "emotions_by_theme", "episode_at", "leading_themes",
           "mean_tones", "method_themes", "note_spans", "people_by_stretch", "people_track",
           "portrayal_agreement", "portrayal_compared", "readers_themes", "reference_points",
           "reference_track", "sentences_compared", "sentiment_by_theme", "sentiment_track",
           "share_led", "stretch_means", "theme_peaks", "theme_ties", "tone_theme_correlations",
           "track_correlations"]
