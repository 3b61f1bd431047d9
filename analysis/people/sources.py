"""The sources a register cites: every address checked against a list of reference works.

A scholar cites a reference work at its own address: Wikipedia on its
language's host, Wikidata, the Marxists Internet Archive, the Maitron, the
Real Academia de la Historia, Britannica ... never a mirror, a proxy or an
aggregator that copied it. The accepted hosts are data (``host, work, note``:
``reference_hosts.csv`` for this book), read by :func:`load_reference_hosts`;
:func:`source_problems` lists every address of the register's source columns
that is malformed or on a host outside that list.

In a source cell, sources are separated by ``;`` and a space, and each address ends
the cell or is followed by ``;``, ``,``, ``)`` or a space and ``(``: an address followed by
anything else holds a space.

Example:
    >>> hosts = load_reference_hosts(data_path("reference_hosts.csv"))
    >>> bad = pd.DataFrame({"person_id": ["x"], "record_source": [
    ...     "Wikipedia, 'Volin', https://en.m.wikipedia.org/wiki/Volin"]})
    >>> source_problems(bad, hosts)[["column", "problem"]].values.tolist()
    [['record_source', 'mobile Wikipedia host (cite en.wikipedia.org)']]
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from analysis.schema import Field, TableSchema, read_table

#: The register's columns that cite sources.
SOURCE_COLUMNS = ("record_source", "life_source", "wikidata_check")

#: The columns of :func:`source_problems`.
PROBLEM_COLUMNS = ["person_id", "column", "url", "problem"]

_HOST = r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+"

#: The schema of the accepted reference hosts.
REFERENCE_HOSTS = TableSchema((
    Field("host", required=True, unique=True, pattern=_HOST,
          pattern_means="a host name in lower case, such as en.wikipedia.org",
          description="the host of a reference work's canonical addresses"),
    Field("work", required=True, description="the reference work (or publisher) at that host"),
    Field("note", description="what is cited there, and why it is a canonical source"),
))

_URL = re.compile(r"(?<![\w/])(?:https?|ftp)://[^\s;<>\"]+", re.IGNORECASE)
_BARE = re.compile(r"(?<![\w/@.:-])(?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s;<>\"]*",
                   re.IGNORECASE)
_AFTER = re.compile(r"$|[;,)]| \(")
_MOBILE = re.compile(r"^([a-z-]+)\.m\.(wikipedia|wikisource|wiktionary|wikiquote)\.org$|"
                     r"^m\.wikidata\.org$")


def load_reference_hosts(path: str | Path) -> pd.DataFrame:
    """Load the accepted reference hosts: ``host, work, note``, one row per host.

    Raises:
        DataFileError: a missing file or column, an empty host or work, a host
            that is not a lower-case host name or is listed twice; the message
            names the file, row and column.

    Example:
        >>> hosts = load_reference_hosts(data_path("reference_hosts.csv"))
        >>> hosts.set_index("host").loc["dbe.rah.es", "work"]
        'Real Academia de la Historia, Diccionario Biográfico electrónico'
    """
    return read_table(path, REFERENCE_HOSTS)[REFERENCE_HOSTS.names].reset_index(drop=True)


def _url_problem(url: str, accepted: set[str]) -> str | None:
    """What is wrong with one address (``None``: nothing)."""
    host = urlsplit(url).netloc.rsplit("@", 1)[-1].split(":", 1)[0].lower()
    if not host:
        return "no host"
    if host.endswith("."):
        return "trailing dot after the host"
    mobile = _MOBILE.match(host)
    if mobile:
        desktop = f"{mobile.group(1)}.{mobile.group(2)}.org" if mobile.group(1) else (
            "www.wikidata.org")
        return f"mobile Wikipedia host (cite {desktop})"
    if host.removeprefix("www.") not in accepted:
        return f"host {host} is not a listed reference work"
    return None


def source_problems(register: pd.DataFrame, hosts: pd.DataFrame,
                    columns: tuple[str, ...] = SOURCE_COLUMNS) -> pd.DataFrame:
    """Every address in the register's source columns that a scholar could not cite.

    Each address is checked for: a host outside ``hosts`` (from
    :func:`load_reference_hosts`); a trailing dot after the host; a mobile
    Wikipedia host (``en.m.wikipedia.org``); a space inside it (the address is
    followed by something other than the end, ``;``, ``,``, ``)`` or `` (``);
    and an address written without its scheme (``en.wikipedia.org/wiki/...``).
    Columns the register lacks are skipped.

    Returns:
        ``person_id, column, url, problem``, one row per problem, in the
        register's order; empty when every source is citable.

    Example:
        >>> hosts = load_reference_hosts(data_path("reference_hosts.csv"))
        >>> len(source_problems(register, hosts))
        0
    """
    accepted = {h.removeprefix("www.") for h in hosts["host"].str.lower()}
    rows = []
    for column in (c for c in columns if c in register.columns):
        for pid, cell in zip(register["person_id"], register[column].fillna("").astype(str)):
            for url, problem in _cell_problems(cell, accepted):
                rows.append((pid, column, url, problem))
    return pd.DataFrame(rows, columns=PROBLEM_COLUMNS)


def _cell_problems(cell: str, accepted: set[str]) -> list[tuple[str, str]]:
    """``(url, problem)`` for every uncitable address in one cell."""
    found = []
    spans = []
    for match in _URL.finditer(cell):
        url = match.group(0).rstrip(".,")
        while url.endswith(")") and url.count("(") < url.count(")"):
            url = url[:-1].rstrip(".,")
        end = match.start() + len(url)
        spans.append((match.start(), end))
        if not _AFTER.match(cell, end):
            found.append((url, "space inside the address (or no separator after it)"))
            continue
        problem = _url_problem(url, accepted)
        if problem:
            found.append((url, problem))
    for match in _BARE.finditer(cell):
        if not any(a <= match.start() < b for a, b in spans):
            found.append((match.group(0), "no scheme (write https://)"))
    return found
