"""The theme lexicon: its file format, its validation and its query syntax.

The lexicon (``analysis/data/themes.toml`` for this chapter) has one table per
theme: a key (the column name of every score table), a ``label`` shown in
figures, a ``description`` of the theme's scope and its ``terms``, each with a
weight (3 a core term, 2 strong, 1 weak) and an optional note. A term is
written in the small query syntax of :func:`term_regex`, which the reading
tools share.

Example:
    >>> lexicon.names
    ['terror', 'nep', 'free_thought']
    >>> lexicon.labels["free_thought"]
    'Free thought'
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.errors import DataFileError
from analysis.schema import read_text_file


def term_regex(term: str) -> re.Pattern[str]:
    """Compile a query term (the syntax of queries and of the theme lexicon).

    - ``word``: that word as a whole word, in any case (``Cheka`` finds
      "Cheka", not "Chekists");
    - ``stem*``: any word that begins so (``execut*`` finds "executed", "execution");
    - ``several words``: a phrase; the words may be separated by any white
      space or by a hyphen (``free thought`` finds "free-thought");
    - a hyphen inside a word may be there or not (``counter-revolution*`` finds
      "counterrevolutionary"); a straight apostrophe also finds a curly one;
    - ``/pattern/``: a Python regular expression, used as written.

    Matching ignores case. Raises ``ValueError`` for an empty term, a bad regular
    expression, one that matches the empty string, or one that nests a repeat
    inside a repeat (``/(a+)+$/``), which can take exponential time.

    Example:
        >>> bool(term_regex("free thought").search("the last free-thought society"))
        True
        >>> term_regex("N.E.P.").findall("With the coming of the N.E.P., the famine")
        ['N.E.P.']
        >>> term_regex("Workers' Opposition").findall("condemn the Workers’ Opposition")
        ['Workers’ Opposition']
    """
    text = term.strip()
    if not text:
        raise ValueError("empty term")
    if len(text) > 2 and text.startswith("/") and text.endswith("/"):
        try:
            regex = re.compile(text[1:-1], re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"bad regular expression {text}: {exc}") from exc
        if _nested_repeat(re._parser.parse(text[1:-1])):
            raise ValueError(f"{text} nests a repeat inside a repeat (such as (a+)+), which can "
                             "take exponential time; write it without the outer repeat")
    else:
        words = ["".join(_char_pattern(c) for c in word) for word in text.split()]
        regex = re.compile(r"(?<!\w)" + r"(?:\s+|\s*-\s*)".join(words) + r"(?!\w)",
                           re.IGNORECASE)
    if regex.search(""):
        raise ValueError(f"{text} matches the empty string")
    return regex


def _nested_repeat(parsed: object, inside: bool = False) -> bool:
    """Whether a parsed regular expression has an unbounded repeat inside another repeat."""
    for op, arg in parsed:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, body = arg
            unbounded = high == re._constants.MAXREPEAT or high > 1
            if unbounded and inside:
                return True
            if _nested_repeat(body, inside or unbounded):
                return True
        elif name in ("SUBPATTERN", "ATOMIC_GROUP", "ASSERT", "ASSERT_NOT"):
            if _nested_repeat(arg[-1], inside):
                return True
        elif name == "BRANCH":
            if any(_nested_repeat(branch, inside) for branch in arg[1]):
                return True
    return False


def _char_pattern(char: str) -> str:
    """The regular expression for one character of a plain query term."""
    return {"*": r"\w*", "-": "-?", "'": "['’]", "’": "['’]"}.get(char, re.escape(char))


#: Weight from which a lexicon term is a core term.
CORE_WEIGHT = 3.0

#: The scale of a term's weight — 1 a weak term, 2 a strong one, 3 a core one (between
#: them for a term in between).
WEIGHTS = (1.0, CORE_WEIGHT)


#: Column names of the tables theme keys become columns of; a theme may not take one.
RESERVED = frozenset({"paragraph_id", "sentence_id", "start", "end", "kind", "text", "theme",
                      "term", "match", "weight", "source", "word_index", "position",
                      "position_end", "n_words", "label", "opening", "reason", "person_id"})

_THEME_KEY = re.compile(r"[a-z][a-z0-9_]*")


_THEME_FIELDS = {"label", "description", "terms"}


_TERM_FIELDS = {"term", "weight", "note"}


@dataclass(frozen=True)
class Lexicon:
    """A validated theme lexicon.

    - ``themes``: ``theme, label, description`` in file order;
    - ``terms``: ``theme, term, weight, core, note, line`` (``line`` in the file).

    Example:
        >>> lexicon.themes["theme"].tolist()
        ['terror', 'nep', 'free_thought']
    """

    themes: pd.DataFrame
    terms: pd.DataFrame
    path: Path

    @property
    def names(self) -> list[str]:
        """The theme keys, in file order (the score columns)."""
        return self.themes["theme"].tolist()

    @property
    def labels(self) -> dict[str, str]:
        """Each theme's label, the name shown in figures and tables, in file order."""
        return dict(zip(self.themes["theme"], self.themes["label"]))


