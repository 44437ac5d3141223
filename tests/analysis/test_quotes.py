"""Quote extraction and speaker attribution: who said what, and never the wrong person."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quote_spans import find_quote_spans
from analysis.quotes import extract_quotes
from analysis.types import Quote

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "russia-iran"
TEXTACY = Path("/work/shared/eval/textacy_quote_fixtures/direct_quotations.jsonl")
MARKS = "\"'“”‘’«»„‹›"


def quotes_of(nlp: Language, text: str) -> tuple[Quote, ...]:
    """Parse a text and extract its quotes, as ingestion does."""
    doc = nlp(text)
    return extract_quotes(doc, analyse_doc(doc))


@cache
def _sample_quotes(nlp: Language, prefix: str) -> tuple[str, tuple[Quote, ...]]:
    """The text and quotes of one sample article, parsed once per session."""
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    return text, quotes_of(nlp, text)


def _find(quotes: tuple[Quote, ...], start: str) -> Quote:
    """The one quote whose text begins with `start`."""
    found = [q for q in quotes if q.text.startswith(start)]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


@pytest.mark.parametrize(
    ("prefix", "start", "expected"),
    [
        ("000", "Our governments are fully striving", ("vladimir putin", "direct", "say")),
        ("000", "(The) decline of the West", ("hassan rouhani", "direct", "say")),
        ("000", "We need a global determination", ("hassan rouhani", "direct", "say")),
        ("001", "represent new opportunities", ("masoud pezeshkian", "partial", "say")),
        ("001", "truly ground-breaking", ("vladimir putin", "partial", "call")),
        ("001", "to the very fact that the Moscow-Tehran", ("dmitri trenin", "partial", "tell")),
        ("002", "new world order", ("vladimir putin", "partial", "say")),
        ("002", "hailed", ("reuters", "partial", "say")),
        ("002", "growing economic ties", ("reuters", "partial", "say")),
        ("003", "No one from the outside can", ("vladimir putin", "direct", "say")),
        ("003", "This should be decided only by", ("vladimir putin", "direct", "say")),
        ("004", "On April 14, a trilateral meeting", ("maria zakharova", "block", "explain")),
    ],
)
def test_sample_quotes_have_the_right_speaker(
    nlp: Language, prefix: str, start: str, expected: tuple[str, str, str]
) -> None:
    _, quotes = _sample_quotes(nlp, prefix)
    quote = _find(quotes, start)
    assert (quote.speaker_key, quote.kind, quote.cue) == expected


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("000", 3),
        ("001", 3),
        ("002", 3),
        ("003", 2),
        ("004", 1),
    ],
)
def test_sample_quotes_are_all_attributed_and_nothing_more(
    nlp: Language, prefix: str, expected: int
) -> None:
    _, quotes = _sample_quotes(nlp, prefix)
    assert len(quotes) == expected
    assert all(q.speaker_key for q in quotes)


def test_sample_quote_offsets_point_at_the_words(nlp: Language) -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        text, quotes = _sample_quotes(nlp, prefix)
        doc = nlp(text)
        sentences = analyse_doc(doc).sentences
        for quote in quotes:
            assert text[quote.start : quote.end] == quote.text
            sentence = sentences[quote.sentence]
            assert sentence.start <= quote.start < sentence.end


def test_rouhani_words_are_never_putins(nlp: Language) -> None:
    _, quotes = _sample_quotes(nlp, "000")
    putin = " ".join(q.text for q in quotes if q.speaker_key == "vladimir putin")
    assert "decline of the West" not in putin
    assert "global determination" not in putin


def test_words_trenin_repeats_are_not_his(nlp: Language) -> None:
    _, quotes = _sample_quotes(nlp, "001")
    assert not [q for q in quotes if "breakthrough" in q.text]
    assert [q.speaker_key for q in quotes if "ground-breaking" in q.text] == ["vladimir putin"]


def test_treaty_wording_is_nobodys_quote(nlp: Language) -> None:
    _, quotes = _sample_quotes(nlp, "001")
    assert not [q for q in quotes if "deepen" in q.text or "coordinate positions" in q.text]


def test_reuters_wording_is_never_pezeshkians(nlp: Language) -> None:
    _, quotes = _sample_quotes(nlp, "002")
    assert "masoud pezeshkian" not in {q.speaker_key for q in quotes}


def test_putin_in_tehran_is_not_khamenei(nlp: Language) -> None:
    _, quotes = _sample_quotes(nlp, "003")
    assert {q.speaker_key for q in quotes} == {"vladimir putin"}


@pytest.mark.parametrize(
    ("prefix", "scare"),
    [("000", "Decline Of The West"), ("002", "up the ante"), ("002", "axis of resistance")],
)
def test_headline_scare_quotes_are_dropped(nlp: Language, prefix: str, scare: str) -> None:
    _, quotes = _sample_quotes(nlp, prefix)
    assert not [q for q in quotes if scare in q.text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian President Vladimir Putin met Hassan Rouhani on Monday.\n\n"
            "“We agree on Syria,” the Russian president said.",
            ("We agree on Syria", "vladimir putin", "the Russian president", "direct"),
        ),
        (
            "Hassan Rouhani arrived late. Vladimir Putin greeted him warmly.\n\n"
            "“We agree on Syria,” he said.",
            ("We agree on Syria", "vladimir putin", "he", "direct"),
        ),
        (
            "Vladimir Putin told reporters:\n\n“We will never abandon our allies.”",
            ("We will never abandon our allies.", "vladimir putin", "Vladimir Putin", "direct"),
        ),
        (
            "«We will never give up», Vladimir Putin said on Friday.",
            ("We will never give up", "vladimir putin", "Vladimir Putin", "direct"),
        ),
        (
            "‘We are ready for talks,’ Hassan Rouhani said in Tehran.",
            ("We are ready for talks", "hassan rouhani", "Hassan Rouhani", "direct"),
        ),
        (
            '"We need peace," said Iranian President Hassan Rouhani.',
            ("We need peace", "hassan rouhani", "Iranian President Hassan Rouhani", "direct"),
        ),
        (
            "“Sanctions will fail,” according to Iranian Foreign Minister Javad Zarif.",
            (
                "Sanctions will fail",
                "javad zarif",
                "Iranian Foreign Minister Javad Zarif",
                "direct",
            ),
        ),
        (
            "Maria Zakharova, the Russian Foreign Ministry’s spokeswoman, spoke on Tuesday. "
            "“This is unacceptable,” the spokeswoman said.",
            ("This is unacceptable", "maria zakharova", "the spokeswoman", "direct"),
        ),
        (
            "Foreign Ministry spokeswoman Maria Zakharova said the strike was "
            "“an act of aggression”.",
            ("an act of aggression", "maria zakharova", None, "partial"),
        ),
        (
            "Vladimir Putin said:\n\nRussia will never abandon its allies.\n\nI disagree.",
            ("Russia will never abandon its allies.", "vladimir putin", "Vladimir Putin", "block"),
        ),
    ],
)
def test_speaker_forms(
    nlp: Language, text: str, expected: tuple[str, str, str | None, str]
) -> None:
    words, key, written, kind = expected
    (quote,) = quotes_of(nlp, text)
    assert (quote.text, quote.speaker_key, quote.kind) == (words, key, kind)
    assert written is None or quote.speaker_text == written


def test_quote_continues_across_sentences_and_paragraphs(nlp: Language) -> None:
    text = "“We will win,” Vladimir Putin said. “Nobody can stop us.\n\n“The West is in decline.”"
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == [
        "We will win",
        "Nobody can stop us.",
        "The West is in decline.",
    ]
    assert {q.speaker_key for q in quotes} == {"vladimir putin"}


def test_nested_quote_is_part_of_the_outer_one(nlp: Language) -> None:
    (quote,) = quotes_of(nlp, "Vladimir Putin said: “They call it ‘cooperation’ but it is not.”")
    assert quote.text == "They call it ‘cooperation’ but it is not."


@pytest.mark.parametrize(
    "text",
    [
        "Moscow calls it a “special military operation”.",
        "The treaty says the parties will “respect each other’s sovereignty.”",
        "Hassan Rouhani praised Vladimir Putin's pledge to “never abandon Syria.”",
        "Analysts describe the so-called “axis of resistance” as fragile.",
        "Burton thinks that cats are “cuties”.",
        "Russia and Iran 'up the ante' after meeting in Turkmenistan",
        "He added: “unbalanced and never closed.",
    ],
)
def test_not_anybodys_quote(nlp: Language, text: str) -> None:
    assert quotes_of(nlp, text) == ()


def test_coordinated_speakers_are_not_folded_onto_one(nlp: Language) -> None:
    (quote,) = quotes_of(nlp, "Vladimir Putin and Hassan Rouhani said they would “deepen ties”.")
    assert quote.speaker_key is None
    assert quote.speaker_text == "Vladimir Putin and Hassan Rouhani"


def _textacy_cases() -> list[dict[str, object]]:
    """The 14 transcribed textacy `direct_quotations` cases."""
    return [json.loads(line) for line in TEXTACY.read_text(encoding="utf-8").splitlines() if line]


def _speaker_tokens(quotes: tuple[Quote, ...]) -> list[str]:
    """Speaker words of all quotes, conjunctions aside, as textacy lists them."""
    return [w for q in quotes for w in q.speaker_text.split() if w not in {"and", ","}]


def _expected(case: dict[str, object]) -> tuple[list[str], list[str] | None]:
    """(speaker tokens, contents without marks) a textacy case expects."""
    if "expected_speaker_tokens" in case:
        return list(case["expected_speaker_tokens"]), None  # type: ignore[call-overload]
    rows: list[dict[str, list[str] | str]] = case["expected"]  # type: ignore[assignment]
    speakers = [w for row in rows for w in row["speaker"]]
    contents = [str(row["content"]).strip(MARKS).rstrip(",") for row in rows]
    return speakers, contents


ENGLISH_CASES = [c for c in _textacy_cases() if c["lang"] == "en"]


@pytest.mark.parametrize("case", ENGLISH_CASES, ids=[str(c["text"])[:30] for c in ENGLISH_CASES])
def test_textacy_fixture_speaker_and_content(nlp: Language, case: dict[str, object]) -> None:
    quotes = quotes_of(nlp, str(case["text"]))
    speakers, contents = _expected(case)
    assert _speaker_tokens(quotes) == speakers
    if contents is not None:
        assert [q.text for q in quotes] == contents


def test_textacy_fixtures_score(nlp: Language) -> None:
    right = 0
    for case in _textacy_cases():
        quotes = quotes_of(nlp, str(case["text"]))
        speakers, contents = _expected(case)
        ok = _speaker_tokens(quotes) == speakers
        right += ok and (contents is None or [q.text for q in quotes] == contents)
        assert ok or not quotes  # a miss is an omission, never a wrong speaker
    assert right >= 12


QUOTY = st.lists(st.sampled_from([*"ab Ze.,:\n", *MARKS, " said ", " he ", "Putin"])).map("".join)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(QUOTY, st.text(max_size=300)))
def test_never_raises_on_arbitrary_text(nlp: Language, text: str) -> None:
    for quote in quotes_of(nlp, text):
        assert text[quote.start : quote.end] == quote.text


@pytest.mark.parametrize(
    "text",
    ["", '"', "“", '""""', "\x00\x01\ufffd", "“a ‘b” c’", "'\"'\"'", "“\n\n“\n\n”", "x" * 5000],
)
def test_never_raises_on_odd_marks(nlp: Language, text: str) -> None:
    assert isinstance(quotes_of(nlp, text), tuple)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia’s ‘axis’ and rock 'n' roll", ["axis", "n"]),
        ("5'11\" tall", []),
        ("“open and never closed", []),
        ("“first paragraph\n\n“second.”", ["first paragraph", "second."]),
        ("'AMANDA, you stabbed me,\" she said", []),
        ("“I love this city’’ she said.", ["I love this city"]),  # a closing ” typed as ’’
        ("``We won,'' he said.", ["We won"]),
        ("He said “ I love this city ” and left.", ["I love this city"]),  # spaced marks
        ("“ We will win,” he said.", ["We will win"]),
        ("The ’’ alone is nothing, nor is “ alone.", []),
    ],
)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert [s.text(text) for s in find_quote_spans(text)] == expected


