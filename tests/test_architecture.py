"""The package's layers: a module imports only from its own layer or the layers below.

Lowest first:

0. ``analysis.errors``, ``analysis.stats``, ``analysis.style``, ``analysis.schema``:
   what every analysis shares;
1. ``analysis.text``: the chapter;
2. ``analysis.themes``, ``analysis.people``, ``analysis.sentiment``: the three
   analyses, which do not import each other;
3. ``analysis.synthesis``: what crosses them;
4. ``analysis.datafiles``, ``analysis.results``, ``analysis.export``,
   ``analysis.cli``, ``analysis.__main__``, ``analysis.reading_view``,
   ``analysis.pages``, ``analysis.book``: the data files, the computed tables,
   and the ways out (the exports, the command line, the books and their pages).

Every module under ``analysis/`` is parsed with :mod:`ast`; every import in it,
at module level or inside a function, of an ``analysis`` module is checked.
The package's own ``__init__`` re-exports ``Chapter`` and ``load_chapter`` (which
reads the data files), so it sits on layer 4: no module of the package imports it.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "analysis"

#: Module (or package) name -> its layer; a module belongs to the longest name it starts with
#: (``analysis`` itself is the package's ``__init__`` only: a new subpackage needs its own entry).
LAYERS: dict[str, int] = {
    "analysis.errors": 0, "analysis.stats": 0, "analysis.style": 0, "analysis.schema": 0,
    "analysis.readers": 0,
    "analysis": 4, "analysis.text": 1,
    "analysis.themes": 2, "analysis.people": 2, "analysis.sentiment": 2, "analysis.timeline": 2,
    "analysis.synthesis": 3,
    "analysis.reading_view": 4,  # the chapter with every analysis laid on it, for the book
    "analysis.datafiles": 4, "analysis.results": 4, "analysis.export": 4, "analysis.cli": 4,
    "analysis.formats": 4,  # the export's files in the field's standards
    "analysis.__main__": 4,
    "analysis.pages": 4,  # what each page of a book shows
    "analysis.book": 4,  # a book for any text
    "analysis.corpus": 4,  # a corpus of texts, compared and exported together
}

#: The layer whose packages must not import each other.
SIBLINGS = 2

#: No module may be longer than this (a longer one does more than one thing).
MAX_LINES = 420


@dataclass(frozen=True)
class Violation:
    """One import of a higher layer (or of a sibling analysis)."""

    path: str
    line: int
    module: str
    imported: str
    why: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.module} imports {self.imported} ({self.why})"


def module_name(path: Path, root: Path = PACKAGE) -> str:
    """``analysis/themes/hits.py`` -> ``analysis.themes.hits``; a package's ``__init__`` -> it."""
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(name: str) -> tuple[str, int] | None:
    """The entry of :data:`LAYERS` a module name belongs to, or ``None`` (not the package's)."""
    matches = [key for key in LAYERS if name == key
               or (key != PACKAGE.name and name.startswith(key + "."))]  # the root: itself only
    if not matches:
        return None
    key = max(matches, key=len)
    return key, LAYERS[key]


def _is_module(name: str, root: Path = PACKAGE) -> bool:
    """Whether ``analysis.x.y`` is a module or package under ``root``."""
    rel = Path(*name.split(".")[1:]) if "." in name else Path()
    return (root / rel).with_suffix(".py").is_file() or (root / rel / "__init__.py").is_file()


