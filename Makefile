# Two commands a newcomer needs (README): `make` builds the site, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements-lock.txt | cksum | cut -d' ' -f1)

.PHONY: all setup execute site test lint new-notebook lab benchmark clean

all: execute site

setup: $(STAMP)

$(STAMP): pyproject.toml requirements-lock.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements-lock.txt -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

# Re-execute every notebook in place (parallel); unchanged inputs give unchanged files.
# One notebook only: `make execute NB=notebooks/01_trade.ipynb`.
execute: setup
	$(PY) -m helpers execute $(NB)

# Render the committed, executed notebooks to site/ (use `make execute site` to re-run first),
# refreshing the README's findings index from them.
site: setup
	$(PY) -m helpers findings
	$(PY) -m helpers site

test: setup
	$(PY) -m ruff check .
	$(PY) -m pytest -n 2

new-notebook: setup
	@test -n "$(NAME)" || (echo "usage: make new-notebook NAME=my_topic" && exit 2)
	$(PY) -m helpers new "$(NAME)"

# JupyterLab on the project's own environment: its `Python 3 (ipykernel)` kernel imports helpers.
lab: setup
	$(PY) -m jupyterlab --ServerApp.root_dir=.

benchmark: setup
	$(PY) benchmarks/run_benchmarks.py

clean:
	rm -rf site .cache
