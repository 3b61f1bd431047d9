"""The page "Among other witnesses": a corpus of texts about the same people, compared.

``numbers(corpus)`` gives every number the page's prose names, rounded as it
prints them; the other functions give its figures and tables. They take a
:class:`~analysis.corpus.witnesses.Corpus` (the bundled one: :func:`current`)
and compute each comparison of :mod:`analysis.corpus.compare` once per corpus.
Nothing here names a text: ids, authors and titles come from the corpus file,
people's labels from the shared register, themes from each text's lexicon. The
tone is the lexicon method's; where a text of the corpus has a reference
reading of its tone, the method's agreement with it on that text is given
beside (``witnesses_tone_rho`` …), and where none has, those numbers are ``None``.

Example:
    >>> corpus = current()
    >>> found = numbers(corpus)
    >>> found["witnesses_n_texts"], found["witnesses_lenin_n_texts"]
    (3, 3)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.corpus import compare
from analysis.corpus import figures as corpus_figures
from analysis.corpus.export import texts_table
from analysis.corpus.witnesses import Corpus, bundled_corpus, load_corpus
from analysis.pages import as_number, once
from analysis.pages.format import p_text, strength
from analysis.pages.sentiment import measures
from analysis.reading_view.figures import InteractiveFigure
from analysis.reading_view.links import LinkedTable, html_cells, sentence_link
from analysis.sentiment import RECOMMENDED


@lru_cache(maxsize=1)
def current() -> Corpus:
    """The bundled corpus (``analysis/data/witnesses.toml``), loaded once per process."""
    return load_corpus(bundled_corpus())


def labels(corpus: Corpus) -> dict[str, str]:
    """``text_id`` -> what the figures call each text (its author and year)."""
    return {w.text_id: w.label for w in corpus.texts}


@once
def naming(corpus: Corpus) -> pd.DataFrame:
    """:func:`analysis.corpus.compare.naming`, once."""
    return compare.naming(corpus)


@once
def shared(corpus: Corpus) -> list[str]:
    """The people two texts or more name, most named first."""
    return compare.shared_people(corpus)


@once
def tone(corpus: Corpus) -> pd.DataFrame:
    """:func:`analysis.corpus.compare.tone` of the shared people, once."""
    return compare.tone(corpus, shared(corpus))


@once
def density(corpus: Corpus) -> pd.DataFrame:
    """:func:`analysis.corpus.compare.theme_density`, once."""
    return compare.theme_density(corpus)


@once
def ties(corpus: Corpus) -> pd.DataFrame:
    """:func:`analysis.corpus.compare.ties` of the shared people, once."""
    return compare.ties(corpus, shared(corpus))


@once
def validation(corpus: Corpus) -> tuple[str, pd.Series] | None:
    """The first text with a reference reading of its tone, and the method's agreement with it
    there (Spearman's rho with its interval, on the held-out sentences); ``None`` if no text has one."""
    for text_id in corpus.ids:
        table = measures.ceiling(corpus.results(text_id))
        if table is not None:
            against = "reference" if measures.two_readers(corpus.results(text_id)) else "reader A"
            return text_id, table.set_index(["method", "against"]).loc[(RECOMMENDED, against)]
    return None


def numbers(corpus: Corpus) -> dict[str, object]:
    """Every number the page's prose names (keys ``witnesses_…``), rounded as printed.

    Per text (``witnesses_<text_id>_…``): its words of narration and year; per
    text and shared person (``witnesses_<text_id>_<person_id>_…``): mentions,
    rate per 1,000 words, sentences and the method's mean tone with its
    interval; per text and theme, the density with its interval; per text its
    most distinctive words. ``None`` where a text does not name a person.
    """
    out: dict[str, object] = {"witnesses_n_texts": len(corpus.texts)}
    names = naming(corpus)
    people = shared(corpus)
    out["witnesses_n_shared"] = len(people)
    out["witnesses_n_shared_all"] = int((names.groupby("person_id")["text_id"].nunique()
                                         == len(corpus.texts)).sum())
    out["witnesses_n_people"] = int(names["person_id"].nunique())
    by = names.set_index(["text_id", "person_id"])
    moods = tone(corpus).set_index(["text_id", "person_id"])
    for w in corpus.texts:
        t = w.text_id
        out[f"witnesses_{t}_year"] = w.year
        out[f"witnesses_{t}_words"] = int(compare.words(corpus, t).shape[0])
        level = tone(corpus).loc[tone(corpus)["text_id"] == t, "text_mean"]
        out[f"witnesses_{t}_tone_level"] = as_number(level.iloc[0], 2) if len(level) else None
        for p in people:
            row = by.loc[(t, p)] if (t, p) in by.index else None
            out[f"witnesses_{t}_{p}_mentions"] = 0 if row is None else int(row["mentions"])
            out[f"witnesses_{t}_{p}_per_1000"] = None if row is None else as_number(
                row["per_1000"], 2)
            mood = moods.loc[(t, p)] if (t, p) in moods.index else None
            for key in ("n", "mean", "low", "high"):
                value = None if mood is None else mood[key]
                out[f"witnesses_{t}_{p}_tone_{key}"] = (
                    None if value is None else as_number(value, 0 if key == "n" else 2))
    for p in people:
        out[f"witnesses_{p}_n_texts"] = int(names.loc[names["person_id"] == p, "text_id"]
                                            .nunique())
    for row in density(corpus).itertuples(index=False):
        for key in ("per_1000", "low", "high"):
            out[f"witnesses_{row.text_id}_{row.theme}_{key}"] = as_number(getattr(row, key), 1)
    key = keyness_table(corpus)
    for t in corpus.ids:
        top = key.loc[key["text_id"] == t, "word"].head(5).tolist()
        out[f"witnesses_{t}_key_words"] = ", ".join(top) if top else None
    return out | _validation_numbers(corpus)


def _validation_numbers(corpus: Corpus) -> dict[str, object]:
    """The method's agreement with a reference reading, on the text that has one."""
    found = validation(corpus)
    if found is None:
        return {k: None for k in ("witnesses_tone_validated_on", "witnesses_tone_rho",
                                  "witnesses_tone_rho_low", "witnesses_tone_rho_high",
                                  "witnesses_tone_n_validated", "witnesses_tone_strength")}
    text_id, row = found
    rho = as_number(row["spearman"], 2)
    return {"witnesses_tone_validated_on": corpus.text(text_id).label,
            "witnesses_tone_rho": rho,
            "witnesses_tone_rho_low": as_number(row["spearman_low"], 2),
            "witnesses_tone_rho_high": as_number(row["spearman_high"], 2),
            "witnesses_tone_n_validated": int(row["n"]),
            "witnesses_tone_strength": strength(rho)}


def provenance_table(corpus: Corpus) -> pd.DataFrame:
    """The texts: author, title, year, when the events took place, words, source and rights."""
    table = texts_table(corpus)
    table["words"] = [compare.words(corpus, t).shape[0] for t in corpus.ids]
    return table[["text_id", "author", "title", "year", "events", "written", "words", "source",
                  "rights"]]


def whos_who_pages(corpus: Corpus) -> dict[str, str]:
    """``text_id`` -> the page with its who's-who: the book's own, or the text's reading page.

    Example:
        >>> whos_who_pages(current())["serge"], whos_who_pages(current())["goldman"]
        ('whos-who.html', 'reading-goldman.html')
    """
    return {t: "whos-who.html" if page == "reading.html" else page
            for t, page in reading_pages(corpus).items()}


def naming_figure(corpus: Corpus) -> InteractiveFigure:
    """Mentions per 1,000 words of the people two texts or more name; a bar opens the entry."""
    table = naming(corpus)
    return corpus_figures.naming_figure(table[table["shared"]], labels(corpus),
                                        pages=whos_who_pages(corpus))


def tone_figure(corpus: Corpus) -> InteractiveFigure:
    """The method's tone of the sentences naming each shared person, by text."""
    return corpus_figures.tone_figure(tone(corpus), labels(corpus), pages=whos_who_pages(corpus))


def themes_figure(corpus: Corpus) -> InteractiveFigure:
    """The density of each theme of the lexicon in each text; a bar opens the text."""
    return corpus_figures.themes_figure(density(corpus), labels(corpus),
                                        pages=reading_pages(corpus))


def network_figure(corpus: Corpus) -> InteractiveFigure:
    """The shared people, tied where a text names two of them in one paragraph."""
    label = corpus.register().set_index("person_id")["label"]
    pages = whos_who_pages(corpus)
    named = naming(corpus)
    first = named.drop_duplicates("person_id").set_index("person_id")["text_id"]
    return corpus_figures.network_figure(ties(corpus), {p: str(label[p]) for p in shared(corpus)},
                                         labels(corpus),
                                         whos_who={p: pages[t] for p, t in first.items()})


def quotations(corpus: Corpus, picks: Sequence[tuple[str, str, str]]) -> pd.DataFrame:
    """The sentences quoted on the page, each with its text and offsets.

    ``picks``: ``(text_id, person_id, phrase)``; each phrase (a regular
    expression over the established text) must occur in its text. Returns
    ``witness, person, quote, text_id, sentence_id, start, end, score``: the
    whole sentence holding the phrase, its id in its text, ``start``/``end`` its
    offsets into that text's file as stored, ``score`` the method's.

    Raises:
        DataFileError: a phrase is not in its text (one line naming both).
    """
    from analysis.errors import DataFileError

    label = corpus.register().set_index("person_id")["label"]
    rows = []
    for text_id, person_id, phrase in picks:
        results = corpus.results(text_id)
        found = results.chapter.find(phrase)
        if found.empty:
            raise DataFileError(f"{corpus.path}: {text_id}: {phrase!r} is not in the text")
        sentence = results.chapter.sentences.set_index("sentence_id").loc[
            int(found["sentence_id"].iloc[0])]
        score = results.sentence_scores.set_index("sentence_id").loc[
            int(found["sentence_id"].iloc[0]), "sentiment"]
        rows.append({"witness": corpus.text(text_id).label, "person": label[person_id],
                     "quote": " ".join(str(sentence["text"]).split()), "text_id": text_id,
                     "sentence_id": int(found["sentence_id"].iloc[0]),
                     "start": int(sentence["start"]), "end": int(sentence["end"]),
                     "score": round(float(score), 2)})
    return pd.DataFrame(rows)


def reading_pages(corpus: Corpus, own: str | Path | None = None) -> dict[str, str]:
    """``text_id`` -> the page that gives each text to read, as linked from a page beside it.

    The text the book reads (the file ``own``; by default the one
    :func:`analysis.pages.current` reads) is on the book's reading page,
    ``reading.html``; each other text on its own, ``reading-<text_id>.html``,
    which the book's extension makes (:mod:`analysis.book.sphinx.reading_pages`),
    with the same anchors (``p3``, ``s12``) and its who's-who below the text.

    Example:
        >>> reading_pages(current())
        {'serge': 'reading.html', 'russell': 'reading-russell.html', 'goldman': 'reading-goldman.html'}
    """
    if own is None:
        from analysis import pages

        own = pages.current().chapter.source.path
    mine = Path(own).resolve()
    return {w.text_id: "reading.html" if Path(w.text).resolve() == mine
            else f"reading-{w.text_id}.html" for w in corpus.texts}


class QuotationTable(LinkedTable):
    """The quotations, each quote a link to its sentence on its text's reading page
    (what :func:`quotations_table` returns); its plain text is the DataFrame's."""

    def __init__(self, frame: pd.DataFrame, pages: Mapping[str, str]) -> None:
        super().__init__(frame, {})
        self.pages = dict(pages)

    def _repr_html_(self) -> str:
        cells = html_cells(self.data, {})
        cells["quote"] = [sentence_link(s, page=self.pages[t], text=q) for q, t, s in
                          zip(self.data["quote"], self.data["text_id"], self.data["sentence_id"])]
        with pd.option_context("display.max_colwidth", None):
            return cells.to_html(escape=False, na_rep="")


def quotations_table(corpus: Corpus, picks: Sequence[tuple[str, str, str]],
                     own: str | Path | None = None) -> QuotationTable:
    """:func:`quotations`, each quote a link to its sentence on its text's reading page
    (:func:`reading_pages`; ``own``: the file of the text the book reads).

    Example:
        >>> table = quotations_table(current(), [("russell", "lenin", "dictatorial, calm")])
        >>> 'href="reading-russell.html#s' in table._repr_html_()
        True
    """
    return QuotationTable(quotations(corpus, picks), reading_pages(corpus, own))


@once
def keyness_table(corpus: Corpus, top: int = 8) -> pd.DataFrame:
    """Each text's most distinctive words against the others (names left out), with G² as text."""
    table = compare.keyness(corpus, top=top)
    return table.assign(per_10k=table["per_10k"].round(1),
                        other_per_10k=table["other_per_10k"].round(1),
                        log_likelihood=table["log_likelihood"].round(1),
                        log_ratio=table["log_ratio"].round(2),
                        p=[p_text(p) for p in table["p_value"]]).drop(columns="p_value")


def collocates_table(corpus: Corpus, person_id: str) -> pd.DataFrame:
    """The words around one person in each text (log-Dice, G² and p as text)."""
    table = compare.person_collocates(corpus, person_id)
    if table.empty:
        return table
    return table[["text_id", "collocate", "observed", "log_dice", "log_likelihood",
                  "p_value"]].assign(log_dice=table["log_dice"].round(2),
                                     log_likelihood=table["log_likelihood"].round(1),
                                     p_value=[p_text(p) for p in table["p_value"]])
