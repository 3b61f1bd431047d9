"""The check of the mention finder: its readers, their agreement, the finder against each.

Where the readers differ and no adjudicator settled a span, the reference
leaves that span out, and so does the finder's score against it (a found
mention there is neither right nor wrong).

Example:
    >>> from analysis.pages import current
    >>> check_table(current())["against"].tolist()
    ['the reference', 'reader A', 'reader B']
"""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from analysis import people
from analysis.pages import as_number, once
from analysis.pages.format import who_read
from analysis.pages.people.common import N_BOOT, SEED
from analysis.results import Analyses


@once
def _check(results: Analyses) -> dict[str, object] | None:
    """The readers, their agreement and the finder against the reference and each reader."""
    readings = results.readings("mentions")
    if readings is None:
        return None
    reference, settled = readings.reference(), readings.settled().iloc[0]
    key = ["paragraph_id", "start", "end"]
    found = results.mentions
    if readings.n_readers == 2:  # spans the reference leaves out are left out on both sides
        open_units = readings.paired()[key].merge(reference[key], how="left", indicator=True)
        open_units = open_units[open_units["_merge"] == "left_only"][key]
        found = found.merge(open_units.assign(_open=True), on=key, how="left")
        found = found[found["_open"].isna()].drop(columns="_open")
    against = {"the reference": people.evaluate(found, reference).iloc[0]}
    diffs = people.differences(found, reference)
    if readings.n_readers == 2:
        against["reader A"] = people.evaluate(results.mentions, readings.reader_a).iloc[0]
        against["reader B"] = people.evaluate(results.mentions, readings.reader_b).iloc[0]
    return {"readings": readings, "reference": reference, "against": against, "diffs": diffs,
            "open": int(settled["disagreements"] - settled["settled"]),
            "agreement": (readings.agreement(n_boot=N_BOOT, seed=SEED).iloc[0]
                          if readings.n_readers == 2 else None)}


def _wrong(results: Analyses, diffs: pd.DataFrame) -> dict[str, object]:
    """The finder's mistakes against the reference, telling a span's extent from a wrong name.

    A found mention that overlaps a reference mention of the same person with
    other ends names the right person with another span (a title kept or left
    out): ``span_only`` counts them, ``spurious`` quotes them and ``reference``
    the reference's spans they stand for; ``missed`` quotes the reference's
    other mentions the finder lacks, ``other`` the finder's other wrong ones
    (each ``None`` where there is none), in text order.
    """
    text = results.chapter.seed_text
    spurious = diffs[diffs["status"] == "spurious"]
    missed = diffs[diffs["status"] == "missed"]
    pairs = [(f, m) for f in spurious.itertuples() for m in missed.itertuples()
             if m.person_id == f.person_id and m.start < f.end and f.start < m.end]
    quote = lambda spans: ", ".join(dict.fromkeys(text[a:b] for a, b in spans)) or None  # noqa: E731
    paired_f, paired_m = {f.Index for f, _ in pairs}, {m.Index for _, m in pairs}
    return {"people_check_span_only": len(paired_f),
            "people_check_spurious": quote((f.start, f.end) for f, _ in pairs),
            "people_check_reference": quote((m.start, m.end) for _, m in pairs),
            "people_check_missed": quote((m.start, m.end) for m in missed.itertuples()
                                         if m.Index not in paired_m),
            "people_check_other": quote((f.start, f.end) for f in spurious.itertuples()
                                        if f.Index not in paired_f),
            "people_check_n_spurious": len(spurious), "people_check_n_missed": len(missed)}


def check_table(results: Analyses) -> pd.DataFrame | None:
    """The finder against the reference and against each reader (``None``: no mention check).

    Columns ``against, names, found, correct, precision, recall`` (names: the
    spans naming a person in that reading, in the paragraphs checked).
    """
    check = _check(results)
    if check is None:
        return None
    rows = [{"against": who, "names": int(s["gold"]), "found": int(s["found"]),
             "correct": int(s["correct"]), "precision": as_number(s["precision"], 2),
             "recall": as_number(s["recall"], 2)} for who, s in check["against"].items()]
    return pd.DataFrame(rows)


