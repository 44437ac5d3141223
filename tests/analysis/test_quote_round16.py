"""Quote speakers of issue 12's round 16: the short name a quotation is attributed to reaches
the full name the article gives. The held-out real pages missed "Yoon said" (tagged "Yoon Suk"
for "Yoon Suk Yeol") and "says Te Kaurinui" (a first name of two words); each test is an
invented passage of such a shape, asserting what a member sees: the quotation under the
person's full name, and no name run on over words that are no part of it.
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
        (  # the model tags "Enrique Peña" and leaves "Nieto" off
            "Former Mexican President Enrique Peña Nieto spoke in the capital on Friday.\n\n"
            '"We will not pay for that wall," Peña Nieto said.',
            "We will not ",
            "enrique pena nieto",
        ),
        (  # a first name of two words
            "Local historian Mary Ann Whitfield has studied the site for decades.\n\n"
            '"Nobody believed us at first," Mary Ann said on Tuesday.',
            "Nobody belie",
            "mary ann whitfield",
        ),
        (
            "The festival was founded by Jean Luc Moreau, a retired teacher, in 1998.\n\n"
            '"It started with twenty people in a barn," Jean Luc said.',
            "It started w",
            "jean luc moreau",
        ),
        (  # a family name written first, tagged an organisation when alone
            "Chinese Foreign Minister Wang Yi met Secretary of State Antony Blinken on "
            'Friday.\n\n"The talks were candid," Wang said after the meeting.',
            "The talks we",
            "wang yi",
        ),
    ],
)
def test_a_short_name_reaches_the_full_name(nlp: Language, text: str, first: str, key: str) -> None:
    """A name the model cut short, a first name of several words and a family name written
    first all reach the one full name the article gives."""
    assert speakers(nlp, text)[first] == key


@pytest.mark.parametrize(
    ("text", "first", "key"),
    [
        (  # a generational suffix makes another person
            "Donald Trump Jr. spoke first. Then Donald Trump took the stage.\n\n"
            '"We will win," Donald Trump said.',
            "We will win",
            "donald trump",
        ),
        (  # a headline runs a verb on after the name
            "Bernie Sanders Pins The Rise Of ISIS On Invasion Of Iraq\n\n"
            "Sen. Bernie Sanders spoke in Iowa on Sunday.\n\n"
            '"I voted against the war," Bernie Sanders said.',
            "I voted agai",
            "bernie sanders",
        ),
        (  # a campaign is no part of the name
            "Hillary Clinton Campaign staff gathered on Friday. The campaign said little.\n\n"
            '"We are ready," Clinton said.',
            "We are ready",
            "hillary clinton",
        ),
        (  # "In" is a word the article writes in lowercase: the name is left as tagged
            "South Korean President Moon Jae In met the envoy in Seoul on Monday.\n\n"
            '"Peace is within reach," Moon said after the talks.',
            "Peace is wit",
            "moon jae",
        ),
    ],
)
def test_no_name_runs_on_over_other_words(nlp: Language, text: str, first: str, key: str) -> None:
    """Words after a name that are no part of it (a suffix, a headline's verb, a body, a word
    the article writes in lowercase) leave the name as it is."""
    assert speakers(nlp, text)[first] == key


@pytest.mark.parametrize(
    ("text", "first", "key"),
    [
        (  # a clause inside the paragraph has another subject ("Pipeworks won")
            "In 2013, the year Pipeworks won a national award, Drew Fox launched a campaign for "
            "his own brewery in Gary, and he bought a building in Hammond a year later.\n\n"
            "“The craft beer boom was really on fire, but I wanted to build something that "
            "lasts.”",
            "The craft be",
            "drew fox",
        ),
        (
            "When the council cut its grant, Ana Ruiz kept the shelter open with her own "
            "savings.\n\n“We never turn anyone away. Not once in ten years.”",
            "We never tur",
            "ana ruiz",
        ),
        (  # a term in marks is no one's quotation
            "Ana Ruiz has run the shelter on Fifth Street for a decade, and though she hates "
            "the word “charity,” she has built something close to one.\n\n"
            "“We never turn anyone away. Not once in ten years.”",
            "We never tur",
            "ana ruiz",
        ),
    ],
)
def test_a_quoted_paragraph_after_a_paragraph_about_one_person(
    nlp: Language, text: str, first: str, key: str
) -> None:
    """A paragraph that is only a quotation, after a paragraph whose main clauses are about one
    person, is that person's, though a clause inside has another subject or a term is in marks."""
    assert speakers(nlp, text)[first] == key


@pytest.mark.parametrize(
    "text",
    [
        "Tom Reyes and Ana Ruiz launched the campaign together in 2013.\n\n"
        "“We never expected this much support from the city.”",
        "Tom Reyes opened the shelter, and Ana Ruiz runs it today.\n\n"
        "“We never expected this much support from the city.”",
    ],
)
def test_a_quoted_paragraph_after_two_people_is_no_one_s(nlp: Language, text: str) -> None:
    """Two people as subjects, joined or in two main clauses: no one speaks."""
    assert speakers(nlp, text) == {}


@pytest.mark.parametrize(
    ("text", "first", "key"),
    [
        (
            "That prompted Jane Alvarez to state, “We will not cut the schools.”",
            "We will not ",
            "jane alvarez",
        ),
        (
            "The decision led Jane Alvarez to tell reporters, “We will not cut the schools.”",
            "We will not ",
            "jane alvarez",
        ),
        (
            "The vote was delayed, prompting Jane Alvarez to say, “We will not cut the schools.”",
            "We will not ",
            "jane alvarez",
        ),
        (  # the object is a role the article ties to the mayor
            "Mayor Jane Alvarez opened the session. The ruling led the mayor to declare: "
            "“We will appeal.”",
            "We will appe",
            "jane alvarez",
        ),
    ],
)
def test_an_infinitive_speech_verb_is_its_object_s(
    nlp: Language, text: str, first: str, key: str
) -> None:
    """ "prompted X to say, “…”": a speech verb in the infinitive under a verb with an object
    gives the words to that object, not to the verb's subject."""
    assert speakers(nlp, text)[first] == key


