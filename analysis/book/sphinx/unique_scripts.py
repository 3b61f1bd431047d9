"""Sphinx extension: drop repeated inline scripts from each page.

Under Jupyter Book 1, sphinx-thebe registers its configuration script once per
reading pass, so every page declared ``const THEBE_JS_URL`` twice and the
browser logged "Identifier 'THEBE_JS_URL' has already been declared". This
keeps the first copy of each script.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


def _unique_scripts(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                    doctree: object) -> None:
    scripts = context.get("script_files")
    if not isinstance(scripts, list):
        return
    seen: set[str] = set()
    unique = []
    for script in scripts:
        # An inline script is registered once with filename None and once with "".
        key = repr((getattr(script, "filename", script) or "",
                    sorted(getattr(script, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    scripts[:] = unique  # in place: handlers that run later may still add scripts


def setup(app: Sphinx) -> dict[str, Any]:
    # Early: html-page-context stops at the first handler that returns a template name.
    app.connect("html-page-context", _unique_scripts, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
