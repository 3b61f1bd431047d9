"""Time in the export: ``time_expressions.csv``, ``chronology.csv``, hindsight in ``sentences.csv``,
the TEI's sentences and dates, the Web Annotations of time and hindsight.

On the chapter (every count derived from ``results``), and on a short made-up text without a
chronology or an annotation of time, whose name "Karl May" runs into the date "May 1921" and
whose scan lost the space after a full stop, so that a sentence edge falls inside a correction.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import frictionless
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.datafiles import DataFiles
from analysis.export import TABLES, export
from analysis.formats.tei import NS, paragraphs
from analysis.results import Analyses
from analysis.timeline import references
from analysis.timeline.interchange import CHRONOLOGY_EXPORT, TIME_EXPRESSIONS

T = "{http://www.tei-c.org/ns/1.0}"
TIME_TAGS = ("date", "time", "measure")


def local(el: ET.Element) -> str:
    """An element's name without its namespace."""
    return el.tag.rsplit("}", 1)[-1]


def read_csv(path: Path) -> pd.DataFrame:
    """An exported table, every cell a string (empty cells ``NaN``)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False).replace("", float("nan"))


def reading(el: ET.Element) -> str:
    """The text an element reads as established: what the scan had (``sic``) left out."""
    parts = [el.text or ""]
    for child in el:
        if local(child) != "sic":
            parts.append(reading(child))
        parts.append(child.tail or "")
    return "".join(parts)


def time_elements(root: ET.Element) -> list[ET.Element]:
    return [el for el in root.iter() if local(el) in TIME_TAGS]


# --- the chapter ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tei(exported: dict[str, Path]) -> ET.Element:
    return ET.parse(exported["chapter.tei.xml"]).getroot().find("tei:text/tei:body/tei:div", NS)


@pytest.fixture(scope="module")
def items(exported: dict[str, Path]) -> list[dict]:
    return json.loads(exported["annotations.jsonld"].read_text(encoding="utf-8"))["first"]["items"]


def test_time_expressions_csv_holds_every_expression_in_its_sentence(
        exported: dict[str, Path], results: Analyses) -> None:
    table = read_csv(exported["time_expressions.csv"])
    expected = results.time_expressions.sort_values(["start", "end"])
    assert table.columns.tolist() == TIME_EXPRESSIONS.names
    assert table[["start", "end"]].astype(int).values.tolist() == \
        expected[["start", "end"]].values.tolist()
    assert table["value"].tolist() == expected["value"].tolist()
    sentences = results.chapter.sentences.set_index("sentence_id")
    for row in table.itertuples():
        sentence = sentences.loc[int(row.sentence_id)]
        assert sentence.start <= int(row.start) < int(row.end) <= sentence.end, row
    seed = results.chapter.seed_text
    split = table[[seed[int(a):int(b)] == "19 18" for a, b in zip(table["start"], table["end"])]]
    assert split[["text", "type", "value"]].values.tolist() == [["1918", "DATE", "1918"]]


def test_chronology_csv_holds_the_events_where_their_sentences_are(
        exported: dict[str, Path], results: Analyses) -> None:
    table = read_csv(exported["chronology.csv"])
    assert table.columns.tolist() == CHRONOLOGY_EXPORT.names
    assert len(table) == len(results.chronology) > 0
    assert table["event"].tolist() == results.chronology["event"].tolist()
    sentences = results.chapter.sentences.set_index("sentence_id")
    for row in table.itertuples():
        assert sentences.loc[int(row.sentence_id), "start"] <= int(row.start)


def test_sentences_csv_says_which_sentences_speak_with_hindsight(
        exported: dict[str, Path], results: Analyses) -> None:
    table = read_csv(exported["sentences.csv"]).set_index("sentence_id")
    marks = results.hindsight
    assert table["hindsight"].eq("True").sum() == marks["hindsight"].sum() > 20
    assert table["hindsight"].notna().sum() == len(marks)  # the narration's sentences only
    assert table["hindsight_later"].notna().sum() == marks["hindsight"].sum()
    late = table[table["text"].str.startswith("In fact, it was only much later")].iloc[0]
    assert (late.hindsight, late.hindsight_later) == ("True", "1936")
    assert "much later" in late.hindsight_cue
    _, reference = references(results.time_annotations)
    assert table["hindsight_annotation"].eq("True").sum() == len(reference) > 20
    both = table[table["hindsight"].eq("True") & table["hindsight_annotation"].eq("True")]
    assert 0 < len(both) <= min(len(reference), marks["hindsight"].sum())


def test_every_sentence_is_an_s_element_with_its_hindsight(tei: ET.Element,
                                                            results: Analyses) -> None:
    found = tei.findall(".//tei:s", NS)
    assert [int(s.get("n")) for s in found] == results.chapter.sentences["sentence_id"].tolist()
    assert [reading(s) for s in found] == results.chapter.sentences["text"].tolist()
    marks = results.hindsight[results.hindsight["hindsight"]]
    assert {int(s.get("n")): s.get("ana") for s in found if s.get("type") == "hindsight"} == {
        sid: f"timex:{later}" for sid, later in zip(marks["sentence_id"], marks["later"])}


def test_every_time_expression_is_an_element_in_its_sentence(tei: ET.Element,
                                                              results: Analyses) -> None:
    expected = results.time_expressions.sort_values(["start", "end"])
    elements = time_elements(tei)
    assert len(elements) == len(expected)
    assert [el.get("ana") for el in elements] == [f"timex:{v}" for v in expected["value"]]
    assert [reading(el) for el in elements] == expected["text"].tolist()
    inside = {id(el): int(s.get("n")) for s in tei.iter(T + "s") for el in time_elements(s)}
    assert [inside[id(el)] for el in elements] == expected["sentence_id"].tolist()


@pytest.mark.parametrize(("text", "tag", "attrs"), [
    ("1918", "date", {"type": "date", "when": "1918"}),          # "19 18" in the scan
    ("this summer of 1921", "date", {"notBefore": "1921-06", "notAfter": "1921-08"}),
    ("November 1920", "date", {"when": "1920-11"}),
    ("eighteen months", "time", {"type": "duration", "dur": "P18M"}),
    ("forty-one", "measure", {"type": "age", "unit": "year", "quantity": "41"}),
    ("One night", "time", {"type": "time", "notBefore": "1921-01", "notAfter": "1921-12"}),
])
def test_known_expressions_carry_their_tei_attributes(tei: ET.Element, text: str, tag: str,
                                                      attrs: dict[str, str]) -> None:
    el = next(el for el in time_elements(tei) if reading(el) == text)
    assert local(el) == tag
    assert {k: el.get(k) for k in attrs} == attrs


def test_the_split_year_holds_its_correction(tei: ET.Element) -> None:
    split = next(el for el in time_elements(tei) if el.find("tei:choice", NS) is not None)
    assert (split.get("when"), split.find("tei:choice/tei:sic", NS).text) == ("1918", " ")


def test_time_and_hindsight_are_web_annotations(items: list[dict], results: Analyses) -> None:
    times = [a for a in items if a["id"].startswith("annotations.jsonld#time-")]
    later = [a for a in items if a["id"].startswith("annotations.jsonld#hindsight-")]
    assert len(times) == len(results.time_expressions)
    assert len(later) == results.hindsight["hindsight"].sum()
    split = next(a for a in times if a["target"]["selector"][0]["exact"] == "19 18")
    assert [(b["purpose"], b["value"]) for b in split["body"]] == [
        ("classifying", "DATE"), ("describing", "1918")]
    late = next(a for a in later if a["target"]["selector"][0]["exact"].startswith(
        "In fact, it was only much later"))
    assert [b["value"] for b in late["body"]][:2] == ["hindsight", "1936"]
    assert late["body"][2]["purpose"] == "tagging" and "much later" in late["body"][2]["value"]


def test_the_data_package_describes_the_time_tables(exported: dict[str, Path]) -> None:
    package = json.loads(exported["datapackage.json"].read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    keys = resources["time_expressions"]["schema"]["foreignKeys"]
    assert {"fields": ["sentence_id"], "reference": {"resource": "sentences",
                                                     "fields": ["sentence_id"]}} in keys
    assert "description" not in resources["chronology"]  # the chapter has its chronology
    fields = [f["name"] for f in resources["sentences"]["schema"]["fields"]]
    assert fields[-4:] == ["hindsight", "hindsight_cue", "hindsight_later", "hindsight_annotation"]
    titles = [s["title"] for s in package["sources"]]
    assert {"chronology.csv", "hindsight_adjudication.csv", "time_reader_a.csv"} <= set(titles)


# --- another text, without a chronology ------------------------------------------------------

LYON = """Letters from Lyon

