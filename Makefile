# Two commands for everyone: `make serve` (or `make build`) and `make test`.
# Each sets up .venv on first use, from the locks in requirements/ (written by
# `make lock` from pyproject.toml), every package checked against its hashes
# (`pip install --require-hashes`): `make build` and `make serve` install only what
# the build needs (requirements/build.txt: no browser driver, no test tools);
# `make test`, `make check` and `make bench` also what the tests need
# (requirements/test.txt). A changed lock is installed again on the next run.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip install --quiet --disable-pip-version-check
BUILD_STAMP := $(VENV)/.build-lock-installed
TEST_STAMP  := $(VENV)/.test-lock-installed
# ENGINE=properdocs or ENGINE=zensical: build with that site engine instead of MkDocs
# (README, "Site engines"); its lock, requirements/ENGINE.txt, is installed only then.
ENGINE ?=
ENGINE_STAMP := $(if $(ENGINE),$(VENV)/.$(ENGINE)-lock-installed)
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup system-packages build-packages build serve test check bench check-translations new-year publish import lock clean help
.DEFAULT_GOAL := help

help:
	@echo "make serve               preview every edition at http://127.0.0.1:8000/ (live reload)"
	@echo "make build               build every edition into site/ (site/ is replaced only on success)"
	@echo "                         ENGINE=properdocs or ENGINE=zensical: with that site engine instead of MkDocs"
	@echo "make test                run every test"
	@echo "make check               the fast lane: unit tests, the built site, translation parity, lint (under a minute)"
	@echo "make check-translations  check that every page has its twin with the same ids and figures"
	@echo "make new-year YEAR=2025  start next year's report in both languages"
	@echo "make publish YEAR=2025   put a finished draft year on the site (refuses, listing what remains)"
	@echo "make import FILE=report.docx [YEAR=2025] [REPLACE=1]"
	@echo "                         next year's report from the official .docx or .txt, in one step"
	@echo "make bench               print build, search, size and Lighthouse figures against budgets (ARGS=--quick or --help)"
	@echo "make lock                write requirements/*.txt (pinned, with hashes) from pyproject.toml (UPGRADE=1 for newer versions)"

# The build's packages, hash-checked. setuptools comes first, on its own (its lines of the
# lock): jieba is published as source only and is built with it, not with a setuptools
# that pip would fetch unchecked into an isolated build. The project itself (src/) cannot
# be hash-checked: it is installed after the locks, editable and without dependencies.
$(BUILD_STAMP): requirements/build.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	sed -n '/^setuptools==/,/[^\\]$$/p' requirements/build.txt > $(VENV)/.setuptools-lock.txt
	$(PIP) --require-hashes -r $(VENV)/.setuptools-lock.txt
	$(PIP) --require-hashes --no-build-isolation -r requirements/build.txt
	$(PIP) --no-deps --no-build-isolation -e .
	touch $@

# The tests' packages too (requirements/test.txt holds the build's at the same versions).
$(TEST_STAMP): requirements/test.txt $(BUILD_STAMP)
	$(PIP) --require-hashes --no-build-isolation -r requirements/test.txt
	touch $@

# An engine's packages (requirements/properdocs.txt, zensical.txt: the build's at the same versions).
$(VENV)/.%-lock-installed: requirements/%.txt $(BUILD_STAMP)
	$(PIP) --require-hashes --no-build-isolation -r $<
	touch $@

setup: $(BUILD_STAMP)

# Writes requirements/build.txt, test.txt and lock.txt; see scripts/lock.sh.
lock:
	PYTHON="$(PYTHON)" UPGRADE="$(UPGRADE)" UPGRADE_PACKAGE="$(UPGRADE_PACKAGE)" bash scripts/lock.sh

build: build-packages $(BUILD_STAMP) $(ENGINE_STAMP)
	$(PY) -m nicheng_report build $(if $(ENGINE),--engine $(ENGINE))

serve: build-packages $(BUILD_STAMP)
	$(PY) -m nicheng_report serve

node_modules/.package-lock.json: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

# Debian's chromium, nginx, CJK fonts, Java and npm: installed when missing (as root or
# with sudo that needs no password), else one line saying the command to run.
system-packages:
	@bash scripts/system-packages.sh

# The build's only Debian package: the CJK fonts the 一图读懂 poster is drawn with.
build-packages:
	@bash scripts/system-packages.sh build

# The engines too: tests/test_engines.py builds the site with each (README, "Site engines").
ENGINE_STAMPS := $(VENV)/.properdocs-lock-installed $(VENV)/.zensical-lock-installed

test: system-packages $(TEST_STAMP) $(ENGINE_STAMPS) node_modules/.package-lock.json
	$(PY) -m pytest

check: $(TEST_STAMP)
	$(PY) -m ruff check --quiet src hooks tests
	$(PY) -m nicheng_report check-translations
	$(PY) -m pytest -q -m "not slow"

check-translations: $(BUILD_STAMP)
	$(PY) -m nicheng_report check-translations

new-year: $(BUILD_STAMP)
	@test -n "$(YEAR)" || { echo "usage: make new-year YEAR=2025"; exit 2; }
	$(PY) -m nicheng_report new-year $(YEAR)

publish: $(BUILD_STAMP)
	@test -n "$(YEAR)" || { echo "usage: make publish YEAR=2025"; exit 2; }
	$(PY) -m nicheng_report publish $(YEAR)

import: $(BUILD_STAMP)
	@test -n "$(FILE)" || { echo "usage: make import FILE=report.docx [YEAR=2025] [REPLACE=1]"; exit 2; }
	$(PY) -m nicheng_report import "$(FILE)" $(if $(YEAR),--year $(YEAR)) $(if $(filter-out 0,$(REPLACE)),--replace)

bench: $(TEST_STAMP)
	$(PY) -m nicheng_report bench $(ARGS)

clean:
	rm -rf site .site-staging-* .pytest_cache .screenshots .cache
