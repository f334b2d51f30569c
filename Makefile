# Two entry points: `make run` (the site with demo content on SQLite) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
STAMP := $(VENV)/.installed

.PHONY: setup run test bench

# Python 3.11's venv brings setuptools 65.5, which has known vulnerabilities (the CI audits
# every installed package): upgrade it with pip.
$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## setup: virtual environment, dependencies and compiled catalogues
setup: $(STAMP)
	$(FLASK) translate compile

## run: set up, build the SQLite database, load the demo content and serve on 127.0.0.1:5000
run: setup
	$(FLASK) db upgrade
	$(FLASK) demo
	$(FLASK) run --host 127.0.0.1 --port 5000

## test: set up and run the whole test suite (PostgreSQL/Redis when TEST_*_URL are set)
test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## bench: the speed benchmark (100,000 statements; BENCH_ARGS=--quick for a short run); needs wrk
bench: setup
	$(BIN)/python -m bench $(BENCH_ARGS)
