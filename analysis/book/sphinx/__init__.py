"""The Sphinx extensions of both books, and the style and script they ship.

Both books (the bundled chapter's, built by ``make book``, and the book for any
text, built by ``python -m analysis book``) load them by their module names in
``sphinx.extra_extensions``, from the installed package:

- :mod:`analysis.book.sphinx.reading_pages`: the reading pages and the
  who's-who, the links into them, the scripts of the interactive figures and
  tables, and the publisher's settings; it adds the reading view's style sheet
  and script (:data:`STATIC`) to every page;
- :mod:`analysis.book.sphinx.unique_scripts`: each inline script once per page.

Example:
    >>> sorted(p.name for p in STATIC.iterdir())
    ['reading-view.css', 'reading-view.js']
"""

from __future__ import annotations

from pathlib import Path

#: The reading view's style sheet (and the phone layout of every page) and script.
STATIC = Path(__file__).resolve().parent / "static"