def load_lexicon(path: str | Path) -> Lexicon:
    """Read and validate a theme lexicon (a TOML file; ``analysis/data/themes.toml`` for this chapter).

    Raises:
        DataFileError: naming the file, the line (where it can be found) and the
            key: a TOML syntax error, a theme key that is not a lower-case
            identifier, a missing or empty ``description`` or ``terms``, an
            unknown key, a term that is empty, duplicated within its theme or not
            a valid query (:func:`term_regex`), a weight that is not a number on
            the scale (:data:`WEIGHTS`: 1 weak to 3 core), or a theme key that is
            also a column of the score tables.

    Example:
        >>> terms = load_lexicon(data_path("themes.toml")).terms
        >>> truth = terms[terms["term"] == "official truth"]
        >>> truth[["theme", "weight", "core"]].values.tolist()
        [['free_thought', 3.0, True]]
    """
    file = Path(path)
    raw = read_text_file(file)
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{file}: not valid TOML: {exc}") from exc
    lines = raw.splitlines()
    if not data:
        raise DataFileError(f"{file}: no theme defined")
    themes, terms = [], []
    for theme, entry in data.items():
        head = _line_of(lines, f"[{theme}]")
        where = f"{file}: line {head}" if head else f"{file}"
        if not _THEME_KEY.fullmatch(theme) or not isinstance(entry, dict):
            raise DataFileError(f"{where}: theme [{theme}] must be a table whose key is a "
                                "lower-case identifier (letters, digits, '_')")
        if theme in RESERVED:
            raise DataFileError(f"{where}: theme [{theme}]: the key is also a column of the "
                                f"score tables ({', '.join(sorted(RESERVED))}); rename the theme")
        unknown = set(entry) - _THEME_FIELDS
        if unknown:
            raise DataFileError(f"{where}: theme [{theme}]: unknown key '{sorted(unknown)[0]}' "
                                f"(allowed: {', '.join(sorted(_THEME_FIELDS))})")
        description = entry.get("description")
        if not isinstance(description, str) or not description.strip():
            raise DataFileError(f"{where}: theme [{theme}], key 'description': "
                                "missing or empty (say what the theme covers)")
        entries = entry.get("terms")
        if not isinstance(entries, list) or not entries:
            raise DataFileError(f"{where}: theme [{theme}], key 'terms': missing or empty")
        label = entry.get("label", theme)
        if not isinstance(label, str) or not label.strip():
            raise DataFileError(f"{where}: theme [{theme}], key 'label': not a text")
        themes.append((theme, label, " ".join(description.split())))
        seen: set[str] = set()
        for number, item in enumerate(entries, start=1):
            terms.append(_validate_term(file, lines, head, theme, number, item, seen))
    return Lexicon(
        themes=pd.DataFrame(themes, columns=["theme", "label", "description"]),
        terms=pd.DataFrame(terms, columns=["theme", "term", "weight", "core", "note", "line"])
        .astype({"line": "Int64"}),
        path=file,
    )


