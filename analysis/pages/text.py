"""The page *The text*, for any text: where the file comes from, how it was read, its units.

:func:`numbers` gives every number the page's prose names (keys ``text_…``):
the file and its SHA-256, how it was read (line endings, a byte-order mark,
hard-wrapped lines, what was left out, the corrections anchored), its
paragraphs by kind, sentences, words and corrections. The other functions give
the page's tables and figures, each from an :class:`~analysis.results.Analyses`
alone; :func:`reading_section` and :func:`corrections_section` write, for a page
about any text, the parts whose words depend on what the file holds. A text
without corrections, notes or narrative gets ``None`` (a table) or a sentence
saying so (a section), never an error.

Example:
    >>> from analysis.pages import current
    >>> values = numbers(current())
    >>> values["text_paragraphs"], values["text_sentences"], values["text_words"]
    (63, 339, 7635)
    >>> values["text_corrections"], values["text_corrections_anchored"], values["text_line_endings"]
    (30, 30, 'LF')
"""

from __future__ import annotations

import re

import pandas as pd
from IPython.display import Markdown

from analysis.pages import as_number, once
from analysis.pages.figures import CompactFigure
from analysis.pages.format import plural
from analysis.results import Analyses
from analysis.text.figures import plot_paragraph_lengths, plot_sentence_lengths
from analysis.text.segment import INITIALS, load_abbreviations
from analysis.text.structure import (corrections_in_context, editorial_notes, kind_summary,
                                     paragraph_stats, provenance, sentence_stats)

__all__ = ["boundary_table", "corrections_by_kind", "corrections_section", "corrections_table",
           "kinds_table", "notes_table", "numbers", "paragraphs_figure", "reading_section",
           "sentences_figure", "stored_and_established"]

#: Sentence ends any English prose makes hard for a splitter — a question or exclamation
#: mark inside a closing quotation mark, an ellipsis, a run of initials.
HARD_ENDS = r"[?!][’”']|\.\.\.|…|\b[A-Z]\. (?:[A-Z]\. )*[A-Z][a-z]"


def _count(summary: pd.DataFrame, kind: str, column: str) -> int:
    """``summary``'s count of ``column`` for paragraphs of ``kind`` (0 where it has none)."""
    return int(summary.loc[kind, column]) if kind in summary.index else 0


@once
def numbers(results: Analyses) -> dict[str, object]:
    """Every number the page's prose names, rounded as printed (``None``: undefined for this text).

    See the module's example.
    """
    chapter = results.chapter
    row = provenance(chapter)
    summary = kind_summary(chapter)
    paras = paragraph_stats(chapter)
    sents = sentence_stats(chapter)
    narrative = sents.loc[sents["kind"] == "narrative", ["sentence_id", "n_words"]]
    longest = narrative.loc[narrative["n_words"].idxmax()] if len(narrative) else None
    words, note_words = _count(summary, "total", "words"), _count(summary, "editorial", "words")
    corrections = chapter.corrections
    return {
        "text_title": results.title, "text_file": row["file"], "text_sha": row["sha256"][:16],
        "text_sha256": row["sha256"], "text_chars": int(row["characters"]),
        "text_line_endings": row["line_endings"] or None,
        "text_bom": "yes" if row["byte_order_mark"] else "no",
        "text_inner_breaks": int(row["inner_breaks"]), "text_left_out": row["left_out"] or None,
        "text_left_out_chars": int(row["left_out_characters"]),
        "text_paragraphs": _count(summary, "total", "paragraphs"),
        "text_narrative_paragraphs": _count(summary, "narrative", "paragraphs"),
        "text_notes": _count(summary, "editorial", "paragraphs"),
        "text_titles": _count(summary, "title", "paragraphs"),
        "text_sentences": _count(summary, "total", "sentences"),
        "text_narrative_sentences": _count(summary, "narrative", "sentences"),
        "text_note_sentences": _count(summary, "editorial", "sentences"),
        "text_words": words, "text_narrative_words": _count(summary, "narrative", "words"),
        "text_note_words": note_words,
        "text_note_share": as_number(100 * note_words / words if words else float("nan"), 1),
        "text_mean_sentence": as_number(narrative["n_words"].mean(), 1),
        "text_median_sentence": as_number(narrative["n_words"].median(), 0),
        "text_longest_sentence": None if longest is None else int(longest["n_words"]),
        "text_longest_sentence_id": None if longest is None else int(longest["sentence_id"]),
        "text_longest_paragraph": int(paras["n_words"].max()),
        "text_corrections": len(corrections),
        "text_correction_kinds": int(corrections["kind"].nunique()),
        "text_corrections_offered": int(row["corrections"]),
        "text_corrections_anchored": int(row["anchored"]),
        "text_corrections_moved": int(row["moved"]),
        "text_corrections_not_found": int(row["not_found"]),
        "text_abbreviations": len(_abbreviations(results) - INITIALS),
    }


def _abbreviations(results: Analyses) -> frozenset[str]:
    """The abbreviations the text's sentences were found with (Punkt's form: lower case, no stop)."""
    return load_abbreviations(results.files.path("abbreviations"))


def kinds_table(results: Analyses) -> pd.DataFrame:
    """Paragraphs, sentences and words by paragraph kind, with a total row."""
    return kind_summary(results.chapter)


def paragraphs_figure(results: Analyses) -> CompactFigure:
    """Paragraph lengths in words along the text, coloured by kind."""
    return CompactFigure(plot_paragraph_lengths(paragraph_stats(results.chapter)))


