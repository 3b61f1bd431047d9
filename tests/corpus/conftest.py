"""What the corpus tests share: the bundled corpus, its texts' tables mapped once serially and once
on two processes, and one export of it, each made once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.corpus import Corpus, bundled_corpus, load_corpus
from analysis.corpus.export import export_corpus
from analysis.corpus.tables import TextTables, map_texts


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The bundled corpus of witnesses (each text's analyses computed once, on first use)."""
    return load_corpus(bundled_corpus())


@pytest.fixture(scope="session")
def serial(corpus: Corpus) -> dict[str, TextTables]:
    """Every text's tables, computed in this process."""
    return map_texts(corpus, workers=1)


@pytest.fixture(scope="session")
def parallel(corpus: Corpus) -> dict[str, TextTables]:
    """Every text's tables, computed on a pool of two processes."""
    return map_texts(corpus, workers=2)


@pytest.fixture(scope="session")
def exported(corpus: Corpus, parallel: dict[str, TextTables],
             tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus export, written once (from the tables mapped on two processes)."""
    out = tmp_path_factory.mktemp("corpus") / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("analysis.corpus.export.map_texts", lambda *a, **k: parallel)
        export_corpus(corpus, out)
    return out
