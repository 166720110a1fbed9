# Two commands for a newcomer: `make serve` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SPHINX := $(BIN)/sphinx-build
BUILD  := _build
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: help html preview doctest serve test test-fast clean

help:
	@echo "make serve    build the site and serve it with live reload on http://$(HOST):$(PORT)"
	@echo "make test     run the whole test suite"
	@echo "make test-fast  the extension on tiny books and the pure parts, for the edit loop"
	@echo "make html     build the site into $(BUILD)/html (strict)"
	@echo "make preview  the authors' preview (drafts, image briefs, sources) into $(BUILD)/preview"
	@echo "make doctest  run every example in the lessons"
	@echo "make pdf      the book as a PDF, $(BUILD)/latex/ai-asks.pdf (needs latexmk and xelatex)"
	@echo "make epub     the book as an EPUB 3, $(BUILD)/epub/ai-asks.epub"
	@echo "make site     the site with the PDF and ePub beside it, ready to publish, in $(BUILD)/site"
	@echo "make check    every course problem at once, one line each (build, doctests, spelling)"
	@echo "make audit    Lighthouse scores for the home page and Day 9 (needs chromium and npm)"
	@echo "make bench    build times, rebuild scope and page weight against their budgets"
	@echo "make clean    remove $(BUILD)"

# The virtual environment is rebuilt whenever the pins change.
$(BIN)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

venv: $(BIN)/.installed

html: $(BIN)/.installed
	$(SPHINX) -n -W --keep-going -b html . $(BUILD)/html

# The authors' preview as static pages: what `make serve` shows, without the server.
preview: $(BIN)/.installed
	$(SPHINX) -n -W --keep-going -b html -D course_edition=preview . $(BUILD)/preview

# Every example, contained: a time limit each, offline, in a scratch folder; an example that
# ends the run early is named (tools/doctests.py).
doctest: $(BIN)/.installed
	$(BIN)/python tools/doctests.py --outdir $(BUILD)/doctest

# sphinx-autobuild's server with the course's builder (tools/serve.py): fast incremental builds,
# one line per problem with the last good page kept, full rebuild when _ext/, _static/,
# _templates/ or conf.py change.
serve: $(BIN)/.installed
	$(BIN)/python tools/serve.py --host $(HOST) --port $(PORT) --outdir $(BUILD)/serve .

# pytest-xdist, tests grouped by the expensive build they share (tests/conftest.py).
TEST_WORKERS ?= 2
PYTEST_PARALLEL := -n $(TEST_WORKERS) --dist loadgroup
test: $(BIN)/.installed
	$(BIN)/python -m pytest $(PYTEST_PARALLEL)

# Seconds, not minutes: no build of the real book, no browser, no TeX.
test-fast: $(BIN)/.installed
	$(BIN)/python -m pytest $(PYTEST_PARALLEL) tests/extension tests/bench tests/tools

clean:
	rm -rf $(BUILD)

# -- Contributors: every problem at once (tools/check.py; CONTRIBUTING.md, "Running the checks")
# The prose linter (textlint) comes from npm, pinned by tools/textlint/package-lock.json; without
# npm, make check says how to install it and goes on.
TEXTLINT_NPM := tools/textlint
$(TEXTLINT_NPM)/node_modules/.installed: $(TEXTLINT_NPM)/package.json $(TEXTLINT_NPM)/package-lock.json
	npm ci --prefix $(TEXTLINT_NPM) --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

.PHONY: check
check: $(BIN)/.installed $(if $(shell command -v npm),$(TEXTLINT_NPM)/node_modules/.installed)
	$(BIN)/python tools/check.py

# -- Speed and weight: build times against a plain Sphinx + furo course, page weight, budgets
#    (bench/run.py). BENCH_RUNS=5 for more runs; BENCH_FULL=1 also times `make test`.
BENCH_RUNS ?= 3
.PHONY: bench
bench: $(BIN)/.installed
	$(BIN)/python -m bench.run --runs $(BENCH_RUNS) $(if $(BENCH_FULL),--full)

# -- Offline editions: the PDF book and the ePub (_ext/course/latex_edition.py, epub_edition.py,
#    offline_forms.py, _static/latex/course.sty, _static/epub.css). The PDF needs xelatex and latexmk:
#      apt-get install latexmk texlive-xetex texlive-latex-extra fonts-freefont-otf lmodern
#    Check the ePub with: java -jar /usr/bin/epubcheck $(BUILD)/epub/ai-asks.epub
LATEXMKOPTS := -xelatex -interaction=nonstopmode -halt-on-error
.PHONY: pdf epub
pdf: $(BIN)/.installed
	$(SPHINX) -n -W --keep-going -b latex -d $(BUILD)/doctrees . $(BUILD)/latex
	$(MAKE) -C $(BUILD)/latex all-pdf LATEXMKOPTS="$(LATEXMKOPTS)"
	@echo "The book: $(BUILD)/latex/ai-asks.pdf"

epub: $(BIN)/.installed
	$(SPHINX) -n -W --keep-going -b epub -d $(BUILD)/doctrees . $(BUILD)/epub
	@echo "The ePub: $(BUILD)/epub/ai-asks.epub"

# -- The site as published: the HTML with the PDF and the ePub beside it, and every page's
#    "Download: PDF · ePub" links pointing at them.
.PHONY: site
site: pdf epub
	COURSE_DOWNLOADS=1 $(SPHINX) -n -W --keep-going -b html -d $(BUILD)/doctrees . $(BUILD)/site
	cp $(BUILD)/latex/ai-asks.pdf $(BUILD)/epub/ai-asks.epub $(BUILD)/site/
	@echo "The site, with both downloads: $(BUILD)/site"

# -- Readers in a browser: Lighthouse scores for the home page and Day 9 (tools/audit.py),
#    mobile preset, offline. Needs Chromium (apt-get install chromium) and Node.js with npm;
#    Lighthouse itself comes from npm (tools/lighthouse/package.json and package-lock.json).
LIGHTHOUSE_NPM := tools/lighthouse
.PHONY: audit
$(LIGHTHOUSE_NPM)/node_modules/.installed: $(LIGHTHOUSE_NPM)/package.json $(LIGHTHOUSE_NPM)/package-lock.json
	npm ci --prefix $(LIGHTHOUSE_NPM) --no-audit --no-fund --ignore-scripts
	touch $@

audit: html $(LIGHTHOUSE_NPM)/node_modules/.installed
	$(BIN)/python tools/audit.py $(BUILD)/html
