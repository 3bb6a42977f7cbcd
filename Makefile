# Käytäntökirjasto: everything runs from a local .venv with the locked versions.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.test-tools-installed
ZENSICAL_STAMP := $(VENV)/.zensical-installed
PIP := $(BIN)/python -m pip install --disable-pip-version-check --progress-bar on
CONFIG ?= mkdocs.yml
ADDR ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: install install-test install-zensical serve build test check validate schema messages bench preview docs-tree lock clean

install: $(STAMP)

# The site's own dependencies only (about 200 MB); the test tools come with `make test`.
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Käytäntökirjasto tarvitsee Python 3.11:n tai uudemman.")'
	@echo "Luodaan Python-ympäristö kansioon $(VENV) ..."
	$(PYTHON) -m venv $(VENV)
	@echo "Asennetaan sivuston lukitut riippuvuudet (requirements.lock; ensimmäisellä kerralla 1–2 minuuttia) ..."
	$(PIP) --require-hashes -r requirements.lock
	$(PIP) --quiet --no-deps --no-build-isolation -e .
	@echo "Valmistellaan suomen sanojen perusmuodot hakua varten (kerran, noin 10 sekuntia) ..."
	$(BIN)/python -c 'from kirjasto.site.search.lemmas import prepare; prepare()'
	@touch $@
	@echo "Asennettu."

# Test tools on top of the site's (pytest, Playwright, axe, ruff, mypy, the Nu Html Checker).
install-test: $(TEST_STAMP)

$(TEST_STAMP): $(STAMP) $(ZENSICAL_STAMP) requirements-test.lock
	@echo "Asennetaan testityökalut (requirements-test.lock) ..."
	$(PIP) --require-hashes -r requirements-test.lock
	@touch $@

# Zensical (requirements-zensical.lock) in the same .venv, for ENGINE=zensical and the tests.
install-zensical: $(ZENSICAL_STAMP)

$(ZENSICAL_STAMP): $(STAMP) requirements-zensical.lock
	@echo "Asennetaan Zensical (requirements-zensical.lock) ..."
	$(PIP) --require-hashes -r requirements-zensical.lock
	@touch $@

serve: install
	$(BIN)/mkdocs serve -f $(CONFIG) -a $(ADDR)

# ENGINE=properdocs builds the same repository with ProperDocs (a maintained MkDocs 1.x
# fork); ENGINE=zensical builds the hook-free tree with Zensical (kirjasto zensical).
ENGINE ?= mkdocs
ifeq ($(ENGINE),zensical)
build: install-zensical
	@$(BIN)/kirjasto zensical --config $(CONFIG)
else
# The engine's own progress lines are English: a normal build prints only a Finnish
# line; a refused one ends with the hook's Finnish line (kirjasto_hook.on_build_error).
build: install
	@$(BIN)/$(ENGINE) build --strict --quiet -f $(CONFIG) && echo "Sivusto rakennettiin kansioon site/."
endif

# Static checks first (seconds), then every test.
test: check
	$(BIN)/python -m pytest

# ruff (lint and format) and mypy (strict), configured in pyproject.toml.
check: install-test
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

# Extract every message people read (babel.cfg: the texts the code marks with _()) and
# add the new ones to the Swedish catalogue; then translate the empty entries in
# hooks/kirjasto/locale/sv/LC_MESSAGES/kirjasto.po (tests/test_languages.py checks).
messages: install
	mkdir -p build
	$(BIN)/pybabel -q extract -F babel.cfg --no-location -k _ -k plural:1,2 -o build/kirjasto.pot .
	$(BIN)/pybabel -q update -i build/kirjasto.pot -d hooks/kirjasto/locale -D kirjasto -l sv --no-wrap --ignore-obsolete

# The complete Markdown tree with a hook-free mkdocs.yml, for any engine: build/tree/
docs-tree: install
	$(BIN)/kirjasto generate build/tree --config $(CONFIG)

# Fast preview of one item: make preview FILE=practices/kaytannot/nimi.md
preview: install
	$(BIN)/kirjasto preview "$(FILE)" --config $(CONFIG) --addr $(ADDR)

# Our build against plain mkdocs-material at 1,000, 3,000 and 10,000 items and on the
# real library, with make serve and kirjasto preview timed (takes a while:
# SIZES="1000" REPEAT=1 for a quick look).
SIZES ?= 1000 3000 10000
REPEAT ?= 3
bench: install-test
	$(BIN)/kirjasto bench --sizes $(SIZES) --repeat $(REPEAT) --output bench-tulokset.json

# Re-resolve requirements.in into requirements.lock and requirements-test.in (which keeps
# the site's versions) into requirements-test.lock, with the SHA-256 of every file pip
# may install (make install refuses anything else: --require-hashes).
# Versions already in the lock are kept; UPGRADE=1 takes the newest allowed.
lock:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --disable-pip-version-check pip-tools
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade) \
	  --output-file requirements.lock requirements.in
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade) \
	  --output-file requirements-test.lock requirements-test.in
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade) \
	  --output-file requirements-zensical.lock requirements-zensical.in
	rm -rf .venv-lock

clean:
	rm -rf site $(VENV)
