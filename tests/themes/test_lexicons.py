"""Any lexicon, not only the bundled one: two themes, five themes, their own keys and labels.

Each lexicon goes through the scores, the density, every theme figure, the
chapter map and the export; the figures must name the themes by the lexicon's
labels, in its order, in the colours :func:`analysis.style.theme_colours` gives.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.colors as mcolors
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis import Chapter, themes
from analysis.datafiles import DataFiles
from analysis.export import export
from analysis.results import Analyses
from analysis.style import theme_colours, theme_lines
from analysis.synthesis.chapter_map import note_spans
from analysis.synthesis.figures import plot_chapter_map
from analysis.text import along_chapter
from analysis.text.records import write_records
from analysis.themes import figures

TWO = """\
[hunger]
label = "Hunger and want"
description = "The famine and the want of bread."
terms = [
  { term = "famine", weight = 3 },
  { term = "hunger", weight = 3 },
  { term = "starv*", weight = 2 },
  { term = "bread", weight = 1 },
]

[poetry]
label = "Poets, poems"
description = "The poets of Petrograd and their verse."
terms = [
  { term = "poet*", weight = 3 },
  { term = "verse*", weight = 2 },
  { term = "Blok", weight = 1 },
]
"""

FIVE = TWO + """
[congress]
label = "The Comintern congress"
description = "The Third Congress of the Communist International and its delegates."
terms = [
  { term = "Congress", weight = 3 },
  { term = "International", weight = 2 },
  { term = "delegat*", weight = 1 },
]

[sailors]
label = "Kronstadt's sailors"
description = "The rising at Kronstadt."
terms = [
  { term = "Kronstadt", weight = 3 },
  { term = "sailor*", weight = 2 },
]

[police]
label = "The political police"
description = "The Cheka, its arrests and its executions."
terms = [
  { term = "Cheka", weight = 3 },
  { term = "arrest*", weight = 2 },
  { term = "shot", weight = 1 },
]
"""

KEYS = {"two": ["hunger", "poetry"], "five": ["hunger", "poetry", "congress", "sailors", "police"]}


@pytest.fixture(scope="module", params=["two", "five"])
def lexicon_file(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                 ) -> Path:
    path = tmp_path_factory.mktemp(request.param) / "themes.toml"
    path.write_text(TWO if request.param == "two" else FIVE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def mine(lexicon_file: Path) -> themes.Lexicon:
    return themes.load_lexicon(lexicon_file)


@pytest.fixture(scope="module")
def hits(chapter: Chapter, mine: themes.Lexicon, stopwords: frozenset[str]) -> pd.DataFrame:
    return themes.theme_hits(chapter, mine, stopwords=stopwords)


@pytest.fixture(scope="module")
def scores(chapter: Chapter, mine: themes.Lexicon, hits: pd.DataFrame) -> pd.DataFrame:
    return themes.paragraph_scores(chapter, mine, hits=hits)


@pytest.fixture(scope="module")
def density(chapter: Chapter, mine: themes.Lexicon, hits: pd.DataFrame) -> pd.DataFrame:
    return themes.theme_density(chapter, mine, hits=hits)


@pytest.fixture(scope="module")
def annotation(chapter: Chapter, mine: themes.Lexicon, hits: pd.DataFrame,
               tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    """An annotation of the lexicon's themes (made up from the counts), read from its file."""
    counts = themes.paragraph_scores(chapter, mine, hits=hits, method="count")
    paras = chapter.paragraphs.set_index("paragraph_id")
    narrative = paras.index[paras["kind"] == "narrative"]
    rows = []
    for pid in narrative:
        for theme in mine.names:
            n = counts.set_index("paragraph_id").loc[pid, theme]
            rows.append((pid, theme, 2 if n >= 3 else int(n > 0), "made up from the counts"))
    path = tmp_path_factory.mktemp("annotation") / "themes.csv"
    write_records(chapter, pd.DataFrame(rows, columns=["paragraph_id", "theme", "label",
                                                       "reason"]), path, "paragraph")
    return themes.load_theme_readings(chapter, {"reader_a": path}, mine.names).reader_a


def texts(labels: list) -> list[str]:
    return [t.get_text() for t in labels]


def colour(value: object) -> str:
    return mcolors.to_hex(value).upper()


# --- the lexicon and its tables ---------------------------------------------------------------

