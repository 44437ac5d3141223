"""Quote rules of issue 12's twenty-sixth round, partial quotations whose speaker the sentence
names: a paragraph the page cut before its end is no headline, a speaker in a relative clause
("which he said include …") is the pronoun or name, not the relative word, and "that" verbs of
reporting ("spotlighted that", "charged that"). Each test asserts what a member
sees: the text and speaker key of every quote of an invented text; guards keep titles, captions
and deeds out."""

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
    ("text", "quote", "key"),
    [
        # a paragraph the page broke before its last sentence ended: its first sentence is no
        # headline for the missing full stop at the line's end
        (
            "The talks went on for hours, Maria Lopez told reporters.\n\nBy March, Lopez said "
            "the fund has “lent a total of $40 million to farmers, most of them small "
            "growers.” Lopez added\nthat more loans would follow.",
            "lent a total of $40 million to farmers, most of them small growers.",
            "maria lopez",
        ),
        # "which he said include …": the one saying is "he", not the relative word
        (
            "Peter Brown spoke on Monday.\n\nEach time, Brown focused on the army achieving its "
            "aims, which he said include the removal of fighters and the depots that supply "
            "the group’s “supply machine.”",
            "supply machine.",
            "peter brown",
        ),
        # "spotlighted that": a verb of reporting with a "that" clause
        (
            "Anna Smith spoke first.\n\nAnd Smith spotlighted that the governor “left us $2 "
            "billion in debt, and our kids will pay for that.”",
            "left us $2 billion in debt, and our kids will pay for that.",
            "anna smith",
        ),
        # "charged that"
        (
            "Tom Reed spoke next.\n\nPointing to the vote, Reed charged that “we have become a "
            "party of losers.” He then left the stage.",
            "we have become a party of losers.",
            "tom reed",
        ),
        # "charged “…”": the quotation is the clause the verb reports
        (
            "Ann Price faced her rival on stage.\n\nAs the crowd booed him, Price charged "
            "“you are a disgrace.”",
            "you are a disgrace.",
            "ann price",
        ),
        # "respond to “…”": what the allies meet; the words are the colonel's, who said it
        (
            "Col. Mark Dunn led the drills.\n\nUS Army exercise representative Colonel Mark "
            "Dunn said the drills were aimed at helping the US and its allies respond to “any "
            "crisis or sudden emergency.”",
            "any crisis or sudden emergency.",
            "mark dunn",
        ),
        # a reply verb's own words are still its subject's
        (
            "Mark Dunn denied it.\n\nDunn responded to the report, calling it “a pack of lies "
            "from start to end.”",
            "a pack of lies from start to end.",
            "mark dunn",
        ),
        # "according to Kerr’s explanations": the one whose explanations they are
        (
            "Anna Kerr arrived on Monday.\n\nThe meeting in Lima intends to “lay the groundwork "
            "for a strong accord by our leaders” at the summit, according to Kerr’s "
            "explanations.",
            "lay the groundwork for a strong accord by our leaders",
            "anna kerr",
        ),
        # a stray full stop inside the attribution: "Brown. said"
        (
            "Ron Brown spoke next.\n\n“We need to bring this war to an end,” Brown. said. “The "
            "country needs to focus on other things, like the border.”",
            "We need to bring this war to an end",
            "ron brown",
        ),
        # the parser makes the stray full stop the subject, the name its compound
        (
            'Tom Hale spoke next.\n\n"We need to bring this war to an end," Hale. said. "The '
            'U.S. needs to focus on other things."',
            "We need to bring this war to an end",
            "tom hale",
        ),
    ],
)
def test_partial_quotes_of_a_named_speaker(nlp: Language, text: str, quote: str, key: str) -> None:
    # a partial quotation is stored without the full stop of the sentence around it, a
    # direct one without the comma before its attribution
    assert (quote.removesuffix("."), key) in _quotes(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # a real headline: short, no sentence told before its end
        "Lopez says the fund “lent $40 million”\n\nThe fund grew last year.",
        # "charged" a fee: no "that" clause, no report
        "Nora Blake offered a “fresh start” to the voters.",
        "The bank charged a “service fee” to every client.",
        # "according to" a thing of someone's that says nothing of theirs
        "Anna Kerr sold the farm.\n\nPrices rose by “a staggering amount,” according to the data.",
        # "charged" someone with an offence: no clause reported
        "Police charged the driver with “reckless endangerment of others.”",
        # a caption's credit after a sentence with quoted words nobody says
        "Protesters hold signs reading “Free the Port” in the square. Photograph: Ann Lee/Reuters",
        # a long line with a credit after its sentence: page furniture, left a headline
        "“The wards are full and the staff are exhausted,” said the charity Aid Now, "
        "describing crowded corridors. – Additional reporting from Reuters",
    ],
)
def test_no_quote_stored(nlp: Language, text: str) -> None:
    assert _quotes(nlp, text) == []
