# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# One stamp per level: the tool alone (what `make run` needs), and the test tools beside it
# (pytest, mypy, ruff, hypothesis, pexpect: what `make test` needs, some 230 MB a new user of
# `make run` does not download).
STAMP := $(VENV)/.installed-tool
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint typecheck format bench docs install install-test clean

# Stopping with Ctrl-C (exit 130) is a normal end of a reflection, not a make error.
run: install
	@GOEDGENOEG_VIA=make $(BIN)/goedgenoeg reflect || [ $$? -eq 130 ]

test: lint
	$(BIN)/python -m pytest

# The lint and format gate (ruff; its rules are in pyproject.toml). `make format` fixes the format.
lint: install-test typecheck
	$(BIN)/ruff check src tests bench docs
	$(BIN)/ruff format --check src tests bench docs

# Strict mypy (settings in pyproject.toml) on the whole package and the tests' scripted asker.
typecheck: install-test
	$(BIN)/mypy src/goedgenoeg tests/helpers.py

format: install-test
	$(BIN)/ruff format src tests bench docs

# The peers the benchmark compares with (cookiecutter, copier) live in a virtual environment of
# their own, never in the project's.
PEERS := bench/.peers
bench: install-test $(PEERS)/.installed
	$(BIN)/python bench/run.py

$(PEERS)/.installed:
	$(PYTHON) -m venv $(PEERS)
	$(PEERS)/bin/python -m pip install --quiet cookiecutter copier
	touch $@

# Regenerate what the tool produces: the coverage table in docs/content.md, the help of every
# command (Dutch and English) in docs/cli.md.
docs: install
	$(BIN)/python docs/update.py

install: $(STAMP)

install-test: $(TEST_STAMP) $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever the code, the prompt libraries or the packaging change.
# A regular (not editable) install, so the bundled prompts are found exactly as a user finds them.
$(STAMP): $(BIN)/python pyproject.toml $(shell find src prompts -type f 2>/dev/null)
	$(BIN)/python -m pip install --quiet .
	$(BIN)/python -m pip install --quiet --no-deps --force-reinstall .
	touch $(STAMP)

# The test extras, again whenever the packaging changes (a fresh clone's `make test` gets them all).
$(TEST_STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet ".[test]"
	touch $(TEST_STAMP)

clean:
	rm -rf $(VENV) build dist
