"""The whole path on a real text: draft a register, edit it, export, build the book; and the
book of the same text with no data folder at all.

The text is Russell's chapter "Lenin, Trotsky and Gorky" (``seeds/``), a Project Gutenberg
chapter that never names Serge. Each book is built once, by the command line in a child
process, as a user runs it (cold: a fresh cache folder), and every page of both is checked:
present, free of errors and of Serge's name, loading nothing from another host, with the
export's files to download. The commands and their output are written in
``transcript.txt`` beside this file, which the book's chapter *Extending the analyses*
quotes: a run compares them (``ANALYSIS_BOOK_TRANSCRIPT=write`` writes it anew).

Building two books takes about a minute on two cores: these tests run in CI (``CI=true``)
or when ``ANALYSIS_BOOK_TESTS=1``, and are skipped otherwise, saying so.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.book.cache import package_digest
from analysis.book.project import chapters
from analysis.export import names

ROOT = Path(__file__).resolve().parents[2]
TEXT = ROOT / "seeds" / "russell-bolshevism-lenin-trotsky-gorky.txt"
DATA = ROOT / "tests" / "data" / "russell"
TRANSCRIPT = Path(__file__).with_name("transcript.txt")
TITLE = "Lenin, Trotsky and Gorky"

#: The draft's rows that are people (the others are peoples, creeds and words).
PEOPLE = ("northcliffe", "henderson", "lenin", "gorky", "diocletian", "trotsky", "napoleon")

pytestmark = pytest.mark.skipif(
    os.environ.get("CI", "").lower() not in ("1", "true") and
    os.environ.get("ANALYSIS_BOOK_TESTS") != "1",
    reason="builds two whole books (about a minute): runs in CI, or with ANALYSIS_BOOK_TESTS=1")


def run(work: Path, args: str, env: dict[str, str], log: list[str]) -> subprocess.CompletedProcess:
    """Run ``python -m analysis ARGS`` in ``work``; keep the command and its output in ``log``."""
    done = subprocess.run([sys.executable, "-m", "analysis", *_split(args)], cwd=work, env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    log += [f"$ python -m analysis {args}", *done.stderr.splitlines(), *done.stdout.splitlines()]
    return done


def _split(args: str) -> list[str]:
    import shlex

    return shlex.split(args)


def edit_draft(draft: Path) -> None:
    """What an extender does with the draft: delete the rows that are not people, and give each
    person their full name, role, nationality and affiliation (here from the tests' register)."""
    with (DATA / "people.csv").open(encoding="utf-8", newline="") as stream:
        known = {row["person_id"]: row for row in csv.DictReader(stream)}
    with draft.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        fields, rows = reader.fieldnames, [r for r in reader if r["person_id"] in PEOPLE]
    for row in rows:
        for column in ("name", "role", "nationality", "affiliation"):
            row[column] = known[row["person_id"]][column]
    with draft.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    package = package_digest()  # the code the books are built with
    work = tmp_path_factory.mktemp("work")
    shutil.copyfile(TEXT, work / "russell.txt")
    (work / "mydata").mkdir()
    env = {**os.environ, "XDG_CACHE_HOME": str(work / ".cache")}
    log: list[str] = []
    run(work, "draft-register mydata/people.csv --text russell.txt", env, log)
    draft = (work / "mydata" / "people.csv").read_text(encoding="utf-8")
    run(work, "export draft-export --text russell.txt --data mydata", env, [])  # as written
    edit_draft(work / "mydata" / "people.csv")
    shutil.copyfile(DATA / "themes.toml", work / "mydata" / "themes.toml")
    log.append("")
    run(work, f'book mybook --text russell.txt --data mydata --title "{TITLE}"', env, log)
    log.append("")
    run(work, "book plainbook --text russell.txt", env, log)
    logs = _logs(work / ".cache")
    again = run(work, f'book mybook --text russell.txt --data mydata --title "{TITLE}"', env, [])
    return {"work": work, "draft": draft, "transcript": "\n".join(log) + "\n", "again": again,
            "mybook": work / "mybook", "plainbook": work / "plainbook", "logs": logs,
            "logs_after": _logs(work / ".cache"), "package": package}


def _logs(cache: Path) -> dict[str, str]:
    """The build logs of the cache folders under ``cache``."""
    return {p.parent.name: p.read_text(encoding="utf-8")
            for p in cache.glob("analysis-book/*/build.log")}


def pages(out: Path) -> dict[str, str]:
    """Every HTML page of a built book (and its search index), by path."""
    found = {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
             for p in sorted(out.rglob("*.html")) if "_downloads" not in p.parts}
    found["searchindex.js"] = (out / "searchindex.js").read_text(encoding="utf-8")
    return found


@pytest.mark.parametrize("which", ["mybook", "plainbook"])
def test_every_page_is_there(books: dict[str, object], which: str) -> None:
    out = books[which]
    assert (out / "index.html").is_file()
    for name, _ in chapters():
        assert (out / "book" / f"{name}.html").is_file(), name


@pytest.mark.parametrize("which", ["mybook", "plainbook"])
def test_no_page_shows_an_error_or_serge_or_loads_from_another_host(
        books: dict[str, object], which: str) -> None:
    for path, html in pages(books[which]).items():
        assert "Traceback" not in html and "output stderr" not in html, path
        assert "output traceback" not in html and "Error:" not in html, path
        assert "Serge" not in html, path
        assert not re.search(r'<(?:script|img)[^>]+src="(?:https?:)?//', html), path
        assert not re.search(r'<link[^>]+href="(?:https?:)?//', html), path


@pytest.mark.parametrize("which", ["mybook", "plainbook"])
def test_the_export_s_files_are_offered_for_download(books: dict[str, object], which: str) -> None:
    out = books[which]
    downloads = {p.name: p for p in (out / "_downloads").rglob("*") if p.is_file()}
    assert set(names()) <= set(downloads)
    package = json.loads(downloads["datapackage.json"].read_text(encoding="utf-8"))
    for resource in package["resources"]:
        data = downloads[resource["path"]].read_bytes()
        assert f"sha256:{hashlib.sha256(data).hexdigest()}" == resource["hash"]
    assert not any(s["path"].startswith("../") for s in package["sources"])
    page = (out / "book" / "downloads.html").read_text(encoding="utf-8")
    assert all(f'download="{name}"' in page or f"/{name}\"" in page for name in names())


def test_the_introduction_says_which_files_are_the_text_s_own_and_which_stand_in(
        books: dict[str, object]) -> None:
    own = (books["mybook"] / "book" / "intro.html").read_text(encoding="utf-8")
    plain = (books["plainbook"] / "book" / "intro.html").read_text(encoding="utf-8")
    assert TITLE in own and "e3478bb711d5d1a5" in own  # the title given; the file's SHA-256
    assert re.search(r"own data files</strong>: <code[^>]*><span[^>]*>people\.csv", own)
    assert re.search(r"standing in</strong>: <code[^>]*><span[^>]*>sentiment_lexicon_patch",
                     own)
    assert "none; the book reads the text alone" in plain
    for name in ("people.csv", "themes.toml", "sentiment_lexicon_patch.csv"):
        assert name in plain
    assert "No tone annotation for this text" in plain


def test_the_reading_page_and_who_s_who_are_the_text_s(books: dict[str, object]) -> None:
    for which in ("mybook", "plainbook"):
        reading = (books[which] / "book" / "reading.html").read_text(encoding="utf-8")
        assert "Soon after my arrival in Moscow" in reading
        whos = (books[which] / "book" / "whos-who.html").read_text(encoding="utf-8")
        assert 'id="person-lenin"' in whos and 'id="person-gorky"' in whos
    whos = (books["mybook"] / "book" / "whos-who.html").read_text(encoding="utf-8")
    assert whos.count('class="ww-person"') == len(PEOPLE)
    assert "Not named" not in (books["plainbook"] / "book" / "whos-who.html").read_text(
        encoding="utf-8")  # a register standing in: only the people this text names


def test_the_draft_register_loads_in_the_export_as_written(books: dict[str, object]) -> None:
    draft = books["draft"]
    assert draft.startswith("person_id,name,aliases,role,") and "lenin,Lenin,Lenin" in draft
    assert (books["work"] / "draft-export" / "datapackage.json").is_file()


def test_a_second_build_with_nothing_changed_builds_nothing(books: dict[str, object]) -> None:
    assert books["again"].stdout.strip() == "mybook/index.html"
    if package_digest() != books["package"]:
        pytest.skip("the package's files changed while the books were built (an input too)")
    assert books["logs_after"] == books["logs"]  # no child process ran
    for log in books["logs"].values():
        assert len(re.findall(r"^\[book\] ran the page", log, re.M)) == len(
            [n for n in project_pages() if n not in ("reading", "whos-who")])


def project_pages() -> list[str]:
    """The pages the book runs or makes (every page but the glossary and the references)."""
    return [name for name, _ in chapters() if name not in ("glossary", "references")]


def test_the_transcript_quoted_by_the_book_is_what_the_commands_say(
        books: dict[str, object]) -> None:
    transcript = books["transcript"]
    assert "Serge" not in transcript.split("$ python -m analysis book")[0]
    if os.environ.get("ANALYSIS_BOOK_TRANSCRIPT") == "write":
        TRANSCRIPT.write_text(transcript, encoding="utf-8")
    assert TRANSCRIPT.read_text(encoding="utf-8") == transcript, (
        "the commands' output changed: run with ANALYSIS_BOOK_TRANSCRIPT=write and "
        "ANALYSIS_BOOK_TESTS=1 to write tests/book/transcript.txt anew, and check "
        "book/extending.md")
