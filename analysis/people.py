"""Historical figures: the register of people and their mentions in the text.

The register (``analysis/data/people.csv``) has one row per person named in
the chapter or its editorial notes, with every form of name the text uses
(``aliases``, separated by ``;``). A form claimed by two people (``Pascal``:
Pierre and Blaise) must have a rule in ``shared_names.csv`` beside it:

- ``default``: the bare form always goes to the person given (in this chapter
  a bare ``Pascal`` is always Pierre);
- ``nearest``: the claimant whose unshared name was given most recently before
  the mention, in the same paragraph first, then anywhere before it in the
  chapter; the person given is the fallback when neither claimant was named
  yet.

Longer forms win over shorter ones at the same place (``Baron Wrangel`` is
Wrangel, not a Baron; ``Blaise Pascal`` is Blaise), and two first names
sharing one surname (``Jacques and Clara Mesnil``) are two mentions.
Possessives count (``Lenin’s`` is a mention of Lenin, spanning ``Lenin``).

Example:
    >>> from analysis import load_chapter
    >>> found = mentions(load_chapter())
    >>> int((found["person_id"] == "lenin").sum())
    15
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
from wordfreq import zipf_frequency

from analysis.csvtable import read_csv_table
from analysis.errors import DataFileError
from analysis.source import data_path
from analysis.text import Chapter

#: Columns every register must have, in this order at the front.
REGISTER_COLUMNS = ["person_id", "name", "aliases", "role", "nationality", "affiliation",
                    "fate", "source_paragraph"]
SHARED_COLUMNS = ["alias", "rule", "person_id", "reason"]
CHECK_COLUMNS = ["paragraph_id", "person_id", "surface", "start", "end", "reason"]
KNOWN_COLUMNS = ["name", "kind", "note"]
MENTION_COLUMNS = ["person_id", "surface", "paragraph_id", "sentence_id", "start", "end",
                   "in_note", "kind", "resolved_by"]
RULES = ("default", "nearest")
_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
_EDGE_BEFORE = r"(?<![\w-])"
_EDGE_AFTER = r"(?![\w-])"


def split_aliases(cell: str) -> list[str]:
    """Split an ``aliases`` cell on ``;``, dropping blanks.

    Example:
        >>> split_aliases("Bela Kun; Kun;")
        ['Bela Kun', 'Kun']
    """
    return [a.strip() for a in cell.split(";") if a.strip()]


def load_shared_names(path: str | Path | None = None) -> pd.DataFrame:
    """Load the rules for name forms claimed by several people.

    Columns ``alias, rule, person_id, reason``; ``rule`` is ``default`` or
    ``nearest`` (see the module docstring).

    Raises:
        DataFileError: missing file or column, unknown rule, empty cell, or an
            alias given two rules; the message names the file, row and column.

    Example:
        >>> load_shared_names().set_index("alias").loc["Pascal", "person_id"]
        'pierre_pascal'
    """
    file = Path(path) if path is not None else data_path("shared_names.csv")
    table = read_csv_table(file, SHARED_COLUMNS, strip=True)
    seen: dict[str, int] = {}
    for i, row in enumerate(table.itertuples(index=False), start=2):
        for col in ("alias", "rule", "person_id"):
            if not getattr(row, col):
                raise DataFileError(f"{file}: row {i}, column {col}: empty")
        if row.rule not in RULES:
            raise DataFileError(f"{file}: row {i}, column rule: {row.rule!r} is not one of "
                                f"{', '.join(RULES)}")
        if row.alias in seen:
            raise DataFileError(f"{file}: row {i}, column alias: {row.alias!r} already has a "
                                f"rule in row {seen[row.alias]}")
        seen[row.alias] = i
    return table[SHARED_COLUMNS].reset_index(drop=True)


def load_register(path: str | Path | None = None,
                  shared_names: str | Path | pd.DataFrame | None = None) -> pd.DataFrame:
    """Load and validate the register of people.

    Args:
        path: a register CSV; ``None`` means the bundled ``people.csv``.
        shared_names: the rules for shared name forms (a CSV or a table from
            :func:`load_shared_names`); ``None`` means ``shared_names.csv`` in
            the register's folder, or no rules if there is none.

    Returns:
        The register, ``source_paragraph`` as an integer and ``narrator`` as a
        boolean (the optional column ``narrator`` holds ``yes`` for the person
        who tells the text, who is never a node of its network; absent or empty
        means no); the shared-name rules it was checked against are kept in
        ``attrs["shared_names"]`` (as records).

    Raises:
        DataFileError: a missing column or empty required cell, a malformed or
            duplicate ``person_id``, a ``source_paragraph`` that is not a
            positive integer, or a name form claimed by two people with no rule
            in the shared-names table (or a rule naming a non-claimant).

    Example:
        >>> reg = load_register()
        >>> reg.set_index("person_id").loc["borodin", "aliases"]
        'Dr. Alexandrov; Alexandrov; Comrade Borodin; Borodin'
    """
    file = Path(path) if path is not None else data_path("people.csv")
    table = read_csv_table(file, REGISTER_COLUMNS, strip=True)
    first_row: dict[str, int] = {}
    claims: dict[str, list[tuple[str, int]]] = {}
    for i, row in enumerate(table.itertuples(index=False), start=2):
        for col in ("person_id", "name", "aliases", "source_paragraph"):
            if not getattr(row, col):
                raise DataFileError(f"{file}: row {i}, column {col}: empty")
        if not _ID.match(row.person_id):
            raise DataFileError(f"{file}: row {i}, column person_id: {row.person_id!r} is not "
                                "an id (lower-case letters, digits and _, starting with a letter)")
        if row.person_id in first_row:
            raise DataFileError(f"{file}: row {i}, column person_id: duplicate id "
                                f"{row.person_id!r} (first in row {first_row[row.person_id]})")
        first_row[row.person_id] = i
        if not row.source_paragraph.isdigit() or int(row.source_paragraph) < 1:
            raise DataFileError(f"{file}: row {i}, column source_paragraph: "
                                f"{row.source_paragraph!r} is not a paragraph number")
        if getattr(row, "narrator", "") not in ("", "yes"):
            raise DataFileError(f"{file}: row {i}, column narrator: {row.narrator!r} is not "
                                "'yes' or empty")
        for alias in split_aliases(row.aliases):
            claims.setdefault(alias, []).append((row.person_id, i))
    if isinstance(shared_names, pd.DataFrame):
        shared, shared_file = shared_names, "<shared names table>"
    else:
        shared_file = Path(shared_names) if shared_names is not None else (
            file.parent / "shared_names.csv")
        shared = (load_shared_names(shared_file) if shared_names is not None
                  or shared_file.is_file() else pd.DataFrame(columns=SHARED_COLUMNS))
    _check_claims(claims, shared, file, shared_file)
    narrator = table["narrator"] == "yes" if "narrator" in table.columns else False
    table = table.assign(source_paragraph=table["source_paragraph"].astype(int),
                         narrator=narrator)
    table.attrs["shared_names"] = shared[SHARED_COLUMNS].to_dict("records")
    return table


def _check_claims(claims: dict[str, list[tuple[str, int]]], shared: pd.DataFrame,
                  file: Path, shared_file: Path | str) -> None:
    """Every name form claimed twice needs a rule whose person is a claimant."""
    rules = dict(zip(shared["alias"], shared["person_id"]))
    for alias, who in claims.items():
        if len(who) > 1 and alias not in rules:
            (p1, r1), (p2, r2) = who[0], who[1]
            raise DataFileError(
                f"{file}: row {r2}, column aliases: {alias!r} is claimed by {p1} (row {r1}) and "
                f"{p2} with no rule for it in {shared_file}")
        if alias in rules and len(who) > 1 and rules[alias] not in {p for p, _ in who}:
            raise DataFileError(f"{shared_file}: alias {alias!r}: person {rules[alias]!r} does "
                                "not claim it in the register")


def _alias_table(register: pd.DataFrame) -> pd.DataFrame:
    """One row per (alias, person_id)."""
    rows = [(alias, pid) for pid, cell in zip(register["person_id"], register["aliases"])
            for alias in split_aliases(cell)]
    return pd.DataFrame(rows, columns=["alias", "person_id"]).drop_duplicates()


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


def mentions(chapter: Chapter, register: pd.DataFrame | None = None,
             shared_names: pd.DataFrame | None = None) -> pd.DataFrame:
    """Find every naming of every registered person, with offsets.

    Names are found in Serge's narration and in the editor's notes; the
    headings (paragraphs of kind ``title``) take part in no analysis, so a
    name in a heading is not a mention.

    Args:
        chapter: the chapter.
        register: from :func:`load_register`; ``None`` means the bundled one.
        shared_names: rules for shared forms; ``None`` means those the register
            was loaded with (the bundled rules if it carries none).

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
        >>> from analysis import load_chapter
        >>> m = mentions(load_chapter())
        >>> m[m["surface"] == "Baron Wrangel"][["person_id", "paragraph_id"]].values.tolist()
        [['wrangel', 12]]
    """
    register = load_register() if register is None else register
    if shared_names is None:
        records = register.attrs.get("shared_names")
        shared = (pd.DataFrame(records, columns=SHARED_COLUMNS) if records is not None
                  else load_shared_names())
    else:
        shared = shared_names
    aliases = _alias_table(register)
    claimants = aliases.groupby("alias")["person_id"].agg(list).to_dict()
    claims: dict[str, list[tuple[str, int]]] = {}
    for i, (pid, cell) in enumerate(zip(register["person_id"], register["aliases"]), start=2):
        for alias in split_aliases(cell):
            claims.setdefault(alias, []).append((pid, i))
    _check_claims(claims, shared, Path("<register table>"), "<shared names>")
    rules = {a: (r, p) for a, r, p in shared[["alias", "rule", "person_id"]]
             .itertuples(index=False)}
    frames = []
    ordered = sorted(claimants, key=lambda a: (-len(a), a))
    if ordered:
        pattern = (_EDGE_BEFORE + "(?:" + "|".join(re.escape(a) for a in ordered) + ")"
                   + _EDGE_AFTER)
        frames.append(chapter.find(pattern).assign(how="alias"))
    for regex, pid in _coordinated_first_names(aliases):
        frames.append(chapter.find(regex).assign(how="first name", pid=pid))
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


def load_check(path: str | Path | None = None) -> pd.DataFrame:
    """Load the hand check of mentions (the gold standard).

    One row per mention in each checked paragraph; a paragraph checked and
    found to name nobody has one row with an empty ``person_id``.

    Raises:
        DataFileError: missing column, bad integer, or ``start >= end``,
            naming the file, row and column.

    Example:
        >>> gold = load_check()
        >>> gold["paragraph_id"].nunique() >= 20
        True
    """
    file = Path(path) if path is not None else data_path("annotations/mentions_check.csv")
    table = read_csv_table(file, CHECK_COLUMNS, strip=True)
    for i, row in enumerate(table.itertuples(index=False), start=2):
        cols = ("paragraph_id", "start", "end") if row.person_id else ("paragraph_id",)
        for col in cols:
            if not getattr(row, col).isdigit():
                raise DataFileError(f"{file}: row {i}, column {col}: {getattr(row, col)!r} is "
                                    "not a non-negative integer")
        if row.person_id and int(row.start) >= int(row.end):
            raise DataFileError(f"{file}: row {i}, column end: end must be after start")
        if not row.reason:
            raise DataFileError(f"{file}: row {i}, column reason: empty")
    table["paragraph_id"] = table["paragraph_id"].astype(int)
    return table


def evaluate(found: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Compare found mentions with the hand check, in the checked paragraphs.

    A found mention is right when ``person_id``, ``start`` and ``end`` all
    agree with a gold row. Returns one row: ``paragraphs, gold, found,
    correct, precision, recall, f1``.

    Example:
        >>> g = pd.DataFrame({"paragraph_id": [1, 1, 2], "person_id": ["a", "b", ""],
        ...                   "start": ["0", "5", ""], "end": ["3", "8", ""]})
        >>> f = pd.DataFrame({"paragraph_id": [1, 1, 3], "person_id": ["a", "c", "a"],
        ...                   "start": [0, 5, 9], "end": [3, 8, 12]})
        >>> evaluate(f, g)[["correct", "precision", "recall"]].to_dict("records")
        [{'correct': 1, 'precision': 0.5, 'recall': 0.5}]
    """
    diff = differences(found, gold)
    correct = int((diff["status"] == "correct").sum())
    n_found = int(diff["status"].isin(["correct", "spurious"]).sum())
    n_gold = int(diff["status"].isin(["correct", "missed"]).sum())
    precision = correct / n_found if n_found else float("nan")
    recall = correct / n_gold if n_gold else float("nan")
    f1 = (2 * precision * recall / (precision + recall)) if correct else 0.0
    return pd.DataFrame([{"paragraphs": gold["paragraph_id"].nunique(), "gold": n_gold,
                          "found": n_found, "correct": correct, "precision": precision,
                          "recall": recall, "f1": f1}])


