# plantrace: the two commands of the README are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= plantrace.db

.PHONY: demo browse test quick bench bench-tables install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/plantrace ingest corpora/ --db sqlite:///$(DB)
	$(BIN)/plantrace status --db sqlite:///$(DB)

# after `make demo`: Datasette on the demo database, with the trace pages (/-/plantrace)
browse: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[datasette]"
	$(BIN)/plantrace datasette $(DB) --serve

# the suite on every core (pytest-xdist), a test file per worker; `make quick` skips the slow ones
JOBS ?= auto
test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -n $(JOBS) --dist loadfile

quick: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -n $(JOBS) --dist loadfile -m "not slow"

bench: $(VENV)/.installed-test bench-tables
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python benchmarks/bench_ocr.py

bench-tables: $(VENV)/.installed-test
	$(BIN)/python benchmarks/tables/run.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache build *.egg-info
