"""The documentation says what the code is: modules, layers, data files, commands and the version.

- ``ARCHITECTURE.md``: every module it names exists, every subpackage of
  ``analysis`` is named there, its layer table gives each part the layer
  ``tests/test_architecture.py`` enforces, its data-file table names every data
  file;
- ``book/api.md``: it documents every module of the package, and no module
  that does not exist or fails to import;
- a ``#:`` comment (an attribute's documentation) never opens with ``words:``,
  which Sphinx's Napoleon reads as the attribute's type;
- ``README.md``: every command and option of the command line, every data file;
  ``book/extending.md``: every data file and every column of the register;
- the version typed in the book, the README, the licence and ``CITATION.cff``
  is ``pyproject.toml``'s.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import importlib.util
import pkgutil
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

import analysis
from analysis.cli import build_parser
from analysis.corpus.witnesses import CORPUS_FILE
from analysis.datafiles import ANNOTATION_SETS, FILE_NAMES, SPAN_SETS
from analysis.people.register import REGISTER

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "analysis"


def read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def package_modules() -> list[str]:
    """Every module and package of ``analysis`` but ``__main__`` (which runs the command line)."""
    found = [info.name for info in pkgutil.walk_packages(analysis.__path__, "analysis.")]
    return sorted(n for n in found if not n.endswith(".__main__"))


def subpackages() -> list[str]:
    """The subpackages of ``analysis`` (folders with an ``__init__.py``), one level down."""
    return sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))


def top_level() -> list[str]:
    """The names of ``analysis``'s own modules and subpackages (``text``, ``results`` …)."""
    modules = [p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"]
    return sorted({*modules, *subpackages()})


def resolves(dotted: str) -> bool:
    """Whether ``analysis.x.y`` is a module, or an attribute (a dataclass field too) of one."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        name = ".".join(parts[:cut])
        if not _is_module(name):
            continue
        obj: object = importlib.import_module(name)
        for attr in parts[cut:]:
            fields = getattr(obj, "__dataclass_fields__", {})
            if hasattr(obj, attr):
                obj = getattr(obj, attr)
            elif attr in fields:
                obj = fields[attr]
            else:
                return False
        return True
    return False


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


# --- ARCHITECTURE.md -------------------------------------------------------------------------

def layer_table(text: str) -> dict[str, tuple[int, list[str]]]:
    """The layer table's parts: top-level name (``text``, ``results``) -> (layer, its modules).

    A cell names a module as `` `results` `` and a package as `` `text/` `` followed by its
    modules in parentheses: `` `text/` (`source`, `layout`) ``.
    """
    rows = re.findall(r"^\| (\d)\. [^|]+\| ([^|]+) \|", text, re.M)
    parts: dict[str, tuple[int, list[str]]] = {}
    for layer, cell in rows:
        depth, package = 0, None
        for token in re.finditer(r"`([\w/]+)`|(\()|(\))", cell):
            name, opening, closing = token.groups()
            if opening:
                depth += 1
            elif closing:
                depth -= 1
            elif depth == 0:
                package = name.rstrip("/") if name.endswith("/") else None
                parts[name.rstrip("/")] = (int(layer), [])
            elif package is not None:
                parts[package][1].append(name.rstrip("/"))
    return parts


#: The endings of file names, which are not modules (`people.csv`, `witnesses.toml`).
FILE_SUFFIXES = frozenset("csv toml txt md py json jsonld xml gexf ipynb yml cff html".split())


def named_in(text: str) -> list[str]:
    """Every dotted name of the package in backquotes (``analysis.text.source``,
    ``people.register.REGISTER``: a name beginning with a part of the package), with ``analysis.``."""
    tops = set(top_level())
    found = set()
    for token in re.findall(r"`([A-Za-z_][\w.]*)(?:\([^`]*\))?`", text):
        parts = token.split(".")
        if parts[-1] in FILE_SUFFIXES:  # a file name (`people.csv`), not a module
            continue
        if parts[0] == "analysis" and len(parts) > 1:
            found.add(token)
        elif parts[0] in tops and len(parts) > 1:
            found.add(f"analysis.{token}")
    return sorted(found)


@pytest.fixture(scope="module")
def architecture() -> str:
    return read("ARCHITECTURE.md")


def test_every_module_named_in_architecture_exists(architecture: str) -> None:
    names = named_in(architecture)
    assert len(names) > 50
    assert [n for n in names if not resolves(n)] == []
    missing = []
    for part, (_, modules) in layer_table(architecture).items():
        if not _is_module(f"analysis.{part}"):
            missing.append(part)
        missing += [f"{part}.{m}" for m in modules if not _is_module(f"analysis.{part}.{m}")]
    assert missing == []


def test_every_subpackage_and_module_of_analysis_is_in_the_layer_table(architecture: str) -> None:
    table = layer_table(architecture)
    assert [name for name in top_level() if name not in table] == []
    for package in subpackages():
        inside = sorted({p.stem if p.suffix else p.name
                         for p in (PACKAGE / package).iterdir()
                         if (p.suffix == ".py" and p.stem != "__init__")
                         or (p / "__init__.py").is_file()})
        assert sorted(table[package][1]) == inside, package


def test_the_layer_table_gives_the_layers_the_architecture_test_enforces(architecture: str) -> None:
    spec = importlib.util.spec_from_file_location("layers", ROOT / "tests" / "test_architecture.py")
    module: ModuleType = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    table = layer_table(architecture)
    assert {name: layer for name, (layer, _) in table.items()} == {
        name: module.layer_of(f"analysis.{name}")[1] for name in table}


def test_the_architecture_names_every_data_file(architecture: str) -> None:
    names = {*FILE_NAMES.values(), *SPAN_SETS.values(), CORPUS_FILE,
             *(n for files in ANNOTATION_SETS.values() for n in files.values())}
    assert [n for n in sorted(names) if f"`{n}`" not in architecture
            and f"`annotations/{n}`" not in architecture] == []


def test_the_checks_find_what_they_must() -> None:
    table = layer_table("| 1. text | `text/` (`source`, `nothing`), `results` (all) | x |\n")
    assert table == {"text": (1, ["source", "nothing"]), "results": (1, [])}
    assert named_in("`people.register.REGISTER` and `analysis.nowhere.x` and `chapter.words`") == [
        "analysis.nowhere.x", "analysis.people.register.REGISTER"]
    assert resolves("analysis.people.register.REGISTER")
    assert resolves("analysis.results.Analyses.missing")  # a dataclass field
    assert not resolves("analysis.nowhere.x") and not resolves("analysis.results.nothing")


# --- the API reference -------------------------------------------------------------------------

def documented() -> list[str]:
    return re.findall(r"^\.\. automodule:: (\S+)", read("book/api.md"), re.M)


def test_the_api_reference_documents_every_module_once() -> None:
    pages = documented()
    assert sorted(set(pages)) == sorted(pages), "a module documented twice"
    assert sorted(set(package_modules()) - set(pages)) == [], "modules not in book/api.md"
    assert sorted(set(pages) - set(package_modules()) - {"analysis"}) == [], (
        "book/api.md documents modules that do not exist")
    assert "analysis" in pages


def test_every_module_the_api_reference_documents_imports() -> None:
    failed = []
    for name in documented():
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 (any failure is the finding)
            failed.append(f"{name}: {type(exc).__name__}: {exc}")
    assert failed == []


#: The decorators that make a method an attribute, whose docstring Napoleon reads as one.
PROPERTIES = frozenset({"property", "cached_property", "functools.cached_property"})


def colon_comments(root: Path = PACKAGE) -> list[str]:
    """``#:`` comments and property docstrings whose first line has a colon outside code:
    Napoleon takes what comes before it for the attribute's type (a nitpicky build then fails
    on it)."""
    from sphinx.ext.napoleon.docstring import _single_colon_regex, _xref_or_code_regex

    def typed(first: str) -> bool:
        return any(_single_colon_regex.search(piece)
                   for piece in _xref_or_code_regex.split(first)[0::2])

    found = []
    for path in sorted(root.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        where = path.relative_to(root.parent)
        for i, line in enumerate(lines):
            text = line.strip()
            if not text.startswith("#: ") or (i and lines[i - 1].strip().startswith("#:")):
                continue
            if typed(text[3:]):
                found.append(f"{where}:{i + 1}: {text[:60]}")
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.FunctionDef) or not PROPERTIES & {
                    ast.unparse(d) for d in node.decorator_list}:
                continue
            doc = (ast.get_docstring(node) or "").strip()
            if doc and typed(doc.splitlines()[0]):
                found.append(f"{where}:{node.lineno}: {node.name}: {doc[:50]}")
    return found


MODULE_WITH_TYPES = '''\
#: The scale: 1 to 3.
A = 1
#: The scale (1 to 3).
B = 1
#: See ``a: b`` and :data:`A`.
C = 1
class K:
    @property
    def x(self):
        """The x: a number."""
    def y(self):
        """The y: a number, a method."""
'''


def test_no_attribute_comment_opens_with_what_napoleon_reads_as_a_type(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(MODULE_WITH_TYPES, encoding="utf-8")
    assert colon_comments(tmp_path) == [f"{tmp_path.name}/m.py:1: #: The scale: 1 to 3.",
                                        f"{tmp_path.name}/m.py:9: x: The x: a number."]
    assert colon_comments() == []


# --- README.md and the extending page ----------------------------------------------------------

def commands() -> dict[str, list[str]]:
    """Each command of ``python -m analysis`` -> its options (``--text`` …) and arguments."""
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    out = {}
    for name, command in sub.choices.items():
        out[name] = [a.option_strings[0] if a.option_strings else a.metavar
                     for a in command._actions if not isinstance(a, argparse._HelpAction)]
    return out


def test_the_readme_describes_every_command_and_option() -> None:
    readme = read("README.md")
    found = commands()
    assert sorted(found) == ["book", "draft-register", "export", "export-corpus"]
    for name, options in found.items():
        usage = re.search(rf"python -m analysis {name} (.*)", readme)
        assert usage, f"README.md: no usage line of {name}"
        assert [o for o in options if o not in usage.group(1)] == [], name


@pytest.mark.parametrize("page", ["README.md", "book/extending.md"])
def test_every_data_file_is_named(page: str) -> None:
    text = read(page)
    names = {*FILE_NAMES.values(), *(n for files in ANNOTATION_SETS.values()
                                      for n in files.values())}
    if page == "README.md":
        names |= {*SPAN_SETS.values(), CORPUS_FILE}
    assert sorted(n for n in names if f"`{n}`" not in text) == []


def test_the_extending_page_names_every_column_of_the_register() -> None:
    text = read("book/extending.md")
    register = text[text.index("### `people.csv`"):text.index("### `shared_names.csv`")]
    assert [n for n in REGISTER.names if f"`{n}`" not in register] == []


# --- the version ---------------------------------------------------------------------------

def version() -> str:
    return tomllib.loads(read("pyproject.toml"))["project"]["version"]


@pytest.mark.parametrize("name, pattern", [
    ("book/intro.md", r"version (\d+\.\d+\.\d+)"),
    ("README.md", r"version (\d+\.\d+\.\d+)"),
    ("LICENSE-content.md", r"version (\d+\.\d+\.\d+)"),
    ("CITATION.cff", r"^version: (\S+)$"),
])
def test_every_version_typed_is_the_package_version(name: str, pattern: str) -> None:
    typed = re.findall(pattern, read(name), re.M)
    assert typed, f"{name}: no version found"
    assert set(typed) == {version()}, name
