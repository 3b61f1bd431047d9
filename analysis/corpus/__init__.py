"""A corpus of texts about the same people and years: the texts, their comparison, their export.

- :mod:`analysis.corpus.witnesses`: the corpus file
  (:data:`~analysis.datafiles.names.CORPUS_FILE`), its texts
  (:class:`~analysis.corpus.witnesses.Witness`) and their analyses
  (:class:`~analysis.corpus.witnesses.Corpus`), the register they share;
- :mod:`analysis.corpus.compare`: who each text names, in what words and tone, on
  what themes, and the ties across the texts, as tables with a ``text_id``;
- :mod:`analysis.corpus.tables`: one pure function from a text to its tables,
  mapped over the texts on every core, then merged;
- :mod:`analysis.corpus.export`: the whole corpus as one Frictionless data package.

Example:
    >>> corpus = load_corpus(bundled_corpus())
    >>> [w.author for w in corpus.texts]
    ['Victor Serge', 'Bertrand Russell', 'Emma Goldman']
"""

from analysis.corpus.compare import (keyness, naming, naming_sentences, person_collocates,
                                     shared_people, theme_density, ties, tone)
from analysis.corpus.witnesses import (CORPUS_FILE, Corpus, Witness, bundled_corpus,
                                       load_corpus, shared_register)

__all__ = ["CORPUS_FILE", "Corpus", "Witness", "bundled_corpus", "keyness", "load_corpus",
           "naming", "naming_sentences", "person_collocates", "shared_people",
           "shared_register", "theme_density", "ties", "tone"]
