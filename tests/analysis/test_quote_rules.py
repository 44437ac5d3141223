"""Quote rules added for issue 12 (second round): each on an invented sentence of its shape."""

from __future__ import annotations

from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes
from analysis.types import Quote


def quotes_of(nlp: Language, text: str) -> tuple[Quote, ...]:
    """Parse a text and extract its quotes, as ingestion does."""
    doc = nlp(text)
    return extract_quotes(doc, analyse_doc(doc))


def found(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """(quoted words, speaker key) of every quote of a text."""
    return [(q.text, q.speaker_key) for q in quotes_of(nlp, text)]


def test_a_paragraph_ending_in_a_replacement_character_is_no_headline(nlp: Language) -> None:
    # A page decoded with the wrong charset: its no-break spaces became U+FFFD, also at the end
    # of paragraphs, which then no longer end like sentences.
    text = (
        "Lawmakers met on Monday.\ufffd\n\n"
        '"It has been a hard week," Dana Whitfield said Tuesday at a news conference.\ufffd'
    )
    assert found(nlp, text) == [("It has been a hard week", "dana whitfield")]


def test_a_quotation_signed_with_a_dash_and_a_name_is_that_persons(nlp: Language) -> None:
    # Readers' comments, testimonials and epigraphs: the quote opens the paragraph and a dash
    # and the name close it (here one opens with a closing mark, as such lists often do).
    text = (
        "Readers sent us their views after the debate.\n\n"
        "“The plan is a disgrace and he knows it.” ― Dana Whitfield\n"
        "”Fear. I am afraid of what comes next.” — Carlos Mendoza.\n"
        "“We can do better than this.” ―\u00a0Steve Quinlan."  # a no-break space after the dash
    )
    assert found(nlp, text) == [
        ("The plan is a disgrace and he knows it.", "dana whitfield"),
        ("Fear. I am afraid of what comes next.", "carlos mendoza"),
        ("We can do better than this.", "steve quinlan"),
    ]


def test_a_dash_after_a_quote_inside_a_sentence_signs_nothing(nlp: Language) -> None:
    text = "He called it “a disgrace” — Dana Whitfield disagreed on Monday."
    assert all(key != "dana whitfield" for _, key in found(nlp, text))


def test_a_pronoun_in_a_mans_own_clause_tells_a_following_she_is_not_him(nlp: Language) -> None:
    # "he faced" in Keller's own clause says Keller is a man, so the "she" of the main clause is
    # the woman named before, not the man named earlier in the same sentence.
    text = (
        "Maria Lopez spoke first at the debate on Tuesday.\n\n"
        "As Tom Keller played down the boos he faced, she added: “You are just wrong.”"
    )
    assert found(nlp, text) == [("You are just wrong.", "maria lopez")]


def test_a_subject_pronoun_of_a_clause_with_its_own_named_subject_gives_no_gender(
    nlp: Language,
) -> None:
    from analysis.speaker_gender import genders

    doc = nlp("Tom Keller said Maria Lopez knew she had lost.")
    mentions = analyse_doc(doc).mentions
    assert "tom keller" not in genders(doc, mentions, lambda _: False, first_names=False)


def test_an_organisations_spokesperson_written_before_the_noun_speaks_for_it(
    nlp: Language,
) -> None:
    text = (
        "The State Department issued new guidance on Monday. “The welfare of all citizens"
        " overseas is our highest priority,” a State Department spokesperson said."
    )
    assert found(nlp, text) == [
        ("The welfare of all citizens overseas is our highest priority", "state department")
    ]


def test_the_government_is_the_one_government_the_article_names(nlp: Language) -> None:
    text = (
        "The Scottish Government published its timeline on Friday. The Government said the"
        " files held a “large amount of sensitive and personal information”."
    )
    assert found(nlp, text) == [
        ("large amount of sensitive and personal information", "scottish government")
    ]


def test_a_role_word_someone_else_possesses_is_not_the_persons_role(nlp: Language) -> None:
    from analysis.speaker_gender import genders

    doc = nlp("Tom Keller accused Maria Lopez's daughter of lying about the app.")
    mentions = analyse_doc(doc).mentions
    votes = genders(doc, mentions, lambda _: False, first_names=False)
    assert votes.get("tom keller") != "female"


def test_a_parenthetical_attribution_gives_the_partial_quotes_of_its_sentence(
    nlp: Language,
) -> None:
    text = (
        "Campaign spokesman Ben Larkin spoke to reporters on Monday. Biden, he said, also was the"
        " first president “to stand on a picket line in history.”"
    )
    assert found(nlp, text) == [("to stand on a picket line in history", "ben larkin")]


def test_a_bare_quote_after_a_sentence_of_reported_speech_is_the_same_speakers(
    nlp: Language,
) -> None:
    text = (
        "Transit chief Robert Ruano spoke at the hearing. Mr. Ruano last week said signal"
        " timing remains his major issue. “For me, there are still two things that I have a real"
        " issue with.”"
    )
    assert found(nlp, text) == [
        ("For me, there are still two things that I have a real issue with.", "robert ruano")
    ]


def test_the_union_is_the_organisation_just_named_as_a_subject(nlp: Language) -> None:
    text = (
        "The Writers Guild of America welcomed the deal on Friday. “We're thrilled to see the"
        " members win a contract,” the union said in a statement."
    )
    assert found(nlp, text) == [
        ("We're thrilled to see the members win a contract", "writers guild of america")
    ]


def test_a_parenthetical_he_is_the_last_one_to_speak_not_the_last_subject(
    nlp: Language,
) -> None:
    text = (
        "“This was their deal,” said Ben Larkin, the communications director.\n\n"
        "But Larkin noted Biden “called the chief executive directly.”\n\n"
        "Biden, he said, also “was the first president to stand on a picket line.”"
    )
    assert [key for _, key in found(nlp, text)] == ["ben larkin"] * 3


def test_she_said_between_two_halves_of_a_quote_is_no_parenthetical_aside(
    nlp: Language,
) -> None:
    text = (
        "“We left at night,” said Sara Haddad, a nurse.\n\n"
        "Maria Lopez had to walk to the hospital while in labor. “Along the way,” she said, “I"
        " felt severe pain.”"
    )
    assert [key for _, key in found(nlp, text)] == ["sara haddad", "maria lopez", "maria lopez"]


def test_the_lowercase_second_half_of_a_split_quote_is_the_first_halfs(nlp: Language) -> None:
    text = (
        "Dana Whitfield met the delegates on Monday. “By locking in the deal,” Ms. Whitfield"
        " said, “it now allowed me to go to other countries and press them.”"
    )
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.speaker_key, q.kind) for q in quotes] == [
        ("By locking in the deal", "dana whitfield", "direct"),
        ("it now allowed me to go to other countries and press them.", "dana whitfield", "direct"),
    ]


