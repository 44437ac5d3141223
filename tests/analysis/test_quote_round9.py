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


# --- a quotation alone in its paragraph, signed by a dash and a name in the next -------------


def test_a_quotation_signed_in_the_next_paragraph_is_the_signers(nlp: Language) -> None:
    # A fact check lists claims as a quote paragraph and a "- Name." line: each is that name's.
    text = (
        "Governor Dana Whitfield and Senator Omar Keating clashed on taxes in the debate.\n\n"
        '"I never voted to raise the sales tax, not once in twelve years."\n\n'
        "- Whitfield.\n\n"
        "The record shows she voted for it twice.\n\n"
        '"My plan cuts taxes for every family in the state."\n\n'
        "-Senator Omar Keating, answering a question on schools.\n\n"
        "It does not."
    )
    assert [(k, key) for k, _, key in _found(nlp, text)] == [
        ("direct", "dana whitfield"),
        ("direct", "omar keating"),
    ]


def test_a_signature_line_signs_only_a_quotation_alone_in_its_paragraph(nlp: Language) -> None:
    # The quote has its speaker in its own sentence; the line below is no signature for it.
    text = (
        "Governor Dana Whitfield and Senator Omar Keating clashed on taxes in the debate.\n\n"
        'Whitfield said on Monday that taxes would not rise: "Not one cent more."\n\n'
        "- Keating.\n"
    )
    assert "omar keating" not in [key for _, _, key in _found(nlp, text)]


# --- a quotation cut at its start, followed at once by its speech verb and speaker -----------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "The commentator Chris Matthews said the debate was close.\n\n"
            "“… overall, I think the winner tonight was the governor,” Matthews concluded.",
            "chris matthews",
        ),
        (
            "The economist Daniel Holloway studies energy prices.\n\n"
            "As for cost, “keeping the old plant open would be the costlier path,” said Mr. "
            "Holloway, who teaches at the state university.",
            "daniel holloway",
        ),
        (
            "The columnist Ben Jarrow wrote about the rally.\n\n"
            "“‘Crooked deals’ is how the governor talks about every trade pact,” wrote Ben Jarrow.",
            "ben jarrow",
        ),
    ],
)
def test_a_quotation_followed_by_its_attribution_is_direct(
    nlp: Language, text: str, key: str
) -> None:
    assert [(kind, k) for kind, _, k in _found(nlp, text)] == [("direct", key)]


def test_a_quoted_phrase_closed_by_a_full_stop_stays_partial(
    nlp: Language,
) -> None:
    # The full stop ends the writer's sentence: a phrase of it, not words the next sentence's
    # subject said; it stays Castillo's partial quote, without the writer's full stop.
    text = (
        "Mayor Rhea Castillo attacked Governor Dana Whitfield, calling her, among other "
        "things, “a tired politician.” Whitfield fired back on Monday."
    )
    assert _found(nlp, text) == [("partial", "a tired poli", "rhea castillo")]


# --- a quoted clause with its own subject, the complement of the speech verb before it -------


def test_a_quoted_clause_right_after_its_speech_verb_is_direct(nlp: Language) -> None:
    text = (
        "Pastor Charles Ellery spoke at the memorial on Sunday.\n\n"
        "In his tribute, Ellery said “there is no man who has done more for this town than "
        "Walter Greene.”"
    )
    assert [(kind, k) for kind, _, k in _found(nlp, text)] == [("direct", "charles ellery")]


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Rhea Castillo said the plan was “a betrayal of the voters.”",
        "Mayor Rhea Castillo denounced “the men who wrote this plan in secret.”",
    ],
)
def test_a_quoted_phrase_after_a_speech_verb_stays_partial(nlp: Language, text: str) -> None:
    assert [kind for kind, _, _ in _found(nlp, text)] == ["partial"]


# --- an attribution with its speech verb first: "Stated Vance:", "Continued Vance: “…”" -------


def test_an_inverted_attribution_names_the_speaker(nlp: Language) -> None:
    text = (
        "Roger Vance, a longtime adviser to the governor, spoke on the radio program on Monday."
        "\n\nStated Vance:\n\n"
        "“I think that the stakes are so high that nobody can afford to stay home.”\n\n"
        "He added that turnout would decide it.\n\n"
        "Continued Vance: “So I think it is a very real problem, and the party must act.”"
    )
    assert [(kind, key) for kind, _, key in _found(nlp, text)] == [
        ("direct", "roger vance"),
        ("direct", "roger vance"),
    ]


def test_an_inverted_verb_is_no_part_of_the_speakers_name(nlp: Language) -> None:
    # NER reads "Said Castillo" as a person; the quote is the mayor's, under her own name.
    text = "Mayor Rhea Castillo spoke on Monday.\n\nSaid Castillo, “We will rebuild the bridge.”"
    assert [key for _, _, key in _found(nlp, text)] == ["rhea castillo"]
