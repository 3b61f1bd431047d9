# Two commands do everything from a fresh clone: `make book` and `make test`.
# PYTHON is the interpreter that creates .venv: Python 3.11, 3.12 or 3.13 (make book PYTHON=python3.13).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: book test notebooks lab export bench lock clean

# Say in one line, before anything is installed, when PYTHON is not a Python the lock was made for.
CHECK_PYTHON := import sys; v = sys.version_info[:2]; \
	sys.exit(None if (3, 11) <= v < (3, 14) else "$(PYTHON) is Python %d.%d; this project needs Python 3.11, 3.12 or 3.13: make $(MAKECMDGOALS) PYTHON=python3.X" % v)

# Create the virtual environment and install the pinned dependencies.
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c '$(CHECK_PYTHON)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

CACHE      := _build/.jupyter_cache
BUILT_WITH := _build/.built-with-package

## book: build the HTML book into _build/html (warnings are errors), executing the notebooks
## whose code changed; every notebook runs again when the package, its data or the seed changed
book: $(STAMP)
	@if [ -f $(BUILT_WITH) ] && [ -n "$$(find analysis seeds -type f -not -path '*/__pycache__/*' -newer $(BUILT_WITH) -print -quit)" ]; then \
		echo "the package or its data changed: every notebook runs again"; rm -rf $(CACHE); fi
	$(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going
	@touch $(BUILT_WITH)

## test: unit, property and doc tests, and nbval on every notebook in book/ (on two processes;
## the tests of one file run together)
test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile

## notebooks: re-execute the notebooks in place, storing fresh outputs (after changing code)
notebooks: $(STAMP)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace book/*.ipynb

## lab: open the book's notebooks (book/) in JupyterLab; the notebooks' kernel, python3, is the
## interpreter of .venv, where the package is installed (JUPYTER_PREFER_ENV_PATH puts .venv's
## kernel before any python3 kernel of the user's). Options go in LAB_ARGS, e.g.
## make lab LAB_ARGS="--no-browser --port=8890". JupyterLab refuses to run as root (a container's
## user) unless told to: as root, make lab tells it.
LAB_ARGS ?=
lab: $(STAMP)
	JUPYTER_PREFER_ENV_PATH=1 $(BIN)/jupyter-lab --ServerApp.root_dir=book \
		$(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

## export: write the analysis tables into export/
export: $(STAMP)
	$(BIN)/python -m analysis export export

## bench: time every stage at 1, 20 and 100 times the chapter, against VADER and NLTK baselines
bench: $(STAMP)
	$(BIN)/python benchmarks/pipeline.py
	$(BIN)/python benchmarks/corpus.py
	$(BIN)/python benchmarks/book.py

## lock: regenerate requirements.lock from pyproject.toml in a clean environment. Make it with the
## oldest Python supported (3.11), so that no pin drops it, then check it on 3.12 and 3.13 in a
## fresh clone (make book PYTHON=python3.13 && make test)
lock:
	@$(PYTHON) -c '$(CHECK_PYTHON)'
	rm -rf .lockenv
	$(PYTHON) -m venv .lockenv
	.lockenv/bin/python -m pip install --quiet -e '.[book,test]'
	.lockenv/bin/python -m pip freeze --exclude-editable | grep -v '^-e' > requirements.lock
	rm -rf .lockenv

clean:
	rm -rf _build .venv
