"""A when-clause of a prospect inside a participle clause: the time of a thing mentioned aside.

"Trump, considered likely to replace her when her term ends in early 2018, had not issued any
comment", "The first lady tore into him, insinuating that the nation will lose a grownup when
Obama's term ends in January": a when-clause in the present tense, pointing ahead, tells when
something foreseen in a participle clause ('considered likely to replace', 'insinuating that
... will lose') would come; the sentence's own happening is the past main clause (the comment
not issued, the remark made), which the date does not date. The date describes what the
sentence mentions in passing (issue 12, round 22: passing mentions).

Kept: a when-clause on the sentence's own clause ("The company is expected to cut jobs when
the merger closes in March", "hurricane season begins June 1"), on what a reporting main
clause reports ("The mayor said the road will reopen when the repairs end in May"), and a
past when-clause (read by `analysis.event_roles`).
"""

from __future__ import annotations

from datetime import date

from analysis.clause_kinds import auxes
from analysis.event_attach import Place
from analysis.event_reference import main_at

_PRESENT = frozenset({"VBZ", "VBP"})
_PARTICIPLES = frozenset({"VBG", "VBN"})
_ASIDE = frozenset({"advcl", "conj", "acl", "amod", "appos"})
_PAST_AUX = frozenset({"had", "was", "were", "did"})


def _told_past(tag: str, helpers: list[str]) -> bool:
    return tag == "VBD" or any(word in _PAST_AUX for word in helpers)


def prospect_aside(place: Place, last: int, published: date | None) -> bool:
    """Whether a date not past at the writing is in a present when-clause on a prospect told
    inside a participle clause of a past sentence: 'considered likely to replace her when her
    term ends in early 2018, had not issued', 'insinuating that the nation will lose ... when
    Obama's term ends in January'."""
    links = place.links
    if published is None or last < published.toordinal() or len(links) < 3:
        return False
    first = links[0]
    if first.dep != "advcl" or first.mark != "when" or first.verb.tag_ not in _PRESENT:
        return False
    if auxes(first.verb):
        return False  # "when it will", "when they have finished"
    main = main_at(links)
    if main < 2:
        return False  # the when-clause's own clause is the sentence's
    main_verb = links[main].verb
    if not _told_past(main_verb.tag_, [aux.lower_ for aux in auxes(main_verb)]):
        return False
    return any(
        link.verb.tag_ in _PARTICIPLES and link.dep in _ASIDE and not auxes(link.verb)
        for link in links[1:main]
    )
