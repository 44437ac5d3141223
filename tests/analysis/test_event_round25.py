"""Event dates of issue 12's round 25 (general mechanisms drawn from the wrong events left on
every development set), in invented sentences, each shape with the guards that keep their
dates."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates


def dated(nlp: Language, text: str, published: date) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, published) if found != "None"]


WRITTEN = date(2021, 3, 16)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a trailing participle tells the result of a dated past happening, at its time: a
        # date after the writing in it dates a thing the result looks ahead to
        ("The club won the semi-final on Sunday, setting up a final against Leeds next month.",
         ["2021-03-14"]),
        ("The film took the top prize at the guild awards on Sunday, while its two leads were "
         "honoured too, cementing their places as favourites at the festival next month.",
         ["2021-03-14"]),
        ("The rider finished third on Saturday, securing a start at the world championships "
         "next year.", ["2021-03-13"]),
        # guards: the main clause told in the future, a speaker's words below the participle,
        # a participle date not after the writing, a participle opening the sentence, and a
        # main clause without a date keep their dates
        ("The club will play on Sunday, hoping to reach the final next month.",
         ["2021-03-21", "2021-04-01"]),
        ("The minister resigned on Monday, saying she plans to leave parliament next month.",
         ["2021-03-15"]),
        ("The index fell on Monday, erasing gains made last week.", ["2021-03-15"]),
        ("Opening next month, the museum was unveiled on Monday.",
         ["2021-04-01", "2021-03-15"]),
        ("The club won the semi-final, setting up a final against Leeds next month.",
         ["2021-04-01"]),
        ("The club won the semi-final on Sunday. It will play Leeds next month.",
         ["2021-03-14", "2021-04-01"]),
    ],
)  # fmt: skip
def test_a_trailing_result_participle_takes_its_clause_time(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


STORY_WRITTEN = date(2024, 9, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a text that says it is back in the writing's present ("over the past few months",
        # "in recent weeks", "in the last two years") ends the earlier year its story carried:
        # a yearless month after it is of the writing's year
        ("The chain was founded in March 2019. Its first shop opened in May 2019 in Leeds.\n\n"
         "Sales have slowed over the past few months, analysts say.\n\n"
         "The chain cut its prices twice, once in July and again in August.",
         ["2019-03-01", "2019-05-01", "2024-07-01", "2024-08-01"]),
        ("The port was closed in March 2021 and reopened in June 2021.\n\n"
         "Traffic has grown in recent weeks.\n\nThe owners raised fees in July.",
         ["2021-03-01", "2021-06-01", "2024-07-01"]),
        # guard: with nothing of the writing's present between, the story's year holds
        ("The chain was founded in March 2019. Its first shop opened in May 2019 in Leeds.\n\n"
         "The chain cut its prices twice, once in July and again in August.",
         ["2019-03-01", "2019-05-01", "2019-07-01", "2019-08-01"]),
    ],
)  # fmt: skip
def test_the_writings_present_ends_a_carried_story_year(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, STORY_WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hedged count of months is as vague as a hedged count of days: the month it counts
        # to, not that month's year
        ("Just over a month ago, the council floated a new tax.", ["2024-08-01"]),
        ("Roughly six months ago, the council floated a new tax.", ["2024-03-01"]),
        ("More than two months ago, the council floated a new tax.", ["2024-07-01"]),
        # guards: a plain count of months, hedged days and weeks, and hedged years
        ("Two months ago, the council floated a new tax.", ["2024-07-01"]),
        ("Well over 15 days ago, the council floated a new tax.", ["2024-08-01"]),
        ("About two weeks ago, the council floated a new tax.", ["2024-08-01"]),
        ("Almost a year ago, the council floated a new tax.", ["2023-01-01"]),
    ],
)  # fmt: skip
def test_a_hedged_count_of_months_is_a_month(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text, STORY_WRITTEN) == expected


WEEK_WRITTEN = date(2024, 10, 15)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday with its week after any preposition is one date: its week is not a second
        # date (an event of its own) beside a weekday counted from the wrong week
        ("The joint drills, which run until Wednesday next week, come days after a collision "
         "at sea.", []),
        ("Applications must be filed by Friday next week.", []),
        ("The curfew has been in place since Monday last week.", []),
        # guards: a start whose week already was its context, 'on' as before, a weekday and a
        # week of different clauses, a bare weekday
        ("The new rules will come into force from Monday next week.", ["2024-10-21"]),
        ("The ferry sank on Friday last week.", ["2024-10-11"]),
        ("The rules came into force on Monday, and a ban will follow next week.",
         ["2024-10-14", "2024-10-21"]),
        ("The drills will run until Wednesday.", []),
    ],
)  # fmt: skip
def test_a_weekday_and_its_week_after_a_preposition_are_one_date(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WEEK_WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reporting clause dated by a clause of the same time ('as', 'when', 'while') is a
        # dated frame: the date inside what it reports is its content, a second date
        ("As the naval drills began yesterday, the government announced that a patrol boat "
         "had been damaged on Friday last week.", ["2024-10-14"]),
        ("When the talks opened on Monday, the minister said the deal had been agreed on "
         "Friday.", ["2024-10-14"]),
        ("While the storm was raging on Monday, officials warned that the river would peak on "
         "Friday.", ["2024-10-14"]),
        # guards: a clause of an earlier time ('after'), a frame with no report, and a date in
        # the same-time clause alone keep their dates
        ("After the talks opened on Monday, the minister said the deal had been agreed on "
         "Friday.", ["2024-10-14", "2024-10-11"]),
        ("When the talks opened on Monday, the minister signed the deal and left.",
         ["2024-10-14"]),
        ("The minister said the deal had been agreed on Friday.", ["2024-10-11"]),
    ],
)  # fmt: skip
def test_a_frame_dated_by_a_clause_of_the_same_time(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WEEK_WRITTEN) == expected


PEOPLE_WRITTEN = date(2024, 8, 8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date before a noun of people named by their part in a happening describes them:
        # no event of the sentence (nor a day of the coming October)
        ("He said the Oct. 7 terrorists would be hunted down.", []),
        ("Three of the Oct. 7 hostages were freed on Monday.", ["2024-08-05"]),
        ("The March 3 protesters were fined last week.", ["2024-07-29"]),
        # guards: a date naming the happening itself, people on the verb's day, a relative
        # clause telling the last days' news
        ("The Oct. 7 attack killed 1,200 people.", ["2023-10-07"]),
        ("Police arrested the gunman on Monday.", ["2024-08-05"]),
        ("The gunman, who opened fire on Monday, remains in custody.", ["2024-08-05"]),
    ],
)  # fmt: skip
def test_a_date_naming_people_by_their_part_describes_them(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, PEOPLE_WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'in/during/over the year after (before) a thing' is the twelve months counted from the
        # thing, not the calendar year after (before) the thing's year
        ("She had the operation in 2023. She lost 50 kilos in the year after the operation.",
         ["2023-01-01"]),
        ("The plant opened in 2019. Output doubled during the year before the merger.",
         ["2019-01-01"]),
        # guards: the calendar year after, with no span word before it, or with nothing after
        ("She had the operation in 2023. The year after the operation, she ran a marathon.",
         ["2023-01-01", "2024-01-01"]),
        ("She had the operation in 2023. She ran a marathon the year after.",
         ["2023-01-01", "2024-01-01"]),
    ],
)  # fmt: skip
def test_in_the_year_after_a_thing_is_a_span(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text, date(2025, 4, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'the day after' a clause with a happening of its own counts from that happening; the
        # text does not date it, so the phrase is left undated, not counted from the last day
        # the text wrote
        ("The show opened on Monday. A rival said it was shameful that she went to the show the "
         "day after it was revealed the minister had failed to declare gifts.", ["2024-09-16"]),
        ("The debate was held on Wednesday. The governor spoke about taxes on the day after "
         "turnout collapsed in the local elections.", ["2024-09-11"]),
        ("The debate was held on Wednesday. The governor resigned the day after voters "
         "rejected his budget.", ["2024-09-11"]),
        # guards: the story's own person ('he vanished'), a thing the text dated, a bare 'the
        # day after'
        ("He was last seen on Sunday. He had walked to a party the night before he vanished.",
         ["2024-09-15", "2024-09-14"]),
        ("The shooting happened on Friday. Police arrested him the day after the shooting.",
         ["2024-09-13", "2024-09-14"]),
        ("The vote was held on Friday. The day after, the minister resigned.",
         ["2024-09-13", "2024-09-14"]),
    ],
)  # fmt: skip
def test_the_day_after_a_clause_of_its_own(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text, date(2024, 9, 17)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative day inside a quotation a source retells from a scene of its own (a past
        # reporting verb inside what another says) is the undated scene's day, not the writing's
        ('The witness said the manager told her: "We are going to have a long day today."', []),
        ("She said he then announced: “My brother will be joining us tonight,” and left the "
         "room.", []),
        # guards: a quotation the source speaks itself, a retold telling that is dated, words
        # outside the quotation marks
        ('The mayor told reporters: "We will reopen the bridge today."', ["2026-04-20"]),
        ('Smith said the chief told him on Friday: "We will charge them today."',
         ["2026-04-17"]),
        ("The coach said the captain told him today that they would win.", ["2026-04-20"]),
        ('"We will win today," the coach said.', ["2026-04-20"]),
    ],
)  # fmt: skip
def test_a_relative_day_in_a_retold_quotation(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, date(2026, 4, 20)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same for a past participle trailing a dated past clause, through its open
        # complement ("..., scheduled to take effect next month"), or right after a noun the
        # parser hung it away from ("ahead of a strike announced to be held on Friday")
        ("The law was passed on Monday, scheduled to take effect next month.", ["2021-03-15"]),
        ("The board approved the merger on Monday, expected to close next year.",
         ["2021-03-15"]),
        ("The sit-in entered its tenth day on Sunday ahead of 'Bharat bandh' announced to be "
         "observed on March 20 if the demands are not met.", ["2021-03-14"]),
        # guards: a coordinated plan, a participle of a clause told in the future, a past
        # participle with no date after the writing
        ("The council met on Monday and voted to hold elections next year.",
         ["2021-03-15", "2022-01-01"]),
        ("The law will be passed on Monday, scheduled to take effect next month.",
         ["2021-03-22", "2021-04-01"]),
        ("The firm was sold on Monday, backed by investors who bought it in 2019.",
         ["2021-03-15"]),
    ],
)  # fmt: skip
def test_a_trailing_past_participle_takes_its_clause_time(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the base of a change written after its figure is a reference point, whatever the
        # parser hangs its date on (the second, hung on 'from', was read so already)
        ("Net asset value per unit was $2.06 as at Aug 31, down from $2.16 as at Aug 31 last "
         "year.", ["2020-08-31"]),
        ("Book value stood at 1.9 billion on June 30, up from 1.7 billion at Dec 31 last year.",
         ["2020-06-30"]),
        # guards: a change with no figure after 'from', the change's own date
        ("Shares closed down from their peak on Monday.", ["2020-09-07"]),
        ("Unemployment fell to 4 percent in August.", ["2020-08-01"]),
    ],
)  # fmt: skip
def test_the_base_of_a_change_after_its_figure(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, date(2020, 9, 8)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the next week/month" counts from the story's moment, as "the following week" does,
        # not from the day of writing: the words do not give which week
        ("The launch was set for April 28. The next week, during testing, the crew found a "
         "fault and scrubbed the flight.", ["2025-04-28"]),
        ("The shop opened on May 2. The next month, its owner sold it.", ["2025-05-02"]),
        # guards: 'next week' and 'next month' of the writing, 'the next day'
        ("The crew will test the rocket next week.", ["2025-10-27"]),
        ("Sales will rise next month, the firm said.", ["2025-11-01"]),
        ("The shop opened on May 2. The next day, its owner sold it.",
         ["2025-05-02", "2025-05-03"]),
    ],
)  # fmt: skip
def test_the_next_week_counts_from_the_story(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text, date(2025, 10, 21)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date counted back after the 'from' of a noun of change is the base the change is
        # measured from, not the sentence's event (the second was read so already)
        ("The new forecast marks a real improvement from 12 months ago, when emissions were "
         "rising.", []),
        ("Exports showed a steep reduction from a year earlier, the office said on Monday.",
         ["2024-11-25"]),
        # guards: a move in time from a month ('a shift from March'), a change with its own
        # date, no 'from'
        ("The ban marks a shift from March, when rules were looser.", ["2024-03-01"]),
        ("Sales showed a big improvement last year.", ["2023-01-01"]),
    ],
)  # fmt: skip
def test_a_change_from_a_date_counted_back(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text, date(2024, 11, 26)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date on the thing a 'since' brings, hung by the parser on the verb, is the point the
        # span counts from, not the clause's time (the second was read so already)
        ("Prices have risen since the crash in 2008.", []),
        ("The office has changed a great deal since the lawyer's landslide win in 1990.", []),
        # guards: 'since' with the date itself, a plain date on the clause, a causal clause's
        # own main date
        ("He has lived in Paris since 2010.", []),
        ("Prices rose in 2008 after the crash.", ["2008-01-01"]),
        ("The mayor resigned in March, since the audit had found fraud.", ["2025-03-01"]),
    ],
)  # fmt: skip
def test_a_date_on_the_thing_since_brings(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text, date(2025, 10, 23)) == expected
