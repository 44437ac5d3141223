"""Speaker rules of issue 12's twenty-seventh round, bodies: a state body named by its nation
("the Egyptian government said") is that body; a body's noun ("the ruling party") is never a
person's role; members named by the plural the body's name holds ("the doctors" after the "…
Doctors Association") are the body; a body's people at a place-tagged name ("officials at
Etlaq") speak for it; representatives of a legislature are not the legislature. Guards: a
nation's people ("Israeli officials"), a body with no nation ("the military"), doctors of an
article that names no body of doctors, and a body named inside the quotation. Each test asserts
the speaker key every quote of an invented text is stored under."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quote_keys import speaker_keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # failing first: nothing stored (a body word is no speaker noun)
        (
            'The Israeli military said it struck a car that was "being used by a terrorist '
            'cell near the hospital."\n',
            ["israeli military"],
        ),
        # failing first: unlinked
        (
            'The Philippine government announced that a vessel was "deliberately sideswiped '
            'by a Chinese ship" when it was near the shoal.\n',
            ["philippine government"],
        ),
        # failing first: unlinked
        (
            "Senator Tom Malinowski wrote to the court on Monday. The Egyptian government said "
            'in a filing, "The minister has immunity from suit in this country."\n',
            ["egyptian government"],
        ),
        # failing first: nothing stored; a mission's posting is part of its name
        (
            "The Israeli mission to the UN in Geneva called the rapporteur's comments "
            '"deplorable and deeply concerning."\n',
            ["israeli mission to the un in geneva"],
        ),
        # guard: people of a nation, several of them, stay unnamed
        (
            'Israeli officials said the strike was "aimed at a command post of the group."\n',
            [None],
        ),
        # guard: "the military" alone names no nation: no one to store it under
        (
            'The military said the strike was "aimed at a command post of the group."\n',
            [],
        ),
    ],
)
def test_state_body(nlp: Language, text: str, keys: list[str | None]) -> None:
    assert speaker_keys(nlp, text) == keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # failing first: the party leader named with "party" in his role was taken for it
        (
            "Yoshihiko Noda, leader of the Constitutional Democratic Party of Japan, criticised "
            "Prime Minister Shigeru Ishiba and his Liberal Democratic Party on Sunday.\n\n"
            "Meanwhile, the ruling party has vowed in its campaign pledges to "
            '"review the system and abolish it in the future."\n',
            [None],
        ),
        # guard: a role noun still reaches the person introduced with it
        (
            "Yoshihiko Noda, leader of the Constitutional Democratic Party of Japan, spoke in "
            'Tokyo on Sunday.\n\n"We will win this election," the party leader said.\n',
            ["yoshihiko noda"],
        ),
    ],
)
def test_body_is_no_role(nlp: Language, text: str, keys: list[str | None]) -> None:
    assert speaker_keys(nlp, text) == keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # failing first: nothing stored
        (
            "The Zimbabwe Hospital Doctors Association said on Monday its members would strike. "
            "The doctors warned that without protective equipment they would not be able to "
            '"continue conducting our duties safely."\n',
            ["zimbabwe hospital doctors association"],
        ),
        # failing first: unlinked
        (
            'Members of the United Auto Workers walked out on Friday. "We are not going back '
            'until we get a fair deal," the workers said.\n',
            ["united auto workers"],
        ),
        # guard: no body of doctors named: the doctors stay unnamed (nothing stored)
        (
            'Hundreds of doctors gathered outside the hospital on Monday. "We are not going '
            'back until we get paid," the doctors said.\n',
            [],
        ),
        # guard: the body is named only inside the quotation
        (
            'Workers walked out on Friday. "The United Auto Workers will not back down," the '
            "workers said.\n",
            [None],
        ),
    ],
)
def test_members_body(nlp: Language, text: str, keys: list[str | None]) -> None:
    assert speaker_keys(nlp, text) == keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # failing first: unlinked ("Etlaq" tagged a place)
        (
            "In a LinkedIn post, officials at Etlaq described the launch as having "
            '"concluded without any problems at all."\n',
            ["etlaq"],
        ),
        # guard: officials in a place are not the place
        (
            'Officials in Gaza described the strike as "a massacre of civilians."\n',
            [None],
        ),
        # failing first: representatives of a legislature were taken for the legislature
        (
            "Lawmakers in Congress met on Tuesday. Congress representatives said the "
            'information had left them wanting to "continue talking about this for a long '
            'time."\n',
            [None],
        ),
        # guard: a spokesperson of a named body still speaks for it
        (
            'A Harwick Bank spokesperson said the branch would "stay open for now."\n',
            ["harwick bank"],
        ),
    ],
)
def test_body_voices(nlp: Language, text: str, keys: list[str | None]) -> None:
    assert speaker_keys(nlp, text) == keys
