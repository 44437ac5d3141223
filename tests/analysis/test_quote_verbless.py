"""A quotation closed by a comma and signed by a person's name with no verb is that person's."""

from __future__ import annotations

from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes


def found(nlp: Language, text: str) -> list[tuple[str, str | None, str]]:
    """(first words, speaker key, cue) of every quote of a text."""
    doc = nlp(text)
    return [(q.text[:20], q.speaker_key, q.cue) for q in extract_quotes(doc, analyse_doc(doc))]


def test_a_name_and_title_after_the_quotation_sign_it(nlp: Language) -> None:
    text = (
        "The county closed two bridges on Monday.\n\n"
        "“We will keep the main roads open all winter, whatever the weather brings,” Dana "
        "Whitfield, director of the county highway department."
    )
    assert [(w, k) for w, k, _ in found(nlp, text)] == [("We will keep the mai", "dana whitfield")]


def test_the_next_quotation_of_the_paragraph_goes_on_from_the_signed_one(nlp: Language) -> None:
    text = (
        "Not everyone opposed the toll.\n\n"
        "“I still think the toll helps drivers who use the road least,” Laura Mendez, a "
        "senior fellow at the Harbor Policy Institute, a think tank that studies transport. "
        "“Those drivers pay less than they did before.”"
    )
    assert [k for _, k, _ in found(nlp, text)] == ["laura mendez", "laura mendez"]


def test_a_name_ending_the_sentence_signs_the_quotation(nlp: Language) -> None:
    text = (
        "The council met on Tuesday.\n\n"
        "“Nobody on this council wants the library to close its doors,” Priya Natarajan."
    )
    assert [k for _, k, _ in found(nlp, text)] == ["priya natarajan"]


def test_a_verb_after_the_name_and_title_stays_the_attribution(nlp: Language) -> None:
    text = (
        "“We will keep the main roads open all winter,” Dana Whitfield, director of the "
        "county highway department, told reporters."
    )
    assert found(nlp, text) == [("We will keep the mai", "dana whitfield", "tell")]


def test_a_name_that_is_the_subject_of_a_deed_signs_nothing(nlp: Language) -> None:
    text = (
        "“We will keep the main roads open all winter,” Dana Whitfield and her deputy "
        "inspected the bridge on Monday."
    )
    assert found(nlp, text) == []


def test_an_organisation_after_the_quotation_signs_nothing(nlp: Language) -> None:
    text = (
        "The county closed two bridges on Monday.\n\n"
        "“We will keep the main roads open all winter,” the Acme Highway Corporation, a "
        "contractor of the county."
    )
    assert found(nlp, text) == []


def test_a_name_with_a_relative_clause_and_a_deed_signs_nothing(nlp: Language) -> None:
    # the name is the subject of what follows, however the parser hangs the verb
    text = (
        "The county closed two bridges on Monday.\n\n"
        "“We will keep the main roads open all winter,” Dana Whitfield, who chairs the "
        "highway board, stormed out."
    )
    assert [c for _, _, c in found(nlp, text)] in ([], ["storm"])
