"""Theme scores against a hand annotation of the paragraphs (0 absent, 1 present, 2 dominant).

Example:
    >>> annotation = load_annotation(chapter, data_path("annotations/themes_reader_a.csv"), lexicon.names)
    >>> sorted(annotation["label"].unique().tolist())
    [0, 1, 2]
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats as scipy_stats

from analysis import stats
from analysis.errors import DataFileError
from analysis.text import Chapter
from analysis.text.annotations import THEMES, load_paragraphs


def load_annotation(chapter: Chapter, path: str | Path, themes: list[str]) -> pd.DataFrame:
    """Read and check a hand annotation of the paragraphs' themes (an anchored CSV file).

    Each row quotes a narrative paragraph (its text, or the opening of a long
    one: :mod:`analysis.text.anchoring`), anchored in the chapter as loaded, then
    gives a ``theme``, its ``label`` (0 absent, 1 present, 2 dominant) and a
    ``reason`` (:data:`analysis.text.annotations.THEMES`). Returns ``paragraph_id,
    start, end, theme, label, reason`` (the paragraph's span); how the rows
    anchored is ``attrs["anchoring"]``.

    Raises:
        DataFileError: naming the file, row (header = row 1) and column: a
            missing column, a quote not found, a paragraph that is not narrative,
            an unknown theme, a label other than 0/1/2, an empty reason, a
            duplicate, or a narrative paragraph and theme left unannotated.

    Example:
        >>> ann = load_annotation(chapter, data_path("annotations/themes_reader_a.csv"), lexicon.names)
        >>> ann.groupby("theme")["label"].apply(lambda s: int((s > 0).sum())).to_dict()
        {'free_thought': 26, 'nep': 16, 'terror': 24}
    """
    names = list(themes)
    table = load_paragraphs(chapter, path, THEMES, names)
    given = set(zip(table["paragraph_id"], table["theme"]))
    paras = chapter.paragraphs
    for pid in paras.loc[paras["kind"] == "narrative", "paragraph_id"]:
        for theme in names:
            if (pid, theme) not in given:
                raise DataFileError(f"{path}: no row for paragraph {pid} and theme {theme} "
                                    "(every narrative paragraph needs every theme)")
    return table


def agreement(scores: pd.DataFrame, annotation: pd.DataFrame, *, n_boot: int = 2000,
              seed: int = 2121) -> pd.DataFrame:
    """Agreement of paragraph scores with the hand annotation, per theme.

    ``auc``: ROC AUC for present (label ≥ 1) against absent, with a percentile
    bootstrap 95% interval (``auc_low``, ``auc_high``; paragraphs resampled
    ``n_boot`` times with a seeded generator); ``spearman``: rank correlation
    with the 0/1/2 labels (and its ``spearman_p``). Only annotated paragraphs count;
    ``NaN`` where a measure is undefined (one class only, or constant scores).

    Example:
        >>> ag = agreement(paragraph_scores(chapter, lexicon), load_annotation(chapter, data_path("annotations/themes_reader_a.csv"), lexicon.names), n_boot=200)
        >>> bool((ag["auc"] > 0.7).all())
        True
    """
    rng = np.random.default_rng(seed)
    rows = []
    for theme, group in annotation.groupby("theme", sort=False):
        merged = group.merge(scores[["paragraph_id", theme]], on="paragraph_id")
        score = merged[theme].to_numpy(dtype=float)
        present = merged["label"].to_numpy() > 0
        draw = stats.resample(len(merged), n_boot, rng)
        low, high = stats.percentile_interval(stats.auc_rows(score[draw], present[draw]))
        constant = np.ptp(score) == 0 or np.ptp(merged["label"].to_numpy()) == 0
        rho = ((np.nan, np.nan) if constant
               else scipy_stats.spearmanr(score, merged["label"].to_numpy()))
        rows.append({"theme": theme, "n": len(merged), "n_present": int(present.sum()),
                     "auc": (stats.auc(score, present) if 0 < present.sum() < len(present)
                             else np.nan),
                     "auc_low": low, "auc_high": high,
                     "spearman": float(rho[0]), "spearman_p": float(rho[1])})
    return pd.DataFrame(rows)


def compare_scores(scores: dict[str, pd.DataFrame], annotation: pd.DataFrame, *,
                   n_boot: int = 2000, seed: int = 2121) -> pd.DataFrame:
    """:func:`agreement` for several score tables: ``method`` (the dict key) then its columns.

    Example:
        >>> tables = {m: paragraph_scores(chapter, lexicon, method=m) for m in ("count", "context")}
        >>> compare_scores(tables, load_annotation(chapter, data_path("annotations/themes_reader_a.csv"), lexicon.names), n_boot=100)["method"].unique().tolist()
        ['count', 'context']
    """
    table = pd.concat([agreement(frame, annotation, n_boot=n_boot, seed=seed).assign(method=name)
                       for name, frame in scores.items()], ignore_index=True)
    return table[["method", *[c for c in table.columns if c != "method"]]]


def silent_annotation(annotation: pd.DataFrame, hits: pd.DataFrame) -> pd.DataFrame:
    """The annotation rows whose paragraph has no lexicon hit for the theme.

    On these, every lexicon-only score is zero: they test whether context
    recovers a theme that a paragraph never names.

    Example:
        >>> annotation = load_annotation(chapter, data_path("annotations/themes_reader_a.csv"), lexicon.names)
        >>> silent = silent_annotation(annotation, theme_hits(chapter, lexicon))
        >>> silent[(silent["label"] > 0) & (silent["theme"] == "terror")]["paragraph_id"].tolist()
        [47, 56]
    """
    lexicon_only = hits[hits["source"] == "lexicon"]
    named = set(zip(lexicon_only["paragraph_id"], lexicon_only["theme"]))
    keep = [(p, t) not in named for p, t in zip(annotation["paragraph_id"], annotation["theme"])]
    return annotation[keep].reset_index(drop=True)


def annotated_cooccurrence(annotation: pd.DataFrame) -> pd.DataFrame:
    """Theme × theme: how many paragraphs the annotation gives both themes (label ≥ 1).

    The diagonal is the number of paragraphs with the theme.

    Example:
        >>> int(annotated_cooccurrence(load_annotation(chapter, data_path("annotations/themes_reader_a.csv"), lexicon.names)).loc["terror", "free_thought"])
        16
    """
    present = annotation.pivot(index="paragraph_id", columns="theme", values="label") > 0
    order = list(dict.fromkeys(annotation["theme"]))
    present = present[order].astype(int)
    return present.T @ present


def disagreements(scores: pd.DataFrame, annotation: pd.DataFrame, *,
                  n: int = 3) -> pd.DataFrame:
    """Where the scores and the hand annotation disagree most, per theme.

    ``missed``: the ``n`` paragraphs labelled present or dominant with the
    lowest scores; ``false alarm``: the ``n`` labelled absent with the highest
    scores. Returns ``theme, error, paragraph_id, label, score, reason``.

    Example:
        >>> d = disagreements(paragraph_scores(chapter, lexicon), load_annotation(chapter, data_path("annotations/themes_reader_a.csv"), lexicon.names), n=1)
        >>> d["error"].unique().tolist()
        ['missed', 'false alarm']
    """
    rows = []
    for theme, group in annotation.groupby("theme", sort=False):
        merged = group.merge(scores[["paragraph_id", theme]], on="paragraph_id")
        merged = merged.rename(columns={theme: "score"}).assign(theme=theme)
        present = merged[merged["label"] > 0].sort_values(["score", "paragraph_id"])
        absent = merged[merged["label"] == 0].sort_values(["score", "paragraph_id"],
                                                          ascending=[False, True])
        rows += [present.head(n).assign(error="missed"),
                 absent.head(n).assign(error="false alarm")]
    out = pd.concat(rows, ignore_index=True)
    return out[["theme", "error", "paragraph_id", "label", "score", "reason"]]
