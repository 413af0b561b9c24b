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

run: $(VENV)/.runtime
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.address $(ADDRESS)

test: $(VENV)/.dev lint typecheck pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(VENV)/.dev
	$(BIN)/mypy

pytest: $(VENV)/.dev
	$(BIN)/python -m pytest

# Rebuild data/ from ../shared/data (see data/README.md).
reference: $(VENV)/.runtime
	$(BIN)/python -m geo.reference.build

# Regenerate static/vendor from pinned npm packages (needs npm; see static/README.md).
vendor:
	bash scripts/vendor_assets.sh

bench: $(VENV)/.dev
	$(BIN)/python bench/map_payload.py
	$(BIN)/python bench/snapshot.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/cli.py
	$(BIN)/python bench/linear_time.py
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/dashboard.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
