"""A revision of one theme's list, made from half of the paragraphs and measured on the other half.

A list revised while its author looks at the readers' labels fits the labels it
was revised on. A :class:`Revision` says what was changed (so that the list
before it can be rebuilt from the lexicon) and how the paragraphs were split
(:func:`analysis.themes.validation.split_halves`); the functions here measure
the list before and after it on the development half, the held-out half and
all paragraphs, against the reference (or the one reader).

Example:
    >>> rev = Revision("free_thought", added=("legend*",), earlier_weights={"intellectual*": 2},
    ...                seed=1921, target=0.9)
    >>> n = revision_numbers(Analyses(chapter), rev)
    >>> n["themes_n_dev"] + n["themes_n_held"], n["themes_target_free_thought"]
    (52, 0.9)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from analysis import themes
from analysis.errors import AnalysisError
from analysis.pages import as_number, at, once
from analysis.pages.figures import CompactFigure
from analysis.pages.themes.measures import standard
from analysis.results import Analyses
from analysis.themes import figures

#: The halves as the page names them in its keys (``themes_split_auc_after_held_<theme>``).
SHORT = {"development": "dev", "held-out": "held", "all": "all"}


@dataclass(frozen=True)
class Revision:
    """A revision of one theme's list, tested on a held-out half of the paragraphs.

    - ``theme``: the theme whose list was revised;
    - ``added``: the terms the revision added (as written in the lexicon);
    - ``earlier_weights``: term -> its weight before the revision;
    - ``removed``: term -> weight, the terms the revision took out;
    - ``seed``: the seed of the random split (:func:`analysis.themes.validation.split_halves`);
    - ``target``: the AUC the theme should reach against the reference (``None``: none set).

    Mappings are kept as tuples of pairs, so that a revision can name a result it keeps.
    """

    theme: str
    added: tuple[str, ...] = ()
    earlier_weights: tuple[tuple[str, float], ...] | Mapping[str, float] = ()
    removed: tuple[tuple[str, float], ...] | Mapping[str, float] = ()
    seed: int = 0
    target: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "added", tuple(self.added))
        for name in ("earlier_weights", "removed"):
            value = getattr(self, name)
            pairs = value.items() if isinstance(value, Mapping) else value
            object.__setattr__(self, name, tuple((str(k), float(w)) for k, w in pairs))

    def before(self, lexicon: themes.Lexicon) -> themes.Lexicon:
        """The lexicon as it was before the revision (:func:`analysis.themes.lexicon.variant`).

        Raises:
            AnalysisError: the theme is not in the lexicon, or the revision names a
                term its list does not hold (or already holds).
        """
        try:
            return themes.variant(lexicon, self.theme, drop=list(self.added),
                                  weights=dict(self.earlier_weights), add=dict(self.removed))
        except ValueError as exc:
            raise AnalysisError(f"the revision of {self.theme!r} does not fit the lexicon "
                                f"{lexicon.path}: {exc}") from None


def halves(results: Analyses, revision: Revision) -> pd.DataFrame:
    """The narrative paragraphs split by the revision's seed: ``paragraph_id, half``."""
    return themes.split_halves(results.chapter.narrative_ids(), seed=revision.seed)


@once
def split(results: Analyses, revision: Revision) -> pd.DataFrame | None:
    """AUC of the list before and after the revision, on each half and on all paragraphs."""
    ref = standard(results)
    if ref is None:
        return None
    before = themes.paragraph_scores(results.chapter, revision.before(results.lexicon))
    return themes.compare_halves({"before": before, "after": results.paragraph_scores}, ref,
                                 halves(results, revision))


def revision_numbers(results: Analyses, revision: Revision) -> dict[str, object]:
    """The numbers the prose names about the revision (``None`` where the text has no reference)."""
    parts = halves(results, revision)["half"]
    out: dict[str, object] = {f"themes_target_{revision.theme}": revision.target,
                              "themes_n_dev": int((parts == "development").sum()),
                              "themes_n_held": int((parts == "held-out").sum())}
    table = split(results, revision)
    table = None if table is None else table.set_index(["method", "half", "theme"])
    for half, short in SHORT.items():
        for t in results.lexicon.names:
            out[f"themes_split_n_{short}_{t}"] = at(table, ("after", half, t), "n_present", 0)
            for version in ("before", "after"):
                for end in ("", "_low", "_high"):
                    out[f"themes_split_auc_{version}_{short}_{t}{end}"] = at(
                        table, (version, half, t), "auc" + end, 2)
    for t in results.lexicon.names:
        out[f"themes_auc_before_{t}"] = (None if table is None else
                                         as_number(table.loc[("before", "all", t), "auc"], 2))
    return out


def halves_table(results: Analyses, revision: Revision) -> pd.DataFrame:
    """Each half: how many paragraphs, and which."""
    return halves(results, revision).groupby("half")["paragraph_id"].agg(
        n="size", paragraphs=lambda s: ", ".join(str(p) for p in s))


def revision_table(results: Analyses, revision: Revision) -> pd.DataFrame:
    """The terms the revision changed: weight before and after, with the note each carries."""
    return themes.compare_lexicons(revision.before(results.lexicon), results.lexicon)


def split_table(results: Analyses, revision: Revision) -> pd.DataFrame | None:
    """:func:`split` as the page shows it: the list before and after, AUC with interval."""
    table = split(results, revision)
    return None if table is None else table[
        ["half", "method", "theme", "n_present", "auc", "auc_low", "auc_high"]].rename(
        columns={"method": "lexicon"}).round(2)


def figure_split(results: Analyses, revision: Revision) -> CompactFigure | None:
    """:func:`split` drawn: one panel per theme, one row per half (a dashed line at the target)."""
    table = split(results, revision)
    if table is None:
        return None
    targets = None if revision.target is None else {revision.theme: revision.target}
    return CompactFigure(figures.plot_auc_by_reader(table, results.lexicon, row="half",
                                                    targets=targets))
