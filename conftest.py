"""What every test and docstring example shares: the chapter and its data, loaded once.

The docstring examples of the package (``--doctest-modules``) find these names
ready, as a reader's session would have them after ``chapter = load_chapter()``
and ``files = DataFiles()``: ``chapter``, ``files``, ``lexicon``, ``register``, ``stopwords``, ``abbreviations``,
``known_names``, ``shared_names``, ``patch``, ``episodes``, and ``data_path``
(the path of a bundled data file), ``pd``, ``np`` and ``Path``, and the
functions most examples build on: ``mentions`` (of :mod:`analysis.people`),
``theme_hits`` and ``paragraph_scores`` (of :mod:`analysis.themes`) and
``paragraph_stats``. The API reference says so at its top.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from _pytest.doctest import DoctestItem
from hypothesis import HealthCheck, settings

from analysis import Chapter, load_chapter, people, themes
from analysis.datafiles import DataFiles, data_path
from analysis.text.segment import load_abbreviations
from analysis.text.structure import paragraph_stats

# Property tests are derandomised so that every run tries the same examples.
settings.register_profile("repo", derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("repo")


@pytest.fixture(scope="session")
def chapter() -> Chapter:
    """The bundled chapter excerpt, established and segmented."""
    return load_chapter()


@pytest.fixture(scope="session")
def files() -> DataFiles:
    """The bundled data files."""
    return DataFiles()


@pytest.fixture(scope="session")
def lexicon(files: DataFiles) -> themes.Lexicon:
    """The bundled theme lexicon."""
    return files.lexicon()


@pytest.fixture(scope="session")
def register(files: DataFiles) -> pd.DataFrame:
    """The bundled register of people."""
    return files.register()


@pytest.fixture(scope="session")
def shared_names(files: DataFiles) -> pd.DataFrame:
    """The bundled rules for name forms two people share."""
    return files.shared_rules()


@pytest.fixture(scope="session")
def patch(files: DataFiles) -> pd.DataFrame:
    """The bundled sentiment lexicon patch."""
    return files.patch()


@pytest.fixture(scope="session")
def known_names(files: DataFiles) -> pd.DataFrame:
    """The bundled names that are not people."""
    return files.known_names()


@pytest.fixture(scope="session")
def episodes(files: DataFiles, chapter: Chapter) -> pd.DataFrame:
    """The bundled episodes."""
    return files.episodes_table(chapter)


@pytest.fixture(scope="session")
def stopwords(files: DataFiles) -> frozenset[str]:
    """The bundled stop list."""
    return files.stop_list()


@pytest.fixture(scope="session")
def shared_data(chapter: Chapter, files: DataFiles, lexicon: themes.Lexicon,
                register: pd.DataFrame, shared_names: pd.DataFrame, patch: pd.DataFrame,
                known_names: pd.DataFrame,
                episodes: pd.DataFrame, stopwords: frozenset[str]) -> dict[str, object]:
    """The names the docstring examples use."""
    return {"chapter": chapter, "files": files, "lexicon": lexicon, "register": register,
            "known_names": known_names,
            "shared_names": shared_names,
            "patch": patch, "episodes": episodes, "stopwords": stopwords,
            "abbreviations": load_abbreviations(data_path("abbreviations.txt")),
            "data_path": data_path, "pd": pd, "np": np, "Path": Path,
            "mentions": people.mentions, "theme_hits": themes.theme_hits,
            "paragraph_scores": themes.paragraph_scores, "paragraph_stats": paragraph_stats}


@pytest.fixture(autouse=True)
def _doctest_names(request: pytest.FixtureRequest) -> None:
    """Give every docstring example the shared names (tests may define fixtures of those names)."""
    if isinstance(request.node, DoctestItem):
        request.getfixturevalue("doctest_namespace").update(
            request.getfixturevalue("shared_data"))
