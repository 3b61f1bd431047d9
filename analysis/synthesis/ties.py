"""Which people are named where each theme is dense.

Example:
    >>> ties = theme_ties(mentions(chapter, register), paragraph_scores(chapter, lexicon), register)
    >>> ties.groupby("theme", sort=False).size().index.tolist()
    ['terror', 'nep', 'free_thought']
"""

from __future__ import annotations

import numpy as np
import pandas as pd


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
        themes = [c for c in paragraph_scores.select_dtypes("number").columns
                  if c not in ("paragraph_id", "start", "end")]
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
