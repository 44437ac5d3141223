"""Quote speakers of issue 12's thirteenth round, from PolNeAR train's description Sources:
"the candidate", "the nominee" and "the leader", which an article seldom writes beside the
name, are the one person the paragraph before is about even when the words around that name
say something else ("WASHINGTON (AP) — Donald Trump", "Mr.", a middle initial). Each test is an
invented passage of that shape; what is asserted is what a member sees: the quote under the
person who said it.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes
from tests.analysis.quoted import speakers


@pytest.mark.parametrize(
    ("text", "first", "key"),
    [
        (
            "WASHINGTON (AP) — Marcus Hale called Tuesday for the board to resign. Lashing out, "
            "Hale said the board was a disgrace.\n\n“The board has embarrassed all of us,” the "
            "presumptive Republican presidential nominee wrote in a morning post.",
            "The board ha",
            "marcus hale",
        ),
        (
            "Mr. Dale J. Orton has no serious opposition in the Oregon primary in May.\n\n"
            "''I have great respect for the farmers of this state,'' the candidate said in an "
            "email message through an aide.",
            "I have great",
            "dale j. orton",
        ),
        (
            "In Denver, Ms. Karen Walsh accepted her party's nomination on Thursday night.\n\n"
            "“A man you can bait with a post is not a man we can trust,” said the Democratic "
            "nominee.",
            "A man you ca",
            "karen walsh",
        ),
        (
            "Andrei K. Volkov blasted Rubel and defended Ostrov in a recent interview with The "
            "Post. “What Rubel has done is one of the worst things I have seen,” the Senate "
            "minority leader said.",
            "What Rubel h",
            "andrei k. volkov",
        ),
    ],
)
def test_a_running_or_leading_description_is_the_person_of_the_paragraph(
    nlp: Language, text: str, first: str, key: str
) -> None:
    """ "the nominee", "the candidate", "the leader": the one person the text before is about."""
    assert speakers(nlp, text)[first] == key


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "Sen. Mara Quill of Ohio said the bill would pass. Gov. Leon Pratt disagreed.\n\n"
            "“It will fail,” the candidate said.",
            "It will fail",
        ),
        (
            "“That would be you?” CNN's Gloria Varn asked.\n\n“That would be me, yes,” the "
            "senator said.",
            "That would b",
        ),
        (
            "Indiana Gov. Paul Serle praised the plan on Monday.\n\n“We will win this,” the "
            "nominee said.",
            "We will win ",
        ),
    ],
)
def test_a_description_is_not_someone_else(nlp: Language, text: str, first: str) -> None:
    """Two people before it, an office the person was never given, or an office that does not
    fit the role the article gave: no one is guessed."""
    assert speakers(nlp, text).get(first) is None


@pytest.mark.parametrize(
    "text",
    [
        "''There is no doubt that he is a very bright and talented man,'' the Russian leader said."
        " ''It is not our business to assess his merits; that is up to the U.S. voters. But he is "
        "an absolute leader of the presidential race.''",
        "''We have always sought to strike a balance,'' the company said. ''There is no magic "
        "algorithm for finding such content on the Internet.''",
    ],
)
def test_a_quote_opened_with_two_apostrophes_goes_on_from_the_one_before(
    nlp: Language, text: str
) -> None:
    """''…,'' X said. ''…'': the first apostrophe of the second mark is no word between the two
    quotes, so the second goes on under the first one's speaker, named or not."""
    doc = nlp(text)
    quotes = extract_quotes(doc, analyse_doc(doc))
    assert len(quotes) == 2
    assert quotes[1].speaker_text == quotes[0].speaker_text


def test_an_office_is_not_its_adjective(nlp: Language) -> None:
    """A "presidential candidate" is no "president": "the president" stays the president the
    paragraph is about, not the latest person introduced as running for the office."""
    text = (
        "President Barack Obama spoke about Republican presidential candidate Donald Trump on "
        "Monday.\n\n“You combine those things, and there is going to be anger,” Obama said.\n\n"
        "“I think somebody like Mr. Trump is taking advantage of that,” the president added."
    )
    assert speakers(nlp, text)["I think some"] == "barack obama"


@pytest.mark.parametrize(
    ("text", "first", "key"),
    [
        (
            "Twitter is heavily used by the group, so much so that some accounts give their "
            "location as ''Wilayat Twitter,'' or ''the province of Twitter.'' Twitter said it "
            "had suspended many of them.\n\n''We condemn the use of our service,'' Twitter said.",
            "We condemn t",
            "twitter",
        ),
        (
            "Marcus Hale keeps calling his rival “Lying Dunn” at rallies. Carl Dunn answered on "
            "Monday.\n\n“I will not stoop to that,” Dunn said.",
            "I will not s",
            "carl dunn",
        ),
    ],
)
def test_a_name_only_quoted_as_a_term_is_nobody_s_full_name(
    nlp: Language, text: str, first: str, key: str
) -> None:
    """A nickname or term the article only quotes ("''Wilayat Twitter''", "“Lying Dunn”") is
    no full name for a bare name to take: the speaker is the one the article names."""
    assert speakers(nlp, text)[first] == key
