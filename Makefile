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
SEED_OPT := $(if $(SEED),--seed $(SEED),)
PRODUCT_OPTS := $(if $(CLIENT),--client=$(CLIENT),) $(if $(WEB_APP),--web-app=$(WEB_APP),) \
	$(if $(MICOLLAB_WEB_CLIENT),--micollab-web-client=$(MICOLLAB_WEB_CLIENT),) \
	$(if $(MOBILE_CLIENT),--mobile-client=$(MOBILE_CLIENT),)
PYTEST_FEATURES := $(PY) -m pytest features -n $(WORKERS) $(PRODUCT_OPTS) $(SEED_OPT) \
	--reports-dir=$(REPORTS) --junitxml=$(REPORTS)/junit.xml \
	--alluredir=$(REPORTS)/allure-results --clean-alluredir \
	--allure-link-pattern=requirement:../../docs/requirements.md#{}

.PHONY: setup conformance test lint selftest bench steps clean

# Every pytest process (each xdist worker, each nested self-test run) imports the same modules:
# with bytecode caching switched off by the environment, each one compiles them all again
# (about a second apiece). The packages are compiled at install; the harness's own modules are
# cached in __pycache__ (ignored by git).
unexport PYTHONDONTWRITEBYTECODE

MITMPROXY := mitmproxy==11.0.2

setup: $(VENV)/.installed .tools/.installed .tools/proxy/.installed .tools/chromium.installed .tools/xmlsec1.installed

$(VENV)/.installed: pyproject.toml
	@command -v python3 >/dev/null || { echo "Python 3.11 is needed: apt-get install python3 python3-venv"; exit 1; }
	@test -x $(PY) || python3 -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check uv==0.13.9
	@$(UV) pip install --quiet --compile-bytecode --python $(PY) -r pyproject.toml --extra dev
	@touch $@

# mitmproxy pins versions that clash with the harness's own packages: it gets its own environment.
.tools/proxy/.installed: $(VENV)/.installed
	@test -x .tools/proxy/bin/python || python3 -m venv .tools/proxy
	@$(UV) pip install --quiet --compile-bytecode --python .tools/proxy/bin/python $(MITMPROXY)
	@touch $@

# Headless Chromium and its driver from Debian, for the web applications; nothing downloads a browser.
.tools/chromium.installed:
	@if [ ! -x /usr/lib/chromium/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  if [ "$$(id -u)" -ne 0 ]; then echo "install Chromium: apt-get install chromium chromium-driver (as root)"; exit 1; fi; \
	  echo "installing Chromium and ChromeDriver from Debian"; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null; \
	fi
	@mkdir -p .tools && touch $@

# xmlsec1 from Debian, for pysaml2 (a self-test's service provider); only when missing.
.tools/xmlsec1.installed:
	@if ! command -v xmlsec1 >/dev/null; then \
	  if [ "$$(id -u)" -ne 0 ]; then echo "install xmlsec1: apt-get install xmlsec1 (as root)"; exit 1; fi; \
	  echo "installing xmlsec1 from Debian"; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends xmlsec1 >/dev/null; \
	fi
	@mkdir -p .tools && touch $@

.tools/.installed: tools/setup-allure $(VENV)/.installed
	@VENV=$(VENV) bash tools/setup-allure
	@mkdir -p .tools && touch $@

# Every feature against the client, then the Allure report and the summary; fails on any failed scenario.
conformance: setup
	@mkdir -p $(REPORTS)
	@status=0; $(PYTEST_FEATURES) || status=$$?; \
	$(PY) -m harness.report --reports $(REPORTS) || status=$${status:-1}; \
	exit $$status

lint: setup
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .

selftest: setup
	@$(PY) -m pytest tests -n $(WORKERS)

test: lint selftest conformance

bench: setup
	@$(PY) -m bench --reports $(REPORTS)

steps: setup
	@$(PY) -m harness.step_catalogue

clean:
	rm -rf $(REPORTS)/allure-results $(REPORTS)/allure-report $(REPORTS)/*.json $(REPORTS)/*.md $(REPORTS)/*.xml
