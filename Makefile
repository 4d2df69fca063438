# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSDEPS_STAMP := $(VENV)/.sysdeps
TS := $(wildcard assets/translations/*.ts)
QM := $(TS:.ts=.qm)
export QT_QPA_PLATFORM ?= offscreen
# pytest workers for `make test` (pytest-xdist): one per core by default
TEST_WORKERS ?= auto

.PHONY: demo test lint fmt screenshots bench translations ts sysdeps clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[ui,center,reports,test,dev]'
	touch $@

# System packages the product and its tests use, installed with apt when we are root.
$(SYSDEPS_STAMP): scripts/sysdeps.sh | $(STAMP)
	bash scripts/sysdeps.sh
	touch $@

sysdeps: $(SYSDEPS_STAMP)

assets/translations/%.qm: assets/translations/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# Refresh the .ts sources from the tr() calls of each ui package (then translate, then commit);
# ui/printing has no text of its own (its words are kiosk/printing's, in both languages).
ts: $(STAMP)
	for d in ui/*/; do n=$$(basename $$d); case $$n in __pycache__|printing) continue;; esac; \
	  $(BIN)/pyside6-lupdate $$(find $$d -name '*.py') -ts assets/translations/$${n}_zh_CN.ts \
	    -no-obsolete -source-language en -target-language zh_CN; done

demo: $(STAMP) $(SYSDEPS_STAMP) translations
	QT_QPA_PLATFORM= $(BIN)/kiosk demo

test: $(STAMP) $(SYSDEPS_STAMP) translations
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check kiosk ui tests benchmarks
	$(BIN)/ruff format --check kiosk ui tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

fmt: $(STAMP)
	$(BIN)/ruff format kiosk ui tests benchmarks
	$(BIN)/ruff check --fix kiosk ui tests benchmarks

screenshots: $(STAMP) $(SYSDEPS_STAMP) translations
	$(BIN)/python scripts/screenshots.py

bench: $(STAMP) $(SYSDEPS_STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(QM)
