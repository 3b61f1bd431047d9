"""The draft register, an extender's first step: every person near the top, and a file that loads.

Measured on two real texts against their true registers (Russell's chapter,
``tests/data/russell/people.csv``; the bundled chapter, its register): how many
rows of the draft a reader must go through to meet every person the text names.
The plan's bound is about 80 rows for a chapter of 4,500 words, scaled by length.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import load_chapter
from analysis.datafiles import data_path
from analysis.people import draft_register, mentions, unregistered_names
from analysis.people.capitals import TITLES
from analysis.people.detector import load_place_names
from analysis.people.draft import DRAFT_COLUMNS, person_id
from analysis.people.register import KNOWN_NAMES, load_register, split_aliases
from analysis.text import Chapter

ROOT = Path(__file__).resolve().parents[2]
RUSSELL = ROOT / "seeds" / "russell-bolshevism-lenin-trotsky-gorky.txt"
NOTHING_KNOWN = pd.DataFrame(columns=KNOWN_NAMES.names)


@pytest.fixture(scope="module")
def places() -> frozenset[str]:
    return load_place_names(data_path("place_names.txt"))


def rows_to_read(ch: Chapter, truth: pd.DataFrame, rules: pd.DataFrame, places: frozenset[str]
                 ) -> tuple[pd.DataFrame, dict[str, int | None]]:
    """The draft of a text read with an empty register, and the row where each person named in
    the text (outside its headings) first appears in the draft (``None``: not in it); ``rules``
    are the shared-name rules of the true register ``truth``."""
    named = set(mentions(ch, truth, rules).query("kind != 'title'")["person_id"])
    candidates = unregistered_names(ch, mentions(ch, truth.iloc[:0], rules), NOTHING_KNOWN,
                                    places=places)
    draft = draft_register(candidates)
    rows = [set(split_aliases(cell)) for cell in draft["aliases"]]
    found: dict[str, int | None] = {}
    for pid, cell in zip(truth["person_id"], truth["aliases"]):
        if pid not in named:
            continue
        forms = set(split_aliases(cell))   # a draft gives a titled form without its title
        forms |= {f.split(" ", 1)[1] for f in forms
                  if " " in f and f.split()[0].lower().rstrip(".") in TITLES}
        found[pid] = next((i for i, aliases in enumerate(rows, start=1) if forms & aliases), None)
    return draft, found


def plan_bound(ch: Chapter) -> int:
    """About 80 rows for a chapter of 4,500 words, scaled by the text's length."""
    return math.ceil(80 * len(ch.words) / 4500)


def test_the_russell_draft_lists_every_person_near_the_top(places: frozenset[str],
                                                           no_rules: pd.DataFrame) -> None:
    ch = load_chapter(RUSSELL)
    truth = load_register(ROOT / "tests" / "data" / "russell" / "people.csv")
    draft, found = rows_to_read(ch, truth, no_rules, places)
    assert plan_bound(ch) == 35
    assert None not in found.values() and len(found) == 7
    assert max(found.values()) <= 15 < plan_bound(ch)
    assert len(draft) <= 20
    assert found["trotsky"] <= 10  # named only at a sentence's start: no longer scored down


def test_the_bundled_chapters_draft_against_its_register(chapter: Chapter, register: pd.DataFrame,
                                                         shared_names: pd.DataFrame,
                                                         places: frozenset[str]) -> None:
    draft, found = rows_to_read(chapter, register, shared_names, places)
    bound = plan_bound(chapter)
    assert bound == 136 and len(found) == 69
    late = {pid for pid, row in found.items() if row is None or row > bound}
    # Serge himself is named once, in an editor's note citing his book; "Marcel Body" opens its
    # sentence and his surname is a common word: the two the detector cannot tell.
    assert late == {"serge", "body"}
    assert found["lenin"] == 1


def test_load_register_accepts_the_draft_as_written(tmp_path: Path, places: frozenset[str],
                                                     no_rules: pd.DataFrame) -> None:
    ch = load_chapter(RUSSELL)
    truth = load_register(ROOT / "tests" / "data" / "russell" / "people.csv")
    draft, _ = rows_to_read(ch, truth, no_rules, places)
    path = tmp_path / "people.csv"
    draft.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    loaded = load_register(path)
    assert loaded["person_id"].tolist() == draft["person_id"].tolist()
    assert list(draft.columns) == DRAFT_COLUMNS and DRAFT_COLUMNS[-2:] == ["score", "why"]
    assert (loaded["why"].str.len() > 0).all()
    row = loaded.set_index("person_id").loc["henderson"]
    assert row["aliases"] == "Henderson" and row["source_paragraph"] == 4
    assert row["why"].startswith("after Mr.")


