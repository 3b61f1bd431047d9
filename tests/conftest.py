"""Shared fixtures: the chapter is loaded once per test session."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from analysis import Chapter, load_chapter

# Property tests are derandomised so that every run tries the same examples.
settings.register_profile("repo", derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("repo")


@pytest.fixture(scope="session")
def chapter() -> Chapter:
    """The bundled chapter excerpt, established and segmented."""
    return load_chapter()
