# duizhao — every target sets up what it needs on a fresh Debian machine.
#   make demo   create .venv, install duizhao, build the study site for corpus/ into out/
#   make test   install the dev extra into .venv, lint (ruff, mypy strict, import layers), build the
#               docs (strict) and run every test
#   make docs   the documentation site with the API reference, into site/
#   make bench  run the speed and quality benchmarks (reads ../shared/dev-data)
#   make review open the sample articles in the review page (a local web page; Ctrl+C stops it)

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
# System packages: Chromium for the browser tests, CJK fonts (and Liberation, with its narrow face
# for readings) and the HarfBuzz subsetter for PDFs, poppler-utils (pdftotext, pdftoppm) to read
# PDFs back in the tests, LibreOffice Writer to check that the Word files convert to PDF.
APT_PACKAGES := chromium fonts-noto-cjk fonts-liberation libharfbuzz-subset0 poppler-utils \
	libreoffice-writer-nogui

.PHONY: demo review screenshot test lint docs bench bench-quick bench-align bench-bank bench-chinese bench-glossary system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Editable install with every extra the tests exercise; redone when pyproject.toml changes.
$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev,pdf,docx,anki,embed,review]"
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
	@echo "Open out/index.html in a browser: every sample article's study sheet, PDF and drills."
	@echo "Run duizhao yourself as $(BIN)/duizhao (or 'source $(BIN)/activate' first); 'make review' opens the review page."

# The review page on a copy of the sample corpus (so the corrections it writes stay out of corpus/).
review: $(VENV)/.dev-installed
	mkdir -p out/review
	for f in corpus/*.txt corpus/*.md; do [ -e "out/review/$$(basename $$f)" ] || cp "$$f" out/review/; done
	$(BIN)/duizhao review out/review

# The README's pictures (docs/render.md, docs/review.md): the seed's sheet and its review page in
# headless Chromium.
screenshot: system-deps $(VENV)/.dev-installed
	$(BIN)/python docs/make_screenshot.py docs/sheet.png
	$(BIN)/python docs/make_review_screenshot.py docs/review.png
	$(BIN)/python docs/make_presets.py
	$(BIN)/python docs/make_flagged_screenshot.py docs/flagged.png

test: system-deps $(VENV)/.dev-installed lint docs
	$(BIN)/python -m pytest -q

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

# The documentation site (docs/ and the API reference from the docstrings) into site/; strict:
# a warning fails the build.
docs: $(VENV)/.dev-installed
	$(BIN)/mkdocs build --strict --quiet

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
