# Sanxiang: two commands set everything up on a fresh machine.
#   make run   install, migrate the embedded SQLite database, load the demo data once, serve
#   make test  install, lint, type-check, run the whole suite on SQLite (and PostgreSQL when
#              SANXIANG_TEST_POSTGRES_URL, or a postgres DATABASE_URL, is set)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test install lint typecheck pytest messages fonts browser clean

run: install fonts
	@mkdir -p var
	$(BIN)/sanxiang migrate --noinput
	@# The demo data set is loaded once; later runs only print the demo accounts again.
	@if [ -f var/.demo-loaded ]; then $(BIN)/sanxiang demo --accounts; \
	 else $(BIN)/sanxiang demo && touch var/.demo-loaded; fi
	$(BIN)/sanxiang runserver $(HOST):$(PORT)

# The suite renders PDFs with a CJK font and drives a real Chromium: both come from Debian's
# packages when missing (SANXIANG_INSTALL_FONTS=0 / SANXIANG_INSTALL_BROWSER=0 to skip).
test: install fonts browser lint typecheck pytest

install: $(STAMP) src/sanxiang/web/static/vendor/.stamp messages

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

src/sanxiang/web/static/vendor/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python scripts/vendor_assets.py
	touch $@

# Compile the translation catalogues with Babel (pure Python: no GNU gettext needed to run):
# the project's catalogue and each app's own (src/sanxiang/<app>/locale).
messages: $(STAMP)
	@for dir in src/sanxiang/locale src/sanxiang/*/locale; do \
	  $(BIN)/pybabel compile --domain django --directory $$dir --use-fuzzy --statistics 2>&1 | tail -n 1; \
	done

# Extracting new strings needs GNU gettext (apt-get install gettext). makemessages puts the
# strings of an app that has its own locale folder there, and the rest in the project's.
makemessages: $(STAMP)
	cd src/sanxiang && ../../$(BIN)/sanxiang makemessages --locale zh_Hans --no-obsolete --no-location

fonts:
	@sh scripts/install-fonts.sh

browser:
	@sh scripts/install-browser.sh

lint: $(STAMP)
	$(BIN)/ruff check src scripts $(wildcard bench)
	$(BIN)/ruff format --check src scripts $(wildcard bench)

typecheck: $(STAMP)
	$(BIN)/mypy src

pytest: $(STAMP)
	sh scripts/run-tests.sh

clean:
	rm -rf $(VENV) node_modules var src/sanxiang/web/static/vendor
