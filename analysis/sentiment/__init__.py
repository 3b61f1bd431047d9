"""Sentiment: sentence scores by several lexicon methods, explained, validated, and the arc.

The modules: :mod:`~analysis.sentiment.scorers` (VADER, TextBlob and the
project's patched VADER), :mod:`~analysis.sentiment.explanation` (the words
that fired), :mod:`~analysis.sentiment.validation` (against a hand
annotation), :mod:`~analysis.sentiment.reference` (the two readers' reference tone),
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
from analysis.sentiment.reference import tone_reference
from analysis.sentiment.validation import (CUTS, SCALE, against_readers, agreement_table,
                                           disagreements, load_annotations, to_scale)

__all__ = ["CUTS", "METHODS", "RECOMMENDED", "SCALE", "against_readers", "agreement_table", "arc",
           "ascii_typography", "disagreements", "explain_text", "load_annotations",
           "load_lexicon_patch", "paragraph_kinds", "patched_compound", "patched_valences",
           "scare_quoted", "score_method", "score_texts", "sentence_explanations",
           "sentence_scores", "sentiment_by_kind", "to_scale", "tone_reference", "vader_analyzer",
           "vader_valences",
           "word_contributions"]
