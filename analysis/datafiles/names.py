"""The names of the data files and where the bundled ones are: the one place that knows them.

:data:`FILE_NAMES` names each kind of data file (in ``analysis/data`` and in an
extender's data folder), :data:`ANNOTATION_SETS` and :data:`SPAN_SETS` the files
of the readers' annotations (in an ``annotations/`` folder), :data:`SEED` the
bundled text. :class:`analysis.datafiles.DataFiles` reads them.

Example:
    >>> FILE_NAMES["themes"], ANNOTATION_SETS["tone"]["reader_a"]
    ('themes.toml', 'sentiment_reader_a.csv')
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from analysis.errors import SourceError

#: The bundled text — an excerpt of a chapter, kept in the repository's ``seeds/`` byte for byte.
SEED = Path(__file__).resolve().parents[2] / "seeds" / "serge-memoirs-ch4-excerpt.txt"

#: SHA-256 of the bundled text as received (``seeds/README.md``).
SEED_SHA256 = "06c30a5064c363e4782c039aadc6506531545e5a66b783bd3c977c2a3605d53d"

#: How many characters of the bundled text's opening find it in a copy with a line added on top.
OPENING = 64

#: Field of :class:`~analysis.datafiles.DataFiles` -> the file name it has in a data folder (and
#: in ``analysis/data``).
FILE_NAMES: dict[str, str] = {
    "people": "people.csv",
    "shared_names": "shared_names.csv",
    "non_person_names": "non_person_names.csv",
    "themes": "themes.toml",
    "sentiment_lexicon_patch": "sentiment_lexicon_patch.csv",
    "corrections": "corrections.csv",
    "abbreviations": "abbreviations.txt",
    "episodes": "episodes.csv",
    "stopwords": "stopwords.txt",
    "title": "title.txt",
    "chronology": "chronology.csv",
    "place_names": "place_names.txt",
}

#: Each annotation set -> its files in an ``annotations/`` folder — the first reader's
#: (required), the second reader's and the adjudication of their disagreements (each optional).
ANNOTATION_SETS: dict[str, dict[str, str]] = {
    "tone": {"reader_a": "sentiment_reader_a.csv", "reader_b": "sentiment_reader_b.csv",
             "adjudication": "sentiment_adjudication.csv"},
    "themes": {"reader_a": "themes_reader_a.csv", "reader_b": "themes_reader_b.csv",
               "adjudication": "themes_adjudication.csv"},
    "mentions": {"reader_a": "mentions_reader_a.csv", "reader_b": "mentions_reader_b.csv",
                 "adjudication": "mentions_adjudication.csv"},
    "emotions": {"reader_a": "emotions_reader_a.csv", "reader_b": "emotions_reader_b.csv",
                 "adjudication": "emotions_adjudication.csv"},
}

#: The annotation of time, whose units are spans and sentences marked by either reader — the
#: parts of :data:`analysis.timeline.annotations.PARTS` -> their files in an ``annotations/`` folder.
SPAN_SETS: dict[str, str] = {
    "time_a": "time_reader_a.csv", "time_b": "time_reader_b.csv",
    "time_adjudication": "time_adjudication.csv",
    "hindsight_a": "hindsight_reader_a.csv", "hindsight_b": "hindsight_reader_b.csv",
    "hindsight_adjudication": "hindsight_adjudication.csv",
}

#: The bundled files that were made for the bundled chapter — another text that does not
#: replace them is analysed with them, and told so (:meth:`~analysis.datafiles.DataFiles.fallbacks`).
CHAPTER_SPECIFIC: tuple[str, ...] = ("people", "themes", "sentiment_lexicon_patch")


#: The folder of the bundled data files.
DATA_FOLDER = Path(str(resources.files("analysis") / "data"))

#: The file of the corpus of witnesses, which names the texts compared with their data folders
#: and provenance (:mod:`analysis.corpus`), bundled in ``analysis/data``.
CORPUS_FILE = "witnesses.toml"


def data_path(name: str) -> Path:
    """The path of a file shipped in ``analysis/data``.

    Example:
        >>> data_path("corrections.csv").name
        'corrections.csv'
    """
    return Path(str(resources.files("analysis") / "data" / name)) if name else DATA_FOLDER


def seed_path() -> Path:
    """The path of the bundled text.

    The seed lives in ``seeds/`` at the top of the repository; an installed
    (non-editable) copy of the package has no repository around it, in which
    case a :class:`~analysis.errors.SourceError` says so.

    Example:
        >>> seed_path().name
        'serge-memoirs-ch4-excerpt.txt'
    """
    if SEED.is_file():
        return SEED
    raise SourceError(f"{SEED}: the bundled text is not there; pass the path of a text "
                      "explicitly")