I came to Lyon in the winter of 1923, when Karl May 1921 was a forgotten book. Anna Weiss \
was to die in 1944, far from the shop.Even now I remember the smell of ink.

[Anna Weiss (1890-1944): a typesetter.]

By the spring of 1924 the paper had six hundred readers, and for eighteen months it came out \
every week.
"""

PEOPLE = """person_id,name,aliases,role,nationality,affiliation,fate,source_paragraph
karl_may,Karl May,Karl May,a writer,German,,,2
weiss,Anna Weiss,Anna Weiss; Weiss,a typesetter,German,,,2
"""


@pytest.fixture(scope="module")
def lyon(tmp_path_factory: pytest.TempPathFactory) -> tuple[Analyses, Path]:
    """The made-up text (its own register, a correction, no chronology) and its export."""
    root = tmp_path_factory.mktemp("lyon")
    (root / "lyon.txt").write_text(LYON, encoding="utf-8")
    (root / "people.csv").write_text(PEOPLE, encoding="utf-8")
    at = LYON.index(".Even")
    (root / "corrections.csv").write_text(
        "start,end,found,replacement,kind,note\n"
        f"{at},{at + 2},.E,. E,punctuation,the space after a full stop\n", encoding="utf-8")
    files = DataFiles(people=root / "people.csv", corrections=root / "corrections.csv")
    results = Analyses(files.chapter(root / "lyon.txt"), files)
    export(results, root / "out")
    return results, root / "out"


def test_another_text_gets_an_empty_chronology_with_its_schema(lyon: tuple[Analyses, Path]
                                                               ) -> None:
    results, out = lyon
    assert results.chronology is None
    assert (out / "chronology.csv").read_text(encoding="utf-8") == \
        ",".join(CHRONOLOGY_EXPORT.names) + "\n"
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"] if r["path"].endswith(".csv")] == list(TABLES)
    chronology = next(r for r in package["resources"] if r["name"] == "chronology")
    assert chronology["description"].startswith("Empty: no chronology for this text")
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])[:5]


def test_another_text_exports_its_own_time(lyon: tuple[Analyses, Path]) -> None:
    results, out = lyon
    table = read_csv(out / "time_expressions.csv")
    assert len(table) == len(results.time_expressions) > 5
    assert table.set_index("text").loc["the winter of 1923", "value"] == "1923-WI"
    sentences = read_csv(out / "sentences.csv")
    assert sentences["hindsight"].eq("True").sum() == results.hindsight["hindsight"].sum() > 0
    assert sentences["hindsight_annotation"].isna().all()  # no readers for this text
    items = json.loads((out / "annotations.jsonld").read_text(encoding="utf-8"))["first"]["items"]
    assert sum(a["id"].startswith("annotations.jsonld#time-") for a in items) == len(table)


def test_a_date_across_a_name_is_left_plain_and_said(lyon: tuple[Analyses, Path]) -> None:
    results, out = lyon
    root = ET.parse(out / "chapter.tei.xml").getroot()
    texts = [reading(el) for el in time_elements(root)]
    assert "May 1921" in results.time_expressions["text"].tolist() and "May 1921" not in texts
    assert len(texts) == len(results.time_expressions) - 1
    body = root.find("tei:text/tei:body", NS)
    assert [el.get("ref") for el in body.iter(T + "persName")] == [
        "#" + p for p in results.mentions["person_id"]]
    assert ("warning: chapter.tei.xml: 1 time expression crosses the edge of a name, a "
            "correction, a sentence or another date and is written as plain text: “May 1921” "
            "(s2)") in results.notes


def test_a_sentence_edge_inside_a_correction_moves_to_its_end(lyon: tuple[Analyses, Path]) -> None:
    results, out = lyon
    root = ET.parse(out / "chapter.tei.xml").getroot()
    body = root.find("tei:text/tei:body/tei:div", NS)
    found = body.findall(".//tei:s", NS)
    assert [int(s.get("n")) for s in found] == results.chapter.sentences["sentence_id"].tolist()
    for el, text in zip(body, results.chapter.paragraphs["text"]):
        assert reading(el) == text
    shop, now = (next(s for s in found if s.get("n") == str(n)) for n in (3, 4))
    assert reading(shop).endswith("far from the shop. E") and reading(now).startswith("ven now")
    assert shop.find("tei:choice/tei:corr", NS).text == ". E"
    assert any("an edge of 2 sentences falls inside a name or a correction" in n
               for n in results.notes)


@settings(max_examples=40)
@given(st.lists(st.tuples(st.integers(0, 120), st.integers(1, 25)), max_size=8))
def test_any_time_expressions_leave_the_tei_whole(lyon: tuple[Analyses, Path],
                                                  spans: list[tuple[int, int]]) -> None:
    """Made-up expressions anywhere in the second paragraph: the TEI parses, reads as the text,
    and holds each one as an element or names it as left out."""
    base, _ = lyon
    sentence = base.chapter.sentences.set_index("sentence_id")
    para = base.chapter.paragraphs.iloc[1]
    rows = [(para.start + a, min(para.start + a + w, para.end)) for a, w in spans]
    rows = sorted({r for r in rows if r[1] > r[0]})
    owner = [int(base.chapter.sentences.loc[base.chapter.sentences["start"] <= a,
                                            "sentence_id"].iloc[-1]) for a, _ in rows]
    made = pd.DataFrame({"start": [a for a, _ in rows], "end": [b for _, b in rows],
                         "text": [base.chapter.seed_text[a:b] for a, b in rows], "type": "DATE",
                         "value": "1921", "paragraph_id": 2, "sentence_id": owner})
    results = Analyses(base.chapter, base.files)
    vars(results).update(mentions=base.mentions, hindsight=base.hindsight, time_expressions=made)
    dropped: list[tuple[str, str]] = []
    blocks = list(paragraphs(results, dropped))
    again = ET.fromstring(ET.tostring(blocks[1], encoding="unicode"))
    assert reading(again) == para.text
    left_out = [d for d in dropped if d[0] != "s"]
    assert len(time_elements(again)) + len(left_out) == len(made)
    assert [int(s.get("n")) for s in again.iter("s")] == sentence.index[
        sentence["paragraph_id"] == 2].tolist()
