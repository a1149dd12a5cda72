# Perpus: `make run` sets everything up and serves the portal; `make test` runs the suite.
PYTHON ?= python3.11
ifeq (, $(shell command -v $(PYTHON) 2>/dev/null))
PYTHON := python3
endif
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1:8000
# The portal's address in the links of its mails: where `make run` serves it, unless set.
SITE_URL ?= http://$(HOST)

.PHONY: run setup venv test test-postgres test-browser bench messages translations clean

$(BIN)/activate:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Perpus needs Python 3.11 or newer (set PYTHON=/path/to/python3.11)."; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Reinstall only when requirements.txt changes.
$(VENV)/.installed: requirements.txt | $(BIN)/activate
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

venv: $(VENV)/.installed

# Compile the .po catalogues in pure Python (no GNU gettext needed); only changed ones.
translations: venv
	DEBUG=1 $(PY) manage.py compile_translations -v0

setup: venv translations
	DEBUG=1 SITE_URL='$(SITE_URL)' $(PY) manage.py migrate --noinput -v0
	DEBUG=1 SITE_URL='$(SITE_URL)' $(PY) manage.py import_regions
	DEBUG=1 SITE_URL='$(SITE_URL)' $(PY) manage.py seed_demo

run: setup
	@echo "Perpus is at http://$(HOST)/ (Ctrl+C to stop)"
	DEBUG=1 SITE_URL='$(SITE_URL)' $(PY) manage.py runserver $(HOST)

# The suite, then the architecture contract (apps depend one way; see pyproject.toml).
test: venv translations
	$(BIN)/pytest
	$(BIN)/lint-imports

# The same suite on PostgreSQL; DATABASE_URL defaults to CI's local server.
test-postgres: venv translations
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres} $(BIN)/pytest

# Browser journeys in Debian's Chromium (apt-get install chromium).
test-browser: venv translations
	$(BIN)/pytest -m browser

# Region import and stage timings on a temporary database, then every budgeted page at
# national scale (seed_scale, made once in .bench/ or in DATABASE_URL's database), then
# verifications as a consultant makes them and the worker's follow-ups after them.
bench: venv translations
	$(PY) -m benchmarks
	$(PY) -m benchmarks.pages
	$(PY) -m benchmarks.served
	$(PY) -m benchmarks.exports
	$(PY) -m benchmarks.writes

# Refresh every .po file (root and apps) after changing user-visible text (needs GNU gettext).
messages: venv
	DEBUG=1 $(PY) manage.py makemessages -l id --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=media --ignore=benchmarks

clean:
	rm -rf $(VENV) staticfiles
