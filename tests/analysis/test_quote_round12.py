"""Quote recall of issue 12's twelfth round, from the missed quotations of PolNeAR train: marks
typed with a space on the wrong side of them (''…, '' said Mr. Gunnels; "…this, " Trump said), a
straight mark glued to a colon or comma (Gowdy (R-S.C.):"I have …"), a direction mark before a
paragraph's opening mark, two spaces after a colon, a name set off before a role the parser made
the subject, "is quoted as saying", "exhorted", and statements issued or released. Each test is an
invented sentence of that shape; what is asserted is what a member sees: the quote under the
person or body who said it.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quote_spans import find_quote_spans
from analysis.quotes import extract_quotes
from analysis.speaker_names import title_full_stop


def _quoted(text: str) -> list[str]:
    """The words of every quotation found in a text."""
    return [text[s.start : s.end] for s in find_quote_spans(text)]


def _found(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    """(kind, first words, speaker key) of every quote of a text."""
    doc = nlp(text)
    quotes = extract_quotes(doc, analyse_doc(doc))
    return [(q.kind, q.text[:12], q.speaker_key) for q in quotes]


# --- the marks themselves -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "''We built it from nothing, '' said Mr. Ortega, who runs the mill. ''Nobody helped.''",
            ["We built it from nothing", "Nobody helped."],
        ),
        (
            "''They loved 'The Long Road,'  '' Ms. Varga noted. ''That tells you something.''",
            ["They loved 'The Long Road,'", "That tells you something."],
        ),
        (
            '"I think the judge should be ashamed of himself, " Lund said.',
            ["I think the judge should be ashamed of himself"],
        ),
        (
            "\"That is why he is the 'Main Sponsor,' \" Nora Pell wrote of the gift.",
            ["That is why he is the 'Main Sponsor,'"],
        ),
    ],
)
def test_a_mark_with_a_space_before_it_closes(text: str, quoted: list[str]) -> None:
    """A closing mark typed after a space, with a space after it, still closes."""
    assert _quoted(text) == quoted


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('Rep. Dana Holt (R-Ohio):"Who told you that?"', ["Who told you that?"]),
        ('Holt said,"Look, this has no place here."', ["Look, this has no place here."]),
        ('"Look,"he said. "We won."', ["Look", "We won."]),
        ('She said "yes," and left.', ["yes"]),
    ],
)
def test_a_straight_mark_glued_to_a_comma_or_colon(text: str, quoted: list[str]) -> None:
    """':"Who' and ',"Look' open a quotation when none is open, and ',"he' closes one."""
    assert _quoted(text) == quoted


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "Dan Pike tweeted: “People behind her wearing “Settle For Less” shirts… ouch.”",
            ["People behind her wearing “Settle For Less” shirts… ouch."],
        ),
        (
            'She said, "He told me "no" to the plan," and left.',
            ['He told me "no" to the plan'],
        ),
        ("“Foo bar. “Baz qux,” he said.", ["Baz qux"]),
        ("“We won” and “they lost” are all he said.", ["We won", "they lost"]),
    ],
)
def test_words_quoted_inside_a_quotation_in_the_same_marks(text: str, quoted: list[str]) -> None:
    """An inner pair in the same marks closes, and the last mark closes the outer quotation;
    an opener never closed is still abandoned."""
    assert _quoted(text) == quoted


def test_a_direction_mark_before_the_opening_mark_is_invisible() -> None:
    """U+202A before a closing-shaped mark at a paragraph's start: the mark still opens."""
    text = "\u202a”Thank you Sarah, you said it well!!” posted Mary Lott."
    assert _quoted(text) == ["Thank you Sarah, you said it well!!"]


# --- attributions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "key"),
    [
        (
            "Senator Ana Ruiz spoke in Dayton.\n\n"
            "\u202a”We will not give up this fight!!” posted Carl Denning.",
            "We will not ",
            "carl denning",
        ),
        (
            "Ohio Gov. Tom Keller vetoed the bill.\n\n"
            'Keller resisted:  "Ohio governors do not have the power to suspend the law."',
            "Ohio governo",
            "tom keller",
        ),
        (
            "Mayor Ed Lamb met county leaders in Tampa.\n\n"
            "“He looked me in the eye and asked what it takes to win here,” Rosa Delgado, "
            "the chairwoman of the Hillsborough County party, recalled of the meeting.",
            "He looked me",
            "rosa delgado",
        ),
        (
            "Pollster Ryan Voss runs a small firm.\n\n"
            "“Our method works where others fail because we call likely voters,” Voss is "
            "quoted as saying.",
            "Our method w",
            "ryan voss",
        ),
        (
            "Maria Costa spoke first.\n\n"
            '"It is about time that we had a woman running this state," exhorted the '
            "introducer, actress Jane Lyle.",
            "It is about ",
            "jane lyle",
        ),
        (
            "Senator Paul Brandt spoke on Sunday.\n\n"
            "Hours after the storm, Brandt issued a statement, “Last night our state was hit "
            "harder than ever before.”",
            "Last night o",
            "paul brandt",
        ),
        (
            "Mayor Lena Voigt died in 1998.\n\n"
            "Governor Sam Hale released the following statement:\n\n"
            "“Ruth and I offer our condolences to the family and friends of Lena Voigt.”",
            "Ruth and I o",
            "sam hale",
        ),
        (
            "The Democratic National Committee met on Monday.\n\n"
            "The Democratic National Committee issued a statement apologizing to the senator.\n\n"
            "“On behalf of everyone at the committee, we offer a sincere apology to the senator.”",
            "On behalf of",
            "democratic national committee",
        ),
        (
            "Senator John Kerr spoke on Monday.\n\n"
            "As John Kerr, the No. 2 in the GOP leadership, put it: "
            '"This nominee will not be confirmed. So there is no reason to meet."',
            "This nominee",
            "john kerr",
        ),
        (
            "Glenn Hart spoke on Sunday.\n\n"
            "“What was the pivot point that made him change so fundamentally?” Hart questioned.",
            "What was the",
            "glenn hart",
        ),
        (
            "Dr. Rosa Alvarado was the White House physician for six years.\n\n"
            "Alvarado wrote a memoir of her time at the White House.\n\n"
            "“Very few people knew of the clot at the time,” the book said.",
            "Very few peo",
            "rosa alvarado",
        ),
        (
            "Members objected (“I want my dues back,” wrote Ed Nolan, a technician, online).",
            "I want my du",
            "ed nolan",
        ),
        (
            "Our Better Future PAC was started last year.\n\n"
            '"This ad raises new questions about him,"Kate Parr, who is chairman of Our Better '
            "Future PAC said in a statement.",
            "This ad rais",
            "kate parr",
        ),
        (
            "Senator Ben Ruiz is releasing a new ad that urges voters to act.\n\n"
            "The ad says “nothing will change until we elect candidates who reject big money.”",
            "nothing will",
            "ben ruiz",
        ),
        (
            "Hillary Clinton testified on Thursday.\n\n"
            'Former secretary of state Hillary Rodham Clinton:"We learned that from the State '
            'Department and its analysis of the e-mails."',
            "We learned t",
            "hillary rodham clinton",
        ),
    ],
)
def test_the_quote_is_under_its_speaker(nlp: Language, text: str, words: str, key: str) -> None:
    """The quote is found, direct, under the person or body who said it."""
    assert ("direct", words, key) in _found(nlp, text)


