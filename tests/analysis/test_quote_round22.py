"""Quote rules of issue 12's twenty-second round: general shapes of news English that left
quotations unlinked on the tenth (development) batch of real pages, each on an invented sentence
of its shape. Each test asserts what a member sees: the quote under the right person, and
nothing under anyone else."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes


def _found(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    """(kind, first words, speaker key) of every quote of a text."""
    doc = nlp(text)
    return [(q.kind, q.text[:12], q.speaker_key) for q in extract_quotes(doc, analyse_doc(doc))]


# --- an office opened by an ordinal ("the First Lady") is no person's name -------------------


@pytest.mark.parametrize(
    "text",
    [
        "Laura Greene spoke at the museum on Monday.\n\n"
        "Without naming her critics, the First Lady defended the program.\n\n"
        "“We are not finished,” she said.",
        "Anna Keller visited the clinic on Tuesday.\n\n"
        "The First Lady praised the nurses and thanked the volunteers.\n\n"
        "“They kept this city going,” she said.",
    ],
)
def test_an_office_opened_by_an_ordinal_is_not_a_second_person(nlp: Language, text: str) -> None:
    keys = [k for _, _, k in _found(nlp, text)]
    assert keys and all(k is not None and k != "first lady" for k in keys)
    assert len(set(keys)) == 1 and next(iter(keys)) in {"laura greene", "anna keller"}


def test_a_first_name_after_an_ordinal_word_is_still_a_name(nlp: Language) -> None:
    """A real first name is still read: only a word tagged as a number is passed over."""
    text = "Senator Rosa Delgado opened the hearing.\n\n“We need answers today,” Delgado said."
    assert [k for _, _, k in _found(nlp, text)] == ["rosa delgado"]


# --- a job word capitalised before a surname, where the article wrote it before the full name --


@pytest.mark.parametrize(
    "text",
    [
        "In Millbrook, where plumber Dario Fenwick said work had slowed, prices are down.\n\n"
        "Plumber Fenwick said customers are waiting.\n\n"
        "“Nobody wants to commit,” Fenwick said.",
        "The shop is run by baker Ines Marlowe, who opened it in 2010.\n\n"
        "Baker Marlowe said flour costs doubled.\n\n"
        "“We raised prices twice,” Marlowe said.",
    ],
)
def test_a_described_surname_is_the_full_name_it_describes(nlp: Language, text: str) -> None:
    keys = {k for _, _, k in _found(nlp, text)}
    assert keys in ({"dario fenwick"}, {"ines marlowe"})


def test_two_people_of_one_surname_stay_apart(nlp: Language) -> None:
    """No description joins them: "Paul Fenwick" is a second person, so "Fenwick" stays."""
    text = (
        "Dario Fenwick and his brother Paul Fenwick run the firm.\n\n"
        "“Nobody wants to commit,” Fenwick said."
    )
    assert [k for _, _, k in _found(nlp, text)] != ["dario fenwick"]


# --- an organisation tagged without the acronym that opens its name --------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "In a note on Friday, KLB Intel, a Nairobi research firm, says Kenya is “at risk” "
            "of a slowdown.",
            "klb intel",
        ),
        (
            "In a note on Friday, ZNT Analytics, a Lima consultancy, says Peru is “at risk” of "
            "a slowdown.",
            "znt analytics",
        ),
    ],
)
def test_an_acronym_before_an_organisation_is_part_of_its_name(
    nlp: Language, text: str, key: str
) -> None:
    from analysis.entities import canonicalise_mentions
    from analysis.types import EntityKind

    assert [k for _, _, k in _found(nlp, text)] == [key]
    kinds = {m.kind for m in canonicalise_mentions(nlp(text)) if m.key == key}
    assert kinds == {EntityKind.ORG}


def test_an_office_in_capitals_before_an_organisation_stays_out(nlp: Language) -> None:
    """ "CEO" before a company's name is its chief's office, not the company's first word."""
    from analysis.entities import canonicalise_mentions

    doc = nlp("Its CEO Intel hired last year said the plan was on track.")
    assert all(not m.name.startswith("CEO") for m in canonicalise_mentions(doc))