def test_the_lexicon_has_its_own_keys_and_labels(mine: themes.Lexicon) -> None:
    assert mine.names in KEYS.values()
    assert list(mine.labels) == mine.names
    assert mine.labels["hunger"] == "Hunger and want" and mine.labels["poetry"] == "Poets, poems"
    colours = theme_colours(mine.names)
    assert list(colours) == mine.names and len(set(colours.values())) == len(mine.names)
    assert len(set(theme_lines(mine.names).values())) == len(mine.names)


def test_scores_and_density_have_the_lexicons_columns(chapter: Chapter, mine: themes.Lexicon,
                                                      hits: pd.DataFrame, scores: pd.DataFrame,
                                                      density: pd.DataFrame) -> None:
    assert scores.columns.tolist() == ["paragraph_id", "start", "end", *mine.names]
    assert len(scores) == len(chapter.paragraphs)
    assert (scores[mine.names] >= 0).all().all() and (scores[mine.names].sum() > 0).all()
    assert density.columns.tolist() == ["word_index", "position", *mine.names]
    assert (density[mine.names] >= 0).all().all()
    assert set(hits["theme"]) == set(mine.names)
    for method in themes.METHODS:
        table = themes.paragraph_scores(chapter, mine, hits=hits, method=method)
        assert table.columns.tolist()[3:] == mine.names
    sentences = themes.sentence_scores(chapter, mine, hits=hits)
    assert sentences.columns.tolist()[4:] == mine.names
    assert themes.score_correlation(scores).columns.tolist() == mine.names
    summary = themes.lexicon_summary(mine)
    assert list(dict.fromkeys(summary["theme"])) == mine.names
    peaks = themes.density_peaks(chapter, density)
    assert peaks["theme"].tolist() == mine.names
    top = themes.top_paragraphs(chapter, scores, n=1)
    assert top["theme"].tolist() == mine.names


def test_the_poets_peak_where_gumilev_and_blok_die(chapter: Chapter, density: pd.DataFrame
                                                   ) -> None:
    peak = themes.density_peaks(chapter, density).set_index("theme").loc["poetry", "position"]
    assert peak > 0.6


# --- every theme figure -------------------------------------------------------------------------

def test_plot_along(chapter: Chapter, mine: themes.Lexicon, hits: pd.DataFrame,
                    density: pd.DataFrame) -> None:
    paragraphs = along_chapter(chapter, chapter.paragraphs)
    fig = figures.plot_along(along_chapter(chapter, hits), density, paragraphs, mine)
    assert isinstance(fig, Figure)
    top, bottom = fig.axes[:2]
    assert texts(top.get_yticklabels()) == list(mine.labels.values())
    assert texts(bottom.get_legend().get_texts()) == list(mine.labels.values())
    colours = theme_colours(mine.names)
    assert [colour(line.get_color()) for line in bottom.get_lines()][:len(mine.names)] == \
        [colours[t].upper() for t in mine.names]


def test_plot_cooccurrence(mine: themes.Lexicon, scores: pd.DataFrame,
                           annotation: pd.DataFrame) -> None:
    annotated = themes.annotated_cooccurrence(annotation)
    assert annotated.index.tolist() == mine.names
    fig = figures.plot_cooccurrence(annotated, themes.score_correlation(scores), mine)
    for ax in fig.axes[:2]:
        assert texts(ax.get_xticklabels()) == list(mine.labels.values())
        assert texts(ax.get_yticklabels()) == list(mine.labels.values())


def test_plot_collocates(chapter: Chapter, mine: themes.Lexicon, hits: pd.DataFrame,
                         stopwords: frozenset[str]) -> None:
    table = themes.core_collocates(chapter, mine, hits, alpha=None, stopwords=stopwords)
    assert set(table["theme"]) <= set(mine.names)
    fig = figures.plot_collocates(table, mine)
    assert len(fig.axes) == len(mine.names)
    assert [ax.get_title(loc="left") for ax in fig.axes] == list(mine.labels.values())


def test_plot_agreement(chapter: Chapter, mine: themes.Lexicon, hits: pd.DataFrame,
                        annotation: pd.DataFrame) -> None:
    tables = {m: themes.paragraph_scores(chapter, mine, hits=hits, method=m)
              for m in ("count", "context")}
    table = themes.compare_scores(tables, annotation, n_boot=50)
    assert table["theme"].tolist() == mine.names * 2
    fig = figures.plot_agreement(table, mine)
    assert texts(fig.axes[0].get_legend().get_texts()) == list(mine.labels.values())
    assert texts(fig.axes[0].get_yticklabels()) == ["count", "context"]


