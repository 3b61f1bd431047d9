"""A corpus of texts about the same people and years: its file, its texts and their analyses.

A corpus file (TOML; the bundled one is ``analysis/data/witnesses.toml``, named by
:data:`~analysis.datafiles.names.CORPUS_FILE`) names the texts of a corpus, each in a ``[[texts]]`` table:
its ``text_id``, ``author``, ``title``, ``year``, its text file (``text``,
byte for byte as received, checked against its ``sha256``), its data folder
(``data``, a folder in the sense of :meth:`analysis.datafiles.DataFiles.from_dir`;
left out, the bundled data files serve) and its provenance (``source``, ``cut``,
``rights``, optionally ``gutenberg``, ``written``, ``events``, ``translator``).
Paths are relative to the corpus file. Each text gets its own
:class:`~analysis.results.Analyses`, built from its text and data as any
chapter is. People are linked across the texts by their ``person_id``, which
every register shares, and by their Wikidata item: :meth:`Corpus.register`
refuses two registers that give one id two items, or one item two ids.

Example:
    >>> corpus = load_corpus(bundled_corpus())
    >>> corpus.ids
    ['serge', 'russell', 'goldman']
    >>> corpus.text("goldman").year, corpus.text("goldman").gutenberg
    (1923, 60315)
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from analysis.datafiles import CORPUS_FILE, DATA_FOLDER, DataFiles
from analysis.errors import DataFileError
from analysis.results import Analyses
from analysis.schema import file_problem

#: The corpus file's name in ``analysis/data`` (for :class:`~analysis.datafiles.DataFiles`
#: to learn: until it does, the corpus names it here).

_ID = re.compile(r"[a-z][a-z0-9_]*")
_SHA256 = re.compile(r"[0-9a-f]{64}")

#: Each key of a ``[[texts]]`` table -> (its type, whether it is required).
KEYS: dict[str, tuple[type, bool]] = {
    "text_id": (str, True), "author": (str, True), "title": (str, True), "year": (int, True),
    "text": (str, True), "sha256": (str, True), "source": (str, True), "cut": (str, True),
    "rights": (str, True), "data": (str, False), "gutenberg": (int, False),
    "written": (str, False), "events": (str, False), "translator": (str, False),
}


def bundled_corpus() -> Path:
    """The bundled corpus file (``analysis/data/witnesses.toml``).

    Example:
        >>> bundled_corpus().name
        'witnesses.toml'
    """
    return DATA_FOLDER / CORPUS_FILE


@dataclass(frozen=True)
class Witness:
    """One text of a corpus: who wrote it, where it comes from, its file and its data folder."""

    text_id: str
    author: str
    title: str
    year: int
    text: Path
    sha256: str
    source: str
    cut: str
    rights: str
    data: Path | None = None
    gutenberg: int | None = None
    written: str | None = None
    events: str | None = None
    translator: str | None = None

    @property
    def label(self) -> str:
        """What the tables and figures call the text, its author and year (``Emma Goldman, 1923``)."""
        return f"{self.author}, {self.year}"

    def files(self) -> DataFiles:
        """The text's data files: its folder's, the bundled ones standing in for the rest."""
        return DataFiles() if self.data is None else DataFiles.from_dir(self.data)

    def analyses(self) -> Analyses:
        """The text's analyses, built from its file and data folder as any chapter's are."""
        return Analyses.load(self.text, self.files(), title=f"{self.author}, {self.title}")


@dataclass(frozen=True, eq=False)
class Corpus:
    """The texts of a corpus file, in its order; each text's analyses computed once, on first use."""

    path: Path
    name: str
    title: str
    texts: tuple[Witness, ...]
    _results: dict[str, Analyses] = field(default_factory=dict, repr=False)

    @property
    def ids(self) -> list[str]:
        """The texts' ids, in the file's order."""
        return [w.text_id for w in self.texts]

    def text(self, text_id: str) -> Witness:
        """The text called ``text_id``.

        Raises:
            DataFileError: the corpus has no such text.
        """
        for witness in self.texts:
            if witness.text_id == text_id:
                return witness
        raise DataFileError(f"{self.path}: no text {text_id!r} (the texts: {', '.join(self.ids)})")

    def results(self, text_id: str) -> Analyses:
        """The analyses of one text (computed once, then kept).

        Example:
            >>> load_corpus(bundled_corpus()).results("russell").title[:16]
            'Bertrand Russell'
        """
        if text_id not in self._results:
            self._results[text_id] = self.text(text_id).analyses()
        return self._results[text_id]

    @cached_property
    def registers(self) -> pd.DataFrame:
        """Every text's register, one row per text and person (``text_id`` first)."""
        return pd.concat([self.results(i).register.assign(text_id=i) for i in self.ids],
                         ignore_index=True)

    def register(self) -> pd.DataFrame:
        """The shared register: one row per person of any text (see :func:`shared_register`)."""
        return shared_register(self.registers, self.path)


