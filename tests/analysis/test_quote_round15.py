"""Quote recall and speakers of issue 12's fifteenth round, from PolNeAR train's misses: a
quotation split by a long attribution ("said Edward Leamer, an economist who is …,") or by two
apostrophes (''For me,'' Mr. Bruner said, ''he was …''), and a quotation opening after an
abbreviation's full stop ("of Jacksonville, Fla. ''She …''"). Each test is an invented passage
of that shape; what is asserted is what a member sees: every quotation, whole, under the person
who said it.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes
from analysis.types import Quote


def _quotes(nlp: Language, text: str) -> list[Quote]:
    """The quotes of a text, in text order."""
    doc = nlp(text)
    return list(extract_quotes(doc, analyse_doc(doc)))


def _direct(nlp: Language, text: str) -> dict[str, str | None]:
    """The speaker key of every direct quote, by its first words."""
    return {q.text[:12]: q.speaker_key for q in _quotes(nlp, text) if q.kind == "direct"}


@pytest.mark.parametrize(
    ("text", "second", "key"),
    [
        (
            "Wages rose again in the spring.\n\n“The danger,” said Oren Talbot, an economist who "
            "is the director of the Westfield Forecast at the state university, “is that we are "
            "going to be attracting workers and repelling jobs.”",
            "is that we a",
            "oren talbot",
        ),
        (
            "The region is changing fast.\n\n“This used to be Moscow's back yard,” said Lena "
            "Vasquez, director of Asian Studies at the Royal Institute of Strategic Studies in "
            "London, “but it is increasingly coming into Beijing's orbit.”",
            "but it is in",
            "lena vasquez",
        ),
        (
            "The courts were his playground, his friends recalled.\n\n''For me,'' Mr. Harlan "
            "Bruce concluded, ''he was like the big cheese on the court.''",
            "he was like ",
            "harlan bruce",
        ),
    ],
)
def test_a_quotation_split_by_its_attribution_goes_on_as_direct(
    nlp: Language, text: str, second: str, key: str
) -> None:
    """The lowercase second half after a long attribution or two apostrophes is the same
    speaker's direct quotation, not a fragment."""
    assert _direct(nlp, text)[second] == key


def test_two_sentences_between_the_halves_are_no_split_quotation(nlp: Language) -> None:
    """A full stop between two quotations means the second is no continuation of the first's
    clause: a lowercase quotation there stays a partial quote or nothing."""
    text = (
        "“The plan,” said Oren Talbot, an economist who directs the state forecast. He "
        "then called it “a danger to the whole state economy,” and left."
    )
    direct = _direct(nlp, text)
    assert not any(first.startswith("a danger") for first in direct)


@pytest.mark.parametrize(
    ("text", "second", "key"),
    [
        (
            "Some of his supporters remain reluctant.\n\n''Bernie seemed more open than her,'' "
            "said Rachel Winfield, 20, of Jacksonville, Fla. ''She definitely has the "
            "politician's approach to things.''",
            "She definite",
            "rachel winfield",
        ),
        (
            'Voters give him a pass.\n\n"He talks off the cuff all the time," said David '
            'Mendel, 53, who flew his son to a rally Monday in Springfield, Ill. ". . . I just '
            'want somebody who speaks like we do."',
            ". . . I just",
            "david mendel",
        ),
    ],
)
def test_a_quotation_after_an_abbreviation_goes_on_from_the_one_before(
    nlp: Language, text: str, second: str, key: str
) -> None:
    """An abbreviation's full stop ("Fla.", "Ill.") before a capitalised quotation ends the
    attribution's sentence: the quotation goes on from the speaker before."""
    assert _direct(nlp, text)[second] == key


@pytest.mark.parametrize(
    ("text", "first", "key"),
    [
        (
            "The court is split.\n\nAs Raj Patel, a historian and author of ''Empire of Debt,'' "
            "put it, ''Senate Republicans should remember that a compromise candidate today may "
            "be far better for them.''",
            "Senate Repub",
            "raj patel",
        ),
        (
            "The court is split.\n\nAs Omar Haddad, author of ''The Long Road,'' put it, "
            "''Senate Republicans should remember that a compromise candidate today may be far "
            "better for them.''",
            "Senate Repub",
            "omar haddad",
        ),
    ],
)
def test_as_a_named_author_put_it_after_a_quoted_title(
    nlp: Language, text: str, first: str, key: str
) -> None:
    """ "As X, author of ''Title,'' put it, ''…''": the two apostrophes around the title make
    the parser read "As" as a preposition; X is still who put it so."""
    assert _direct(nlp, text)[first] == key


