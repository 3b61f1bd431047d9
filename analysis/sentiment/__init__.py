"""Sentiment: sentence scores by several lexicon methods, explained, validated, and the arc.

The modules: :mod:`~analysis.sentiment.scorers` (VADER, TextBlob and the
project's patched VADER), :mod:`~analysis.sentiment.explanation` (the words
that fired), :mod:`~analysis.sentiment.annotation` (the readers' tone and its
reference), :mod:`~analysis.sentiment.validation` (the methods against it),
:mod:`~analysis.sentiment.lexicons` (AFINN and NRC), :mod:`~analysis.sentiment.emotions` (NRC emotions
along the chapter), :mod:`~analysis.sentiment.arc` (the smoothed arc along the
chapter, with its uncertainty) and :mod:`~analysis.sentiment.figures`. Their
public functions are re-exported here.

Example:
    >>> from analysis import sentiment
    >>> sentiment.sentence_scores(chapter, patch).columns.tolist()[-1]
    'sentiment'
"""

from analysis.sentiment import arc
from analysis.sentiment.explanation import explain_text, sentence_explanations, word_contributions
from analysis.sentiment.scorers import (METHODS, RECOMMENDED, ascii_typography, load_lexicon_patch,
                                        paragraph_kinds, patched_compound, patched_valences,
                                        scare_quoted, score_method, score_texts, sentence_scores,
                                        sentiment_by_kind, vader_analyzer, vader_valences)
from analysis.sentiment.annotation import load_tone_readings
from analysis.sentiment.emotions import load_emotion_readings
from analysis.sentiment.validation import (CUTS, TUNING_PARTS, against_readers, agreement_table,
                                           gains, largest_differences, to_scale, tuning_subsets)

__all__ = ["against_readers", "agreement_table", "arc", "ascii_typography", "explain_text",
           "largest_differences", "load_emotion_readings", "load_lexicon_patch",
           "load_tone_readings", "paragraph_kinds", "patched_compound", "patched_valences",
           "scare_quoted", "score_method", "score_texts", "sentence_explanations",
           "sentence_scores", "sentiment_by_kind", "to_scale", "tuning_subsets",
           "vader_analyzer", "vader_valences", "word_contributions", "gains", "CUTS", "METHODS",
           "RECOMMENDED", "TUNING_PARTS"]
