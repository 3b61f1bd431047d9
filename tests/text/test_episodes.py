"""Tests of analysis.episodes: the one table of episodes, read as data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import Chapter
from analysis.text.episodes import episode_positions, load_episodes
from analysis.datafiles import DataFiles
from analysis.errors import DataFileError
from analysis.datafiles import data_path


def test_every_episode_opens_once_in_text_order_and_they_tile_the_chapter(
        chapter: Chapter, episodes: pd.DataFrame) -> None:
    table = episode_positions(chapter, episodes)
    assert table["episode"].tolist() == episodes["episode"].tolist()
    assert table["position"].is_monotonic_increasing
    assert (table["position_end"].iloc[:-1].to_numpy() == table["position"].iloc[1:].to_numpy()).all()
    for row in table.itertuples():
        quote = episodes.set_index("episode").loc[row.episode, "quote"]
        assert chapter.seed_text[row.start:row.end] == quote


def test_the_famine_opens_its_paragraph(chapter: Chapter, episodes: pd.DataFrame) -> None:
    table = episode_positions(chapter, episodes).set_index("episode")
    paragraph = chapter.paragraphs.set_index("paragraph_id").loc[table.loc["famine", "paragraph_id"]]
    assert paragraph["text"].startswith("The winds of an immeasurable calamity")
    assert table.loc["famine", "start"] == paragraph["start"]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "episodes.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("content", "message"), [
    ("episode,quote\nA,x\n", r"row 1 \(header\): missing column\(s\) description"),
    ("episode,quote,description\nA,,d\n", r"row 2, column quote: empty"),
    ("episode,quote,description\nA,x,d\nA,y,d\n", r"row 3, column episode: 'A' is already given in row 2"),
    ("", r"episodes\.csv: the file is empty"),
])
def test_a_malformed_episodes_file_is_named_with_its_row(tmp_path: Path, content: str,
                                                         message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        load_episodes(_write(tmp_path, content))


def test_a_quote_must_be_found_exactly_once_and_in_order(tmp_path: Path, chapter: Chapter) -> None:
    for quotes, message in [(["Napoleon crossed the Alps"], r"row 2, column quote: .* found 0 times"),
                            (["Bela Kun"], r"found [2-9]\d* times"),
                            (["The winds of an immeasurable calamity", "I had some personal knowledge"],
                             r"not listed in the order of the text")]:
        rows = "".join(f"E{i},{q},d\n" for i, q in enumerate(quotes))
        table = load_episodes(_write(tmp_path, "episode,quote,description\n" + rows))
        with pytest.raises(DataFileError, match=message):
            episode_positions(chapter, table)


def test_the_bundled_file_is_the_one_datafiles_knows(files: DataFiles,
                                                     episodes: pd.DataFrame) -> None:
    assert files.path("episodes") == data_path("episodes.csv")
    pd.testing.assert_frame_equal(load_episodes(data_path("episodes.csv")), episodes)


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"no such file"):
        load_episodes(tmp_path / "nowhere.csv")


def test_an_extender_table_in_code_works_without_a_file(chapter: Chapter) -> None:
    table = pd.DataFrame({"episode": ["opening"], "quote": ["The Third Congress"],
                          "description": [""]})
    assert episode_positions(chapter, table)["paragraph_id"].tolist() == [3]