def test_the_candidate_is_the_front_runner_the_paragraph_is_about(nlp: Language) -> None:
    """ "self-funded front-runner Donald Trump" … "the candidate said": one who runs is any of
    the words for one who runs."""
    text = (
        "Republican front-runner Tom Reed spoke to voters in Ohio on Monday.\n\n"
        '"I think a deal would be good for us," Reed told the station. "I don\'t know one '
        'person that does not want a good deal," the candidate said.'
    )
    assert ("direct", "I don't know", "tom reed") in _found(nlp, text)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            '"It will worry them," said Mira Ghosh of Human Rights Watch, who watched the '
            "vote. Ghosh said the count was slow.",
            "Mira Ghosh",
            "person",
        ),
        (
            'Kate Parr spoke. "This ad raises questions," said Our Better Future Pac.',
            "Better Future Pac",
            "org",
        ),
        ("The United States of America signed it.", "United States", "place"),
    ],
)
def test_stored_names_of_people_and_bodies(nlp: Language, text: str, name: str, kind: str) -> None:
    """A person "of" a body is the person when the article takes the surname for a person's;
    a name ending in "PAC" is a body's."""
    mentions = analyse_doc(nlp(text)).mentions
    assert any(m.name == name and m.kind.value == kind for m in mentions)


def test_a_straight_mark_glued_after_punctuation_is_its_own_token(nlp: Language) -> None:
    """'audiences,"Katie' is four tokens, so the name after the quote is a name."""
    words = [t.text for t in nlp('to audiences,"Katie Parr said.')]
    assert words[:5] == ["to", "audiences", ",", '"', "Katie"]


def test_no_before_a_number_ends_no_sentence(nlp: Language) -> None:
    """ "the No. 2 in the leadership": its full stop is no sentence's end for the quote rules."""
    doc = nlp("As Ann Lee, the No. 2 in the leadership, put it: “No.”")
    stop = next(t for t in doc if t.text == "." and doc[t.i - 1].text == "No")
    assert title_full_stop(stop)


def test_an_article_that_reads_is_its_paper(nlp: Language) -> None:
    """ "a Times article hailed …" / "“…,” the article read": the paper's words."""
    text = (
        "Twenty years ago, a Times article hailed Tom Reed as a hero of the city.\n\n"
        "“Business leaders honored Tom Reed yesterday for saving the waterfront,” the article "
        "read."
    )
    found = _found(nlp, text)
    assert len(found) == 1
    assert found[0][2] is not None
    assert "times" in found[0][2]


def test_a_letter_that_reads_with_no_author_is_no_quote(nlp: Language) -> None:
    """A writing that "reads" with no author the article names gives no unlinked quote."""
    text = "Parents signed an open letter.\n\n“Our children are thriving,” the letter reads."
    assert _found(nlp, text) == []


def test_a_clause_before_a_name_and_colon_is_no_label(nlp: Language) -> None:
    """Words with a verb before "Name:" make a sentence, not a transcript's label."""
    text = 'Voters who met Tom Reed:"He was kind." That was all.'
    assert all(key != "tom reed" for *_, key in _found(nlp, text))


def test_a_sound_of_a_crowd_is_no_quote(nlp: Language) -> None:
    """A verb of manner after a quotation gives it to a named speaker only."""
    assert _found(nlp, "The crowd gathered.\n\n“Mexico!” the audience screamed back.") == []


def test_a_quoted_speaker_is_not_the_one_quoting(nlp: Language) -> None:
    """ "quoted the senator as saying" (active): the object speaks, not the paper."""
    text = (
        "Senator Ana Ruiz spoke in Dayton.\n\n"
        "The Dayton Herald quoted Ruiz as saying, “We will not give up this fight.”"
    )
    assert all(key != "dayton herald" for *_, key in _found(nlp, text))
