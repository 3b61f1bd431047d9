"""How a text portrays the people it names, and which themes it names them with.

The portrayal sets the lexicon method beside the readers' reference tone on the
sentences naming each person (:mod:`analysis.synthesis.portrayal`); a text with
no tone reference has none (``None``, and :func:`portrayal_section` says so).
The ties say which people are named where each theme is dense
(:mod:`analysis.synthesis.ties`), with how often as many random paragraphs of
the narration are as dense.

Example:
    >>> from analysis.pages import current
    >>> values = portrayal_numbers(current())
    >>> values["people_portrayal_n"], values["people_portrayal_twins"]
    (14, 'Maurin and Nin')
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pandas as pd
from IPython.display import Markdown

from analysis.pages import as_number
from analysis.pages.figures import CompactFigure
from analysis.pages.format import join, p_text, reach, strength
from analysis.pages.people.common import (MIN_SENTENCES, N_BOOT, N_PERM, SEED, compared, counts,
                                          labels, ties)
from analysis.people.figures import plot_portrayal
from analysis.people.network import identical_mentions
from analysis.results import Analyses
from analysis.sentiment import RECOMMENDED, word_contributions
from analysis.synthesis.portrayal import portrayal_agreement, sentences_compared

#: The columns of the portrayal each person's numbers give (``people_<key>_<column>``).
MEASURES = ("method", "method_low", "method_high", "reference", "reference_low",
            "reference_high", "gap", "gap_low", "gap_high")


def _twins(results: Analyses, table: pd.DataFrame) -> list[list[str]]:
    """Groups of people of the portrayal named in exactly the same sentences of the narration."""
    found = results.mentions[~results.mentions["in_note"].astype(bool)]
    same = identical_mentions(found, "sentence", people=table["person_id"].tolist())
    label = labels(results)
    return [sorted(str(label[p]) for p in group["person_id"]) for _, group in same.groupby("group")]


def portrayal_numbers(results: Analyses) -> dict[str, object]:
    """The portrayal's numbers (``None`` where the text has no tone reference)."""
    keys = ["n", "readings", "min", "max", "n_boot", "spearman", "spearman_low", "spearman_high",
            "strength", "zero", "mean_abs_gap", "method_higher", "parted", "warmer", "cooler",
            "twins", "darkest", "brightest", "widest"]
    out: dict[str, object] = {f"people_portrayal_{k}": None for k in keys}
    table = compared(results)
    if table is None or table.empty:
        return out
    label = labels(results)
    agreement = portrayal_agreement(table, n_boot=N_BOOT, seed=SEED).iloc[0]
    parted = table[(table["gap_low"] > 0) | (table["gap_high"] < 0)]
    twins = _twins(results, table)
    names = lambda rows: ", ".join(str(label[p]) for p in rows["person_id"]) or "nobody"  # noqa: E731
    values = {
        "n": len(table), "readings": len(table) - sum(len(g) - 1 for g in twins),
        "min": MIN_SENTENCES, "max": int(table["sentences"].max()), "n_boot": f"{N_BOOT:,}",
        "spearman": as_number(agreement["spearman"], 2),
        "spearman_low": as_number(agreement["spearman_low"], 2),
        "spearman_high": as_number(agreement["spearman_high"], 2),
        "strength": strength(agreement["spearman"]),
        "zero": reach(agreement["spearman_low"], agreement["spearman_high"]).split()[0],
        "mean_abs_gap": as_number(agreement["mean_abs_gap"], 2),
        "method_higher": int(agreement["method_higher"]), "parted": int(agreement["parted"]),
        "warmer": names(parted[parted["gap"] > 0].sort_values("gap", ascending=False)),
        "cooler": names(parted[parted["gap"] < 0].sort_values("gap")),
        "twins": "; ".join(join(g) for g in twins) or None,
        "darkest": str(label[table.iloc[0]["person_id"]]),
        "brightest": str(label[table.iloc[-1]["person_id"]]),
        "widest": str(label[table.loc[table["gap"].abs().idxmax(), "person_id"]])}
    out.update({f"people_portrayal_{k}": v for k, v in values.items()})
    return out


def person_numbers(results: Analyses, chosen: Mapping[str, str]) -> dict[str, object]:
    """The numbers of the people the prose names: ``person_id -> key`` gives ``people_<key>_…``.

    Each person's ``label``, ``mentions`` and ``notes``, and, where the
    portrayal has them, ``n`` (sentences) and the means and intervals of
    :data:`MEASURES` (two decimals). A person the register lacks is an error.
    """
    by_id = counts(results).set_index("person_id")
    table = compared(results)
    rows = table.set_index("person_id") if table is not None else pd.DataFrame()
    out: dict[str, object] = {}
    for pid, key in chosen.items():
        if pid not in by_id.index:
            raise ValueError(f"{pid!r} is not a person_id of the register")
        out.update({f"people_{key}_label": str(by_id.at[pid, "name"]),
                    f"people_{key}_mentions": int(by_id.at[pid, "total"]),
                    f"people_{key}_notes": int(by_id.at[pid, "notes"])})
        if pid in rows.index:
            out[f"people_{key}_n"] = int(rows.at[pid, "sentences"])
            out.update({f"people_{key}_{m}": as_number(rows.at[pid, m], 2) for m in MEASURES})
    return out


def quote_numbers(results: Analyses, quotes: Mapping[str, Sequence[str]]) -> dict[str, object]:
    """The numbers of the sentences the prose quotes, each found by its words.

    ``quotes`` maps a phrase of the sentence to the lexicon words whose valence
    the prose names; for the sentence ``s`` holding the phrase's first match:
    ``people_s<s>_method`` (the method's score, two decimals),
    ``people_s<s>_reference`` (the readers' reference, -2..+2, where there is one)
    and ``people_s<s>_<word>`` (the word's valence, two decimals). A phrase or a
    word not found is an error naming it: the prose quoting it is wrong.
    """
    words = word_contributions(results.chapter, RECOMMENDED, results.patch)
    method = results.sentence_scores.set_index("sentence_id")["sentiment"]
    reference = (results.tone_reference.set_index("sentence_id")["score"]
                 if results.tone_reference is not None else pd.Series(dtype=int))
    out: dict[str, object] = {}
    for phrase, fired in quotes.items():
        hits = results.chapter.find(re.escape(phrase))
        if hits.empty:
            raise ValueError(f"the quoted phrase {phrase!r} is not in the text")
        sid = int(hits.iloc[0]["sentence_id"])
        out[f"people_s{sid}_method"] = as_number(method[sid], 2)
        out[f"people_s{sid}_reference"] = int(reference[sid]) if sid in reference.index else None
        valence = words[words["sentence_id"] == sid].drop_duplicates("word").set_index("word")
        for word in fired:
            if word not in valence.index:
                raise ValueError(f"{word!r} is not a lexicon word of sentence {sid}")
            out[f"people_s{sid}_{word.lower()}"] = as_number(valence.at[word, "valence"], 2)
    return out


def portrayal_figure(results: Analyses, highlight: Sequence[str] = ()) -> CompactFigure | None:
    """Each person's mean tone by the readers' reference and by the method (``None``: no reference)."""
    table = compared(results)
    if table is None or table.empty:
        return None
    return CompactFigure(plot_portrayal(table, labels(results), highlight=tuple(highlight)))


def portrayal_table(results: Analyses) -> pd.DataFrame | None:
    """The portrayal person by person, warmest reference first, two decimals (``None``: no reference)."""
    table = compared(results)
    if table is None:
        return None
    shown = table.assign(name=table["person_id"].map(labels(results)))
    return shown.drop(columns="person_id").set_index("name").iloc[::-1].round(2)


def sentences_table(results: Analyses, person_id: str) -> pd.DataFrame | None:
    """The sentences naming one person, by the readers and by the method (``None``: no reference)."""
    table = sentences_compared(results.mentions, results.sentence_scores, results.tone_reference,
                               results.sentence_explanations, person_id)
    if table is None:
        return None
    return (table[["sentence_id", "reference", "sentiment", "fired", "text"]]
            .rename(columns={"reference": "readers (−2..+2)", "sentiment": "method (−1..+1)",
                             "fired": "words the lexicon reads"})
            .round(2).set_index("sentence_id"))


