"""Quote speakers of issue 12's round 19: a place speaking, and a surname tagged a noun before a
colon.

- "“We will respond,” Moscow said", "Russia said in a statement": a country or city speaking
  for its government was dropped ("a place is not a speaker here"); it is now stored under the
  place, where `/quotes russia` finds it, as PolNeAR's Source names it. Not a word one of the
  article's people bears ("Georgia said" after "Georgia Smith").
  A place speaks in whole quotations only: its words inside a sentence are mostly its name for
  a thing ("Moscow calls it a “special military operation”", a guard of `test_quotes`) or a
  figure of speech, so a partial quote is not given to it.
- "said the charity Oxfam" with the name tagged a place: a body word in apposition to it says
  it is that body's name.
- "Starmer: “…”" with the surname tagged a common noun: a capitalised word alone before the
  colon is looked up among the article's people, as a proper noun there already was.

Each test is an invented passage of such a shape.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quoted import speakers


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Russia and Ukraine traded accusations on Monday over the attack.\n\n"
            "“We will respond,” Moscow said.",
            "moscow",
        ),
        (
            "Russia warned the West on Monday.\n\n"
            "“We will respond to any provocation,” Russia said in a statement.",
            "russia",
        ),
        (
            "Talks between the two countries stalled on Monday.\n\n"
            "“We will not accept these conditions,” Tehran said in a statement.",
            "tehran",
        ),
        (
            "Trade talks resumed on Monday.\n\n"
            "“The tariffs must go,” China said, adding that it would retaliate.",
            "china",
        ),
    ],
)
def test_a_place_speaking_for_its_government(nlp: Language, text: str, key: str) -> None:
    assert speakers(nlp, text)[text.split("“")[1][:12]] == key


def test_a_body_word_before_a_name_tagged_a_place(nlp: Language) -> None:
    text = (
        "Aid groups warned of famine on Friday.\n\n"
        "“The situation is beyond catastrophic,” said the charity Oxfam."
    )
    assert speakers(nlp, text)["The situatio"] == "oxfam"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Labour leader Keir Starmer visited a hospital in Leeds on Monday.\n\n"
            "Starmer: “The NHS is broken and we will fix it.”",
            "keir starmer",
        ),
        (
            "Former President Donald Trump spoke at a rally in Iowa.\n\n"
            "Trump: “We will win this state by a lot.”",
            "donald trump",
        ),
        (
            "Reporters asked the actress Emma Stone about the role.\n\n"
            "Stone: “I loved every minute of it.”",
            "emma stone",
        ),
    ],
)
def test_a_surname_tagged_a_noun_before_a_colon(nlp: Language, text: str, key: str) -> None:
    assert speakers(nlp, text)[text.split("“")[1][:12]] == key


@pytest.mark.parametrize(
    ("text", "quote", "key"),
    [
        # a person bearing the place's name is that person, as before
        (
            "Rep. Steve Israel spoke to reporters on Monday.\n\n"
            "“Republicans are going to have to recruit interns,” Israel said.",
            "Republicans ",
            "steve israel",
        ),
        # a proper noun before the colon, as before
        (
            "Prime Minister Rishi Sunak spoke to reporters.\n\n"
            "Sunak: “We are on track to halve inflation this year.”",
            "We are on tr",
            "rishi sunak",
        ),
    ],
)
def test_names_as_before(nlp: Language, text: str, quote: str, key: str) -> None:
    assert speakers(nlp, text)[quote] == key


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # a capitalised word before a colon that is no one's surname: no speaker
        (
            "Supporters gathered outside the hall on Monday.\n\n"
            "Update: “The event has been cancelled.”",
            "The event ha",
        ),
        (
            "Labour leader Keir Starmer visited a hospital in Leeds on Monday.\n\n"
            "Nurses: “We are exhausted.”",
            "We are exhau",
        ),
        # a place's partial quote: its name for a thing
        (
            "Trade talks resumed on Monday.\n\nChina called the move “a grave provocation.”",
            "a grave prov",
        ),
        # a place in a clause under the main verb ("as Moscow denies"), a dateline in capitals
        (
            "Former aide Anita Dunn spoke to reporters.\n\nIf Russia is meddling — as many "
            "researchers believe, but Moscow strongly denies — “why not raise it?” asked Dunn.",
            "why not rais",
        ),
        # a place's name that one of the article's people bears is not the place
        (
            "Georgia Smith runs the bakery on Main Street.\n\n"
            "“We are closing next month,” Georgia said.",
            "We are closi",
        ),
    ],
)
def test_no_speaker(nlp: Language, text: str, quote: str) -> None:
    found = speakers(nlp, text).get(quote)
    assert found in {None, "georgia smith", "anita dunn"}