TEXT = ("A Chapter\n\n"
        "On Sundays Stepan Georgevitch Lianozov, the Russian Rockefeller, wore the Cross of "
        "St. Anne. Lianozov said nothing to Mr. Brandt in Petrograd (See App. I, Sect. 1). "
        "Karsavina danced at the Marinsky; Shaliapin sang. Anna Weber and Paul Weber came, and "
        "the adventurer--Kerensky--whoever he was. Weber laughed. Jaurès spoke.\n")


def test_the_first_steps_found_on_real_chapters(tmp_path: Path, places: frozenset[str],
                                                no_rules: pd.DataFrame) -> None:
    path = tmp_path / "chapter.txt"
    path.write_text(TEXT, encoding="utf-8")
    ch = load_chapter(path)
    candidates = unregistered_names(ch, mentions(ch, pd.DataFrame(
        columns=["person_id", "aliases"]), no_rules), NOTHING_KNOWN, places=places)
    assert not {"Sundays", "App", "Sect", "Anne", "I"} & set(candidates["candidate"])
    draft = draft_register(candidates).set_index("person_id")
    # one row for the forms of one name; a surname two names share left out, and said so
    assert draft.loc["stepan_georgevitch_lianozov", "aliases"] == \
        "Stepan Georgevitch Lianozov; Lianozov"
    assert draft.loc["paul_weber", "aliases"] == "Paul Weber"
    assert "‘Weber’ alone (1×) is left out, as Anna Weber has it too" in \
        draft.loc["paul_weber", "why"]
    # names that only open sentences are kept; ids keep their letters
    assert {"karsavina", "shaliapin", "jaures", "kerensky", "brandt"} <= set(draft.index)
    assert draft.loc["jaures", "name"] == "Jaurès"
    assert draft.loc["brandt", "why"].startswith("after Mr.")
    assert "beside ‘said’" in draft.loc["stepan_georgevitch_lianozov", "why"]
    assert draft.index[0] == "brandt"
    assert "St. Anne" not in set(draft["name"]) and "Petrograd" not in set(draft["name"])
    why = candidates.set_index("candidate")["evidence"]
    assert "of a saint" in why["St. Anne"] and "a place or a people" in why["Petrograd"]


def test_ids_keep_every_letter() -> None:
    assert person_id("Marche Funèbre") == "marche_funebre"
    assert person_id("Jaurès") == "jaures"
    assert person_id("Łukasz Żeleński") == "lukasz_zelenski"
    assert person_id("Максим") == "u043cu0430u043au0441u0438u043c"


FIRSTS = ["Anna", "Paul", "Stepan", "Ilse", "Marc"]
SURNAMES = ["Weber", "Lianozov", "Brandt", "Duval", "Kun"]


@settings(max_examples=60)
@given(st.lists(st.tuples(st.sampled_from(FIRSTS + [""]), st.sampled_from(SURNAMES),
                          st.integers(-3, 8)), min_size=1, max_size=12,
                unique_by=lambda t: (t[0], t[1])))
def test_a_draft_never_gives_one_form_to_two_rows(tmp_path_factory, names) -> None:
    candidates = pd.DataFrame({
        "candidate": [f"{first} {last}".strip() for first, last, _ in names],
        "score": [float(score) for *_, score in names],
        "count": 1, "start": range(len(names)),
        "paragraphs": [str(i + 1) for i in range(len(names))], "evidence": "seen"})
    draft = draft_register(candidates)
    forms = [a for cell in draft["aliases"] for a in split_aliases(cell)]
    assert len(forms) == len(set(forms))
    assert draft["person_id"].is_unique and (draft["score"] >= 1).all()
    assert draft["score"].is_monotonic_decreasing
    path = tmp_path_factory.mktemp("draft") / "people.csv"
    draft.to_csv(path, index=False)
    if len(draft):
        assert len(load_register(path)) == len(draft)
    listed = candidates[candidates["score"] >= 1]
    for name in listed["candidate"]:  # each listed name is a row's form, or said to be shared
        assert name in forms or any(f"‘{name}’ alone" in why for why in draft["why"])
