"""The page *Themes*, for any text and lexicon: its numbers, figures, tables and text-dependent parts.

The page shows a theme lexicon, its hits and scores, where the themes live
along the text and how they interlock, the scores against the readers' theme
labels where the text has a themes annotation, and the vocabulary tools
(concordance, collocates, key words, frequencies). Theme names, labels and
colours come from the lexicon. The modules:

- :mod:`~analysis.pages.themes.measures`: what the page measures, once per text;
- :mod:`~analysis.pages.themes.numbers`: :func:`numbers`, every number the prose names;
- :mod:`~analysis.pages.themes.views`: the figures and tables;
- :mod:`~analysis.pages.themes.revision`: a revision of one theme's list tested
  on a held-out half (:class:`~analysis.pages.themes.revision.Revision`);
- :mod:`~analysis.pages.themes.sections`: the parts whose words depend on the
  text (its themes, its readers), for the page written for any text.

Where the text has no themes annotation (``results.readings("themes") is None``)
the validation's figures and tables are ``None``, their numbers ``None``, and
:func:`~analysis.pages.themes.sections.readers_section` says that the scores stand alone; with one reader, the
method is measured against that reader and no agreement is given.

Example:
    >>> results = Analyses(chapter)
    >>> n = numbers(results)
    >>> n["themes_n_terms"] == len(results.lexicon.terms), n["themes_adj_with_b"], n["themes_n_readers"]
    (True, 21, 2)
"""

from analysis.pages.themes.measures import NODE_WEIGHT
from analysis.pages.themes.numbers import numbers
from analysis.pages.themes.revision import (Revision, figure_split, halves_table, revision_numbers,
                                            revision_table, split_table)
from analysis.pages.themes.sections import (interlock_section, lexicon_section, readers_parts,
                                            readers_section, validation_parts, validation_section)
from analysis.pages.themes.views import (auc_table, collocates_table, concordance_lines,
                                         correlation_table, disagreements_table, errors_table,
                                         explain_table, figure_along, figure_by_label,
                                         figure_collocates, figure_interlock, figure_methods,
                                         figure_readers_auc, frequencies_table, hits_in_context,
                                         hits_table, keyness_table, lexicon_table, methods_table,
                                         rare_words_table, readers_table, readings_table,
                                         sensitivity_table, silent_table, top_table)
from analysis.results import Analyses  # noqa: F401 (the example uses it)

__all__ = ["NODE_WEIGHT", "Revision", "auc_table", "collocates_table",
           "concordance_lines", "correlation_table", "disagreements_table", "errors_table",
           "explain_table", "figure_along", "figure_by_label", "figure_collocates",
           "figure_interlock", "figure_methods", "figure_readers_auc", "figure_split",
           "frequencies_table", "halves_table", "hits_in_context", "hits_table",
           "interlock_section", "keyness_table", "lexicon_section", "lexicon_table",
           "methods_table", "numbers", "rare_words_table", "readers_parts", "readers_section",
           "readers_table", "readings_table", "revision_numbers", "revision_table",
           "sensitivity_table", "silent_table", "split_table", "top_table",
           "validation_parts", "validation_section"]
