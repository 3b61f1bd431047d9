"""The introduction of the book for any text: the text's provenance, the data files, what it lacks.

:func:`numbers` gives every number the introduction's prose names (keys
``intro_…``); :func:`provenance_table` the file and how it was read;
:func:`data_table` one row per kind of data file: the file read, where it comes
from (the text's own data folder, or the package, and then whether it was made
for another text and stands in) and its SHA-256; :func:`data_section` and
:func:`lacks_section` say in words which bundled files stand in and what the
text lacks, each where a reader needs it. Nothing here names the bundled
chapter or its author: a bundled file made for it is "made for another text".

Example:
    >>> from analysis.pages import current
    >>> values = numbers(current())
    >>> values["intro_paragraphs"], values["intro_sentences"], values["intro_fallbacks"]
    (63, 339, 0)
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
from IPython.display import Markdown

from analysis.datafiles import ANNOTATION_SETS, CHAPTER_SPECIFIC, FILE_NAMES
from analysis.pages import text as text_page
from analysis.results import Analyses

__all__ = ["KINDS", "data_section", "data_table", "downloads_table", "lacks_section", "numbers",
           "provenance_table"]

#: What each kind of data file gives the analyses (a field of :class:`~analysis.datafiles.DataFiles`).
KINDS = {
    "people": "the register of people",
    "shared_names": "the rules for a name two people share",
    "non_person_names": "names that are no person's",
    "themes": "the theme lexicon",
    "sentiment_lexicon_patch": "the sentiment lexicon's patch",
    "corrections": "the corrections of the file's text",
    "abbreviations": "abbreviations that never end a sentence",
    "episodes": "the text's episodes",
    "stopwords": "the stop list",
    "title": "the text's title",
    "chronology": "the dated events the text tells",
    "place_names": "names of places and peoples",
    "annotations": "readers' annotations",
}

#: Bundled files that hold general English, not any one text's data.
GENERAL = ("non_person_names", "abbreviations", "stopwords", "place_names")


def numbers(results: Analyses) -> dict[str, object]:
    """Every number the introduction's prose names (``None``: undefined for this text)."""
    shown = text_page.numbers(results)
    table = data_table(results)
    return {
        "intro_title": results.title, "intro_file": shown["text_file"],
        "intro_sha256": shown["text_sha256"], "intro_words": shown["text_words"],
        "intro_paragraphs": shown["text_paragraphs"], "intro_sentences": shown["text_sentences"],
        "intro_own_files": int((table["from"] == "this text's data folder").sum()),
        "intro_fallbacks": len(results.files.fallbacks(results.chapter)),
    }


def provenance_table(results: Analyses) -> pd.DataFrame:
    """The text file and how it was read, one row per fact (``what``, ``value``)."""
    n = text_page.numbers(results)
    rows = {
        "title": n["text_title"], "file": n["text_file"], "SHA-256": n["text_sha256"],
        "characters (as stored)": n["text_chars"],
        "line endings": n["text_line_endings"] or "none (one line)",
        "byte-order mark": n["text_bom"],
        "left out of the text": (f"{n['text_left_out']} ({n['text_left_out_chars']} characters)"
                                 if n["text_left_out"] else "nothing"),
        "corrections anchored": (f"{n['text_corrections_anchored']} of "
                                 f"{n['text_corrections_offered']}"
                                 if n["text_corrections_offered"] else "none offered"),
        "paragraphs, sentences, words": (f"{n['text_paragraphs']}, {n['text_sentences']}, "
                                         f"{n['text_words']}"),
    }
    return pd.DataFrame({"what": list(rows), "value": [str(v) for v in rows.values()]}
                        ).set_index("what")


