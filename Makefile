# Haven: every command a person or CI needs. Each target sets up .venv first.
#   make serve   build and serve the site on http://127.0.0.1:8000 (live reload)
#   make test    run every test, browser tests included
#   make build   build the site into site/ (replaced only when the build succeeds)
#   make check   check the sources and build strictly, without touching site/
#   make bench   measure build time, page weight, offline packs, search and Lighthouse scores
#                (figures go in README.md; installs Pagefind and Lighthouse first)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
BENCH_READY := $(VENV)/.bench-ready
LIGHTHOUSE_READY := bench/node_modules/.ready
CHROMIUM ?= /usr/bin/chromium

.PHONY: setup serve build check test bench chromium clean

setup: $(READY)

# Reinstall whenever the pins or the package metadata change.
$(READY): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: setup
	$(BIN)/haven build

check: setup
	$(BIN)/haven check

test: setup chromium
	HAVEN_CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest

bench: setup chromium $(BENCH_READY) $(LIGHTHOUSE_READY)
	$(BIN)/python bench/build_time.py
	$(BIN)/python bench/page_weight.py
	$(BIN)/python bench/offline_packs.py
	HAVEN_CHROMIUM=$(CHROMIUM) $(BIN)/python bench/search_engines.py
	HAVEN_CHROMIUM=$(CHROMIUM) $(BIN)/python bench/lighthouse.py

$(BENCH_READY): bench/requirements.lock $(READY)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r bench/requirements.lock
	touch $@

# Lighthouse is a Node tool: pinned in bench/package-lock.json, installed with npm.
$(LIGHTHOUSE_READY): bench/package-lock.json
	@command -v npm >/dev/null || { echo "make bench needs Node.js and npm for Lighthouse (Debian: apt-get install nodejs npm)." >&2; exit 1; }
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests drive Debian's Chromium. Installed here when missing and we are
# root; elsewhere we stop with a clear message rather than skip those tests.
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "make test needs Chromium at $(CHROMIUM): install Debian's 'chromium' package (sudo apt-get install chromium) or set CHROMIUM=/path/to/chromium." >&2; \
	    exit 1; \
	  fi; \
	fi

clean:
	rm -rf site .site-new-* .site-old-* .pytest_cache
