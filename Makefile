# Käytäntökirjasto: everything runs from a local .venv with the locked versions.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONFIG ?= mkdocs.yml
ADDR ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build test check validate schema bench preview docs-tree lock clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Käytäntökirjasto tarvitsee Python 3.11:n tai uudemman.")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

serve: install
	$(BIN)/mkdocs serve -f $(CONFIG) -a $(ADDR)

# ENGINE=properdocs builds the same repository with ProperDocs (a maintained MkDocs 1.x fork).
ENGINE ?= mkdocs
# The engine's own progress lines are English: a normal build prints only a Finnish
# line; a refused one ends with the hook's Finnish line (kirjasto_hook.on_build_error).
build: install
	@$(BIN)/$(ENGINE) build --strict --quiet -f $(CONFIG) && echo "Sivusto rakennettiin kansioon site/."

# Static checks first (seconds), then every test.
test: check
	$(BIN)/python -m pytest

# ruff (lint and format) and mypy (strict), configured in pyproject.toml.
check: install
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/ruff format --check hooks tests scripts
	$(BIN)/mypy
	$(BIN)/mypy hooks/kirjasto_hook.py scripts

validate: install
	$(BIN)/kirjasto validate

# Regenerate schema/kuvaus.schema.json and the VS Code snippets after editing
# practices/teemat.yml or practices/kohderyhmat.yml.
schema: install
	$(BIN)/kirjasto schema

# The complete Markdown tree with a hook-free mkdocs.yml, for any engine: build/tree/
docs-tree: install
	$(BIN)/kirjasto generate build/tree --config $(CONFIG)

# Fast preview of one item: make preview FILE=practices/kaytannot/nimi.md
preview: install
	$(BIN)/kirjasto preview "$(FILE)" --config $(CONFIG) --addr $(ADDR)

# Our build against plain mkdocs-material at 1,000 and 10,000 items (takes a while:
# SIZES="1000" REPEAT=1 for a quick look).
SIZES ?= 1000 10000
REPEAT ?= 3
bench: install
	$(BIN)/kirjasto bench --sizes $(SIZES) --repeat $(REPEAT) --output bench-tulokset.json

# Re-resolve requirements.in into requirements.lock, with the SHA-256 of every
# file pip may install (make install refuses anything else: --require-hashes).
# Versions already in the lock are kept; UPGRADE=1 takes the newest allowed.
lock:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --disable-pip-version-check pip-tools
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade) \
	  --output-file requirements.lock requirements.in
	rm -rf .venv-lock

clean:
	rm -rf site $(VENV)
