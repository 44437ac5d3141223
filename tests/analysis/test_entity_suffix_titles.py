"""A title word that is a surname before a generational suffix ("Martin Luther King Jr.") is part
of the name: `entities.strip_titles` reads the suffix with the word before it, so the person is
not stored as "Jr."."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.entities import strip_titles
from tests.analysis.quote_keys import speaker_keys


@pytest.mark.parametrize(
    ("name", "stripped"),
    [
        ("Martin Luther King Jr.", "Martin Luther King Jr."),
        ("Angus S. King Jr.", "Angus S. King Jr."),
        ("Abel Prince III", "Abel Prince III"),
        # guards: titles before the name still go, with or without a suffix
        ("President Joseph R. Biden Jr.", "Joseph R. Biden Jr."),
        ("Russian President Vladimir Putin", "Vladimir Putin"),
        ("Prince Harry", "Harry"),
        ("Billie Jean King", "Billie Jean King"),
    ],
)
def test_suffix_keeps_the_surname(name: str, stripped: str) -> None:
    assert strip_titles(name) == stripped


def test_quotation_of_a_suffixed_name(nlp: Language) -> None:
    text = "“We shall overcome this,” said Martin Luther King Jr. at the march."
    assert speaker_keys(nlp, text) == ["martin luther king jr."]
