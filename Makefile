# One way in: `make run` serves the app, `make test` runs the tests (see README.md).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL := postgres://postgres@127.0.0.1:5432/unnews
SAMPLE := articles/sample_data/2012-05-04-coordinated-global-action-terrorism.txt

.PHONY: run test test-sqlite lint check ci bench chromium postgres clean

$(BIN)/activate: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(BIN)/activate

## run: a development server on http://127.0.0.1:8000 with the sample story imported
run: $(BIN)/activate
	DEBUG=1 $(BIN)/python manage.py migrate --verbosity 0
	DEBUG=1 $(BIN)/python manage.py import_articles $(SAMPLE)
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

## test: the whole suite on PostgreSQL (DATABASE_URL, default the local server), browser tests included
test: $(BIN)/activate chromium postgres
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/pytest

## test-sqlite: the same suite on the embedded SQLite database
test-sqlite: $(BIN)/activate chromium
	env -u DATABASE_URL $(BIN)/pytest

## lint: ruff and a check that models and migrations agree
lint: $(BIN)/activate
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	env -u DATABASE_URL $(BIN)/python manage.py makemigrations --check --dry-run
	env -u DATABASE_URL SECRET_KEY=lint-only-$$(date +%s)-a-long-random-enough-value-for-deploy \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

## ci: everything CI runs
ci: lint test test-sqlite

## bench: import and extraction throughput (prints its figures)
bench: $(BIN)/activate postgres
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/python bench/run.py

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here).
chromium:
	@command -v chromium >/dev/null || { \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# Start the local PostgreSQL server when it is down (CI machines and this dev machine).
postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || { \
		command -v pg_ctlcluster >/dev/null && \
		pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start && sleep 2; }

clean:
	rm -rf $(VENV) staticfiles artifacts .pytest_cache .ruff_cache