def shared_register(registers: pd.DataFrame, where: Path | str = "the corpus") -> pd.DataFrame:
    """One row per person of any register: ``person_id, name, label, wikidata, texts``.

    ``registers``: the texts' registers, one row per text and person, with
    ``text_id``. The name, label and Wikidata item are the first text's that
    gives one; ``texts`` lists, ``;`` between, the texts whose register holds
    the person (the narrator of a text is in its own register).

    Raises:
        DataFileError: one ``person_id`` has two Wikidata items in two
            registers, or one item two ids (one line naming both texts).

    Example:
        >>> regs = pd.DataFrame({"text_id": ["a", "b"], "person_id": ["lenin", "lenin"],
        ...                      "name": ["Lenin", "V. I. Lenin"], "wikidata": ["Q1394", ""]})
        >>> shared_register(regs)[["person_id", "wikidata", "texts"]].to_dict("records")
        [{'person_id': 'lenin', 'wikidata': 'Q1394', 'texts': 'a; b'}]
    """
    frame = registers.copy()
    for column in ("label", "wikidata"):
        if column not in frame.columns:
            frame[column] = ""
    frame["wikidata"] = frame["wikidata"].fillna("").astype(str).str.strip()
    frame["label"] = frame["label"].fillna("").astype(str).str.strip()
    given = frame[frame["wikidata"] != ""]
    for key, other in (("person_id", "wikidata"), ("wikidata", "person_id")):
        twice = given.groupby(key)[other].nunique()
        if (twice > 1).any():
            value = twice[twice > 1].index[0]
            rows = given[given[key] == value].drop_duplicates(other)
            pairs = ", ".join(f"{t}: {o}" for t, o in zip(rows["text_id"], rows[other]))
            raise DataFileError(f"{where}: {key} {value!r} is linked to two {other}s "
                                f"({pairs}); one person needs one id and one Wikidata item")
    rows = []
    for pid, mine in frame.groupby("person_id", sort=False):
        item = mine.loc[mine["wikidata"] != "", "wikidata"]
        label = mine.loc[mine["label"] != "", "label"]
        rows.append({"person_id": pid, "name": mine["name"].iloc[0],
                     "label": label.iloc[0] if len(label) else mine["name"].iloc[0],
                     "wikidata": item.iloc[0] if len(item) else "",
                     "texts": "; ".join(dict.fromkeys(mine["text_id"]))})
    return pd.DataFrame(rows, columns=["person_id", "name", "label", "wikidata", "texts"])


