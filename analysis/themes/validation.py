"""Theme scores against hand annotations of the paragraphs (0 absent, 1 present, 2 dominant).

Two readers label every narrative paragraph; :func:`reader_agreement` says how
far they agree and :func:`reference_annotation` gives the reference their
adjudication settles. Scores are measured against any of them
(:func:`agreement`, :func:`compare_scores`, :func:`compare_readers`), on all
paragraphs or on a held-out half (:func:`split_halves`).

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

from analysis import readers, stats
from analysis.errors import AnalysisError, DataFileError
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


def reference_annotation(a: pd.DataFrame, b: pd.DataFrame,
                         adjudication: pd.DataFrame) -> pd.DataFrame:
    """The reference labels of two readers: their label where they agree, the adjudicated one elsewhere.

    ``a`` and ``b`` are two readers' annotations (:func:`load_annotation`),
    ``adjudication`` the third pass over their disagreements
    (``analysis.text.annotations.load_theme_adjudication``). Returns
    ``paragraph_id, start, end, theme, label`` (the reference), ``reader_a,
    reader_b, how`` (``agreed`` or ``adjudicated``; :func:`analysis.readers.reference`),
    ``reason`` (the adjudicator's where adjudicated, else reader A's),
    ``reason_a`` and ``reason_b``, in reader A's row order; usable wherever an
    annotation is.

    Raises:
        AnalysisError: the adjudication's ``label_a`` or ``label_b`` is not what
            that reader gave, a disagreement has no adjudicated label, or an
            adjudicated paragraph and theme is not a disagreement.

    Example:
        >>> a = load_annotation(chapter, data_path("annotations/themes_reader_a.csv"), lexicon.names)
        >>> b = load_annotation(chapter, data_path("annotations/themes_reader_b.csv"), lexicon.names)
        >>> from analysis.text.annotations import load_theme_adjudication
        >>> adj = load_theme_adjudication(chapter, data_path("annotations/themes_adjudication.csv"), lexicon.names)
        >>> ref = reference_annotation(a, b, adj)
        >>> ref["how"].value_counts().to_dict()
        {'agreed': 132, 'adjudicated': 24}
        >>> ref.set_index(["paragraph_id", "theme"]).loc[(47, "terror"), ["reader_a", "reader_b", "label"]].tolist()
        [1, 2, 2]
    """
    key = ["paragraph_id", "theme"]
    given = a[[*key, "label"]].merge(b[[*key, "label"]], on=key, suffixes=("_a", "_b"))
    check = adjudication[[*key, "label_a", "label_b"]].merge(given, on=key, how="left",
                                                             suffixes=("", "_given"))
    wrong = check[(check["label_a"] != check["label_a_given"])
                  | (check["label_b"] != check["label_b_given"])]
    if len(wrong):
        row = wrong.iloc[0]
        raise AnalysisError(f"the adjudication of paragraph {row['paragraph_id']}, {row['theme']} "
                            f"has labels {row['label_a']}/{row['label_b']}, the readers gave "
                            f"{row['label_a_given']}/{row['label_b_given']}")
    ref = readers.reference(a.rename(columns={"label": "value"}),
                            b.rename(columns={"label": "value"}),
                            adjudication.rename(columns={"adjudicated": "value"}), key)
    out = a[["paragraph_id", "start", "end", "theme", "reason"]].rename(
        columns={"reason": "reason_a"}).merge(ref.rename(columns={"reason": "adjudication"}),
                                              on=key)
    out = out.merge(b[[*key, "reason"]].rename(columns={"reason": "reason_b"}), on=key)
    out = out.assign(label=out["reference"],
                     reason=out["adjudication"].where(out["how"] == "adjudicated",
                                                      out["reason_a"]))
    return out[["paragraph_id", "start", "end", "theme", "label", "reader_a", "reader_b", "how",
                "reason", "reason_a", "reason_b"]]


def reader_agreement(a: pd.DataFrame, b: pd.DataFrame, *, n_boot: int = 1000,
                     seed: int = 0) -> pd.DataFrame:
    """How far two readers' theme labels agree, per theme (:func:`analysis.readers.agreement`).

    Returns ``theme`` (in reader A's order), ``n``, ``exact`` (the share of
    paragraphs given the same label), Krippendorff's ``alpha`` (ordinal), the
    quadratic weighted ``kappa`` and ``spearman``, each with its ``_low`` and
    ``_high`` bootstrap bounds (paragraphs resampled, the same draws for every
    measure).

    Example:
        >>> a = load_annotation(chapter, data_path("annotations/themes_reader_a.csv"), lexicon.names)
        >>> b = load_annotation(chapter, data_path("annotations/themes_reader_b.csv"), lexicon.names)
        >>> table = reader_agreement(a, b, n_boot=100).set_index("theme")
        >>> round(float(table.loc["terror", "alpha"]), 2), round(float(table.loc["nep", "exact"]), 2)
        (0.91, 0.83)
    """
    both = a.merge(b, on=["paragraph_id", "theme"], suffixes=("_a", "_b"))
    rows = []
    for theme, group in both.groupby("theme", sort=False):
        x, y = group["label_a"], group["label_b"]
        row = readers.agreement(x, y, readers.THEME, n_boot=n_boot, seed=seed)
        row["exact_low"], row["exact_high"] = stats.bootstrap(
            lambda u, v: float((u.to_numpy() == v.to_numpy()).mean()), x, y, n_boot=n_boot,
            seed=seed)
        rows.append(row.rename(theme))
    table = pd.DataFrame(rows).rename_axis("theme").reset_index().astype({"n": int})
    measures = [f"{m}{end}" for m in ("exact", "alpha", "kappa", "spearman")
                for end in ("", "_low", "_high")]
    return table[["theme", "n", *measures]]


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


def compare_readers(scores: dict[str, pd.DataFrame], annotations: dict[str, pd.DataFrame], *,
                    n_boot: int = 2000, seed: int = 2121) -> pd.DataFrame:
    """:func:`compare_scores` against several annotations: ``annotation`` (the dict key), then its columns.

    Example:
        >>> tables = {m: paragraph_scores(chapter, lexicon, method=m) for m in ("count", "context")}
        >>> a = load_annotation(chapter, data_path("annotations/themes_reader_a.csv"), lexicon.names)
        >>> b = load_annotation(chapter, data_path("annotations/themes_reader_b.csv"), lexicon.names)
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
        >>> a = load_annotation(chapter, data_path("annotations/themes_reader_a.csv"), lexicon.names)
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
