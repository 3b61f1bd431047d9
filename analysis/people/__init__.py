"""Historical figures: the register of people, their mentions, the names it may lack, their network.

The modules: :mod:`~analysis.people.register` (the register and the rules for
shared names), :mod:`~analysis.people.mentions` (every naming, with offsets),
:mod:`~analysis.people.detector` (capitalised names the register lacks),
:mod:`~analysis.people.draft` (a draft register from them),
:mod:`~analysis.people.validation` (against the readers' check),
:mod:`~analysis.people.network` (who is named with whom) and
:mod:`~analysis.people.figures`. Their public functions are re-exported here.

Example:
    >>> from analysis import people
    >>> found = people.mentions(chapter, register, shared_names)
    >>> found.loc[0, ["person_id", "surface"]].tolist()
    ['lenin', 'Lenin']
"""

from analysis.people.detector import unregistered_names
from analysis.people.draft import draft_register
from analysis.people.mentions import (MENTION_COLUMNS, labels, mention_counts, mentions,
                                      register_table)
from analysis.people.network import build_network, centrality, cooccurrence, write_gexf
from analysis.people.register import (KNOWN_NAMES, REGISTER, REGISTER_COLUMNS, SHARED_NAMES,
                                      load_known_names, load_register, load_shared_names,
                                      split_aliases)
from analysis.people.validation import differences, evaluate, load_mention_readings

__all__ = ["build_network", "centrality", "cooccurrence", "differences", "draft_register",
           "evaluate", "labels", "load_known_names", "load_mention_readings", "load_register",
           "load_shared_names", "mention_counts", "mentions", "register_table", "split_aliases",
           "unregistered_names", "write_gexf", "KNOWN_NAMES", "MENTION_COLUMNS", "REGISTER",
           "REGISTER_COLUMNS", "SHARED_NAMES"]
