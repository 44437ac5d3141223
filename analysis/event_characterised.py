"""A date in an opening clause that characterises something, beside a dated main clause (issue
12, round 23).

"Calling the return to school two months ago the litmus test, the ministry said yesterday ...",
"Describing the merger two years ago as a mistake, the chairman said on Monday ...": a present
participle opening the sentence, with an 'as' (or a second object) saying what its object is
taken for, tells how the main clause's speaker sees a thing; the date there describes that thing.
When the main clause has its own date, that date is the sentence's event and the participle's is
a second date. A participle of a happening ('After meeting the mayor on Friday, ...', 'Having
landed on Monday, ...') is untouched.
"""

from __future__ import annotations

from analysis.event_attach import Place

_SET_OFF = frozenset({"mark", "aux", "auxpass", "nsubj", "nsubjpass"})


def characterising_opener(place: Place) -> bool:
    """Whether the date's clause is a present participle opening the sentence that takes its
    object 'as' something ('Calling X as the test', 'Describing X as a mistake')."""
    links = place.links
    if len(links) < 2 or links[0].dep != "advcl" or links[0].mark:
        return False
    verb = links[0].verb
    if verb.tag_ != "VBG" or verb.left_edge.i != verb.sent.start or verb.i > links[1].verb.i:
        return False
    if any(kid.dep_ in _SET_OFF for kid in verb.children):
        return False
    taken = any(kid.dep_ == "dobj" for kid in verb.children)
    return taken and any(kid.dep_ == "prep" and kid.lower_ == "as" for kid in verb.children)


def on_main_clause(place: Place, main: Place) -> bool:
    """Whether `main` dates the clause the opening participle of `place` hangs on."""
    return bool(main.links) and len(place.links) >= 2 and main.links[0].verb == place.links[1].verb
