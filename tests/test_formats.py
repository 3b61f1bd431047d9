"""The exports in the field's standards: Web Annotation (JSON-LD), TEI P5, Frictionless Data Package."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import frictionless
import pytest

from analysis.datafiles import FILE_NAMES, DataFiles
from analysis.export import FILES, TABLES, export
from analysis.formats.datapackage import (EXPORT_READINGS, EXPORT_READS, READ_BY,
                                          WITH_THE_TEXT)
from analysis.formats.tei import NS
from analysis.results import Analyses
from analysis.text import Chapter


@pytest.fixture(scope="module")
def annotations(exported: dict[str, Path]) -> dict:
    return json.loads(exported["annotations.jsonld"].read_text(encoding="utf-8"))


def test_the_collection_follows_the_web_annotation_model(annotations: dict,
                                                         results: Analyses) -> None:
    assert annotations["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert annotations["type"] == "AnnotationCollection"
    page = annotations["first"]
    assert page["type"] == "AnnotationPage" and page["startIndex"] == 0
    items = page["items"]
    hindsight = int(results.hindsight["hindsight"].sum())
    assert annotations["total"] == len(items) == (
        len(results.mentions) + len(results.theme_hits) + len(results.sentence_scores)
        + len(results.chapter.corrections) + len(results.time_expressions) + hindsight)
    assert len({a["id"] for a in items}) == len(items)
    by = {}
    for a in items:
        by.setdefault(a["motivation"], []).append(a)
    assert {k: len(v) for k, v in by.items()} == {
        "identifying": 161, "assessing": 339, "editing": 30,
        "classifying": len(results.theme_hits) + len(results.time_expressions) + hindsight}


def test_every_target_quotes_the_seed_at_its_position(annotations: dict,
                                                     results: Analyses) -> None:
    seed = results.chapter.seed_text
    source = results.chapter.source
    for a in annotations["first"]["items"]:
        target = a["target"]
        assert target["source"]["id"] == f"urn:sha256:{source.sha256}"
        assert target["source"]["label"] == source.path.name
        quote, position = target["selector"]
        assert (quote["type"], position["type"]) == ("TextQuoteSelector", "TextPositionSelector")
        start, end = position["start"], position["end"]
        assert seed[start:end] == quote["exact"], a["id"]
        assert seed[:start].endswith(quote["prefix"]) and seed[end:].startswith(quote["suffix"])


def test_the_bodies_say_who_what_how_and_why(annotations: dict, results: Analyses) -> None:
    items = annotations["first"]["items"]
    lenin = next(a for a in items if a["motivation"] == "identifying"
                 and a["body"][0]["value"] == "lenin")
    assert [b["purpose"] for b in lenin["body"]] == ["identifying"] * 3
    assert lenin["body"][1]["value"] == results.register.set_index("person_id").loc[
        "lenin", "name"]
    assert lenin["body"][2]["source"].startswith("http://www.wikidata.org/entity/Q")
    hit = next(a for a in items if a["motivation"] == "classifying")
    assert [b["purpose"] for b in hit["body"]] == ["classifying", "tagging"]
    score = next(a for a in items if a["motivation"] == "assessing")
    assert [b["schema:measurementTechnique"] for b in score["body"]] == [
        "vader", "textblob", "vader_patched"]
    fix = next(a for a in items if a["motivation"] == "editing")
    assert fix["body"][0] == {"type": "TextualBody", "purpose": "editing", "value": "",
                              "format": "text/plain"}


@pytest.fixture(scope="module")
def tei(exported: dict[str, Path]) -> ET.Element:
    return ET.parse(exported["chapter.tei.xml"]).getroot()


def test_the_tei_header_names_the_source_and_the_people(tei: ET.Element,
                                                        results: Analyses) -> None:
    header = tei.find("tei:teiHeader", NS)
    assert header.find(".//tei:sourceDesc/tei:bibl/tei:idno[@type='sha256']", NS).text == \
        results.chapter.source.sha256
    persons = header.findall(".//tei:listPerson/tei:person", NS)
    ids = [p.get("{http://www.w3.org/XML/1998/namespace}id") for p in persons]
    assert ids == results.register["person_id"].tolist()
    qids = results.register.set_index("person_id")["wikidata"]
    with_qid = [p for p in persons if p.find("tei:idno[@type='wikidata']", NS) is not None]
    assert len(with_qid) == (qids != "").sum() > 0
    for p in with_qid:
        qid = p.find("tei:idno", NS).text
        assert p.find("tei:persName", NS).get("ref") == f"http://www.wikidata.org/entity/{qid}"


def test_the_tei_body_counts_the_tables(tei: ET.Element, results: Analyses) -> None:
    body = tei.find("tei:text/tei:body/tei:div", NS)
    kinds = results.chapter.paragraphs["kind"].value_counts()
    assert len(body.findall("tei:head", NS)) == kinds["title"]
    assert len(body.findall("tei:p", NS)) == kinds["narrative"]
    assert len(body.findall("tei:note[@type='editorial']", NS)) == kinds["editorial"]
    assert [int(el.get("n")) for el in body] == results.chapter.paragraphs["paragraph_id"].tolist()
    names = body.findall(".//tei:persName", NS)
    assert len(names) == len(results.mentions)
    assert [n.get("ref") for n in names] == ["#" + p for p in results.mentions["person_id"]]
    choices = body.findall(".//tei:choice", NS)
    assert len(choices) == len(results.chapter.corrections)
    assert [c.find("tei:corr", NS).text or "" for c in choices] == \
        results.chapter.corrections["replacement"].tolist()


def test_the_tei_text_reads_as_the_established_text(tei: ET.Element, results: Analyses) -> None:
    for el, text in zip(tei.find("tei:text/tei:body/tei:div", NS),
                        results.chapter.paragraphs["text"]):
        for choice in el.iter("{http://www.tei-c.org/ns/1.0}sic"):
            choice.text = ""  # read the corrected text only
        assert "".join(el.itertext()) == text


def test_a_correction_inside_a_name_nests(tmp_path: Path, register) -> None:
    from analysis import load_chapter
    from analysis.datafiles import DataFiles
    from analysis.formats.tei import paragraphs

    text = tmp_path / "t.txt"
    text.write_text("Title\n\nI met Zino viev in Moscow.\n", encoding="utf-8")
    fixes = tmp_path / "c.csv"
    i = text.read_text(encoding="utf-8").index("o v") + 1
    fixes.write_text(f"start,end,exact,replacement,kind,note\n{i},{i + 1}, ,,split word,\n",
                     encoding="utf-8")
    results = Analyses(load_chapter(text, DataFiles(corrections=fixes)), DataFiles(corrections=fixes))
    name = next(el for el in paragraphs(results) if el.find(".//persName") is not None
                ).find(".//persName")
    assert name.get("ref") == "#zinoviev" and name.find("choice/sic").text == " "
    assert "".join(name.itertext()) == "Zino viev"


def test_the_data_package_is_valid_and_describes_every_file(exported: dict[str, Path]) -> None:
    report = frictionless.validate(str(exported["datapackage.json"]))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])[:5]
    package = json.loads(exported["datapackage.json"].read_text(encoding="utf-8"))
    paths = [r["path"] for r in package["resources"]]
    assert paths == [*TABLES, *(n for n in FILES if n != "datapackage.json")]
    mentions = next(r for r in package["resources"] if r["name"] == "mentions")
    assert {"fields": ["person_id"], "reference": {"resource": "people",
                                                   "fields": ["person_id"]}} in \
        mentions["schema"]["foreignKeys"]
    sentences = next(r for r in package["resources"] if r["name"] == "sentences")
    assert sentences["schema"]["primaryKey"] == ["sentence_id"]
    assert sentences["schema"]["foreignKeys"][0]["reference"]["resource"] == "paragraphs"
    assert all(f.get("description") for r in package["resources"] if "schema" in r
               for f in r["schema"]["fields"])
    titles = [s["title"] for s in package["sources"]]
    assert titles[0] == "serge-memoirs-ch4-excerpt.txt" and "people.csv" in titles
    assert all(s["hash"].startswith("sha256:") for s in package["sources"])


def test_the_sources_are_what_an_export_reads(chapter: Chapter, files: DataFiles,
                                             tmp_path: Path) -> None:
    """EXPORT_READS and EXPORT_READINGS, said by hand, are what a fresh export computes of the
    properties that read data files: one it starts reading cannot go unlisted."""
    fresh = Analyses(chapter, files)
    export(fresh, tmp_path / "out")
    computed = vars(fresh)
    reading_files = {READ_BY.get(f, f) for f in FILE_NAMES if f not in WITH_THE_TEXT}
    assert set(computed) & (reading_files | {"time_annotations"}) == EXPORT_READS
    assert {k for k, v in computed["_readings"].items() if v is not None} == EXPORT_READINGS


def test_the_validator_catches_a_changed_file(exported: dict[str, Path], tmp_path: Path) -> None:
    for path in exported.values():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    people = tmp_path / "people.csv"
    people.write_text(people.read_text(encoding="utf-8").replace("lenin,", "lenin2,", 1),
                      encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert "hash-count" in {e[0] for e in report.flatten(["type"])}
