"""Hostile or careless data, through the command line: refused or said, never silently wrong.

Each case is one a tester tried: a regular expression that backtracks without end,
aliases that are common words, out-of-range numbers, a text in another language,
cells a spreadsheet would run, control characters, paths of the machine that
wrote the export. Each gives one clear line (an error, exit 1, OUTDIR as it was
and nothing left beside it; or a warning, and correct files).
"""

from __future__ import annotations

import csv
import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import frictionless
import pandas as pd
import pytest

from analysis.cli import main
from analysis.datafiles import DataFiles, data_path, seed_path
from analysis.themes import hits

SMALL = "Title\n\nLenin spoke. The famine spread.\n"
THEMES = data_path("themes.toml").read_text(encoding="utf-8")
PEOPLE = ("person_id,name,aliases,role,nationality,affiliation,fate,source_paragraph\n"
          "kun,Bela Kun,Bela Kun; Kun,,,,,2\n"
          "lenin,Vladimir Lenin,Lenin,,,,,2\n")


def run(capsys: pytest.CaptureFixture[str], args: list[str], status: int) -> list[str]:
    """Run the command; check its status and that no traceback was printed; its stderr lines."""
    assert main(args) == status
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err.splitlines()


def one_error(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    """Run a command that must fail: its one error line."""
    lines = [line for line in run(capsys, args, 1) if not line.startswith("corrections: ")]
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    return lines[0]


def data(tmp_path: Path, **files: str) -> Path:
    """A data folder holding ``files`` (``people__csv`` for ``people.csv``)."""
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    for name, content in files.items():
        (folder / name.replace("__", ".")).write_text(content, encoding="utf-8")
    return folder


@pytest.fixture()
def text(tmp_path: Path) -> Path:
    path = tmp_path / "small.txt"
    path.write_text(SMALL, encoding="utf-8")
    return path


@pytest.fixture()
def outdir(tmp_path: Path) -> Path:
    """An earlier export's folder, whose bytes every failure must keep."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "paragraphs.csv").write_text("old\n", encoding="utf-8")
    return out


def untouched(out: Path) -> bool:
    """``out`` as the fixture made it, and nothing hidden beside it."""
    return ([p.name for p in out.iterdir()] == ["paragraphs.csv"]
            and not [p for p in out.parent.iterdir() if p.name.startswith(".")])


# --- 5. regular expressions that backtracks without end ------------------------------------

@pytest.mark.parametrize("term", ["/(.|\\\\s)+@/", "/.*.*.*.*@/"])
def test_a_term_that_would_hang_is_refused_by_name(tmp_path: Path, outdir: Path, term: str,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(hits, "SEARCH_SECONDS", 0.5)
    themes = THEMES.replace("terms = [", f'terms = [\n  {{ term = "{term}", weight = 1 }},', 1)
    folder = data(tmp_path, themes__toml=themes)
    line = one_error(capsys, ["export", str(outdir), "--data", str(folder)])
    written = term.replace("\\\\", "\\")
    assert line.startswith(f"error: {folder / 'themes.toml'}: line ")
    assert f"[terror] key 'term': {written} takes more than 1 s to search the text" in line
    assert untouched(outdir)


# --- 6. aliases that are common words --------------------------------------------------------

@pytest.mark.parametrize("aliases, message", [
    ("Bela Kun; I", "row 2, column aliases: 'I' is a single character: every 'I' of the text "
                    "would name kun"),
    ("Bela Kun; a", "'a' is a single character"),
    ("Bela Kun; the", "row 2, column aliases: 'the' is a common English word: every 'the' of "
                      "the text would name kun"),
    ("Bela Kun; Will", "'Will' is a common English word"),
    (";", "row 2, column aliases: no name form (';' only separates them), so kun could never "
          "be named"),
])
def test_an_alias_that_is_no_name_is_refused(tmp_path: Path, text: Path, outdir: Path,
                                             aliases: str, message: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = data(tmp_path, people__csv=PEOPLE.replace("Bela Kun; Kun", aliases))
    line = one_error(capsys, ["export", str(outdir), "--text", str(text), "--data", str(folder)])
    assert line.startswith(f"error: {folder / 'people.csv'}: ") and message in line
    assert untouched(outdir)


def test_every_bad_alias_is_named_at_once(tmp_path: Path, text: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    people = PEOPLE.replace("Bela Kun; Kun", "Bela Kun; the").replace(",Lenin,", ",Lenin; I,")
    folder = data(tmp_path, people__csv=people)
    line = one_error(capsys, ["export", str(tmp_path / "out"), "--text", str(text),
                              "--data", str(folder)])
    assert "row 2, column aliases: 'the'" in line and "row 3, column aliases: 'I'" in line


def test_a_rule_lets_a_common_word_name_a_person(tmp_path: Path, text: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = data(tmp_path, people__csv=PEOPLE.replace("Bela Kun; Kun", "Bela Kun; May"),
                  shared_names__csv="alias,rule,person_id,reason\n"
                                    "May,default,kun,\"in this text a capitalised May is him\"\n")
    run(capsys, ["export", str(tmp_path / "out"), "--text", str(text), "--data", str(folder)], 0)


def test_every_name_claimed_twice_is_named_at_once(tmp_path: Path, text: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    people = PEOPLE + "ernst,Ernst Kun,Kun; Lenin,,,,,2\n"
    folder = data(tmp_path, people__csv=people)
    line = one_error(capsys, ["export", str(tmp_path / "out"), "--text", str(text),
                              "--data", str(folder)])
    assert "'Kun' is claimed by kun (row 2) and ernst" in line
    assert "'Lenin' is claimed by lenin (row 3) and ernst" in line


def test_a_source_paragraph_beyond_the_text(tmp_path: Path, text: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    folder = data(tmp_path, people__csv=PEOPLE.replace(",,,,,2\nlenin", ",,,,,7\nlenin"))
    line = one_error(capsys, ["export", str(tmp_path / "out"), "--text", str(text),
                              "--data", str(folder)])
    assert line == (f"error: {folder / 'people.csv'}: row 2, column source_paragraph: 7 is "
                    "beyond the text's last paragraph (2)")


# --- 7. numbers out of range, an empty OUTDIR, a column twice, CR line ends, a shared key ------

@pytest.mark.parametrize("weight, shown", [("1e308", "1e+308"), ("5", "5"), ("0.5", "0.5")])
def test_a_weight_off_the_scale_is_refused(tmp_path: Path, text: Path, weight: str, shown: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    themes = THEMES.replace('{ term = "Cheka", weight = 3', f'{{ term = "Cheka", weight = {weight}',
                            1)
    folder = data(tmp_path, themes__toml=themes)
    line = one_error(capsys, ["export", str(tmp_path / "out"), "--text", str(text),
                              "--data", str(folder)])
    assert line.endswith(f"[terror] term 'Cheka', key 'weight': {shown} is outside the "
                         "lexicon's scale, 1 (weak) to 3 (core)")


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "lots"])
def test_a_min_score_that_is_no_finite_number(tmp_path: Path, value: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["draft-register", str(tmp_path / "p.csv"), f"--min-score={value}"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "--min-score: " in err and "number" in err and "Traceback" not in err
    assert not (tmp_path / "p.csv").exists()


@pytest.mark.parametrize("outdir", ["", " "])
def test_an_empty_outdir_is_refused(tmp_path: Path, outdir: str, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    line = one_error(capsys, ["export", outdir])
    assert line == "error: OUTDIR is empty: give the folder to write into"
    assert list(tmp_path.iterdir()) == []


def test_a_column_given_twice_is_refused(tmp_path: Path, text: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    people = PEOPLE.replace("affiliation,", "role,", 1)
    folder = data(tmp_path, people__csv=people)
    line = one_error(capsys, ["export", str(tmp_path / "out"), "--text", str(text),
                              "--data", str(folder)])
    assert line == (f"error: {folder / 'people.csv'}: row 1 (header): column 'role' is given "
                    "twice")


def test_a_text_with_classic_mac_line_ends_gives_valid_csv(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    path = tmp_path / "mac.txt"
    path.write_bytes(seed_path().read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
    run(capsys, ["export", str(tmp_path / "out"), "--text", str(path)], 0)
    with open(tmp_path / "out" / "corrections.csv", encoding="utf-8", newline="") as stream:
        raw = stream.read()
    assert "\r" in raw  # the corrections quote line breaks of the file as it is ...
    rows = list(csv.reader(io.StringIO(raw)))
    assert len(rows) == 1 + len(DataFiles().chapter(path).corrections)  # ... quoted
    report = frictionless.validate(str(tmp_path / "out" / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "note"])[:3]


def test_two_hits_in_one_correction_keep_the_package_valid(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    path = tmp_path / "t.txt"
    path.write_text("Title\n\nThey feared the xx in Petrograd.\n", encoding="utf-8")
    i = path.read_text(encoding="utf-8").index("xx")
    folder = data(tmp_path, corrections__csv=(  # one correction, two words of terror
        "start,end,prefix,exact,suffix,replacement,kind,note\n"
        f"{i},{i + 2},They feared the ,xx, in Petrograd,Cheka and the Cheka,punctuation,test\n"))
    err = run(capsys, ["export", str(tmp_path / "out"), "--text", str(path), "--data",
                       str(folder)], 0)
    hits_table = pd.read_csv(tmp_path / "out" / "theme_hits.csv")
    assert hits_table.duplicated(["theme", "start", "end"]).any()
    warned = [line for line in err if line.startswith("warning: theme_hits.csv: ")]
    assert len(warned) == 1 and "datapackage.json declares no primary key for it" in warned[0]
    report = frictionless.validate(str(tmp_path / "out" / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "note"])[:3]


# --- 8, 9. files and folders named wrong ----------------------------------------------------

def test_draft_register_into_a_missing_folder(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "dr" / "no" / "such" / "p.csv"
    line = one_error(capsys, ["draft-register", str(target)])
    assert line == (f"error: {target}: cannot be written: the folder {target.parent} does not "
                    "exist (nothing written)")


@pytest.mark.parametrize("make, message", [
    (lambda out: out.write_text("x", encoding="utf-8"), "exists and is not a folder"),
    (lambda out: out.mkdir(), "cannot write into the folder (permission denied)"),
])
def test_outdir_is_checked_before_any_work(tmp_path: Path, make, message: str,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    make(out)
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == out else real(p, mode))

    def never(*_: object, **__: object) -> None:
        raise AssertionError("the text was read before OUTDIR was checked")

    monkeypatch.setattr(DataFiles, "chapter", never)
    assert one_error(capsys, ["export", str(out)]) == f"error: {out}: {message}"


def test_a_folder_beside_which_nothing_can_be_written(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, m: False if Path(p) == tmp_path else real(p, m))
    line = one_error(capsys, ["export", str(tmp_path / "out" / "deeper")])
    assert line.startswith(f"error: {tmp_path / 'out' / 'deeper'}: cannot write beside it in "
                           f"{tmp_path} (permission denied")


# --- 10. a text in another language ---------------------------------------------------------

FRENCH = ("Titre\n\n" + "Nous sommes arrivés à Petrograd au printemps, quand la famine régnait "
          "encore dans les faubourgs. Les ouvriers attendaient du pain devant les boutiques "
          "fermées, et la ville semblait vide. " * 8 + "\n")
RUSSIAN = ("Заглавие\n\n" + "Мы приехали в Петроград весной, когда в предместьях ещё царил "
           "голод. Рабочие ждали хлеба у закрытых лавок, и город казался пустым. " * 10 + "\n")


@pytest.mark.parametrize("content", [FRENCH, RUSSIAN], ids=["french", "russian"])
def test_a_text_in_another_language_is_warned_about(tmp_path: Path, content: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "other.txt"
    path.write_text(content, encoding="utf-8")
    err = run(capsys, ["export", str(tmp_path / "out"), "--text", str(path)], 0)
    warned = [line for line in err if "common English words" in line]
    assert len(warned) == 1 and warned[0].startswith(f"warning: {path}: only ")
    assert "the sentences of a text in another language score about 0" in warned[0]


def test_an_english_text_is_not_warned_about(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    err = run(capsys, ["export", str(tmp_path / "out")], 0)
    assert not [line for line in err if "English" in line]


# --- 14. cells a spreadsheet would run --------------------------------------------------------

FORMULAS = ("Title\n\n=HYPERLINK(\"http://example.org\",\"x\") was written on the wall. "
            "+cmd|' /C calc'!A0 was the next line. @SUM(1+1) came last. -2 was the count.\n")


def test_text_cells_stay_exact_by_default(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "f.txt"
    path.write_text(FORMULAS, encoding="utf-8")
    run(capsys, ["export", str(tmp_path / "out"), "--text", str(path)], 0)
    sentences = pd.read_csv(tmp_path / "out" / "sentences.csv", keep_default_na=False)
    seed = path.read_text(encoding="utf-8")
    assert all(seed[a:b] == t for a, b, t in sentences[["start", "end", "text"]].values)
    assert sentences["text"].str.startswith("=HYPERLINK").any()
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["description"].endswith("every text cell is the text exactly")


def test_the_spreadsheet_safe_form_guards_every_formula(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    path = tmp_path / "f.txt"
    path.write_text(FORMULAS, encoding="utf-8")
    run(capsys, ["export", str(tmp_path / "out"), "--text", str(path), "--spreadsheet-safe"], 0)
    for name in ("paragraphs.csv", "sentences.csv", "mentions.csv", "theme_hits.csv"):
        table = pd.read_csv(tmp_path / "out" / name, keep_default_na=False, dtype=str)
        for column in table.columns:
            assert not table[column].str.match(r"[=+@\t\r]").any(), (name, column)
    texts = pd.read_csv(tmp_path / "out" / "sentences.csv")["text"].tolist()
    assert texts[1].startswith("'=HYPERLINK") and texts[2].startswith("'+cmd|")
    assert texts[4] == "'-2 was the count."
    scores = pd.read_csv(tmp_path / "out" / "sentiment.csv")
    assert scores["sentiment"].dtype.kind == "f"  # numbers are numbers, negative or not
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    assert "spreadsheet-safe" in package["description"]
    report = frictionless.validate(str(tmp_path / "out" / "datapackage.json"))
    assert report.valid


# --- 15. control characters -------------------------------------------------------------------

def test_a_control_character_in_a_name_leaves_the_xml_well_formed(
        tmp_path: Path, text: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = data(tmp_path, people__csv=PEOPLE.replace("Vladimir Lenin", "Vladimir\x07 Lenin"))
    err = run(capsys, ["export", str(tmp_path / "out"), "--text", str(text), "--data",
                       str(folder)], 0)
    import networkx as nx

    graph = nx.read_gexf(tmp_path / "out" / "network.gexf")
    assert graph.nodes["lenin"]["name"] == "Vladimir Lenin"
    root = ET.parse(tmp_path / "out" / "chapter.tei.xml").getroot()
    assert "Vladimir Lenin" in "".join(root.itertext())
    warned = [line for line in err if line.startswith(("warning: network.gexf: ",
                                                        "warning: chapter.tei.xml: "))]
    assert [w.split(":")[1].strip() for w in warned] == ["network.gexf", "chapter.tei.xml"]
    assert all("control characters (which XML cannot hold) are left out" in w for w in warned)
    assert all("lenin" in w for w in warned)
    people = pd.read_csv(tmp_path / "out" / "people.csv")
    assert "Vladimir\x07 Lenin" in people["name"].tolist()  # the CSV keeps it, exactly


# --- 16. what the data package names -------------------------------------------------------

def test_the_data_package_names_no_path_of_this_machine(tmp_path: Path, text: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    folder = data(tmp_path, people__csv=PEOPLE)
    out = tmp_path / "exports" / "out"
    run(capsys, ["export", str(out), "--text", str(text), "--data", str(folder)], 0)
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    raw = (out / "datapackage.json").read_text(encoding="utf-8")
    assert str(tmp_path) not in raw and str(data_path("people.csv").parent) not in raw
    paths = {s["title"]: s["path"] for s in package["sources"]}
    assert paths["small.txt"] == "../../small.txt" and (out / paths["small.txt"]).is_file()
    assert paths["people.csv"] == "../../data/people.csv"
    assert paths["themes.toml"] == "analysis/data/themes.toml"  # the package's own
    # another text: the bundled chapter's corrections and episodes were not read for it
    assert "corrections.csv" not in paths and "episodes.csv" not in paths
    assert "shared_names.csv" not in paths  # the register given has none beside it
