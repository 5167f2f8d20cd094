# The two commands: `make up` (the whole system, locally, with demo data) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# An S3-compatible server for the tests of the object store (MinIO itself is not packaged);
# defined before the rules that name it (make reads a rule's prerequisites as it goes).
S3RVER := .cache/npm/node_modules/.bin/s3rver

.PHONY: up test install browser translations protos test-unit test-integration test-e2e test-fault test-security bench lint lock check-deploy deploy-files clean

up: install
	$(PY) -m deploy.launcher up

test: install browser $(S3RVER)
	$(VENV)/bin/ruff check .
	$(PY) -m gateway.translations --check
	$(PY) -m pytest -m unit -q
	$(PY) -m pytest -m integration -q
	$(PY) -m pytest -m e2e -q
	$(PY) -m pytest -m fault -q
	$(PY) -m pytest -m security -q -s
	$(PY) -m pytest -m perf -q

install: $(STAMP) cms/__init__.py

# Reinstall when the locked requirements change.
$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(PY) -c "import site, sys; open(site.getsitepackages()[0] + '/campus-repo.pth', 'w').write(sys.argv[1] + '\n')" "$(CURDIR)"
	touch $(STAMP)

# Python modules generated from protos/ (not committed).
cms/__init__.py: $(STAMP) $(shell find protos -name '*.proto')
	$(PY) -m campus.protogen

# Debian's chromium for the browser tests, and axe-core (npm) served to the pages under test.
AXE := .cache/npm/node_modules/axe-core/axe.min.js
browser: $(AXE)
	bash deploy/debian/install-browser.sh

$(AXE):
	npm install --silent --no-audit --no-fund --prefix .cache/npm axe-core@4.14.1

$(S3RVER):
	npm install --silent --no-audit --no-fund --prefix .cache/npm s3rver@3.7.1

# The Urdu catalogue (.po and .mo) from gateway/translations/urdu.py and the portal's messages.
translations: $(STAMP)
	$(PY) -m gateway.translations

protos: $(STAMP)
	$(PY) -m campus.protogen

test-unit test-integration test-e2e test-fault test-security: install
	$(PY) -m pytest -m $(subst test-,,$@) -q
test-integration: $(S3RVER)

bench: install
	$(PY) -m tests.perf.bench_dashboard
	$(PY) -m tests.perf.bench_registration
	$(PY) -m tests.perf.bench_results
	$(PY) -m tests.perf.bench_collection
	$(PY) -m tests.perf.bench_faq
	$(PY) -m tests.perf.bench_announcements
	$(PY) -m tests.perf.bench_tracking

lint: install
	$(VENV)/bin/ruff check .

check-deploy: install
	$(PY) -m deploy.check

# compose.yaml, k8s/base/<service>.yaml ... from deploy/templates/ and the services' definitions.
deploy-files: install
	$(PY) -m deploy.render

# Re-pin the whole dependency tree from requirements*.in.
lock:
	rm -rf /tmp/cms-lock && $(PYTHON) -m venv /tmp/cms-lock
	/tmp/cms-lock/bin/pip install --quiet -r requirements.in
	/tmp/cms-lock/bin/pip freeze --all | grep -vE '^(pip|wheel)==' > requirements.txt.new
	/tmp/cms-lock/bin/pip install --quiet -r requirements-dev.in
	/tmp/cms-lock/bin/pip freeze --all | grep -vE '^(pip|wheel)==' | grep -vxFf requirements.txt.new > requirements-dev.txt.new
	(echo '# Locked runtime tree, generated from requirements.in by `make lock`.'; cat requirements.txt.new) > requirements.txt
	(echo '# Locked test tools, generated from requirements-dev.in by `make lock`.'; echo '-r requirements.txt'; cat requirements-dev.txt.new) > requirements-dev.txt
	rm -f requirements.txt.new requirements-dev.txt.new

clean:
	rm -rf $(VENV) cms var
