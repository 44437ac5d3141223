"""Quote rules of issue 12's twenty-seventh round, quoted terms: a bare noun phrase in marks
("“net zero emissions”") that the article also writes without marks is the article's name for a
thing, not a speaker's words, however near a speech verb it stands. Guards keep a speaker's own
phrase (written once, or repeated only inside a quotation), a phrase modifying a noun after the
marks, and pieces of a sentence that keep their small words."""

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
    ("text", "term"),
    [
        # the article writes the phrase again, plainly: its own name for the thing
        (
            "Tom Reed, the energy minister, said the country would reach “net zero emissions” "
            "by 2040.\n\nCritics doubt that net zero emissions can be reached so soon.",
            "net zero emissions",
        ),
        (
            "Maria Lopez warned that the agency faced a wave of “digital sabotage” from abroad."
            "\n\nThe agency has said little about digital sabotage since then.",
            "digital sabotage",
        ),
        (
            "The company, Harwick Energy, announced it would build a “carbon capture plant” "
            "near the port.\n\nA carbon capture plant of that size would be the first in Europe.",
            "carbon capture plant",
        ),
    ],
)
def test_term_not_stored(nlp: Language, text: str, term: str) -> None:
    assert not any(term in quote for quote, _ in _quotes(nlp, text))


@pytest.mark.parametrize(
    ("text", "quote", "key"),
    [
        # a speaker's phrase, written once
        (
            "Imran Malik spoke on Monday.\n\nMalik said the general harboured a “personal "
            "grudge” against him.",
            "personal grudge",
            "imran malik",
        ),
        # repeated only inside a quotation: still the speaker's phrase
        (
            "Ann Price spoke first.\n\nPrice said the vote was a “turning point” for the town. "
            "“This turning point will be remembered,” she said.",
            "turning point",
            "ann price",
        ),
        # a quoted phrase before a noun, written once: still the speaker's
        (
            "Sharon Lewin spoke on Friday.\n\nLewin said the state’s “hard line” response was "
            "right.",
            "hard line",
            "sharon lewin",
        ),
        # a piece of a sentence with its article inside the marks is no bare noun phrase
        (
            "Tom Reed spoke next.\n\nReed called the deal “a bad bargain” for farmers. Many "
            "farmers agree it is a bad bargain.",
            "a bad bargain",
            "tom reed",
        ),
        # a verb inside the marks
        (
            "Nora Blake spoke last.\n\nBlake said the council had “failed to listen” to "
            "residents. The council failed to listen, residents say.",
            "failed to listen",
            "nora blake",
        ),
    ],
)
def test_speaker_phrase_kept(nlp: Language, text: str, quote: str, key: str) -> None:
    assert (quote, key) in _quotes(nlp, text)
