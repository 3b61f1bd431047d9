"""Every naming of every registered person in the text, with offsets.

Longer forms win over shorter ones at the same place (``Baron Wrangel`` is
Wrangel, not a Baron; ``Blaise Pascal`` is Blaise), and two first names
sharing one surname (``Jacques and Clara Mesnil``) are two mentions.
Possessives count (``Lenin’s`` is a mention of Lenin, spanning ``Lenin``); a
name is a whole word, and a double hyphen is a dash like an em dash
(``adventurer--Kerensky--whoever`` names Kerensky), a single hyphen is not.
Shared forms follow the rules of :mod:`analysis.people.register`.

Example:
    >>> found = mentions(chapter, register, shared_names)
    >>> int((found["person_id"] == "lenin").sum())
    15
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis.people.register import check_claims, split_aliases
from analysis.text import Chapter


MENTION_COLUMNS = ["person_id", "surface", "paragraph_id", "sentence_id", "start", "end",
                   "in_note", "kind", "resolved_by"]


#: A name starts where no letter, digit or single hyphen precedes it — ``Kerensky`` in
#: ``co-Kerensky`` is not a name, but a double hyphen is a dash, as an em dash is
#: (``adventurer--Kerensky``, the typewriter's dash of Project Gutenberg texts).
_EDGE_BEFORE = r"(?<!\w)(?<!(?<!-)-)"

#: A name ends where no letter, digit or single hyphen follows it (``Kerensky--whoever`` ends it).
_EDGE_AFTER = r"(?!\w)(?!-(?!-))"


def _alias_table(register: pd.DataFrame) -> pd.DataFrame:
    """One row per (alias, person_id)."""
    rows = [(alias, pid) for pid, cell in zip(register["person_id"], register["aliases"])
            for alias in split_aliases(cell)]
    return pd.DataFrame(rows, columns=["alias", "person_id"]).drop_duplicates()


def _starting_with(forms: list[str], alternation: str) -> str:
    """``alternation`` behind a word start and a look-ahead for the forms' first characters.

    The look-ahead lets the regular expression engine skip, at once, every
    position where no form can begin: several times faster on a long text.
    """
    firsts = "".join(sorted({f[0] for f in forms}))
    return f"{_EDGE_BEFORE}(?=[{re.escape(firsts)}])(?:{alternation})"


def _coordinated_first_names(aliases: pd.DataFrame) -> list[tuple[str, str]]:
    """Patterns for the first of two first names sharing a surname.

    ``Jacques and Clara Mesnil`` names Jacques Mesnil by ``Jacques`` alone;
    returns ``(regex, person_id)`` pairs matching just that first name.
    """
    parts = [(a.split()[0], a.split()[-1], pid) for a, pid in aliases.itertuples(index=False)
             if len(a.split()) >= 2 and a.split()[0][0].isupper()]
    out = []
    for first, surname, pid in sorted(set(parts)):
        others = sorted({f for f, s, p in parts if s == surname and p != pid})
        if others:
            alt = "|".join(re.escape(f) for f in others)
            out.append((f"{_EDGE_BEFORE}{re.escape(first)}(?= and (?:{alt}) "
                        f"{re.escape(surname)}{_EDGE_AFTER})", pid))
    return out


def mentions(chapter: Chapter, register: pd.DataFrame,
             shared_names: pd.DataFrame) -> pd.DataFrame:
    """Find every naming of every registered person, with offsets.

    Names are found in the author's narration and in the editor's notes; the
    headings (paragraphs of kind ``title``) take part in no analysis, so a
    name in a heading is not a mention.

    Args:
        chapter: the chapter.
        register: from :func:`analysis.people.register.load_register`.
        shared_names: the rules for shared forms
            (:func:`analysis.people.register.load_shared_names`, or
            :meth:`analysis.datafiles.DataFiles.shared_rules`); an empty table
            (columns :data:`~analysis.people.register.SHARED_COLUMNS`) means no rules.

    Raises:
        DataFileError: a name form is shared by two people with no rule.

    Returns:
        ``person_id, surface, paragraph_id, sentence_id, start, end, in_note,
        kind, resolved_by``, one row per mention in text order. ``start``/``end``
        are seed offsets of the name (without a possessive ``’s``); ``in_note``
        marks the editor's bracketed notes; ``kind`` is the paragraph kind;
        ``resolved_by`` is ``name`` (a form only this person has),
        ``first name`` (``Jacques`` in ``Jacques and Clara Mesnil``),
        ``default`` or ``nearest`` (the shared-name rules) or ``fallback``.

    Example:
        >>> m = mentions(chapter, register, shared_names)
        >>> m[m["surface"] == "Baron Wrangel"][["person_id", "paragraph_id"]].values.tolist()
        [['wrangel', 12]]
    """
    shared = shared_names
    aliases = _alias_table(register)
    claimants = aliases.groupby("alias")["person_id"].agg(list).to_dict()
    claims: dict[str, list[tuple[str, int]]] = {}
    for i, (pid, cell) in enumerate(zip(register["person_id"], register["aliases"]), start=2):
        for alias in split_aliases(cell):
            claims.setdefault(alias, []).append((pid, i))
    check_claims(claims, shared, Path("<register table>"), "<shared names>")
    rules = {a: (r, p) for a, r, p in shared[["alias", "rule", "person_id"]]
             .itertuples(index=False)}
    frames = []
    ordered = sorted(claimants, key=lambda a: (-len(a), a))
    if ordered:
        frames.append(chapter.find(_starting_with(ordered, "|".join(re.escape(a) for a in ordered))
                                   + _EDGE_AFTER).assign(how="alias"))
    coordinated = _coordinated_first_names(aliases)
    if coordinated:
        firsts = "".join(sorted({regex[len(_EDGE_BEFORE) + 1] if regex[len(_EDGE_BEFORE)] == "\\"
                                 else regex[len(_EDGE_BEFORE)] for regex, _ in coordinated}))
        pattern = f"(?=[{re.escape(firsts)}])(?:" + "|".join(
            f"(?P<p{i}>{regex})" for i, (regex, _) in enumerate(coordinated)) + ")"
        hits = chapter.find(pattern)
        pids = [coordinated[int(g[1:])][1] for g in hits["group"]]
        frames.append(hits.drop(columns="group").assign(how="first name", pid=pids))
    found = (pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["match", "start", "end", "sentence_id", "paragraph_id", "how", "pid"]))
    kinds = chapter.paragraphs.set_index("paragraph_id")["kind"]
    found = found[(found["paragraph_id"].map(kinds) != "title").to_numpy()]
    # A first name that is also an alias ("Anna" in "Anna and Paul Weber") is found twice:
    # keep the coordinated first-name match, which knows whose name it is.
    found = (found.assign(_alias=found["how"] == "alias")
             .sort_values(["start", "end", "_alias"], kind="stable")
             .drop_duplicates(["start", "end"]).drop(columns="_alias")
             .reset_index(drop=True))

    person, how = [], []
    last_in_par: dict[tuple[int, str], int] = {}
    last_any: dict[str, int] = {}
    for row in found.itertuples(index=False):
        if row.how == "first name":
            pid, rule = row.pid, "first name"
        elif len(claimants[row.match]) == 1:
            pid, rule = claimants[row.match][0], "name"
        else:
            pid, rule = _resolve_shared(row, claimants[row.match], rules[row.match],
                                        last_in_par, last_any)
        if rule in ("name", "first name"):
            last_in_par[(row.paragraph_id, pid)] = row.start
            last_any[pid] = row.start
        person.append(pid)
        how.append(rule)
    kind = kinds.reindex(found["paragraph_id"]).to_numpy()
    return pd.DataFrame({
        "person_id": pd.Series(person, dtype="object"),
        "surface": found["match"].astype("object"),
        "paragraph_id": found["paragraph_id"].astype("int64"),
        "sentence_id": found["sentence_id"].astype("int64"),
        "start": found["start"].astype("int64"),
        "end": found["end"].astype("int64"),
        "in_note": pd.Series(kind == "editorial", dtype=bool),
        "kind": pd.Series(kind, dtype="object"),
        "resolved_by": pd.Series(how, dtype="object"),
    }, columns=MENTION_COLUMNS)


def _resolve_shared(row: object, candidates: list[str], rule: tuple[str, str],
                    last_in_par: dict[tuple[int, str], int],
                    last_any: dict[str, int]) -> tuple[str, str]:
    """Apply a shared-name rule to one mention; return (person_id, how)."""
    kind, person = rule
    if kind == "default":
        return person, "default"
    in_par = [(last_in_par[(row.paragraph_id, c)], c) for c in candidates
              if (row.paragraph_id, c) in last_in_par]
    if in_par:
        return max(in_par)[1], "nearest"
    before = [(last_any[c], c) for c in candidates if c in last_any]
    if before:
        return max(before)[1], "nearest"
    return person, "fallback"


def mention_counts(found: pd.DataFrame, register: pd.DataFrame) -> pd.DataFrame:
    """How often each registered person is named, in Serge's text and in the notes.

    Returns ``person_id, name, narration, notes, total, first_paragraph``, one
    row per registered person (people never found get zeros), most named
    first. ``narration`` counts every mention outside the editorial notes
    (the title included).

    Example:
        >>> counts = mention_counts(mentions(chapter, register, shared_names), register)
        >>> counts.iloc[0][["person_id", "narration", "notes"]].astype(str).tolist()
        ['lenin', '15', '0']
    """
    notes = found.groupby("person_id")["in_note"].agg(["sum", "size"])
    first = found.groupby("person_id")["paragraph_id"].min()
    out = register[["person_id", "name"]].copy()
    out["notes"] = out["person_id"].map(notes["sum"]).fillna(0).astype("int64")
    out["total"] = out["person_id"].map(notes["size"]).fillna(0).astype("int64")
    out["narration"] = out["total"] - out["notes"]
    out["first_paragraph"] = out["person_id"].map(first).astype("Int64")
    out = out[["person_id", "name", "narration", "notes", "total", "first_paragraph"]]
    return out.sort_values(["total", "narration", "first_paragraph"],
                           ascending=[False, False, True]).reset_index(drop=True)


def labels(found: pd.DataFrame, register: pd.DataFrame) -> pd.Series:
    """A short label per person: the register's ``label``, else the form the text uses most.

    Where the register gives no ``label``: on a tie, the surname (the last
    word of the register's ``name``) if the text uses it alone, else the
    longest form; people never found keep their register ``name``. Indexed by
    ``person_id``.

    Example:
        >>> found = mentions(chapter, register, shared_names)
        >>> lab = labels(found, register)
        >>> lab["lenin"], lab["pierre_pascal"], lab["olga_gumilev"], lab["lozovsky"]
        ('Lenin', 'Pierre Pascal', 'Anna Gumileva', 'Lozovsky')
        >>> labels(found, register.drop(columns="label"))["olga_gumilev"]
        'Olga Gumilev'
    """
    names = register.set_index("person_id")["name"]
    given = (register.set_index("person_id")["label"].fillna("").astype(str).str.strip()
             if "label" in register.columns else pd.Series("", index=names.index))
    full = found[found["resolved_by"] != "first name"]
    counts = full.groupby(["person_id", "surface"]).size().reset_index(name="n")
    counts["length"] = counts["surface"].str.len()
    surname = counts["person_id"].map(names).str.split().str[-1]
    counts["is_surname"] = counts["surface"] == surname
    best = (counts.sort_values(["person_id", "n", "is_surname", "length"],
                               ascending=[True, False, False, False])
            .drop_duplicates("person_id").set_index("person_id")["surface"])
    best = best.reindex(names.index).fillna(names)
    return given.where(given != "", best).rename("label")


def register_table(found: pd.DataFrame, register: pd.DataFrame) -> pd.DataFrame:
    """The register with each person's mention counts (the export ``people.csv``).

    ``found``: :func:`mentions` of the register's people.

    Example:
        >>> t = register_table(mentions(chapter, register, shared_names), register)
        >>> t.columns[:3].tolist(), len(t)
        (['person_id', 'name', 'aliases'], 69)
    """
    counts = mention_counts(found, register)
    return register.merge(counts.drop(columns="name"), on="person_id", how="left")
