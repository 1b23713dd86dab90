# Diabetes Reader: the two set-up commands are `make run` and `make test` (see README.md).
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test install lint check index clean package bench

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# The interface's translations (.qm), built from translations/*.ts by Qt's own pyside6-lrelease.
QM := $(patsubst %.ts,%.qm,$(wildcard translations/reader_*.ts))
translations/%.qm: translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

install: $(STAMP) $(QM)
	@tools/system-deps.sh --check $(PY)

## Start the app (the search index is built first, so the first search is instant).
run: install
	$(VENV)/bin/reader index
	$(VENV)/bin/reader

## The whole test suite, headless.
test: install
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .

## Check the bundled library (links, titles, encoding).
check: install
	$(VENV)/bin/reader check

## Frozen one-folder app, .tar.gz and .deb in dist/ (see packaging/README.md).
package: install
	$(PY) -m pip install --quiet -e '.[package]'
	$(PY) packaging/build.py

## Benchmarks against a bare Qt window, SQLite FTS5 and a naive Whoosh writer (minutes).
bench: install
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.run

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
