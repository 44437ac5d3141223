"""A relative clause the parser hung on the verb as its complement.

In "She campaigned hard in the state that she won in 2008" spaCy may read "that she won in 2008"
as what "campaigned" says (`ccomp`), not as a clause describing "the state" (`relcl`). The words
tell it apart: the clause's own object or subject is the relative "that" or "which", standing
right after a noun, and the verb above reports nothing. The date then describes the noun in
passing, as in any relative clause (issue 12, round 11: passing mentions).
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.event_attach import SET_OFF, VERBS, Link, Place
from analysis.event_words import REPORTING

_RELATIVES = frozenset({"that", "which", "who", "whom"})
_ROLES = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})
_NOUNS = frozenset({"NOUN", "PROPN"})


def relative_complement(link: Link) -> bool:
    """Whether a complement clause is a relative clause on the noun before it: 'campaigned in
    the state that she won in 2008' (not 'said that she won in 2008', nor 'argued that
     tariffs ... ', nor a cleft 'it was X that ...')."""
    verb = link.verb
    if link.dep != "ccomp" or verb.head.lemma_ in REPORTING or verb.head.lemma_ == "be":
        return False  # "it was her ability ... that kept her 2008 campaign going": a cleft
    for kid in verb.children:
        if kid.lower_ not in _RELATIVES or kid.dep_ not in _ROLES or kid.i == 0 or kid.i > verb.i:
            continue
        if kid.tag_ in ("WDT", "WP") and verb.doc[kid.i - 1].pos_ in _NOUNS:
            return True
    return False


_TOPIC_WORDS = frozenset({"concerning", "regarding", "respecting", "touching"})


def topic_participle(place: Place) -> bool:
    """A thing a date names after 'concerning' or 'regarding' that the parser read as a verb
    ('an email she had sent him concerning the 2011 shooting'): what is talked of, as after
    'about'."""
    links = place.links
    if not place.names or not links:
        return False
    first = links[0]
    return first.dep == "prep" and first.verb.lower_ in _TOPIC_WORDS


def based_on(place: Place) -> bool:
    """A date inside what 'based on' brings ('Based on the three-day gathering of veterans in
    1971, it was a film', 'Based on a survey of nurses in 2019, the report warns'): the source
    of what the sentence tells, not its time. The parser reads 'Based' as a preposition or a
    participle adjunct."""
    for link in place.links[:-1]:
        verb = link.verb
        if verb.lower_ != "based" or link.dep not in ("prep", "advcl", "acl"):
            continue
        if any(kid.lower_ in ("on", "upon") for kid in verb.children):
            return True
    return False


def participle_read_as_root(place: Place, recent: bool) -> bool:
    """Whether a date's clause is a past participle set off by commas after a person that the
    parser took for its clause's verb (the root, or what a speaker said): 'Captain Khan, killed
    12 years ago, was a hero' is read 'Khan killed ..., was a hero', the true verb a subjectless
    `conj` after the second comma
    (issue 12, round 17, development draw 1772). Such a participle tells about the person, as
    'who was killed 12 years ago' does: background, unless it is the last days' news
    (`recent`: 'The suspect, arrested on Saturday, remains in custody')."""
    if recent or not place.links or place.links[0].dep not in ("ROOT", "ccomp"):
        return False
    verb = place.verb
    if verb is None or verb.tag_ not in ("VBD", "VBN") or verb.i == 0:
        return False
    doc = verb.doc
    subjects = [kid for kid in verb.children if kid.dep_ == "nsubj" and kid.i < verb.i]
    if len(subjects) != 1 or doc[verb.i - 1].text not in SET_OFF:
        return False
    person = subjects[0]
    if person.right_edge.i not in (verb.i - 2, verb.i - 1) or person.ent_type_ != "PERSON":
        return False
    for kid in verb.children:
        if kid.dep_ != "conj" or kid.pos_ not in VERBS or kid.i < place.root.i:
            continue
        own_subject = any(k.dep_ in ("nsubj", "nsubjpass") for k in kid.children)
        if not own_subject and doc[kid.i - 1].text in SET_OFF:
            return True
    return False


_PRONOUNS = frozenset({"he", "she", "they"})


def opening_participle(place: Place, long_ago: bool) -> bool:
    """Whether a date's clause is a past participle opening the sentence, set off by a comma
    before a person the main clause tells about: 'Appointed chief justice in 1953, Earl Warren
    turned out to be a liberal', 'Born in Ohio in 1950, she moved to Texas'. As the same
    participle after the person ('Warren, appointed in 1953, ...'; round 17) it tells about the
    person, as 'who was appointed in 1953' does: background, when the date is a year, a month or
    a week a year or more before the writing (`long_ago`; 'Arrested on Saturday, the man appeared
    in court' is news, and 'Born May 24, 1917, to Henry and Sophie Siegel' gives the day itself).
    Issue 12, round 19."""
    if not long_ago or not place.links:
        return False
    if place.links[0].dep != "advcl" or len(place.links) < 2:
        return _opening_participle_as_subject(place)
    verb, main = place.links[0].verb, place.links[1].verb
    if verb.tag_ != "VBN" or verb.left_edge.i != verb.sent.start:
        return False
    if any(kid.dep_ in ("aux", "auxpass", "mark", "nsubj", "nsubjpass") for kid in verb.children):
        return False  # 'When elected in 1953, ...', 'Having been ...': other shapes
    return _person_after_comma(verb, main, ("nsubj", "nsubjpass"))


def _opening_participle_as_subject(place: Place) -> bool:
    """The same opening participle that the parser read as an adjective on a first subject:
    'Appointed [amod] head coach [nsubj] in 1998, Luis Ortega [nsubj] went on ...' (two
    subjects of one verb, the second after the comma a person)."""
    noun = place.thing
    if noun is None or noun.dep_ != "nsubj" or noun.head.i != place.links[0].verb.i:
        return False
    first = noun.doc[noun.left_edge.i]
    if first.i != noun.sent.start or first.tag_ != "VBN" or first.dep_ != "amod":
        return False
    return _person_after_comma(noun, noun.head, ("nsubj",))


def _person_after_comma(opening: Token, verb: Token, deps: tuple[str, ...]) -> bool:
    """Whether the opening phrase is set off by a comma after it and `verb` has, after that
    comma, a subject that is a person or a personal pronoun."""
    doc = opening.doc
    after = opening.right_edge.i + 1
    if after >= len(doc) or doc[after].text not in SET_OFF:
        return False
    return any(
        kid.dep_ in deps
        and kid.i > after
        and (kid.ent_type_ == "PERSON" or kid.lower_ in _PRONOUNS)
        for kid in verb.children
    )
