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

# Strict mypy (settings in pyproject.toml) on the modules made strict-clean so far. The list grows
# until it is the whole package (issue 14); a module on it stays clean. The tests' scripted asker
# is checked too, against the Asker protocol it implements.
TYPED := __init__ __main__ config cache session document privacy coverage console files migrate preview hints \
	sanitize texts overview helptext writers/__init__ writers/markdown writers/html writers/word \
	vocab values models answers walk record reflect reflection privacy_review followup meeting answers_file record_file signals interactive \
	ask questions pages
typecheck: install
	$(BIN)/mypy $(TYPED:%=src/goedgenoeg/%.py) tests/helpers.py

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
