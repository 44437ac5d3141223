"""Pronoun rules of issue 12's twenty-sixth round: "he"/"she" given to the wrong entity. A word
the model tagged PERSON that the article never uses as a person ("Brexit", "Tuareg
elders") takes no he/she (`pronoun_persons`); a parenthetical "he said" in the sentence after a
person's sentence votes for that person's gender (`speaker_gender._next_subject`); a name glued
to a stray symbol (U+FFFD) is still its sentence's subject (`pronouns._name_before_symbol`); a
body sentence that lost its full stop between two paragraphs is read by the chain
(`pronoun_lines`). Each test asserts what a member sees: the speaker key every quote of an
invented text is stored under."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quote_keys import speaker_keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # "Brexit" tagged PERSON, a subject beside "him" and "he": no one a "he" stands for
        (
            "Carlos Mendes has driven a bus in London for eleven years.\n\n“Right now we feel "
            "supported by the people,” bus driver Carlos Mendes says.\n\nHe came to Britain "
            "from Colombia in 2009 and has worked in transport since then.\n\nYears later "
            "Brexit came as a heavy blow to him, despite the fact he holds two passports, he "
            "says.\n\n“We felt as though they wanted to close the door on us,” he adds.\n\n"
            "After the Brexit transition ends, the rules will change again.\n",
            ["carlos mendes", "carlos mendes"],
        ),
        # "Tuareg elders" tagged PERSON: no "he"; the engineer's first name is a woman's
        # and the article gives her one "he" only, so the quote stays unresolved
        (
            "About 40 people gathered inside the tents. Tuareg elders from a nearby village "
            "looked on.\n\nMarion Kowalski, the chief engineer at the port, "
            "checked the cranes and spoke with the pilots.\n\nKowalski seemed confident about "
            "the season. “This port has always lived from the sea,” he told reporters.\n",
            [None],
        ),
    ],
)
def test_a_word_tagged_person_never_used_as_one_takes_no_pronoun(
    nlp: Language, text: str, keys: list[str | None]
) -> None:
    assert speaker_keys(nlp, text) == keys


def test_an_aside_he_said_after_a_persons_sentence_genders_that_person(nlp: Language) -> None:
    # "A safe crossing, he said, requires care" right after Kowalski's sentence: a second
    # "he" for Kowalski, so a woman's first name no longer outweighs the article
    text = (
        "Marion Kowalski, the chief engineer at the harbour authority, seemed tense on the "
        "quay. Fishing crews from a nearby village looked on. Kowalski, tall and quiet, checked "
        "the cranes and spoke with the pilots. A safe crossing, he said, requires care with "
        "every detail.\n\nThe storm passed before noon.\n\nKowalski seemed confident about the "
        "season. “This port has always lived from the sea,” he told reporters. “Now it lives "
        "from trade.”\n"
    )
    assert speaker_keys(nlp, text) == ["marion kowalski", "marion kowalski"]


def test_a_name_glued_to_a_stray_symbol_is_its_sentences_subject(nlp: Language) -> None:
    # U+FFFD where a space was: the parser takes the symbol for the subject, "Tom Baker" for
    # its modifier; "He" is Baker, not Trump of the relative clause
    text = (
        "Lawmakers left Washington on Friday without a deal.\n\nRep. Tom Baker\ufffdof Ohio, "
        "a moderate Democrat whose district Trump won by 10 points in 2016, voiced frustration "
        "over the impasse. He said his voters would be “astounded” to hear that the election "
        "could take “precedence over their very real challenges.”\n"
    )
    assert speaker_keys(nlp, text) == ["tom baker", "tom baker"]


def test_a_body_sentence_that_lost_its_full_stop_is_read(nlp: Language) -> None:
    # the director's paragraph has no full stop: still a sentence of the story, between two
    # paragraphs, told in the past; "he added" is the director, not the actor named before
    text = (
        "LISBON (Reuters) - The drama “Harbour” was the surprise winner at the film awards on "
        "Sunday, while Tom Hale and Nora Vidal were named best actors, cementing their places "
        "as favourites next month.\n\nThe awards, which honour only performances, are watched "
        "closely because actors form the largest group of voters.\n\nFestival director Pablo "
        "Ruiz said backstage that nobody could have predicted what would happen at the "
        "ceremony in March\n\nSpeaking through an interpreter he added; “It is true that the "
        "momentum is building and we are part of the race.”\n\nHale’s quiet performance as a "
        "lonely sailor has swept the season.\n"
    )
    assert speaker_keys(nlp, text) == ["pablo ruiz"]


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # a caption in the present between two paragraphs stays hidden: "he" is the fisherman
        (
            "Fisherman Ali Demir said the storm came fast and left the harbour in ruins within "
            "an hour.\n\nHarbour master Tom Reyes walks along the pier beside the damaged boats "
            "on a grey Monday morning in the old town\n\n“We lost three boats in one night,” he "
            "said.\n",
            ["ali demir"],
        ),
        # a short subhead between paragraphs stays hidden
        (
            "Fisherman Ali Demir said the storm came fast and left the harbour in ruins.\n\n"
            "Harbour master Tom Reyes warned\n\n“We lost three boats in one night,” he said.\n",
            ["ali demir"],
        ),
        # a one-word name the article uses as a person (a possessor) still takes "he"
        (
            "Okonjo's boat sank in the storm. The Okonjo family lost everything.\n\n“We lost "
            "three boats in one night,” he said.\n",
            ["okonjo"],
        ),
        # a person named in full keeps "he" though a modifier elsewhere ("the Mendes family")
        (
            "Carlos Mendes came to Britain in 2009. The Mendes family runs a shop.\n\n“We "
            "felt welcome,” he says.\n",
            ["carlos mendes"],
        ),
    ],
)
def test_guards_keep_their_speakers(nlp: Language, text: str, keys: list[str | None]) -> None:
    assert speaker_keys(nlp, text) == keys