def differences(found: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Line up found and gold mentions in the checked paragraphs.

    Returns ``paragraph_id, person_id, start, end, status`` with ``status``
    ``correct`` (in both), ``missed`` (gold only) or ``spurious`` (found only),
    in text order.

    Example:
        >>> g = pd.DataFrame({"paragraph_id": [1], "person_id": ["a"],
        ...                   "start": ["0"], "end": ["3"]})
        >>> f = pd.DataFrame({"paragraph_id": [1], "person_id": ["b"],
        ...                   "start": [0], "end": [3]})
        >>> differences(f, g)["status"].tolist()
        ['missed', 'spurious']
    """
    checked = set(gold["paragraph_id"].astype(int))
    cols = ["paragraph_id", "person_id", "start", "end"]
    g = gold.loc[gold["person_id"] != "", cols].astype(
        {"paragraph_id": int, "start": int, "end": int})
    f = found.loc[found["paragraph_id"].isin(checked), cols].astype(
        {"paragraph_id": int, "start": int, "end": int})
    both = g.merge(f, on=cols, how="outer", indicator=True)
    status = both["_merge"].map({"both": "correct", "left_only": "missed",
                                 "right_only": "spurious"}).astype(str)
    return (both.drop(columns="_merge").assign(status=status)
            .sort_values(["start", "status"]).reset_index(drop=True))


#: Words that are never (the start of) a person's name, capitalised or not.
FUNCTION_WORDS = frozenset("""a an the and or but nor if then so as at by for from in into of off on
onto out over to up upon with within without about above after against along among around
before behind below beneath beside besides between beyond during except like near since
through throughout till toward towards under until unlike via i me my mine we us our ours
you your yours he him his she her hers it its they them their theirs this that these those
who whom whose which what when where why how all any both each either every few many more
most much neither no none not nothing only other some such than too very yes is are was were
be been being am has have had do does did will would shall should can could may might must
here there now even also yet still just once again ever never always already one two three
ten""".split())

#: Lower-case words that may join the parts of one name (``Fernando de los Rios``).
NAME_PARTICLES = frozenset({"de", "los", "la", "las", "del", "di", "da", "du", "des", "von",
                            "van", "der", "den", "le"})


def load_known_names(path: str | Path | None = None) -> pd.DataFrame:
    """Load the names that are not people (places, organisations, groups, titles ...).

    Columns ``name, kind, note``; the unregistered-name detector ignores them.

    Raises:
        DataFileError: missing column, empty ``name`` or ``kind``, or a name
            listed twice, naming the file, row and column.

    Example:
        >>> known = load_known_names()
        >>> known.set_index("name").loc["Kronstadt", "kind"]
        'place'
    """
    file = Path(path) if path is not None else data_path("non_person_names.csv")
    table = read_csv_table(file, KNOWN_COLUMNS, strip=True)
    seen: dict[str, int] = {}
    for i, row in enumerate(table.itertuples(index=False), start=2):
        for col in ("name", "kind"):
            if not getattr(row, col):
                raise DataFileError(f"{file}: row {i}, column {col}: empty")
        if row.name in seen:
            raise DataFileError(f"{file}: row {i}, column name: {row.name!r} already listed in "
                                f"row {seen[row.name]}")
        seen[row.name] = i
    return table[KNOWN_COLUMNS]


def unregistered_names(chapter: Chapter, register: pd.DataFrame | None = None,
                       known: pd.DataFrame | None = None,
                       common_zipf: float = 4.0) -> pd.DataFrame:
    """List capitalised word sequences that might be people missing from the register.

    A candidate is a run of capitalised words in one sentence of the
    narration or the notes (the headings take part in no analysis; lower-case
    name particles such as ``de los`` may join them) that is neither a
    registered mention nor made up of names listed as not people. A capitalised
    word that opens a sentence is dropped when it is a function word, a
    common English word (Zipf frequency ``>= common_zipf`` in ``wordfreq``)
    or used in lower case elsewhere in the text.

    Returns:
        ``candidate, start, end, paragraph_id, sentence_id, in_note``, one row
        per occurrence, in text order (group by ``candidate`` to count).

    Example:
        >>> from analysis import load_chapter
        >>> len(unregistered_names(load_chapter()))
        0
    """
    register = load_register() if register is None else register
    known = load_known_names() if known is None else known
    covered = np.zeros(len(chapter.seed_text) + 1, dtype=bool)
    for a, b in mentions(chapter, register)[["start", "end"]].itertuples(index=False):
        covered[a:b] = True
    words = chapter.words
    lower_used = set(words.loc[~words["token"].str[:1].str.isupper(), "lower"])
    kinds = dict(zip(chapter.paragraphs["paragraph_id"], chapter.paragraphs["kind"]))
    tokens = chapter.tokens[chapter.tokens["paragraph_id"].map(kinds) != "title"]
    known_seqs = {tuple(n.split()) for n in known["name"]}
    longest = max((len(k) for k in known_seqs), default=1)
    rows = []
    for run in _capitalised_runs(tokens, covered, lower_used, common_zipf):
        if not _explained([t[1] for t in run], known_seqs, longest):
            rows.append((" ".join(t[1] for t in run), run[0][2], run[-1][3], run[0][4],
                         run[0][0], kinds[run[0][4]] == "editorial"))
    return pd.DataFrame(rows, columns=["candidate", "start", "end", "paragraph_id",
                                       "sentence_id", "in_note"]).astype(
        {"start": "int64", "end": "int64", "paragraph_id": "int64", "sentence_id": "int64",
         "in_note": bool})


def _capitalised_runs(tokens: pd.DataFrame, covered: np.ndarray, lower_used: set[str],
                      common_zipf: float) -> list[list[tuple]]:
    """Runs of capitalised words within sentences, as ``(sentence_id, token, start,
    end, paragraph_id)`` tuples; see :func:`unregistered_names` for the rules."""
    runs: list[list[tuple]] = []
    current: list[tuple] = []
    sentence, seen_word = None, False
    columns = ["sentence_id", "token", "start", "end", "paragraph_id", "lower", "is_word"]
    for sid, token, start, end, pid, lower, is_word in zip(*(tokens[c] for c in columns)):
        if sid != sentence:
            runs.append(current)
            current, sentence, seen_word = [], sid, False
        initial = is_word and not seen_word
        seen_word = seen_word or is_word
        item = (sid, token, start, end, pid)
        if covered[start] or not is_word or not _is_name_word(token):
            if current and lower in NAME_PARTICLES:
                current.append(item)
            else:
                runs.append(current)
                current = []
        elif initial and (lower in lower_used or zipf_frequency(lower, "en") >= common_zipf):
            runs.append(current)
            current = []
        else:
            current.append(item)
    runs.append(current)
    out = []
    for run in runs:
        while run and run[-1][1].lower() in NAME_PARTICLES:
            run.pop()
        if run:
            out.append(run)
    return out


def _is_name_word(token: str) -> bool:
    """A capitalised word that is not a function word (``MY`` is not a name)."""
    return token[:1].isupper() and token.lower() not in FUNCTION_WORDS


def _explained(tokens: list[str], known: set[tuple[str, ...]], longest: int) -> bool:
    """True if ``tokens`` split wholly into names listed as not people."""
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            if tuple(tokens[i:i + n]) in known:
                i += n
                break
        else:
            return False
    return True


def mention_counts(found: pd.DataFrame, register: pd.DataFrame) -> pd.DataFrame:
    """How often each registered person is named, in Serge's text and in the notes.

    Returns ``person_id, name, narration, notes, total, first_paragraph``, one
    row per registered person (people never found get zeros), most named
    first. ``narration`` counts every mention outside the editorial notes
    (the title included).

    Example:
        >>> from analysis import load_chapter
        >>> reg = load_register()
        >>> counts = mention_counts(mentions(load_chapter(), reg), reg)
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
    """A short label per person: the form the text uses most.

    On a tie, the surname (the last word of the register's ``name``) if the
    text uses it alone, else the longest form. People never found keep their
    register ``name``. Indexed by ``person_id``.

    Example:
        >>> from analysis import load_chapter
        >>> reg = load_register()
        >>> lab = labels(mentions(load_chapter(), reg), reg)
        >>> lab["lenin"], lab["pierre_pascal"], lab["olga_gumilev"], lab["lozovsky"]
        ('Lenin', 'Pierre Pascal', 'Olga Gumilev', 'Lozovsky')
    """
    names = register.set_index("person_id")["name"]
    full = found[found["resolved_by"] != "first name"]
    counts = full.groupby(["person_id", "surface"]).size().reset_index(name="n")
    counts["length"] = counts["surface"].str.len()
    surname = counts["person_id"].map(names).str.split().str[-1]
    counts["is_surname"] = counts["surface"] == surname
    best = (counts.sort_values(["person_id", "n", "is_surname", "length"],
                               ascending=[True, False, False, False])
            .drop_duplicates("person_id").set_index("person_id")["surface"])
    return best.reindex(names.index).fillna(names).rename("label")


def portrayal(found: pd.DataFrame, sentence_scores: pd.DataFrame, register: pd.DataFrame,
              min_sentences: int = 3, include_notes: bool = False, n_boot: int = 2000,
              seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """Mean sentiment of the sentences naming each person, with a bootstrap interval.

    Args:
        found: mentions from :func:`mentions`.
        sentence_scores: one row per sentence with ``sentence_id`` and
            ``sentiment`` (a score in [-1, 1], e.g. from
            ``analysis.sentiment.sentence_scores``).
        register: the register (for names).
        min_sentences: people named in fewer distinct sentences are left out.
        include_notes: count sentences of the editorial notes too.
        n_boot, seed, level: percentile bootstrap of the mean over sentences
            (resampling sentences, seeded).

    Returns:
        ``person_id, name, sentences, mean, low, high``, most negative first.
        A sentence naming two people counts for both.

    Example:
        >>> found = pd.DataFrame({"person_id": ["a"] * 3 + ["b"] * 3,
        ...                       "sentence_id": [1, 2, 3, 3, 4, 5], "in_note": False})
        >>> scores = pd.DataFrame({"sentence_id": [1, 2, 3, 4, 5],
        ...                        "sentiment": [0.5, 0.5, 0.5, -0.5, -0.5]})
        >>> reg = pd.DataFrame({"person_id": ["a", "b"], "name": ["A", "B"]})
        >>> portrayal(found, scores, reg, n_boot=20)[["person_id", "mean"]].round(3).values.tolist()
        [['b', -0.167], ['a', 0.5]]
    """
    rng = np.random.default_rng(seed)
    alpha = (1 - level) / 2
    use = found if include_notes else found[~found["in_note"].astype(bool)]
    pairs = use[["person_id", "sentence_id"]].drop_duplicates()
    pairs = pairs.merge(sentence_scores[["sentence_id", "sentiment"]], on="sentence_id")
    names = register.set_index("person_id")["name"]
    rows = []
    for pid, part in pairs.groupby("person_id", sort=True):
        values = part["sentiment"].to_numpy(dtype=float)
        if len(values) < min_sentences:
            continue
        means = rng.choice(values, size=(n_boot, len(values)), replace=True).mean(axis=1)
        rows.append((pid, names.get(pid, pid), len(values), float(values.mean()),
                     float(np.quantile(means, alpha)), float(np.quantile(means, 1 - alpha))))
    out = pd.DataFrame(rows, columns=["person_id", "name", "sentences", "mean", "low", "high"])
    return out.sort_values(["mean", "person_id"]).reset_index(drop=True)


def portrayal_sentences(found: pd.DataFrame, sentence_scores: pd.DataFrame,
                        chapter: Chapter, person_id: str,
                        include_notes: bool = False) -> pd.DataFrame:
    """The sentences naming one person, with their score, in text order.

    Returns ``sentence_id, paragraph_id, start, end, sentiment, text``.

    Example:
        >>> from analysis import load_chapter
        >>> ch = load_chapter()
        >>> found = mentions(ch)
        >>> scores = ch.sentences[["sentence_id"]].assign(sentiment=0.0)
        >>> portrayal_sentences(found, scores, ch, "clemenceau")["text"].str[:10].tolist()
        ['Clemenceau']
    """
    use = found if include_notes else found[~found["in_note"].astype(bool)]
    ids = use.loc[use["person_id"] == person_id, "sentence_id"].unique()
    sents = chapter.sentences[chapter.sentences["sentence_id"].isin(ids)]
    out = sents.merge(sentence_scores[["sentence_id", "sentiment"]], on="sentence_id",
                      how="left")
    return out[["sentence_id", "paragraph_id", "start", "end", "sentiment", "text"]]


def theme_ties(found: pd.DataFrame, paragraph_scores: pd.DataFrame, register: pd.DataFrame,
               min_paragraphs: int = 2, top: int = 5, themes: list[str] | None = None,
               include_notes: bool = False) -> pd.DataFrame:
    """The people most tied to each theme: mean theme score of the paragraphs naming them.

    Args:
        found: mentions from :func:`mentions` (notes included if present).
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


def register_table(chapter: Chapter, register: pd.DataFrame | None = None) -> pd.DataFrame:
    """The register with each person's mention counts (the export ``people.csv``).

    ``register`` (from :func:`load_register`) defaults to the bundled one.

    Example:
        >>> from analysis import load_chapter
        >>> t = register_table(load_chapter())
        >>> t.columns[:3].tolist(), len(t)
        (['person_id', 'name', 'aliases'], 69)
    """
    register = load_register() if register is None else register
    counts = mention_counts(mentions(chapter, register), register)
    return register.merge(counts.drop(columns="name"), on="person_id", how="left")


def mentions_table(chapter: Chapter, register: pd.DataFrame | None = None) -> pd.DataFrame:
    """The mentions of the register's people (the export ``mentions.csv``).

    ``register`` (from :func:`load_register`) defaults to the bundled one.

    Example:
        >>> from analysis import load_chapter
        >>> mentions_table(load_chapter()).columns[:7].tolist()
        ['person_id', 'surface', 'paragraph_id', 'sentence_id', 'start', 'end', 'in_note']
    """
    return mentions(chapter, register)