def sentences_figure(results: Analyses) -> CompactFigure:
    """The share of each kind's sentences in each bin of sentence length."""
    return CompactFigure(plot_sentence_lengths(sentence_stats(results.chapter)))


def notes_table(results: Analyses) -> pd.DataFrame | None:
    """The editorial notes, each whole: ``paragraph_id, start, end, n_words, text`` (``None``: none)."""
    notes = editorial_notes(results.chapter, width=None).rename(columns={"opening": "text"})
    return notes if len(notes) else None


def corrections_by_kind(results: Analyses) -> pd.DataFrame | None:
    """How many corrections of each kind (``None``: the text has none)."""
    corrections = results.chapter.corrections
    if corrections.empty:
        return None
    return corrections.groupby("kind").size().rename("corrections").to_frame()


def corrections_table(results: Analyses) -> pd.DataFrame | None:
    """Each correction in its context, as stored and as established (``None``: none)."""
    table = corrections_in_context(results.chapter)
    if table.empty:
        return None
    return table[["paragraph_id", "kind", "as_stored", "established", "note"]]


def boundary_table(results: Analyses, pattern: str | None = None) -> pd.DataFrame:
    """The sentences around the hard cases of sentence division, with their offsets.

    ``pattern`` (a regular expression) says what a hard case is; by default an
    abbreviation of the text's list followed by a word, or one of :data:`HARD_ENDS`.
    Returns ``sentence_id, paragraph_id, start, end, text``.

    Example:
        >>> from analysis.pages import current
        >>> boundary_table(current(), r"N\\.E\\.P\\.")["sentence_id"].tolist()[:2]
        [6, 9]
    """
    if pattern is None:
        words = sorted(_abbreviations(results) - INITIALS, key=len, reverse=True)
        listed = "|".join(re.escape(w) + r"\." for w in words)
        pattern = (rf"(?i:\b(?:{listed}))\s+\w|" if listed else "") + HARD_ENDS
    sentences = results.chapter.sentences
    hard = sentences[sentences["text"].str.contains(pattern, regex=True)]
    return hard[["sentence_id", "paragraph_id", "start", "end", "text"]].reset_index(drop=True)


def stored_and_established(results: Analyses, sentence_id: int | None = None
                           ) -> pd.DataFrame | None:
    """One sentence as the file stores it (its ``start`` to ``end``) and as established.

    ``sentence_id`` ``None``: the first sentence with a correction inside (``None``
    if no correction lies in a sentence). Returns rows ``as stored`` and
    ``established`` with ``sentence_id, start, end, text``.

    Example:
        >>> from analysis.pages import current
        >>> stored_and_established(current(), 31)["text"].str.contains("19 18").tolist()
        [True, False]
    """
    chapter = results.chapter
    sentences = chapter.sentences
    if sentence_id is None:
        inside = [sentences.loc[(sentences["start"] <= c.start) & (sentences["end"] >= c.end),
                                "sentence_id"] for c in chapter.corrections.itertuples()]
        found = [int(s.iloc[0]) for s in inside if len(s)]
        if not found:
            return None
        sentence_id = min(found)
    row = sentences.set_index("sentence_id").loc[sentence_id]
    stored = chapter.seed_text[row.start:row.end].replace("\r\n", "⏎").replace("\n", "⏎")
    return pd.DataFrame({"sentence_id": sentence_id, "start": row.start, "end": row.end,
                         "text": [stored, row.text]},
                        index=pd.Index(["as stored", "established"], name="reading"))


def reading_section(results: Analyses) -> Markdown:
    """How the file was read, for a page about any text: its line endings, its layout, what
    was left out, and the corrections offered and anchored."""
    n = numbers(results)
    lines = [f"- **Line endings**: {n['text_line_endings'] or 'none (one line)'}; "
             + ("a byte-order mark opens the file and is left out of the text."
                if n["text_bom"] == "yes" else "no byte-order mark.")]
    breaks = n["text_inner_breaks"]
    lines.append(f"- **Layout**: {plural(breaks, 'line break')} inside "
                 "paragraphs, each read as a space (a hard-wrapped file has many); a blank line "
                 "is a paragraph break.")
    if n["text_left_out"]:
        lines.append(f"- **Left out**: {n['text_left_out']} ({n['text_left_out_chars']} "
                     "characters), kept in the file but outside every unit.")
    else:
        lines.append("- **Left out**: nothing; the whole file is the text.")
    if n["text_corrections_offered"]:
        lines.append(f"- **Corrections**: {n['text_corrections_anchored']} of "
                     f"{n['text_corrections_offered']} anchored by their quotation "
                     f"({n['text_corrections_moved']} away from their position hint, "
                     f"{n['text_corrections_not_found']} not found).")
    else:
        lines.append("- **Corrections**: none for this text; the established text is the file "
                     "as its layout reads.")
    return Markdown("\n".join(lines))


def corrections_section(results: Analyses) -> Markdown:
    """The corrections, by kind, or the line that says the text has none."""
    n = numbers(results)
    if not n["text_corrections"]:
        return Markdown("This text has no corrections table: every unit is the file as its "
                        "layout reads, and a scanning error, if any, stays in the counts.")
    kinds = corrections_by_kind(results)
    listed = ", ".join(f"{k} ({v})" for k, v in kinds["corrections"].items())
    return Markdown(f"There are {n['text_corrections']} corrections of "
                    f"{n['text_correction_kinds']} kinds: {listed}.")
