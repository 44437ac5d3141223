"""Quote rules of issue 12's ninth round (a): general shapes of news English that left direct
quotations unfound, each on an invented sentence of its shape, chosen from the error classes of
PolNeAR train and dev. Each test asserts what a member sees: the quote under the right person,
and nothing under anyone else."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes


def _found(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    """(kind, first words, speaker key) of every quote of a text."""
    doc = nlp(text)
    return [(q.kind, q.text[:12], q.speaker_key) for q in extract_quotes(doc, analyse_doc(doc))]


# --- a quotation opening in lowercase, set off by its speech verb and a comma ----------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Senator Omar Keating has criticised the budget for weeks.\n\n"
            "As the Herald's Lena Morrow wrote in a column, “after the council passed the "
            "measure, nobody asked the residents.”",
            "lena morrow",
        ),
        (
            "Mayor Rhea Castillo answered her rival on Sunday, tweeting at him, “you are not "
            "fooling anyone in this city.”",
            "rhea castillo",
        ),
        (
            "Governor Dana Whitfield toured the flooded district on Friday.\n\n"
            "A resident asked for a photograph, and Whitfield said, “as long as we keep it short.”",
            "dana whitfield",
        ),
        (
            "Mayor Rhea Castillo told reporters, “we will rebuild the bridge by spring.”",
            "rhea castillo",
        ),
    ],
)
def test_a_lowercase_quotation_set_off_by_its_verb_is_direct(
    nlp: Language, text: str, key: str
) -> None:
    # The speaker's sentence taken up part-way: direct, under the speaker.
    assert [(kind, k) for kind, _, k in _found(nlp, text)] == [("direct", key)]


@pytest.mark.parametrize(
    "text",
    [
        # the writer's sentence began before the speech verb: the quote completes it
        "Mayor Rhea Castillo spoke of the old bridge. It was, the mayor said, “a crossing that "
        "built this town.”",
        # the quotation names the object: a label, not a sentence said
        "Mayor Rhea Castillo attacked Governor Dana Whitfield, calling her, among other things, "
        "“a tired politician.”",
        # no comma: words worked into the writer's sentence
        "Mayor Rhea Castillo called the plan “a betrayal of the voters.”",
    ],
)
def test_a_lowercase_quotation_inside_the_writers_sentence_stays_partial(
    nlp: Language, text: str
) -> None:
    assert all(kind == "partial" for kind, _, _ in _found(nlp, text))
    assert all(key in {None, "rhea castillo"} for _, _, key in _found(nlp, text))
