"""Speaker rules of issue 12's twenty-sixth round, speakers written as a description or a short
form: an organisation's acronym defined in brackets ("BCHT said"), a run of titles before "of"
and the holder's name ("Chairman and Chief Executive of Northgate Mills Peter Olsen told"), and
a role description ("The Prime Minister said", "the former mayor argued") for the one person
the paragraphs are about when the article gave that person only a form of address ("Dr") or a
trait ("billionaire"); with guards where the article says otherwise. Each test asserts what a
member sees: the speaker key every quote of an invented text is stored under."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quote_keys import speaker_keys


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # an acronym the article defines in brackets, tagged as nothing
        (
            "In 2024, the plan was handed to Bayshore Community Health Trust (BCHT). Staff were "
            "told of the move in June. BCHT said its plan to sell the buildings was being "
            "“reviewed.”",
            "bayshore community health trust",
        ),
        # a run of titles whose "of" phrase ends in the holder's name after the company's
        (
            "“We cannot hold prices forever,” Chairman and Chief Executive of Northgate Mills "
            "Peter Olsen told reporters on Monday.",
            "peter olsen",
        ),
        (
            "There is no end in sight for rising costs, Managing Director of Coral Freight Jonas "
            "Whitfield said on Monday, adding that the firm would “hold the line”.",
            "jonas whitfield",
        ),
        # "Dr" is a form of address, no role: "The Prime Minister" may be Dr Pierce
        (
            "Dr Anton Pierce has called for a yearly regional forum on banking.\n\nThe proposal "
            "was welcomed by the delegates, and Dr Pierce suggested an even broader meeting in "
            "Washington.\n\nThe Prime Minister said, “We are simply taken for granted by the big "
            "lenders.”",
            "anton pierce",
        ),
        # "billionaire" is a trait, no office: "the former mayor" may be Doyle
        (
            "The race has turned rough for billionaire Mark Doyle, who has spent heavily on the "
            "campaign.\n\nDoyle has tried to apologise for the policy, saying that he failed to "
            "see its effect.\n\nBut his effort hit a hurdle when a recording surfaced. In the "
            "speech, the former mayor argued that the “young and the restless” drove crime.",
            "mark doyle",
        ),
    ],
)
def test_a_description_or_short_form_speaks_for_the_one_it_stands_for(
    nlp: Language, text: str, key: str
) -> None:
    assert speaker_keys(nlp, text) == [key]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # the name before the brackets is cut short ("Pilotage Canada"): no organisation
        (
            "In 2024, the plan was handed to Ports, Shipping and Pilotage Canada (PSPC). Staff "
            "were told of the move in June. PSPC said its plan to sell the buildings was being "
            "“reviewed.”",
            "pspc",
        ),
        # a lawyer for the holder speaks, not the holder
        (
            "“We cannot hold prices forever,” a lawyer for Northgate Mills founder Peter Olsen "
            "told reporters on Monday.",
            None,
        ),
        # the article gave him another office: "The Prime Minister" is not Senator Pierce
        (
            "Senator Anton Pierce has called for a yearly regional forum on banking.\n\nThe "
            "proposal was welcomed by the delegates, and Pierce suggested an even broader "
            "meeting in Washington.\n\nThe Prime Minister said, “We are simply taken for granted "
            "by the big lenders.”",
            None,
        ),
        # nor is "the former mayor" Governor Doyle
        (
            "The race has turned rough for Governor Mark Doyle, who has spent heavily on the "
            "campaign.\n\nDoyle has tried to apologise for the policy, saying that he failed to "
            "see its effect.\n\nBut his effort hit a hurdle when a recording surfaced. In the "
            "speech, the former mayor argued that the “young and the restless” drove crime.",
            None,
        ),
    ],
)
def test_a_description_or_short_form_stays_when_the_article_says_otherwise(
    nlp: Language, text: str, key: str | None
) -> None:
    assert speaker_keys(nlp, text) == [key]