@pytest.mark.parametrize(
    ("text", "first", "key"),
    [
        (  # the object is a thing: the subject speaks
            "Mayor Jane Alvarez took the stage on Tuesday to say, “We are not going anywhere.”",
            "We are not g",
            "jane alvarez",
        ),
        (
            "Jane Alvarez used the occasion to say, “We will appeal.”",
            "We will appe",
            "jane alvarez",
        ),
    ],
)
def test_an_infinitive_after_a_thing_is_the_subject_s(
    nlp: Language, text: str, first: str, key: str
) -> None:
    """ "took the stage to say": a thing as the object leaves the words to the subject."""
    assert speakers(nlp, text)[first] == key


@pytest.mark.parametrize(
    ("text", "first", "key"),
    [
        (  # the parser read "after" as a preposition with the name its object
            "The issue came up Friday after Jane Alvarez, asked about the budget, had said, "
            "“We will not cut the schools.”",
            "We will not ",
            "jane alvarez",
        ),
        (  # guard: the parse kept the subject
            "The crowd went quiet when Governor Tom Reyes, flanked by his aides, finally said: "
            "“We will not cut the schools.”",
            "We will not ",
            "tom reyes",
        ),
    ],
)
def test_a_name_after_after_set_off_from_its_verb(
    nlp: Language, text: str, first: str, key: str
) -> None:
    """ "after X, asked about …, had said, “…”": the name opening the clause speaks."""
    assert speakers(nlp, text)[first] == key


@pytest.mark.parametrize(
    ("text", "first", "key"),
    [
        (
            "Tom Reyes met Jane Alvarez on Monday. Alvarez said the talks had gone well.\n\n"
            "“It was a productive meeting. We agreed on almost everything.”",
            "It was a pro",
            "jane alvarez",
        ),
        (  # a parenthetical speech verb
            "Tom Reyes met Jane Alvarez on Monday. The talks, Alvarez said, had gone well.\n\n"
            "“It was a productive meeting.”",
            "It was a pro",
            "jane alvarez",
        ),
    ],
)
def test_a_quoted_paragraph_after_reported_speech(
    nlp: Language, text: str, first: str, key: str
) -> None:
    """A paragraph that is only a quotation, after a paragraph about two people that ends in
    one's reported speech, is that one's."""
    assert speakers(nlp, text)[first] == key


@pytest.mark.parametrize(
    "text",
    [
        # the reported speech is a clause under another person's sentence
        "Tom Reyes met the mayor on Monday while Jane Alvarez said the talks had gone well.\n\n"
        "“It was a productive meeting.”",
        # several people report it together
        "Tom Reyes, Ana Ruiz and Jane Alvarez argued on Monday that the plan would fail.\n\n"
        "“It will never work.”",
    ],
)
def test_a_quoted_paragraph_after_no_one_s_reported_speech(nlp: Language, text: str) -> None:
    """No one speaks when the sentence before is not one named speaker's reported speech."""
    assert speakers(nlp, text) == {}


@pytest.mark.parametrize(
    ("text", "first", "key"),
    [
        (
            "The attendees backed Jane Alvarez. As Politico reported, “ … if the primary were "
            "held on this evening, Alvarez would win, and handily.”",
            "… if the pri",
            "politico",
        ),
    ],
)
def test_a_quotation_taken_up_part_way_after_a_spaced_mark(
    nlp: Language, text: str, first: str, key: str
) -> None:
    """ "reported, “ … if …”": an opening mark typed with a space after it still sets the
    quotation off from its attribution, so the sentence taken up part-way is a direct quote."""
    assert speakers(nlp, text)[first] == key


def test_a_lowercase_quotation_worked_into_the_sentence_stays_partial(nlp: Language) -> None:
    """Guard: words worked into the writer's own sentence are no direct quote."""
    doc = nlp("Jane Alvarez called the plan “ a waste of money” on Tuesday.")
    kinds = {q.text: q.kind for q in extract_quotes(doc, analyse_doc(doc))}
    assert kinds == {"a waste of money": "partial"}


def test_a_full_name_tagged_a_people_whose_surname_speaks_is_a_person(nlp: Language) -> None:
    """ "Roman Smbatyan" and "Smbatyan added" both tagged NORP: a name of that shape whose
    surname alone is the subject of a speech verb is a person's, as for organisations."""
    text = (
        "“Israel is interested in not recognizing the genocide,” stated Roman Smbatyan, an "
        "Armenian history faculty member at UC Irvine.\n\nIsrael imports oil from Azerbaijan. "
        "Smbatyan added, “Israel has had very good relations with Azerbaijan for the past "
        "decade.”"
    )
    found = speakers(nlp, text)
    assert found["Israel is in"] == found["Israel has h"] == "roman smbatyan"


@pytest.mark.parametrize(
    "text",
    [
        "Roman Catholic bishops met in Rome on Monday.\n\n“We pray for peace,” Catholic "
        "leaders said.",
        "Many Latin American voters backed the plan. “We need the jobs,” American workers said.",
    ],
)
def test_a_people_s_name_stays_a_people(nlp: Language, text: str) -> None:
    """Guard: "Roman Catholic", "Latin American" speak through their people, unlinked."""
    assert set(speakers(nlp, text).values()) == {None}
