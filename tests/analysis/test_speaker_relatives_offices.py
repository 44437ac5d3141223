"""Speaker rules of issue 12's session 27, second round: a named person's relative ("Erik Lund's
mother said") is the one other person the article names with that family name, and a role noun
with words of colour ("the brave singer", "the young striker") is the one person introduced with
that role. Invented sentences of each shape, with guards for the look-alike shapes that must not
change; each asserts the speaker keys a member's quotes are stored under."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quote_keys import speaker_keys

_ALBUM = "“I listened to the whole album, and I loved every song on it,”"

# --- a named person's relative ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Maria Lund has praised the band's new album. Speaking at a summit in Oslo on "
            "Monday, Erik Lund's mother said, “I listened to the whole album, and I loved every "
            "song on it.”",
            "maria lund",
        ),
        (
            f"Maria Lund has praised the band's new album. {_ALBUM} Erik Lund's mother said at "
            "a summit in Oslo on Monday.",
            "maria lund",
        ),
        (
            "Peter Kranz watched the final from the stands. “He has worked for this moment since "
            "he was nine years old,” Jonas Kranz's father told reporters after the match.",
            "peter kranz",
        ),
    ],
)
def test_a_relative_is_the_one_other_person_with_that_family_name(
    nlp: Language, text: str, key: str
) -> None:
    assert speaker_keys(nlp, text) == [key]


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # two others share the name: no one to tell
        (
            f"Maria Lund and Sofia Lund have praised the band's new album. {_ALBUM} Erik "
            "Lund's mother said at a summit in Oslo on Monday.",
            [],
        ),
        # the one other Lund has a man's first name: no mother
        (
            f"Anders Lund has praised the band's new album. {_ALBUM} Erik Lund's mother said "
            "at a summit in Oslo on Monday.",
            [],
        ),
        # not a family word: a lawyer speaks for someone, unnamed
        (
            f"Maria Lund has praised the band's new album. {_ALBUM} Erik Lund's lawyer said at "
            "a summit in Oslo on Monday.",
            [None],
        ),
        # no one else with the family name
        (
            f"Maria Berg has praised the band's new album. {_ALBUM} Erik Lund's mother said at "
            "a summit in Oslo on Monday.",
            [],
        ),
    ],
)
def test_a_relative_with_no_one_person_to_name_stays_as_before(
    nlp: Language, text: str, keys: list[str | None]
) -> None:
    assert speaker_keys(nlp, text) == keys


# --- words of colour before a role noun --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Singer Linda Marsh arrived at the hospital with her manager, Tom Reed, on Tuesday. "
            "Reed spoke to reporters outside.\n\n“I am not going to live in fear of it,” the "
            "brave singer said.",
            "linda marsh",
        ),
        (
            "The striker Tom Reed scored twice against the league leaders on Sunday, and coach "
            "Anna Berg praised the team. Berg spoke first.\n\n“I just tried to help the team,” "
            "the young striker said.",
            "tom reed",
        ),
        (
            "Carla Dunn, the novelist, read from her book on Friday, and the host, Tom Reed, "
            "thanked the guests. Reed spoke first.\n\n“I wrote most of it at night,” the "
            "acclaimed novelist said.",
            "carla dunn",
        ),
    ],
)
def test_a_role_noun_with_words_of_colour_is_its_one_holder(
    nlp: Language, text: str, key: str
) -> None:
    assert speaker_keys(nlp, text) == [key]


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # an adjective that makes an office of its own: no prime minister
        (
            "Prime Minister Anna Berg met the visiting delegation on Monday. Tom Reed, a local "
            "official, joined them.\n\n“We are ready for the next step,” the foreign minister "
            "said.",
            [None],
        ),
        # a time in office: the former coach is not the coach named
        (
            "Coach Anna Berg watched the game on Sunday. Tom Reed, a local official, joined "
            "her.\n\n“We are ready for the next step,” the former coach said.",
            [],
        ),
        # two singers named before: no one to tell
        (
            "Singer Linda Marsh and singer Carla Dunn arrived at the hospital on Tuesday. Tom "
            "Reed spoke to reporters outside.\n\n“I am not going to live in fear of it,” the "
            "brave singer said.",
            [],
        ),
        # a capitalised adjective still has to fit
        (
            "Russian President Boris Gromov met the delegation on Monday. Tom Reed, a local "
            "official, joined them.\n\n“We are ready for the next step,” the French president "
            "said.",
            [None],
        ),
    ],
)
def test_a_role_noun_whose_modifiers_say_another_office_stays_as_before(
    nlp: Language, text: str, keys: list[str | None]
) -> None:
    assert speaker_keys(nlp, text) == keys


# --- an office written by its acronym ---------------------------------------------------------

_READY = "\n\n“We are ready for the next step,” the CEO said."


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Tom Reed, the company's CEO, announced the merger on Monday. Anna Berg, the union "
            "leader, attended." + _READY,
            "tom reed",
        ),
        (
            "Acme CEO Tom Reed announced the merger on Monday. Anna Berg, the union leader, "
            "attended." + _READY,
            "tom reed",
        ),
        (
            "Tom Reed, the company's chief executive, announced the merger on Monday. Anna Berg, "
            "the union leader, attended." + _READY,
            "tom reed",
        ),
        # no one named with the office: unnamed, not an entity called "CEO"
        (
            "Acme announced the merger on Monday. Anna Berg, the union leader, attended." + _READY,
            None,
        ),
        # another office: unnamed
        (
            "Tom Reed, the company's CFO, announced the merger on Monday. Anna Berg, the union "
            "leader, attended." + _READY,
            None,
        ),
    ],
)
def test_the_ceo_is_the_person_named_with_that_office(
    nlp: Language, text: str, key: str | None
) -> None:
    assert speaker_keys(nlp, text) == [key]


def test_a_possessed_ceo_stays_as_before(nlp: Language) -> None:
    text = (
        "Tom Reed, the company's CEO, announced the merger on Monday. Anna Berg, the union "
        "leader, attended.\n\n“We are ready for the next step,” the company's CEO said."
    )
    assert speaker_keys(nlp, text) == ["tom reed"]


# --- a calling the model folded into a name at a sentence's start ------------------------------

_STRIKER = (
    "Striker Tom Reed scored twice against the league leaders on Sunday, and coach Anna Berg "
    "praised the team. Berg spoke first.\n\n“I just tried to help the team,” "
)


@pytest.mark.parametrize("said", ["the striker said.", "the young striker said."])
def test_a_calling_folded_into_a_name_is_still_a_role(nlp: Language, said: str) -> None:
    keys = speaker_keys(nlp, _STRIKER + said)
    assert len(keys) == 1
    assert keys[0] is not None
    assert keys[0].endswith("tom reed")


def test_a_first_name_that_is_also_a_word_stays_a_name(nlp: Language) -> None:
    text = (
        "Bill de Blasio signed the bill on Sunday, and Governor Anna Berg praised the city. Berg "
        "spoke first.\n\n“I just tried to help the city,” the mayor said."
    )
    assert speaker_keys(nlp, text) == [None]
