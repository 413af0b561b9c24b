# Two commands for a fresh machine with Python 3.11+: `make run` and `make test`.
# Both create .venv on first use and reinstall only when a requirements file changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# Only this machine can reach the dashboard unless ADDRESS says otherwise (e.g. make run ADDRESS=0.0.0.0).
ADDRESS ?= 127.0.0.1

.PHONY: run test lint typecheck pytest reference vendor bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@

# `geo prepare` builds the derived caches (sites frame, geocoder indexes) the first visit reads; seconds once,
# then only a check. If it fails, the dashboard still starts and says what is wrong.
run: $(VENV)/.runtime
	-$(BIN)/python -m geo prepare
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.address $(ADDRESS)

test: $(VENV)/.dev lint typecheck pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(VENV)/.dev
	$(BIN)/mypy

# One worker per core: much of the suite waits on Chromium, Streamlit servers and child processes, so two
# workers on CI's two cores take about two thirds of the time of one. A file stays on one worker (its
# module-scoped servers start once), the browser tests share one worker and so do the store tests (their one
# PostgreSQL database): tests/conftest.py's scheduler; each worker has its own DRILLMAP_HOME.
pytest: $(VENV)/.dev
	$(BIN)/python -m pytest -n auto

# Rebuild data/ from ../shared/data (see data/README.md).
reference: $(VENV)/.runtime
	$(BIN)/python -m geo.reference.build

# Regenerate static/vendor from pinned npm packages (needs npm; see static/README.md).
vendor:
	bash scripts/vendor_assets.sh

# Each bench prints its own table and writes its summary rows to a temporary folder (bench/results.py);
# bench/summary.py then prints them all as one table. A bench that fails does not stop the others.
BENCHES := map_payload snapshot ingest cli linear_time extraction distance dashboard load export_child
bench: $(VENV)/.dev
	@out=$$(mktemp -d); status=0; \
	for b in $(BENCHES); do \
		echo "== bench/$$b.py"; DRILLMAP_BENCH_OUT=$$out $(BIN)/python bench/$$b.py || status=1; \
	done; \
	$(BIN)/python bench/summary.py $$out; rm -rf $$out; exit $$status

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
