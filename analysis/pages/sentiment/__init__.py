"""The page *Sentiment*, for any text: its numbers, figures, tables and text-dependent parts.

The page scores every sentence by three lexicon methods, explains the scores,
measures the methods against the readers' tone where the text has a tone
annotation, follows the recommended score along the text (the arc, with its
uncertainty, beside the readers' arc), compares the tone of each theme's
paragraphs and looks for four emotions. The modules:

- :mod:`~analysis.pages.sentiment.measures`: what the page measures, once per text;
- :mod:`~analysis.pages.sentiment.numbers`: :func:`numbers`, every number the prose names;
- :mod:`~analysis.pages.sentiment.views`: the figures and tables;
- :mod:`~analysis.pages.sentiment.sections`: the parts whose words depend on the
  text (its readers, its arc, its emotions), for the page written for any text.

Where the text has no tone annotation (``results.tone_reference is None``) the
validation's tables and figures are ``None``, their numbers ``None``, the arc
stands alone and :func:`~analysis.pages.sentiment.sections.readers_section` says so; with one reader, the method
is measured against that reader and no agreement is given.

Example:
    >>> results = Analyses(chapter)
    >>> n = numbers(results)
    >>> n["sentiment_n_readers"], n["sentiment_n_narration"], n["sentiment_n_disagree"]
    (2, 319, 65)
"""

from analysis.pages.sentiment.numbers import numbers
from analysis.pages.sentiment.sections import (arc_section, emotions_section, readers_section,
                                               reference_arc_section, themes_section,
                                               validation_section)
from analysis.pages.sentiment.views import (LINKS, ceiling_table, departures_table,
                                            differences_table, disagreements_table,
                                            emotion_check_table, emotion_rates_table,
                                            emotion_readers_table, emotion_words_table,
                                            example_table, explanations_table, figure_arc,
                                            figure_ceiling, figure_emotions,
                                            figure_reference_arc, figure_scores,
                                            figure_smoothers, figure_themes, figure_tuning,
                                            interactive_arc, kinds_table, nrc_table,
                                            parted_table, passages_table, readers_table,
                                            sensitivity_table, shown, themes_table,
                                            tuning_table)
from analysis.results import Analyses

__all__ = ["LINKS", "arc_section", "ceiling_table", "departures_table", "differences_table",
           "disagreements_table", "emotion_check_table", "emotion_rates_table",
           "emotion_readers_table", "emotion_words_table", "emotions_section", "example_table",
           "explanations_table", "figure_arc", "figure_ceiling", "figure_emotions",
           "figure_reference_arc", "figure_scores", "figure_smoothers", "figure_themes",
           "figure_tuning", "interactive_arc", "kinds_table", "nrc_table", "numbers",
           "parted_table", "passages_table", "readers_section", "readers_table",
           "reference_arc_section", "sensitivity_table", "shown", "themes_section", "themes_table",
           "tuning_table",
           "validation_section"]