def _root_exports(root: Path = PACKAGE) -> dict[str, str]:
    """Names the package's ``__init__`` imports (at any level) -> the module they come from."""
    init = root / "__init__.py"
    if not init.is_file():
        return {}
    out: dict[str, str] = {}
    for node in ast.walk(ast.parse(init.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                out[alias.asname or alias.name] = node.module
    return out


def imported_modules(node: ast.AST, importer: str, is_package: bool,
                     root: Path = PACKAGE) -> list[str]:
    """The ``analysis`` modules an ``import`` or ``from ... import`` statement brings in."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.split(".")[0] == root.name]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level:  # relative: resolved against the importer's package
        base = importer.split(".") if is_package else importer.split(".")[:-1]
        base = base[:len(base) - node.level + 1]
        module = ".".join([*base, *([node.module] if node.module else [])])
    else:
        module = node.module or ""
    if module.split(".")[0] != root.name:
        return []
    out = []
    exports = _root_exports(root) if module == root.name else {}
    for alias in node.names:
        sub = f"{module}.{alias.name}"
        if _is_module(sub, root):        # from analysis.text import segment
            out.append(sub)
        elif alias.name in exports:     # from analysis import DataFileError
            out.append(exports[alias.name])
        else:                           # from analysis.text import Chapter
            out.append(module)
    return out


def violations(source: str, importer: str, path: str = "<string>", is_package: bool = False,
               root: Path = PACKAGE) -> list[Violation]:
    """Every import in ``source`` (module ``importer``) that breaks the layering."""
    own = layer_of(importer)
    if own is None:
        return [Violation(path, 1, importer, "-", "the module has no layer: add it to LAYERS")]
    own_key, own_layer = own
    found = []
    for node in ast.walk(ast.parse(source)):
        for name in imported_modules(node, importer, is_package, root):
            other = layer_of(name)
            if other is None:
                found.append(Violation(path, node.lineno, importer, name, "no such layer"))
                continue
            key, layer = other
            if layer > own_layer:
                found.append(Violation(path, node.lineno, importer, name,
                                       f"layer {own_layer} imports layer {layer}"))
            elif layer == own_layer == SIBLINGS and key != own_key:
                found.append(Violation(path, node.lineno, importer, name,
                                       f"{own_key} and {key} are sibling analyses"))
    return found


def modules(root: Path = PACKAGE) -> list[Path]:
    """Every Python module of the package."""
    return sorted(root.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    lost = [module_name(p) for p in modules() if layer_of(module_name(p)) is None]
    assert not lost, f"modules outside every layer: {', '.join(lost)}"


def test_no_layer_imports_a_higher_one() -> None:
    found = []
    for path in modules():
        found += violations(path.read_text(encoding="utf-8"), module_name(path),
                            str(path.relative_to(PACKAGE.parent)), path.name == "__init__.py")
    assert not found, "imports against the layers:\n" + "\n".join(map(str, found))


def too_long(root: Path = PACKAGE, limit: int = MAX_LINES) -> dict[str, int]:
    """The modules of more than ``limit`` lines -> their number of lines."""
    sizes = {str(p.relative_to(root.parent)): len(p.read_text(encoding="utf-8").splitlines())
             for p in modules(root)}
    return {p: n for p, n in sorted(sizes.items()) if n > limit}


def test_no_module_is_longer_than_the_limit() -> None:
    over = too_long()
    assert not over, f"modules over {MAX_LINES} lines: " + ", ".join(
        f"{p} ({n})" for p, n in over.items())


# --- the check itself catches what it must ---------------------------------------------------

@pytest.mark.parametrize(("importer", "source", "imported", "line"), [
    # a function-level import is found too
    ("analysis.text.chapter", "import re\n\ndef f():\n    from analysis.export import export\n",
     "analysis.export", 4),
    ("analysis.stats", "from analysis.text import Chapter\n", "analysis.text", 1),
    ("analysis.stats", "import analysis.themes.hits\n", "analysis.themes.hits", 1),
    ("analysis.themes.hits", "from analysis.people import mentions\n",
     "analysis.people.mentions", 1),  # a submodule of the package
    ("analysis.people.mentions", "from analysis import sentiment\n", "analysis.sentiment", 1),
    ("analysis.sentiment.arc", "from analysis.synthesis.tone import dominant_theme\n",
     "analysis.synthesis.tone", 1),
    ("analysis.synthesis.tone", "if True:\n    from analysis.results import Analyses\n",
     "analysis.results", 2),
    ("analysis.themes.hits", "from ..people import build_network\n", "analysis.people", 1),
    ("analysis.errors", "from analysis import Chapter\n", "analysis.text.chapter", 1),
])
def test_the_check_finds_an_import_against_the_layers(importer: str, source: str,
                                                      imported: str, line: int) -> None:
    found = violations(source, importer, "x.py")
    assert [(v.imported, v.line) for v in found] == [(imported, line)]
    assert str(found[0]).startswith(f"x.py:{line}: {importer} imports {imported} (")


@pytest.mark.parametrize(("importer", "source"), [
    ("analysis.synthesis.tone", "from analysis import stats\nfrom analysis.people import labels\n"),
    ("analysis.themes.scoring", "from analysis.themes.hits import theme_hits\n"
                                "from analysis.text import Chapter\nimport numpy\n"),
    ("analysis.results", "from analysis import people, sentiment, themes\n"),
    ("analysis.cli", "def main():\n    from analysis.export import export\n"),
    ("analysis.text.chapter", "from analysis import DataFileError\nfrom . import segment\n"),
])
def test_the_check_allows_imports_along_the_layers(importer: str, source: str) -> None:
    assert violations(source, importer) == []


def test_a_new_subpackage_needs_a_layer() -> None:
    assert layer_of("analysis.newthing.module") is None
    assert layer_of("analysis") == ("analysis", 4)
    assert layer_of("analysis.themes.hits") == ("analysis.themes", 2)
    found = violations("import pandas\n", "analysis.newthing.module", "x.py")
    assert [v.why for v in found] == ["the module has no layer: add it to LAYERS"]
    found = violations("from analysis.newthing import x\n", "analysis.results", "x.py")
    assert [v.why for v in found] == ["no such layer"]


def test_the_line_count_finds_a_long_module(tmp_path: Path) -> None:
    root = tmp_path / "analysis"
    (root / "sub").mkdir(parents=True)
    (root / "short.py").write_text("x = 1\n" * MAX_LINES, encoding="utf-8")
    (root / "sub" / "long.py").write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    assert too_long(root) == {str(Path("analysis", "sub", "long.py")): MAX_LINES + 1}
