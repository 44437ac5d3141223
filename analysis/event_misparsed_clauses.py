"""Two shapes whose date is no day of the sentence's happening (issue 12, session 27).

- A possessive read as a verb: "An internal report on last year’s shutdown ... reveals": the
  parser made the possessive ending "’s" (tagged POS) the sentence's root, so the date seemed
  to date its own clause. A date brought by a preposition on a noun ("a report on ...") whose
  clause head is such a possessive ending names the thing the noun is about: a descriptor.
- A comparison "like" clause the parser split off: "Y2K has become a punch line, like the Maya
  calendar turned out to be in 2012" (the "like" left without an object, the clause after it
  read as a coordinated one). A coordinated clause opened by "like" or "unlike" after a comma,
  with no coordinating word or other verb between, is that comparison, as a "like" clause
  marked as such is.
- An apposition read as a second object: "spells the end of network neutrality, a set of rules
  the FCC adopted in 2015" (the parser made "set", the apposition after the comma, a second
  object of "spells"). A noun a verb takes as its object after another object of its own and
  a comma is that apposition, a noun of the phrase before it, not the clause's own object; a
  clause describing it is no description of the main clause's object (issue 12, round 33:
  passing mentions).
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.event_attach import Link, Place

_LIKE = frozenset({"like", "unlike"})


def possessive_misread(place: Place) -> bool:
    """A date on a noun's preposition whose clause head is a possessive ending the parser made
    a verb: 'a report on last year’s shutdown reveals'."""
    verb, host = place.verb, place.host
    if verb is None or verb.tag_ != "POS" or host is None or not place.prep:
        return False
    return host.pos_ in ("NOUN", "PROPN") and verb.i == place.root.i + 1


def _like_opened(link: Link) -> bool:
    """Whether a clause the parser coordinated with another opens with 'like' or 'unlike' after
    a comma, with no coordinating word between the two: ', like the calendar turned out to be',
    as the parser reads 'like' with or without an object of its own."""
    verb = link.verb
    if link.dep != "conj" or verb.head.i >= verb.i:
        return False
    doc, head = verb.doc, verb.head
    comma = next((k for k in range(verb.i - 1, head.i, -1) if doc[k].text == ","), None)
    if comma is None or comma + 1 >= verb.i:
        return False
    opener = doc[comma + 1]
    if opener.lower_ not in _LIKE or opener.tag_ != "IN":
        return False
    between = doc[comma + 1 : verb.i]
    if any(word.pos_ in ("VERB", "AUX") or word.dep_ == "cc" for word in between):
        return False  # ", like the tunnel was, and then collapsed in 2004"
    return not any(kid.dep_ == "cc" and head.i < kid.i < verb.i for kid in head.children)


def like_clause(place: Place) -> bool:
    """Whether the date lies in a 'like' clause the parser read as a coordinated clause."""
    return any(_like_opened(link) for link in place.links)


def second_object(noun: Token) -> bool:
    """Whether a direct object opens just after a comma that follows another direct object of
    the same verb: 'spells the end of network neutrality, a set of rules ...'."""
    if noun.dep_ != "dobj":
        return False
    start = noun.left_edge.i
    if start == 0 or noun.doc[start - 1].text != ",":
        return False
    return any(kid.dep_ == "dobj" and kid.i < start for kid in noun.head.children)
