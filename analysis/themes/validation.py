"""Theme scores against the readers' labels of the paragraphs (0 absent, 1 present, 2 dominant).

Two readers label every narrative paragraph for every theme, and an adjudicator
settles their disagreements: :func:`load_theme_readings` reads the three files
into one :class:`~analysis.readers.Readings`, whose agreement, disagreements and
reference are those of every annotation set. Scores are measured against a
reader or the reference (:func:`agreement`, :func:`compare_scores`,
:func:`compare_readers`), on all paragraphs or on a held-out half
(:func:`split_halves`).

Example:
    >>> themes_read = load_theme_readings(chapter, {
    ...     "reader_a": data_path("annotations/themes_reader_a.csv"),
    ...     "reader_b": data_path("annotations/themes_reader_b.csv"),
    ...     "adjudication": data_path("annotations/themes_adjudication.csv")}, lexicon.names)
    >>> ref = themes_read.reference()
    >>> ref["how"].value_counts().to_dict()
    {'agreed': 132, 'adjudicated': 24}
    >>> ref.set_index(["paragraph_id", "theme"]).loc[(47, "terror"), ["reader_a", "reader_b", "label"]].tolist()
    [1, 2, 2]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats as scipy_stats

from analysis import readers, stats
from analysis.errors import DataFileError
from analysis.readers import Readings
from analysis.schema import Field, TableSchema
from analysis.text import Chapter
from analysis.text.anchoring import ANCHOR_FIELDS
from analysis.text.annotations import REASON, adjudication_schema, anchoring_note, load_paragraphs

#: A paragraph's label for a theme.
LABEL = Field("label", "integer", required=True, minimum=min(readers.THEME),
              maximum=max(readers.THEME), description="0 absent, 1 present, 2 dominant")

#: A paragraph's themes by one reader, one row per narrative paragraph and theme.
THEMES = TableSchema((*ANCHOR_FIELDS,
                      Field("theme", required=True, description="a theme of the lexicon"),
                      LABEL, REASON))

#: The adjudication of the two readers' disagreements on themes.
THEME_ADJUDICATION = TableSchema((*ANCHOR_FIELDS[:5], THEMES.field("theme"),
                                  *adjudication_schema(LABEL).fields[5:]))


def load_theme_readings(chapter: Chapter, paths: Mapping[str, Path],
                        themes: list[str]) -> Readings:
    """The theme annotation of ``chapter``: ``reader_a`` (required), ``reader_b``, ``adjudication``.

    Each reader's file quotes every narrative paragraph (its text, or the
    opening of a long one) once per theme, with a ``label`` and a ``reason``
    (:data:`THEMES`); the adjudication follows :data:`THEME_ADJUDICATION`. Each
    table has ``paragraph_id, start, end`` (the paragraph's span), ``theme``,
    the values and ``reason``. Rows whose quote is not in this copy of the text
    are left out and the ``notes`` say so; when every row anchored, a narrative
    paragraph and theme left unlabelled by a reader is an error.

    Raises:
        DataFileError: naming the file, row (header = row 1) and column: a
            missing column, a paragraph that is not narrative, an unknown theme,
            a label other than 0/1/2, an empty reason, a duplicate, a paragraph
            and theme left unlabelled, or an adjudication that does not fit.

    See the module's example.
    """
    names = list(themes)
    tables = {}
    for role, path in paths.items():
        schema = THEME_ADJUDICATION if role == "adjudication" else THEMES
        schema = replace(schema, fields=tuple(replace(f, enum=tuple(names)) if f.name == "theme"
                                              else f for f in schema.fields))
        table = load_paragraphs(chapter, path, schema, "theme")
        if role != "adjudication" and not anchoring_note(table):
            given = set(zip(table["paragraph_id"], table["theme"]))
            for pid in chapter.narrative_ids():
                for theme in names:
                    if (pid, theme) not in given:
                        raise DataFileError(f"{path}: no row for paragraph {pid} and theme "
                                            f"{theme} (every narrative paragraph needs every theme)")
        tables[role] = table
    notes = tuple(line for table in tables.values() for line in anchoring_note(table))
    return Readings("themes", ("paragraph_id", "theme"), "label", readers.THEME,
                    tables["reader_a"], tables.get("reader_b"), tables.get("adjudication"),
                    sources={role: str(path) for role, path in paths.items()}, notes=notes)


def split_halves(paragraph_ids: pd.Series | list[int], seed: int) -> pd.DataFrame:
    """Split paragraphs into a development half and a held-out half by a seeded random draw.

    The ids are sorted, permuted with ``numpy.random.default_rng(seed)``; the
    first half of the permutation (rounded down) is ``development``, the rest
    ``held-out``. Returns ``paragraph_id, half``, sorted by id.

    Example:
        >>> halves = split_halves([3, 4, 5, 6, 7], seed=1)
        >>> halves["half"].value_counts().to_dict()
        {'held-out': 3, 'development': 2}
    """
    ids = np.sort(np.asarray(paragraph_ids, dtype=int))
    order = np.random.default_rng(seed).permutation(ids)
    half = {int(p): "development" for p in order[:len(ids) // 2]}
    return pd.DataFrame({"paragraph_id": ids,
                         "half": [half.get(int(p), "held-out") for p in ids]})


def agreement(scores: pd.DataFrame, annotation: pd.DataFrame, *, n_boot: int = 2000,
              seed: int = 2121) -> pd.DataFrame:
    """Agreement of paragraph scores with an annotation (a reader's or the reference), per theme.

    ``auc``: ROC AUC for present (label ≥ 1) against absent, with a percentile
    bootstrap 95% interval (``auc_low``, ``auc_high``; paragraphs resampled
    ``n_boot`` times with a seeded generator); ``spearman``: rank correlation
    with the 0/1/2 labels (and its ``spearman_p``). Only annotated paragraphs count;
    ``NaN`` where a measure is undefined (one class only, or constant scores).

    Example:
        >>> ag = agreement(paragraph_scores(chapter, lexicon), files.readings("themes", chapter).reader_a, n_boot=200)
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
        >>> compare_scores(tables, files.readings("themes", chapter).reader_a, n_boot=100)["method"].unique().tolist()
        ['count', 'context']
    """
    table = pd.concat([agreement(frame, annotation, n_boot=n_boot, seed=seed).assign(method=name)
                       for name, frame in scores.items()], ignore_index=True)
    return table[["method", *[c for c in table.columns if c != "method"]]]


def compare_readers(scores: dict[str, pd.DataFrame], annotations: dict[str, pd.DataFrame], *,
                    n_boot: int = 2000, seed: int = 2121) -> pd.DataFrame:
    """:func:`compare_scores` against several annotations: ``annotation`` (the dict key), then its columns.

    Example:
        >>> tables = {m: paragraph_scores(chapter, lexicon, method=m) for m in ("count", "context")}
        >>> a = files.readings("themes", chapter).reader_a
        >>> b = files.readings("themes", chapter).reader_b
        >>> table = compare_readers(tables, {"reader A": a, "reader B": b}, n_boot=100)
        >>> table.groupby("annotation", sort=False).size().to_dict()
        {'reader A': 6, 'reader B': 6}
    """
    table = pd.concat([compare_scores(scores, frame, n_boot=n_boot, seed=seed).assign(annotation=name)
                       for name, frame in annotations.items()], ignore_index=True)
    return table[["annotation", *[c for c in table.columns if c != "annotation"]]]


def compare_halves(scores: dict[str, pd.DataFrame], annotation: pd.DataFrame,
                   halves: pd.DataFrame, *, n_boot: int = 2000, seed: int = 2121) -> pd.DataFrame:
    """:func:`compare_scores` on each half of a split (:func:`split_halves`) and on all paragraphs.

    The scores are computed on the whole chapter (a paragraph's context score
    may draw on a neighbour of the other half); only the labels are split.
    Returns ``half`` (the halves in alphabetical order, ``development`` then
    ``held-out``, then ``all``), then the columns of :func:`compare_scores`.

    Example:
        >>> a = files.readings("themes", chapter).reader_a
        >>> halves = split_halves(a["paragraph_id"].unique(), seed=1921)
        >>> table = compare_halves({"context": paragraph_scores(chapter, lexicon)}, a, halves, n_boot=100)
        >>> table.groupby("half", sort=False)["n"].first().to_dict()
        {'development': 26, 'held-out': 26, 'all': 52}
    """
    parts = {half: annotation[annotation["paragraph_id"].isin(group["paragraph_id"])]
             for half, group in halves.groupby("half", sort=True)}
    parts["all"] = annotation
    table = pd.concat([compare_scores(scores, part, n_boot=n_boot, seed=seed).assign(half=half)
                       for half, part in parts.items()], ignore_index=True)
    return table[["half", *[c for c in table.columns if c != "half"]]]


def silent_annotation(annotation: pd.DataFrame, hits: pd.DataFrame) -> pd.DataFrame:
    """The annotation rows whose paragraph has no lexicon hit for the theme.

    On these, every lexicon-only score is zero: they test whether context
    recovers a theme that a paragraph never names.

    Example:
        >>> annotation = files.readings("themes", chapter).reader_a
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
        >>> int(annotated_cooccurrence(files.readings("themes", chapter).reader_a).loc["terror", "free_thought"])
        16
    """
    present = annotation.pivot(index="paragraph_id", columns="theme", values="label") > 0
    order = list(dict.fromkeys(annotation["theme"]))
    present = present[order].astype(int)
    return present.T @ present


def score_errors(scores: pd.DataFrame, annotation: pd.DataFrame, *, n: int = 3) -> pd.DataFrame:
    """Where the scores and an annotation (a reader's or the reference) disagree most, per theme.

    ``missed``: the ``n`` paragraphs labelled present or dominant with the
    lowest scores; ``false alarm``: the ``n`` labelled absent with the highest
    scores. Returns ``theme, error, paragraph_id, label, score, reason``.

    Example:
        >>> d = score_errors(paragraph_scores(chapter, lexicon), files.readings("themes", chapter).reader_a, n=1)
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
