"""A draft register of people from the detector's candidates, for an extender to edit.

:func:`draft_register` gives one row per person the candidates suggest, most
likely first, each saying why it is there (``why``) and how sure the detector
is (``score``), in the register's own format, so that
:func:`analysis.people.register.load_register` accepts it as written. The forms
of one name are one row: a surname seen alone (*Lianozov*), or a first name with
a patronymic (*Stepan Georgevitch*), is an alias of the one full name that holds
it (*Stepan Georgevitch Lianozov*); a form that several names hold (*Weber* of
*Anna Weber* and *Paul Weber*) is left out, and the rows that hold it say so,
for the extender to add it with a rule in ``shared_names.csv``. No form is given to two rows, so the
draft never breaks the register's rule that a shared form needs a rule.

Example:
    >>> table = pd.DataFrame({"candidate": ["Anna Weber", "Paul Weber", "Weber", "Nay"],
    ...                       "score": [4.0, 3.0, 2.0, -1.0], "count": [2, 1, 3, 1],
    ...                       "start": [10, 50, 90, 5], "paragraphs": ["2", "5; 6", "3", "1"],
    ...                       "evidence": ["after Dr.", "possessive", "", "common in English"]})
    >>> draft_register(table)[["person_id", "aliases", "source_paragraph"]].values.tolist()
    [['anna_weber', 'Anna Weber', 2], ['paul_weber', 'Paul Weber', 5]]
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from analysis.people.register import REGISTER

#: Letters that Unicode does not decompose into a Latin letter and a mark, spelt in Latin.
_SPELT = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
          "ı": "i", "ħ": "h", "ŋ": "ng"}

#: The columns of a draft — the register's own, then ``score`` and ``why``.
DRAFT_COLUMNS = [f.name for f in REGISTER.fields if not f.optional] + ["score", "why"]


def person_id(name: str) -> str:
    """An id for the register from a name: letters without their accents, ``_`` between words.

    No letter is dropped: an accented letter loses its accent (``è`` is ``e``),
    a letter without a Latin spelling keeps its code point (``ж`` is ``u0436``).

    Example:
        >>> person_id("Jaurès"), person_id("Marche Funèbre"), person_id("Dr. N")
        ('jaures', 'marche_funebre', 'dr_n')
        >>> person_id("Weiß"), person_id("1921")
        ('weiss', 'p_1921')
    """
    spelt = []
    for char in unicodedata.normalize("NFKD", name.lower()):
        if unicodedata.combining(char):
            continue
        char = _SPELT.get(char, char)
        spelt.append(char if char.isascii() or not char.isalpha() else f"u{ord(char):04x}")
    base = re.sub(r"[^a-z0-9]+", "_", "".join(spelt)).strip("_") or "person"
    return base if base[0].isalpha() else f"p_{base}"


def draft_register(candidates: pd.DataFrame, min_score: float = 1.0) -> pd.DataFrame:
    """A draft register from :func:`analysis.people.detector.unregistered_names`' candidates.

    ``candidates``: ``candidate, score, count, start, paragraphs, evidence``.
    Each form of name is joined to the full name that holds it (its last
    words, or its first two or more) when only one name listed (scoring at
    least ``min_score``) holds it; a form held by several is left out, and
    each holder's ``why`` says so. One row per name then, scoring at least
    ``min_score`` (its best form's score), with the columns of the register's
    schema: ``person_id`` made from the name (:func:`person_id`; ``_2``,
    ``_3`` … after an id already given), the longest form as ``name``, every
    form as ``aliases``, ``source_paragraph`` its first paragraph, the other
    cells empty; then ``score`` and ``why``, the evidence. Most likely first.

    Example:
        >>> table = pd.DataFrame({"candidate": ["Stepan Lianozov", "Lianozov"],
        ...                       "score": [2.0, 3.0], "count": [1, 4], "start": [10, 70],
        ...                       "paragraphs": ["2", "2; 4"], "evidence": ["2 name words", "after Mr."]})
        >>> row = draft_register(table).iloc[0]
        >>> row["person_id"], row["aliases"], float(row["score"])
        ('stepan_lianozov', 'Stepan Lianozov; Lianozov', 3.0)
        >>> row["why"]
        '2 name words; as Lianozov: after Mr.'
    """
    table = candidates.reset_index(drop=True)
    forms = [tuple(c.split()) for c in table["candidate"]]
    listed = set(table.index[table["score"] >= min_score])
    holders = {i: [j for j in listed if _holds(forms[j], forms[i])] for i in table.index}
    root = dict(zip(table.index, table.index))
    notes: dict[int, list[str]] = {i: [] for i in table.index}
    for i, held_by in holders.items():
        widest = [j for j in held_by if not any(_holds(forms[k], forms[j]) for k in held_by)]
        if len(widest) > 1:
            root[i] = None
            names = [table.at[j, "candidate"] for j in widest]
            for j in widest if i in listed else ():
                others = ", ".join(n for n in names if n != table.at[j, "candidate"])
                verb = "has" if len(widest) == 2 else "have"
                notes[j].append(f"‘{table.at[i, 'candidate']}’ alone ({table.at[i, 'count']}×) "
                                f"is left out, as {others} {verb} it too: give it a rule among "
                                "the shared names")
        elif widest:
            root[i] = widest[0]
    joined: dict[int, list[int]] = {}
    for k in table.index:
        top = _top(root, k)
        if top is not None and top != k:
            joined.setdefault(top, []).append(k)
    rows = []
    for i in table.index:
        if root[i] != i:
            continue
        members = [i] + sorted(joined.get(i, []),
                               key=lambda k: (-len(forms[k]), table.at[k, "start"]))
        part = table.loc[members]
        why = [str(table.at[i, "evidence"])] + [
            f"as {table.at[k, 'candidate']}: {table.at[k, 'evidence']}" for k in members[1:]]
        rows.append({"name": table.at[i, "candidate"],
                     "aliases": "; ".join(part["candidate"]),
                     "source_paragraph": min(int(str(p).split(";")[0]) for p in part["paragraphs"]),
                     "score": float(part["score"].max()), "count": int(part["count"].sum()),
                     "start": int(part["start"].min()),
                     "why": "; ".join(w for w in why + notes[i] if w)})
    draft = pd.DataFrame(rows, columns=["name", "aliases", "source_paragraph", "score", "count",
                                        "start", "why"])
    draft = (draft[draft["score"] >= min_score]
             .sort_values(["score", "count", "start"], ascending=[False, False, True],
                          kind="stable").reset_index(drop=True))
    given: dict[str, int] = {}
    ids = []
    for name in draft["name"]:
        base = person_id(name)
        given[base] = given.get(base, 0) + 1
        ids.append(base if given[base] == 1 else f"{base}_{given[base]}")
    draft.insert(0, "person_id", ids)
    for column in DRAFT_COLUMNS:
        if column not in draft.columns:
            draft[column] = ""
    return draft[DRAFT_COLUMNS]


def _holds(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """True if ``shorter`` is a form of the name ``longer``: its last words (a surname,
    *Lianozov*), or its first words if they are two or more (*Vladimir Ilyich*); a first
    word alone is too often a name's modifier (*Bolshevik* of *Bolshevik Russia*)."""
    n = len(shorter)
    return len(longer) > n and (longer[-n:] == shorter or (n > 1 and longer[:n] == shorter))


def _top(root: dict[int, int | None], i: int) -> int | None:
    """The row a form is joined to, following the joins (``None``: the form is left out)."""
    seen = set()
    while root[i] is not None and root[i] != i and i not in seen:
        seen.add(i)
        i = root[i]
    return root[i] if root[i] is None else i
