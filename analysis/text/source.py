"""Reading a text file exactly as stored.

The seed text is decoded strictly as UTF-8 and kept with no newline or Unicode
normalisation, so that Python ``str`` indices into ``Source.text`` are the
offsets used by every table in the package. Only a regular file is read (a
FIFO or a device would never end), and at most :data:`MAX_BYTES` of it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from analysis.errors import SourceError
from analysis.schema import file_problem

#: The chapter excerpt that ships with the project (see ``seeds/README.md``).
DEFAULT_SEED = Path(__file__).resolve().parents[2] / "seeds" / "serge-memoirs-ch4-excerpt.txt"

#: SHA-256 of the seed file as received; the bundled corrections apply to it only.
SEED_SHA256 = "06c30a5064c363e4782c039aadc6506531545e5a66b783bd3c977c2a3605d53d"

#: The largest text file read (64 MiB, over a thousand times the chapter).
MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    """A text file as stored: its path, its decoded text and its SHA-256.

    Example:
        >>> src = read_source()
        >>> src.sha256 == SEED_SHA256
        True
        >>> src.text[:26]
        'Memoirs of a Revolutionary'
    """

    path: Path
    text: str
    sha256: str


def default_seed_path() -> Path:
    """Return the path of the bundled chapter excerpt.

    The seed lives in ``seeds/`` at the top of the repository; an installed
    (non-editable) copy of the package has no repository around it, in which
    case a :class:`~analysis.errors.SourceError` says so.

    Example:
        >>> default_seed_path().name
        'serge-memoirs-ch4-excerpt.txt'
    """
    if DEFAULT_SEED.is_file():
        return DEFAULT_SEED
    raise SourceError(
        f"{DEFAULT_SEED}: the bundled seed text is not there; "
        "pass the path of a chapter text explicitly"
    )


def read_source(path: str | Path | None = None) -> Source:
    """Read a UTF-8 text file as stored, with clear errors for bad input.

    A byte-order mark and Windows line endings are kept in the text, so
    offsets stay true to the file; the layout reads them as it means them
    (:mod:`analysis.text.layout`).

    Args:
        path: the text file; ``None`` means the bundled chapter excerpt.

    Raises:
        SourceError: the path is not a regular file (missing, a folder, a loop
            of symbolic links, a FIFO or a device), is larger than
            :data:`MAX_BYTES`, the bytes are not UTF-8, or the file holds no
            text (empty or only white space).

    Example:
        >>> read_source("no/such/file.txt")
        Traceback (most recent call last):
        ...
        analysis.errors.SourceError: no/such/file.txt: no such file
    """
    file = default_seed_path() if path is None else Path(path)
    problem = file_problem(file)
    if problem:
        raise SourceError(f"{file}: {problem}")
    try:
        with file.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SourceError(f"{file}: cannot be read ({exc.strerror})") from exc
    if len(data) > MAX_BYTES:
        raise SourceError(f"{file}: larger than {MAX_BYTES // 2**20} MiB, more than a chapter "
                          "text can be; give a chapter, not a library")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"{file}: not UTF-8 text (undecodable byte 0x{data[exc.start]:02x} "
            f"at byte offset {exc.start})"
        ) from exc
    if not text.replace("\ufeff", "").strip():
        raise SourceError(f"{file}: the file is empty or holds only white space")
    return Source(path=file, text=text, sha256=hashlib.sha256(data).hexdigest())


def data_path(name: str) -> Path:
    """Return the path of a data file shipped in ``analysis/data``.

    Example:
        >>> data_path("corrections.csv").name
        'corrections.csv'
    """
    return Path(str(resources.files("analysis") / "data" / name))