# --- a company's short name: the first word of its full name -----------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "The airport serves both Pacific Airlines and Coastal Airways.\n\n"
            "Pacific said it is “ready for the holiday rush” and has added staff.",
            "pacific airlines",
        ),
        (
            "Flights by Delmar Airlines and Northern Airways were delayed on Monday.\n\n"
            "“We apologise to every passenger affected,” Northern said in a statement.",
            "northern airways",
        ),
    ],
)
def test_a_company_short_name_is_its_full_name(nlp: Language, text: str, key: str) -> None:
    assert [k for _, _, k in _found(nlp, text)] == [key]


def test_a_brand_is_not_folded_onto_a_unit_of_its_own(nlp: Language) -> None:
    """ "Orbis Music" is a body of its own: "Orbis" stays "Orbis"."""
    from analysis.entities import canonicalise_mentions

    doc = nlp("Orbis launched Orbis Music on Monday. Orbis said sales rose.")
    alone = [m.key for m in canonicalise_mentions(doc) if m.text == "Orbis"]
    assert alone and set(alone) == {"orbis"}


# --- a negated reply verb ("did not respond to a request for comment") speaks no words ----------


@pytest.mark.parametrize(
    "text",
    [
        "“This is a scare tactic,” added Rep. Ann Wells, the top Democrat on the panel. “I am "
        "sure many scientists see this as a message of fear.” Committee Chairman Tom Baird did "
        "not respond to a request for comment.",
        "“We were never told,” said Mira Solis, a nurse at the clinic. “Nobody asked us "
        "anything.” Hospital director Karl Brandt did not reply to emails on Friday.",
    ],
)
def test_a_negated_reply_verb_takes_no_quote(nlp: Language, text: str) -> None:
    keys = [k for _, _, k in _found(nlp, text)]
    assert len(keys) == 2 and len(set(keys)) == 1 and keys[0] in {"ann wells", "mira solis"}


def test_a_reply_verb_still_takes_its_quote(nlp: Language) -> None:
    text = "Asked about the delay, Tom Baird responded: “We are working on it.”"
    assert [k for _, _, k in _found(nlp, text)] == ["tom baird"]


def test_a_negated_reply_verb_keeps_a_quotation_after_it(nlp: Language) -> None:
    """The words after the verb are still a quotation ("what is called “…”")."""
    text = (
        "The county removed thousands of voters because they did not respond to letters, in "
        "what critics call a “use it or lose it” approach."
    )
    assert [kind for kind, _, _ in _found(nlp, text)] == ["partial"]


# --- a role noun in a deck above the story: the one person the story introduces with it --------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "The governor urged residents to stay home in a ‘calm, patient and careful’ way.\n\n"
            "More than 2 million residents lost power on Friday, Governor Ann Burke said on "
            "Monday.\n\n“We will restore every line,” Burke said.",
            "ann burke",
        ),
        (
            "The mayor called the new budget “a promise kept” for the city.\n\n"
            "Mayor Lena Ortiz presented the plan to the council on Tuesday.",
            "lena ortiz",
        ),
    ],
)
def test_a_role_before_anyone_is_named_is_the_one_introduced_with_it(
    nlp: Language, text: str, key: str
) -> None:
    assert {k for _, _, k in _found(nlp, text)} == {key}


def test_a_role_before_two_people_of_that_role_stays_unlinked(nlp: Language) -> None:
    text = (
        "The mayor called the new budget “a promise kept” for the city.\n\n"
        "Mayor Lena Ortiz met Mayor Paul Grant of the next town on Tuesday."
    )
    assert [k for _, _, k in _found(nlp, text)] == [None]


