"""A date the parser hangs on an "as" clause of manner: the clause above's time (round 31).

"He retired from the Coast Guard, as scheduled, on June 30": the parser reads "on June 30" as
part of "as scheduled", and a participle of planning sends a date ahead, so the past retirement
became next June 30. A subjectless participle brought by "as" ("as scheduled", "as planned",
"as expected", "as promised") says the clause above went the way a plan said; it has no time of
its own, so the date is the clause above's. "was scheduled for June 30" (the plan itself) and
"as the minister scheduled it" (a clause with its subject) are read as before.
"""

from __future__ import annotations

from dataclasses import replace

from analysis.event_attach import Place


def outside_manner(place: Place) -> Place:
    """The place as the clause above an "as"-participle of manner has it, when the date's clause
    is one ('..., as scheduled, on June 30'); else the place."""
    verb = place.verb
    if verb is None or len(place.links) < 2 or verb.tag_ != "VBN" or verb.dep_ != "advcl":
        return place
    kids = list(verb.children)
    marked = any(kid.dep_ == "mark" and kid.lower_ == "as" for kid in kids)
    own = any(kid.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for kid in kids)
    return replace(place, links=place.links[1:]) if marked and not own else place
