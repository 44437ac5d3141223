"""Words of colour before a role noun: "the brave singer", "the young striker", "the embattled
chief executive" after "singer Linda Marsh", "striker Tom Reed".

A story varies how it names a person with adjectives that say nothing of the office: the singer
is still the one singer. `SpeakerResolver._role` asks every modifier of a role noun to be among
the role words the article gave its holder ("the Russian president" is no French one); this
module says which modifiers a reader would not ask that of: a lowercase adjective the article
gave no one as a role word, and not one of the adjectives that make an office of their own
("the foreign minister" is not the prime minister, "the former coach" not the coach, "the
federal judge" not a state one, "the conservative commentator" a party's). The resolver then
takes the role holder only when exactly one person named before fits the rest.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.speaker_words import word_set

# Adjectives that make an office, a rank, a time in office or a side of their own.
OFFICE_ADJECTIVES = word_set(
    """former ex late current then incumbent outgoing incoming new old acting interim caretaker
    deputy vice chief prime first second foreign general senior junior assistant associate
    executive managing principal head lead top high supreme grand royal presidential
    ministerial federal national state local regional provincial municipal international
    domestic military civil civilian criminal political economic financial legal
    medical public private independent opposition ruling governing conservative liberal
    progressive democratic republican socialist communist centrist nationalist left right
    left-wing right-wing far-right far-left elected designate appointed
    honorary emeritus retired past future permanent temporary special joint sole co"""
)


def role_modifiers(subject: Token) -> list[Token]:
    """The words before a role noun that describe it ("Russian" of "the Russian president"),
    as `SpeakerResolver._role` asks each of them of the role's holder."""
    return [
        c
        for c in subject.lefts
        if c.dep_ in {"amod", "compound", "nmod"} and c.pos_ in {"ADJ", "PROPN", "NOUN"}
    ]


def epithets_left_out(modifiers: list[Token], role_words: frozenset[str]) -> list[str] | None:
    """The modifiers' lemmas without the words of colour among them (module docstring); None
    when there is none, so nothing changes."""
    kept: list[str] = []
    dropped = False
    for child in modifiers:
        lemma = child.lemma_.lower()
        colour = (
            child.dep_ == "amod"
            and child.pos_ == "ADJ"
            and child.text.islower()
            and child.tag_ == "JJ"
            and lemma not in OFFICE_ADJECTIVES
            and child.lower_ not in OFFICE_ADJECTIVES
            and lemma not in role_words
            and not child.ent_type_
        )
        if colour:
            dropped = True
        else:
            kept.append(lemma)
    return kept if dropped else None