def _validate_term(file: Path, lines: list[str], head: int | None, theme: str, number: int,
                   item: object, seen: set[str]) -> tuple:
    """Check one lexicon entry; return its row or raise a DataFileError naming it."""
    term = item.get("term") if isinstance(item, dict) else None
    line = None
    if isinstance(term, str) and term:  # as written in the file: backslashes doubled
        line = (_line_of(lines, f'"{term}"', after=head)
                or _line_of(lines, '"' + term.replace("\\", "\\\\") + '"', after=head))
    where = f"{file}: line {line}" if line else f"{file}: [{theme}] term {number}"
    if not isinstance(item, dict):
        raise DataFileError(f"{where}: [{theme}] term {number} must be a table "
                            '{ term = "...", weight = N }')
    unknown = set(item) - _TERM_FIELDS
    if unknown:
        raise DataFileError(f"{where}: [{theme}] term {number}: unknown key "
                            f"'{sorted(unknown)[0]}' (allowed: {', '.join(sorted(_TERM_FIELDS))})")
    if not isinstance(term, str) or not term.strip():
        raise DataFileError(f"{where}: [{theme}] term {number}, key 'term': missing or empty")
    if term.strip().lower() in seen:
        raise DataFileError(f"{where}: [{theme}] key 'term': {term!r} is listed twice")
    seen.add(term.strip().lower())
    try:
        term_regex(term)
    except ValueError as exc:
        raise DataFileError(f"{where}: [{theme}] key 'term': {exc}") from exc
    weight = item.get("weight", 1)
    if (isinstance(weight, bool) or not isinstance(weight, int | float) or not weight > 0
            or not math.isfinite(weight)):
        raise DataFileError(f"{where}: [{theme}] term {term!r}, key 'weight': "
                            f"{weight!r} is not a positive finite number")
    low, high = WEIGHTS
    if not low <= weight <= high:
        raise DataFileError(f"{where}: [{theme}] term {term!r}, key 'weight': {weight!r} is "
                            f"outside the lexicon's scale, {low:g} (weak) to {high:g} (core)")
    note = item.get("note", "")
    if not isinstance(note, str):
        raise DataFileError(f"{where}: [{theme}] term {term!r}, key 'note': not a text")
    return theme, term.strip(), float(weight), float(weight) >= CORE_WEIGHT, note, line


def _line_of(lines: list[str], needle: str, after: int | None = None) -> int | None:
    """The 1-based number of the first line (after line ``after``) holding ``needle``."""
    for number, line in enumerate(lines, start=1):
        if number > (after or 0) and needle in line:
            return number
    return None


def lexicon_summary(lexicon: Lexicon) -> pd.DataFrame:
    """The lexicon at a glance: ``theme, weight, n_terms, terms`` (terms joined by commas).

    Example:
        >>> lexicon_summary(lexicon).query("theme == 'nep' and weight == 3")["terms"].iloc[0][:24]
        'N.E.P., NEP, New Economi'
    """
    lex = lexicon
    order = {t: i for i, t in enumerate(lex.names)}
    table = (lex.terms.groupby(["theme", "weight"], sort=False)["term"]
             .agg(n_terms="size", terms=", ".join).reset_index())
    table = table.assign(rank=table["theme"].map(order)).sort_values(
        ["rank", "weight"], ascending=[True, False])
    return table[["theme", "weight", "n_terms", "terms"]].reset_index(drop=True)


