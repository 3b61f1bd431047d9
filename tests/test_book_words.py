"""The book's words about its evidence: who annotated, how p-values print, nothing of its making.

Every page of the bundled chapter's book (``book/*.md``, and ``book/*.ipynb``:
its cells and its stored outputs, glued values included) is read as a reader
sees it, and each test names the page and the words that break the rule:

- the annotations are made by AI language models: no page calls them "hand
  annotation", a "hand check", "hand-labelled" or "hand-coded", nor "the close
  reading of two readers" (an extender's own annotations, "your hand
  annotations", may be by hand);
- a page that gives agreement figures (Krippendorff's alpha, a kappa, an
  "agreement" with a number, "the reference") says who the readers were: the
  words "language-model" are on it;
- a p-value is never printed as zero (``p = 0.0``, ``p = 0.000``, a glued
  p-value that its format rounds to zero): below 0.001 it is "< 0.001";
- the book speaks of the texts, the methods and the evidence, never of how it
  was made: no issues or tickets, no working sessions, no "this machine", nothing
  that "cannot be downloaded here" or works "offline";
- a number a page carries over from another (``{glue:text}`page.ipynb::key:fmt```)
  is glued by that page, and has a format.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

BOOK = Path(__file__).resolve().parents[1] / "book"
PAGES = sorted(p.name for p in [*BOOK.glob("*.md"), *BOOK.glob("*.ipynb")])

#: Words that call a model's annotation a human one.
HAND = re.compile(r"(?<!your )\bhand[- ](?:annotat\w*|check\w*|label+ed|coded)"
                  r"|\bclose reading (?:by|of) (?:the )?two readers", re.IGNORECASE)
#: Words that show a page gives agreement figures.
AGREEMENT = re.compile(r"Krippendorff|\bkappa\b|\bthe reference\b(?! works?\b)"
                       r"|\bagreement\b[^.\n]{0,80}?(?:\d|\{glue)", re.IGNORECASE)
#: A p-value printed as zero.
P_ZERO = re.compile(r"\bp(?:-value| value)?\s*(?:=|:|is)?\s*0\.0+(?!\d*[1-9])(?![\w.])")
#: A p-value glued into the prose: ``p = {glue:text}`[doc.ipynb::]key[:format]```.
P_GLUED = re.compile(r"\bp(?:-value| value)?\s*=\s*\{glue:text\}`(?:(?P<doc>[\w.-]+\.ipynb)::)?"
                     r"(?P<key>\w+)(?::(?P<fmt>[^`]+))?`")
#: Words about how the book was made.
MAKING = re.compile(r"\bissues? ?#\d+|\bGitHub issues?\b|\bopen issues?\b|\btickets?\b"
                    r"|\b(?:this|the present|our|a previous|an earlier|a later|each) session\b"
                    r"|\bthis machine\b|cannot be downloaded here|\boffline\b", re.IGNORECASE)


def _visible(text: str) -> str:
    """HTML as a reader sees it: tags out, entities read."""
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


@lru_cache(maxsize=None)
def _notebook(name: str) -> dict[str, object]:
    return json.loads((BOOK / name).read_text(encoding="utf-8"))


def _outputs(name: str) -> list[str]:
    """Every text a notebook's stored outputs show or glue."""
    found = []
    for cell in _notebook(name)["cells"]:
        for output in cell.get("outputs", []):
            if "text" in output:
                found.append("".join(output["text"]))
            for kind, value in output.get("data", {}).items():
                if kind.startswith("text/") or kind.startswith("application/papermill"):
                    found.append(_visible(value if isinstance(value, str) else "".join(value)))
    return found


@lru_cache(maxsize=None)
def glued(name: str) -> dict[str, str]:
    """The values a notebook glues, ``key -> its text/plain``."""
    out = {}
    for cell in _notebook(name)["cells"]:
        for output in cell.get("outputs", []):
            key = output.get("metadata", {}).get("scrapbook", {}).get("name")
            plain = output.get("data", {}).get("application/papermill.record/text/plain")
            if key and plain is not None:
                out[key] = plain if isinstance(plain, str) else "".join(plain)
    return out


