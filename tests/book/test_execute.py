"""Pages run in one process, as a kernel runs them: their values, displays, prints and figures.

The shell is one per process and sets Matplotlib's backend, so the pages run in a child
process here (as in the book's build), which reports what it saw as JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PAGE = '''---
kernelspec:
  name: python3
  display_name: Python 3
---

# A page

```{code-cell} ipython3
:tags: [remove-cell]

import os, warnings
from myst_nb import glue
glue("n_words", 42, display=False)
secret = 1
```

Text with {glue:text}`n_words`.

```{code-cell} ipython3
print("one"); print("two")
from IPython.display import Markdown, display
display(Markdown("**shown**"))
Markdown("*last*")
```

```{code-cell} ipython3
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.plot([0, 1], [1, 0])
plt.close(fig)
fig
```

```{code-cell} ipython3
warnings.warn("careful")
1 + 1;
```

```{code-cell} ipython3
os.getcwd()
```
'''

CHILD = textwrap.dedent('''
    import json, sys
    from pathlib import Path
    from analysis.book.execute import read_page, run_page, PageError
    from analysis.errors import AnalysisError, DataFileError
    page = sys.argv[1]
    folder = Path(sys.argv[2])
    out = {}
    nb = run_page(read_page(page), "a.md", folder)
    out["cells"] = [[{"type": o["output_type"], "name": o.get("name"), "text": o.get("text"),
                      "mimes": sorted(o.get("data", {})), "meta": o.get("metadata", {}),
                      "count": o.get("execution_count"),
                      "plain": o.get("data", {}).get("text/plain"),
                      "glued": o.get("data", {}).get("application/papermill.record/text/plain")}
                     for o in c.outputs] for c in nb.cells if c.cell_type == "code"]
    out["tags"] = nb.cells[1].metadata.get("tags")
    out["png"] = [o["data"]["image/png"][:8] for c in nb.cells if c.cell_type == "code"
                  for o in c.outputs if "image/png" in o.get("data", {})]
    for name, code in (("b.md", "secret"), ("c.md", "1/0"),
                       ("d.md", "from analysis.errors import DataFileError\\n"
                                "raise DataFileError('people.csv: row 3: no name')")):
        try:
            run_page(read_page("```{code-cell} ipython3\\n" + code + "\\n```\\n"), name, folder)
            out[name] = "ran"
        except AnalysisError as exc:
            out[name] = f"{type(exc).__name__}: {exc}"
    print(json.dumps(out))
''')


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("page")
    done = subprocess.run([sys.executable, "-c", CHILD, PAGE, str(folder)], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["folder"] = str(folder)
    return result


def test_a_glued_number_is_displayed_with_the_glue_metadata(ran: dict[str, object]) -> None:
    glued = ran["cells"][0]
    assert len(glued) == 1 and glued[0]["type"] == "display_data"
    assert glued[0]["meta"]["scrapbook"]["name"] == "n_words" and glued[0]["glued"] == "42"
    assert ran["tags"] == ["remove-cell"]


def test_prints_displays_and_the_value_come_in_order(ran: dict[str, object]) -> None:
    cell = ran["cells"][1]
    assert [o["type"] for o in cell] == ["stream", "display_data", "execute_result"]
    assert cell[0]["text"] == "one\ntwo\n"  # two writes, one output
    assert cell[1]["mimes"] == ["text/markdown", "text/plain"]
    assert cell[2]["count"] == 2 and cell[2]["mimes"] == ["text/markdown", "text/plain"]


def test_a_figure_is_a_png_as_a_kernel_shows_it(ran: dict[str, object]) -> None:
    cell = ran["cells"][2]
    assert [o["type"] for o in cell] == ["execute_result"]
    assert cell[0]["mimes"] == ["image/png", "text/plain"]
    assert ran["png"] == ["iVBORw0K"]  # base64 of the PNG signature


def test_a_warning_is_shown_as_stderr_and_a_semicolon_hides_the_value(
        ran: dict[str, object]) -> None:
    cell = ran["cells"][3]
    assert [(o["type"], o["name"]) for o in cell] == [("stream", "stderr")]
    assert "UserWarning: careful" in cell[0]["text"]


def test_cells_run_in_the_page_s_folder(ran: dict[str, object]) -> None:
    assert ran["cells"][4][0]["plain"] == repr(ran["folder"])


def test_each_page_starts_afresh_and_a_failing_cell_is_one_line(ran: dict[str, object]) -> None:
    assert ran["b.md"] == ("PageError: b.md: code cell 1 (cell 1) raised NameError: "
                           "name 'secret' is not defined")
    assert ran["c.md"] == ("PageError: c.md: code cell 1 (cell 1) raised ZeroDivisionError: "
                           "division by zero")
    assert ran["d.md"] == "DataFileError: people.csv: row 3: no name"
