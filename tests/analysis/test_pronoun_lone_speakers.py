"""The pronoun chain keeps a speaker the resolver stores as written: an untagged lone surname
that speaks ("“…,” Castillo told AFP. “…,” he said": Castillo, not a man named before;
`pronoun_lone_speakers`), and a name the parser hung on the quotation's verb after a closing
mark ("“…,” Ramos, 58, told AFP", `pronoun_trailing_names`). Each test asserts what a member
sees: the speaker key every quote of an invented text is stored under."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quote_keys import speaker_keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # an untagged surname, never written in full, speaks; the next "he said" is his
        (
            "Senator Paul Brandt left the hearing early on Thursday.\n\n“We were badly wrong to "
            "not have stopped him at the start,” Castillo, 58, told AFP in an interview in Lima "
            "on Monday.\n\n“Many towns simply did not see the danger coming,” he said.\n",
            ["castillo", "castillo"],
        ),
        (
            "Senator Paul Brandt left the hearing early on Thursday.\n\n“We were wrong,” "
            "Castillo said in Lima.\n\n“Many towns simply did not see the danger coming,” he "
            "said.\n",
            ["castillo", "castillo"],
        ),
    ],
)
def test_lone_speaker_is_a_link(nlp: Language, text: str, keys: list[str | None]) -> None:
    assert speaker_keys(nlp, text) == keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # guard: the name written in full is the person, as before
        (
            "Senator Paul Brandt left the hearing early on Thursday.\n\n“We were badly wrong to "
            "not have stopped him at the start,” Diego Castillo, 58, told AFP in an interview "
            "in Lima on Monday.\n\n“Many towns simply did not see the danger coming,” he said.\n",
            ["diego castillo", "diego castillo"],
        ),
        # guard: a misspelling of a person named in full is no new link: "he" stays Tinsley
        (
            "Dylan Tinsley and Hannah Pruitt missed their flight home on Sunday.\n\n“We tried "
            "every desk in the airport,” Tinsely said. The airline said Rex was too big for the "
            "cabin.\n\n“We love him but he has made things hard,” he said.\n",
            ["tinsely", "dylan tinsley"],
        ),
        # guard: an acronym that speaks is a body (stored as written), no link for "he"
        (
            "Senator Paul Brandt left the hearing early on Thursday.\n\n“We were wrong,” "
            "the BCHT said in a statement.\n\n“Many towns simply did not see the danger coming,” "
            "he said.\n",
            ["bcht", "paul brandt"],
        ),
    ],
)
def test_lone_speaker_guards(nlp: Language, text: str, keys: list[str | None]) -> None:
    assert speaker_keys(nlp, text) == keys