@lru_cache(maxsize=None)
def page_text(name: str) -> tuple[str, str]:
    """A page's source (its cells) and its stored outputs, each as one text."""
    if name.endswith(".md"):
        return (BOOK / name).read_text(encoding="utf-8"), ""
    cells = "\n".join("".join(c["source"]) for c in _notebook(name)["cells"])
    return cells, "\n".join(_outputs(name))


def _hits(pattern: re.Pattern[str], text: str) -> list[str]:
    return [text[max(0, m.start() - 40):m.end() + 40].replace("\n", " ")
            for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", PAGES)
def test_no_model_annotation_is_called_human(name: str) -> None:
    hits = _hits(HAND, "\n".join(page_text(name)))
    assert not hits, f"{name} calls the AI readers' annotation a human one: {hits}"


@pytest.mark.parametrize("name", PAGES)
def test_agreement_figures_say_who_the_readers_were(name: str) -> None:
    text = "\n".join(page_text(name))
    if AGREEMENT.search(text):
        assert "language-model" in text, (
            f"{name} gives agreement figures or a reference ({_hits(AGREEMENT, text)[:2]}) "
            "without saying that the readers are AI language-model readers")


@pytest.mark.parametrize("name", PAGES)
def test_no_p_value_prints_as_zero(name: str) -> None:
    source, outputs = page_text(name)
    hits = _hits(P_ZERO, source + "\n" + outputs)
    for m in P_GLUED.finditer(source):
        doc = m["doc"] or (name if name.endswith(".ipynb") else None)
        if doc is None or not (BOOK / doc).is_file():
            continue
        value = glued(doc).get(m["key"])
        try:
            number = float(value.strip("'\"")) if value is not None else None
        except ValueError:
            continue  # a p-value glued as text ("p < 0.001")
        if number is not None and float(format(number, m["fmt"] or "")) == 0:
            hits.append(f"{m.group()} = {value}")
    assert not hits, f"{name} prints a p-value as zero (say '< 0.001'): {hits}"


@pytest.mark.parametrize("name", PAGES)
def test_the_book_speaks_of_texts_not_of_its_making(name: str) -> None:
    hits = _hits(MAKING, "\n".join(page_text(name)))
    assert not hits, f"{name} speaks of how the book was made: {hits}"


def test_the_rules_catch_what_they_forbid() -> None:
    assert HAND.search("checked against hand annotation") and HAND.search("a hand check of 40")
    assert HAND.search("the close reading of two readers who scored")
    assert not HAND.search("holds your hand annotations (step 6)")
    assert AGREEMENT.search("their agreement is 0.91") and AGREEMENT.search("Cohen's kappa")
    assert P_ZERO.search("p = 0.000") and P_ZERO.search("p-value 0.0")
    assert not P_ZERO.search("p = 0.012") and not P_ZERO.search("p < 0.001")
    assert MAKING.search("its model cannot be downloaded here") and MAKING.search("run offline")
    assert not MAKING.search("During one session, he came down from the platform")
    match = P_GLUED.search("p = {glue:text}`sentiment.ipynb::sentiment_shuffle_p:.3f`")
    assert (match["doc"], match["key"], match["fmt"]) == ("sentiment.ipynb", "sentiment_shuffle_p",
                                                          ".3f")


#: A number carried over from another page: ``{glue:text}`doc.ipynb::key:format```.
CARRIED = re.compile(r"\{glue:text\}`(?P<doc>[\w.-]+\.ipynb)::(?P<key>\w+)(?P<fmt>:[^`]*)?`")


@pytest.mark.parametrize("name", [p for p in PAGES if p.endswith(".md")])
def test_numbers_carried_over_are_glued_where_they_come_from(name: str) -> None:
    source, _ = page_text(name)
    for m in CARRIED.finditer(source):
        # without a format, MyST-NB reads "doc.ipynb:" as the key and the key as the format
        assert m["fmt"], f"{name}: {m.group()} needs a format (:s for text, :.0f for a count)"
        assert (BOOK / m["doc"]).is_file(), f"{name}: {m['doc']} is not a page of the book"
        assert m["key"] in glued(m["doc"]), f"{name}: {m['doc']} glues no {m['key']}"