def test_he_said_passes_over_a_subject_of_someone_elses_reported_words(nlp: Language) -> None:
    # The last male subject before "he said" is the dog, named only inside what the shelter
    # said; the man who spoke just before is the one still speaking.
    text = (
        "Mark Delaney and Julia Ferris have lived in Lisbon since March.\n\n"
        "“We just want to go home,” Mark Delaney said.\n\n"
        "The shelter said Bruno was too old to travel, even after they offered to pay for him.\n\n"
        "“We will not leave without him,” he said."
    )
    assert found(nlp, text)[-1] == ("We will not leave without him", "mark delaney")


def test_he_said_takes_the_main_subject_over_a_subordinate_ones(nlp: Language) -> None:
    # "Delaney walks …, while Ferris cooks …": the sentence is about Delaney, so a following
    # "he said" is his, though Ferris was named after him (and neither is gendered).
    text = (
        "Mark Delaney and Julia Ferris have lived in Lisbon since March.\n\n"
        "Every morning, Delaney walks to the market, while Ferris cooks for the neighbours.\n\n"
        "“I miss my own kitchen,” he said."
    )
    assert found(nlp, text)[-1] == ("I miss my own kitchen", "mark delaney")


def test_a_role_noun_subject_with_the_name_in_apposition_is_that_person(nlp: Language) -> None:
    # "The clinic's surgeon, Ravi Menon, said": the subject is the role noun and the name stands
    # in apposition to it; the following "he added" is Menon's, not the man named before him.
    text = (
        "Tom Keller presented the trial results on Monday.\n\n"
        "The clinic's surgeon and study co-lead, Ravi Menon, said the method could help many "
        "patients. “This could be a turning point for patients on the waiting list,” he added."
    )
    assert found(nlp, text)[-1] == (
        "This could be a turning point for patients on the waiting list",
        "ravi menon",
    )


def test_a_pronoun_that_replies_is_the_person_just_asked(nlp: Language) -> None:
    # The governor spoke last, but "she replied" answers the question put to the judge.
    text = (
        "“She is the best person for the job,” Governor Tom Keller said.\n\n"
        "At the press conference, a reporter asked Julia Ferris, “What is the hardest part?”\n\n"
        "“Getting people to admit that we all have biases,” she replied."
    )
    assert found(nlp, text)[-1] == (
        "Getting people to admit that we all have biases",
        "julia ferris",
    )


def test_a_person_whose_name_opens_with_an_organisations_name_is_no_he(nlp: Language) -> None:
    # The small model tags "Arcade Publishing" PERSON beside "Arcade" tagged ORG; built by hand
    # here, as the tags vary with the model: "he" is the author, not the publisher.
    from analysis.pronouns import PronounChain
    from analysis.types import EntityKind, Mention

    text = (
        "Tom Keller wrote a memoir. Arcade said it would publish it. "
        "Arcade Publishing announced the date. He recalls his childhood."
    )
    doc = nlp(text)

    def mention(words: str, kind: EntityKind, name: str, after: int = 0) -> Mention:
        start = text.index(words, after)
        return Mention(words, kind, kind.name, start, start + len(words), 0, name, name.lower())

    people = [
        mention("Tom Keller", EntityKind.PERSON, "Tom Keller"),
        mention("Arcade", EntityKind.ORG, "Arcade"),
        mention("Arcade Publishing", EntityKind.PERSON, "Arcade Publishing"),
    ]
    chain = PronounChain(doc, people, lambda _: False, {})
    he = next(t for t in doc if t.text == "He")
    found_person = chain.resolve(he)
    assert found_person is not None and found_person.key == "tom keller"
