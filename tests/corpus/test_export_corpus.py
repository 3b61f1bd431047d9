"""The corpus export: one valid data package, the people linked, the TEI corpus, all or nothing,
and the tables mapped on two processes equal to those computed in one."""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pandas as pd
import pytest
from frictionless import validate

from analysis.cli import main
from analysis.corpus import Corpus
from analysis.corpus.export import TEI_FILE, export_corpus, names
from analysis.corpus.tables import TextTables, merge
from analysis.errors import AnalysisError
from analysis.formats.tei import NS


def test_the_package_is_valid(exported: Path) -> None:
    report = validate(exported / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    assert sorted(p.name for p in exported.iterdir()) == sorted(names())


def test_every_table_has_a_text_id_and_texts_csv_its_provenance(exported: Path,
                                                               corpus: Corpus) -> None:
    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        if resource.get("format") == "csv" and resource["name"] != "people":
            assert resource["schema"]["fields"][0]["name"] == "text_id"
    texts = pd.read_csv(exported / "texts.csv")
    assert texts["text_id"].tolist() == corpus.ids
    for row in texts.itertuples(index=False):
        path = corpus.text(row.text_id).text
        assert row.sha256 == hashlib.sha256(path.read_bytes()).hexdigest() and row.file == path.name
    assert texts.set_index("text_id").loc["goldman", "year"] == 1923


def test_lenin_trotsky_and_gorky_are_linked_across_the_texts(exported: Path) -> None:
    people = pd.read_csv(exported / "people.csv", keep_default_na=False).set_index("person_id")
    mentions = pd.read_csv(exported / "mentions.csv")
    for person, qid, texts in (("lenin", "Q1394", 3), ("gorky", "Q12706", 3),
                               ("trotsky", "Q33391", 2)):
        assert people.loc[person, "wikidata"] == qid
        assert len(people.loc[person, "texts"].split("; ")) == texts
        assert mentions.loc[mentions["person_id"] == person, "text_id"].nunique() == texts
    assert people.index.is_unique


def test_the_tei_is_a_corpus_of_the_texts(exported: Path, corpus: Corpus) -> None:
    root = ET.parse(exported / TEI_FILE).getroot()
    assert root.tag == f"{{{NS['tei']}}}teiCorpus"
    members = root.findall("tei:TEI", NS)
    assert [m.get("{http://www.w3.org/XML/1998/namespace}id") for m in members] == [
        f"text-{t}" for t in corpus.ids]
    ids = [e.get("{http://www.w3.org/XML/1998/namespace}id") for e in root.iter()]
    ids = [i for i in ids if i]
    assert len(ids) == len(set(ids))  # one listPerson, in the corpus's header
    refs = {e.get("ref")[1:] for e in root.iter(f"{{{NS['tei']}}}persName")
            if (e.get("ref") or "").startswith("#")}
    assert refs <= set(ids) and "lenin" in refs
    goldman = members[2].findall(".//tei:persName[@ref='#gorky']", NS)
    assert len(goldman) == len(corpus.results("goldman").mentions.query("person_id == 'gorky'"))


def test_two_processes_give_the_tables_of_one(serial: dict[str, TextTables],
                                             parallel: dict[str, TextTables]) -> None:
    assert list(serial) == list(parallel)
    for text_id in serial:
        for name, table in serial[text_id].tables.items():
            pd.testing.assert_frame_equal(table, parallel[text_id].tables[name])
        assert serial[text_id].tei == parallel[text_id].tei
    one, _ = merge(serial)
    two, _ = merge(parallel)
    for name in one:
        pd.testing.assert_frame_equal(one[name], two[name])


def snapshot(out: Path) -> dict[str, bytes]:
    """Every file of ``out`` with its bytes, and what lies beside it."""
    beside = sorted(p.name for p in out.parent.iterdir() if p.name != out.name)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())} | {"(beside)": str(beside).encode()}


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_stop_at_any_rename_leaves_the_earlier_files(
        tmp_path: Path, corpus: Corpus, parallel: dict[str, TextTables],
        monkeypatch: pytest.MonkeyPatch,
        renames: Callable[..., AbstractContextManager[list[str]]], when: str) -> None:
    monkeypatch.setattr("analysis.corpus.export.map_texts", lambda *a, **k: parallel)
    out = tmp_path / "out"
    out.mkdir()
    (out / "texts.csv").write_text("earlier\n", encoding="utf-8")
    (out / "my notes.txt").write_text("mine\n", encoding="utf-8")
    earlier = snapshot(out)
    steps = 2 + len(names())  # the journal, the earlier texts.csv out, then each file in
    for step in (1, 2, 3, steps // 2, steps - 1, steps):
        with renames(step, when, KeyboardInterrupt()), pytest.raises(KeyboardInterrupt):
            export_corpus(corpus, out)
        assert snapshot(out) == earlier, f"stopped {when} rename {step}"
    export_corpus(corpus, out)
    assert (out / "my notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert (out / "texts.csv").read_text(encoding="utf-8") != "earlier\n"


def test_an_error_in_a_text_writes_nothing(tmp_path: Path, corpus: Corpus,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise AnalysisError("goldman: a bad register")

    monkeypatch.setattr("analysis.corpus.export.map_texts", broken)
    with pytest.raises(AnalysisError):
        export_corpus(corpus, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_the_command_says_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export-corpus", str(tmp_path / "out"), "--corpus",
                 str(tmp_path / "none.toml")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"error: {tmp_path / 'none.toml'}: no such file"]
    assert main(["export-corpus", "/dev/null"]) == 1
    assert "exists and is not a folder" in capsys.readouterr().err
    assert main(["export-corpus", str(tmp_path / "out"), "--workers", "0"]) == 1
    assert capsys.readouterr().err.strip() == "error: --workers 0: give at least 1"
