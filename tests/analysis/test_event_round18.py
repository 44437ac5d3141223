"""Event-date mechanism of issue 12's eighteenth round, on texts of the shapes seen on the
development draws (seeds 1881-1884 of `eval.events_draw`), in new words: a text told in an
earlier year than its writing carries that year across sentences and paragraphs to its yearless
days and months (`analysis.date_story.Story.carried`), and a text that only mentions an earlier
year, or comes back to its present, keeps the writing's year."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from analysis.dates import find_dates
from tests.analysis.dated import event_dates


def values(text: str, published: date, expression: str) -> list[str]:
    """The dates (ISO) `find_dates` gives every expression written `expression`."""
    return [str(d.value) for d in find_dates(text, published) if d.text == expression]


TOLD_IN_2003 = (
    "The inspectors went back to Baghdad in November 2002 and searched dozens of sites.\n\n"
    "The invasion started in March 2003, days after their last report to the council.\n\n"
)


@pytest.mark.parametrize(
    ("text", "published", "expression", "expected"),
    [
        # a 2005 story of 2003: the next paragraph's yearless day and month are 2003's
        (TOLD_IN_2003 + "On April 9, the troops reached the capital.", date(2005, 6, 1),
         "On April 9", "2003-04-09"),
        (TOLD_IN_2003 + "In May, the search teams found nothing.", date(2005, 6, 1),
         "In May", "2003-05-01"),
        # 'So the report was published in July' after 'at the end of June 2004' (seed 1884)
        ("The auditors began work in May 2004 and met the administrator twice.\n\n"
         "At the end of June 2004, the authority was wound up.\n\n"
         "So the audit came out in July.", date(2005, 7, 7), "in July", "2004-07-01"),
        # the day after a day written with its year (seed 1884)
        ("The woman vanished in October 2006 after a quarrel with her partner.\n\n"
         "She had gone to her sister's house on October 9, 2006, and came back that night.\n\n"
         "He says she was at home when he drove off on October 10.", date(2011, 2, 7),
         "on October 10", "2006-10-10"),
        # a year alone between two dates of the story ('in 1983', seed 1884)
        ("He was sent to Iraq in March 2003 at five days' notice.\n\n"
         "He had joined the reserve in 1983.\n\n"
         "On his birthday, March 22 2003, he crossed the border with his unit.\n\n"
         "On the night of April 8 came a fierce battle near Basra.", date(2005, 5, 4),
         "April 8", "2003-04-08"),
    ],
)  # fmt: skip
def test_a_text_told_in_an_earlier_year_carries_it(
    text: str, published: date, expression: str, expected: str
) -> None:
    """The last two scene dates with a month, of consecutive years before the writing."""
    assert values(text, published, expression) == [expected]


@pytest.mark.parametrize(
    ("text", "published", "expression", "expected"),
    [
        # a year alone is a passing mention: the text comes back to its present
        ("In 2012, the president carried Ohio by three points.\n\n"
         "On Nov. 8, voters in the state chose his successor.", date(2016, 11, 10),
         "On Nov. 8", "2016-11-08"),
        ("He joined the company in 1979 and moved to the group in 1998.\n\n"
         "His appointment was announced on June 4.", date(2010, 6, 23),
         "on June 4", "2010-06-04"),
        # the last scene dates a year alone after the ones with a month
        ("In June 2008 he left Moscow, and he resigned in December 2008.\n\n"
         "He began his career in 1979.\n\nHis appointment was announced on June 4.",
         date(2010, 6, 23), "on June 4", "2010-06-04"),
        # a time of the writing's present comes between: 'last October', 'last year'
        ("The prisoner withdrew his complaint on November 23, 2003, after a visit in "
         "October 2003.\n\nThe inquiry was closed last October.\n\n"
         "In December the army said eight men had died in custody.", date(2005, 2, 18),
         "In December", "2004-12-01"),
        ("Shares fell between January 2008 and March 2008.\n\n"
         "Trading rebounded from late March, the lowest this year.", date(2011, 4, 8),
         "from late March", "2011-03-01"),
        # ahead of the writing: a plan keeps the coming day
        ("The singer died in June 2009; a nurse had treated him in May 2009.\n\n"
         "Jury selection is due to begin on September 8.", date(2011, 8, 30),
         "on September 8", "2011-09-08"),
        # a date naming a thing ('the firm's May 2008 contract') sets no scene
        ("The gear may have been part of the firm's May 2008 contract.\n\n"
         "A spokesman said the May 2008 contract was never finished.\n\n"
         "Its staff were withdrawn in early February, he added.", date(2011, 9, 7),
         "in early February", "2011-02-01"),
        ("The firm signed off in May 2004 and struck a deal in June 2004.\n\n"
         "A spokesman cited the May 12, 2004 memo.\n\n"
         "Its staff were withdrawn in early February, he added.", date(2011, 9, 7),
         "in early February", "2011-02-01"),
        # years far apart tell no one story
        ("The plant opened in March 2001 and was sold in June 2006.\n\n"
         "In April, workers walked out over pay.", date(2009, 5, 20), "In April", "2009-04-01"),
        # the writing's own year: nothing carried
        ("The talks began in January 2011 and stalled in February 2011.\n\n"
         "In March, the envoy resigned.", date(2011, 6, 1), "In March", "2011-03-01"),
    ],
)  # fmt: skip
def test_a_text_back_in_its_present_keeps_the_writings_year(
    text: str, published: date, expression: str, expected: str
) -> None:
    """A passing year, a present time word, a plan ahead, a named thing, far years."""
    assert values(text, published, expression) == [expected]


def test_the_timeline_dates_the_told_year(nlp: Language) -> None:
    """`analyst timeline` shows the story's year for the yearless day of a later paragraph."""
    text = TOLD_IN_2003 + "On April 9, the troops reached the capital."
    assert "2003-04-09" in event_dates(nlp, text, date(2005, 6, 1))
