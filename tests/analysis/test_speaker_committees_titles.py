"""Speaker rules of issue 12's session 27: a hyphenated office held by someone who is not the
paragraph's subject, an office written after its abbreviated title, members introduced with
their body, and a committee's remit in its name. Each on invented sentences of its shape, with
guards for the look-alike shapes that must not change; each asserts the speaker key a member's
quote is stored under."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quote_keys import speaker_keys

# --- a hyphenated office held by someone else than the paragraph's subject ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "President Joe Biden met Governor-elect Mark Doyle at the White House on Friday.\n\n"
        "“We had a good talk about roads,” the governor-elect said.",
    ],
)
def test_the_one_holder_of_a_hyphenated_office_speaks(nlp: Language, text: str) -> None:
    assert speaker_keys(nlp, text) == ["mark doyle"]


def test_a_hyphenated_office_after_someone_else_was_named_is_no_one(nlp: Language) -> None:
    text = (
        "Governor-elect Mark Doyle toured the plant on Friday.\n\nPresident Joe Biden spoke "
        "later. “We had a good talk about roads,” the governor-elect said."
    )
    assert speaker_keys(nlp, text) == [None]


def test_a_hyphenated_office_two_people_hold_is_no_one(nlp: Language) -> None:
    text = (
        "Governor-elect Mark Doyle and Governor-elect Ann Burke met on Friday.\n\n“We had a "
        "good talk about roads,” the governor-elect said."
    )
    assert speaker_keys(nlp, text) == [None]


def test_a_plain_office_beside_a_hyphenated_one_is_unchanged(nlp: Language) -> None:
    text = (
        "President Joe Biden met Governor-elect Mark Doyle at the White House on Friday.\n\n"
        "“We had a good talk about roads,” the president said."
    )
    assert speaker_keys(nlp, text) == ["joe biden"]


# --- an office written after its abbreviated title: "Sen. Ann Burke" … "the senator" ------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # the paragraph before names two people: the one with the title is the senator
        (
            "Sen. Ann Burke, a Democrat, and Gov. Mark Hill spoke at the rally on Tuesday. Hill "
            "left early.\n\n“This is about fairness,” the senator told reporters.",
            "ann burke",
        ),
        (
            "Rep. Mark Hill, a Republican from Ohio, filed the bill on Tuesday. Sen. Ann Burke "
            "opposed it.\n\nThe senator called the bill “a disgrace.”",
            "ann burke",
        ),
        # "Rep." is a representative, whom American papers call the congressman
        (
            "Rep. Maria Lopez, a Democrat from Texas, filed the bill on Tuesday.\n\n“This is "
            "about fairness,” the congresswoman said.",
            "maria lopez",
        ),
        (
            "Rep. Mark Hill, a Republican from Ohio, filed the bill on Tuesday. Sen. Ann Burke "
            "opposed it.\n\n“This is about fairness,” the congressman said.",
            "mark hill",
        ),
    ],
)
def test_an_office_after_its_abbreviated_title_is_its_holder(
    nlp: Language, text: str, key: str
) -> None:
    assert speaker_keys(nlp, text) == [key]


@pytest.mark.parametrize(
    "text",
    [
        # two lawmakers: no one of them
        "Sen. Ann Burke and Rep. Mark Hill met on Tuesday.\n\n“This is about fairness,” the "
        "lawmaker said.",
        # a governor is no senator
        "Gov. Mark Hill toured the plant on Tuesday.\n\n“This is about fairness,” the senator "
        "said.",
    ],
)
def test_an_office_no_one_or_several_hold_is_no_one(nlp: Language, text: str) -> None:
    assert speaker_keys(nlp, text) in ([None], [])


# --- members introduced with their body speak for it --------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Lawmakers on the House Oversight Committee sent a letter to the agency on Monday."
            "\n\n“We seek answers on this matter,” the lawmakers wrote.",
            "house oversight committee",
        ),
        (
            "Officials at the Department of Energy reviewed the plan.\n\n“The plan is sound,” "
            "the officials said.",
            "department of energy",
        ),
        # the body's kind before "members": the one body of that kind
        (
            "The Senate Ethics Committee met in March.\n\nIn May, committee members warned of "
            "an “unlawful scheme” at the agency.",
            "senate ethics committee",
        ),
    ],
)
def test_members_introduced_with_their_body_speak_for_it(
    nlp: Language, text: str, key: str
) -> None:
    assert speaker_keys(nlp, text) == [key]


@pytest.mark.parametrize(
    "text",
    [
        # introduced with two bodies: no one of them
        "Members of the Farm Bureau and members of the Grain Council met on Monday.\n\n“We seek "
        "answers on this matter,” the members said.",
        # introduced with no body
        "Lawmakers gathered in the capital on Monday.\n\n“We seek answers on this matter,” the "
        "lawmakers said.",
    ],
)
def test_members_tied_to_no_one_body_stay_unnamed(nlp: Language, text: str) -> None:
    assert speaker_keys(nlp, text) in ([None], [])


def test_the_office_written_out_wins_over_an_abbreviated_title(nlp: Language) -> None:
    text = (
        "The donors gave to Sen. Chris Murphy and Sen. Kyrsten Sinema last year.\n\nMontana "
        "senator Jon Tester is a moderate. Tester will need money. But the senator, who "
        "recently said that he brings a “grounded perspective to Washington,” will have to be "
        "careful."
    )
    assert speaker_keys(nlp, text) == ["jon tester"]


# --- a committee's remit after "on" is part of its name -----------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Lawmakers on the House Select Committee on the Strategic Competition Between the "
            "United States and the Chinese Communist Party sent a letter on Monday.\n\n“We seek "
            "answers,” the lawmakers wrote.",
            "house select committee on the strategic competition between the united states and "
            "the chinese communist party",
        ),
        # the model's own whole name, which stays as it is
        (
            "The Senate Committee on Foreign Relations met on Monday.\n\n“We seek answers,” the "
            "committee said.",
            "senate committee on foreign relations",
        ),
    ],
)
def test_a_committee_is_named_with_its_remit(nlp: Language, text: str, key: str) -> None:
    assert speaker_keys(nlp, text) == [key]


def test_a_date_after_a_committee_is_no_remit(nlp: Language) -> None:
    text = (
        "The Budget Committee on Monday voted for the plan.\n\n“We seek answers,” the "
        "committee said."
    )
    assert speaker_keys(nlp, text) == ["budget committee"]
