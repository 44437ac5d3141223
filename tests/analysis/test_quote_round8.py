"""Quote rules of issue 12's eighth round: general mechanisms of news English, each on an
invented sentence of its shape, chosen from the error classes of PolNeAR train and dev (quotes
left out or given no one because the parser lost the speech verb's subject, or the speaker is a
name or description no rule tied to the person the article introduced). Each test asserts what
a member sees: the quote under the right person, and nothing under anyone else."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes


def _found(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """(first words, speaker key) of every quote of a text."""
    doc = nlp(text)
    return [(q.text[:12], q.speaker_key) for q in extract_quotes(doc, analyse_doc(doc))]


# --- a speech verb in a "by/before … saying" clause shares its main verb's subject ------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Mayor Alda Brennan read out the names of the victims.\n\n"
            "Brennan punctuated her list by saying “Too many.” The audience followed her.",
            "alda brennan",
        ),
        (
            "Senator Ray Harlan spoke in Louisville on Monday.\n\n"
            "On Tuesday, Mr. Harlan deflected numerous questions about Mr. Trump before saying, "
            "“It's time to quit attacking various people.”",
            "ray harlan",
        ),
    ],
)
def test_a_clause_of_by_or_before_saying_shares_the_subject(
    nlp: Language, text: str, key: str
) -> None:
    # The parser hangs "saying" on the preposition: the quote had no speaker and was lost.
    assert [k for _, k in _found(nlp, text)] == [key]


def test_as_saying_gives_the_quote_to_no_subject(nlp: Language) -> None:
    # "quoted the mayor as saying": the object speaks, not the subject (the newspaper).
    text = (
        "Mayor Alda Brennan spoke on Friday.\n\n"
        "The Dunmore Herald quoted the mayor as saying “Books change lives.”"
    )
    assert "dunmore herald" not in [key for _, key in _found(nlp, text)]


# --- a name set off by commas before the verb, its apposition hiding it from the parser --------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "In a statement to the\xa0Observer, her senior policy adviser, Jake Sallis, said: "
            "“Hillary Clinton believes that transatlantic cooperation is essential.”",
            "jake sallis",
        ),
        (
            "Mitt Ransome, the 2012 Republican presidential nominee, tweeted in response: "
            "“Important distinction: thugs kill journalists.”\n\n"
            "Ransome said later that he meant it.",
            "mitt ransome",
        ),
        (
            "Jorge Alcaraz, a television anchor, has criticised the network.\n\n"
            "“We were tremendously wrong to stay silent,” Alcaraz, 58, told AFP in an interview.",
            "jorge alcaraz",
        ),
    ],
)
def test_a_name_set_off_by_commas_speaks(nlp: Language, text: str, key: str) -> None:
    assert [k for _, k in _found(nlp, text)] == [key]


def test_the_name_opening_the_stretches_speaks_not_one_inside_them(nlp: Language) -> None:
    # "Mr. Slade, whose start-up, Paradata, …, said": Slade speaks, the start-up does not.
    text = (
        "Mr. Slade, whose latest start-up, Paradata, uses data to help brands find suppliers, "
        "said the candidate was one of them: “He is a start-up kind of guy.”"
    )
    assert [k for _, k in _found(nlp, text)] == ["slade"]
