"""Themes: a lexicon of weighted terms, found in the text, scored, validated and read in context.

The modules: :mod:`~analysis.themes.lexicon` (the file format and query
syntax), :mod:`~analysis.themes.hits` (finding the terms),
:mod:`~analysis.themes.scoring` (scores per sentence and paragraph, density
along the chapter), :mod:`~analysis.themes.validation` (against the readers'
labels), :mod:`~analysis.themes.adjudication` (how the readers' disagreements
were settled), :mod:`~analysis.themes.vocabulary` (concordance, collocates,
keyness, frequencies) and :mod:`~analysis.themes.figures`. Their public functions are
re-exported here.

Example:
    >>> from analysis import themes
    >>> scores = themes.paragraph_scores(chapter, lexicon)
    >>> scores.columns.tolist()[3:]
    ['terror', 'nep', 'free_thought']
"""

from analysis.themes import adjudication, vocabulary
from analysis.themes.adjudication import scope_disagreements
from analysis.themes.hits import expansion_terms, lexicon_hits, theme_hits
from analysis.themes.lexicon import (CORE_WEIGHT, RESERVED, Lexicon, compare_lexicons,
                                     lexicon_summary, load_lexicon, term_regex, variant)
from analysis.themes.vocabulary import core_collocates, load_stopwords
from analysis.themes.scoring import (BOUNDARY, DECAY, METHODS, PRIOR_WORDS, REACH,
                                     correlation_intervals, density_peaks, explain,
                                     paragraph_scores, score_correlation, sentence_kernel_pairs,
                                     sentence_scores, theme_density, top_paragraphs)
from analysis.themes.validation import (agreement, annotated_cooccurrence, compare_halves,
                                        compare_readers, compare_scores, load_theme_readings,
                                        score_errors, silent_annotation, split_halves)


__all__ = ["adjudication", "agreement", "annotated_cooccurrence", "compare_halves",
           "compare_lexicons", "compare_readers", "compare_scores", "core_collocates",
           "correlation_intervals", "density_peaks", "expansion_terms", "explain", "lexicon_hits",
           "lexicon_summary", "load_lexicon", "load_stopwords", "load_theme_readings",
           "paragraph_scores", "scope_disagreements", "score_correlation", "score_errors",
           "sentence_kernel_pairs", "sentence_scores",
           "silent_annotation", "split_halves", "term_regex", "theme_density", "theme_hits",
           "top_paragraphs", "variant", "vocabulary", "BOUNDARY", "CORE_WEIGHT", "DECAY",
           "Lexicon", "METHODS", "PRIOR_WORDS", "REACH", "RESERVED"]
