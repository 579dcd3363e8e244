# Oversight Action Tracker: every command a developer or CI needs. `make help` lists them.
# `make run` and `make test` each install everything first (system packages, Python packages in
# .venv, front-end assets), so both work on a fresh clone.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST_PORT ?= 127.0.0.1:8000
# Arguments passed on to pytest, e.g. `make test PYTEST_ARGS="tests/test_timing.py -x"`.
PYTEST_ARGS ?=

SCSS := $(shell find static/scss -type f -name '*.scss' 2>/dev/null)

.DEFAULT_GOAL := help
.PHONY: help install system-packages python-packages assets run test lint migrate demo worker beat clean

help: ## List the targets
	@grep -E '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-16s %s\n", $$1, $$2}'

install: system-packages python-packages assets ## Install system packages, the venv and the built front-end assets

system-packages: ## Install Chromium, ChromeDriver, poppler and WeasyPrint's libraries (Debian, as root)
	@scripts/install-system-packages

python-packages: $(VENV)/.installed ## Create .venv and install the project with its dev extras

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

assets: static/vendor/.built ## Build the CSS and copy GOV.UK Frontend and axe-core into static/vendor

static/vendor/.built: node_modules/.installed $(SCSS)
	npm run build
	touch $@

run: install migrate demo ## Install everything and serve the app with demo data on 127.0.0.1:8000
	$(MANAGE) runserver $(HOST_PORT)

test: install lint ## Install everything, lint, check migrations and run the whole suite with browser tests
	$(MANAGE) makemigrations --check --dry-run
	mkdir -p artifacts
	$(BIN)/python -m pytest -n auto --junitxml=artifacts/junit.xml $(PYTEST_ARGS)

lint: python-packages ## Run ruff, and import-linter's contracts on the dependencies between apps
	$(BIN)/ruff check .
	$(BIN)/lint-imports

migrate: python-packages ## Apply database migrations
	$(MANAGE) migrate --noinput

demo: python-packages ## Load the demo data from the seed documents (idempotent)
	$(MANAGE) load_demo

worker: python-packages ## Run a Celery worker (needs CELERY_BROKER_URL)
	$(BIN)/celery -A oversight worker --loglevel=INFO

beat: python-packages ## Run Celery beat, the scheduler of the reminder sweep (needs CELERY_BROKER_URL)
	mkdir -p var
	$(BIN)/celery -A oversight beat --loglevel=INFO --schedule=var/celerybeat-schedule

clean: ## Remove the venv, node_modules, built assets, collected static files and test artifacts
	rm -rf $(VENV) node_modules static/vendor staticfiles artifacts .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