def variant(lexicon: Lexicon, theme: str, *, drop: tuple[str, ...] | list[str] = (),
            weights: dict[str, float] | None = None,
            add: dict[str, float] | None = None) -> Lexicon:
    """The lexicon with one theme's terms changed, the others as they are.

    For a sensitivity check, or to score an earlier version of a list beside
    the current one: ``drop`` removes terms (as written in the file),
    ``weights`` gives terms a new weight, ``add`` adds terms with their weight
    (without a note or a line). Core terms follow the weights
    (:data:`CORE_WEIGHT`).

    Raises:
        ValueError: an unknown theme, a dropped or reweighted term the theme
            lacks, an added term it already has or that is not a valid query
            (:func:`term_regex`), or a weight that is not positive.

    Example:
        >>> older = variant(lexicon, "free_thought", drop=["legend*"], weights={"intellectual*": 2},
        ...                 add={"democracy": 1})
        >>> terms = older.terms[older.terms["theme"] == "free_thought"].set_index("term")
        >>> "legend*" in terms.index, float(terms.loc["intellectual*", "weight"])
        (False, 2.0)
        >>> len(older.terms) == len(lexicon.terms)
        True
    """
    if theme not in lexicon.names:
        raise ValueError(f"no theme {theme!r} in the lexicon ({', '.join(lexicon.names)})")
    terms = lexicon.terms.copy()
    mine = terms["theme"] == theme
    have = set(terms.loc[mine, "term"])
    weights, add = dict(weights or {}), dict(add or {})
    for term in [*drop, *weights]:
        if term not in have:
            raise ValueError(f"[{theme}] has no term {term!r}")
    for term, weight in [*weights.items(), *add.items()]:
        if not weight > 0:
            raise ValueError(f"[{theme}] term {term!r}: weight {weight!r} is not positive")
    for term in add:
        if term in have - set(drop):
            raise ValueError(f"[{theme}] already has the term {term!r}")
        term_regex(term)
    terms = terms[~(mine & terms["term"].isin(list(drop)))].copy()
    for term, weight in weights.items():
        terms.loc[(terms["theme"] == theme) & (terms["term"] == term), "weight"] = float(weight)
    new = pd.DataFrame([(theme, term, float(w), False, "", pd.NA) for term, w in add.items()],
                       columns=terms.columns).astype({"line": "Int64"})
    terms = pd.concat([terms, new], ignore_index=True) if len(new) else terms
    order = {t: i for i, t in enumerate(lexicon.names)}
    terms = (terms.assign(rank=terms["theme"].map(order)).sort_values("rank", kind="stable")
             .drop(columns="rank").reset_index(drop=True))
    terms["core"] = terms["weight"] >= CORE_WEIGHT
    return Lexicon(themes=lexicon.themes, terms=terms, path=lexicon.path)


def compare_lexicons(before: Lexicon, after: Lexicon) -> pd.DataFrame:
    """The terms two lexicons weigh differently: ``theme, term, before, after, note``.

    ``before`` and ``after`` are the weights (``NaN`` where a lexicon lacks the
    term); ``note`` is the later lexicon's note, else the earlier one's. Rows in
    the later lexicon's order, then the terms it dropped.

    Example:
        >>> older = variant(lexicon, "free_thought", drop=["legend*"], weights={"intellectual*": 2})
        >>> compare_lexicons(older, lexicon)[["term", "before", "after"]].values.tolist()
        [['intellectual*', 2.0, 1.0], ['legend*', nan, 1.0]]
    """
    cols = ["theme", "term", "weight", "note"]
    both = after.terms[cols].merge(before.terms[cols], on=["theme", "term"], how="outer",
                                   suffixes=("_after", "_before"), indicator=True)
    order = {(t, term): i for i, (t, term) in enumerate(zip(after.terms["theme"],
                                                             after.terms["term"]))}
    later = {(t, term): len(order) + i for i, (t, term) in enumerate(zip(before.terms["theme"],
                                                                          before.terms["term"]))}
    both["rank"] = [order.get(k, later.get(k)) for k in zip(both["theme"], both["term"])]
    changed = both[both["weight_after"].ne(both["weight_before"])].sort_values("rank")
    note = changed["note_after"].where(changed["note_after"].fillna("") != "",
                                       changed["note_before"]).fillna("")
    out = changed.assign(before=changed["weight_before"], after=changed["weight_after"],
                         note=note)
    return out[["theme", "term", "before", "after", "note"]].reset_index(drop=True)
