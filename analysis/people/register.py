"""The register of people: one row per person, every form of name the text uses.

The register (``analysis/data/people.csv`` for this chapter) has one row per
person named in the chapter or its editorial notes, with every form of name the
text uses (``aliases``, separated by ``;``). A form claimed by two people
(``Pascal``: Pierre and Blaise) must have a rule in ``shared_names.csv`` beside
it:

- ``default``: the bare form always goes to the person given (in this chapter
  a bare ``Pascal`` is always Pierre);
- ``nearest``: the claimant whose unshared name was given most recently before
  the mention, in the same paragraph first, then anywhere before it in the
  chapter; the person given is the fallback when neither claimant was named
  yet.

Example:
    >>> register.set_index("person_id").loc["borodin", "aliases"]
    'Dr. Alexandrov; Alexandrov; Comrade Borodin; Borodin'
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.errors import DataFileError
from analysis.schema import Field, TableSchema, read_table


_ID = r"[a-z][a-z0-9_]*"
_ID_MEANS = "an id (lower-case letters, digits and _, starting with a letter)"

#: An ISO 8601 calendar date as precise as the record — a year, a year and month, or a day.
ISO_DATE = r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"
_DATE_MEANS = "an ISO 8601 date as precise as the record (1883, 1921-08 or 1883-09-23)"

#: How a person died, as the record states it (the register's ``death``).
DEATHS = ("executed", "died in custody", "murdered", "suicide", "killed in war",
          "natural causes", "unknown")

#: The kinds of death that have a killer (the register's ``killed_by`` is given for these only).
KILLINGS = ("executed", "died in custody", "murdered")

#: The register's schema, one row per person.
REGISTER = TableSchema((
    Field("person_id", required=True, unique=True, pattern=_ID, pattern_means=_ID_MEANS,
          description="the person's id in every table"),
    Field("name", required=True, description="the standard name"),
    Field("aliases", required=True, description="every form of name the text uses, ';' between"),
    Field("label", optional=True,
          description="the short name figures and tables show, the record's name in the book's "
                      "voice (Anna Gumileva where the text says 'Olga Gumilev'); empty: the form "
                      "the text uses most"),
    Field("birth_name", optional=True,
          description="the name given at birth where the record gives another (Lev Davidovich "
                      "Bronstein)"),
    Field("role", description="the person's role at the time of the text"),
    Field("nationality"),
    Field("affiliation", description="political affiliation at the time of the text"),
    Field("born", optional=True, pattern=ISO_DATE, pattern_means=_DATE_MEANS,
          description="date of birth from the record, ISO 8601, as precise as the record; "
                      "Gregorian (new style) where the record gives old and new style, the "
                      "Julian date before 1582; empty: unknown"),
    Field("died", optional=True, pattern=ISO_DATE, pattern_means=_DATE_MEANS,
          description="date of death from the record, ISO 8601, as precise as the record; "
                      "Gregorian (new style) where the record gives old and new style, the "
                      "Julian date before 1582; empty: unknown"),
    Field("fate", description="the fate, as the text or its notes state it"),
    Field("record_fate", optional=True,
          description="the record's fate, one short sentence (Shot in Moscow after the first "
                      "Moscow Trial, 25 August 1936.)"),
    Field("death", optional=True, enum=DEATHS,
          description="how the person died by the record: " + ", ".join(DEATHS)
                      + " (died in custody: in prison, camp or exile under arrest; natural "
                        "causes: illness or age, the record telling of no violence; unknown: the "
                        "record does not say); empty: unidentified and alive at the text's time"),
    Field("killed_by", optional=True,
          description="who killed the person, where death is executed, died in custody or "
                      "murdered (Soviet state for the Cheka, OGPU, NKVD, their courts, camps "
                      "and agents abroad)"),
    Field("source_paragraph", "integer", required=True, minimum=1,
          description="the paragraph where the text introduces the person"),
    Field("narrator", enum=("yes",), optional=True,
          description="'yes' for the person who tells the text (never a node of its network)"),
    Field("claim", optional=True,
          description="what the text says of the person that the record contradicts, quoted"),
    Field("record", optional=True, description="the historical record, where the text errs"),
    Field("record_source", optional=True,
          description="the reference works checked for the record, each at its canonical "
                      "address ('; ' between)"),
    Field("life_source", optional=True,
          description="the reference works for born, died and record_fate, each at its "
                      "canonical address ('; ' between)"),
    Field("wikidata", optional=True, pattern=r"Q[1-9][0-9]*",
          pattern_means="a Wikidata identifier such as Q1394",
          description="the person's Wikidata item"),
    Field("wikidata_check", optional=True,
          description="how the Wikidata item was confirmed to be this person (its label and "
                      "dates seen with the identifier, and where)"),
))
REGISTER_COLUMNS = REGISTER.names

#: Columns of the register table the export adds (``people.csv``); a register may not have them.
COUNT_COLUMNS = ("narration", "notes", "total", "first_paragraph")

#: The register's columns that speak of the text it was made for (what that text says of a
#: person, where it errs, notes on its passages): left out where the register stands in for
#: another text's.
OF_ITS_TEXT: tuple[str, ...] = ("fate", "claim", "record", "note")

RULES = ("default", "nearest")

#: The schema of the rules for shared name forms.
SHARED_NAMES = TableSchema((
    Field("alias", required=True, unique=True, description="a name form two people share"),
    Field("rule", required=True, enum=RULES, description="default or nearest"),
    Field("person_id", required=True, pattern=_ID, pattern_means=_ID_MEANS,
          description="the default person, or the fallback of the nearest rule"),
    Field("reason", required=True, description="why the rule is right for this text"),
))

#: The columns of a table of shared-name rules, in order (an empty table of them means no rules).
SHARED_COLUMNS = SHARED_NAMES.names

#: The schema of the names that are not people.
KNOWN_NAMES = TableSchema((
    Field("name", required=True, unique=True, description="a capitalised name that is no person"),
    Field("kind", required=True, description="place, organisation, group, title, work ..."),
    Field("note"),
))


def split_aliases(cell: str) -> list[str]:
    """Split an ``aliases`` cell on ``;``, dropping blanks.

    Example:
        >>> split_aliases("Bela Kun; Kun;")
        ['Bela Kun', 'Kun']
    """
    return [a.strip() for a in cell.split(";") if a.strip()]


def load_shared_names(path: str | Path) -> pd.DataFrame:
    """Load the rules for name forms claimed by several people.

    Columns ``alias, rule, person_id, reason``; ``rule`` is ``default`` or
    ``nearest`` (see the module docstring).

    Raises:
        DataFileError: missing file or column, unknown rule, empty cell, or an
            alias given two rules; the message names the file, row and column.

    Example:
        >>> shared_names.set_index("alias").loc["Pascal", "person_id"]
        'pierre_pascal'
    """
    return read_table(path, SHARED_NAMES)[SHARED_COLUMNS].reset_index(drop=True)


def load_register(path: str | Path,
                  shared_names: str | Path | pd.DataFrame | None = None) -> pd.DataFrame:
    """Load and validate the register of people.

    Args:
        path: a register CSV (``analysis/data/people.csv`` for this chapter).
        shared_names: the rules for shared name forms (a CSV or a table from
            :func:`load_shared_names`); ``None`` means no rules.

    Returns:
        The register, ``source_paragraph`` as an integer and ``narrator`` as a
        boolean (the optional column ``narrator`` holds ``yes`` for the person
        who tells the text, who is never a node of its network; absent or empty
        means no). The shared-name rules it was checked against are not kept
        with it: :func:`analysis.people.mentions.mentions` takes them as an
        argument.

    Raises:
        DataFileError: a cell that breaks the schema (:data:`REGISTER`: a
            missing column or empty required cell, a malformed or duplicate
            ``person_id``, a ``source_paragraph`` that is not a positive
            integer ...), a column named like one the export computes, a name
            form claimed by two people with no rule in the shared-names table
            (or a rule naming a non-claimant), a person with no name form, or a
            form of one character or a common English word (``I``, ``the``,
            ``will``) with no rule in the shared-names table. Every row breaking one
            of these last checks is named, in one line.

    Example:
        >>> register.set_index("person_id").loc["borodin", "aliases"]
        'Dr. Alexandrov; Alexandrov; Comrade Borodin; Borodin'
    """
    file = Path(path)
    table = read_table(file, REGISTER)
    clash = [c for c in COUNT_COLUMNS if c in table.columns]
    if clash:
        raise DataFileError(f"{file}: row 1 (header): column {clash[0]!r} is one the export "
                            "computes (the mention counts); rename it")
    claims: dict[str, list[tuple[str, int]]] = {}
    for i, (pid, cell) in enumerate(zip(table["person_id"], table["aliases"]), start=2):
        for alias in split_aliases(cell):
            claims.setdefault(alias, []).append((pid, i))
    if isinstance(shared_names, pd.DataFrame):
        shared, shared_file = shared_names, "<shared names table>"
    elif shared_names is None:
        shared, shared_file = pd.DataFrame(columns=SHARED_COLUMNS), "<no shared-name rules>"
    else:
        shared_file = Path(shared_names)
        shared = load_shared_names(shared_file)
    check_claims(claims, shared, file, shared_file)
    _check_aliases(table, shared, file, shared_file)
    return table.assign(narrator=table["narrator"] == "yes")


def check_claims(claims: dict[str, list[tuple[str, int]]], shared: pd.DataFrame,
                 file: Path, shared_file: Path | str) -> None:
    """Every name form claimed twice needs a rule whose person is a claimant; all are reported.

    Example:
        >>> check_claims({"Kun": [("a", 2), ("b", 3)], "Lenin": [("c", 4), ("d", 5)]},
        ...              pd.DataFrame(columns=SHARED_COLUMNS), Path("people.csv"), "rules.csv")
        Traceback (most recent call last):
        ...
        analysis.errors.DataFileError: people.csv: row 3, column aliases: 'Kun' is claimed by a (row 2) and b with no rule for it in rules.csv; row 5, column aliases: 'Lenin' is claimed by c (row 4) and d with no rule for it in rules.csv
    """
    rules = dict(zip(shared["alias"], shared["person_id"]))
    unruled, strays = [], []
    for alias, who in claims.items():
        if len(who) > 1 and alias not in rules:
            (p1, r1), (p2, r2) = who[0], who[1]
            unruled.append(f"row {r2}, column aliases: {alias!r} is claimed by {p1} (row {r1}) "
                           f"and {p2} with no rule for it in {shared_file}")
        if alias in rules and len(who) > 1 and rules[alias] not in {p for p, _ in who}:
            strays.append(f"alias {alias!r}: person {rules[alias]!r} does not claim it in the "
                          "register")
    if unruled:
        raise DataFileError(f"{file}: {_listed(unruled)}")
    if strays:
        raise DataFileError(f"{shared_file}: {_listed(strays)}")


def _listed(problems: list[str], most: int = 5) -> str:
    """The first ``most`` problems, joined, and how many more there are.

    Example:
        >>> _listed(["row 2: a", "row 3: b", "row 4: c"], most=2)
        'row 2: a; row 3: b; and 1 more'
    """
    more = f"; and {len(problems) - most} more" if len(problems) > most else ""
    return "; ".join(problems[:most]) + more


#: A one-word alias whose Zipf frequency in general English (``wordfreq``) reaches this is a
#: common word ("the" 7.7, "will" 6.5, "may" 6.0), which would make a mention of every use of
#: it; the most frequent single-word name of the bundled register, "Thomas", is 4.8.
COMMON_ALIAS_ZIPF = 5.5


def _check_aliases(table: pd.DataFrame, shared: pd.DataFrame, file: Path,
                   shared_file: Path | str) -> None:
    """Refuse, all at once, a person with no name form, and a name form of one character or
    a common English word, unless the shared-names table has a rule for it (which says whom
    it names).

    Example:
        >>> people = pd.DataFrame({"person_id": ["kun", "x"], "aliases": ["Bela Kun; the", ";"]})
        >>> _check_aliases(people, pd.DataFrame(columns=SHARED_COLUMNS), Path("people.csv"),
        ...                "rules.csv")
        Traceback (most recent call last):
        ...
        analysis.errors.DataFileError: people.csv: row 2, column aliases: 'the' is a common English word: every 'the' of the text would name kun; row 3, column aliases: no name form (';' only separates them), so x could never be named; remove these, or give a form to its person by a rule in rules.csv (alias,default,person_id,reason)
    """
    from wordfreq import zipf_frequency

    allowed = set(shared["alias"])  # a rule says who the form names
    problems = []
    for row, (pid, cell) in enumerate(zip(table["person_id"], table["aliases"]), start=2):
        forms = split_aliases(cell)
        if not forms:
            problems.append(f"row {row}, column aliases: no name form (';' only separates "
                            f"them), so {pid} could never be named")
        for form in forms:
            if form in allowed:
                continue
            if len(form) == 1:
                problems.append(f"row {row}, column aliases: {form!r} is a single character: "
                                f"every {form!r} of the text would name {pid}")
            elif " " not in form and zipf_frequency(form.lower(), "en") >= COMMON_ALIAS_ZIPF:
                problems.append(f"row {row}, column aliases: {form!r} is a common English "
                                f"word: every {form!r} of the text would name {pid}")
    if problems:
        raise DataFileError(f"{file}: {_listed(problems)}; remove these, or give a "
                            f"form to its person by a rule in {shared_file} "
                            "(alias,default,person_id,reason)")


def check_source_paragraphs(table: pd.DataFrame, paragraphs: int, file: str | Path) -> None:
    """Refuse a ``source_paragraph`` beyond the text's last paragraph (all such rows at once).

    Example:
        >>> check_source_paragraphs(register, len(chapter.paragraphs), "people.csv")
        >>> check_source_paragraphs(register.head(2), 3, "people.csv")
        Traceback (most recent call last):
        ...
        analysis.errors.DataFileError: people.csv: row 2, column source_paragraph: 45 is beyond the text's last paragraph (3); row 3, column source_paragraph: 4 is beyond the text's last paragraph (3)
    """
    beyond = [f"row {row}, column source_paragraph: {int(n)} is beyond the text's last "
              f"paragraph ({paragraphs})"
              for row, n in enumerate(table["source_paragraph"], start=2) if int(n) > paragraphs]
    if beyond:
        raise DataFileError(f"{file}: {_listed(beyond)}")


def load_known_names(path: str | Path) -> pd.DataFrame:
    """Load the names that are not people (places, organisations, groups, titles ...).

    Columns ``name, kind, note``; the unregistered-name detector ignores them.

    Raises:
        DataFileError: missing column, empty ``name`` or ``kind``, or a name
            listed twice, naming the file, row and column.

    Example:
        >>> known = known_names
        >>> known.set_index("name").loc["Kronstadt", "kind"]
        'place'
    """
    return read_table(path, KNOWN_NAMES)[KNOWN_NAMES.names]
