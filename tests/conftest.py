"""Fixtures the tests share beyond those of the root ``conftest.py``.

``results`` holds the analyses of the bundled chapter with the bundled files,
each table computed once for the whole run; ``exported`` is their export,
written once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.datafiles import DataFiles
from analysis.export import export
from analysis.results import Analyses
from analysis.text import Chapter


@pytest.fixture(scope="session")
def results(chapter: Chapter, files: DataFiles) -> Analyses:
    """The analyses of the bundled chapter (tables computed on first use, then kept)."""
    return Analyses(chapter, files)


@pytest.fixture(scope="session")
def exported(results: Analyses, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The export of the bundled chapter with the bundled files: file name -> path."""
    out = tmp_path_factory.mktemp("export")
    return {path.name: path for path in export(results, out)}
