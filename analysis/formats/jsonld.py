"""The analyses as a W3C Web Annotation collection (JSON-LD): ``annotations.jsonld``.

One annotation per mention of a person (motivation ``identifying``: the
person's id and name, and their Wikidata entity where the register has one),
per theme hit (``classifying``: the theme, then the term ``tagging``), per
sentence score (``assessing``: one body per method, the method named by
``schema:measurementTechnique``), per correction (``editing``: the
replacement, then the kind of defect and the note), per time expression
(``classifying``: its TIMEX3 type, then its value ``describing``) and per
sentence the rule marks for hindsight (``classifying``: ``hindsight``, then
the later time it speaks from ``describing`` and the cue that fired ``tagging``;
:mod:`analysis.timeline.interchange`). Every target is the text
file as stored, named by its SHA-256 (``urn:sha256:...``, with its file name as
label), with both selectors of :mod:`analysis.text.anchoring`: a
TextQuoteSelector and a TextPositionSelector, so that
``seed[start:end] == exact`` for every one. The annotations are the items of
one AnnotationPage, the first (and only) page of an AnnotationCollection, as
the Web Annotation Data Model lays out a collection.

The file is written one annotation at a time (:func:`annotations` yields
them), one to a line, so that a long text's annotations are never all held in
memory at once.

Example:
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_annotations(Analyses(chapter), Path(tmp) / "a.jsonld")
    ...     doc = json.loads((Path(tmp) / "a.jsonld").read_text(encoding="utf-8"))
    >>> doc["type"], doc["total"] == len(doc["first"]["items"])
    ('AnnotationCollection', True)
    >>> first = doc["first"]["items"][0]
    >>> first["motivation"], first["target"]["selector"][1]["type"]
    ('identifying', 'TextPositionSelector')
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pandas as pd

from analysis.results import Analyses
from analysis.sentiment import METHODS
from analysis.text.anchoring import quote
from analysis.timeline.interchange import hindsight_bodies, web_annotation_bodies

#: The Web Annotation JSON-LD context.
CONTEXT = "http://www.w3.org/ns/anno.jsonld"

#: Where a Wikidata entity's IRI begins.
WIKIDATA = "http://www.wikidata.org/entity/"


def _text_body(value: object, purpose: str, **more: str) -> dict[str, object]:
    """A TextualBody with its purpose."""
    return {"type": "TextualBody", "purpose": purpose, "value": str(value),
            "format": "text/plain", **more}


def source_of(results: Analyses) -> dict[str, str]:
    """The text file as stored, as the source of every target.

    Example:
        >>> source_of(Analyses(chapter))["label"]
        'serge-memoirs-ch4-excerpt.txt'
    """
    src = results.chapter.source
    return {"id": f"urn:sha256:{src.sha256}", "type": "Text", "format": "text/plain",
            "label": src.path.name}


def target(results: Analyses, start: int, end: int, source: dict[str, str]) -> dict[str, object]:
    """A target: the seed span by quote (with context) and by position.

    Example:
        >>> i = chapter.seed_text.index("Kronstadt")
        >>> r = Analyses(chapter)
        >>> target(r, i, i + 9, source_of(r))["selector"][0]["exact"]
        'Kronstadt'
    """
    anchor = quote(results.chapter.seed_text, int(start), int(end))
    return {"source": source, "selector": [
        {"type": "TextQuoteSelector", "exact": anchor["exact"], "prefix": anchor["prefix"],
         "suffix": anchor["suffix"]},
        {"type": "TextPositionSelector", "start": int(start), "end": int(end)}]}


def _mention_bodies(row: Mapping[str, object], people: dict[str, dict[str, object]]
                    ) -> list[dict[str, object]]:
    """The bodies of a mention: the person's id and name, and their Wikidata entity."""
    person = people[str(row["person_id"])]
    bodies = [_text_body(row["person_id"], "identifying"),
              _text_body(person["name"], "identifying")]
    qid = str(person.get("wikidata", "") or "")
    if qid:
        bodies.append({"type": "SpecificResource", "purpose": "identifying",
                       "source": WIKIDATA + qid})
    return bodies


def _score_bodies(row: Mapping[str, object]) -> list[dict[str, object]]:
    """The bodies of a sentence score: one per method that scored it."""
    return [_text_body(f"{float(row[m]):.4f}", "assessing", **{"schema:measurementTechnique": m})
            for m in METHODS if not math.isnan(float(row[m]))]


#: Rows of a table turned into annotations at a time.
BLOCK = 10_000


def _groups(results: Analyses) -> list[tuple[str, str, pd.DataFrame, Callable]]:
    """Each kind of annotation: its name, motivation, table and the bodies of a row."""
    people = results.shown_register.set_index("person_id").to_dict("index")
    return [
        ("mention", "identifying", results.mentions,
         lambda row: _mention_bodies(row, people)),
        ("theme-hit", "classifying", results.theme_hits,
         lambda row: [_text_body(row["theme"], "classifying"),
                      _text_body(row["term"], "tagging")]),
        ("sentence", "assessing", results.sentence_scores, _score_bodies),
        ("correction", "editing", results.chapter.corrections,
         lambda row: [_text_body(row["replacement"], "editing"),
                      _text_body(row["kind"], "classifying")]
         + ([_text_body(row["note"], "describing")] if row["note"] else [])),
        ("time", "classifying", results.time_expressions, web_annotation_bodies),
        ("hindsight", "classifying", results.hindsight[results.hindsight["hindsight"]],
         hindsight_bodies),
    ]


def annotations(results: Analyses) -> Iterator[dict[str, object]]:
    """Every annotation (see the module's description), one at a time, in the file's order.

    Example:
        >>> sorted({a["motivation"] for a in annotations(Analyses(chapter))})
        ['assessing', 'classifying', 'editing', 'identifying']
    """
    source = source_of(results)
    for name, motivation, table, bodies in _groups(results):
        for first in range(0, len(table), BLOCK):
            rows = table.iloc[first:first + BLOCK].to_dict("records")
            for i, row in enumerate(rows, start=first + 1):
                yield {"id": f"annotations.jsonld#{name}-{i}", "type": "Annotation",
                       "motivation": motivation, "body": bodies(row),
                       "target": target(results, row["start"], row["end"], source)}


def write_annotations(results: Analyses, path: str | Path) -> None:
    """Write every annotation as a UTF-8 JSON-LD collection at ``path``, one at a time.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     write_annotations(Analyses(chapter), Path(tmp) / "a.jsonld")
        ...     json.loads((Path(tmp) / "a.jsonld").read_text(encoding="utf-8"))["@context"]
        'http://www.w3.org/ns/anno.jsonld'
    """
    source = source_of(results)
    total = sum(len(table) for *_, table, _ in _groups(results))
    head = json.dumps({
        "@context": CONTEXT, "id": "annotations.jsonld", "type": "AnnotationCollection",
        "label": ("Mentions, theme hits, sentence scores, corrections, time expressions and "
                  f"hindsight sentences of {source['label']}"),
        "total": total, "first": {"id": "annotations.jsonld#page-1", "type": "AnnotationPage",
                                  "startIndex": 0, "items": []}}, ensure_ascii=False)
    with Path(path).open("w", encoding="utf-8") as stream:
        stream.write(head[:-len("]}}")] + "\n")  # the items come last: written one by one
        for i, item in enumerate(annotations(results)):
            stream.write(("" if i == 0 else ",\n") + json.dumps(item, ensure_ascii=False))
        stream.write("\n]}}\n")
