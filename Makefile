# Rooted: `make run` to try it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# The interface languages besides English (locale/django/ holds Django's own
# messages for tl and ht, which Django does not ship; it is not a language).
LANGUAGES := es zh_Hans zh_Hant vi ko tl ar ht

.PHONY: run test test-quick test-browser test-slow lint ci deploy-check bench bench-load messages clean

$(BIN)/django-admin: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

venv: $(BIN)/django-admin

run: venv
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_demo
	$(MANAGE) runserver 127.0.0.1:8000

# The whole suite, as CI runs it on each database (README, Tests), shared out among
# one pytest-xdist worker per core (-n auto in pyproject.toml; -n 0 for one process).
test: venv
	$(BIN)/pytest

# While working: everything but the browser tests and the slow whole-file imports,
# which have their own targets.
test-quick: venv
	$(BIN)/pytest -m "not browser and not slow"

# Playwright driving Chromium against a live server (tests/browser/).
test-browser: venv
	$(BIN)/pytest -m browser

# Whole-file imports of the reference data in ../shared/data.
test-slow: venv
	$(BIN)/pytest -m slow

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .

# Refresh the catalogues after changing strings, then translate what is new.
messages: venv
	$(MANAGE) makemessages $(foreach l,$(LANGUAGES),-l $(l)) --no-obsolete --no-location \
		--ignore=.venv --ignore=tests --ignore=bench --ignore=staticfiles
	$(MANAGE) compilemessages --ignore=.venv

ci:
	bash .ci/run

# README.md, Production, followed on scratch PostgreSQL, Redis, two app servers
# behind nginx and a mail sink, then walked; a backup restored; a replica.
deploy-check: venv
	$(BIN)/python deploy/drill.py

# Performance (README, Performance): build the 50,000- and 200,000-listing
# PostgreSQL databases, time the importers, then searches nobody ran before
# (with edits between); bench-load serves the 50,000 with gunicorn and drives it
# with wrk (apt-get install wrk). BENCH_PG names the server; Redis on 127.0.0.1.
bench: venv
	$(BIN)/python -m bench.seed
	BENCH_DATABASE=rooted_bench_200k $(BIN)/python -m bench.seed --listings 200000
	$(BIN)/python -m bench.imports
	$(BIN)/python -m bench.run --compare rooted_bench_200k

bench-load: venv
	$(BIN)/python -m bench.load

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
