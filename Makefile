# Haven: every command a person or CI needs. Each target sets up .venv first.
#   make serve   build and serve the site on http://127.0.0.1:8000 (live reload);
#                LANG=es builds only English and Spanish, for a quick preview;
#                ADDR=127.0.0.1:8001 serves on another address
#   make test    run every test, browser tests included, and measure line coverage (fails below 90 %)
#   make test-quick   the tests that build no whole site and drive no browser (about 20 s)
#   make verify URL=https://haven.example/   check a served copy of the site in Chromium: no request
#                to another host, no Content-Security-Policy violation (haven verify)
#   make build   build the site into site/ (replaced only when the build succeeds), every core
#                building languages at once; JOBS=1 builds them one after the other
#   make check   lint the code (ruff, mypy, import-linter), check the workflows, the sources and a strict build,
#                without touching site/;
#                REPORT=file also writes the report to that file (CI uploads it)
#   make sources visit every cited source and report those that fail, moved or lost their quote
#   make audit   look up every pinned package in PyPI's vulnerability data (needs the network)
#   make bench   measure build time, page weight, offline packs, search and Lighthouse scores
#                (figures go in README.md; installs Pagefind and Lighthouse first)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
BENCH_READY := $(VENV)/.bench-ready
LIGHTHOUSE_READY := bench/node_modules/.ready
# The browser tests and `haven verify` drive Chromium's headless shell: the browser's engine without its
# desktop layers, at about half its CPU time a page. Lighthouse needs the whole browser (make bench).
CHROMIUM ?= /usr/bin/chromium-headless-shell
BENCH_CHROMIUM ?= /usr/bin/chromium
# Processes building languages at once; empty: one per core.
JOBS ?=

.PHONY: setup serve build check audit test test-quick bench chromium bench-chromium clean

# Haven's own modules compiled ahead, when they changed: where PYTHONDONTWRITEBYTECODE is set (as in some
# CI images), Python would otherwise compile every one of them again in every haven command and test process.
setup: $(READY)
	@$(BIN)/python -m compileall -q scripts/haven

# Reinstall whenever the pins or the package metadata change.
$(READY): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# LANG=es previews English and that language only. Only LANG given on the command
# line counts: the shell's LANG (the locale, e.g. C.UTF-8) is not a site language.
PREVIEW_LANG := $(if $(filter command line,$(origin LANG)),$(LANG))

ADDR ?= 127.0.0.1:8000

serve: setup
	$(BIN)/haven serve --lang "$(PREVIEW_LANG)" --dev-addr "$(ADDR)"

build: setup
	$(BIN)/haven build --jobs "$(JOBS)"

