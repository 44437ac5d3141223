"""Speaker rules of issue 12's twenty-sixth round, a speaking "it": it stands for the organisation
the previous speaking "it" stood for, or the latest organisation that spoke ("economists at
Harwick Capital said"), and passes over an organisation named only inside reported words
("adding it hopes more help will come from the Reserve Bank of Australia"); with guards where
the sentences name the organisation, or a writing spoke in between. Each test asserts the
speaker key every quote of an invented text is stored under."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quote_keys import speaker_keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # failing first: nothing stored (the sentences just before name no organisation)
        (
            "Growth will slow to a low of 2 per cent this year, a European lender said on "
            "Monday. Governments have not done enough so far, economists at Harwick Capital "
            "said.\n\nIt can be noted that growth was weak even before the floods.\n\n"
            '"We expect a sharp fall in output in the second quarter," it said.\n',
            ["harwick capital"],
        ),
        # failing first: the second "it" went to the bank named only in the reported words
        (
            "Economists at Harwick Capital said on Monday that growth would slow sharply this "
            'year.\n\n"Our sense is that the response has been timid so far," it said, adding '
            "it hopes more help will come from the Reserve Bank of Australia and the "
            'government.\n\n"The budget will be dented only a little," it said.\n',
            ["harwick capital", "harwick capital"],
        ),
        # guard: the organisation the sentence before names as its subject
        (
            "The Reserve Bank of Australia raised its cash rate on Tuesday.\n\n"
            '"Inflation remains too high," it said.\n',
            ["reserve bank of australia"],
        ),
        # guard: a writing spoke in between, so "it" may be the report: nothing stored
        (
            "Economists at Harwick Capital said on Monday that growth would slow sharply this "
            "year.\n\nSeparately, a report released on Tuesday said prices would keep "
            'rising.\n\n"The budget will be dented only a little," it said.\n',
            [],
        ),
    ],
)
def test_speaking_it(nlp: Language, text: str, keys: list[str]) -> None:
    assert speaker_keys(nlp, text) == keys
