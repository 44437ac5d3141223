"""Wire datelines cut from the front of a shown sentence (analysis.datelines)."""

from __future__ import annotations

import pytest

from analysis.datelines import only_dateline, without_dateline

REST = "The central bank raised its main rate by half a point on Wednesday."


@pytest.mark.parametrize(
    "dateline",
    [
        "WASHINGTON (Reuters) - ",
        "LONDON, Aug 22 (Reuters) - ",
        "TEHRAN, Iran (AP) — ",
        "(CNN) -- ",
        "BEIJING, March 3 (Xinhua) -- ",
        "MOSCOW (AFP) – ",
        "Rates rise again ANKARA | Wed Mar 9, 2022 8:21 pm EST ANKARA (Reuters) - ",
        "NEW DELHI (PTI/IANS): ",
    ],
)
def test_a_wire_dateline_and_what_ran_before_it_are_cut(dateline: str) -> None:
    assert without_dateline(dateline + REST) == REST


@pytest.mark.parametrize(
    "sentence",
    [
        REST,
        "The minister told Reuters on Friday that talks would resume in March.",
        "MOSCOW (Reuters) - Talks resumed.",  # too little would be left
        "An analyst quoted by the agency (Reuters) said nothing" + " more" * 60,
        "x" * 300 + " PARIS (Reuters) - " + REST,  # the credit is too far in
        "The court (the Reuters case) - heard it.",
    ],
)
def test_a_sentence_without_a_dateline_near_its_start_is_kept_whole(sentence: str) -> None:
    assert without_dateline(sentence) == sentence


@pytest.mark.parametrize(
    "stub",
    [
        "MEXICO CITY | Tue Apr 28, 2009 12:49 am BST MEXICO CITY (Reuters) -",
        "Mon May 4, 2009 12:48 pm EDT MADRID/GENEVA (Reuters) -",
        "By Alistair Bell and Noel Randewich MEXICO CITY, April 24 (Reuters) -",
        "GENEVA (AFP) --",
        "HONG KONG | Fri",
        "LAS VEGAS | Sat.",
        "MADRID/GENEVA |",
        "22.09 BST",
        "Wed Apr 29, 2009 3:21 pm",
        "19 JANUARY, 2200 GMT, PORT-AU-PRINCE",
        "Photograph:",
        "Photograph: John Edwards/EPA",
        "Photo: Reuters",
    ],
)
def test_a_wire_dateline_or_time_stamp_alone_is_only_a_dateline(stub: str) -> None:
    assert only_dateline(stub)


@pytest.mark.parametrize(
    "sentence",
    [
        "The woman in Oaxaca dies.",
        "MEXICO CITY | Mon Apr 27, 2009 3:10 am BST MEXICO CITY (Reuters) - Fears grew.",
        "WASHINGTON (Reuters) - The Fed raised rates.",
        "The index closed at 2,000 on Monday.",
        "Sales rose 3 percent in May.",
        "The curfew starts at 10.30 pm.",
        "Voters chose yes | no on the ballot.",
        "He said so in an interview with Reuters (Reuters) on Monday.",
        "The burning rig sank on Thursday as hopes dimmed for 11 missing workers (AP).",
        "May 2: Oil washes ashore near Venice, La. (AP)",
        "House members traded recriminations anew over the spill... WASHINGTON (AP) --",
        "Time to go, U.S. tells Gaddafi TRIPOLI | Sat",
        "Photograph: Workers clean oil from a beach in Grand Isle",
        "NEW YORK 3 OUT OF 5 VOTERS SAY THE ECONOMY COMES FIRST IN THE POLL",
        "Obama Signs $787 Billion Stimulus Bill",
    ],
)
def test_a_sentence_with_words_of_its_own_is_not_only_a_dateline(sentence: str) -> None:
    assert not only_dateline(sentence)


@pytest.mark.parametrize(
    "stamp",
    [
        "Wednesday 19 January 2005 08.47 GMT ",
        "24 June 2010 Last updated at 14:59 GMT Help ",
        "Page last updated at 08:03 GMT, Tuesday, 26 July 2011 09:03 UK ",
        "Page last updated at 08:03 GMT, Tuesday, 26 July 2011 09:03 UK "
        "(an error occurred while processing this directive) ",
        "12:13 UK time, Thursday, 10 June 2010 ",
        "(5:25 p.m. Monday ET, 11:25 p.m. Monday in Libya) ",
        "By Chris Cillizza | September 16, 2008; 6:32 AM ET ",
        "10.30 GMT: ",
        "Updated: Sept. 4, 2019 9:14 am ",
    ],
)
def test_a_page_stamp_in_front_of_the_first_sentence_is_cut(stamp: str) -> None:
    assert without_dateline(stamp + REST) == REST


