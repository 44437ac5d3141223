"""Quote rules of issue 12's twenty-seventh round, quotations with no attribution of their own:
a paragraph that is only a quotation keeps the speaker of the quoted run before it across the
writer's narration, while that narration names no one else, quotes no one else and reports no
one's speech; an interview lead (the writer or an outlet talked with one person) gives the
quoted paragraphs after it to the one talked with; a closing mark a page's encoding printed as
"?" after the sentence's stop ("… the state.? The vote …"), or typed as an opening mark after a
space at the paragraph's end ("… a second!’ “"), closes the quotation. Each test
asserts what a member sees: the text and speaker key of every quote of an invented text; guards
keep the words from a person the narration brings in."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quote_spans import find_quote_spans
from analysis.quotes import extract_quotes


def _quotes(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """The text and speaker key of every quote of a text."""
    doc = nlp(text)
    return [(q.text, q.speaker_key) for q in extract_quotes(doc, analyse_doc(doc))]


@pytest.mark.parametrize(
    ("text", "quote", "key"),
    [
        # an interview: a line about the shop between two quoted paragraphs of its owner
        (
            "Maria Alvarez has run the bakery on Elm Street for twenty years. She spoke to the "
            "Gazette about the strike.\n\n“It has been the hardest year of my life.”\n\n"
            "The bakery opened in 1998 and employs twelve people.\n\n"
            "“We will reopen in May, whatever happens.”",
            "We will reopen in May, whatever happens.",
            "maria alvarez",
        ),
        # two lines of narration, the second naming the speaker herself again
        (
            "“We gave them every chance,” said Helen Park, the union's leader.\n\n"
            "Park has led the union since 2019.\n\nThe strike began in March.\n\n"
            "“Nobody can live on these wages any more.”",
            "Nobody can live on these wages any more.",
            "helen park",
        ),
        # after a partial quotation, the same speaker's reported speech and a line of narration
        (
            "Finance Minister Ruth Amos said the plan was “a sensible first step.”\n\n"
            "She repeated that the currency would not be devalued this year.\n\n"
            "The currency has lost a tenth of its value since 2020.\n\n"
            "“A devaluation would raise the price of food for every family.”",
            "A devaluation would raise the price of food for every family.",
            "ruth amos",
        ),
        # a question the writer asks between the answers
        (
            "“The river rose faster than anyone expected,” said Omar Haddad, who farms near "
            "the dam.\n\nWhat will the village do now?\n\n“We will rebuild, as we always have.”",
            "We will rebuild, as we always have.",
            "omar haddad",
        ),
    ],
)
def test_a_quoted_paragraph_keeps_the_run_speaker(
    nlp: Language, text: str, quote: str, key: str
) -> None:
    assert (quote, key) in _quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # the narration reports someone else's words
        (
            "“We gave them every chance,” Tom Becker said.\n\nWages have fallen by a tenth "
            "since 2020, according to the ministry.\n\n“Nobody can live on these wages.”",
            "Nobody can live on these wages.",
        ),
        # an organisation speaks in the narration
        (
            "“We lost half our customers,” Alvarez said on Monday.\n\nThe union said the strike "
            "would go on.\n\n“I never thought the city would let it come to this.”",
            "I never thought the city would let it come to this.",
        ),
        # another person is named in the narration
        (
            "“We lost half our customers,” Alvarez said on Monday.\n\nThe shop next door is "
            "owned by Peter Novak.\n\nThe strike began in March.\n\n“It cannot go on.”",
            "It cannot go on.",
        ),
        # an organisation's reported speech between
        (
            "“We will not devalue,” Finance Minister Ruth Amos said.\n\nThe central bank said "
            "reserves had fallen.\n\n“A devaluation would raise the price of food.”",
            "A devaluation would raise the price of food.",
        ),
        # another person named as a subject, then a line of narration
        (
            "“We will not devalue,” Finance Minister Ruth Amos said.\n\nThe opposition leader, "
            "Carl Dunn, disagreed.\n\nThe currency has lost a tenth of its value since 2020."
            "\n\n“A devaluation would raise the price of food.”",
            "A devaluation would raise the price of food.",
        ),
        # a question put to "you": the interviewer's, not an answer
        (
            "“We lost half our customers,” Alvarez said on Monday.\n\nThe strike began in "
            "March.\n\n“Do you regret staying open?”",
            "Do you regret staying open?",
        ),
        # a transcript's line that names its own speaker
        (
            "Governor Ann Lee said the plan was “a good start.”\n\nA partial transcript "
            "follows.\n\n“HOST: Let us start with the budget. Will taxes rise next year?”",
            "HOST: Let us start with the budget. Will taxes rise next year?",
        ),
        # a pronoun standing for a group
        (
            "“We are fine,” Reed said.\n\nThey went home early.\n\n“I still believe people "
            "will come back.”",
            "I still believe people will come back.",
        ),
        # too far: four paragraphs of narration
        (
            "“We are fine,” Reed said.\n\nThe strike began in March.\n\nThe council met in "
            "April.\n\nThe talks stalled in May.\n\nThe vote is in June.\n\n“It cannot go on.”",
            "It cannot go on.",
        ),
    ],
)
def test_narration_naming_someone_else_breaks_the_run(nlp: Language, text: str, quote: str) -> None:
    assert all(q != quote or key is None for q, key in _quotes(nlp, text))


@pytest.mark.parametrize(
    ("text", "quote", "key"),
    [
        # the writer met the one quoted
        (
            "I met Maria Alvarez at her bakery on Elm Street last week.\n\n"
            "“It has been the hardest year of my life.”",
            "It has been the hardest year of my life.",
            "maria alvarez",
        ),
        # "We asked X about …"
        (
            "We asked Maria Alvarez, who has run the bakery for twenty years, about the "
            "strike.\n\n“It has been the hardest year of my life.”",
            "It has been the hardest year of my life.",
            "maria alvarez",
        ),
        # a transcript of a conversation with one person
        (
            "This is an edited transcript of our conversation with Maria Alvarez, the owner of "
            "the bakery.\n\n“It has been the hardest year of my life.”",
            "It has been the hardest year of my life.",
            "maria alvarez",
        ),
        # the outlet (a one-word name after "the", which the model may take for a person's)
        # interviewed him; a line of narration, then his answers
        (
            "The Herald interviewed Omar Haddad, who farms near the dam, on Tuesday.\n\n"
            "The river rose two metres in a night.\n\n“Nobody expected it to come so fast.”",
            "Nobody expected it to come so fast.",
            "omar haddad",
        ),
        # guard: the interviewee talked, in an interview with a paper: she speaks, not the paper
        (
            "In an interview with the Gazette, Maria Alvarez talked about the strike.\n\n"
            "“It has been the hardest year of my life.”",
            "It has been the hardest year of my life.",
            "maria alvarez",
        ),
    ],
)
def test_an_interview_lead_gives_the_answers_to_the_one_talked_with(
    nlp: Language, text: str, quote: str, key: str
) -> None:
    assert (quote, key) in _quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # a person talked with another: either could be the one quoted next
        (
            "Senator John Reed spoke with Maria Alvarez on Monday.\n\n"
            "“It has been the hardest year of my life.”",
            "It has been the hardest year of my life.",
        ),
        # a body that could speak itself talked with a witness
        (
            "Police spoke to Maria Alvarez, who saw the crash.\n\n"
            "“We are still looking for the driver.”",
            "We are still looking for the driver.",
        ),
        # two people talked with
        (
            "We spoke to Maria Alvarez and John Reed, who run the bakery.\n\n"
            "“It has been the hardest year of my life.”",
            "It has been the hardest year of my life.",
        ),
        # someone reports the conversation
        (
            "John Reed said he had spoken to Maria Alvarez about the strike.\n\n"
            "“It has been the hardest year of my life.”",
            "It has been the hardest year of my life.",
        ),
    ],
)
def test_a_lead_with_another_speaker_gives_the_one_talked_with_nothing(
    nlp: Language, text: str, quote: str
) -> None:
    assert all(q != quote or key != "maria alvarez" for q, key in _quotes(nlp, text))


def test_a_quote_after_narration_in_its_paragraph_goes_on(nlp: Language) -> None:
    text = (
        "Maria Alvarez runs the bakery. “We will reopen in May,” Alvarez said. The bakery has "
        "been closed since March. “We owe it to our customers.”"
    )
    assert ("We owe it to our customers.", "maria alvarez") in _quotes(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # the narration names another person
        "“We will reopen in May,” Alvarez said. The decision angered John Reed, who owns the "
        "shop next door. “We owe it to our customers.”",
        # another person after it in the paragraph
        "“We will reopen in May,” Alvarez said. The bakery has been closed since March. “We owe "
        "it to our customers.” John Reed disagreed.",
    ],
)
def test_a_quote_after_narration_naming_another_does_not_go_on(nlp: Language, text: str) -> None:
    assert all(q != "We owe it to our customers." for q, _ in _quotes(nlp, text))


def test_a_closing_mark_printed_as_a_question_mark_closes(nlp: Language) -> None:
    text = (
        "Senator Ann Cole spoke on Monday.\n\nCole said the plan would be “a disaster for "
        "every farmer in the state.? The vote is on Friday."
    )
    assert ("a disaster for every farmer in the state", "ann cole") in _quotes(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # a question after an abbreviation
        "He asked “why would anyone move to the U.S.? Nobody knows",
        # a mark between: the question mark closes nothing across it
        "She called it “a “joke” and a waste of time, really.? No.",
    ],
)
def test_a_question_mark_after_an_abbreviation_closes_nothing(text: str) -> None:
    assert all("?" not in text[s.start : s.close_at + 1] for s in find_quote_spans(text))


def test_an_opening_mark_ending_the_paragraph_closes_the_quotation(nlp: Language) -> None:
    text = (
        "Her brother Tom Kelly spoke next.\n\nHe added: “But the funny thing was, nobody "
        "asked us. And you’re like, ‘Hang on a second!’ “"
    )
    found = _quotes(nlp, text)
    assert any(q.startswith("But the funny thing") and key == "tom kelly" for q, key in found)


def test_an_opening_mark_ending_the_paragraph_opens_nothing_when_all_is_closed() -> None:
    text = "He said: “We won.” Then he left the hall. “"
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == ["We won."]
