"""A surname written alone and misspelt by one letter ("Whitfeild said" after "Marcus
Whitfield") is the one person named in full with the surname it nearly is
(`entity_misspelt_surnames`); a letter added ("Whitfields", a family) or a short name ("Lou"
beside "Lew", two people) is left alone. Each test asserts what a member sees: the speaker key
every quote of an invented text is stored under."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quote_keys import speaker_keys

_FIRST = (
    "“Emissions fell sharply last year,” said Marcus {name}, a partner at the Harbor Group.\n\n"
)
_THEN = "Prices rose too. “But that is not going to happen on its own,” {lone} said.\n"


def _text(name: str, lone: str) -> str:
    return _FIRST.format(name=name) + _THEN.format(lone=lone)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        (_text("Whitfield", "Whitfeild"), ["marcus whitfield", "marcus whitfield"]),
        # guards: a letter added, a short name: left as written
        (_text("Whitfield", "Whitfields"), ["marcus whitfield", "whitfields"]),
        (_text("Lew", "Lou"), ["marcus lew", "lou"]),
    ],
)
def test_misspelt_surname(nlp: Language, text: str, keys: list[str | None]) -> None:
    assert speaker_keys(nlp, text) == keys
