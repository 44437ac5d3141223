"""Quote rules of issue 12's tenth round: speakers a story names by description that the
article itself resolves ("the Trump campaign said", "the campaign wrote", …), each on an
invented sentence of its shape, chosen from the error classes of PolNeAR train and dev. Each
test asserts what a member sees: the quote under the right entity, and nothing under anyone
else."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes


def _found(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """(first words, speaker key) of every direct quote of a text."""
    doc = nlp(text)
    quotes = extract_quotes(doc, analyse_doc(doc))
    return [(q.text[:12], q.speaker_key) for q in quotes if q.kind == "direct"]


# --- a candidate's campaign speaks for the candidate --------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Senator Marla Quinby is running for governor this year.\n\n"
            "“The senator has never taken a dollar from the utility,” the Quinby campaign said "
            "on Monday.",
            "marla quinby",
        ),
        (
            "Governor Tobias Renner spoke in Dayton on Friday.\n\n"
            "Renner’s campaign dismissed the poll, telling reporters, “Nobody here reads polls "
            "in June.”",
            "tobias renner",
        ),
        (
            "Senator Marla Quinby is running for governor this year. The Quinby campaign "
            "opened an office in Akron on Tuesday.\n\n"
            "“We will compete in every county of this state,” the campaign wrote in an email.",
            "marla quinby",
        ),
        (
            "Senator Marla Quinby is running for governor this year.\n\n"
            "“The senator voted against that bill twice,” a Quinby campaign spokesman said.",
            "marla quinby",
        ),
    ],
)
def test_a_campaign_speaks_for_its_candidate(nlp: Language, text: str, key: str) -> None:
    assert [k for _, k in _found(nlp, text)] == [key]


def test_a_campaign_never_named_with_its_candidate_is_no_one(nlp: Language) -> None:
    text = (
        "Senator Marla Quinby is running for governor this year.\n\n"
        "“We will compete in every county of this state,” the campaign wrote in an email."
    )
    assert [k for _, k in _found(nlp, text)] == [None]


def test_a_campaign_statement_speaks_for_its_candidate(nlp: Language) -> None:
    text = (
        "Senator Marla Quinby is running for governor. The Quinby campaign hired a new "
        "pollster in May.\n\n"
        "“The senator welcomes the debate,” the campaign’s statement said."
    )
    assert [k for _, k in _found(nlp, text)] == ["marla quinby"]


# --- "the company", "the group": the organisation the text just named or described --------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "The hearing drew statements from local employers such as Corvain Industries, which "
            "opposed the measure.\n\n"
            "“We ask every business in the state to join us,” the company wrote on Tuesday.",
            "corvain industries",
        ),
        (
            "The Harmon Literacy Foundation did not answer questions about the donation.\n\n"
            "“We are focused on our reading programs this year,” the group said.",
            "harmon literacy foundation",
        ),
        (
            "The state awarded the contract to Corvain Industries, a shipping company based in "
            "Ohio, in May. The governor spoke about the decision on Monday. Several mayors "
            "praised it.\n\n"
            "“We will deliver on time,” the company said.",
            "corvain industries",
        ),
    ],
)
def test_a_bare_body_noun_is_the_organisation_just_named(
    nlp: Language, text: str, key: str
) -> None:
    assert [k for _, k in _found(nlp, text)] == [key]


@pytest.mark.parametrize(
    "text",
    [
        # "the rights group" is some rights group, not the one organisation named before
        "The donation went to the Harmon Literacy Foundation in March.\n\n"
        "“Nobody was told about the meeting,” the rights group said.",
        # "the group of rapporteurs" are people, not the organisation they work for
        "The report was sent to the Harmon Literacy Foundation in March.\n\n"
        "“Nobody was told about the meeting,” the group of independent rapporteurs said.",
        # "the court" is a court, not the one company the sentence before names
        "The heater that caught fire was sold online by Corvain Industries in 2019.\n\n"
        "“The seller took possession of the product,” the court said in its ruling.",
    ],
)
def test_a_body_noun_that_names_a_kind_is_not_guessed(nlp: Language, text: str) -> None:
    assert "harmon literacy foundation" not in [k for _, k in _found(nlp, text)]
    assert "corvain industries" not in [k for _, k in _found(nlp, text)]


# --- a speaker named by one word the article ties to no one else -------------------------


def test_a_lone_surname_is_the_speaker_name(nlp: Language) -> None:
    text = (
        "Volunteers knocked on doors in the rain all afternoon.\n\n"
        "“We came because nobody else would,” Brannigan said."
    )
    assert [k for _, k in _found(nlp, text)] == ["brannigan"]


@pytest.mark.parametrize(
    "text",
    [
        # a capitalised plural at the start of a sentence is no one's name
        "The jury was sent home early.\n\nAttorneys said, “The trial will resume on Monday.”",
        # the article writes the word in lowercase too: a word, not a name
        "Boats filled the summit all week.\n\n“We lost two boats in an hour,” Summit said.",
    ],
)
def test_a_capitalised_word_that_is_no_name_stays_unlinked(nlp: Language, text: str) -> None:
    assert [k for _, k in _found(nlp, text)] in ([], [None])


# --- "the newspaper": a publication named without a newspaper's word -----------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "The Harlow Clarion, the city's oldest newspaper, endorsed Senator Marla Quinby on "
            "Sunday. Quinby thanked the board.\n\n"
            "“She has earned a second term,” the newspaper wrote.",
            "harlow clarion",
        ),
        (
            "The Lakeshore Beacon reported on Monday that the mayor had sold his boat. The "
            "mayor did not answer calls.\n\n"
            "“The sale was never disclosed,” the newspaper said.",
            "lakeshore beacon",
        ),
    ],
)
def test_the_newspaper_is_the_publication_the_text_named(
    nlp: Language, text: str, key: str
) -> None:
    assert [k for _, k in _found(nlp, text)] == [key]


# --- "the release said": a writing first named as it speaks is the issuer's just named ------


def test_a_release_first_named_as_it_speaks_is_the_organisation_just_named(
    nlp: Language,
) -> None:
    text = (
        "On Thursday, the Ohio Farm Bureau announced that its spring meeting was cancelled.\n\n"
        "“Members will be told of a new date soon,” the release said."
    )
    assert [k for _, k in _found(nlp, text)] == ["ohio farm bureau"]


def test_a_report_spoken_of_before_is_not_given_to_the_organisation_just_named(
    nlp: Language,
) -> None:
    text = (
        "A report by two researchers looked at tax filings. The Ohio Farm Bureau disputed "
        "its numbers on Monday.\n\n"
        "“Most farms pay more than they owe,” the report said."
    )
    assert [k for _, k in _found(nlp, text)] != ["ohio farm bureau"]


# --- a description right after the sentence that names its person -------------------------


def test_a_role_after_the_sentence_naming_its_person_is_that_person(nlp: Language) -> None:
    text = (
        "Senator Ray Holloway released a video attacking the plan on Monday.\n\n"
        "Governor Dana Whitfield accused the senator of playing politics. “He voted for this "
        "plan twice,” the governor said."
    )
    assert [k for _, k in _found(nlp, text)] == ["dana whitfield"]


def test_a_role_after_another_speaker_s_quoted_turn_is_not_that_speaker(
    nlp: Language,
) -> None:
    # a dialogue: the senator answers the host; the host's turn names no senator
    text = (
        "Senator Ray Holloway spoke with Nina Ostrova on Sunday about the race. Ostrova asked "
        "about his rivals.\n\n"
        "“Are you the outsider now?” Ostrova asked. “I have always been,” the senator said."
    )
    assert [k for _, k in _found(nlp, text)][-1] != "nina ostrova"


@pytest.mark.parametrize(
    "text",
    [
        # the campaign that just spoke issued the statement
        "Senator Marla Quinby is running for governor this year.\n\n"
        "The Quinby campaign responded on Tuesday that the office had moved. “The rent "
        "went up because the staff grew,” the statement said.",
        # the release said, then the release added: the same release
        "Senator Marla Quinby is running for governor this year. The Quinby campaign "
        "announced a new schedule on Tuesday.\n\n"
        "“The senator will visit four counties,” the release said.\n\n"
        "“She will also speak in Akron,” the release added.",
    ],
)
def test_a_writing_speaks_for_who_issued_it_just_before(nlp: Language, text: str) -> None:
    assert {k for _, k in _found(nlp, text)} == {"marla quinby"}


def test_a_person_s_office_speaks_for_them(nlp: Language) -> None:
    text = (
        "Speaker Tobias Renner met the governor on Friday.\n\n"
        "“The meeting was productive,” Renner’s office said in a statement."
    )
    assert [k for _, k in _found(nlp, text)] == ["tobias renner"]


# --- a trailing attribution with a phrase of when or how after its verb -------------------


@pytest.mark.parametrize(
    "tail",
    ["fumed on Tuesday", "charged in her opening question"],
)
def test_a_trailing_verb_may_take_a_phrase_of_when_or_how(nlp: Language, tail: str) -> None:
    text = (
        "Senator Marla Quinby questioned the budget director at the hearing.\n\n"
        f"“You have hidden the real numbers from this committee,” Quinby {tail}."
    )
    assert [k for _, k in _found(nlp, text)] == ["marla quinby"]


# --- titles joined before one name ---------------------------------------------------------


def test_titles_joined_before_one_name_are_that_person(nlp: Language) -> None:
    text = (
        "The party met in Columbus on Monday.\n\n"
        "“We have to win this state,” said former Ohio Gov. and party chairman Ed Marlow."
    )
    assert [k for _, k in _found(nlp, text)] == ["ed marlow"]


def test_a_name_and_a_family_word_are_two_speakers(nlp: Language) -> None:
    text = (
        "Senator Ray Holloway toured the plant on Monday.\n\n"
        "“We are proud of this town,” said Holloway and his wife."
    )
    assert [k for _, k in _found(nlp, text)] in ([None], [])


# --- a writing named with its author speaks for the author --------------------------------


def test_an_article_named_with_its_paper_speaks_for_the_paper(nlp: Language) -> None:
    text = (
        "Twenty years ago, a Harlow Clarion article praised the mayor for the new bridge.\n\n"
        "“No one in this city has built more,” the article said."
    )
    assert [k for _, k in _found(nlp, text)] == ["harlow clarion"]


def test_a_book_named_with_no_author_is_no_one(nlp: Language) -> None:
    text = (
        "The mayor's life is the subject of a new book this spring.\n\n"
        "“He never slept more than four hours,” the book said."
    )
    assert [k for _, k in _found(nlp, text)] == []


# --- "X did Y, writing “…”": the subject of the clause before the comma -------------------


def test_a_gerund_after_a_comma_speaks_for_the_clause_subject(nlp: Language) -> None:
    text = (
        "The band endorsed the senator in May.\n\n"
        "Rafe Kettering shared the news on social media last week, writing “Feels "
        "great to back someone I believe in.”"
    )
    assert [k for _, k in _found(nlp, text)] == ["rafe kettering"]


def test_a_person_shown_speaking_in_footage_is_the_speaker(nlp: Language) -> None:
    text = (
        "A new ad from the senator's campaign is seizing on recent comments his rival made."
        "\n\nThe ad uses footage of Marla Quinby asking, “Why aren’t I ten points ahead, you "
        "might ask?”"
    )
    assert [k for _, k in _found(nlp, text)] == ["marla quinby"]


def test_a_writing_by_someone_speaks_for_them(nlp: Language) -> None:
    text = (
        "The charge against the aide was dropped on Thursday.\n\n"
        "“The evidence cannot prove every element of the crime,” according to a court "
        "document filed by state attorney Dale Hargrove."
    )
    assert [k for _, k in _found(nlp, text)] == ["dale hargrove"]
