# The two commands in README.md: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed

.PHONY: demo test install messages catalogs check-translations lint format clean bench bench-nginx restore-drill bench-memory bench-latency bench-upload fault-drill bench-crawl bench-churn bench-mail bench-cached bench-against bench-api

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

messages: $(STAMP)
	$(MANAGE) compilemessages --ignore=.venv -v 0

# Translators: refresh the catalogs after the texts in code or templates changed.
catalogs: $(STAMP)
	$(MANAGE) makemessages -l fa -l en -l zh_Hans --ignore=.venv --ignore=tests

# Translators: are the catalogs complete and compiled? Then the figures per language.
check-translations: $(STAMP)
	$(BIN)/pytest -q tests/gorgan/test_catalogs.py
	$(MANAGE) translation_report

# `make demo PORT=8001` when 8000 is taken.
PORT ?= 8000
# Links in the demo's e-mails and channel posts lead to this server.
demo: export SITE_URL ?= http://127.0.0.1:$(PORT)
demo: messages
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo --address 127.0.0.1:$(PORT)
	@# The background worker (renditions of pictures, e-mails, channel posts) runs until make
	@# itself ends; e-mails go to outbox/mail/, the local channel's posts to outbox/channels/.
	$(MANAGE) db_worker --no-reload & worker=$$!; make_pid=$$PPID; \
		(while kill -0 $$make_pid 2>/dev/null; do sleep 1; done; kill $$worker) &
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# The committed .mo files are tested as they are (a stale one fails), not recompiled first.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

# Back up DATABASE_URL (PostgreSQL) and MEDIA_ROOT, restore into scratch copies, compare.
restore-drill: $(STAMP)
	PYTHON_BIN=$(BIN)/python deploy/restore_drill.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) staticfiles

bench: $(STAMP)
	bench/run.sh

# An archive crawl: every request a different article; PEER_URLS=file crawls the peer too.
bench-crawl: $(STAMP)
	bench/crawl.sh $(PEER_URLS)

# The cached article, with a made-up parameter on every request, and PEER_URL's copy.
bench-cached: $(STAMP)
	bench/cached.sh $(PEER_URL)

# The API's release list from the page cache against the cached article, alternately.
bench-api: $(STAMP)
	bench/api.sh $(ROUNDS)

# The cached page against the code at REV (e.g. the commit before a change), side by side.
bench-against: $(STAMP)
	bench/against.sh $(REV)

# Readers with the page cache on, with and without an editor saving a release every 2 s.
bench-churn: $(STAMP)
	bench/churn.sh

bench-nginx: $(STAMP)
	bench/nginx.sh

bench-memory: $(STAMP)
	bench/memory.sh

bench-latency: $(STAMP)
	bench/latency.sh

bench-upload: $(STAMP)
	bench/upload.sh

# The worker's e-mails a second to 10,000 subscribers, against a local SMTP server
# (BENCH_DATABASE_URL: a scratch PostgreSQL database instead of a temporary SQLite file).
bench-mail: $(STAMP)
	$(BIN)/python bench/mail.py

# PostgreSQL and Redis refusing and black-holed under load, production settings (a scratch
# DATABASE_URL: it gets the demo content); prints the table in docs/operations.md, section 4.
fault-drill: $(STAMP)
	$(BIN)/python bench/fault_drill.py
