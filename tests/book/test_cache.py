"""The book's cache folder: one per text and data folder, what its stamps hold, its lock."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analysis import AnalysisError
from analysis.book import cache


@pytest.fixture()
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    text = tmp_path / "text.txt"
    text.write_text("Title\n\nSome prose about Lenin.\n", encoding="utf-8")
    data = tmp_path / "data"
    (data / "annotations").mkdir(parents=True)
    (data / "people.csv").write_text("person_id,name,aliases\nlenin,Lenin,Lenin\n",
                                     encoding="utf-8")
    return text, data


def test_the_cache_folder_follows_the_xdg_variable_and_the_inputs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.XDG, str(tmp_path / "xdg"))
    folder = cache.cache_dir("a.txt", "data")
    assert folder.parent == tmp_path / "xdg" / "analysis-book"
    assert folder == cache.cache_dir(Path("a.txt").resolve(), Path("data").resolve())
    assert len({folder, cache.cache_dir("a.txt", None), cache.cache_dir("b.txt", "data"),
                cache.cache_dir(None, None)}) == 4
    monkeypatch.delenv(cache.XDG)
    assert cache.cache_dir(None, None).parent == Path.home() / ".cache" / "analysis-book"


def test_every_edit_of_an_input_changes_the_digest(inputs: tuple[Path, Path]) -> None:
    text, data = inputs
    first = cache.inputs(text, data, None)
    assert sorted(first) == ["data/people.csv", "environment", "package", "text"]
    digests = {cache.digest(first)}

    def changed() -> bool:
        new = cache.digest(cache.inputs(text, data, None))
        fresh = new not in digests
        digests.add(new)
        return fresh

    (data / "people.csv").write_text("person_id,name,aliases\nlenin,Lenin,Lenin; Ulyanov\n",
                                     encoding="utf-8")
    assert changed()
    (data / "annotations" / "sentiment_reader_a.csv").write_text("x\n", encoding="utf-8")
    assert changed()  # a file added in a sub-folder
    text.write_text("Title\n\nSome prose about Trotsky.\n", encoding="utf-8")
    assert changed()
    assert cache.digest(cache.inputs(text, data, "A title")) not in digests
    (data / ".hidden").write_text("ignored\n", encoding="utf-8")
    assert not changed()  # hidden files are not read by the analyses
    assert "text" not in cache.inputs(text.with_name("missing.txt"), None, None)


def test_a_second_build_of_the_same_text_is_refused_while_the_first_holds_the_folder(
        tmp_path: Path) -> None:
    folder = tmp_path / "cache" / "abc"
    with cache.hold(folder):
        with pytest.raises(AnalysisError, match="another book of this text and data folder is "
                                                "being built; nothing was changed"):
            with cache.hold(folder):
                pass
    with cache.hold(folder):  # released
        pass


def test_a_cache_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(AnalysisError, match=r"cannot make the book's cache folder .*XDG_CACHE_HOME"):
        with cache.hold(blocker / "abc"):
            pass


def test_the_stamps_survive_a_bad_state_file(tmp_path: Path) -> None:
    assert cache.read_state(tmp_path) == {}
    cache.write_state(tmp_path, {"intro": "1"})
    assert cache.read_state(tmp_path) == {"intro": "1"}
    (tmp_path / "state.json").write_text("{not json", encoding="utf-8")
    assert cache.read_state(tmp_path) == {}


def test_pruning_keeps_the_most_recent_and_those_in_use(tmp_path: Path) -> None:
    folders = []
    for i in range(5):
        folder = tmp_path / f"f{i}"
        with cache.hold(folder):
            pass
        os.utime(folder, (1000 + i, 1000 + i))
        folders.append(folder)
    with cache.hold(folders[0]):  # the oldest, but in use
        os.utime(folders[0], (1000, 1000))
        removed = cache.prune(keep=2, root=tmp_path)
    assert sorted(removed) == folders[1:3]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f0", "f3", "f4"]
