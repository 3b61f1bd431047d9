"""The whole pipeline on another text, with its own data files (book/extending.md).

The test writes a short invented memoir passage (an exile in Lyon, 1923) with
its own register of people (two of them share the surname Weber), its own
theme lexicon (exile, the press, hunger), a sentiment lexicon patch, a
corrections table and a list of names that are not people, then runs the
public API and the command line on it, as the extending page tells a reader to.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from analysis import Chapter, DataFileError, load_chapter, people, sentiment, themes
from analysis.cli import main
from analysis.datafiles import FILE_NAMES, DataFiles
from analysis.export import FILES, TABLES, export
from analysis.results import Analyses
from analysis.sentiment import agreement_table
from analysis.text.anchoring import quote
from analysis.text.episodes import episode_positions
from analysis.text.records import write_records

TEXT = """\
Winter in Ly on

I came to Lyon in the winter of 1923, with a false passport and a cardboard suitcase. \
Anna Weber met me at the station. She had crossed the frontier a month before me and already \
knew which cafés the police watched. ‘You will sleep at the print shop,’ she said, ‘and you \
will give your real name to no one.’

The print shop belonged to Marc Duval, a typesetter who had lost two fingers to the press and \
none of his opinions. Duval printed wedding cards by day and leaflets by night. The ink never \
left his hands. Weber laughed at him for it, and he answered that ink was the only honest \
stain a man could carry. We set the type for the exiles’ newspaper on Thursdays, when the \
landlord went to his sister’s.

Anna had been separated from her brother at the border. Paul Weber reached Geneva with nothing \
but a coat; he was stopped for crossing without papers and given a fine of twenty francs that \
he could not pay. Weber wrote every week after that, long careful letters about the refugees’ \
committee and the price of bread. Hunger was the common condition of the exiles. We shared \
one loaf among four, and Duval’s soup was mostly water.

In February Dr. Brandt came to see the press. Ilse Brandt was a physician from Vienna who \
treated the refugees for nothing and asked only for leaflets in German. She told us that the \
police had raided two presses in Geneva and that Paul had been questioned. Anna did not sleep \
that night.

[Ilse Brandt (1889–1960) later worked for the Red Cross in Switzerland.]

By spring the newspaper had six hundred readers and the landlord had doubled the rent. Father \
Lucien, who kept the parish soup kitchen, let us store the paper in his cellar. I think of \
those months as the happiest of my exile: we were hungry, hunted and free.
"""

PEOPLE = """\
person_id,name,aliases,role,nationality,affiliation,fate,source_paragraph
anna_weber,Anna Weber,Anna Weber; Anna; Weber,the narrator's comrade in Lyon,German,,,2
paul_weber,Paul Weber,Paul Weber; Paul; Weber,"Anna's brother, a refugee in Geneva",German,,,4
duval,Marc Duval,Marc Duval; Duval,typesetter who owns the print shop,French,,,3
brandt,Ilse Brandt,Ilse Brandt; Dr. Brandt; Brandt,physician from Vienna,Austrian,,,5
"""

SHARED_NAMES = """\
alias,rule,person_id,reason
Weber,nearest,anna_weber,"a bare 'Weber' is whichever Weber was last named in full"
"""

NON_PERSON_NAMES = """\
name,kind,note
Lyon,place,
Geneva,place,
Vienna,place,
Switzerland,place,
Red Cross,organisation,
February,month,
Thursdays,day,
German,language,
"""

THEMES = """\
[exile]
label = "Exile"
description = "Living abroad without the right papers: frontiers, passports, refugees."
terms = [
  { term = "exile*", weight = 3 },
  { term = "refugee*", weight = 3 },
  { term = "frontier", weight = 2 },
  { term = "border", weight = 2 },
  { term = "passport", weight = 2 },
  { term = "papers", weight = 1, note = "identity papers, but also sheets of paper" },
]