@pytest.mark.parametrize(
    ("text", "speaker", "not_speaker"),
    [
        (
            'Donald Trump defended the donor, telling Reuters, "Sheldon and I have been friends '
            'for a long time."',
            "donald trump",
            "reuters",
        ),
        (
            'Ramos, a fisherman, told AFP: "We lost everything in the storm and nobody came."',
            None,
            "afp",
        ),
        (
            'Sen. Bernie Sanders said Sunday in Madison that the plan "will help elect '
            'progressive candidates across the country."',
            "bernie sanders",
            "sunday",
        ),
    ],
)
def test_addressees_and_times_are_not_speakers(
    nlp: Language, text: str, speaker: str | None, not_speaker: str
) -> None:
    doc = nlp(text)
    quotes = extract_quotes(doc, analyse_doc(doc))
    keys = {q.speaker_key for q in quotes}
    texts = {q.speaker_text.lower() for q in quotes}
    assert not_speaker not in keys and not_speaker not in texts
    if speaker is not None:
        assert speaker in keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the model tags neither "Brock Long" nor every "Long": the article wrote it once
            "Brock Long, executive chairman of Hagerty Consulting and a former FEMA administrator,"
            " is optimistic the country can manage both.\n\n"
            "“We are resilient and we will get through it,” Long said.",
            ("We are resilient and we will get through it", "brock long"),
        ),
        (  # a title and a committee swallowed into one proper-noun run
            "House Intelligence Committee Chair Adam Schiff (D-Calif.), meanwhile, said the"
            " documents “corroborate” testimony from the House impeachment inquiry.",
            ("corroborate", "adam schiff"),
        ),
        (
            "Burnley council leader Afrasiab Anwar and Pendle council leader Asjad Mahmood called"
            " on the Labour leader to step down.\n\n"
            "Mahmood said Starmer had “failed to listen” to calls for a ceasefire.",
            ("failed to listen", "asjad mahmood"),
        ),
        (
            "Dr. Marie E. Thoma, an associate professor of family science, studies maternal"
            " health.\n\n“Advances in maternal health can continue to help,” Thoma told Salon.",
            ("Advances in maternal health can continue to help", "marie e. thoma"),
        ),
    ],
)
def test_a_surname_finds_the_full_name_the_article_wrote(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    """`/quotes NAME` reaches the quote: the speaker is linked to the person, not left bare."""
    (quote,) = quotes_of(nlp, text)
    assert (quote.text, quote.speaker_key) == expected


def test_two_people_with_one_surname_leave_the_surname_alone(nlp: Language) -> None:
    text = (
        "Anna Novak runs the clinic; her brother Tom Novak runs the farm.\n\n"
        "“We need rain,” Novak said."
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker_key in {None, "novak"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (  # "his" in a sentence naming only Keller makes him male: "she" is the other person
            "Anna Novak met Tom Keller at the clinic on Monday. Keller said his team was ready."
            "\n\n“We will start next week,” she said.",
            "anna novak",
        ),
        (  # an honorific says it
            "Ms. Maria Lopez hired David Marcus last year. Mr. Marcus spoke first.\n\n"
            "“This is a good day,” she said.",
            "maria lopez",
        ),
        (  # a gendered role beside the name
            "Spokeswoman Jane Doyle took questions. The chairman, John Brennan, asked about the"
            " cuts.\n\n“The budget is final,” she said.",
            "jane doyle",
        ),
    ],
)
def test_she_is_never_a_man_the_article_says_is_one(nlp: Language, text: str, key: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker_key == key


@pytest.mark.parametrize(
    ("text", "words", "key"),
    [
        (
            "Mayor Anna Novak assures residents: “The water is safe to drink.”",
            "The water is safe to drink.",
            "anna novak",
        ),
        (
            "“We were never told,” Tom Keller recounted on Friday.",
            "We were never told",
            "tom keller",
        ),
        (
            "“It is far from over,” Anna Novak continued.",
            "It is far from over",
            "anna novak",
        ),
    ],
)
def test_more_ways_to_say_it(nlp: Language, text: str, words: str, key: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert (quote.text, quote.speaker_key) == (words, key)


@pytest.mark.parametrize(
    ("text", "words", "key", "cue"),
    [
        (  # the surname is also an adverb, and the parser says so
            "“It does throw a unique spin on it,” said Steven Still, emergency management"
            " director for Lee County.",
            "It does throw a unique spin on it",
            "steven still",
            "say",
        ),
        (  # three subjects in the parse: the name is the speaker
            "“Eating a lot of red meat is bad for us,” said study co-author Dr Milica Vasiljevic.",
            "Eating a lot of red meat is bad for us",
            "milica vasiljevic",
            "say",
        ),
        (
            "Nesma Hajjaj waited at the hospital.\n\n“I am shocked,” she went on.",
            "I am shocked",
            "nesma hajjaj",
            "go",
        ),
    ],
)
def test_speakers_the_parse_hides(nlp: Language, text: str, words: str, key: str, cue: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert (quote.text, quote.speaker_key, quote.cue) == (words, key, cue)


def test_one_quoted_term_is_nobodys_quote(nlp: Language) -> None:
    text = "Gavin Yamey said the situation was a “crisis” for students living in “bubbles”."
    assert quotes_of(nlp, text) == ()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (  # a first name alone, after the full name was introduced
            "Walter A. Clyburn Reed, a grandson of the congressman, came too.\n\n"
            "“He was referring to his generation in particular,” Walter said.",
            "walter a. clyburn reed",
        ),
        (  # an acronym for the organisation the article names in full
            "The Office of Personnel Management issued guidance on Monday.\n\n"
            "“We are working with agencies to return to normal operations,” OPM said.",
            "office of personnel management",
        ),
    ],
)
def test_short_forms_reach_the_full_name(nlp: Language, text: str, key: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker_key == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (  # a possessor earlier in the sentence, then the same "she" carried on
            "Nesma Hajjaj gave birth early. Sherine Abed, the doctor, explained the ward.\n\n"
            "In Hajjaj’s case, she decided to stay near her child. “I am worried about him,”"
            " she continued.",
            "nesma hajjaj",
        ),
        (  # "Keys" beside "Florida Keys" is a place the model tagged PERSON, not a speaker
            "Stephanie Kaple runs the Florida Keys Outreach Coalition. Kaple said jobs are gone."
            " The Keys closed its doors to tourists in March.\n\n"
            "“We do have some reserves,” she said.",
            "stephanie kaple",
        ),
    ],
)
def test_he_and_she_follow_the_article(nlp: Language, text: str, key: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker_key == key


def test_a_quote_runs_on_after_a_partial_one_and_over_a_quoted_term(nlp: Language) -> None:
    text = (
        "Federal agencies are “getting ahead of themselves,” Jennifer Wexton said. “I don’t know"
        " what their thought process is.”\n\n"
        "“I want to be careful,” Vivek Ramaswamy said, using a nickname for the “neoconservative”"
        " wing. “Corrupt politicians spent trillions.”"
    )
    found = [(q.text, q.speaker_key) for q in quotes_of(nlp, text)]
    assert found == [
        ("getting ahead of themselves", "jennifer wexton"),
        ("I don’t know what their thought process is.", "jennifer wexton"),
        ("I want to be careful", "vivek ramaswamy"),
        ("Corrupt politicians spent trillions.", "vivek ramaswamy"),
    ]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "A spokesperson for Sheffield University, which has 30,000 students, said: “We"
            " understand this is difficult for students.”",
            "sheffield university",
        ),
        (
            "The Energy Department began phasing in workers.\n\nEmployees are “authorized to come"
            " back to their building,” the department said in an emailed statement.",
            "energy department",
        ),
    ],
)
def test_an_organisations_voice_is_the_organisation(nlp: Language, text: str, key: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker_key == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "The Federal Reserve raised rates again on Wednesday. “Inflation remains too high,”"
            " they said in a statement.",
            "federal reserve",
        ),
        (  # "they" for people stays unlinked: nobody in particular
            "Local farmers met the mayor on Monday. “We want fair prices,” they said.",
            None,
        ),
        (
            "Anna Novak, 61, has run the clinic since 1990. “We never closed a single day,” the"
            " 61-year-old said.",
            "anna novak",
        ),
    ],
)
def test_they_and_descriptions(nlp: Language, text: str, key: str | None) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker_key == key


