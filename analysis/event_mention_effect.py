"""A foretold effect: a thing that will or could cost, hurt or help someone then (round 27).

"Trump's abortion agenda will cost Trump in 2024", "the scandal could hurt Republicans in
November", "the tax would harm farmers next year": a clause of effect (cost, hurt, help, harm,
benefit, boost, damage, doom, haunt, undermine, weaken) told with "will", "would", "could",
"might" or "may" says what a thing is foreseen to do to someone, a prediction (rule 4 of the
judging: predictions are no events), not a plan anyone made. The date is when the effect is
foreseen, which dates no happening of the sentence.

Kept: the effect told as done ("the scandal cost Republicans in November"), an effect a person
brings about ("Smith will help campaign in Iowa on Monday", "she will help the team on Friday":
a plan of hers), a help that does something ("will help rebuild the bridge next year": an open
complement), and verbs that tell a happening ("the storm will hit Florida on Tuesday").

A title-case headline quoted in a sentence ("... Cost Republicans Last Night and Will Cost Trump
in 2024") may be parsed with the verb as a noun; its "Will" still marks it as the clause's verb.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis import clause_kinds as kinds
from analysis.clause_kinds import auxes
from analysis.event_attach import Place

_EFFECTS = frozenset(
    {"cost", "hurt", "help", "harm", "benefit", "boost", "damage", "doom", "haunt", "undermine"}
    | {"weaken"}
)
_FORETELLING = frozenset({"will", "would", "could", "might", "may", "'ll", "’ll"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PEOPLE = frozenset({"i", "we", "you", "he", "she", "they", "who"})
_COMPLEMENTS = frozenset({"xcomp", "ccomp"})


def _clause_word(place: Place) -> Token | None:
    """The word of the date's clause: its verb, or the word the date hangs on when that word has
    a modal of its own (a headline's 'Will Cost' parsed as a noun)."""
    host = place.host
    if host is not None and host.lower_ in _EFFECTS and _foretold(host):
        return host
    return place.verb if place.thing is None else None


def _foretold(word: Token) -> bool:
    """Told with 'will', 'would', 'could', 'might' or 'may'."""
    return any(aux.lower_ in _FORETELLING for aux in auxes(word))


def _person_subject(word: Token) -> bool:
    """Whether the clause's subject is a person: a name (or a proper noun the recogniser did not
    call a thing), a pronoun of people or a role ('the mayor'). A coordinated clause shares its
    subject: read from the first clause; a headline parsed as nouns may show none."""
    subject = next((kid for kid in word.children if kid.dep_ in _SUBJECTS), None)
    if subject is None and word.dep_ == "conj":
        subject = next((kid for kid in word.head.children if kid.dep_ in _SUBJECTS), None)
    if subject is None:
        return False
    if subject.ent_type_ == "PERSON" or subject.lower_ in _PEOPLE or kinds.person(subject):
        return True
    return subject.pos_ == "PROPN" and subject.ent_type_ not in _THINGS


_THINGS = frozenset({"ORG", "GPE", "NORP", "LAW", "EVENT", "PRODUCT", "FAC", "WORK_OF_ART"})


def foretold_effect(place: Place) -> bool:
    """Whether a date dates what a thing is foretold to do to someone: 'will cost Trump in
    2024', 'could hurt Republicans in November'."""
    word = _clause_word(place)
    if word is None or (word.lemma_.lower() not in _EFFECTS and word.lower_ not in _EFFECTS):
        return False
    if not _foretold(word) or _person_subject(word):
        return False
    return not any(kid.dep_ in _COMPLEMENTS for kid in word.children)
