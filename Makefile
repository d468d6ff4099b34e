# The README's two commands: `make build` and `make test`. Each creates .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: build test validate release-tools clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files re-install when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[report,browse]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,report,browse]'
	touch $@ $(VENV)/.installed

# cffconvert validates CITATION.cff; it pins an old jsonschema that frictionless cannot share,
# so it gets an environment of its own.
CFFCONVERT := $(VENV)/cffconvert/bin/cffconvert
$(CFFCONVERT): | $(BIN)/python
	$(PYTHON) -m venv $(VENV)/cffconvert
	$(VENV)/cffconvert/bin/python -m pip install --quiet 'cffconvert>=2.0,<3'

release-tools: $(CFFCONVERT)

# The Frictionless JavaScript reader, for the test that reads the package as a JavaScript user would.
# It needs Node.js and npm (.ci/run installs them when missing); the test fails without them.
JS_READER := tests/js/node_modules/.package-lock.json
$(JS_READER): tests/js/package.json tests/js/package-lock.json
	npm ci --prefix tests/js --no-audit --no-fund --silent

# The oldest DuckDB that pyproject.toml allows, to test that it opens the release's .duckdb file.
DUCKDB_MIN := $(VENV)/duckdb-min/bin/python
$(DUCKDB_MIN): | $(BIN)/python
	$(PYTHON) -m venv $(VENV)/duckdb-min
	$(VENV)/duckdb-min/bin/python -m pip install --quiet 'duckdb==1.3.2'

build: $(VENV)/.installed
	$(BIN)/pressure-tracker build

validate: $(VENV)/.installed
	$(BIN)/pressure-tracker validate

test: $(VENV)/.installed-dev $(CFFCONVERT) $(JS_READER) $(DUCKDB_MIN)
	$(BIN)/python -m pytest -n 2 --dist worksteal

clean:
	rm -rf $(VENV) dist
