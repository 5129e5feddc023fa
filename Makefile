# The two commands: `make site` builds the site into site/, `make test` runs every test
# (`make test-fast` leaves out the browser tests and the whole-site builds, for a quick run).
# Both set themselves up: a virtual environment in .venv with pinned dependencies.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: site test test-fast typecheck serve check lock fuzz bench audit clean

site: $(VENV)/.site
	$(BIN)/briefing build

# Both cores, a test file to a worker (each worker builds the shared sites its files need once).
test: typecheck
	$(BIN)/python -m pytest -n 2 --dist worksteal

test-fast: typecheck
	$(BIN)/python -m pytest -n 2 --dist loadfile -m "not browser and not slow"

# Lint and type check (mypy's settings are in pyproject.toml), before any test runs.
typecheck: $(VENV)/.test
	$(BIN)/ruff check generator tests $(wildcard benchmarks fuzz)
	$(BIN)/mypy

# The live preview on http://127.0.0.1:$(PORT)/ (make serve PORT=8001 for another port).
PORT ?= 8000
serve: $(VENV)/.site
	$(BIN)/briefing serve --port $(PORT)

check: $(VENV)/.site
	$(BIN)/briefing check

# Time and memory of every stage at three sizes (takes several minutes; see benchmarks/README.md).
# BENCH_SIZES=small,medium for a quicker run.
BENCH_SIZES ?= small,medium,large
# The history stage: reading a briefing's git history (BENCH_HISTORY_SIZE, 300 dated commits).
BENCH_HISTORY_SIZE ?= large
bench: $(VENV)/.site
	$(BIN)/python -m benchmarks.run --sizes $(BENCH_SIZES) --out benchmarks/out/results.json
	$(BIN)/python -m benchmarks.history --size $(BENCH_HISTORY_SIZE) --commits 300 --out benchmarks/out/history.json

# Lighthouse (mobile) and the Nu HTML Checker on the real site beside a plain MkDocs + Material
# site of the same pages (see benchmarks/README.md); AUDIT_ROUNDS alternating Lighthouse rounds.
# The tools (npm, pinned) go to .audit/; Chromium is CHROME_PATH (default /usr/bin/chromium).
AUDIT_ROUNDS ?= 3
AUDIT_TOOLS := .audit
audit: $(VENV)/.site $(AUDIT_TOOLS)/.installed
	$(BIN)/python -m benchmarks.audit --rounds $(AUDIT_ROUNDS) --tools $(AUDIT_TOOLS) --out benchmarks/out/audit.json

$(AUDIT_TOOLS)/.installed:
	npm install --prefix $(AUDIT_TOOLS) --no-save --no-audit --no-fund lighthouse@12.2.3 vnu-jar@26.9.27
	@touch $@

# Fuzz bytes -> load -> check -> render for FUZZ_SECONDS (default 60), at most 2 GB of memory.
# Inputs that crash land in fuzz/crashes/ (keep them: tests/test_fuzz_regressions.py replays them);
# new interesting inputs go to a temporary corpus, so fuzz/corpus/ only holds the seeds.
FUZZ_SECONDS ?= 60
fuzz: $(VENV)/.test
	work=$$(mktemp -d) && $(BIN)/python fuzz/fuzz_pipeline.py -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 \
		-timeout=30 -artifact_prefix=fuzz/crashes/ -print_final_stats=1 $$work fuzz/corpus; \
		status=$$?; rm -rf $$work; exit $$status

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site: requirements/site-lock.txt pyproject.toml | $(BIN)/python
	$(PIP) install -r requirements/site-lock.txt
	$(PIP) install --no-deps -e .
	@touch $@

$(VENV)/.test: requirements/test-lock.txt pyproject.toml | $(BIN)/python
	$(PIP) install -r requirements/test-lock.txt
	$(PIP) install --no-deps -e .
	@touch $(VENV)/.site $@

# Re-pin every dependency from requirements/*.in (run after editing them).
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install -q -r requirements/site.in
	(echo "# Generated from site.in by \`make lock\`: every package pinned so builds agree over time."; .lock-venv/bin/pip freeze) > requirements/site-lock.txt
	.lock-venv/bin/pip install -q -r requirements/test.in
	(echo "# Generated from test.in by \`make lock\`: every package pinned so test runs agree over time."; .lock-venv/bin/pip freeze) > requirements/test-lock.txt
	rm -rf .lock-venv

clean:
	rm -rf site .venv
