"""Which people are named where each theme is dense, and whether by more than chance.

:func:`theme_ties` ranks the people by the mean theme score of the paragraphs
naming them, over the theme's mean (the ``lift``); :func:`tie_chance` says how
often as many paragraphs drawn at random score as high.

Example:
    >>> ties = theme_ties(mentions(chapter, register, shared_names), paragraph_scores(chapter, lexicon), register)
    >>> ties.groupby("theme", sort=False).size().index.tolist()
    ['terror', 'nep', 'free_thought']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.themes.scoring import theme_columns


def theme_ties(found: pd.DataFrame, paragraph_scores: pd.DataFrame, register: pd.DataFrame,
               min_paragraphs: int = 2, top: int = 5, themes: list[str] | None = None,
               include_notes: bool = False) -> pd.DataFrame:
    """The people most tied to each theme: mean theme score of the paragraphs naming them.

    Args:
        found: mentions from :func:`analysis.people.mentions.mentions` (notes included if present).
        paragraph_scores: ``paragraph_id`` and one column per theme (e.g.
            ``analysis.themes.paragraph_scores``).
        register: the register (for names).
        min_paragraphs: people named in fewer distinct paragraphs are left out.
        top: how many people to keep per theme.
        themes: the theme columns; ``None`` means every numeric column but
            ``paragraph_id``, ``start`` and ``end``.
        include_notes: count mentions in the editorial notes too (when
            ``found`` has an ``in_note`` column).

    Returns:
        ``theme, rank, person_id, name, paragraphs, mean_score, lift`` where
        ``lift`` is the mean score over the chapter-wide mean of that theme
        (above 1: the theme is denser around this person than on average).

    Example:
        >>> found = pd.DataFrame({"person_id": ["a", "a", "b", "b"],
        ...                       "paragraph_id": [1, 2, 2, 3]})
        >>> scores = pd.DataFrame({"paragraph_id": [1, 2, 3], "start": [0, 9, 20],
        ...                        "terror": [2.0, 1.0, 0.0]})
        >>> reg = pd.DataFrame({"person_id": ["a", "b"], "name": ["A", "B"]})
        >>> theme_ties(found, scores, reg)[["person_id", "mean_score", "lift"]].values.tolist()
        [['a', 1.5, 1.5], ['b', 0.5, 0.5]]
    """
    if themes is None:
        themes = theme_columns(paragraph_scores)
    use = (found if include_notes or "in_note" not in found.columns
           else found[~found["in_note"].astype(bool)])
    pairs = use[["person_id", "paragraph_id"]].drop_duplicates().merge(
        paragraph_scores, on="paragraph_id")
    sizes = pairs.groupby("person_id").size()
    keep = sizes[sizes >= min_paragraphs].index
    means = pairs[pairs["person_id"].isin(keep)].groupby("person_id")[themes].mean()
    names = register.set_index("person_id")["name"]
    frames = []
    for theme in themes:
        col = means[theme].rename("mean_score").reset_index()
        col = col.sort_values(["mean_score", "person_id"], ascending=[False, True]).head(top)
        base = float(paragraph_scores[theme].mean())
        frames.append(col.assign(
            theme=theme, rank=np.arange(1, len(col) + 1),
            name=col["person_id"].map(names), paragraphs=col["person_id"].map(sizes),
            lift=col["mean_score"] / base if base else np.nan))
    columns = ["theme", "rank", "person_id", "name", "paragraphs", "mean_score", "lift"]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def tie_chance(ties: pd.DataFrame, paragraph_scores: pd.DataFrame,
               paragraphs: pd.Series | list[int] | None = None, n_perm: int = 2000,
               seed: int = 0) -> pd.DataFrame:
    """How often as many paragraphs drawn at random are as dense in the theme as a person's.

    For each row of ``ties`` (a person, a theme, the ``paragraphs`` naming them
    and their ``mean_score``), ``n_perm`` sets of as many paragraphs are drawn
    without replacement from ``paragraphs`` (``None``: every paragraph of
    ``paragraph_scores``); ``p`` is the share of draws whose mean theme score is
    at least the person's, counting the person's own set ((hits + 1) / (n_perm + 1),
    so never 0). A person picked as the top of a ranking is expected to look
    unusual: read ``p`` as a pointer, not a test of that person.

    Args:
        ties: from :func:`theme_ties`.
        paragraph_scores: ``paragraph_id`` and one column per theme.
        paragraphs: the ``paragraph_id`` s to draw from (e.g. the narration's).
        n_perm, seed: the draws (seeded, so the same on every run).

    Returns:
        ``ties`` with a column ``p``.

    Raises:
        ValueError: a person named in more paragraphs than there are to draw from.

    Example:
        >>> ties = pd.DataFrame({"theme": ["terror", "terror"], "person_id": ["a", "b"],
        ...                      "paragraphs": [2, 2], "mean_score": [4.0, 0.0]})
        >>> scores = pd.DataFrame({"paragraph_id": [1, 2, 3, 4], "terror": [4.0, 4.0, 0.0, 0.0]})
        >>> p = tie_chance(ties, scores, n_perm=999)["p"]  # a's pair is 1 of the 6 pairs
        >>> bool(abs(p[0] - 1 / 6) < 0.03), float(p[1])
        (True, 1.0)
    """
    pool = paragraph_scores.set_index("paragraph_id")
    if paragraphs is not None:
        pool = pool.loc[pool.index.isin(list(paragraphs))]
    rng = np.random.default_rng(seed)
    p = []
    for row in ties.itertuples(index=False):
        values = pool[row.theme].to_numpy(dtype=float)
        k = int(row.paragraphs)
        if k > len(values):
            raise ValueError(f"{row.person_id} is named in {k} paragraphs, more than the "
                             f"{len(values)} to draw from")
        draws = np.argsort(rng.random((n_perm, len(values))), axis=1)[:, :k]
        means = values[draws].mean(axis=1)
        hits = int((means >= float(row.mean_score) - 1e-12).sum())
        p.append((hits + 1) / (n_perm + 1))
    return ties.assign(p=p)
