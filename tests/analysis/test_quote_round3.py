"""Quote rules of issue 12's third round (session 6): each on an invented sentence of its shape,
the shapes counted on the enlarged DEV (64 pages) and PolNeAR dev."""

from __future__ import annotations

from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quote_spans import find_quote_spans
from analysis.quotes import extract_quotes


def found(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """(quoted words, speaker key) of every quote of a text."""
    doc = nlp(text)
    return [(q.text, q.speaker_key) for q in extract_quotes(doc, analyse_doc(doc))]


def test_a_quote_runs_on_past_a_sites_insert_between_its_paragraphs(nlp: Language) -> None:
    # British style: a paragraph ending inside a quotation has no closing mark, and the next
    # paragraph opens with one; the site puts a "read more" line between the two.
    text = (
        "The council met on Monday.\n\n"
        "Council leader Helen Marsh said: “We have cut the budget for the third year running.\n\n"
        "Read more in politics\n\n"
        "“Every service has been asked to find savings, and they have.”"
    )
    assert found(nlp, text) == [
        ("We have cut the budget for the third year running.", "helen marsh"),
        ("Every service has been asked to find savings, and they have.", "helen marsh"),
    ]


def test_a_sentence_is_no_insert(nlp: Language) -> None:
    # A short line that ends like a sentence is a paragraph of the story: the quotation before
    # it does not run on past it.
    text = (
        "Council leader Helen Marsh said: “We have cut the budget.\n\n"
        "The vote was close.\n\n"
        "“Every service has been asked to find savings,” a critic wrote on Facebook."
    )
    assert [span.run_on for span in find_quote_spans(text)] == [False]


def test_single_marks_inside_a_running_quote_do_not_break_it(nlp: Language) -> None:
    # ‘rest of the world’ inside the second paragraph of a quotation is part of it, not a
    # quotation of its own that ends the run.
    text = (
        "A spokesperson for the Scottish Parliament said: “The charges were incurred abroad.\n\n"
        "“He incurred data fees above its ‘rest of the world’ tariff rate.\n\n"
        "“The remainder was paid centrally.”"
    )
    speakers = {key for _, key in found(nlp, text)}
    assert len(found(nlp, text)) == 3 and speakers == {"scottish parliament"}


def test_a_colon_cue_needs_no_speech_verb(nlp: Language) -> None:
    # "blasted:", "fumed on the podcast:": the colon introduces the subject's own words.
    text = (
        "Kelly Osbourne appeared on a podcast on Monday.\n\n"
        "Kelly Osbourne also blasted: “You were the prince of a country, and now you complain!”"
    )
    assert found(nlp, text) == [
        ("You were the prince of a country, and now you complain!", "kelly osbourne")
    ]


def test_a_colon_cue_whose_lead_in_hangs_on_the_quotes_verb(nlp: Language) -> None:
    # The parser often makes the lead-in clause a dependant of the quoted clause's verb.
    text = (
        "Tom Keller runs the clinic.\n\n"
        "Tom Keller resents it: “We consider this decision one of the most difficult.”"
    )
    assert found(nlp, text) == [
        ("We consider this decision one of the most difficult.", "tom keller")
    ]


def test_a_colon_after_a_thing_gives_no_speaker(nlp: Language) -> None:
    # A sign, a list or a rule before a colon is not someone speaking.
    text = "The road was closed on Monday.\n\nThe sign at the gate read: “No entry after dark.”"
    assert found(nlp, text) == []


def test_the_he_of_the_next_sentence_genders_the_person_before_it(nlp: Language) -> None:
    # "Hafiz ... has created water kits. He has reached ...": the next sentence's he is the
    # person just written about, so a later "she" (a woman the model did not tag) is not him.
    text = (
        "Tomasz Wrona, from Poland, has created water purification kits. He has reached more "
        "than 11,000 people.\n\n"
        "The Pacific winner turns waste into furniture.\n\n"
        "“This award will help me,” she said."
    )
    assert found(nlp, text) == [("This award will help me", None)]


def test_a_sentence_with_an_untagged_name_does_not_gender_the_named_one(nlp: Language) -> None:
    # "Prince Harry" untagged: "himself" is his, not the tagged person's, so she stays a woman.
    text = (
        "Kelly Osbourne has blasted Prince Harry for portraying himself as a victim.\n\n"
        "Kelly Osbourne spoke on a podcast.\n\n"
        "She fumed: “Everybody’s life is hard.”"
    )
    assert found(nlp, text) == [("Everybody’s life is hard.", "kelly osbourne")]


def test_one_word_a_named_speaker_calls_something_is_their_quote(nlp: Language) -> None:
    # "She called Mr. Ramaswamy “scum”": the speech verb right above the word gives it to her.
    text = (
        "Tom Keller hit back hard.\n\n"
        "He called Vivek Ramaswamy “scum” for pointing out his daughter has an account."
    )
    assert found(nlp, text) == [("scum", "tom keller")]


def test_one_word_a_named_speaker_says_something_would_be_is_their_quote(nlp: Language) -> None:
    text = "Tom Keller said the plan would be “impossible” for so many people."
    assert found(nlp, text) == [("impossible", "tom keller")]


def test_one_word_under_a_preposition_or_before_a_noun_stays_a_term(nlp: Language) -> None:
    # "students in “bubbles”", "the Covid “crisis” response": terms, whoever speaks.
    text = (
        "Students lived in “bubbles” at the university, Gavin Williamson said.\n\n"
        "Tom Keller praised what he called the Covid “crisis” response."
    )
    assert found(nlp, text) == []


def test_one_word_of_a_passive_or_borrowed_speech_verb_stays_a_term(nlp: Language) -> None:
    # "He's been called “annoying”" (by no one named); "cautioned to call it a “crisis”".
    text = (
        "Tom Keller has been called “annoying” by many.\n\n"
        "Anna Novak cautioned colleagues to call it a “crisis” only later."
    )
    assert found(nlp, text) == []


def test_a_surname_ends_the_one_person_shaped_name_the_model_tagged_org(nlp: Language) -> None:
    # "Nicola Rollock" tagged ORG in "according to Nicola Rollock, professor of ...": the
    # surname a speech verb's subject is stands for that name all the same.
    text = (
        "Rules exist which police the borders of elite society, according to Nicola Rollock, "
        "professor of Social Policy and Race at King’s College London.\n\n"
        "“I ultimately think that this is about power,” Rollock adds."
    )
    assert found(nlp, text) == [("I ultimately think that this is about power", "nicola rollock")]


def test_a_title_whose_place_runs_into_the_name_is_that_person(nlp: Language) -> None:
    text = (
        "“This commercial sex ring was built on secrecy,” said acting U.S. Attorney for "
        "Massachusetts Joshua Levy at a press conference."
    )
    assert found(nlp, text) == [("This commercial sex ring was built on secrecy", "joshua levy")]


def test_a_lawyer_for_a_named_client_is_not_the_client(nlp: Language) -> None:
    assert found(nlp, "“He is innocent,” said a lawyer for John Smith.") == [
        ("He is innocent", None)
    ]


def test_a_countys_officials_speak_for_the_county(nlp: Language) -> None:
    text = (
        "Santa Clara County officials told the Bay Area News Group that social workers had "
        "“significant involvement” with the family."
    )
    assert found(nlp, text) == [("significant involvement", "santa clara county")]


def test_a_countrys_officials_stay_unnamed(nlp: Language) -> None:
    text = "U.S. officials said the strike was “a mistake we regret deeply”."
    assert found(nlp, text) == [("a mistake we regret deeply", None)]


def test_according_to_a_named_speaker_gives_a_partial_quote_of_its_sentence(
    nlp: Language,
) -> None:
    text = (
        "Rules exist which police the borders of elite society and are “hidden in plain sight”, "
        "according to Nicola Rollock, professor of Social Policy."
    )
    assert found(nlp, text) == [("hidden in plain sight", "nicola rollock")]


def test_according_to_no_one_named_gives_no_partial_quote(nlp: Language) -> None:
    assert found(nlp, "The plan was “dead on arrival”, according to the report.") == []


def test_remembers_is_a_speech_verb(nlp: Language) -> None:
    text = "“Those goats were so smart,” remembers Shanna Challenger, coordinator, with a laugh."
    assert found(nlp, text) == [("Those goats were so smart", "shanna challenger")]


def test_a_bare_quote_after_a_sentence_with_a_parenthetical_speech_verb_goes_on(
    nlp: Language,
) -> None:
    text = (
        "Natalya Lawrence says she hopes that people will admire the island. It’s easy, she "
        "says, for people to marvel at how beautiful an island is. “But they don’t know the "
        "work that goes into keeping it that way.”"
    )
    assert found(nlp, text) == [
        ("But they don’t know the work that goes into keeping it that way.", "natalya lawrence")
    ]


def test_a_letter_signed_by_several_is_kept_under_no_one(nlp: Language) -> None:
    # the parser hangs the last signer on "letter" as an apposition far to its right
    text = (
        "“Reopening too quickly threatens to erase the progress made against the virus,” says "
        "the letter, signed by Sens. Chris Van Hollen (D-Md.), Ben Cardin (D-Md.), Tim Kaine "
        "(D-Va.) and Mark R. Warner (D-Va.)."
    )
    assert found(nlp, text) == [
        ("Reopening too quickly threatens to erase the progress made against the virus", None)
    ]


def test_a_plural_role_is_no_one_person_of_that_role(nlp: Language) -> None:
    text = (
        "“It works,” said John Fa, a senior associate scientist with the centre.\n\n"
        "Scientists used a definition for their study, describing them as “a seamless mosaic "
        "of forests”."
    )
    assert ("a seamless mosaic of forests", "john fa") not in found(nlp, text)


def test_a_writing_speaks_for_the_organisation_it_comes_from(nlp: Language) -> None:
    assert found(nlp, "“We are done,” said a statement from Goldman Sachs.") == [
        ("We are done", "goldman sachs")
    ]


def test_a_writing_with_no_organisation_is_kept_under_no_one(nlp: Language) -> None:
    text = "Often women were “enticed” with travel and lodging, the affidavit said."
    assert found(nlp, text) == [("enticed", None)]
