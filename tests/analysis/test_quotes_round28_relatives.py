"""A full name the article introduces as the relative of a lone surname ("Kowal's father, Piotr
Kowal") is not the person that surname stands for: the lone surname is the other full name."""

from __future__ import annotations

from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes


def keys(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """(first words, speaker key) of every quote of a text."""
    doc = nlp(text)
    return [(q.text[:12], q.speaker_key) for q in extract_quotes(doc, analyse_doc(doc))]


_STORY = (
    "“We had drivers working six days a week,” said Dana Kowal, the president of the local.\n\n"
    "Kowal’s father, Piotr Kowal, is a retired bus driver. “I drove for thirty years,” he "
    "said.\n\n"
    "“The company can change its rules whenever it likes,” Kowal said."
)


def test_the_lone_surname_after_a_relative_is_introduced(nlp: Language) -> None:
    assert keys(nlp, _STORY)[-1] == ("The company ", "dana kowal")


def test_the_relative_introduced_after_the_name(nlp: Language) -> None:
    text = (
        "“Nobody here wants a strike,” said Maria Olsen, who leads the nurses.\n\n"
        "Henrik Olsen, Olsen’s husband, also works at the hospital.\n\n"
        "“We are ready to talk at any time,” Olsen said."
    )
    assert keys(nlp, text)[-1] == ("We are ready", "maria olsen")


def test_guard_a_possessor_written_in_full_says_nothing_of_the_lone_surname(
    nlp: Language,
) -> None:
    text = (
        "“We had drivers working six days a week,” said Dana Kowal, the president.\n\n"
        "Dana Kowal’s father, Piotr Kowal, is a retired bus driver.\n\n"
        "“The company can change its rules whenever it likes,” Kowal said."
    )
    assert keys(nlp, text)[-1] != ("The company ", "dana kowal")


def test_guard_two_full_names_and_no_relative_leave_the_surname_alone(nlp: Language) -> None:
    text = (
        "“We had drivers working six days a week,” said Dana Kowal, the president.\n\n"
        "Piotr Kowal, a retired bus driver, joined the rally.\n\n"
        "“The company can change its rules whenever it likes,” Kowal said."
    )
    assert keys(nlp, text)[-1] != ("The company ", "dana kowal")


def test_the_next_he_goes_on_from_the_lone_surname(nlp: Language) -> None:
    text = (
        "“We had drivers working six days a week,” said Dana Kowal, the president of the "
        "local.\n\n"
        "Kowal’s mother, Ewa Kowal, is a retired bus driver.\n\n"
        "Kowal joined the union at eighteen, he said. “It was the best thing I ever did,” he "
        "said."
    )
    assert keys(nlp, text)[-1] == ("It was the b", "dana kowal")
