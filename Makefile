# Two commands for everyone: `make serve` (or `make build`) and `make test`.
# Each sets up .venv from requirements.txt on first use.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.requirements-installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup system-packages build serve test check bench check-translations new-year import clean help
.DEFAULT_GOAL := help

help:
	@echo "make serve               preview both languages at http://127.0.0.1:8000/ (live reload)"
	@echo "make build               build both languages into site/ (site/ is replaced only on success)"
	@echo "make test                run every test"
	@echo "make check               the fast lane: unit tests, the built site, translation parity, lint (under a minute)"
	@echo "make check-translations  check that every page has its twin with the same ids and figures"
	@echo "make new-year YEAR=2025  start next year's report in both languages"
	@echo "make import FILE=report.docx [YEAR=2025] [REPLACE=1]"
	@echo "                         next year's report from the official .docx or .txt, in one step"
	@echo "make bench               print build, search, size and Lighthouse figures against budgets (ARGS=--quick or --help)"

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

setup: $(STAMP)

build: $(STAMP)
	$(PY) -m nicheng_report build

serve: $(STAMP)
	$(PY) -m nicheng_report serve

node_modules/.package-lock.json: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

# Debian's chromium, nginx, CJK fonts, Java and npm: installed when missing (as root or
# with sudo that needs no password), else one line saying the command to run.
system-packages:
	@bash scripts/system-packages.sh

test: system-packages $(STAMP) node_modules/.package-lock.json
	$(PY) -m pytest

check: $(STAMP)
	$(PY) -m ruff check --quiet src hooks tests
	$(PY) -m nicheng_report check-translations
	$(PY) -m pytest -q -m "not slow"

check-translations: $(STAMP)
	$(PY) -m nicheng_report check-translations

new-year: $(STAMP)
	@test -n "$(YEAR)" || { echo "usage: make new-year YEAR=2025"; exit 2; }
	$(PY) -m nicheng_report new-year $(YEAR)

import: $(STAMP)
	@test -n "$(FILE)" || { echo "usage: make import FILE=report.docx [YEAR=2025] [REPLACE=1]"; exit 2; }
	$(PY) -m nicheng_report import "$(FILE)" $(if $(YEAR),--year $(YEAR)) $(if $(filter-out 0,$(REPLACE)),--replace)

bench: $(STAMP)
	$(PY) -m nicheng_report bench $(ARGS)

clean:
	rm -rf site .site-staging-* .pytest_cache .screenshots .cache