def portrayal_section(results: Analyses) -> Markdown:
    """The portrayal's agreement in prose for any text, or why there is none."""
    n = portrayal_numbers(results)
    if n["people_portrayal_n"] is None:
        why = results.missing.get("tone_reference", "no one is named in enough sentences")
        return Markdown(f"*{why}: the portrayal by the method stands without a reference, and "
                        "is not compared here.*")
    twins = (f" ({n['people_portrayal_twins']} are named in the same sentences: their rows are "
             "one reading)" if n["people_portrayal_twins"] else "")
    return Markdown(
        f"For the {n['people_portrayal_n']} people named in at least {n['people_portrayal_min']} "
        f"sentences{twins}, the rank correlation of the two readings' means is "
        f"{n['people_portrayal_spearman']:.2f} ({n['people_portrayal_spearman_low']:.2f} to "
        f"{n['people_portrayal_spearman_high']:.2f}), a {n['people_portrayal_strength']} "
        f"correlation whose interval {n['people_portrayal_zero']} zero. The method reads "
        f"{n['people_portrayal_method_higher']} of them more warmly than the readers do; for "
        f"{n['people_portrayal_parted']} the interval of the difference leaves out zero (warmer: "
        f"{n['people_portrayal_warmer']}; cooler: {n['people_portrayal_cooler']}).")


def tie_numbers(results: Analyses) -> dict[str, object]:
    """Who leads each theme: ``people_tie_<theme>`` with its lift, paragraphs, ``p`` and side of 1.

    ``people_tie_none`` names the themes no one is tied to above their mean (the
    highest lift at most 1), ``people_tie_none_n`` counts them.
    """
    table = ties(results)
    out: dict[str, object] = {"people_tie_n_perm": f"{N_PERM:,}", "people_tie_none": None,
                              "people_tie_none_n": 0}
    below = []
    for theme, label in results.lexicon.labels.items():
        rows = table[table["theme"] == theme]
        if rows.empty:
            out.update({f"people_tie_{theme}{s}": None for s in ("", "_lift", "_n", "_p", "_above")})
            continue
        top = rows.iloc[0]
        out.update({f"people_tie_{theme}": str(labels(results)[top["person_id"]]),
                    f"people_tie_{theme}_lift": as_number(top["lift"], 2),
                    f"people_tie_{theme}_n": int(top["paragraphs"]),
                    f"people_tie_{theme}_p": p_text(top["p"]),
                    f"people_tie_{theme}_above": "above" if top["lift"] > 1 else "below"})
        if top["lift"] <= 1:
            below.append(label)
    out["people_tie_none"], out["people_tie_none_n"] = join(below) or None, len(below)
    return out


def ties_table(results: Analyses) -> pd.DataFrame:
    """The people most tied to each theme: ``theme, rank, name, paragraphs, mean_score, lift, p``.

    ``p``: how often as many random paragraphs of the narration are as dense
    (:func:`analysis.synthesis.ties.tie_chance`), as printed.
    """
    table = ties(results)
    themes = results.lexicon.labels
    return (table.assign(theme=table["theme"].map(themes),
                         name=table["person_id"].map(labels(results)),
                         p=table["p"].map(p_text))
            [["theme", "rank", "name", "paragraphs", "mean_score", "lift", "p"]]
            .set_index(["theme", "rank"]).round(2))


def ties_section(results: Analyses) -> Markdown:
    """Who leads each theme, in prose for any text, with the lift said against 1 and chance."""
    n = tie_numbers(results)
    parts = []
    for theme, label in results.lexicon.labels.items():
        if n[f"people_tie_{theme}"] is None:
            parts.append(f"for {label}, nobody is named in enough paragraphs")
            continue
        parts.append(f"for {label}, {n[f'people_tie_{theme}']} (lift {n[f'people_tie_{theme}_lift']:.2f}, "
                     f"{n[f'people_tie_{theme}_above']} 1, over {n[f'people_tie_{theme}_n']} "
                     f"paragraphs; {n[f'people_tie_{theme}_p']})")
    several = n["people_tie_none_n"] > 1
    none = (f" No one is tied to {n['people_tie_none']} above {'their' if several else 'its'} "
            f"mean: {'the highest lift of each' if several else 'its highest lift'} is at most 1."
            if n["people_tie_none"] else "")
    return Markdown("The top of each list: " + "; ".join(parts) + "." + none)
