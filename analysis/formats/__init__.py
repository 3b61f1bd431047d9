"""The export's files in the field's standards: Web Annotation, TEI, Data Package.

Each module writes one file from an :class:`~analysis.results.Analyses`:
:mod:`~analysis.formats.jsonld` (``annotations.jsonld``, a W3C Web Annotation
collection), :mod:`~analysis.formats.tei` (``chapter.tei.xml``, TEI P5) and
:mod:`~analysis.formats.datapackage` (``datapackage.json``, the Frictionless
Data Package that describes the export). :mod:`analysis.export` lists them.

Example:
    >>> sorted(n for n in dir() if n.startswith("write_"))
    ['write_annotations', 'write_datapackage', 'write_tei']
"""

from analysis.formats.datapackage import write_datapackage
from analysis.formats.jsonld import write_annotations
from analysis.formats.tei import write_tei

__all__ = ["write_annotations", "write_datapackage", "write_tei"]
