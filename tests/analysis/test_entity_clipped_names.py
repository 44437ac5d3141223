"""An organisation written by its clipped name is the organisation (`entity_clipped_names`)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.types import EntityKind
from tests.analysis.quote_keys import speaker_keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        (
            "The Federal Reserve kept its rate unchanged on Wednesday. The Fed said in a statement "
            "that “inflation remains somewhat elevated.”",
            ["federal reserve"],
        ),
        # after a country's abbreviation
        (
            "The U.S. Federal Reserve kept its rate unchanged on Wednesday. “Inflation remains "
            "somewhat elevated,” the Fed said in a statement.",
            ["federal reserve"],
        ),
        (
            "The Metropolitan Police opened an inquiry on Monday. “We are appealing for "
            "witnesses,” the Met said.",
            ["metropolitan police"],
        ),
        # guard: two organisations of two words whose first word the clip starts
        (
            "The Federal Reserve and the Federal Bureau met in May. “We wait,” the Fed said.",
            ["fed"],
        ),
        # guard: a longer body is no candidate (the committee is a body of the Fed)
        (
            "The Federal Open Market Committee met in May. “We wait,” the Fed said.",
            ["fed"],
        ),
    ],
)
def test_a_clipped_name_speaks_for_the_one_organisation_it_clips(
    nlp: Language, text: str, keys: list[str]
) -> None:
    assert speaker_keys(nlp, text) == keys


def test_the_clipped_name_is_one_entity_with_the_full_name(nlp: Language) -> None:
    doc = nlp("The Federal Reserve raised rates in March. Traders expect the Fed to pause in June.")
    orgs = {m.key for m in analyse_doc(doc).mentions if m.kind == EntityKind.ORG}
    assert orgs == {"federal reserve"}