def load_corpus(path: str | Path) -> Corpus:
    """Read and check a corpus file (see the module's description).

    Every text file must be there with its SHA-256; every data folder must be
    one :meth:`~analysis.datafiles.DataFiles.from_dir` takes.

    Raises:
        DataFileError: the file is missing, not UTF-8 TOML, or a key is missing,
            of the wrong type, unknown, or wrong (a text whose bytes are not its
            ``sha256``, a ``text_id`` given twice): one line naming the file,
            the text and the key.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     bad = Path(tmp) / "c.toml"
        ...     _ = bad.write_text("[[texts]]\\ntext_id = 'x'\\n", encoding="utf-8")
        ...     load_corpus(bad)
        Traceback (most recent call last):
        ...
        analysis.errors.DataFileError: .../c.toml: texts[1] (x): key 'author' is missing
    """
    path = Path(path)
    problem = file_problem(path)
    if problem:
        raise DataFileError(f"{path}: {problem}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}: not UTF-8 text ({exc.reason})") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{path}: not valid TOML ({exc})") from None
    unknown = sorted(set(data) - {"corpus", "texts"})
    if unknown:
        raise DataFileError(f"{path}: unknown table {unknown[0]!r} (expected [corpus] and "
                            "[[texts]])")
    head = data.get("corpus", {})
    if not isinstance(head, dict) or any(not isinstance(head.get(k, ""), str)
                                         for k in ("name", "title")):
        raise DataFileError(f"{path}: [corpus]: 'name' and 'title' must be strings")
    texts = data.get("texts")
    if not isinstance(texts, list) or not texts:
        raise DataFileError(f"{path}: no [[texts]] table (a corpus names at least one text)")
    witnesses = tuple(_witness(path, i, entry) for i, entry in enumerate(texts, start=1))
    seen: set[str] = set()
    for w in witnesses:
        if w.text_id in seen:
            raise DataFileError(f"{path}: text_id {w.text_id!r} is given twice")
        seen.add(w.text_id)
    return Corpus(path, head.get("name") or path.stem, head.get("title") or path.stem, witnesses)


def _witness(path: Path, number: int, entry: object) -> Witness:
    """One ``[[texts]]`` table, checked key by key."""
    if not isinstance(entry, dict):
        raise DataFileError(f"{path}: texts[{number}]: not a table")
    where = f"{path}: texts[{number}]" + (f" ({entry['text_id']})" if isinstance(
        entry.get("text_id"), str) else "")
    for key in entry:
        if key not in KEYS:
            raise DataFileError(f"{where}: unknown key {key!r} (expected any of: "
                                f"{', '.join(KEYS)})")
    for key, (kind, required) in KEYS.items():
        if key not in entry:
            if required:
                raise DataFileError(f"{where}: key {key!r} is missing")
            continue
        value = entry[key]
        if not isinstance(value, kind) or isinstance(value, bool) or (kind is str
                                                                      and not value.strip()):
            what = "a whole number" if kind is int else "a text that is not empty"
            raise DataFileError(f"{where}: key {key!r} must be {what}, not {value!r}")
    if not _ID.fullmatch(entry["text_id"]):
        raise DataFileError(f"{where}: key 'text_id': {entry['text_id']!r} is not an id "
                            "(lower-case letters, digits and _, starting with a letter)")
    if not _SHA256.fullmatch(entry["sha256"]):
        raise DataFileError(f"{where}: key 'sha256': not 64 lower-case hexadecimal digits")
    base = path.parent
    text = (base / entry["text"]).resolve()
    problem = file_problem(text)
    if problem:
        raise DataFileError(f"{where}: key 'text': {text}: {problem}")
    digest = hashlib.sha256(text.read_bytes()).hexdigest()
    if digest != entry["sha256"]:
        raise DataFileError(f"{where}: key 'sha256': {text} has SHA-256 {digest}, not the "
                            "one given (the file is not the one received)")
    data = (base / entry["data"]).resolve() if "data" in entry else None
    if data is not None:
        try:
            DataFiles.from_dir(data)
        except DataFileError as exc:
            raise DataFileError(f"{where}: key 'data': {exc}") from None
    return Witness(**{**entry, "text": text, "data": data})
