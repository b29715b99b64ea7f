# The harness's entry points. `make conformance` is the main job; `make test` is what CI runs.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
REPORTS ?= reports
SEED ?=
WORKERS ?= 2
# The products under test; each left empty is played by its reference implementation, which a run
# certifies only when no product is chosen at all (harness/products.py).
CLIENT ?=
WEB_APP ?=
MICOLLAB_WEB_CLIENT ?=
MOBILE_CLIENT ?=
# A world started elsewhere (python -m mocks serve): its proxy URL; one worker drives it.
WORLD ?=
SEED_OPT := $(if $(SEED),--seed $(SEED),)
WORLD_OPT := $(if $(WORLD),--world=$(WORLD),)
PRODUCT_OPTS := $(if $(CLIENT),--client=$(CLIENT),) $(if $(WEB_APP),--web-app=$(WEB_APP),) \
	$(if $(MICOLLAB_WEB_CLIENT),--micollab-web-client=$(MICOLLAB_WEB_CLIENT),) \
	$(if $(MOBILE_CLIENT),--mobile-client=$(MOBILE_CLIENT),)
PYTEST_FEATURES := $(PY) -m pytest features -n $(if $(WORLD),0,$(WORKERS)) $(PRODUCT_OPTS) $(SEED_OPT) $(WORLD_OPT) \
	--reports-dir=$(REPORTS) --junitxml=$(REPORTS)/junit.xml \
	--alluredir=$(REPORTS)/allure-results --clean-alluredir \
	--allure-link-pattern=requirement:../../docs/requirements.md#{}

.PHONY: setup conformance quality-gate test lint selftest bench steps clean shard merge

# Every pytest process (each xdist worker, each nested self-test run) imports the same modules:
# with bytecode caching switched off by the environment, each one compiles them all again
# (about a second apiece). The packages are compiled at install; the harness's own modules are
# cached in __pycache__ (ignored by git).
unexport PYTHONDONTWRITEBYTECODE

MITMPROXY := mitmproxy==11.0.2
# uv trusts the machine's certificate store (a company's TLS-intercepting CA), as pip does.
UV_FLAGS := --quiet --compile-bytecode --system-certs

# Everything a bare Debian bookworm (python3, python3-venv, python3-pip, git, make) lacks. The parts
# install side by side: Chromium from Debian takes about as long as all the rest.
SETUP_PARTS := $(VENV)/.installed .tools/.installed .tools/proxy/.installed .tools/debian.installed
setup:
	@$(MAKE) --no-print-directory --silent -j4 $(SETUP_PARTS)

$(VENV)/.installed: pyproject.toml
	@command -v python3 >/dev/null || { echo "Python 3.11 is needed: apt-get install python3 python3-venv"; exit 1; }
	@test -x $(PY) || python3 -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check uv==0.13.9
	@$(UV) pip install $(UV_FLAGS) --python $(PY) -r pyproject.toml --extra dev
	@touch $@

# mitmproxy pins versions that clash with the harness's own packages: it gets its own environment.
.tools/proxy/.installed: $(VENV)/.installed
	@test -x .tools/proxy/bin/python || python3 -m venv .tools/proxy
	@$(UV) pip install $(UV_FLAGS) --python .tools/proxy/bin/python $(MITMPROXY)
	@touch $@

# curl, Chromium, ChromeDriver and xmlsec1 from Debian when missing (as root); nothing downloads a browser.
.tools/debian.installed: tools/setup-debian
	@bash tools/setup-debian
	@mkdir -p .tools && touch $@

.tools/.installed: tools/setup-allure tools/allure/package-lock.json $(VENV)/.installed
	@VENV=$(VENV) bash tools/setup-allure
	@mkdir -p .tools && touch $@

# Every feature against the client, then the Allure report and the summary; fails on any failed scenario.
conformance: setup
	@mkdir -p $(REPORTS)
	@status=0; $(PYTEST_FEATURES) || status=$$?; \
	$(PY) -m harness.report --reports $(REPORTS) || status=$${status:-1}; \
	exit $$status

# Allure 3's quality gate on the last run's results: no failed scenario, no harness error, at least
# one scenario (allurerc.mjs). Exits non-zero when a rule is broken; a CI job can run it on its own.
quality-gate: setup
	@$(PY) -m harness.quality_gate --reports $(REPORTS)

# CI on several runners: shard SHARD of SHARDS (pytest-split) on each, into $(REPORTS)/shard-SHARD,
# then `make merge` where they are all gathered: the run's summary and Allure report, as one run.
SHARDS ?= 2
SHARD ?= 1
SHARD_DIR = $(REPORTS)/shard-$(SHARD)
shard: setup
	@mkdir -p $(SHARD_DIR)
	@$(PY) -m pytest features -n $(WORKERS) $(PRODUCT_OPTS) $(SEED_OPT) --splits $(SHARDS) --group $(SHARD) \
		--reports-dir=$(SHARD_DIR) --junitxml=$(SHARD_DIR)/junit.xml \
		--alluredir=$(SHARD_DIR)/allure-results --clean-alluredir \
		--allure-link-pattern=requirement:../../docs/requirements.md#{}

merge: setup
	@status=0; $(PY) -m harness.merge --shards $(foreach n,$(shell seq 1 $(SHARDS)),$(REPORTS)/shard-$(n)) --out $(REPORTS) || status=$$?; \
	$(PY) -m harness.report --reports $(REPORTS) || [ $$status -ne 0 ] || status=1; \
	exit $$status

lint: setup
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .

# The Selenium Grid self-test runs the browser on a real Grid: its server and Java, for it alone.
.tools/grid/.installed: tools/setup-grid $(VENV)/.installed
	@VENV=$(VENV) bash tools/setup-grid
	@touch $@

selftest: setup .tools/grid/.installed
	@$(PY) -m pytest tests -n $(WORKERS)

test: lint selftest conformance

bench: setup
	@$(PY) -m bench --reports $(REPORTS)

steps: setup
	@$(PY) -m harness.step_catalogue

clean:
	rm -rf $(REPORTS)/allure-results $(REPORTS)/allure-report $(REPORTS)/*.json $(REPORTS)/*.md $(REPORTS)/*.xml
