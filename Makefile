# ovaltime — `make run` and `make test` work on a fresh machine (Python 3.11+).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Debian packages the tests use: a PostgreSQL server they start themselves, Chromium for the
# browser tests, poppler-utils to read the PDF documents (pdftotext, pdftoppm) and DejaVu, the
# documents' font. Installed only where missing, and only as root on a machine with apt-get.
SYSTEM_PACKAGES := postgresql chromium poppler-utils fonts-dejavu-core

.PHONY: run test lint bench clean system-deps

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/ovaltime serve --demo

system-deps:
	@if [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then \
		echo "system-deps: skipped (needs root and apt-get); the tests want: $(SYSTEM_PACKAGES)"; \
		exit 0; \
	fi; \
	missing=""; \
	for package in $(SYSTEM_PACKAGES); do \
		dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q ' installed$$' \
			|| missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "system-deps: installing$$missing"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -qq && \
		apt-get install -y -qq -o Dpkg::Use-Pty=0 $$missing </dev/null >/dev/null; \
	fi

test: system-deps $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py
	$(BIN)/python bench/live.py
	$(BIN)/python bench/archive.py
	$(BIN)/python bench/report_text.py
	$(BIN)/python bench/reports.py
	$(BIN)/python bench/record.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist
