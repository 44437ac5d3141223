"""Quote speakers of issue 12's round 18: a quoted sentence after one person's sentence.

"Starmer was blunt. “The NHS is broken.”": a quoted sentence that ends its paragraph, after the
writer's own sentences there about one person, is that person's. Round 13 took such a quotation
only when it stood in a paragraph of its own after a paragraph about one person
(`quote_runs.told_about`); real pages also run the two together in one paragraph (DEV: 'Bolger’s
lawyer, Jeremy Robinson, had a more succinct statement after the ruling on Thursday. “It is
impossible to overstate …”'). The sentence right before must be about that person too, and the
quotation must close the paragraph. Each test is an invented passage of such a shape.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quoted import speakers

_STARMER = (
    "Labour leader Keir Starmer visited a hospital in Leeds on Monday as the party set out its "
    "health plans.\n\n"
)


@pytest.mark.parametrize(
    "text",
    [
        _STARMER + "Starmer was blunt. “The NHS is broken.”",
        _STARMER + "After the visit, Starmer met nurses. “The NHS is broken.”",
        _STARMER + "Asked about waiting lists, Starmer shrugged. “The NHS is broken.”",
        _STARMER + "He was unrepentant about the remark. “The NHS is broken.”",
    ],
)
def test_a_quoted_sentence_after_one_persons_sentence(nlp: Language, text: str) -> None:
    assert speakers(nlp, text)["The NHS is b"] == "keir starmer"


def test_a_named_lawyers_statement(nlp: Language) -> None:
    """The real DEV shape: a person named in apposition to a role has a statement, which follows."""
    text = (
        "The court ruled against Amazon on Thursday in a case brought by Angela Bolger.\n\n"
        "Bolger’s lawyer, Jeremy Robinson, had a more succinct statement after the ruling on "
        "Thursday. “It is impossible to overstate the magnitude of this ruling.”"
    )
    assert speakers(nlp, text)["It is imposs"] == "jeremy robinson"


@pytest.mark.parametrize(
    "text",
    [
        # the writer's sentence goes on after the quotation: not a quotation closing the paragraph
        _STARMER + "Starmer was blunt. “The NHS is broken.” The nurses applauded.",
        # the sentence right before is about someone else, whom the resolver cannot name
        "Tom Clarke has spent a career trying to turn around companies.\n\nIn the 1990s, he "
        "turned one of his companies into a large business. His former business partner at "
        "Lenox, Lawrence B. Cummings, called him a master at deals. “The NHS is broken.”",
        # two people are the subjects before it
        _STARMER + "Starmer met Rishi Sunak, and Sunak shook his hand. “The NHS is broken.”",
    ],
)
def test_no_one_persons_sentence_no_speaker(nlp: Language, text: str) -> None:
    assert speakers(nlp, text).get("The NHS is b") is None
