"""Text that XML can hold, for the export's XML files (TEI, GEXF).

XML 1.0 cannot hold most control characters (U+0000 to U+001F but tab, line
feed and carriage return) nor U+FFFE and U+FFFF, even escaped: one of them in a
name of the register or in the text makes the file not well-formed. They are
left out of the XML files (the CSV and JSON files keep them), and a warning
names where they were.

Example:
    >>> xml_clean("Bela\\x07 Kun")
    'Bela Kun'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from analysis.people import write_gexf
from analysis.results import Analyses

#: The characters XML 1.0 cannot hold.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_clean(text: str) -> str:
    """``text`` without the characters XML cannot hold (:data:`NOT_XML`)."""
    return NOT_XML.sub("", text)


def left_out(text: str, where: str, file: str, at: Callable[[int], int] = int) -> str | None:
    """A warning naming the characters of ``text`` that ``file`` leaves out, or ``None``.

    ``at`` maps a position in ``text`` to the one the warning gives (an offset
    into the file as stored).

    Example:
        >>> left_out("a\\x0cb", "the text", "chapter.tei.xml")
        'warning: chapter.tei.xml: 1 control character (U+000C) in the text is left out (XML cannot hold it), the first at character 1'
    """
    found = [(m.start(), m.group()) for m in NOT_XML.finditer(text)]
    if not found:
        return None
    codes = ", ".join(sorted({f"U+{ord(c):04X}" for _, c in found}))
    many = len(found) > 1
    return (f"warning: {file}: {len(found)} control character{'s' if many else ''} ({codes}) "
            f"in {where} {'are' if many else 'is'} left out (XML cannot hold "
            f"{'them' if many else 'it'}), the first at character {at(found[0][0])}")


def clean_graph(graph: nx.Graph) -> tuple[nx.Graph, list[str]]:
    """A copy of ``graph`` whose text attributes XML can hold, and what was cleaned.

    Returns the graph (``graph`` itself when nothing needed cleaning) and one
    ``node ATTRIBUTE`` entry per attribute cleaned.

    Example:
        >>> g = nx.Graph()
        >>> g.add_node("kun", label="Bela\\x07 Kun")
        >>> clean, where = clean_graph(g)
        >>> clean.nodes["kun"]["label"], where
        ('Bela Kun', ['kun label'])
    """
    where = [f"{node} {key}" for node, data in graph.nodes(data=True)
             for key, value in data.items() if isinstance(value, str) and NOT_XML.search(value)]
    where += [f"{a}-{b} {key}" for a, b, data in graph.edges(data=True)
              for key, value in data.items() if isinstance(value, str) and NOT_XML.search(value)]
    if not where:
        return graph, []
    clean = graph.copy()
    for _, data in [*clean.nodes(data=True), *((None, d) for *_, d in clean.edges(data=True))]:
        for key, value in data.items():
            if isinstance(value, str):
                data[key] = xml_clean(value)
    return clean, where


def write_network(results: Analyses, path: str | Path) -> None:
    """Write the co-occurrence network as GEXF (``network.gexf``), its text made fit for XML.

    A name of the register holding a control character is written without it,
    and a warning is added to ``results.notes``.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     write_network(Analyses(chapter), Path(tmp) / "network.gexf")
        ...     nx.read_gexf(Path(tmp) / "network.gexf").number_of_nodes()
        68
    """
    graph, where = clean_graph(results.network)
    if where:
        results.notes.append(f"warning: network.gexf: control characters (which XML cannot "
                             f"hold) are left out of {', '.join(where[:3])}"
                             + (f" and {len(where) - 3} more" if len(where) > 3 else "")
                             + " (from the register)")
    write_gexf(graph, path)
