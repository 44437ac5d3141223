"""'today's' naming a place or an age, not a day: "in today's Washington", "in today's world".

"Today's speech" and "today's vote" are the day's news; "today's Washington", "today's America"
and "today's world" are the present age (issue 12, round 9: "could get any of them done in
today's Washington", "Facts may be losing their value in today's world"). The noun 'today's'
owns says which: a place the entity recogniser names, or a word for a whole age or society
(not "times": "in today's New York Times" is the day's paper).

And a bare "today" on a clause of what can or may be (round 10): "As you can see today, the
relations are strong", "a compromise candidate today may be far better for them" tell a
possibility or an opinion of now, not the day's happening (`possible_today`). "Talks could
resume today" is a possibility too; "will meet today", "met today" and "You can vote today"
stay the day's. So is a duty or a demand (round 32): "Congress should start today", "NATO has
to carry out its role today" tell what ought to be, not what the day brought.

A 'not' right before a date denies the date, not the happening (`denied`): "came not yesterday".
A day word used as a noun of an age is no day either (round 20, `day_as_noun`): "a better
tomorrow", "this terrible 'tomorrow' came", "Ukraine of today".
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.clause_kinds import auxes
from analysis.event_attach import Place, owner

_PLACES = frozenset({"GPE", "LOC", "NORP"})
_POSSIBLE = frozenset({"could", "may", "might"})
# a duty or a demand of now, no happening of the day (round 32): "Congress should start today"
_OUGHT = frozenset({"should", "must", "ought"})
_SEEING = frozenset(
    {"see", "tell", "say", "imagine", "hear", "guess"}  # "as you can see today"
    | {"predict", "know", "foresee", "understand"}  # "no one today can predict" (round 20)
)
_AGES = frozenset(
    {"world", "society", "age", "era", "climate", "culture", "economy", "politics"}
    | {"environment", "landscape", "generation", "youth", "workplace", "marketplace"}
    # "by today's standards", "by the standards of today": a measure of the age (round 30)
    | {"standard"}
)


def todays_setting(place: Place) -> bool:
    """Whether the date is a possessive 'today' owning a place or an age: nowadays."""
    root = place.root
    if root.lower_ != "today":
        return False
    noun = _owned(root)
    if noun is None:
        return False
    return noun.ent_type_ in _PLACES or noun.lemma_.lower() in _AGES


def _owned(root: Token) -> Token | None:
    """The noun a possessive date names: 'today's Washington' ('today' a poss of it)."""
    if root.dep_ == "poss" and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head
    return owner(root)


def possible_today(place: Place) -> bool:
    """Whether a bare 'today' dates, or names the subject of, a clause with 'could', 'may' or
    'might', or of what one 'can see' ('As you can see today', 'a candidate today may be
    better'; not 'You can vote today')."""
    root, verb = place.root, place.verb
    if root.lower_ != "today" or verb is None or root.dep_ == "poss" or owner(root) is not None:
        return False
    words = {aux.lower_ for aux in auxes(verb)}
    if words & _OUGHT or _obliged(verb):
        return True  # "Congress should start today", "It has to carry out its role today"
    return bool(words & _POSSIBLE) or ("can" in words and verb.lemma_ in _SEEING)


def _obliged(verb: Token) -> bool:
    """Whether a clause is what one has or needs to do: 'has to carry out its role today'."""
    head = verb.head
    to = any(kid.dep_ == "aux" and kid.lower_ == "to" for kid in verb.children)
    return verb.dep_ == "xcomp" and to and head.lemma_ in ("have", "need") and head.i < verb.i


_DAY_WORDS = frozenset({"today", "tomorrow", "yesterday"})


def day_as_noun(place: Place) -> bool:
    """Whether 'today', 'tomorrow' or 'yesterday' is a noun of an age, not a day (round 20): with
    a determiner or an adjective ('a better tomorrow', 'this terrible "tomorrow" came', 'our
    today'), or after a place's 'of' ('Ukraine of today', 'the Europe of tomorrow'); 'the events
    of today' and 'by the end of today' stay the day's."""
    root = place.root
    if root.lower_ not in _DAY_WORDS:
        return False
    if _determined(root):
        return True
    of = root.head
    if root.dep_ != "pobj" or of.lower_ != "of" or of.head.i >= of.i:
        return False
    return of.head.ent_type_ in _PLACES or of.head.lemma_.lower() in _AGES


def _determined(word: Token) -> bool:
    """Whether the words before a day word are a determiner ('our today') or a determiner and an
    adjective ('a brighter tomorrow', 'this terrible "tomorrow"'), quotation marks aside; read
    from the tags, as the parser often hangs such a noun elsewhere."""
    before = [t for t in word.doc[max(0, word.i - 4) : word.i] if not t.is_quote]
    if before and before[-1].tag_ in ("JJ", "JJR", "JJS"):
        before = before[:-1]
    if not before:
        return False
    last = before[-1]
    return last.tag_ == "PRP$" or (
        last.tag_ == "DT"
        and last.lower_ in _DETERMINERS
        and (last.i < word.i - 1 or last.lower_ in ("a", "an", "the"))
    )


_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those"})


def denied(place: Place) -> bool:
    """Whether a 'not' stands right before the date (or its preposition), denying the date
    itself, not the happening (round 20): 'Russia came with the war not yesterday and not the day
    before yesterday', 'met not on Monday but on Tuesday'. A 'not' on the verb ('did not come
    yesterday') and 'not only today' keep the day."""
    root = place.root
    first = root.left_edge
    if first.lower_ == "not" and first.dep_ == "neg":
        return True
    head = root.head
    if head.dep_ == "prep" and head.i == first.i - 1:
        first = head
    return first.i > 0 and root.doc[first.i - 1].lower_ == "not"
