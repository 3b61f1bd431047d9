"""Where a book is built and kept between runs, and what it was built from.

A book is built in a *cache folder*, one per text and data folder, under
:func:`cache_root` (``$XDG_CACHE_HOME/analysis-book``, by default
``~/.cache/analysis-book``): the book project (``project/``: configuration,
pages, the export's files), its executed pages, Sphinx's own state and the
built HTML, and the last build's log. A second run for the same text and data
reuses it: a page runs again only when its source or one of the build's
*inputs* changed, and Sphinx writes again only the pages that changed.

The inputs are everything a page's output may depend on, each by its SHA-256
(:func:`inputs`): the text file, every file of the data folder (by its path in
the folder), the title given, the package itself (its code and bundled data,
the book's pages and its Sphinx extension) and the libraries installed, since a change of
any of them may change what a page shows. Their digest (:func:`digest`) stamps every page that
ran with them; a page whose stamp differs runs again.

A run holds the cache folder's lock (:func:`hold`): a second build for the
same text and data is refused while the first runs. A build that ended well
records the digest of its inputs (:data:`BUILT`): a run with the same inputs
builds nothing (:func:`up_to_date`). One that did not end well leaves Sphinx's
state marked (:data:`DIRTY`), and the next run starts Sphinx afresh. :func:`prune` keeps the most recently used cache folders only.

Example:
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     text = Path(tmp) / "t.txt"
    ...     _ = text.write_text("Title\\n\\nSome prose.\\n", encoding="utf-8")
    ...     found = inputs(text, None, None)
    ...     sorted(found), len(digest(found))
    (['environment', 'package', 'text'], 64)
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from analysis.errors import AnalysisError

#: The package's folder (the book's pages, Sphinx extension and static files are in it).
PACKAGE = Path(__file__).resolve().parents[1]

#: The environment variable that moves the cache, as the XDG convention says.
XDG = "XDG_CACHE_HOME"

#: The marker a build leaves while Sphinx's state may be incomplete; the file that holds the
#: digest of the inputs of the last build that ended well.
DIRTY, BUILT = "sphinx.dirty", "built"

#: How many cache folders (texts and data folders) are kept, the most recently used.
KEEP = 8


def cache_root() -> Path:
    """The folder that holds every book's cache folder.

    Example:
        >>> cache_root().name
        'analysis-book'
    """
    base = os.environ.get(XDG) or str(Path.home() / ".cache")
    return Path(base) / "analysis-book"


def cache_dir(text: str | Path | None, data: str | Path | None) -> Path:
    """The cache folder of the book of ``text`` with ``data`` (by their absolute paths;
    ``None``: the bundled text, the bundled data files).

    Example:
        >>> cache_dir("a.txt", None) == cache_dir(Path("a.txt").resolve(), None)
        True
        >>> cache_dir("a.txt", None) == cache_dir("a.txt", "mydata")
        False
    """
    key = "\0".join("" if p is None else str(Path(p).resolve()) for p in (text, data))
    return cache_root() / hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _tree(folder: Path) -> Iterator[Path]:
    """Every regular file under ``folder`` that a build may read (no hidden files, no caches)."""
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if path.is_file() and not any(p.startswith(".") or p == "__pycache__" for p in parts):
            yield path


def package_digest() -> str:
    """One SHA-256 over the package's files (its code, data, the book's pages, extension and
    static files)."""
    digest = hashlib.sha256()
    for path in _tree(PACKAGE):
        digest.update(f"{path.relative_to(PACKAGE.parent)}\0{sha256(path)}\n".encode())
    return digest.hexdigest()


def inputs(text: str | Path, data: str | Path | None, title: str | None) -> dict[str, str]:
    """What a book is built from: name -> SHA-256 (see the module's description).

    ``text`` (if it can be read), ``data/<path>`` for each file of the data
    folder, ``title`` if one is given, ``package``, and ``environment`` (the
    Python and the versions of the libraries installed: another version of
    pandas or of Sphinx may change a page). A text that cannot be read is left
    out: the build itself says what is wrong with it.
    """
    found: dict[str, str] = {}
    try:
        found["text"] = sha256(Path(text))
    except OSError:
        pass
    if data is not None and Path(data).is_dir():
        root = Path(data)
        for path in _tree(root):
            found[f"data/{path.relative_to(root).as_posix()}"] = sha256(path)
    if title:
        found["title"] = hashlib.sha256(title.encode("utf-8", "surrogateescape")).hexdigest()
    found["package"] = package_digest()
    found["environment"] = environment_digest()
    return found


def environment_digest() -> str:
    """One SHA-256 over the Python version and every installed distribution's name and version."""
    from importlib import metadata

    installed = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    return hashlib.sha256("\n".join([sys.version, *installed]).encode()).hexdigest()


def up_to_date(folder: Path, stamp: str) -> bool:
    """Whether the book in ``folder`` was built whole from the inputs whose digest is ``stamp``.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     up_to_date(Path(tmp), "abc")
        False
    """
    try:
        built = (folder / BUILT).read_text(encoding="utf-8")
    except OSError:
        return False
    return (built == stamp and not (folder / DIRTY).exists()
            and (folder / "project" / "_build" / "html" / "index.html").is_file())


def digest(found: Mapping[str, str]) -> str:
    """One SHA-256 over :func:`inputs` (names and hashes)."""
    lines = "".join(f"{name}\0{value}\n" for name, value in sorted(found.items()))
    return hashlib.sha256(lines.encode("utf-8", "surrogateescape")).hexdigest()


@contextmanager
def hold(folder: Path) -> Iterator[Path]:
    """Create ``folder`` if needed and hold its lock while the block runs.

    Raises:
        AnalysisError: the folder cannot be made, or another build holds it.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = os.open(folder / "lock", os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise AnalysisError(f"{folder}: cannot make the book's cache folder ({exc.strerror}); "
                            f"set {XDG} to a folder that can be written") from exc
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(lock)
        raise AnalysisError(f"{folder}: another book of this text and data folder is being "
                            "built; nothing was changed") from None
    try:
        os.utime(folder)  # most recently used: kept by prune()
        yield folder
    finally:
        os.close(lock)


def read_state(folder: Path) -> dict[str, str]:
    """The stamps of the pages executed in ``folder`` (page -> digest of its source and inputs)."""
    try:
        state = json.loads((folder / "state.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in state.items()} if isinstance(state, dict) else {}


def write_state(folder: Path, state: Mapping[str, str]) -> None:
    """Record the stamps of the pages executed (written whole: a stop leaves the earlier ones)."""
    write_if_changed(folder / "state.json", json.dumps(dict(state), indent=1, sort_keys=True))


def write_if_changed(path: Path, content: str) -> bool:
    """Write ``content`` to ``path`` unless it holds it already (Sphinx then leaves it unread).

    The file is written whole (a temporary file renamed), so that a stop never leaves
    half of it. Returns whether it was written.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     page = Path(tmp) / "p.md"
        ...     write_if_changed(page, "# A"), write_if_changed(page, "# A")
        (True, False)
    """
    try:
        if path.read_text(encoding="utf-8") == content:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.part")
    draft.write_text(content, encoding="utf-8")
    os.replace(draft, path)
    return True


def prune(keep: int = KEEP, root: Path | None = None) -> list[Path]:
    """Remove all but the ``keep`` most recently used cache folders (none that a build holds).

    Returns the folders removed.
    """
    root = cache_root() if root is None else root
    if not root.is_dir():
        return []
    folders = sorted((p for p in root.iterdir() if p.is_dir() and (p / "lock").is_file()),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    removed = []
    for folder in folders[keep:]:
        try:
            lock = os.open(folder / "lock", os.O_RDWR)
        except OSError:
            continue
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(lock)
            continue  # a build is using it
        try:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        finally:
            os.close(lock)
    return removed

