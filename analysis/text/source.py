"""Reading a text file exactly as stored.

The seed text is decoded strictly as UTF-8 and kept with no newline or Unicode
normalisation, so that Python ``str`` indices into ``Source.text`` are the
offsets used by every table in the package. Only a regular file is read (a
FIFO or a device would never end), and at most :data:`MAX_BYTES` of it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from analysis.errors import SourceError
from analysis.schema import file_problem

#: The largest text file read (64 MiB, over a thousand times the chapter).
MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    """A text file as stored: its path, its decoded text and its SHA-256.

    Example:
        >>> src = read_source(chapter.source.path)
        >>> src.sha256 == chapter.source.sha256, src.text == chapter.seed_text
        (True, True)
    """

    path: Path
    text: str
    sha256: str


def read_source(path: str | Path) -> Source:
    """Read a UTF-8 text file as stored, with clear errors for bad input.

    A byte-order mark and Windows line endings are kept in the text, so
    offsets stay true to the file; the layout reads them as it means them
    (:mod:`analysis.text.layout`).

    Args:
        path: the text file.

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
    file = Path(path)
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
