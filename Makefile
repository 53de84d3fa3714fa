# The commands README.md names. `make demo` and `make test` set everything up on a fresh machine.
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: setup demo test lint serve bench

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

setup: $(BIN)/.installed

demo: setup
	$(BIN)/proofstage demo

test: setup lint
	$(BIN)/pytest -q -n 2

lint: setup
	$(BIN)/ruff check .

serve: setup
	$(BIN)/proofstage serve

bench: setup
	$(BIN)/python bench/classify.py