@pytest.mark.parametrize(
    ("text", "second", "key"),
    [
        (
            "Mr. Dale Orton took on his rival on Sunday.\n\n''It's nonsense,'' Mr. Orton said "
            "by telephone on NBC's ''Meet the Press.'' ''She makes things up about everything, "
            "and everybody knows that.''",
            "She makes th",
            "dale orton",
        ),
        (
            "Union leaders met on Monday.\n\n“I think he is touching a vein of real anxiety,” "
            "Mary Kay Hollis said. “ You know, that broken sense of the future is what we "
            "found.”",
            "You know, th",
            "mary kay hollis",
        ),
        (
            "The campaign is already running ads in five states.\n\n''Bernie is in good shape "
            "no matter who wins New York,'' said Tad Delaney, a senior adviser to the campaign. "
            "''We could win enough delegates in Pennsylvania to catch up, and we have good "
            "chances all the way through California,'' which votes June 7.",
            "We could win",
            "tad delaney",
        ),
    ],
)
def test_a_bare_quotation_goes_on_after_a_title_a_space_or_a_gloss(
    nlp: Language, text: str, second: str, key: str
) -> None:
    """The quotation after an attributed one goes on from it past a quoted title in two
    apostrophes, a space typed after the opening mark, or a relative clause after it."""
    assert _direct(nlp, text)[second] == key


@pytest.mark.parametrize(
    "text",
    [
        "Bush rejects the word.\n\nClinton: “Our goal is to defeat ISIS.” Bush: “The mission "
        "is to destroy ISIS.”\n\n“Containment” has been the policy against major foes since the "
        "Korean War.",
        "“The bad ones?” Trump asked.\n\n“Out!” the crowd yelled.",
    ],
)
def test_a_term_or_another_voice_after_a_quote_does_not_go_on(nlp: Language, text: str) -> None:
    """A quoted term the next sentence is about, or a crowd's shout, is not the speaker's."""
    keys = {q.text[:8]: q.speaker_key for q in _quotes(nlp, text)}
    assert keys.get("Containm") is None
    assert keys.get("Out!") is None


@pytest.mark.parametrize(
    ("text", "first", "key"),
    [
        (
            "The club closed on Thursday.\n\nAn email was sent from the club's executive "
            "director, Jeremy Bolling, to the members. The email said, “Effective immediately, "
            "we are going to wind down the organization.”",
            "Effective im",
            "jeremy bolling",
        ),
        (
            "Dana Whitfield's campaign sent out an email fundraising appeal that looked ahead. "
            "“We absolutely need to make sure Dana comes out on top,” the email said.",
            "We absolutel",
            "dana whitfield",
        ),
        (
            "An email was sent by the club's director, Jeremy Bolling, to the members. The "
            "email said, “We are closing.” The email went on to say, “Today, fewer people pay "
            "the dues that keep us going.”",
            "Today, fewer",
            "jeremy bolling",
        ),
    ],
)
def test_an_email_speaks_for_whoever_sent_it(
    nlp: Language, text: str, first: str, key: str
) -> None:
    """ "the email said": the sender named where the email was first mentioned, by a passive
    "sent from/by X", as a writing word before another ("an email fundraising appeal"), or
    through the same email's earlier words."""
    assert _direct(nlp, text)[first] == key


@pytest.mark.parametrize(
    ("text", "first", "key"),
    [
        (
            "Donald Trump plans to empower black communities through investment, Ben Carson "
            "said Monday.\n\n“First of all, they have to stop and listen,” the retired "
            "neurosurgeon told a radio host.",
            "First of all",
            "ben carson",
        ),
        (
            "Rick Perry endorsed the senator on Monday in Houston.\n\n“Those are very skilled "
            "governors,” the Texan said.",
            "Those are ve",
            "rick perry",
        ),
    ],
)
def test_a_calling_or_a_place_s_people_is_the_person_the_paragraph_is_about(
    nlp: Language, text: str, first: str, key: str
) -> None:
    """ "the retired neurosurgeon", "the Texan": the one person the text before is about."""
    assert _direct(nlp, text)[first] == key


def test_a_party_word_must_fit_the_person(nlp: Language) -> None:
    """ "the Republican" is a role: not the Democrat the paragraph is about."""
    text = (
        "Democratic Sen. Maria Cantor spoke in Reno on Monday.\n\n“We will hold the line,” "
        "the Republican said."
    )
    assert _direct(nlp, text).get("We will hold") is None
