"""What the people page's parts share: its settings and the tables computed once.

Each table is computed once per :class:`~analysis.results.Analyses`
(:func:`~analysis.pages.once`: the page's numbers, figures and tables all ask for
it); the page *The text at a glance* shows the first rows of :func:`ties`.

Example:
    >>> from analysis.pages import current
    >>> labels(current())["bela_kun"], ties(current()) is ties(current())
    ('Bela Kun', True)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import people
from analysis.datafiles import FILE_NAMES
from analysis.pages import once
from analysis.people.fates import fate_summary
from analysis.people.figures import network_layout
from analysis.results import Analyses
from analysis.synthesis.portrayal import portrayal_compared
from analysis.synthesis.ties import theme_ties, tie_chance

#: People in the portrayal need this many sentences; the bootstrap's resamples and seed.
MIN_SENTENCES, N_BOOT, SEED = 3, 2000, 0
#: People tied to a theme need this many paragraphs; how many per theme; the random draws.
MIN_PARAGRAPHS, TOP_TIES, N_PERM = 2, 5, 2000
#: The seed of the network's layout (the static and the interactive figure share it).
LAYOUT_SEED = 4


@once
def labels(results: Analyses) -> pd.Series:
    """Each person's label (:func:`analysis.people.mentions.labels`), by ``person_id``."""
    return people.labels(results.mentions, results.register)


@once
def counts(results: Analyses) -> pd.DataFrame:
    """Mention counts (:func:`analysis.people.mentions.mention_counts`) with the labels as ``name``."""
    table = people.mention_counts(results.mentions, results.register)
    return table.assign(name=table["person_id"].map(labels(results)))


@once
def named_register(results: Analyses) -> pd.DataFrame:
    """The register's rows of the people the text names (a register made for another text
    may hold many it does not)."""
    ids = set(results.mentions["person_id"])
    return results.register[results.register["person_id"].isin(ids)].reset_index(drop=True)


@once
def layout(results: Analyses) -> dict[str, np.ndarray]:
    """The network's positions (:func:`analysis.people.figures.network_layout`)."""
    return network_layout(results.network, seed=LAYOUT_SEED)


@once
def compared(results: Analyses) -> pd.DataFrame | None:
    """The portrayal by the method and the readers' reference (``None``: no tone reference)."""
    return portrayal_compared(results.mentions, results.sentence_scores, results.tone_reference,
                              results.register, min_sentences=MIN_SENTENCES, n_boot=N_BOOT,
                              seed=SEED)


@once
def ties(results: Analyses) -> pd.DataFrame:
    """The people tied to each theme, with how often random paragraphs are as dense (``p``)."""
    table = theme_ties(results.mentions, results.paragraph_scores, results.register,
                       min_paragraphs=MIN_PARAGRAPHS, top=TOP_TIES, themes=results.lexicon.names)
    narration = results.chapter.paragraphs.query("kind == 'narrative'")["paragraph_id"]
    return tie_chance(table, results.paragraph_scores, narration, n_perm=N_PERM, seed=SEED)


def borrowed(results: Analyses) -> bool:
    """Whether the register was made for another text (the bundled one, used for want of the text's own)."""
    return FILE_NAMES["people"] in results.files.fallbacks(results.chapter)


def has_record(results: Analyses) -> bool:
    """Whether the register gives how the people named died (a ``death`` column with a value)."""
    reg = named_register(results)
    return "death" in reg.columns and bool((reg["death"].fillna("") != "").any())


def killer(results: Analyses) -> str | None:
    """The killer of the most people named (``None``: nobody is recorded killed)."""
    if not has_record(results):
        return None
    summary = fate_summary(named_register(results), by="killed_by")
    return None if summary.empty else str(summary.iloc[0]["killed_by"])