def _sha(path: Path) -> str:
    """The first 16 hexadecimal digits of a file's SHA-256 (all the table needs to tell files apart)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def data_table(results: Analyses) -> pd.DataFrame:
    """One row per kind of data file (the index, ``kind``): ``file, from, sha256`` (see the
    module's notes).

    ``from`` is ``this text's data folder``, ``bundled: general English``,
    ``bundled, made for another text: stands in`` or ``none``; an annotations
    folder has a row per file.
    """
    files, chapter = results.files, results.chapter
    own = not chapter.bundled
    rows = []
    for field, what in KINDS.items():
        given = getattr(files, field)
        if field == "annotations":
            if given is not None:
                rows += [(what, f"annotations/{p.name}", "this text's data folder", _sha(p))
                         for p in sorted(given.glob("*.csv"))]
            else:
                rows.append((what, "", "none" if own else "bundled", ""))
            continue
        if given is not None:
            rows.append((what, FILE_NAMES[field], "this text's data folder", _sha(given)))
        elif not own or field in GENERAL or field in CHAPTER_SPECIFIC:
            source = ("bundled" if not own else "bundled: general English" if field in GENERAL
                      else "bundled, made for another text: stands in")
            rows.append((what, FILE_NAMES[field], source, _sha(files.path(field))))
        elif field == "shared_names" and files.people is None:
            rows.append((what, FILE_NAMES[field], "bundled, made for another text: stands in",
                         _sha(files.path(field))))
        elif field == "corrections" and chapter.anchoring is not None \
                and chapter.anchoring.anchored:
            rows.append((what, FILE_NAMES[field], "bundled, applied where it fits the text",
                         _sha(files.path(field))))
        else:
            rows.append((what, "", "none", ""))
    return pd.DataFrame(rows, columns=["kind", "file", "from", "sha256"]).set_index("kind")


def data_section(results: Analyses) -> Markdown:
    """Which data files are the text's own, and which bundled ones stand in and what follows."""
    table = data_table(results)
    mine = table.loc[table["from"] == "this text's data folder", "file"].tolist()
    fallbacks = results.files.fallbacks(results.chapter)
    lines = [f"- **The text's own data files**: {', '.join(f'`{f}`' for f in mine)}."
             if mine else "- **The text's own data files**: none; the book reads the text alone."]
    if fallbacks:
        lines.append(
            f"- **Bundled files standing in**: {', '.join(f'`{f}`' for f in fallbacks)}, made "
            "for another text. What they find here is only what this text shares with that one "
            "(a person named in both, a theme word it also uses), and what this text alone holds "
            "goes unseen: the pages that use them say so. Give the text its own files in a data "
            "folder to read it on its own terms.")
    else:
        lines.append("- **Bundled files standing in**: none; every register, lexicon and patch "
                     "read was made for this text.")
    return Markdown("\n".join(lines))


def lacks_section(results: Analyses) -> Markdown:
    """What the text lacks (a reference reading, episodes, a chronology), one line each."""
    for kind in ANNOTATION_SETS:
        results.readings(kind)
    _ = results.episodes, results.tone_reference, results.chronology
    missing = dict(results.missing)
    if not missing:
        return Markdown("The text has every layer the pages use: readers' annotations, "
                        "episodes and a chronology.")
    lines = [f"- {line[0].upper()}{line[1:]}." if not line.endswith(".") else f"- {line}"
             for line in dict.fromkeys(missing.values())]
    return Markdown("The text lacks what follows; each page says where it matters, and shows "
                    "the method's results alone there.\n\n" + "\n".join(lines))


def downloads_table(package: str | Path) -> pd.DataFrame:
    """The files a data package (``datapackage.json``) lists: ``bytes, sha256`` by ``file``.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = Path(tmp) / "datapackage.json"
        ...     _ = path.write_text('{"resources": [{"path": "a.csv", "bytes": 3, '
        ...                         '"hash": "sha256:ab"}]}', encoding="utf-8")
        ...     downloads_table(path).reset_index().to_dict("records")
        [{'file': 'a.csv', 'bytes': 3, 'sha256': 'ab'}]
    """
    listed = json.loads(Path(package).read_text(encoding="utf-8"))["resources"]
    return pd.DataFrame([{"file": r["path"], "bytes": int(r["bytes"]),
                          "sha256": str(r["hash"]).removeprefix("sha256:")} for r in listed]
                        ).set_index("file")
