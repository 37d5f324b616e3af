# duizhao — every target sets up what it needs on a fresh Debian machine.
#   make demo   create .venv, install duizhao, build the study site for corpus/ into out/
#   make test   install the dev extra into .venv and run every test
#   make bench  run the speed and quality benchmarks (reads ../shared/dev-data)

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
# System packages: Chromium for the browser tests, CJK fonts and the HarfBuzz subsetter for PDFs,
# poppler-utils (pdftotext, pdftoppm) to read PDFs back in the tests.
APT_PACKAGES := chromium fonts-noto-cjk libharfbuzz-subset0 poppler-utils

.PHONY: demo screenshot test lint bench bench-quick bench-align bench-bank bench-chinese bench-glossary system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Editable install with every extra the tests exercise; redone when pyproject.toml changes.
$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev,pdf,anki,embed]"
	touch $@

system-deps:
	@if ! command -v dpkg >/dev/null 2>&1; then \
	  echo "note: not a Debian system; install these yourself: $(APT_PACKAGES)"; exit 0; fi; \
	missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "installing system packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
	  echo "warning: missing system packages:$$missing (sudo apt-get install$$missing)"; fi

demo: system-deps $(VENV)/.dev-installed
	$(BIN)/duizhao build corpus -o out --pdf

# The README's picture of a study sheet (docs/render.md): the seed's sheet in headless Chromium.
screenshot: system-deps $(VENV)/.dev-installed
	$(BIN)/python docs/make_screenshot.py docs/sheet.png

test: system-deps $(VENV)/.dev-installed
	$(BIN)/python -m pytest -q

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

# Every benchmark, one table (benchmarks/results/summary.md, .json); the README's figures come from it.
# Quality benchmarks read ../shared/dev-data (skipped with a note when it is not there).
bench: system-deps $(VENV)/.dev-installed
	$(BIN)/python benchmarks/run_all.py

bench-quick: system-deps $(VENV)/.dev-installed
	$(BIN)/python benchmarks/run_all.py --quick

# Sentence alignment: strict bead F1 on MAC-Dev beside Gale–Church, and speed (docs/align.md).
bench-align: $(VENV)/.dev-installed
	$(BIN)/python benchmarks/bench_align.py --embed

# Term bank: ingest 10,000 synthetic articles, concordance and query times, size (docs/bank.md).
bench-bank: $(VENV)/.dev-installed
	$(BIN)/python benchmarks/bench_bank.py corpus --articles 10000

# Glossary counterparts beside today's finder: top-1, confidence, English occurrences, speed
# (docs/glossary.md); refit the finder's weights with benchmarks/fit_glossary.py --write.
bench-glossary: $(VENV)/.dev-installed
	$(BIN)/python benchmarks/bench_glossary.py

# Chinese: segmentation F1, pinyin polyphones, Jyutping, chars/s and start-up (docs/chinese.md).
bench-chinese: $(VENV)/.dev-installed
	$(BIN)/python benchmarks/bench_chinese.py --ablations

clean:
	rm -rf out build dist .pytest_cache test-artifacts
