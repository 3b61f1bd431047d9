"""The text: a file as stored, its corrections, its paragraphs, sentences and tokens, its episodes.

Every table carries ``start``/``end`` offsets into the seed file's decoded text:
for any row, ``chapter.seed_text[start:end]`` is the passage it came from.

Example:
    >>> from analysis.text import load_chapter
    >>> load_chapter().paragraphs["kind"].value_counts().to_dict()
    {'narrative': 52, 'editorial': 9, 'title': 2}
"""

from analysis.text.chapter import Chapter, load_chapter
from analysis.text.corrections import (KINDS, OffsetMap, apply_corrections, check_corrections,
                                       corrections_for, empty_corrections, load_corrections)
from analysis.text.episodes import episode_positions, load_episodes
from analysis.text.segment import load_abbreviations
from analysis.text.source import SEED_SHA256, Source, data_path, default_seed_path, read_source
from analysis.text.structure import (along_chapter, corrections_in_context, editorial_notes,
                                     kind_summary, paragraph_stats, sentence_stats)

__all__ = ["KINDS", "SEED_SHA256", "Chapter", "OffsetMap", "Source", "along_chapter",
           "apply_corrections", "check_corrections", "corrections_for", "corrections_in_context",
           "data_path", "default_seed_path", "editorial_notes", "empty_corrections",
           "episode_positions", "kind_summary", "load_abbreviations", "load_chapter",
           "load_corrections", "load_episodes", "paragraph_stats", "read_source",
           "sentence_stats"]
