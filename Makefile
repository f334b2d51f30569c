# Two entry points: `make run` (the site with demo content on SQLite) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
STAMP := $(VENV)/.installed
# The port `make run` serves on: `make run PORT=5001`.
PORT ?= 5000
# How many processes run the tests (pytest-xdist): one per core; 0 runs them in one process.
TEST_PROCESSES ?= $(shell $(PYTHON) -c "import os; print(len(os.sched_getaffinity(0)))")
# One line per step, so a first run that takes minutes says what it is doing.
STEP := printf '\n==> %s\n'

.PHONY: setup port-free run test bench

# Python 3.11's venv brings setuptools 65.5, which has known vulnerabilities (the CI audits
# every installed package): upgrade it with pip.
$(STAMP): pyproject.toml Makefile
	@$(STEP) "Creating the virtual environment in $(VENV)/"
	$(PYTHON) -m venv $(VENV)
	@$(STEP) "Upgrading pip and setuptools"
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools
	@$(STEP) "Installing Pressroom and its dependencies (a few minutes the first time)"
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## setup: virtual environment, dependencies and compiled catalogues
setup: $(STAMP)
	@$(STEP) "Compiling the message catalogues"
	$(FLASK) translate compile

## port-free: stop early, with advice, when something already serves on $(PORT)
port-free:
	@$(STEP) "Checking that port $(PORT) is free"
	@$(PYTHON) tools/check_port.py '$(PORT)'

## run: set up, build the SQLite database, load the demo content and serve on 127.0.0.1:$(PORT)
# The port is checked before the set-up, which takes minutes on a fresh clone.
run: port-free setup
	@$(STEP) "Building the SQLite database in instance/ (flask db upgrade)"
	$(FLASK) db upgrade
	@$(STEP) "Loading the demo content (flask demo)"
	$(FLASK) demo
	@$(STEP) "Serving http://127.0.0.1:$(PORT)/ (Ctrl+C stops; make run PORT=… for another port)"
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

## test: set up and run the whole test suite (PostgreSQL/Redis when TEST_*_URL are set), in
## one process per core; `make test TEST_PROCESSES=0` runs it in this process alone
test: setup
	$(BIN)/python -m pytest -n $(TEST_PROCESSES) --dist worksteal $(PYTEST_ARGS)

## bench: the speed benchmark (100,000 statements; BENCH_ARGS=--quick for a short run); needs wrk
bench: setup
	$(BIN)/python -m bench $(BENCH_ARGS)
