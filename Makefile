# coplan: `make run` sets everything up and runs the app; `make test` runs every check.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
ASSETS := build/static/coplan/app.css
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: run setup system-packages test lint assets clean bench bench-language language-accuracy

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo_data
	@echo ""
	@echo "coplan is running at http://127.0.0.1:8000 (press Ctrl+C to stop)"
	TWO_STEP_REQUIRED=false $(PY) -m coplan.cli dev --address 127.0.0.1:8000

setup: system-packages $(VENV)/.installed $(ASSETS)

# Pango, HarfBuzz and fonts for the PDFs, poppler for their tests: from Debian's
# packages, only those missing.
system-packages:
	bash scripts/system-packages.sh

$(VENV)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || python3.11 -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(ASSETS): node_modules/.installed scripts/build-assets.mjs $(wildcard src/coplan/static_src/*) src/coplan/plain_words/data/pictures.json
	npm run --silent build

assets: $(ASSETS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	# Security lint: medium and high findings fail; accepted ones say why beside `# nosec`.
	# (Bandit warns about a `# nosec` on a statement over several lines; those are left out.)
	$(VENV)/bin/bandit -c pyproject.toml -r src --severity-level medium --quiet \
		2> >(grep -v "nosec encountered" >&2)

test: lint
	$(PY) scripts/run_tests.py

# A large organisation served by `coplan serve` on PostgreSQL, then SQLite, at 16 users
# (issue 16; README "How fast it is"). BENCH_ARGS="--soak 600" adds the 10-minute soak.
bench: setup
	$(PY) scripts/bench.py $(BENCH_ARGS)

bench-language: setup
	$(PY) -m coplan.language.bench

language-accuracy: setup
	$(PY) -m coplan.language.evaluate
	$(PY) -m coplan.language.compare

clean:
	rm -rf $(VENV) node_modules build
