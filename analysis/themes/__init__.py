"""Themes: a lexicon of weighted terms, found in the text, scored, validated and read in context.

The modules: :mod:`~analysis.themes.lexicon` (the file format and query
syntax), :mod:`~analysis.themes.hits` (finding the terms),
:mod:`~analysis.themes.scoring` (scores per sentence and paragraph, density
along the chapter), :mod:`~analysis.themes.validation` (against a hand
annotation), :mod:`~analysis.themes.reading` (concordance, collocates,
keyness) and :mod:`~analysis.themes.figures`. Their public functions are
re-exported here.

Example:
    >>> from analysis import themes
    >>> scores = themes.paragraph_scores(chapter, lexicon)
    >>> scores.columns.tolist()[3:]
    ['terror', 'nep', 'free_thought']
"""

from analysis.themes import reading
from analysis.themes.hits import expansion_terms, lexicon_hits, theme_hits
from analysis.themes.lexicon import (CORE_WEIGHT, RESERVED, Lexicon, compare_lexicons,
                                     lexicon_summary, load_lexicon, term_regex, variant)
from analysis.themes.reading import core_collocates
from analysis.themes.scoring import (BOUNDARY, DECAY, METHODS, PRIOR_WORDS, REACH, density_peaks,
                                     explain, paragraph_scores, score_correlation,
                                     sentence_kernel_pairs, sentence_scores, theme_density,
                                     top_paragraphs)
from analysis.themes.validation import (agreement, annotated_cooccurrence, compare_halves,
                                        compare_readers, compare_scores, disagreements, load_annotation,
                                        reader_agreement, reference_annotation, silent_annotation,
                                        split_halves)

__all__ = ["BOUNDARY", "CORE_WEIGHT", "DECAY", "METHODS", "PRIOR_WORDS", "REACH", "RESERVED", "Lexicon",
           "agreement", "annotated_cooccurrence", "compare_halves", "compare_lexicons", "compare_readers",
           "compare_scores", "core_collocates", "density_peaks", "disagreements",
           "expansion_terms", "explain", "lexicon_hits", "lexicon_summary", "load_annotation",
           "load_lexicon", "paragraph_scores", "reader_agreement", "reading",
           "reference_annotation", "score_correlation", "sentence_kernel_pairs",
           "sentence_scores", "silent_annotation", "split_halves", "term_regex",
           "theme_density", "theme_hits", "top_paragraphs", "variant"]
