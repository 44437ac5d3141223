"""Quote rules of issue 12's twenty-fifth round, titles: a short quoted work's title (a film, a
show, a book) set straight before a role and a name ('“Lantern” director Tom Kowal said', 'the
“Morning Edition” host Ann Roe told') names a work, not what anyone said, so it is stored as no
quotation; each on an invented sentence, with guards beside it for real quotations of a
look-alike shape. Each test asserts what a member sees: the quotes stored and their speakers."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes


def _quotes(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """The text and speaker key of every quote of a text."""
    doc = nlp(text)
    return [(q.text, q.speaker_key) for q in extract_quotes(doc, analyse_doc(doc))]


@pytest.mark.parametrize(
    "text",
    [
        # the title opens the sentence
        "“Lantern” director Tom Kowal said on Monday that the film would return to cinemas. "
        "“We are thrilled to bring it back,” he added.",
        # a title of several words after "the"
        "Mary Smith spoke first. Then the “Morning Edition” anchor Tom Brown told the crowd "
        "about his years in radio. “Radio saved my life,” he said.",
        # a one-word title opening a paragraph, a clause after the name
        "The series ended on Friday.\n\n“Nightfall” creator Tom Kowal, who spoke to "
        "reporters afterwards, told them it would return. “We are thrilled,” he said.",
        # a title with a small word inside it
        "The “House of Cards” star Peter Vance arrived at the premiere on Sunday night. "
        "“It was a long journey,” he told reporters.",
    ],
)
def test_title_before_role_and_name_is_no_quote(nlp: Language, text: str) -> None:
    quotes = _quotes(nlp, text)
    assert len(quotes) == 1
    assert quotes[0][1] in {"tom kowal", "tom brown", "peter vance"}
    assert not any(
        t in {"Lantern", "Nightfall", "Morning Edition", "House of Cards"} for t, _ in quotes
    )


@pytest.mark.parametrize(
    ("text", "quote", "key"),
    [
        # a capitalised word said, set off by a comma before a role, a name and a speech verb
        (
            "The senator left the hall early. “Disgraceful,” senator John Reed wrote on his "
            "page that night.",
            "Disgraceful",
            "john reed",
        ),
        # said words that are no title (not capitalised) before a role and a name, no comma
        (
            "The coach was proud. “We fought hard today” coach Dan Moore said after the match.",
            "We fought hard today",
            "dan moore",
        ),
        # the title's words are ordinary text: the person after it is he for the next quote
        (
            "The show ended on Friday. “Lantern” director Tom Kowal, who spoke to reporters "
            "afterwards, said the film would return. “We are thrilled,” he said.",
            "We are thrilled",
            "tom kowal",
        ),
    ],
)
def test_said_words_before_role_and_name_still_stored(
    nlp: Language, text: str, quote: str, key: str
) -> None:
    assert (quote, key) in _quotes(nlp, text)
