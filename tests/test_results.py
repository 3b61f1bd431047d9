"""Tests of analysis.results: each table of a chapter is computed once, and passed on.

The compute functions are counted where they live and wherever a module has
imported them, so that a second computation anywhere in the package is seen.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from analysis import Chapter, people, sentiment, themes
from analysis.datafiles import DataFiles
from analysis.export import FILES, TABLES, export
from analysis.results import Analyses

#: Each table of an Analyses -> the function that computes it.
COMPUTED: dict[str, Callable[..., object]] = {
    "mentions": people.mentions,
    "theme_hits": themes.theme_hits,
    "paragraph_scores": themes.paragraph_scores,
    "sentence_scores": sentiment.sentence_scores,
    "network": people.build_network,
    "unregistered_names": people.unregistered_names,
}

#: Each data table of an Analyses -> the DataFiles method that loads it.
LOADED = {"register": "register", "lexicon": "lexicon", "patch": "patch",
          "known_names": "known_names"}


def count_calls(monkeypatch: pytest.MonkeyPatch, function: Callable[..., object]) -> list[tuple]:
    """Count the calls of ``function``, under every name the package's modules give it."""
    calls: list[tuple] = []

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return function(*args, **kwargs)

    for name, module in list(sys.modules.items()):
        if name == "analysis" or name.startswith("analysis."):
            for attr, value in list(vars(module).items()):
                if value is function:
                    monkeypatch.setattr(module, attr, counted)
    return calls


def count_loads(monkeypatch: pytest.MonkeyPatch, method: str) -> list[tuple]:
    """Count the calls of a loader of :class:`DataFiles`."""
    calls: list[tuple] = []
    original = getattr(DataFiles, method)

    def counted(self: DataFiles, *args: object) -> object:
        calls.append(args)
        return original(self, *args)

    monkeypatch.setattr(DataFiles, method, counted)
    return calls


def test_each_table_is_computed_once_and_kept(chapter: Chapter, files: DataFiles,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    computed = {name: count_calls(monkeypatch, f) for name, f in COMPUTED.items()}
    loaded = {name: count_loads(monkeypatch, method) for name, method in LOADED.items()}
    results = Analyses(chapter, files)
    for name in [*COMPUTED, *LOADED, *COMPUTED]:  # each asked for twice, dependencies first
        assert getattr(results, name) is getattr(results, name)
    assert {name: len(calls) for name, calls in computed.items()} == dict.fromkeys(COMPUTED, 1)
    assert {name: len(calls) for name, calls in loaded.items()} == dict.fromkeys(LOADED, 1)


def test_tables_are_built_from_the_tables_before_them(chapter: Chapter, files: DataFiles,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    mentions = count_calls(monkeypatch, people.mentions)
    hits = count_calls(monkeypatch, themes.theme_hits)
    results = Analyses(chapter, files)
    # the network and the detector use the mentions, the scores the hits: one computation each
    assert isinstance(results.network, nx.Graph)
    assert isinstance(results.unregistered_names, pd.DataFrame)
    assert isinstance(results.paragraph_scores, pd.DataFrame)
    assert (len(mentions), len(hits)) == (1, 1)
    assert results.mentions is not None and results.theme_hits is not None
    assert (len(mentions), len(hits)) == (1, 1)


def test_the_tables_are_those_the_functions_give(results: Analyses, chapter: Chapter,
                                                 lexicon: themes.Lexicon, register: pd.DataFrame,
                                                 shared_names: pd.DataFrame,
                                                 patch: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(results.shared_names, shared_names)
    pd.testing.assert_frame_equal(results.mentions, people.mentions(chapter, register, shared_names))
    pd.testing.assert_frame_equal(results.theme_hits, themes.theme_hits(chapter, lexicon))
    pd.testing.assert_frame_equal(results.paragraph_scores,
                                  themes.paragraph_scores(chapter, lexicon))
    assert results.lexicon.names == lexicon.names
    assert results.patch.equals(patch) and results.register.equals(register)


def test_the_export_computes_each_table_once(chapter: Chapter, files: DataFiles, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    computed = {name: count_calls(monkeypatch, f) for name, f in COMPUTED.items()}
    written = export(Analyses(chapter, files), tmp_path)
    assert [p.name for p in written] == [*TABLES, *FILES]
    assert len(computed["mentions"]) == 1 and len(computed["theme_hits"]) == 1
    assert {name: len(calls) for name, calls in computed.items()} == dict.fromkeys(COMPUTED, 1)


def test_an_export_of_analyses_already_made_computes_nothing(
        chapter: Chapter, files: DataFiles, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    results = Analyses(chapter, files)
    for name in COMPUTED:
        getattr(results, name)
    computed = {name: count_calls(monkeypatch, f) for name, f in COMPUTED.items()}
    export(results, tmp_path)
    assert all(not calls for calls in computed.values())


def test_load_reads_the_text_with_the_files(tmp_path: Path) -> None:
    text = tmp_path / "other.txt"
    text.write_text("Title\n\nLenin spoke. The famine spread.\n", encoding="utf-8")
    results = Analyses.load(text)
    assert results.files == DataFiles()
    assert results.chapter.source.path == text
    assert results.mentions["person_id"].tolist() == ["lenin"]
    lexicon = tmp_path / "themes.toml"
    lexicon.write_text('[hunger]\ndescription = "Want."\nterms = [{ term = "famine" }]\n',
                       encoding="utf-8")
    mine = Analyses.load(text, DataFiles(themes=lexicon))
    assert mine.paragraph_scores.columns.tolist() == ["paragraph_id", "start", "end", "hunger"]
    assert mine.theme_hits["match"].tolist() == ["famine"]


def test_analyses_are_compared_by_identity(chapter: Chapter, files: DataFiles) -> None:
    first, second = Analyses(chapter, files), Analyses(chapter, files)
    assert first != second and first == first
    assert Analyses(chapter).files == DataFiles()
