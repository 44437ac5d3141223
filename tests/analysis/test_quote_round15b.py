"""Quote speakers of issue 12's round 15b, from PolNeAR train's misses: a quoted sentence that
what someone said introduces with no speech verb ("Barrett's dictum to his interns was, “…”",
"Clinton's response was: “…”", "From Bush's Facebook post: “…”"). Each test is an invented
passage of that shape; what is asserted is what a member sees: the quotation under the person
who said it, and no one's when the possessor is no one the article names.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quoted import speakers


@pytest.mark.parametrize(
    ("text", "first", "key"),
    [
        (
            "She learned the trade under Walter Brennan, the veteran crime reporter of the "
            "Harbor Gazette. Brennan's motto for his trainees (told to her many times) was, "
            "“A story nobody wants buried is not worth writing.”",
            "A story nobo",
            "walter brennan",
        ),
        (
            "Aide Tom Reyes wrote to Senator Helen Marsh about the flooding in the valley. "
            "Marsh's reply was: “Is the bridge on the north road still open?”",
            "Is the bridg",
            "helen marsh",
        ),
        (
            "Governor Alan Pryce will back the mayor in the runoff. From Pryce's latest "
            "post: “For the good of our city, we must come together behind one candidate.”",
            "For the good",
            "alan pryce",
        ),
        (
            "Rita Okafor has taught the school's debate team for years. Okafor's advice to "
            "every new speaker is: “Never read your notes aloud.”",
            "Never read y",
            "rita okafor",
        ),
    ],
)
def test_a_named_person_s_words_introduce_their_quotation(
    nlp: Language, text: str, first: str, key: str
) -> None:
    """A noun of saying possessed by a named person, right before the quotation (as the
    subject of "was" or before a colon), makes the quotation theirs."""
    assert speakers(nlp, text)[first] == key


@pytest.mark.parametrize(
    "text",
    [
        # the possessor is a place, not a speaker
        "Rain fell for a week in the north. Denmark's answer was: “Build higher dikes.”",
        # the noun is no saying: a favourite show, not words
        "Senator Helen Marsh rarely watches television. Marsh's favourite show is: "
        "“Life on the Farm.”",
    ],
)
def test_a_possessor_that_is_no_speaker_or_a_noun_that_is_no_saying_gives_no_one(
    nlp: Language, text: str
) -> None:
    """Nothing is given to a place, nor for a possessed noun that is not words."""
    assert not any(key is not None for key in speakers(nlp, text).values())


def test_a_campaign_manager_s_possessor_owns_the_campaign_that_speaks(nlp: Language) -> None:
    """ "Ellen Park's campaign manager" names Park's campaign, so "the campaign's statement"
    after it speaks for Park (the parser hangs "Park's" on "manager", not on "campaign")."""
    text = (
        "Senator Ellen Park's campaign manager said on Monday that the audit was over.\n\n"
        "The campaign's statement then declares: “We are glad this matter is behind us.”"
    )
    assert speakers(nlp, text)["We are glad "] == "ellen park"


def test_a_campaign_rival_runs_another_campaign(nlp: Language) -> None:
    """ "Park's campaign rival" is not Park's campaign: the campaign that speaks after it is
    not given to Park."""
    text = (
        "Senator Ellen Park's campaign rival spent the week in the valley.\n\n"
        "The campaign's statement then declares: “We are glad this matter is behind us.”"
    )
    assert speakers(nlp, text).get("We are glad ") != "ellen park"
