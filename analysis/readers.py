"""Readers and their adjudication: one component for every annotation set.

An annotation set is what readers said of the same units: the tone of each
sentence, the themes of each paragraph, the person each name means, the emotions
of each sentence, the time expressions of the text. Each reader's table holds
the unit's key columns and one value column; where two readers differ, a third
pass (the adjudicator) records both readers' values and settles the unit.
:class:`Readings` holds one set and gives, the same way for every set:

- :meth:`Readings.reference`: the readers' value where they agree, the
  adjudicated one where they do not (or the one reader's value, where the set
  has one reader);
- :meth:`Readings.disagreements`: the units on which two readers differ;
- :meth:`Readings.settled`: how the adjudicator settled them (with reader A,
  with reader B, neither), and how close the reference is to each reader;
- :meth:`Readings.agreement`: how far they agree (exact share, Krippendorff's
  alpha, Cohen's kappa, Spearman's rho where the scale is ordered), each with a
  bootstrap interval over units (:mod:`analysis.stats`).

Every fault of the files (an adjudication that misquotes a reader, a
disagreement left unsettled, an agreement adjudicated) is a
:class:`~analysis.errors.DataFileError` naming the adjudication file.

Example:
    >>> a = pd.DataFrame({"unit": [1, 2, 3, 4], "score": [-2, 0, 1, 2]})
    >>> b = pd.DataFrame({"unit": [1, 2, 3, 4], "score": [-2, 1, 1, 2]})
    >>> adj = pd.DataFrame({"unit": [2], "score_a": [0], "score_b": [1], "adjudicated": [0],
    ...                     "reason": ["a neutral report"]})
    >>> tone = Readings("tone", ("unit",), "score", TONE, a, b, adj)
    >>> tone.reference()[["unit", "score", "how"]].values.tolist()
    [[1, -2, 'agreed'], [2, 0, 'adjudicated'], [3, 1, 'agreed'], [4, 2, 'agreed']]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

import numpy as np
import pandas as pd

from analysis import stats
from analysis.errors import DataFileError

#: The five points of the tone scale (-2 strongly negative .. +2 strongly positive).
TONE: tuple[int, ...] = (-2, -1, 0, 1, 2)
#: The three theme labels — 0 absent, 1 present, 2 dominant.
THEME: tuple[int, ...] = (0, 1, 2)
#: Absent (0) or present (1) — an emotion, hindsight.
PRESENCE: tuple[int, ...] = (0, 1)

#: How each row of a reference was reached.
HOW = ("agreed", "adjudicated", "one reader")


def tone_unit(scores: pd.Series | np.ndarray) -> pd.Series:
    """A tone on the readers' scale (-2..+2) put on the methods' scale (-1..+1).

    Example:
        >>> tone_unit(pd.Series([-2, -1, 0, 2])).tolist()
        [-1.0, -0.5, 0.0, 1.0]
    """
    values = np.asarray(scores, dtype=float) / (len(TONE) // 2)
    return pd.Series(values, index=getattr(scores, "index", None))


def agreement(x: pd.Series, y: pd.Series, scale: tuple[int, ...] | None, *,
              n_boot: int = 1000, seed: int = 0, level: float = 0.95) -> pd.Series:
    """How far two ratings of the same units agree, with bootstrap intervals.

    Returns ``n``, ``exact`` (the share of units given the same value) and, on
    an ordered ``scale``, ``alpha`` (Krippendorff's alpha, ordinal), ``kappa``
    (Cohen's quadratic weighted kappa) and ``spearman``; without a scale (names,
    categories), ``kappa`` is Cohen's unweighted kappa. Each measure has
    ``_low`` and ``_high`` (percentile interval, pairs resampled together).

    Example:
        >>> x = pd.Series([-2, -1, 0, 1, 2, 2, 0, -1])
        >>> r = agreement(x, x, TONE, n_boot=50)
        >>> float(r["alpha"]), float(r["kappa"]), float(r["exact"])
        (1.0, 1.0, 1.0)
        >>> float(agreement(pd.Series(["a", "b", "a"]), pd.Series(["a", "b", "b"]), None,
        ...                 n_boot=20)["kappa"])
        0.4
    """
    x, y = pd.Series(np.asarray(x)), pd.Series(np.asarray(y))
    exact = lambda u, v: float((np.asarray(u) == np.asarray(v)).mean())  # noqa: E731
    if scale is None:
        measures = {"exact": exact, "kappa": stats.cohen_kappa}
    else:
        measures = {"exact": exact,
                    "alpha": lambda u, v: stats.krippendorff_alpha(u, v, scale),
                    "kappa": partial(stats.weighted_kappa, categories=scale),
                    "spearman": stats.spearman}
    out: dict[str, float] = {"n": float(len(x))}
    for name, measure in measures.items():
        out[name] = measure(x, y)
        out[f"{name}_low"], out[f"{name}_high"] = stats.bootstrap(
            measure, x, y, n_boot=n_boot, seed=seed, level=level)
    return pd.Series(out)


@dataclass(frozen=True, eq=False)
class Readings:
    """One annotation set: one or two readers' values of the same units and an adjudication.

    - ``name``: what the set annotates, for messages (``tone``, ``themes`` …);
    - ``key``: the columns that name a unit (``("sentence_id",)``,
      ``("paragraph_id", "theme")``);
    - ``value``: the column holding each reader's value (``score``, ``label`` …);
    - ``scale``: the ordered values of the scale, or ``None`` for names and
      categories (agreement is then measured without order);
    - ``reader_a``, ``reader_b``: each reader's table (``key``, ``value``, an
      optional ``reason`` and the unit's other columns, such as its span);
      ``reader_b`` is ``None`` for a set of one reader;
    - ``adjudication``: ``key``, ``<value>_a``, ``<value>_b`` (the readers' values
      as the adjudicator saw them), ``adjudicated`` and ``reason``, one row per
      unit the readers disagree on; ``None`` where nobody adjudicated;
    - ``sources``: the file each part came from (``reader_a``, ``reader_b``,
      ``adjudication``), named in errors;
    - ``notes``: what a reader of the results should know (rows that did not
      anchor in this copy of the text, units left out).

    Raises:
        DataFileError: the adjudication gives a reader a value that reader did
            not give, adjudicates a unit the readers agree on, or (when every
            adjudication row anchored) leaves a disagreement unsettled.

    Example:
        >>> a = pd.DataFrame({"unit": [1, 2], "label": [0, 1]})
        >>> b = pd.DataFrame({"unit": [1, 2], "label": [0, 2]})
        >>> Readings("themes", ("unit",), "label", THEME, a, b).disagreements().values.tolist()
        [[2, 1, 2]]
    """

    name: str
    key: tuple[str, ...]
    value: str
    scale: tuple[int, ...] | None
    reader_a: pd.DataFrame
    reader_b: pd.DataFrame | None = None
    adjudication: pd.DataFrame | None = None
    sources: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.reader_b is not None and self.adjudication is None:
            open_units = len(self.disagreements())
            if open_units:
                object.__setattr__(self, "notes", (*self.notes, (
                    f"the {self.name} readers disagree on {open_units} unit(s) and no "
                    "adjudication is given: the reference leaves them out")))
        if self.adjudication is not None and self.reader_b is None:
            raise DataFileError(f"{self._source('adjudication')}: an adjudication needs two "
                                f"readers, and the {self.name} annotation has one")
        if self.adjudication is not None:
            self._check_adjudication()

    @property
    def n_readers(self) -> int:
        """How many readers the set has (1 or 2)."""
        return 1 if self.reader_b is None else 2

    def _source(self, part: str) -> str:
        return self.sources.get(part, f"the {self.name} {part.replace('_', ' ')}")

    def paired(self) -> pd.DataFrame:
        """The units both readers annotated: ``key``, ``reader_a``, ``reader_b`` (text order).

        Example:
            >>> a = pd.DataFrame({"unit": [1, 2], "score": [0, 1]})
            >>> Readings("tone", ("unit",), "score", TONE, a, a.iloc[:1]).paired().values.tolist()
            [[1, 0, 0]]
        """
        keys = list(self.key)
        if self.reader_b is None:
            raise DataFileError(f"the {self.name} annotation has one reader: nothing to pair")
        return (self.reader_a[[*keys, self.value]].rename(columns={self.value: "reader_a"})
                .merge(self.reader_b[[*keys, self.value]].rename(columns={self.value: "reader_b"}),
                       on=keys).reset_index(drop=True))

    def disagreements(self) -> pd.DataFrame:
        """The units on which the two readers disagree: ``key``, ``reader_a``, ``reader_b``.

        See the class's example.
        """
        both = self.paired()
        return both[both["reader_a"] != both["reader_b"]].reset_index(drop=True)

    def _check_adjudication(self) -> None:
        keys, adj = list(self.key), self.adjudication
        both = self.paired()
        seen = adj[[*keys, f"{self.value}_a", f"{self.value}_b"]].merge(both, on=keys, how="left")
        for reader in ("a", "b"):
            wrong = seen[seen[f"{self.value}_{reader}"] != seen[f"reader_{reader}"]]
            if len(wrong):
                row = {column: wrong[column].iloc[0] for column in wrong}  # each value its own type
                unit = _unit(keys, [row[k] for k in keys])
                given = row[f"reader_{reader}"]
                has = "nothing" if pd.isna(given) else repr(_plain(given))
                raise DataFileError(f"{self._source('adjudication')}: {unit} is adjudicated with "
                                    f"{self.value}_{reader} {_plain(row[f'{self.value}_{reader}'])!r}"
                                    f", but reader {reader.upper()} gave {has}")
        agreed = adj[[*keys]].merge(both[both["reader_a"] == both["reader_b"]], on=keys)
        if len(agreed):
            unit = _unit(keys, agreed[keys].iloc[0].tolist())
            raise DataFileError(f"{self._source('adjudication')}: {unit} is adjudicated, but the "
                                "readers agree on it")
        complete = not any("not found" in note for note in self.notes
                           if note.startswith(self._source("adjudication")))
        missing = self.disagreements().merge(adj[keys], on=keys, how="left", indicator=True)
        missing = missing[missing["_merge"] == "left_only"]
        if len(missing) and complete:
            unit = _unit(keys, missing[keys].iloc[0].tolist())
            raise DataFileError(f"{self._source('adjudication')}: the readers disagree on {unit} "
                                f"({_plain(missing['reader_a'].iloc[0])!r} against "
                                f"{_plain(missing['reader_b'].iloc[0])!r}) and it is not "
                                "adjudicated")

    def reference(self) -> pd.DataFrame:
        """The reference: the readers' value where they agree, the adjudicated one elsewhere.

        Returns ``key``, the unit's other columns (as reader A gives them),
        ``value`` (the reference value), ``reader_a``, ``reader_b``, ``how``
        (:data:`HOW`), ``reason`` (the adjudicator's where adjudicated, else
        reader A's), ``reason_a`` and ``reason_b``; one row per unit both readers
        annotated (every unit of reader A for a set of one reader), in reader A's
        order. A disagreement whose adjudication row did not anchor in this copy
        of the text is left out (its ``notes`` say so).

        Example:
            >>> a = pd.DataFrame({"unit": [1], "score": [2], "reason": ["praise"]})
            >>> Readings("tone", ("unit",), "score", TONE, a).reference()[
            ...     ["unit", "score", "how"]].values.tolist()
            [[1, 2, 'one reader']]
        """
        keys, value = list(self.key), self.value
        a = self.reader_a.reset_index(drop=True)
        reason_a = a["reason"] if "reason" in a else pd.Series("", index=a.index)
        if self.reader_b is None:
            return a.assign(reader_a=a[value], reader_b=pd.NA, how="one reader",
                            reason=reason_a, reason_a=reason_a, reason_b="")
        b = self.reader_b
        both = self.paired()
        reason_b = (b[[*keys, "reason"]].rename(columns={"reason": "reason_b"}) if "reason" in b
                    else b[keys].assign(reason_b=""))
        adj = (self.adjudication if self.adjudication is not None
               else pd.DataFrame(columns=[*keys, "adjudicated", "reason"]))
        settled = both.merge(adj[[*keys, "adjudicated", "reason"]], on=keys, how="left")
        differ = settled["reader_a"] != settled["reader_b"]
        keep = ~differ | settled["adjudicated"].notna()
        settled = settled[keep]
        differ = differ[keep]
        settled = settled.assign(
            **{value: np.where(differ, settled["adjudicated"], settled["reader_a"])},
            how=np.where(differ, "adjudicated", "agreed"))
        out = (a.drop(columns=[value, "reason"], errors="ignore")
               .assign(reason_a=reason_a)
               .merge(settled.drop(columns=["adjudicated"]).rename(columns={"reason": "adj"}),
                      on=keys)
               .merge(reason_b, on=keys, how="left"))
        out["reason"] = np.where(out["how"] == "adjudicated", out["adj"], out["reason_a"])
        if self.scale is not None:
            out[value] = out[value].astype("int64")
        units = [c for c in a.columns if c not in (*keys, value, "reason")]
        return out[[*keys, *units, value, "reader_a", "reader_b", "how", "reason", "reason_a",
                    "reason_b"]].reset_index(drop=True)

    def settled(self, by: str | None = None) -> pd.DataFrame:
        """How the adjudicator settled the readers' disagreements, overall or per value of ``by``.

        ``by``: a column of :meth:`paired` (a key column such as ``theme``, or
        ``reader_a``: by the value reader A gave). Returns one row per group (in
        the order of the units; one row named ``all`` without ``by``; a group with
        no disagreement has zeros):

        - ``units``: the units of the reference; ``disagreements``: the units the
          two readers differ on; ``settled``: those the adjudicator settled (the
          others are left out of the reference);
        - ``with_a``, ``with_b``, ``neither``: the settled units given reader A's
          value, reader B's, or a third one;
        - ``as_a``, ``as_b``: the share of the reference's units that have reader
          A's value, and reader B's (``NaN`` for a group without units).

        A set of one reader has no disagreements: every count is 0 and the
        reference is reader A's.

        Example:
            >>> a = pd.DataFrame({"unit": [1, 2, 3, 4], "label": [1, 2, 1, 1]})
            >>> b = pd.DataFrame({"unit": [1, 2, 3, 4], "label": [0, 1, 2, 1]})
            >>> adj = pd.DataFrame({"unit": [1, 2, 3], "label_a": [1, 2, 1], "label_b": [0, 1, 2],
            ...                     "adjudicated": [1, 2, 0], "reason": ["", "", ""]})
            >>> themes = Readings("themes", ("unit",), "label", THEME, a, b, adj)
            >>> counts = ["units", "disagreements", "settled", "with_a", "with_b", "neither"]
            >>> themes.settled()[counts].values.tolist(), themes.settled()[["as_a", "as_b"]].values.tolist()
            ([[4, 3, 3, 2, 0, 1]], [[0.75, 0.25]])
            >>> themes.settled(by="reader_a")[["group", "disagreements", "with_a"]].values.tolist()
            [[1, 2, 1], [2, 1, 1]]
        """
        keys, value = list(self.key), self.value
        ref = self.reference()
        if self.reader_b is None:
            units = ref.assign(reader_b=ref["reader_a"])[[*keys, "reader_a", "reader_b"]]
        else:
            units = self.paired()
        units = units.merge(ref[[*keys, value, "how"]], on=keys, how="left")
        groups = ([("all", units)] if by is None else
                  [(g, units[units[by] == g]) for g in dict.fromkeys(units[by])])
        rows = []
        for group, part in groups:
            differ = part["reader_a"] != part["reader_b"]
            settled = part["how"] == "adjudicated"
            with_a = settled & (part[value] == part["reader_a"])
            with_b = settled & (part[value] == part["reader_b"])
            kept = part[part["how"].notna()]
            rows.append({"group": group, "units": len(kept), "disagreements": int(differ.sum()),
                         "settled": int(settled.sum()), "with_a": int(with_a.sum()),
                         "with_b": int(with_b.sum()),
                         "neither": int((settled & ~with_a & ~with_b).sum()),
                         "as_a": (kept[value] == kept["reader_a"]).mean() if len(kept) else np.nan,
                         "as_b": (kept[value] == kept["reader_b"]).mean() if len(kept) else np.nan})
        return pd.DataFrame(rows, columns=["group", "units", "disagreements", "settled", "with_a",
                                           "with_b", "neither", "as_a", "as_b"])

    def agreement(self, by: str | None = None, *, n_boot: int = 1000,
                  seed: int = 0) -> pd.DataFrame:
        """How far the two readers agree (:func:`agreement`), overall or per value of ``by``.

        Returns one row per group (``by``'s values in reader A's order, or one row
        named ``all``): ``group, n`` and the measures with their intervals.

        Example:
            >>> a = pd.DataFrame({"unit": [1, 2, 3, 4], "label": [0, 1, 2, 2]})
            >>> r = Readings("themes", ("unit",), "label", THEME, a, a).agreement(n_boot=20)
            >>> r[["group", "n", "exact", "alpha"]].values.tolist()
            [['all', 4, 1.0, 1.0]]
        """
        both = self.paired()
        groups = ([("all", both)] if by is None else
                  [(g, both[both[by] == g]) for g in dict.fromkeys(both[by])])
        rows = [agreement(part["reader_a"], part["reader_b"], self.scale, n_boot=n_boot,
                          seed=seed).rename(group) for group, part in groups]
        table = pd.DataFrame(rows).rename_axis("group").reset_index().astype({"n": int})
        return table


def _unit(keys: list[str], values: list[object]) -> str:
    """A unit named for a message: ``sentence 9``, ``paragraph 3, theme nep``.

    Example:
        >>> _unit(["paragraph_id", "theme"], [3, "nep"])
        'paragraph 3, theme nep'
    """
    return ", ".join(f"{k.removesuffix('_id')} {_plain(v)}" for k, v in zip(keys, values))


def _plain(value: object) -> object:
    """A numpy scalar as a plain Python value, a whole float as an int (for messages).

    A value column of a merge with a missing row is float (``1.0``); the scales are whole.

    Example:
        >>> _plain(np.int64(2)), _plain(np.float64(-1.0)), _plain("lenin")
        (2, -1, 'lenin')
    """
    plain = value.item() if hasattr(value, "item") else value
    return int(plain) if isinstance(plain, float) and plain.is_integer() else plain

