# The two commands of the README: `make demo` and `make test`. Both set up .venv themselves.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint pytest install clean screenshots

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/analyst ingest samples/russia-iran
	$(BIN)/analyst stats
	$(BIN)/analyst timeline
	$(BIN)/analyst quotes putin
	$(BIN)/analyst compare 2015 2024

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The suite runs on WORKERS processes (pytest-xdist, each test file on one worker), then the
# `solo` tests (wall-clock deadlines, killed children, stress) alone, where no other test
# competes with their clocks. WORKERS=0 runs everything in this process.
WORKERS ?= 2

pytest: $(STAMP)
	$(BIN)/python -m pytest -m "not solo" $(if $(filter 0,$(WORKERS)),,-n $(WORKERS) --dist loadfile)
	$(BIN)/python -m pytest -m solo

test: lint pytest

# What members see (docs/screenshots/*.png): the real bot on the samples through the tests' fake
# Discord, drawn by headless Chromium (Debian: apt-get install chromium). Not part of test or demo.
screenshots: $(STAMP)
	$(BIN)/python -m docs.screenshots.make

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache .hypothesis