[press]
label = "The press"
description = "Printing and publishing: the print shop, type, ink, leaflets, the newspaper."
terms = [
  { term = "print*", weight = 3 },
  { term = "leaflet*", weight = 3 },
  { term = "newspaper", weight = 3 },
  { term = "ink", weight = 2 },
  { term = "typesetter", weight = 2 },
  { term = "press*", weight = 1, note = "the machine, but also the verb 'to press'" },
]

[hunger]
label = "Hunger"
description = "Want of food: hunger, bread, thin soup."
terms = [
  { term = "hunger", weight = 3 },
  { term = "hungry", weight = 3 },
  { term = "bread", weight = 2 },
  { term = "loaf", weight = 2 },
  { term = "soup", weight = 1, note = "a soup kitchen is charity as much as want" },
]
"""

PATCH = """\
term,value,reason
fine,-1.0,"'a fine of twenty francs': a penalty, not praise"
"""

SPLIT = TEXT.index("Ly on")
CORRECTIONS = ("start,end,exact,replacement,kind,note\n"
               f"{SPLIT},{SPLIT + 5},Ly on,Lyon,split word,a space in the title\n")

ABBREVIATIONS = "# the memoir's own list: 'Dr. Brandt' must stay in one sentence\nDr.\n"

EPISODES = """\
episode,quote,description
arrival,I came to Lyon in the winter of 1923,the narrator reaches Lyon
the print shop,The print shop belonged to Marc Duval,Duval's press and the exiles' newspaper
spring,By spring the newspaper had six hundred readers,the newspaper's success
"""

DATA = {"people.csv": PEOPLE, "shared_names.csv": SHARED_NAMES,
        "non_person_names.csv": NON_PERSON_NAMES, "themes.toml": THEMES,
        "sentiment_lexicon_patch.csv": PATCH, "corrections.csv": CORRECTIONS,
        "abbreviations.txt": ABBREVIATIONS, "episodes.csv": EPISODES}


def write_data(folder: Path, names: list[str] | None = None, **replace: str) -> Path:
    """Write the data files ``names`` (all by default) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names if names is not None else list(DATA):
        (folder / name).write_text(replace.get(name.split(".")[0], DATA[name]),
                                   encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def memoir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The text file and the data folder."""
    root = tmp_path_factory.mktemp("memoir")
    text = root / "memoir.txt"
    text.write_text(TEXT, encoding="utf-8")
    return text, write_data(root / "data")


@pytest.fixture(scope="module")
def data_files(memoir: tuple[Path, Path]) -> DataFiles:
    return DataFiles.from_dir(memoir[1])


@pytest.fixture(scope="module")
def ch(memoir: tuple[Path, Path], data_files: DataFiles) -> Chapter:
    return data_files.chapter(memoir[0])


@pytest.fixture(scope="module")
def found(ch: Chapter, data_files: DataFiles) -> pd.DataFrame:
    return people.mentions(ch, data_files.register(), data_files.shared_rules())


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True,
                          text=True, check=False)


# --- the API, step by step (as in the page) -------------------------------------------

def test_data_folder_names_every_file(data_files: DataFiles, memoir: tuple[Path, Path]) -> None:
    written = {field: name for field, name in FILE_NAMES.items() if name in DATA}
    assert {field: getattr(data_files, field) for field in written} == {
        field: memoir[1] / name for field, name in written.items()}
    assert all(getattr(data_files, f) is None for f in FILE_NAMES if f not in written)
    assert DataFiles.from_dir(write_data(memoir[1].parent / "only", ["themes.toml"])) == \
        DataFiles(themes=memoir[1].parent / "only" / "themes.toml")


def test_text_is_corrected_and_segmented(ch: Chapter) -> None:
    assert ch.paragraphs["kind"].tolist() == ["title", "narrative", "narrative", "narrative",
                                              "narrative", "editorial", "narrative"]
    assert ch.paragraphs.loc[0, "text"] == "Winter in Lyon"
    assert ch.seed_text[ch.paragraphs.loc[0, "start"]:
                        ch.paragraphs.loc[0, "end"]] == "Winter in Ly on"
    assert len(ch.sentences) == 23
    # "Dr." does not end a sentence; a quotation closed by ’ stays in its sentence.
    texts = ch.sentences.set_index("sentence_id")["text"]
    assert texts[16] == "In February Dr. Brandt came to see the press."
    assert texts[5].startswith("‘You will sleep") and texts[5].endswith("no one.’")


def test_episodes_with_the_texts_table(ch: Chapter, data_files: DataFiles) -> None:
    table = episode_positions(ch, data_files.episodes_table(ch))
    assert table["episode"].tolist() == ["arrival", "the print shop", "spring"]
    assert table["paragraph_id"].tolist() == [2, 3, 7]


def test_mentions_with_the_texts_register(ch: Chapter, data_files: DataFiles,
                                          found: pd.DataFrame) -> None:
    counts = people.mention_counts(found, data_files.register()).set_index("person_id")
    assert counts[["narration", "notes"]].to_dict("index") == {
        "anna_weber": {"narration": 4, "notes": 0},
        "duval": {"narration": 3, "notes": 0},
        "paul_weber": {"narration": 3, "notes": 0},
        "brandt": {"narration": 2, "notes": 1},
    }
    assert all(ch.seed_text[a:b] == s for s, a, b in
               found[["surface", "start", "end"]].itertuples(index=False))
    # the longer form wins: "Dr. Brandt" is one mention, not a bare "Brandt"
    assert found.loc[found["sentence_id"] == 16, "surface"].tolist() == ["Dr. Brandt"]


def test_shared_surname_goes_to_the_weber_named_last(found: pd.DataFrame) -> None:
    bare = found[found["surface"] == "Weber"]
    assert bare[["sentence_id", "person_id", "resolved_by"]].values.tolist() == [
        [9, "anna_weber", "nearest"],   # Anna Weber was the last Weber named (paragraph 2)
        [13, "paul_weber", "nearest"],  # Paul Weber, named in the sentence before
    ]


def test_unregistered_name_detector_finds_the_missing_person(ch: Chapter, data_files: DataFiles,
                                                             found: pd.DataFrame) -> None:
    missing = people.unregistered_names(ch, found, data_files.known_names())
    assert missing[["candidate", "paragraphs"]].values.tolist() == [["Lucien", "7"]]
    assert ch.seed_text[missing.loc[0, "start"]:missing.loc[0, "end"]] == "Lucien"


def test_themes_with_the_texts_lexicon(ch: Chapter, data_files: DataFiles) -> None:
    lexicon = data_files.lexicon()
    counts = themes.paragraph_scores(ch, lexicon, method="count").set_index("paragraph_id")
    assert list(counts.columns) == ["start", "end", "exile", "press", "hunger"]
    assert counts.loc[3, ["exile", "press", "hunger"]].tolist() == [1.0, 8.0, 0.0]
    scores = themes.paragraph_scores(ch, lexicon).set_index("paragraph_id")
    leading = scores.loc[[3, 4], ["exile", "press", "hunger"]].idxmax(axis=1)
    assert leading.tolist() == ["press", "exile"]
    hits = themes.theme_hits(ch, lexicon)
    leaflets = hits[hits["match"] == "leaflets"]
    assert leaflets[["theme", "sentence_id", "start"]].values.tolist() == [
        ["press", 7, TEXT.index("leaflets")], ["press", 17, TEXT.index("leaflets in German")]]
    # a text this short has no word frequent enough near the core terms to expand them
    assert themes.expansion_terms(ch, lexicon, themes.lexicon_hits(ch, lexicon)).empty
    assert set(hits["source"]) == {"lexicon"}


def test_sentiment_with_the_texts_patch(ch: Chapter, data_files: DataFiles) -> None:
    own = sentiment.sentence_scores(ch, data_files.patch()).set_index("sentence_id")
    bundled = sentiment.sentence_scores(ch, DataFiles().patch()).set_index("sentence_id")
    # sentence 12: "... given a fine of twenty francs that he could not pay."
    assert own.loc[12, "sentiment"] < 0 < bundled.loc[12, "sentiment"]
    assert own.loc[12, "vader"] == bundled.loc[12, "vader"]
    assert own["sentiment"].between(-1, 1).all() and len(own) == 23


def test_export_function_uses_the_data_files(ch: Chapter, data_files: DataFiles,
                                             found: pd.DataFrame, tmp_path: Path) -> None:
    written = export(Analyses(ch, data_files), tmp_path)
    assert [p.name for p in written] == [*TABLES, *FILES]
    back = pd.read_csv(tmp_path / "mentions.csv", keep_default_na=False)
    pd.testing.assert_frame_equal(back, found.reset_index(drop=True), check_dtype=False)


# --- validation against a reader's annotation of a sample (as the page asks) -------------

def test_mentions_agree_with_a_readers_check(ch: Chapter, found: pd.DataFrame,
                                          tmp_path: Path) -> None:
    # (paragraph, person, name as written, the phrase it begins)
    rows = [(3, "duval", "Marc Duval", "Marc Duval,"), (3, "duval", "Duval", "Duval printed"),
            (3, "anna_weber", "Weber", "Weber laughed"), (4, "anna_weber", "Anna", "Anna had"),
            (4, "paul_weber", "Paul Weber", "Paul Weber reached"),
            (4, "paul_weber", "Weber", "Weber wrote"), (4, "duval", "Duval", "Duval’s soup")]
    records = []
    for _, person, surface, phrase in rows:
        start = TEXT.index(phrase)
        records.append({**quote(TEXT, start, start + len(surface)), "person_id": person,
                        "reason": "read in context"})
    pd.DataFrame(records).to_csv(tmp_path / "mentions_reader_a.csv", index=False)
    gold = people.load_mention_readings(ch, {"reader_a": tmp_path / "mentions_reader_a.csv"}
                                        ).reference()
    assert gold["paragraph_id"].tolist() == [pid for pid, *_ in rows]
    scores = people.evaluate(found, gold).iloc[0]
    assert (scores["gold"], scores["correct"], scores["precision"], scores["recall"]) == \
        (7, 7, 1.0, 1.0)


def test_theme_scores_agree_with_a_readers_annotation(ch: Chapter, data_files: DataFiles,
                                                   tmp_path: Path) -> None:
    labels = {2: (2, 1, 0), 3: (1, 2, 0), 4: (2, 0, 2), 5: (1, 2, 0), 7: (1, 1, 1)}
    lexicon = data_files.lexicon()
    table = pd.DataFrame([(pid, theme, label, "read in context") for pid, row in labels.items()
                          for theme, label in zip(lexicon.names, row)],
                         columns=["paragraph_id", "theme", "label", "reason"])
    write_records(ch, table, tmp_path / "themes.csv", "paragraph")
    annotation = themes.load_theme_readings(ch, {"reader_a": tmp_path / "themes.csv"},
                                            lexicon.names).reference()
    table = themes.agreement(themes.paragraph_scores(ch, lexicon), annotation,
                             n_boot=200).set_index("theme")
    assert table.loc[["press", "hunger"], "auc"].tolist() == [1.0, 1.0]
    assert pd.isna(table.loc["exile", "auc"])  # every paragraph has some exile: no AUC


def test_sentiment_agrees_with_a_readers_annotation(ch: Chapter, data_files: DataFiles,
                                                 tmp_path: Path) -> None:
    hand = {2: 0, 9: 1, 12: -1, 14: -1, 16: 0, 19: -1, 23: 2}
    table = pd.DataFrame([{"sentence_id": sid, "split": "dev", "batch": 1, "score": score,
                           "reason": "read in context"} for sid, score in hand.items()])
    write_records(ch, table, tmp_path / "sentiment.csv", "sentence")
    annotation = sentiment.load_tone_readings(ch, {"reader_a": tmp_path / "sentiment.csv"}
                                              ).reference()
    scores = sentiment.sentence_scores(ch, data_files.patch()).set_index("sentence_id")
    result = agreement_table(annotation["score"],
                             scores.loc[annotation["sentence_id"], list(sentiment.METHODS)]
                             .reset_index(drop=True), n_boot=200).set_index("method")
    assert result["n"].tolist() == [7, 7, 7]
    assert result.loc["vader_patched", "spearman"] > result.loc["vader", "spearman"]


def test_the_pages_python_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ``python`` block of book/extending.md, in order, on the example's files."""
    page = Path(__file__).resolve().parent.parent / "book" / "extending.md"
    blocks = re.findall(r"^( *)```python\n(.*?)^\1```", page.read_text(encoding="utf-8"),
                        re.S | re.M)
    assert len(blocks) == 3
    (tmp_path / "memoir.txt").write_text(TEXT, encoding="utf-8")
    write_data(tmp_path / "mydata")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    for _, code in [blocks[1], blocks[2], blocks[0]]:  # the data package is read once written
        exec(textwrap.dedent(code), namespace)
    assert (tmp_path / "out" / "network.gexf").is_file()
    assert namespace["missing"]["candidate"].tolist() == ["Lucien"]


# --- the command line ------------------------------------------------------------------

def test_cli_exports_the_text_with_its_data(memoir: tuple[Path, Path], tmp_path: Path) -> None:
    text, data = memoir
    out = tmp_path / "out"
    result = run("export", str(out), "--text", str(text), "--data", str(data))
    assert result.returncode == 0, result.stderr
    assert result.stderr == "corrections: 1 of 1 anchored (0 moved)\n"
    assert result.stdout.split() == [str(out / name) for name in [*TABLES, *FILES]]
    read = {name: pd.read_csv(out / name, keep_default_na=False) for name in TABLES}
    assert read["corrections.csv"][["found", "replacement"]].values.tolist() == [["Ly on",
                                                                                   "Lyon"]]
    assert len(read["sentences.csv"]) == 23
    assert read["people.csv"].set_index("person_id")["total"].to_dict() == {
        "anna_weber": 4, "paul_weber": 3, "duval": 3, "brandt": 3}
    assert read["mentions.csv"].columns.tolist() == people.MENTION_COLUMNS
    assert read["unregistered_names.csv"]["candidate"].tolist() == ["Lucien"]
    assert read["themes.csv"].columns.tolist() == ["paragraph_id", "start", "end", "exile",
                                                   "press", "hunger"]
    hits = read["theme_hits.csv"]
    assert ((hits["term"] == "leaflet*") & (hits["start"] == TEXT.index("leaflets"))).sum() == 1
    scores = read["sentiment.csv"].set_index("sentence_id")
    assert scores.columns.tolist()[-3:] == ["sentiment", "in_note", "annotation"]
    assert scores.loc[12, "sentiment"] < 0 and (scores["annotation"] == "").all()
    graph = nx.read_gexf(out / "network.gexf")
    assert sorted(graph) == ["anna_weber", "brandt", "duval", "paul_weber"]
    assert graph.edges["anna_weber", "paul_weber"]["weight"] == 2  # paragraphs 4 and 5


@pytest.mark.parametrize("names, fallen_back", [
    ([], "people.csv, themes.toml, sentiment_lexicon_patch.csv"),
    (["people.csv", "shared_names.csv"], "themes.toml, sentiment_lexicon_patch.csv"),
])
def test_cli_warns_when_another_text_gets_the_bundled_files(
        memoir: tuple[Path, Path], tmp_path: Path, names: list[str], fallen_back: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    args = ["export", str(tmp_path / "out"), "--text", str(memoir[0])]
    if names:
        args += ["--data", str(write_data(tmp_path / "data", names))]
    assert main(args) == 0  # in this process: test_cli_exports_the_text_with_its_data runs one
    assert capsys.readouterr().err.splitlines() == [
        f"warning: {memoir[0]} is not the bundled chapter; using the bundled {fallen_back} "
        "(made for Serge's chapter 4): give your own with --data DIR"]
    assert (tmp_path / "out" / "network.gexf").is_file()


def test_help_names_the_data_option() -> None:
    result = run("export", "--help")
    assert result.returncode == 0
    assert "--data DIR" in result.stdout and "themes.toml" in result.stdout


# --- bad folders and bad files: one line, exit 1, nothing written -------------------------

def one_error(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ")
    return err.strip()


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "absent", "absent: no such folder"),
    (lambda d: write_data(d, ["people.csv"]) / "people.csv", "people.csv: not a folder"),
    (lambda d: d, "holds none of the data files (expected any of: people.csv, "),
    (lambda d: (write_data(d, ["people.csv"]) / "people.csv").rename(d / "register.csv").parent,
     "register.csv: not a data file name the analyses know (expected any of: "
     + ", ".join(FILE_NAMES.values()) + ")"),
])
def test_bad_data_folder(memoir: tuple[Path, Path], tmp_path: Path, make, message: str,
                         capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    err = one_error(["export", str(tmp_path / "out"), "--text", str(memoir[0]),
                     "--data", str(make(folder))], capsys)
    assert message in err
    assert not (tmp_path / "out").exists()


def test_folder_may_hold_annotations_and_hidden_files(tmp_path: Path) -> None:
    folder = write_data(tmp_path / "data", ["themes.toml"])
    (folder / "annotations").mkdir()
    (folder / "annotations" / "themes_reader_a.csv").write_text("x\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\0")
    assert DataFiles.from_dir(folder) == DataFiles(themes=folder / "themes.toml",
                                                   annotations=folder / "annotations")


@pytest.mark.parametrize("names, replace, message", [
    (["people.csv", "shared_names.csv"],
     {"people": PEOPLE.replace("duval,Marc", "brandt,Marc")},
     "people.csv: row 5, column person_id: 'brandt' is already given in row 4"),
    (["people.csv"], {},
     "people.csv: row 3, column aliases: 'Weber' is claimed by anna_weber (row 2) and "
     "paul_weber with no rule for it in"),
    (["themes.toml"], {"themes": THEMES.replace('"ink", weight = 2', '"ink", weight = -2')},
     "themes.toml: line 20: [press] term 'ink', key 'weight': -2 is not a positive finite "
     "number"),
    (["sentiment_lexicon_patch.csv"], {"sentiment_lexicon_patch": PATCH.replace("-1.0", "-9")},
     "sentiment_lexicon_patch.csv: row 2, column value: -9 is below the minimum, -4"),
    (["corrections.csv"], {"corrections": CORRECTIONS.replace("split word", "split wrod")},
     "corrections.csv: row 2, column kind: 'split wrod' is not one of split number, "),
    (["non_person_names.csv"], {"non_person_names": NON_PERSON_NAMES + "Lyon,city,\n"},
     "non_person_names.csv: row 10, column name: 'Lyon' is already given in row 2"),
    (["abbreviations.txt"], {"abbreviations": "Dr\n"},
     "abbreviations.txt: line 1: 'Dr' is not one abbreviation ending in a full stop"),
    (["people.csv", "shared_names.csv"],
     {"people": PEOPLE.replace("source_paragraph\n", "source_paragraph,total\n")
      .replace(",,,2\n", ",,,2,4\n")},
     "people.csv: row 1 (header): column 'total' is one the export computes"),
])
def test_bad_data_file(memoir: tuple[Path, Path], tmp_path: Path, names: list[str],
                       replace: dict[str, str], message: str,
                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_data(tmp_path / "data", names, **replace)
    err = one_error(["export", str(tmp_path / "out"), "--text", str(memoir[0]),
                     "--data", str(folder)], capsys)
    assert message in err
    assert not (tmp_path / "out").exists()


def test_bad_file_through_the_api(tmp_path: Path) -> None:
    folder = write_data(tmp_path / "data", ["people.csv"])
    with pytest.raises(DataFileError, match="'Weber' is claimed by anna_weber"):
        DataFiles.from_dir(folder).register()


def test_bad_episodes_through_the_api(tmp_path: Path, ch: Chapter) -> None:
    # the export writes no episode table, so only the pages and the API read the file
    folder = write_data(tmp_path / "data", ["episodes.csv"],
                        episodes=EPISODES.replace("spring,By spring", "arrival,By spring"))
    with pytest.raises(DataFileError, match=re.escape(
            "episodes.csv: row 4, column episode: 'arrival' is already given in row 2")):
        DataFiles.from_dir(folder).episodes_table(ch)


def test_coordinated_first_name_that_is_also_an_alias_counts_once(
        tmp_path: Path, data_files: DataFiles) -> None:
    text = tmp_path / "pair.txt"
    text.write_text("Title\n\nAnna and Paul Weber had been separated at the border.\n",
                    encoding="utf-8")
    found = people.mentions(load_chapter(text), data_files.register(), data_files.shared_rules())
    assert found["surface"].tolist() == ["Anna", "Paul Weber"]


def test_a_texts_own_tone_annotation_gives_its_reference(memoir: tuple[Path, Path], ch: Chapter,
                                                         tmp_path: Path) -> None:
    folder = write_data(tmp_path / "data")
    notes = folder / "annotations"
    notes.mkdir()
    a = {9: 1, 12: -1, 14: -1}
    b = {9: 1, 12: -2, 14: -1}
    for name, scores, extra in [("sentiment_reader_a.csv", a, {"split": "dev", "batch": 1}),
                                ("sentiment_reader_b.csv", b, {})]:
        table = pd.DataFrame([{"sentence_id": s, **extra, "score": v, "reason": "read by hand"}
                              for s, v in scores.items()])
        write_records(ch, table, notes / name, "sentence")
    write_records(ch, pd.DataFrame([{"sentence_id": 12, "score_a": -1, "score_b": -2,
                                     "adjudicated": -2, "reason": "a death, told as such"}]),
                  notes / "sentiment_adjudication.csv", "sentence")
    out = tmp_path / "out"
    assert main(["export", str(out), "--text", str(memoir[0]), "--data", str(folder)]) == 0
    scores = pd.read_csv(out / "sentiment.csv").set_index("sentence_id")
    assert scores["annotation"].dropna().astype(int).to_dict() == {9: 1, 12: -2, 14: -1}
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    titles = [s["title"] for s in package["sources"]]
    assert "sentiment_adjudication.csv" in titles


def test_an_adjudication_that_misquotes_a_reader_is_one_line(memoir: tuple[Path, Path],
                                                             ch: Chapter, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]
                                                             ) -> None:
    folder = write_data(tmp_path / "data")
    notes = folder / "annotations"
    notes.mkdir()
    for name, extra in [("sentiment_reader_a.csv", {"split": "dev", "batch": 1}),
                        ("sentiment_reader_b.csv", {})]:
        write_records(ch, pd.DataFrame([{"sentence_id": 9, **extra, "score": 1, "reason": "r"}]),
                      notes / name, "sentence")
    write_records(ch, pd.DataFrame([{"sentence_id": 9, "score_a": 0, "score_b": 1,
                                     "adjudicated": 1, "reason": "r"}]),
                  notes / "sentiment_adjudication.csv", "sentence")
    err = one_error(["export", str(tmp_path / "out"), "--text", str(memoir[0]),
                     "--data", str(folder)], capsys)
    assert "sentence 9 is adjudicated with score_a 0, but reader A gave 1" in err
    assert not (tmp_path / "out").exists()
