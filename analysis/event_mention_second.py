"""Second dates of a sentence whose own happening another date already dates (issue 12, round 27).

Three shapes of news English put a date inside what a dated happening brings about or mentions,
so it is that happening's content or a thing it names, not a second event (the judges'
"double-dated"):

- a purpose clause, a to-infinitive set on the dated verb (or after its object): "In December
  2020, the government approved the facility to enable allocations during 2021" (the approval
  is the event; 2021 is what it allows), "On Monday the board approved a grant to allow repairs
  in November";
- a relative clause the parser made the sentence's root or a verb's complement, its subject a
  relative "that" or "which" set off by a comma: "Bihar on Wednesday announced fresh lockdown
  in several regions, including Patna, that will come into force later this week" (the parser
  hangs "announced" under "come"). Read as the relative clause it is, its date describes the
  thing announced, as a relative clause's date does where the parser reads it right;
- a bare date ("this week") set straight after the object of a preposition on a clause telling
  a state, in a sentence another clause of which has its own date: "DeSantis seemed to have
  more swagger tonight, and I think that's directly correlated to the governor's endorsement
  this week" (the parser hangs "this week" on "correlated"; the endorsement has the week).

For the first two only a date ending after the dated happening's own date is taken ('later
this week' after 'on Wednesday'): a purpose or a description of the same time ("On Monday,
police closed the road to clear the wreck that morning") keeps its date, and so does a clause
coordinated with the dated one ("approved the plan in May and began work in June", rule 3 of
the judging).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from analysis import clause_kinds as kinds
from analysis.event_attach import Link, Place

_RELATIVE = frozenset({"that", "which"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def purpose_content(place: Place, last: int, others: Sequence[tuple[Place, int]]) -> bool:
    """Whether a date lies in a to-infinitive purpose clause on a verb that another date of the
    sentence dates, ending after that date: 'approved the facility in December 2020 to enable
    allocations during 2021'. `others` are the sentence's other event dates with their last
    days (ordinals); `last` is this date's last day."""
    links = place.links
    if len(links) < 2 or not last or place.names:
        return False
    clause, above = links[0], links[1]
    if not kinds.infinitive(clause.verb) or clause.mark or not _purpose(clause):
        return False
    if any(kid.dep_ in _SUBJECTS for kid in clause.verb.children):
        return False  # "for the city to pay in March": a clause with its own doer
    return any(
        other is not place
        and other.verb is not None
        and other.verb.i == above.verb.i
        and 0 < ended < last
        for other, ended in others
    )


def _purpose(clause: Link) -> bool:
    """A to-infinitive of purpose: an adverbial clause, or an open complement after the verb's
    object ('approved the fund to enable', which the parser may read either way); not the
    complement of a verb with no object ('voted to hold the election on June 5': what was voted
    is the plan, read by the earlier rules)."""
    if clause.dep == "advcl":
        return True
    verb = clause.verb
    return clause.dep == "xcomp" and any(
        kid.dep_ == "dobj" and kid.i < verb.i for kid in verb.head.children
    )


def relative_root(verb: Token) -> bool:
    """Whether a clause is a relative clause the parser lifted to the root or made a verb's
    complement: its subject a relative 'that' or 'which' set off by a comma, not its first word
    ('..., including Patna, that will come into force')."""
    if verb.dep_ not in _LIFTED:
        return False
    subject = next((kid for kid in verb.children if kid.dep_ in _SUBJECTS), None)
    if subject is None or subject.tag_ != "WDT" or subject.lower_ not in _RELATIVE:
        return False
    start = subject.i
    return start > subject.sent.start and subject.doc[start - 1].text == ","


_LIFTED = frozenset({"ROOT", "ccomp"})


def lifted_relative(place: Place, last: int, others: Sequence[tuple[Place, int]]) -> bool:
    """Whether a date dates a lifted relative clause ('..., that will come into force later this
    week') while another date, ending before this one ends, dates the clause the relative one
    belongs to: the verb it was hung on ('ordered on Monday a lockdown ..., that will take
    effect', read as 'ordered' ... 'take'), or one hung below it before it ('announced on
    Wednesday ..., that will come into force', read as 'come' over 'announced')."""
    links = place.links
    if not links or not last or place.names or not relative_root(links[0].verb):
        return False
    clause = links[0].verb
    above = links[1].verb.i if len(links) > 1 else -1
    return any(
        other is not place
        and other.verb is not None
        and (
            other.verb.i == above
            or (
                other.verb.dep_ == "advcl"
                and other.verb.head.i == clause.i
                and other.verb.i < clause.i
            )
        )
        and 0 < ended < last
        for other, ended in others
    )


def after_object_of_state(place: Place, others: Sequence[Place]) -> bool:
    """Whether a bare date (no preposition: 'this week', 'Tuesday') set straight after the object
    of a preposition on a clause telling a state dates that object, not the state, when another
    clause of the sentence has a date of its own: '"DeSantis seemed to have more swagger
    tonight, and I think that's directly correlated to the governor's endorsement this week"'
    (the parser hangs 'this week' on 'correlated'; a state has no day, the endorsement does).
    Not a date on a happening ('met the governor at the fair this week') nor the only date of
    a sentence. `others` are the places of the sentence's other event dates."""
    verb, root = place.verb, place.root
    if verb is None or place.prep or place.thing is not None or root.dep_ != "npadvmod":
        return False
    if root.head.i != verb.i or not _state(verb):
        return False
    start = root.left_edge.i
    if start == 0:
        return False
    noun = root.doc[start - 1]
    if noun.dep_ != "pobj" or noun.pos_ not in ("NOUN", "PROPN") or noun.head.head.i != verb.i:
        return False
    return any(
        other is not place and other.verb is not None and other.verb.i != verb.i for other in others
    )


_IS = frozenset({"is", "are", "'s", "’s", "am"})


def _state(verb: Token) -> bool:
    """A clause telling a state, a present passive of a relation among them ('that's correlated
    to', whose "’s" the tagger may read as a noun), not a perfect ('has met')."""
    if kinds.perfect(verb):
        return False
    helpers = kinds.auxes(verb)
    present_passive = (
        len(helpers) == 1 and helpers[0].dep_ == "auxpass" and helpers[0].lower_ in _IS
    )
    return present_passive or kinds.state(verb)