def test_a_writing_before_its_signers_is_no_role(nlp: Language) -> None:
    """ "says the letter, signed by Sen. …": the letter is no one introduced later."""
    text = (
        "“Ending remote work now threatens the progress made,” says the letter, signed by "
        "Sen. Mara Quill and Sen. Tom Avery."
    )
    assert all(k not in {"mara quill", "tom avery"} for _, _, k in _found(nlp, text))


# --- a quotation that ends in a nested one ends its sentence like any other -------------------


@pytest.mark.parametrize(
    "text",
    [
        "“This is a scare tactic,” added Rep. Ann Wells. “I am sure many scientists see this "
        "as a message of fear -- ‘ignore the science or we will come after you.’” Committee "
        "Chairman Tom Baird did not respond to a request for comment.",
        '"This is a scare tactic," added Rep. Ann Wells. "I am sure many scientists see this '
        "as a message of fear -- 'ignore the science or we will come after you.'\" Tom Baird "
        "voted for the bill last year.",
    ],
)
def test_a_quotation_ending_in_a_nested_one_goes_on_from_its_speaker(
    nlp: Language, text: str
) -> None:
    assert [k for _, _, k in _found(nlp, text)] == ["ann wells", "ann wells"]


def test_a_nested_close_before_its_attribution_keeps_it(nlp: Language) -> None:
    text = "“Voters told me one thing: ‘fix the roads.’” Mayor Lena Ortiz said on Tuesday."
    assert [k for _, _, k in _found(nlp, text)] == ["lena ortiz"]


# --- "Sr." or "Jr." before a comma ends no sentence ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Nurses Union President Paul R. Mendes Jr., who also represents hospital staff, warned "
        "against “a return to the old ways. The board must act now.”",
        "Council member Ray T. Boone Sr., who chairs the budget panel, said the cuts were “a "
        "mistake we will regret.”",
    ],
)
def test_a_name_suffix_before_a_comma_keeps_the_speaker_in_the_sentence(
    nlp: Language, text: str
) -> None:
    found = _found(nlp, text)
    assert len(found) == 1 and found[0][2] in {"paul r. mendes jr.", "ray t. boone sr."}


# --- a quotation after narration about its speaker only goes on from the one before ----------


@pytest.mark.parametrize(
    "text",
    [
        "“There is real worry among my members,” said Lena Ortiz, president of the nurses' "
        "union at the hospital. She is also a nurse there, but was speaking for the union. "
        "“I have had dozens of calls from staff.”",
        "“We did not expect this,” said Tom Baird, the owner of the mill. He has run it for 30 "
        "years. “Nobody warned us.”",
    ],
)
def test_a_quote_after_narration_about_its_speaker_goes_on(nlp: Language, text: str) -> None:
    keys = [k for _, _, k in _found(nlp, text)]
    assert len(keys) == 2 and len(set(keys)) == 1 and keys[0] in {"lena ortiz", "tom baird"}


def test_a_quote_after_narration_about_someone_else_does_not(nlp: Language) -> None:
    text = (
        "“We did not expect this,” said Tom Baird, the owner of the mill. The mayor visited "
        "the site on Monday. “Nobody warned us.”"
    )
    assert [k for _, _, k in _found(nlp, text)] == ["tom baird"]


# --- words in capitals cried out are words, not a title ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Moments later Tom Baird screamed “God Save Us” as the car crashed into the wall.",
        "Lena Ortiz shouted “Stop The Truck” from the sidewalk, witnesses said.",
    ],
)
def test_words_cried_out_in_capitals_are_a_quote(nlp: Language, text: str) -> None:
    assert [k for _, _, k in _found(nlp, text)] in (["tom baird"], ["lena ortiz"])


def test_a_title_sung_or_written_is_still_a_title(nlp: Language) -> None:
    text = "Lena Ortiz wrote “The Long Road Home” in 2019, and she sang “Blue River Nights” live."
    assert _found(nlp, text) == []