# make check REPORT=check-report.txt: the same check, its report also written to the file.
REPORT ?=
# actionlint's optional shellcheck and pyflakes runs are off, so the result does not
# depend on what else a machine has installed.
ACTIONLINT := $(BIN)/actionlint -shellcheck= -pyflakes= .github/workflows/*.yml

# ruff: the code's lint rules and format; mypy: its types; lint-imports: each layer of
# scripts/haven imports only the layers below it (all three set in pyproject.toml). lint-imports
# prints a banner and every contract: only its last line is shown, unless a contract is broken.
RUFF := $(BIN)/ruff check scripts tests bench && $(BIN)/ruff format --check scripts tests bench && $(BIN)/mypy \
	&& { imports=$$($(BIN)/lint-imports --no-cache) && echo "$$imports" | tail -n 1 || { echo "$$imports"; exit 1; }; }

check: setup
ifdef REPORT
	bash -o pipefail -c '{ $(RUFF) && $(ACTIONLINT) && $(BIN)/haven check; } 2>&1 | tee "$(REPORT)"'
else
	$(RUFF)
	$(ACTIONLINT)
	$(BIN)/haven check
endif

# pip-audit has its own lock (it brings many packages the site does not need), installed
# with requirements.lock as constraints so it never changes a version pinned there.
AUDIT_READY := $(VENV)/.audit-ready
AUDIT_LOCKS := requirements.lock bench/requirements.lock requirements-audit.lock
AUDIT_REPORT := .cache/pip-audit.json

$(AUDIT_READY): requirements-audit.lock $(READY)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-audit.lock -c requirements.lock
	touch $@

# Looks up the exact pinned versions, resolving nothing (--disable-pip --no-deps).
# --strict fails on a package the service could not answer for; audit_report.py then
# fails unless the report names every pin, so an audit that looked nothing up never
# passes, and names each finding by its lock file's line.
AUDIT_CHECK := $(BIN)/python scripts/audit_report.py $(AUDIT_REPORT) $(AUDIT_LOCKS)

audit: $(AUDIT_READY)
	@mkdir -p $(dir $(AUDIT_REPORT)) && rm -f $(AUDIT_REPORT)
	$(BIN)/pip-audit --strict --disable-pip --no-deps --progress-spinner off \
	  --format json --output $(AUDIT_REPORT) $(addprefix --requirement ,$(AUDIT_LOCKS)) \
	  || { $(AUDIT_CHECK); exit 1; }
	$(AUDIT_CHECK)

# Line coverage of the whole run, with its floor ([tool.coverage] in pyproject.toml). A run of some tests
# alone leaves it out: part of the tests cannot reach the floor.
test: setup chromium
	HAVEN_CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest --cov --cov-report=term:skip-covered

# The edit-test loop: every test that neither builds a whole site nor drives Chromium (no line coverage).
test-quick: setup
	$(BIN)/python -m pytest -m "not site"

# Every cited source, visited: does it still answer, stay where it was and hold its quote?
# FILES=docs/en/rights/at-home.md limits it to those pages and directory files; REPORT=file also
# writes the findings to that file. Needs the internet.
FILES ?=
.PHONY: sources
sources: setup
ifdef REPORT
	bash -o pipefail -c '$(BIN)/haven sources $(FILES) 2>&1 | tee "$(REPORT)"'
else
	$(BIN)/haven sources $(FILES)
endif

# The published site (or any copy of it) as readers' browsers get it: hosts can add scripts to pages.
URL ?=
.PHONY: verify
verify: setup chromium
	@test -n "$(URL)" || { echo "make verify needs the site's address: make verify URL=https://haven.example/" >&2; exit 2; }
	HAVEN_CHROMIUM=$(CHROMIUM) $(BIN)/haven verify "$(URL)"

bench: setup bench-chromium $(BENCH_READY) $(LIGHTHOUSE_READY)
	$(BIN)/python bench/build_time.py
	$(BIN)/python bench/page_weight.py
	$(BIN)/python bench/offline_packs.py
	$(BIN)/python bench/slow_markdown.py
	HAVEN_CHROMIUM=$(BENCH_CHROMIUM) $(BIN)/python bench/search_engines.py
	HAVEN_CHROMIUM=$(BENCH_CHROMIUM) $(BIN)/python bench/lighthouse.py

$(BENCH_READY): bench/requirements.lock $(READY)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r bench/requirements.lock
	touch $@

# Lighthouse is a Node tool: pinned in bench/package-lock.json, installed with npm.
$(LIGHTHOUSE_READY): bench/package-lock.json
	@command -v npm >/dev/null || { echo "make bench needs Node.js and npm for Lighthouse (Debian: apt-get install nodejs npm)." >&2; exit 1; }
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	touch $@

# Debian's package of the browser at that path (chromium-headless-shell, chromium), installed here when
# missing and we are root; elsewhere we stop with a clear message rather than skip the browser tests.
define install_chromium
	@if [ ! -x "$(1)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's $(notdir $(1)) for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(notdir $(1)) >/dev/null; \
	  else \
	    echo "make $(2) needs Chromium at $(1): install Debian's '$(notdir $(1))' package (sudo apt-get install $(notdir $(1))) or set $(3)=/path/to/it." >&2; \
	    exit 1; \
	  fi; \
	fi
endef

chromium:
	$(call install_chromium,$(CHROMIUM),test,CHROMIUM)

bench-chromium:
	$(call install_chromium,$(BENCH_CHROMIUM),bench,BENCH_CHROMIUM)

clean:
	rm -rf site .site-new-* .site-old-* .pytest_cache
