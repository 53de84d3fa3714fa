# The commands README.md names. `make demo` and `make test` set everything up on a fresh machine.
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: setup demo test lint serve bench eval

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

MODEL := classifiers/textcat/model/thresholds.json

# the sentence model is trained here, not downloaded: rebuilt when its data or recipe changes
$(MODEL): $(BIN)/.installed devset/*.jsonl classifiers/textcat/config.cfg classifiers/textcat/train.py
	$(BIN)/proofstage train

setup: $(BIN)/.installed $(MODEL)

demo: setup
	$(BIN)/proofstage demo

test: setup lint
	$(BIN)/pytest -q -n 2

lint: setup
	$(BIN)/ruff check .

serve: setup
	$(BIN)/proofstage serve

bench: setup
	$(BIN)/python -m bench.classify

eval: setup
	$(BIN)/proofstage eval devset