def test_plot_auc_by_reader(chapter: Chapter, mine: themes.Lexicon, hits: pd.DataFrame,
                            annotation: pd.DataFrame) -> None:
    tables = {m: themes.paragraph_scores(chapter, mine, hits=hits, method=m)
              for m in ("count", "context")}
    table = themes.compare_readers(tables, {"one": annotation, "two": annotation}, n_boot=50)
    first = mine.names[0]
    fig = figures.plot_auc_by_reader(table, mine, targets={first: 0.9})
    assert [ax.get_title(loc="left") for ax in fig.axes] == list(mine.labels.values())
    assert texts(fig.axes[0].get_yticklabels()) == ["one", "two"]
    assert texts(fig.axes[0].get_legend().get_texts()) == ["count", "context"]
    dashed = [[line for line in ax.get_lines() if line.get_linestyle() == "--"] for ax in fig.axes]
    assert [len(d) for d in dashed] == [1] + [0] * (len(mine.names) - 1)
    assert dashed[0][0].get_xdata()[0] == 0.9


def test_plot_scores_by_label(mine: themes.Lexicon, scores: pd.DataFrame,
                              annotation: pd.DataFrame) -> None:
    fig = figures.plot_scores_by_label(scores, annotation, mine)
    assert [ax.get_title(loc="left") for ax in fig.axes] == list(mine.labels.values())


def test_plot_chapter_map(chapter: Chapter, mine: themes.Lexicon, density: pd.DataFrame) -> None:
    grid = np.linspace(0, 1, 11)
    sentiment = pd.DataFrame({"position": grid, "arc": np.sin(6 * grid) / 4,
                              "low": np.sin(6 * grid) / 4 - 0.1,
                              "high": np.sin(6 * grid) / 4 + 0.1,
                              "null_low": -0.2, "null_high": 0.2})
    people = pd.DataFrame({"label": ["A", "A", "B"], "rank": [1, 1, 2], "count": [2, 2, 1],
                           "position": [0.1, 0.5, 0.8]})
    episodes = pd.DataFrame({"episode": ["first", "second"], "position": [0.0, 0.5]})
    fig = plot_chapter_map(density, sentiment, people, episodes, note_spans(chapter), mine)
    theme_ax = fig.axes[0]
    assert texts(theme_ax.get_legend().get_texts()) == [*mine.labels.values(), "editor's note"]
    colours, lines = theme_colours(mine.names), theme_lines(mine.names)
    drawn = theme_ax.get_lines()[-len(mine.names):]
    assert [colour(line.get_color()) for line in drawn] == [colours[t].upper()
                                                           for t in mine.names]
    assert [line.get_label() for line in drawn] == list(mine.labels.values())
    # the lines differ by more than colour: solid, dashed, dash-dotted ... in the lexicon's order
    assert [line.get_linestyle() for line in drawn][:2] == ["-", "--"]
    assert list(lines) == mine.names
    assert texts(fig.axes[2].get_yticklabels()) == ["A (2)", "B (1)"]


# --- the export ------------------------------------------------------------------------------

def test_the_export_writes_the_lexicons_themes(chapter: Chapter, lexicon_file: Path,
                                                mine: themes.Lexicon, tmp_path: Path) -> None:
    files = DataFiles(themes=lexicon_file)
    assert files.fallbacks(chapter) == []  # the bundled chapter: its other files are its own
    results = Analyses(chapter, files)
    assert results.lexicon.names == mine.names
    written = {p.name: p for p in export(results, tmp_path)}
    table = pd.read_csv(written["themes.csv"])
    assert table.columns.tolist() == ["paragraph_id", "start", "end", *mine.names]
    assert len(table) == len(chapter.paragraphs)
    hit_table = pd.read_csv(written["theme_hits.csv"])
    assert set(hit_table["theme"]) == set(mine.names)
    sentiment = pd.read_csv(written["sentiment.csv"])
    assert len(sentiment) == len(chapter.sentences)  # the other tables are the bundled files'
    assert not {"terror", "nep", "free_thought"} & set(table.columns)
