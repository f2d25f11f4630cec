# newsfacts: two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
# The pkuseg model lives outside the repository; override with NEWSFACTS_MODEL_DIR.
MODEL_DIR ?= $(or $(NEWSFACTS_MODEL_DIR),$(HOME)/.cache/newsfacts/pkuseg)
STAMP  := $(VENV)/.installed

.PHONY: setup run test test-deps schemas bench clean model pkuseg-model bytecode

setup: $(STAMP) pkuseg-model bytecode

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip setuptools wheel numpy
	$(PIP) install -q -e '.[test,ray]'
	touch $(STAMP)

pkuseg-model: $(STAMP)
	NEWSFACTS_MODEL_DIR=$(MODEL_DIR) $(PY) -m extract.model fetch

# Our modules' bytecode, written once: where PYTHONDONTWRITEBYTECODE is set (as in some shells and
# CI images) every start would otherwise compile about 50 modules again (~0.1 s of start-up).
bytecode: $(STAMP)
	$(PY) -m compileall -q extract schemas

# Retrain the recogniser (extract/data/models/ner/): convert the corpora, spacy train, package,
# measure. Minutes to an hour of CPU; never part of setup, test or CI.
model: $(STAMP)
	NEWSFACTS_MODEL_DIR=$(MODEL_DIR) bash training/train.sh

run: setup
	mkdir -p out
	NEWSFACTS_MODEL_DIR=$(MODEL_DIR) $(PY) -m extract extract fixtures/seeds -o out/facts.jsonl
	NEWSFACTS_MODEL_DIR=$(MODEL_DIR) $(PY) -m extract check out/facts.jsonl -o out/conflicts.jsonl \
		--groups out/groups.jsonl --html out/report.html
	$(PY) -m extract load out/facts.jsonl out/conflicts.jsonl out/groups.jsonl --db sqlite:///out/facts.db

# Test-only system packages (Debian's chromium for the report's browser test).
test-deps:
	bash scripts/ensure_chromium.sh
	bash scripts/ensure_postgres.sh

# Regenerate the JSON Schemas in schemas/json/ from the pydantic models.
schemas: $(STAMP)
	$(PY) -m extract.schema_export

test: setup test-deps
	NEWSFACTS_MODEL_DIR=$(MODEL_DIR) $(PY) -m pytest

bench: setup
	NEWSFACTS_MODEL_DIR=$(MODEL_DIR) $(PY) bench/bench_extract.py

clean:
	rm -rf $(VENV) out