def test_a_paragraph_that_is_only_a_quote_is_the_person_of_the_paragraph_before(
    nlp: Language,
) -> None:
    text = (
        "Drew Fox founded the distillery in 2013 after years as a brewer.\n\n"
        "“The craft beer boom was really on fire, but I wanted spirits.”\n\n"
        "Mike Bancroft joined later. “I like bitter things,” Bancroft said.\n\n"
        "“I like bitter things.”"  # a pull quote: the body already gave it to its speaker
    )
    found = [(q.text, q.speaker_key) for q in quotes_of(nlp, text)]
    assert found == [
        ("The craft beer boom was really on fire, but I wanted spirits.", "drew fox"),
        ("I like bitter things", "mike bancroft"),
    ]


def test_curly_marks_decoded_as_replacement_characters_still_pair(nlp: Language) -> None:
    text = "\ufffdWe love him but he\ufffds made things tough,\ufffd Dylan Tinsley said."
    (quote,) = quotes_of(nlp, text)
    assert (quote.text, quote.speaker_key) == (
        "We love him but he\ufffds made things tough",
        "dylan tinsley",
    )


@pytest.mark.parametrize(
    ("text", "key", "written"),
    [
        (
            "Economists at Goldman Sachs cut their forecast on Monday. “Our sense so far is of a"
            " less aggressive stimulus,” it said.",
            "goldman sachs",
            "it",
        ),
        (  # an unnamed member of the public: kept, linked to nobody
            "“That just doesn't seem like nature based recreation to me,” said one person during"
            " public comment.",
            None,
            "one person",
        ),
        (  # a local title is a title, not part of the name
            "“I didn't believe that we'd get here,” said Supervisor Alfredo Pedroza.",
            "alfredo pedroza",
            "Supervisor Alfredo Pedroza",
        ),
    ],
)
def test_it_the_public_and_local_titles(
    nlp: Language, text: str, key: str | None, written: str
) -> None:
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker_key, quote.speaker_text) == (key, written)


def test_a_nearer_speech_verb_without_a_speaker_gives_way_to_the_one_above(
    nlp: Language,
) -> None:
    text = (
        "Burnley council leader Afrasiab Anwar spoke on Monday. Anwar said that calls for a"
        " humanitarian pause were “not good enough”."
    )
    (quote,) = quotes_of(nlp, text)
    assert (quote.text, quote.speaker_key, quote.cue) == (
        "not good enough",
        "afrasiab anwar",
        "say",
    )
