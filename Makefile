# The README's commands. Every target sets up .venv from the pinned requirements first.
# Run `make help` for the list.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Silence the MkDocs 2.0 / end-of-life banners of MkDocs and Material.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.DEFAULT_GOAL := help
.PHONY: help serve test test-fast lint fix check build schemas uusi-alue lighthouse bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@# The project itself, editable: mkdocs.yml names its Markdown extension (macros.markdown_extension).
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@# Byte-compiled once here, so that no build compiles our code again (also where Python may not write).
	$(BIN)/python -m compileall -q macros bench
	touch $(STAMP)

# In the preview, invalid data does not stop the server: every page shows the Finnish messages instead.
serve: $(STAMP) ## Preview the site at http://127.0.0.1:8000 with live reload (also for data/)
	LINJAUKSET_ESIKATSELU=1 $(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

# On problems the check's Finnish messages must be the last lines an editor reads, but make would add its
# English "make: *** [Makefile:NN: check] Error 1". So the recipe ends make itself, quietly, with SIGPIPE:
# the exit status is 141, never 0, and a target that depends on check (build) does not run.
check: $(STAMP) ## Validate data/ and docs/ and print every problem with its file and line
	@$(BIN)/python -m macros.cli.check $(CHECK_ROOT) || { kill -s PIPE $$PPID; exit 1; }

build: check ## Check the data, build the site into site/ with the agreement's versions, PDFs and search index
	$(BIN)/mkdocs build --strict --clean --site-dir site
	$(BIN)/python -m macros.documents site
	$(BIN)/python -m macros.search_index site

schemas: $(STAMP) ## Regenerate the JSON Schemas in schemas/ and the VS Code mapping from the registry
	$(BIN)/python -m macros.cli.schemas

lint: $(STAMP) ## Lint and format check (ruff; the rules are in pyproject.toml)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fix: $(STAMP) ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: lint ## Run every test: lint, data, rendering, builds on MkDocs and Zensical, browser
	$(BIN)/python -m pytest

test-fast: lint ## Every test but the browser ones, for the edit loop (make test stays the whole suite)
	$(BIN)/python -m pytest -m "not browser"

# A clone of this site becomes a new, empty region: Finnish questions, or VASTAUKSET=file.yml for scripts.
uusi-alue: $(STAMP) ## Turn this clone into a new region (asks in Finnish; VASTAUKSET=answers.yml to script it)
	$(BIN)/python -m macros.cli.new_region $(VASTAUKSET)

lighthouse: $(STAMP) ## Lighthouse scores (mobile) of the key pages, median of 3 runs; installs Lighthouse from npm
	$(BIN)/python bench/lighthouse.py --runs 3

bench: $(STAMP) ## Benchmark: example region, synthetic national data set and a plain baseline
	$(BIN)/python -m bench.run

clean: ## Remove the built site, caches and benchmark output
	rm -rf site .pytest_cache test-artifacts bench-out
