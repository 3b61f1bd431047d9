"""The chapter's episodes: one table, kept as data, used by every page.

The episodes file (``analysis/data/episodes.csv``) lists the stretches into
which a reader divides the chapter, in order: ``episode`` (a short label),
``quote`` (the words that open it, found exactly once in the established
text) and ``description``. An episode runs from its quote to the next
episode's quote; the text before the first belongs to no episode.

Example:
    >>> ep = episode_positions(chapter, episodes)
    >>> ep.loc[3, "episode"], int(ep.loc[3, "paragraph_id"])
    ('comrades from abroad', 16)
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis.errors import DataFileError
from analysis.schema import Field, TableSchema, read_table
from analysis.text.chapter import Chapter

#: The schema of an episodes file, one row per episode, in the order of the text.
EPISODES = TableSchema((
    Field("episode", required=True, unique=True, description="a short label"),
    Field("quote", required=True,
          description="the words that open the episode, found exactly once in the text"),
    Field("description", description="what happens in the episode"),
))


def load_episodes(path: str | Path) -> pd.DataFrame:
    """Read and check an episodes file (``analysis/data/episodes.csv`` for this chapter).

    Raises:
        DataFileError: naming the file, row and column of the first cell that
            breaks the schema (:data:`EPISODES`): a missing column, an empty
            label or quote, or a label given twice.

    Example:
        >>> load_episodes(data_path("episodes.csv")).loc[0, ["episode", "quote"]].tolist()
        ['Third Congress', 'The Third Congress of the Communist International met']
    """
    table = read_table(path, EPISODES)[EPISODES.names].reset_index(drop=True)
    table.attrs["path"] = str(path)
    return table


def episode_positions(chapter: Chapter, episodes: pd.DataFrame) -> pd.DataFrame:
    """Where each episode opens and ends in the chapter.

    Returns ``episode, start, end, sentence_id, paragraph_id, position,
    position_end``: ``start``/``end`` are the seed offsets of the opening
    quote, ``position`` its start as a fraction of the seed text and
    ``position_end`` where the next episode opens (1.0 for the last).

    Raises:
        DataFileError: a quote is not found exactly once in the established
            text, or the episodes are not in the order of the text.

    Example:
        >>> ep = episode_positions(chapter, episodes)
        >>> ep["episode"].iloc[-1], float(ep["position_end"].iloc[-1])
        ('departure', 1.0)
        >>> bool(ep["position"].is_monotonic_increasing)
        True
    """
    name = episodes.attrs.get("path", "episodes")
    length = len(chapter.seed_text)
    rows = []
    for i, row in enumerate(episodes.itertuples(index=False), start=2):
        hits = chapter.find(re.escape(row.quote))
        if len(hits) != 1:
            raise DataFileError(f"{name}: row {i}, column quote: {row.quote!r} is found "
                                f"{len(hits)} times in the text, not exactly once")
        hit = hits.iloc[0]
        rows.append((row.episode, int(hit["start"]), int(hit["end"]), int(hit["sentence_id"]),
                     int(hit["paragraph_id"]), int(hit["start"]) / length))
    table = pd.DataFrame(rows, columns=["episode", "start", "end", "sentence_id", "paragraph_id",
                                        "position"])
    if not table["start"].is_monotonic_increasing:
        raise DataFileError(f"{name}: the episodes are not listed in the order of the text")
    table["position_end"] = table["position"].shift(-1).fillna(1.0)
    return table
