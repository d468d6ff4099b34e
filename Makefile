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
	$(BIN)/python -m pip install --quiet -e '.[report]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,report]'
	touch $@ $(VENV)/.installed

# cffconvert validates CITATION.cff; it pins an old jsonschema that frictionless cannot share,
# so it gets an environment of its own.
CFFCONVERT := $(VENV)/cffconvert/bin/cffconvert
$(CFFCONVERT): | $(BIN)/python
	$(PYTHON) -m venv $(VENV)/cffconvert
	$(VENV)/cffconvert/bin/python -m pip install --quiet 'cffconvert>=2.0,<3'

release-tools: $(CFFCONVERT)

build: $(VENV)/.installed
	$(BIN)/pressure-tracker build

validate: $(VENV)/.installed
	$(BIN)/pressure-tracker validate

test: $(VENV)/.installed-dev $(CFFCONVERT)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) dist
