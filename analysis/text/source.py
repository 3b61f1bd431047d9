"""Reading a text file exactly as stored.

The seed text is decoded strictly as UTF-8 and kept with no newline or Unicode
normalisation, so that Python ``str`` indices into ``Source.text`` are the
offsets used by every table in the package. Only a regular file is read (a
FIFO or a device would never end), and at most :data:`MAX_BYTES` of it.
"""

from __future__ import annotations

import hashlib
import shlex
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
            :data:`MAX_BYTES`, the bytes are not UTF-8 (the message names the
            first undecodable byte and says how to convert the file:
            :func:`conversion_advice`), or the file holds no text (empty or
            only white space).

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
        raise SourceError(f"{file}: not UTF-8 text (undecodable byte 0x{data[exc.start]:02x} at "
                          f"byte offset {exc.start}{conversion_advice(data, exc.start, file)}"
                          ) from exc
    if not text.replace("\ufeff", "").strip():
        raise SourceError(f"{file}: the file is empty or holds only white space")
    return Source(path=file, text=text, sha256=hashlib.sha256(data).hexdigest())


def conversion_advice(data: bytes, at: int, file: str | Path) -> str:
    """How to convert a file that is not UTF-8: the end of :func:`read_source`'s message.

    A file with a UTF-16 byte-order mark was saved as UTF-16; a file that is
    UTF-8 elsewhere (it holds valid multi-byte characters) has a stray byte,
    to mend by hand; one holding a byte from 0x80 to 0x9f (curly quotes,
    dashes) is most likely Windows-1252; any other is read as Latin-1
    (ISO-8859-1, the encoding of Project Gutenberg's ``-8.txt`` files), which
    gives the character the byte stands for. Converting a Latin-1 file keeps
    every character offset (one byte is one character in it).

    Example:
        >>> data = "Jaurès".encode("latin-1")
        >>> conversion_advice(data, 4, "ch4.txt")
        ", 'è' in Latin-1); convert it to UTF-8 first: iconv -f latin1 -t utf-8 ch4.txt > ch4-utf8.txt"
    """
    name = Path(file)
    target = name.with_name(f"{name.stem}-utf8{name.suffix}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, seen = "utf-16", ""
    elif any(ord(c) > 0x7f and c != "\ufffd" for c in data.decode("utf-8", errors="replace")):
        return ("); the rest of the file is UTF-8: mend that byte in an editor (a character "
                "pasted from a file in another encoding?)")
    else:
        encoding, label = (("cp1252", "Windows-1252") if any(0x80 <= b <= 0x9f for b in data)
                           else ("latin1", "Latin-1"))
        seen = f", {data[at:at + 1].decode(encoding, errors='replace')!r} in {label}"
    return (f"{seen}); convert it to UTF-8 first: iconv -f {encoding} -t utf-8 "
            f"{shlex.quote(str(file))} > {shlex.quote(str(target))}")