@pytest.mark.parametrize(
    "sentence",
    [
        "Wednesday 13 April 2005 01.03 BST",  # nothing follows: a stub, kept for only_dateline
        "12 people were killed on Monday 4 May 2009 at 10.30 GMT in the square, officials said.",
        "Monday 16 to Friday 20 August Stuart Kelly examines the images of Scotland by Scott.",
        "In 2010 10:30 was the hour the market fell, and traders said the losses would go on.",
        "Sunday 5.30 million viewers watched the final, the largest audience of the season.",
        "March 3 2011 was the day the rebels took the city, and the news spread quickly.",
        "By October, only 32 percent of unemployed Americans were receiving unemployment checks.",
    ],
)
def test_a_sentence_that_opens_with_a_date_of_its_own_is_kept_whole(sentence: str) -> None:
    assert without_dateline(sentence) == sentence


@pytest.mark.parametrize(
    "headline",
    [
        "Soldier wins first VC since Falklands ",  # the Guardian glues its headline in front
        "Labor losing battle to convince public ",
        "‘We had 50 images within an hour’ ",
    ],
)
def test_a_headline_and_the_page_stamp_in_front_of_the_first_sentence_are_cut(
    headline: str,
) -> None:
    assert without_dateline(headline + "Friday 18 March 2005 12.47 GMT " + REST) == REST


@pytest.mark.parametrize(
    "sentence",
    [
        # a sentence's own date and time, with the sentence going on in lower case
        "The ship sank on Friday 18 March 2005 12.47 GMT and the crew were rescued within an hour.",
        # a sentence's end before the stamp: not a headline
        "The talks ended. Friday 18 March 2005 12.47 GMT The ministers said they would meet again.",
        # a long run of words before the stamp: a sentence, not a headline
        "Officials from the ministry of defence and the foreign office said on the record in "
        "London that the deal was done Friday 18 March 2005 12.47 GMT As the ministers said.",
        # no zone: not the page's stamp
        "Soldier wins first VC since Falklands Friday 18 March 2005 12.47 Private Johnson "
        "Beharry, 25, was awarded the Victoria Cross.",
    ],
)
def test_a_stamp_inside_a_sentence_is_kept(sentence: str) -> None:
    assert without_dateline(sentence) == sentence


@pytest.mark.parametrize(
    "credit",
    [
        "Photograph: Sean Gardner/Reuters ",
        "Photograph: Sean Gardner\\/Reuters ",  # Timeline17's escaped slash
        "Photograph: Win McNamee\\/pool\\/EPA ",
        "Photograph: Pete Souza/White House ",
        "Photograph: Associated Press ",
        "Photograph: Clive Brunskill/Getty Images ",
    ],
)
def test_a_photograph_credit_in_front_of_the_sentence_is_cut(credit: str) -> None:
    assert without_dateline(credit + REST) == REST


@pytest.mark.parametrize(
    "sentence",
    [
        # no agency to end the credit: where the sentence starts is not known
        "Photograph: Martin Argles Does a phased withdrawal from Iraq make any sense at all now?",
        # a credit with nothing of a sentence after it is left to only_dateline
        "Photograph: John Edwards/EPA",
        "The photograph: Reuters had it first, and the paper ran it the next morning on page one.",
    ],
)
def test_a_photograph_credit_without_a_known_end_is_kept(sentence: str) -> None:
    assert without_dateline(sentence) == sentence


def test_the_page_stamp_at_the_end_of_a_headline_is_cut() -> None:
    headline = "BP will 'pay every dime owed' for Gulf oil spill, Obama warns"
    assert without_dateline(headline + " Thursday 27 May 2010 23.18 BST") == headline


def test_a_stamp_alone_or_after_a_few_words_is_kept_for_only_dateline() -> None:
    assert without_dateline("Updated Thursday 27 May 2010 23.18 BST") == (
        "Updated Thursday 27 May 2010 23.18 BST"
    )
