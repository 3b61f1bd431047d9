"""Tests of the sources a register cites: every address a scholar can cite."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import DataFileError
from analysis.people.sources import (PROBLEM_COLUMNS, SOURCE_COLUMNS, load_reference_hosts,
                                     source_problems)
from analysis.datafiles import data_path


@pytest.fixture(scope="module")
def hosts() -> pd.DataFrame:
    return load_reference_hosts(data_path("reference_hosts.csv"))


def _one(cell: str, column: str = "record_source") -> pd.DataFrame:
    return pd.DataFrame({"person_id": ["x"], column: [cell]})


def test_the_bundled_register_cites_only_reference_works(register: pd.DataFrame,
                                                         hosts: pd.DataFrame) -> None:
    problems = source_problems(register, hosts)
    assert problems.columns.tolist() == PROBLEM_COLUMNS
    assert problems.empty, problems.to_string()
    cited = sum(int(register[c].str.count("https?://").sum()) for c in SOURCE_COLUMNS)
    assert cited > 69                                      # the check did look at addresses


@pytest.mark.parametrize(("cell", "problem"), [
    ("Wikipedia, 'Béla Kun' (copy https://a.osmarks.net/content/wikipedia_en_all/A/B%C3%A9la_Kun)",
     "host a.osmarks.net is not a listed reference work"),
    ("https://iiab.me/kiwix/content/wikipedia_en_top_maxi_2022-11/A/Mikhail_Borodin",
     "host iiab.me is not a listed reference work"),
    ("Wikipedia (de), http://de.wikipedia.org./wiki/Wladimir_Nikolajewitsch_Taganzew",
     "trailing dot after the host"),
    ("Wikipedia, 'Volin', https://en.m.wikipedia.org/wiki/Voline",
     "mobile Wikipedia host (cite en.wikipedia.org)"),
    ("https://en.wikipedia.org/wiki/Bela Kun; Britannica", "space inside the address"),
    ("Wikipedia, en.wikipedia.org/wiki/Andreu_Nin", "no scheme (write https://)"),
])
def test_each_kind_of_uncitable_address_is_named(hosts: pd.DataFrame, cell: str,
                                                 problem: str) -> None:
    found = source_problems(_one(cell), hosts)
    assert len(found) == 1
    assert found.loc[0, "problem"].startswith(problem)
    assert found.loc[0, "person_id"] == "x" and found.loc[0, "column"] == "record_source"


@pytest.mark.parametrize("column", SOURCE_COLUMNS)
def test_every_source_column_is_checked(hosts: pd.DataFrame, column: str) -> None:
    found = source_problems(_one("see https://docslib.org/doc/8389363", column), hosts)
    assert found["column"].tolist() == [column]


@pytest.mark.parametrize("cell", [
    "Wikipedia, 'Volin (anarchist)', https://en.wikipedia.org/wiki/Volin_(anarchist)",
    "(copy of https://en.wikipedia.org/wiki/Fanya_Baron)",
    "Wikipedia (ru), https://ru.wikipedia.org/wiki/%D0%91%D0%B0%D1%80,_%D0%90; Britannica",
    "Maitron, https://maitron.fr/spip.php?article114483, notice by Nicole Racine",
    "https://marxists.org/archive/serge/index.htm",           # the listed host without www.
    "J. Maurín, Revolución y contrarrevolución en España (Paris: Ruedo Ibérico, 1966)",
])
def test_citable_addresses_pass(hosts: pd.DataFrame, cell: str) -> None:
    assert source_problems(_one(cell), hosts).empty


def test_a_register_without_source_columns_has_no_problem(hosts: pd.DataFrame) -> None:
    assert source_problems(pd.DataFrame({"person_id": ["x"]}), hosts).empty


@given(st.sampled_from(["en.wikipedia.org", "maitron.fr", "dbe.rah.es", "snl.no"]),
       st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_-%/", min_size=1, max_size=40))
def test_any_path_on_a_listed_host_is_citable(host: str, path: str) -> None:
    hosts = pd.DataFrame({"host": [host], "work": ["w"], "note": [""]})
    cell = f"Work, 'Title', https://{host}/{path}; another work"
    assert source_problems(_one(cell), hosts).empty


@given(st.sampled_from(["iiab.me", "a.osmarks.net", "docslib.org", "fr-academic.com"]),
       st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_-", min_size=1, max_size=30))
def test_any_mirror_address_is_caught(mirror: str, path: str) -> None:
    hosts = pd.DataFrame({"host": ["en.wikipedia.org"], "work": ["w"], "note": [""]})
    found = source_problems(_one(f"copy https://{mirror}/{path}"), hosts)
    assert found["problem"].tolist() == [f"host {mirror} is not a listed reference work"]


@pytest.mark.parametrize(("content", "message"), [
    ("host,note\nen.wikipedia.org,x\n", r"row 1 \(header\): missing column\(s\) work"),
    ("host,work,note\nEn.Wikipedia.org,Wikipedia,\n",
     r"row 2, column host: 'En.Wikipedia.org' is not a host"),
    ("host,work,note\nsnl.no,SNL,\nsnl.no,SNL again,\n",
     r"row 3, column host: 'snl.no' is already given in row 2"),
    ("host,work,note\nsnl.no,,\n", r"row 2, column work: empty"),
    (b"host,work,note\nsnl.no,\xff,\n", r"not a readable UTF-8 CSV file"),
])
def test_a_malformed_hosts_file_is_one_line(tmp_path: Path, content: str | bytes,
                                            message: str) -> None:
    path = tmp_path / "reference_hosts.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_reference_hosts(path)


def test_a_missing_hosts_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"reference_hosts\.csv: no such file"):
        load_reference_hosts(tmp_path / "reference_hosts.csv")
