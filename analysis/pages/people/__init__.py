"""The page on the people a text names: who, where, with whom, how portrayed, what became of them.

:func:`numbers` gives every number the page's prose names (keys ``people_…``),
each rounded as the prose prints it and ``None`` where the text lacks what it
needs; the other functions give the page's figures and tables, each from an
:class:`~analysis.results.Analyses` alone, and the sections the page for any
text shows where something may be missing (:func:`~analysis.pages.people.check.check_section`,
:func:`~analysis.pages.people.portrayal.portrayal_section`,
:func:`~analysis.pages.people.fates.fates_section`,
:func:`~analysis.pages.people.portrayal.ties_section`). Figures
and tables label people by the register's ``label``. The parts:
:mod:`~analysis.pages.people.names` (register, counts, detector, network),
:mod:`~analysis.pages.people.check` (the mention check and its readers),
:mod:`~analysis.pages.people.portrayal` (portrayal and the themes people are
named with) and :mod:`~analysis.pages.people.fates` (lives and deaths by the
record).

Example:
    >>> from analysis.pages import current
    >>> values = numbers(current(), people={"bela_kun": "kun"}, quotes={"win glory": ["glory"]})
    >>> values["people_n_people"], values["people_kun_mentions"], values["people_s44_glory"]
    (69, 11, 2.5)
    >>> values["people_tie_nep_above"], values["people_fate_killed"]
    ('below', 14)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from analysis.pages.people.check import check_numbers, check_section, check_table
from analysis.pages.people.fates import fate_numbers, fates_figure, fates_section, killings_table
from analysis.pages.people.names import (centrality_table, counts_figure, detector_numbers,
                                         network_figure, network_interactive, network_numbers,
                                         record_table, register_numbers, register_section,
                                         register_table,
                                         shared_names_table, timeline_figure)
from analysis.pages.people.portrayal import (person_numbers, portrayal_figure, portrayal_numbers,
                                             portrayal_section, portrayal_table, quote_numbers,
                                             sentences_table, tie_numbers, ties_section,
                                             ties_table)
from analysis.results import Analyses

#: How each table is shown with :func:`analysis.reading_view.tables.show` (links, hidden ids).
TABLE_OPTIONS: dict[str, dict[str, object]] = {
    "register": {"links": {"name": ("person", "person_id"), "first named in ¶": "paragraph"},
                 "columnDefs": [{"targets": [0], "visible": False, "searchable": False}]},
}

#: How the tables with links are shown with :func:`analysis.reading_view.links.linked_table`.
LINKS: dict[str, dict[str, object]] = {"sentences": {"sentence_id": "sentence"}}


def numbers(results: Analyses, *, people: Mapping[str, str] | None = None,
            quotes: Mapping[str, Sequence[str]] | None = None) -> dict[str, object]:
    """Every number the page's prose names, rounded as printed (``None``: undefined for this text).

    Args:
        results: the analyses of the text.
        people: the people the prose names one by one, ``person_id -> key``
            (:func:`~analysis.pages.people.portrayal.person_numbers`).
        quotes: the sentences the prose quotes, a phrase of each -> the lexicon
            words it names (:func:`~analysis.pages.people.portrayal.quote_numbers`).

    See the module's example.
    """
    out: dict[str, object] = {}
    for part in (register_numbers, check_numbers, detector_numbers, network_numbers,
                 portrayal_numbers, tie_numbers, fate_numbers):
        out.update(part(results))
    out.update(person_numbers(results, people or {}))
    out.update(quote_numbers(results, quotes or {}))
    return out


__all__ = ["centrality_table", "check_numbers", "check_section", "check_table", "counts_figure",
           "detector_numbers", "fate_numbers", "fates_figure", "fates_section", "killings_table", "network_figure", "network_interactive",
           "network_numbers", "numbers", "person_numbers", "portrayal_figure",
           "portrayal_numbers", "portrayal_section", "portrayal_table", "quote_numbers",
           "record_table", "register_numbers", "register_section",
           "register_table", "sentences_table", "shared_names_table", "tie_numbers",
           "ties_section", "ties_table", "timeline_figure", "LINKS", "TABLE_OPTIONS"]
