"""Quote rules of issue 12's twenty-first round: general shapes of news English that left
quotations unfound or unlinked on the ninth (development) batch of real pages, each on an
invented sentence of its shape. Each test asserts what a member sees: the quote under the
right person, and nothing under anyone else."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.cleaning import clean_article_text
from analysis.entity_names import person_words
from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes


def _found(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    """(kind, first words, speaker key) of every quote of a text."""
    doc = nlp(text)
    return [(q.kind, q.text[:12], q.speaker_key) for q in extract_quotes(doc, analyse_doc(doc))]


# --- an abbreviated rank kept before the surname: the person the article introduced ----------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Superintendent Audley Peters, head of the Central Division, spoke to reporters on "
            "Monday.\n\n“We have made three arrests and we expect more,” Supt Peters said.",
            "audley peters",
        ),
        (
            "Police Superintendent Audley Peters spoke to reporters on Monday.\n\n"
            "“The public should stay calm,” Supt. Peters added.",
            "audley peters",
        ),
        (
            "Detective Constable Amy Reid gave evidence on Tuesday.\n\n"
            "“The car was parked outside,” Det Const Reid said.",
            "amy reid",
        ),
        (
            "Commissioner Paul Rolle said on Friday the force would add patrols.\n\n"
            "“We will be visible,” Comm Rolle said.",
            "paul rolle",
        ),
    ],
)
def test_an_abbreviated_rank_before_a_surname_is_the_person_introduced(
    nlp: Language, text: str, key: str
) -> None:
    assert [(kind, k) for kind, _, k in _found(nlp, text)] == [("direct", key)]


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("Supt Peters", "Peters"),
        ("Supt. Audley Peters", "Audley Peters"),
        ("Det Const Amy Reid", "Amy Reid"),
        ("Insp. Lynch", "Lynch"),
        # not a rank: left as written
        ("Gen Hoshino", "Gen Hoshino"),
        ("Detroit Reid", "Detroit Reid"),
        # in capitals, or ranks alone: left as written
        ("SUPT Peters", "SUPT Peters"),
        ("Supt", "Supt"),
        ("Det Const", "Det Const"),
    ],
)
def test_person_words_drop_abbreviated_ranks_only(span: str, name: str) -> None:
    assert person_words(span) == name


def test_a_rank_before_another_surname_is_not_the_person_introduced(nlp: Language) -> None:
    # "Supt Lowe" is not "Audley Peters": the surname decides, never the rank
    text = (
        "Superintendent Audley Peters spoke to reporters on Monday.\n\n"
        "“We have made three arrests,” Supt Lowe said."
    )
    assert "audley peters" not in [k for _, _, k in _found(nlp, text)]


# --- a straight opening mark with a space inside it ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'Finance Minister Brian Manning spoke to senators on Tuesday.\n\nHe added, " A '
        'devaluation will cause an increase in those costs across the board."',
        "Finance Minister Brian Manning spoke to senators on Tuesday. Manning said the ministry "
        'wants to avoid a devaluation because "we live in a society that is heavy on '
        'importation" He added, " A devaluation will cause an increase in those costs."',
        'Finance Minister Brian Manning spoke to senators on Tuesday.\n\nHe warned: " A '
        'devaluation will cause an increase in those costs across the board."',
    ],
)
def test_a_straight_mark_spaced_before_its_first_word_opens(nlp: Language, text: str) -> None:
    found = [(kind, words) for kind, words, k in _found(nlp, text) if k == "brian manning"]
    assert ("direct", "A devaluati") in [(kind, words[:11]) for kind, words in found]


def test_a_spaced_straight_mark_closing_an_open_quotation_still_closes(nlp: Language) -> None:
    # one straight mark before it on the line: it closes ('"…, " Trump said'), as before
    text = (
        "Finance Minister Brian Manning spoke to senators on Tuesday.\n\n"
        '"I think it is a disgrace that he is doing this, " Manning said. "We will fight it."'
    )
    assert [k for _, _, k in _found(nlp, text)] == ["brian manning", "brian manning"]
    assert _found(nlp, text)[0][1] == "I think it i"


# --- a verb of any kind before the named speaker after the quotation --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Executive Director Gary Scott opened the conference on Monday.\n\n“The alliance will "
        "be launched here in Kingston, and it is a programme taking place right here,” shared "
        "Mr. Scott.",
        "Executive Director Gary Scott opened the conference on Monday.\n\n“We will be ready "
        "for the investors,” shared Gary Scott, the executive director.",
        "Executive Director Gary Scott opened the conference on Monday.\n\n“Is anyone ready "
        "for this?” wondered Scott.",
    ],
)
def test_a_verb_then_a_named_person_after_the_quotation_attributes_it(
    nlp: Language, text: str
) -> None:
    assert [k for _, _, k in _found(nlp, text)] == ["gary scott"]


@pytest.mark.parametrize(
    "text",
    [
        # no one the article names after the verb
        "The conference opened on Monday.\n\n“The alliance will be launched here,” shared "
        "the organisers.",
        # the quotation closed by a full stop: the verb opens a new sentence
        "Executive Director Gary Scott opened the conference on Monday.\n\n“The alliance "
        "will be launched here.” Followed Scott to the hall, the crowd left.",
        # a place after the verb, not a person
        "Executive Director Gary Scott opened the conference in Kingston.\n\n“Welcome to the "
        "future,” read Kingston's banners.",
    ],
)
def test_a_verb_after_the_quotation_without_a_named_person_attributes_nothing(
    nlp: Language, text: str
) -> None:
    assert "gary scott" not in [k for _, _, k in _found(nlp, text)]


# --- "highlights that “…”": a verb reporting speech through a "that" clause --------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "The airline has changed its schedule.\n\nPaul Verhagen, deputy general manager of "
            "the airline, highlights that “one of the fundamental pillars of the airline has "
            "been to offer a comfortable experience for the traveler.”",
            "paul verhagen",
        ),
        (
            "Coach Anna Novak spoke on Monday. Novak shared that “the team is ready for the "
            "final.”",
            "anna novak",
        ),
        (
            "Finance Minister Anna Novak spoke on Monday. Novak underlined that “the economy is "
            "growing faster than expected.”",
            "anna novak",
        ),
    ],
)
def test_a_that_clause_after_a_reporting_verb_is_the_speakers(
    nlp: Language, text: str, key: str
) -> None:
    assert [(kind, k) for kind, _, k in _found(nlp, text)] == [("partial", key)]


@pytest.mark.parametrize(
    "text",
    [
        # no "that" clause: a photo shared, a "risk" highlighted
        "Coach Anna Novak spoke on Monday. Novak shared a “team photo” from the final.",
        "Finance Minister Anna Novak spoke on Monday. The report highlighted the “unprecedented” "
        "growth of the deficit.",
    ],
)
def test_a_reporting_verb_without_a_that_clause_attributes_nothing(
    nlp: Language, text: str
) -> None:
    assert "anna novak" not in [k for _, _, k in _found(nlp, text)]


# --- an office capitalised after "the": the person the article introduced in that office ----


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Cases are rising, warns Pan American Health Organization (PAHO) Director Carissa "
            "F. Etienne.\n\nCases are surging in Europe, and the Director noted that “time and "
            "time again, we have seen how the dynamics in Europe are mirrored here weeks later.”",
            "carissa f. etienne",
        ),
        (
            "Cases are rising, warns health agency Director Carissa Etienne.\n\n“We must act "
            "now,” the Director said.",
            "carissa etienne",
        ),
    ],
)
def test_a_capitalised_office_after_the_is_the_person_in_that_office(
    nlp: Language, text: str, key: str
) -> None:
    assert [k for _, _, k in _found(nlp, text)] == [key]


@pytest.mark.parametrize(
    "text",
    [
        # no one introduced as a director: unlinked, as before
        "Cases are rising, warns the health agency's spokesman Tom Reyes.\n\n“We must act "
        "now,” the Director said.",
        # the person introduced in another office
        "Cases are rising, warns Health Minister Carissa Etienne.\n\n“We must act now,” the "
        "Director said.",
    ],
)
def test_a_capitalised_office_links_only_a_person_in_that_office(nlp: Language, text: str) -> None:
    assert "carissa etienne" not in [k for _, _, k in _found(nlp, text)]
    assert "tom reyes" not in [k for _, _, k in _found(nlp, text)]


def test_an_office_in_lowercase_tagged_a_proper_noun_is_left_to_the_other_rules(
    nlp: Language,
) -> None:
    # "the senator" (lowercase, tagged PROPN by the model) is round 20's description rule's
    text = (
        "Senator Tom Hale spoke to reporters on Monday.\n\nGovernor Ann Burke signed the bill "
        "in Albany: “This bill is a disgrace,” the senator said."
    )
    assert [k for _, _, k in _found(nlp, text)] == [None]


# --- a subscription pitch after the teaser of a paywalled page --------------------------------

_TEASER = (
    "Family raises money for brother's care\n\n"
    "The family hopes the fundraiser will raise money for the care they foresee.\n\n"
    "“Maybe there's a doctor out there who can help,” Etienne said.\n\n"
)


def test_a_paywall_notice_and_the_pitch_after_it_leave_the_body() -> None:
    cleaned = clean_article_text(
        _TEASER + "To view the full story, please subscribe to The Daily Ledger. You can choose "
        "an annual subscription or a weekly pass.\n\n"
        "When you join the Ledger family, you'll get unlimited digital access to journalism "
        "you won't get anywhere else.\n\n"
        "Join now or renew to get:\n\n"
        "— Instant access to special reports\n\n"
        "If you're already a subscriber, you can log in for immediate access to this story.\n"
    )
    assert cleaned.body.endswith("Etienne said.")
    assert {v.reason for v in cleaned.dropped} == {"paywall or licence notice"}


@pytest.mark.parametrize(
    "tail",
    [
        # the article goes on after the notice: long paragraphs of body
        "To read the full story, sign in below.\n\n" + "The council met on Tuesday. " * 15 + "\n\n"
        "Members of the council voted on the budget.\n",
        # nothing after the notice speaks of subscribing: only the notice goes
        "To read the full article, please subscribe.\n\nThe vote is on Friday.\n",
    ],
)
def test_lines_after_a_paywall_notice_stay_unless_they_are_a_pitch(tail: str) -> None:
    cleaned = clean_article_text(_TEASER + tail)
    assert [v.reason for v in cleaned.dropped] == ["paywall or licence notice"]
    assert "Etienne said." in cleaned.body
