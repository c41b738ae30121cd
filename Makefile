# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck format bench docs install clean

# Stopping with Ctrl-C (exit 130) is a normal end of a reflection, not a make error.
run: install
	@GOEDGENOEG_VIA=make $(BIN)/goedgenoeg reflect || [ $$? -eq 130 ]

test: lint
	$(BIN)/python -m pytest

# The lint and format gate (ruff; its rules are in pyproject.toml). `make format` fixes the format.
lint: install typecheck
	$(BIN)/ruff check src tests bench docs
	$(BIN)/ruff format --check src tests bench docs

# Strict mypy (settings in pyproject.toml) on the whole package and the tests' scripted asker.
typecheck: install
	$(BIN)/mypy src/goedgenoeg tests/helpers.py

format: install
	$(BIN)/ruff format src tests bench docs

# The peers the benchmark compares with (cookiecutter, copier) live in a virtual environment of
# their own, never in the project's.
PEERS := bench/.peers
bench: install $(PEERS)/.installed
	$(BIN)/python bench/run.py

$(PEERS)/.installed:
	$(PYTHON) -m venv $(PEERS)
	$(PEERS)/bin/python -m pip install --quiet cookiecutter copier
	touch $@

# Regenerate what the tool produces: the coverage table in docs/content.md, the help of every command in README.md.
docs: install
	$(BIN)/python docs/update.py

install: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever the code, the prompt libraries or the packaging change.
# A regular (not editable) install, so the bundled prompts are found exactly as a user finds them.
$(STAMP): $(BIN)/python pyproject.toml $(shell find src prompts -type f 2>/dev/null)
	$(BIN)/python -m pip install --quiet ".[test]"
	$(BIN)/python -m pip install --quiet --no-deps --force-reinstall .
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist
