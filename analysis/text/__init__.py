"""The text: a file as stored, its layout, its corrections, its units, its episodes, its records.

Every table carries ``start``/``end`` offsets into the seed file's decoded text:
for any row, ``chapter.seed_text[start:end]`` is the passage it came from.
Stand-off records (corrections, readers' annotations) are anchored by quotation and
position (:mod:`analysis.text.anchoring`) and mapped to the loaded chapter's units
(:mod:`analysis.text.records`).

Example:
    >>> from analysis.text import read_chapter
    >>> bare = read_chapter(chapter.source.path, abbreviations=abbreviations)
    >>> len(bare.paragraphs), len(chapter.paragraphs)  # a page break mended by a correction
    (64, 63)
"""

from analysis.text.anchoring import AnchorReport, anchor_records, quote, unit_quote
from analysis.text.chapter import Chapter, read_chapter
from analysis.text.corrections import (KINDS, check_corrections,
                                       empty_corrections, load_corrections)
from analysis.text.episodes import episode_positions, load_episodes
from analysis.text.establish import establish
from analysis.text.offsets import OffsetMap
from analysis.text.segment import load_abbreviations
from analysis.text.source import Source, read_source
from analysis.text.structure import (along_chapter, corrections_in_context, editorial_notes,
                                     kind_summary, paragraph_stats, sentence_stats)

__all__ = ["along_chapter", "anchor_records", "check_corrections", "corrections_in_context",
           "editorial_notes", "empty_corrections", "episode_positions", "establish", "kind_summary",
           "load_abbreviations", "load_corrections", "load_episodes", "paragraph_stats", "quote",
           "read_chapter", "read_source", "sentence_stats", "unit_quote", "AnchorReport", "Chapter",
           "KINDS", "OffsetMap", "Source"]
