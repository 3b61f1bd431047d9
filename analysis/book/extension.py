"""Sphinx extension of the book for any text: the reading page and who's-who read its text.

The book's extension ``reading_pages`` (``book/_ext``, loaded from
:data:`analysis.book.cache.EXTENSION_DIR`) makes the reading page, the
who's-who and the ``{para}``, ``{sent}`` and ``{person}`` links from the
analyses its ``analyses()`` gives. This loads it and has it take them from
:func:`analysis.pages.current`, the text, data folder and title of the book
being built, which the pages read too (and, in the build's one process, the
same analyses, computed once).
"""

from __future__ import annotations

import sys
from typing import Any


def setup(app: Any) -> dict[str, Any]:
    from analysis import pages

    app.setup_extension("reading_pages")
    sys.modules["reading_pages"].analyses = pages.current
    return {"parallel_read_safe": True, "parallel_write_safe": True}
