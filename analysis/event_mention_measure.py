"""A yardstick: a date naming what an opening participle of measure judges by (round 27).

"Judged by last year's turnover, the lockdown cost the country 10 billion euros", "Measured by
2019 sales, the firm shrank by half", "Gauged against last year's figures, ...": an opening
participle of judging or measuring ('judged', 'measured', 'gauged', 'reckoned') whose 'by' or
'against' brings the standard the sentence's figure is read against. The date names the
standard, a reference point, not the time of anything the sentence tells (as 'compared with
2019' is; 'based on a survey in 2019' is read by `analysis.event_misparsed.based_on`).

Kept: a participle telling a happening ("Hit by last year's floods, the town rebuilt": 'hit' is
no measuring), and a date of the clause itself ("Judged by sales, the firm shrank in 2020").
"""

from __future__ import annotations

from analysis.event_attach import Place

_MEASURING = frozenset({"judge", "measure", "gauge", "reckon", "assess", "benchmark", "weigh"})
_STANDARD_PREPS = frozenset({"by", "against"})


def measured_by(place: Place) -> bool:
    """Whether a date names (or sits under) what an opening participle of measure judges by:
    "Judged by last year's turnover, ..."."""
    links = place.links
    if len(links) < 2:
        return False
    clause = links[0]
    verb = clause.verb
    if clause.dep != "advcl" or verb.tag_ != "VBN" or verb.lemma_.lower() not in _MEASURING:
        return False
    if verb.i != verb.sent.start or verb.i > links[1].verb.i:
        return False  # an opening participle, before its clause
    if place.thing is None:  # "Measured by 2019 sales": the date read with its 'by'
        return place.prep in _STANDARD_PREPS
    return place.thing_prep in _STANDARD_PREPS
