"""Quote rules of issue 12's eighth round: general mechanisms of news English, each on an
invented sentence of its shape, chosen from the error classes of PolNeAR train and dev (quotes
left out or given no one because the parser lost the speech verb's subject, or the speaker is a
name or description no rule tied to the person the article introduced). Each test asserts what
a member sees: the quote under the right person, and nothing under anyone else."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes
from tests.analysis.tagged import with_entities


def _quotes(doc: Doc) -> list[tuple[str, str | None]]:
    """(first words, speaker key) of every quote of a parsed text."""
    return [(q.text[:12], q.speaker_key) for q in extract_quotes(doc, analyse_doc(doc))]


def _found(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """(first words, speaker key) of every quote of a text."""
    return _quotes(nlp(text))


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


# --- a surname the model tags as a common noun --------------------------------------------------


def _as_common_noun(doc: Doc, word: str, nth: int) -> Doc:
    """The doc with the nth occurrence of a word tagged as the model sometimes tags a surname."""
    token = [t for t in doc if t.text == word][nth]
    token.pos_, token.tag_ = "NOUN", "NN"
    return doc


def test_a_surname_tagged_as_a_common_noun_is_the_person_named_with_it(nlp: Language) -> None:
    # "“…,” Hannity said" with "Hannity" a common noun: the quote had no speaker and was lost.
    text = (
        "Talk show host Sean Hannity interviewed the candidate on Monday.\n\n"
        "“They said it is negotiable on the wall,” Hannity said."
    )
    doc = with_entities(nlp, text, [("Sean Hannity", 0, "PERSON")])
    doc = _as_common_noun(doc, "Hannity", 1)
    assert _quotes(doc) == [("They said it", "sean hannity")]


def test_a_capitalised_word_of_a_title_case_line_is_no_one(nlp: Language) -> None:
    # The headline's "Trump" read as a person made the paragraph about two people, and "the
    # Florida senator" lost its link to Rubio.
    text = (
        "Rubio: I Still Believe Trump Can't Be Trusted with the Codes.\n\n"
        "One month after backing Donald Trump, Marco Rubio still believes that the nominee is "
        "unfit. “I stand by everything I said during the campaign,” the Florida senator told "
        "the paper on Thursday."
    )
    names = [("Rubio", 0, "PERSON"), ("Donald Trump", 0, "PERSON"), ("Marco Rubio", 0, "PERSON")]
    doc = _as_common_noun(with_entities(nlp, text, names), "Trump", 0)
    assert _quotes(doc) == [("I stand by e", "marco rubio")]


# --- a description the story uses for its subject: a trait, and main clauses only --------------


@pytest.mark.parametrize(
    "text",
    [
        # a trait ("the New York businessman"), which the article never wrote beside the name
        "Republican nominee Donald Trump spoke in Ohio on Monday.\n\n"
        "Trump said the plan was weak.\n\n"
        "“We need change,” the New York businessman said.",
        # the paragraph is about Trump: Clayton is the subject of a clause under his
        "When former President Bill Clayton had trouble joining a golf club, Donald Trump "
        "boasted that he welcomed him to his own course.\n\n"
        "“He's a great gentleman and a good golfer,” the real estate developer said of "
        "Mr. Clayton.",
    ],
)
def test_a_description_is_the_person_the_story_is_about(nlp: Language, text: str) -> None:
    assert [k for _, k in _found(nlp, text)] == ["donald trump"]


@pytest.mark.parametrize(
    "text",
    [
        # two people are subjects of main clauses: no one is "the businessman"
        "Donald Trump met Bill Clayton on Monday. Clayton said nothing about the meeting.\n\n"
        "“We need change,” the businessman said.",
        # a name with no person behind it ("Alternative Fund") is no actor
        "Alternative Fund, launched by former president Matt Kibbe, is spending money on a "
        "campaign.\n\n“It's like a two-horse race,” the Lincoln actor says of the contest.",
    ],
)
def test_a_description_of_no_one_person_goes_to_no_one(nlp: Language, text: str) -> None:
    assert [k for _, k in _found(nlp, text) if k is not None] == []


# --- a heading or a title in Title Case closed by a full stop is not speech --------------------


def test_a_title_case_heading_with_a_full_stop_is_no_quote(nlp: Language) -> None:
    # A section heading set in quotation marks went to the speaker of the quote before it.
    text = (
        "“If the current trend lines continue, it is going to be disruptive,” Mr. Obama said."
        "\n\n“All Bets Are Off.”\n\n"
        "Eight years ago, when Mr. Obama ran for president, both men had the same position."
    )
    assert [words for words, _ in _found(nlp, text)] == ["If the curre"]


def test_a_title_closing_its_sentence_is_no_quote_and_breaks_no_run(nlp: Language) -> None:
    text = (
        "Sen. Bernie Sanders spoke on Wednesday.\n\n"
        '"China is equally concerned about what North Korea is doing," the Vermont senator told '
        'ABC\'s "Good Morning America." "When you have a hydrogen bomb, you are a threat to China '
        'as well."'
    )
    assert _found(nlp, text) == [
        ("China is equ", "bernie sanders"),
        ("When you hav", "bernie sanders"),
    ]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # two sentences in Title Case are said, not a title
        (
            "Melanie Austin went to the rally in June.\n\n"
            "“Here comes Big Daddy,” she said, clapping. “The Donald. Big Daddy.”",
            "The Donald. ",
        ),
        # capitals throughout are shouted
        ("Priorities USA posted a video on Tuesday, and wrote: “THIS IS NOT OK.”", "THIS IS NOT "),
    ],
)
def test_capitals_and_short_sentences_are_still_said(nlp: Language, text: str, said: str) -> None:
    assert said in [words for words, _ in _found(nlp, text)]


# --- "the statement said": whoever issued the statement the text last mentioned ----------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "In Washington, President Ann Hale released a statement on Thursday night condemning "
            "the attack.\n\n“We stand in solidarity with France, our oldest ally,” the statement "
            "said.",
            "ann hale",
        ),
        (
            "Acme Corp said in a statement that it would appeal.\n\n"
            "“We disagree with the ruling and will fight it,” the statement said.",
            "acme corp",
        ),
    ],
)
def test_the_statement_speaks_for_whoever_issued_it(nlp: Language, text: str, key: str) -> None:
    assert [k for _, k in _found(nlp, text)] == [key]


def test_the_latest_statement_decides(nlp: Language) -> None:
    # The council's statement is the one quoted, not the mayor's of the day before.
    text = (
        "Mayor Bo Lind issued a statement on Monday. On Tuesday the council published a "
        "statement of its own.\n\n“We will not pay for the bridge,” the statement said."
    )
    assert "bo lind" not in [key for _, key in _found(nlp, text)]


# --- idioms of saying and verbs of manner -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Senator Jo Pratt spoke in Denver on Monday.\n\n"
            "As Pratt put it, “We cannot wait any longer for a deal.”",
            "jo pratt",
        ),
        (
            "Analyst Dan Rubel follows the company for Jefferies. “The stock hasn't done well,” "
            "Mr. Rubel pointed out.",
            "dan rubel",
        ),
        (
            "Donald Trump watched as another man was led away from the rally.\n\n"
            "Mr. Trump yelled, “Out, out, out!”",
            "donald trump",
        ),
    ],
)
def test_idioms_and_verbs_of_manner_say(nlp: Language, text: str, key: str) -> None:
    assert [k for _, k in _found(nlp, text)] == [key]


@pytest.mark.parametrize(
    "text",
    [
        # a crowd is no one a member can look up
        "“Who is going to pay for the wall?” Trump asked.\n\n“Mexico!” the audience screamed back.",
        # a verb of manner borrowing the subject of another clause gives the quote to no one
        "Protesters walked the streets around the stadium, where the Charlotte Panthers played "
        "the Vikings, while chanting, “Hands up, don't shoot.”",
    ],
)
def test_a_verb_of_manner_without_a_named_subject_gives_nothing(nlp: Language, text: str) -> None:
    found = _found(nlp, text)
    assert [k for words, k in found if words.startswith(("Mexico", "Hands"))] in ([], [None])


# --- a name alone before a colon, as in a transcript --------------------------------------------


def test_a_name_before_a_colon_speaks(nlp: Language) -> None:
    text = (
        "Jeb Bush and Hillary Clinton, among others, reject the term containment.\n\n"
        'Clinton: "Our goal is not to deter or contain ISIS, but to defeat and destroy ISIS." '
        'Bush: "The mission is to destroy ISIS, not to contain it."'
    )
    assert [k for _, k in _found(nlp, text)] == ["hillary clinton", "jeb bush"]


def test_a_name_after_a_dash_before_a_colon_speaks(nlp: Language) -> None:
    text = (
        "Pollsters say the caucus results were no surprise.\n\n"
        "Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one: keep "
        "contacting voters late.” [538.]"
    )
    assert [k for _, k in _found(nlp, text)] == ["carl bialik"]


def test_the_headline_label_leaves_the_quote_to_the_story(nlp: Language) -> None:
    # "Ann Pell: ‘…!’" as the first line: the story repeats the words, attributed in its text.
    text = (
        "Ann Pell: ‘My Rival Might as Well Quit Now!’\n\n"
        "In an interview on Monday, Senator Ann Pell told the station, “My rival might as well "
        "quit now!”"
    )
    quotes = extract_quotes(doc := nlp(text), analyse_doc(doc))
    assert [(q.speaker_key, q.start > text.index("\n")) for q in quotes] == [("ann pell", True)]


def test_a_word_before_a_colon_that_names_no_one_gives_nothing(nlp: Language) -> None:
    assert _found(nlp, "Update: “The meeting is postponed until Friday.”") == []


# --- a conjunct the parser hung on the speaker is the tail of its apposition, not a second one --


def test_a_conjunct_after_the_apposition_is_no_second_speaker(nlp: Language) -> None:
    text = (
        "“Very good reporter, very good reporter this guy,” Trump, the 2016 GOP presidential "
        "frontrunner nationally and current polling leader in South Carolina, said when Boyle "
        "asked him a question."
    )
    assert [k for _, k in _found(nlp, text)] == ["trump"]


def test_two_named_speakers_stay_a_joint_quote(nlp: Language) -> None:
    text = (
        "“We will work together on the deal,” Vladimir Putin and Hassan Rouhani said in a joint "
        "statement."
    )
    assert [k for _, k in _found(nlp, text)] == [None]


# --- a military rank's abbreviation before the name ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            '"I don\'t see how the attack would change our operations," Pentagon spokesman Navy '
            "Capt. Jeff Dalton said.",
            "jeff dalton",
        ),
        (
            "“I really don’t understand how a better candidate didn’t jump into the race,” Air "
            "Force 1st Lt. Tyler Livermore said.",
            "tyler livermore",
        ),
    ],
)
def test_the_name_after_an_abbreviated_rank_speaks(nlp: Language, text: str, key: str) -> None:
    # The split-off full stop ended the quote's sentence before the verb: the quote was lost.
    assert [k for _, k in _found(nlp, text)] == [key]


# --- "the newspaper", "the editorial board": the publication the story named -------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "In a scathing opinion piece, The Wall Street Journal called on the senator to drop "
            "out of the race.\n\n“He needs to stop blaming everyone else,” the "
            "conservative-leaning newspaper wrote.",
            "wall street journal",
        ),
        (
            "The Boston Globe endorsed Mayor Ann Pell on Sunday.\n\n"
            "“She has earned a second term,” the paper's editorial board wrote.",
            "boston globe",
        ),
    ],
)
def test_the_newspaper_is_the_publication_named_before(nlp: Language, text: str, key: str) -> None:
    assert [k for _, k in _found(nlp, text)] == [key]


def test_a_paper_by_an_institute_is_no_newspaper(nlp: Language) -> None:
    text = (
        "Economists at the Brookings Institution studied the plan, which The Washington Post "
        "reported on Monday.\n\n“Families at the top would receive more,” a paper from the "
        "institution said."
    )
    assert "washington post" not in [key for _, key in _found(nlp, text)]
