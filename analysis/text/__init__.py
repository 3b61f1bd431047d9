"""The text: a file as stored, its layout, its corrections, its units, its episodes, its records.

Every table carries ``start``/``end`` offsets into the seed file's decoded text:
for any row, ``chapter.seed_text[start:end]`` is the passage it came from.
Stand-off records (corrections, hand annotations) are anchored by quotation and
position (:mod:`analysis.text.anchoring`) and mapped to the loaded chapter's units
(:mod:`analysis.text.records`).

Example:
    >>> from analysis.text import load_chapter
    >>> load_chapter().paragraphs["kind"].value_counts().to_dict()
    {'narrative': 52, 'editorial': 9, 'title': 2}
"""

from analysis.text.anchoring import AnchorReport, anchor_records, quote, unit_quote
from analysis.text.chapter import Chapter, load_chapter
from analysis.text.corrections import (KINDS, apply_corrections, check_corrections,
                                       empty_corrections, load_corrections)
from analysis.text.episodes import episode_positions, load_episodes
from analysis.text.establish import establish
from analysis.text.offsets import OffsetMap
from analysis.text.segment import load_abbreviations
from analysis.text.source import SEED_SHA256, Source, data_path, default_seed_path, read_source
from analysis.text.structure import (along_chapter, corrections_in_context, editorial_notes,
                                     kind_summary, paragraph_stats, sentence_stats)

__all__ = ["KINDS", "SEED_SHA256", "AnchorReport", "Chapter", "OffsetMap", "Source",
           "along_chapter", "anchor_records", "apply_corrections", "check_corrections",
           "corrections_in_context", "data_path", "default_seed_path", "editorial_notes",
           "empty_corrections", "episode_positions", "establish", "kind_summary",
           "load_abbreviations", "load_chapter", "load_corrections", "load_episodes",
           "paragraph_stats", "quote", "read_source", "sentence_stats", "unit_quote"]