def check_numbers(results: Analyses) -> dict[str, object]:
    """The numbers of the mention check (each ``None`` where the text has none).

    Keys ``people_check_…`` (the readers, the paragraphs and spans checked, the
    readers' agreement with intervals, the spans the reference leaves open, the
    finder's wrong and missed spans) and the finder's
    ``people_precision``/``people_recall`` against the reference, ``…_a`` and
    ``…_b`` against each reader.
    """
    keys = ["people_check_readers", "people_check_n_readers", "people_check_paragraphs",
            "people_check_notes", "people_check_empty", "people_check_gold", "people_check_found",
            "people_precision", "people_recall", "people_n_errors", "people_check_open",
            "people_check_units", "people_precision_a", "people_recall_a", "people_precision_b",
            "people_recall_b", "people_check_span_only", "people_check_spurious",
            "people_check_reference", "people_check_missed", "people_check_other",
            "people_check_n_spurious", "people_check_n_missed"
            ] + [f"people_check_{m}{s}" for m in ("exact", "kappa") for s in ("", "_low", "_high")]
    out: dict[str, object] = dict.fromkeys(keys)
    check = _check(results)
    if check is None:
        return out
    ref, score = check["reference"], check["against"]["the reference"]
    checked = sorted(set(ref["paragraph_id"]))
    kinds = results.chapter.paragraphs.set_index("paragraph_id")["kind"]
    named = set(ref.loc[ref["person_id"] != "", "paragraph_id"])
    out.update(people_check_readers=who_read(check["readings"]),
               people_check_n_readers=check["readings"].n_readers,
               people_check_paragraphs=len(checked),
               people_check_notes=int((kinds[checked] == "editorial").sum()),
               people_check_empty=len(set(checked) - named), people_check_gold=int(score["gold"]),
               people_check_found=int(score["found"]),
               people_precision=as_number(score["precision"], 2),
               people_recall=as_number(score["recall"], 2),
               people_n_errors=int((check["diffs"]["status"] != "correct").sum()),
               people_check_open=check["open"], people_check_units=len(ref) + check["open"])
    out.update(_wrong(results, check["diffs"]))
    for who, suffix in (("reader A", "_a"), ("reader B", "_b")):
        if who in check["against"]:
            out[f"people_precision{suffix}"] = as_number(check["against"][who]["precision"], 2)
            out[f"people_recall{suffix}"] = as_number(check["against"][who]["recall"], 2)
    if check["agreement"] is not None:
        for name in keys[-6:]:
            out[name] = as_number(check["agreement"][name.removeprefix("people_check_")], 2)
    return out


def check_section(results: Analyses) -> Markdown:
    """The mention check in prose for any text: its readers, their agreement, the finder's scores."""
    if _check(results) is None:
        return Markdown(f"*{results.missing['readings:mentions']}: the finder's mentions stand "
                        "without a check.*")
    n = check_numbers(results)
    text = (f"The mentions of {n['people_check_paragraphs']} paragraphs were checked by "
            f"{n['people_check_readers']}. ")
    if n["people_check_kappa"] is not None:
        text += (f"The readers gave the same person to {n['people_check_exact']:.2f} of the "
                 f"{n['people_check_units']} spans either marked ({n['people_check_exact_low']:.2f}"
                 f" to {n['people_check_exact_high']:.2f}, a 95% bootstrap interval); "
                 f"Cohen's kappa is {n['people_check_kappa']:.2f} "
                 f"({n['people_check_kappa_low']:.2f} to {n['people_check_kappa_high']:.2f}). ")
    text += (f"Against the reference the finder has a precision of {n['people_precision']:.2f} "
             f"and a recall of {n['people_recall']:.2f}")
    if n["people_precision_a"] is not None:
        text += (f" (against reader A {n['people_precision_a']:.2f} and "
                 f"{n['people_recall_a']:.2f}, against reader B {n['people_precision_b']:.2f} "
                 f"and {n['people_recall_b']:.2f})")
    text += ". A found mention counts as right only if the person and the exact span agree"
    if n["people_check_span_only"]:
        text += (f"; {n['people_check_span_only']} of the finder's {n['people_check_n_spurious']} "
                 f"wrong spans name the right person with other ends ({n['people_check_spurious']}"
                 f", where the reference has {n['people_check_reference']})")
    if n["people_check_missed"]:
        text += f"; the finder misses {n['people_check_missed']}"
    return Markdown(text + ".")
