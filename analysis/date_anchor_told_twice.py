"""A happening the article tells twice, once with its day and once with a relative day: the
relative day counts from the day the article's own words imply (issue 12, round 27: relative
anchors).

A story first written on Tuesday and re-published on Wednesday (a sister site's copy, a print
edition) keeps the words of its writing day: "On Monday, the sky above the city went dark" in
its lead, and further down "the sky went dark around 3 PM yesterday". Read from Wednesday,
"yesterday" is Tuesday, a day the lead contradicts: the same happening (the same verb, the same
subject and the same complements) cannot be Monday and Tuesday. The article itself says when it
was written: the day its relative word puts the dated happening on, so its "yesterday" is the
lead's Monday. Only a relative day word ("yesterday", "today", "last night", "this morning"...)
outside quotation marks moves, and only when

- the other telling dates the happening by a weekday or a written day, in an earlier sentence;
- both sentences tell it with the same verb (not a verb of saying or a light verb: "the mayor
  said on Monday" and "the mayor said yesterday" are two sayings), the same noun subject and the
  same core complements (object, attribute), their numbers and ordinals included ("arrested two
  men on Monday" and "arrested a third man yesterday" are two arrests);
- the writing day implied lies before the publication day and at most `_WRITTEN_BEFORE` days
  earlier (a syndicated or printed copy, not a story of another week).

The relative words of that sentence then count from the implied writing day, and the event says
so in its expression. A week or month told in the past ("earlier this month", "this week", "last
week") likewise: "On October 2, a boy was struck by lightning" and "The boy was struck by lightning
earlier this month" on a page stamped November 10 were written in October, and "earlier this
month" is October (the telling's day at most `_PERIOD_LAG` days before the publication).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from analysis.date_context import period_end, period_start
from analysis.date_relative import DAY_WORDS
from analysis.date_scenes import QUOTATION, Scene
from analysis.dates import Anchored
from analysis.doc_text import doc_text
from analysis.types import Precision

_WRITTEN_BEFORE = 3  # days a copy may be published after its writing
_WEEKDAY_OR_DATE = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
# verbs that tell a saying or a state, which a subject repeats on many days
_LIGHT = frozenset(
    {"be", "have", "do", "say", "tell", "add", "note", "state", "write", "ask", "make", "get"}
    | {"announce", "report", "confirm", "claim", "warn", "explain", "describe", "call"}
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_COMPLEMENTS = frozenset({"dobj", "attr", "acomp", "oprd", "prt"})
_COUNTING = frozenset({"nummod", "amod", "quantmod"})


def _day_word(text: str) -> int | None:
    """The shift of a relative day word ('yesterday': -1), None for any other date."""
    return DAY_WORDS.get(" ".join(text.lower().split()))


def _explicit_day(found: Anchored) -> bool:
    """A day written by its weekday or its calendar date, counted from the publication."""
    written = found.date
    if found.basis is not None or written.precision is not Precision.DAY or written.value is None:
        return False
    words = written.text.lower()
    return _day_word(words) is None and any(name in words for name in _WEEKDAY_OR_DATE)


def _verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb whose clause the date's words hang in."""
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for token in (span.root, *span.root.ancestors):
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _words(token: Token) -> tuple[str, frozenset[str]]:
    """A core argument's head lemma and the lemmas that count or qualify it ('two', 'third')."""
    counts = frozenset(kid.lemma_.lower() for kid in token.children if kid.dep_ in _COUNTING)
    return token.lemma_.lower(), counts


def _happening(verb: Token) -> tuple[str, frozenset[str], frozenset[tuple[str, object]]] | None:
    """The verb's lemma, its noun subjects' lemmas and its complements: None for a light verb
    or a verb whose subjects are not all nouns (a pronoun says nothing of which thing it is)."""
    lemma = verb.lemma_.lower()
    if lemma in _LIGHT:
        return None
    subjects = [kid for kid in verb.children if kid.dep_ in _SUBJECTS]
    if not subjects or any(subject.pos_ not in ("NOUN", "PROPN") for subject in subjects):
        return None
    names = frozenset(
        word.lemma_.lower()
        for subject in subjects
        for word in (subject, *subject.children)
        if word is subject or (word.dep_ == "compound" and word.pos_ in ("NOUN", "PROPN"))
    )
    complements = frozenset(
        (kid.dep_, _words(kid)) for kid in verb.children if kid.dep_ in _COMPLEMENTS
    )
    return lemma, names, complements


def _same(first: Token, second: Token) -> bool:
    """Whether two verbs tell one happening: same lemma, a shared subject name, the same
    complements."""
    one, two = _happening(first), _happening(second)
    if one is None or two is None or one[0] != two[0] or not one[1] & two[1]:
        return False
    return one[2] == two[2]


def told_twice_scenes(
    doc: Doc,
    found: Sequence[Anchored],
    sentences: Sequence[tuple[int, int]],
    published: date | None,
) -> list[Scene]:
    """The sentences whose relative day word (or week or month) tells a happening an earlier
    sentence dates by its weekday or written day, each anchored to the writing moment the two
    tellings imply. `sentences` are the (start, end) offsets of the text's sentences, in order."""
    if published is None or not doc.has_annotation("DEP"):
        return []
    text = doc_text(doc)
    quotes = [match.span() for match in QUOTATION.finditer(text)]
    starts = [start for start, _ in sentences]
    dated = [item for item in found if _explicit_day(item)]
    scenes: list[Scene] = []
    for item in found:
        written = item.date
        relative = _day_word(written.text) is not None or _PERIOD.match(written.text) is not None
        if not relative or item.basis is not None or written.value is None:
            continue
        if any(start <= written.start < end for start, end in quotes):
            continue
        k = bisect.bisect_right(starts, written.start) - 1
        if k < 0 or any(scene.start == sentences[k][0] for scene in scenes):
            continue
        scene = _scene(doc, item, dated, sentences[k], published=published)
        if scene is not None:
            scenes.append(scene)
    return scenes


# "earlier this month", "this week", "last week", "late last month": a period counted from the
# writing, told in the past
_PERIOD = re.compile(
    r"(?i)^(?:(?:earlier|early|late)\s+)?(?P<which>this|last)\s+(?P<unit>week|month)$"
)
_PERIOD_LAG = {"week": 21, "month": 62}  # days a period's telling may lie before publication


def _writing(item: Anchored, day: date, published: date) -> date | None:
    """The moment `item` counts from when it tells the happening of `day`; None when the two
    agree already or the day is too far from the publication for a copy's lag."""
    written = item.date
    assert written.value is not None
    shift = _day_word(written.text)
    if shift is not None:
        writing = day - timedelta(days=shift)
        return writing if 0 < (published - writing).days <= _WRITTEN_BEFORE else None
    period = _PERIOD.match(written.text)
    if period is None or written.value <= day <= period_end(written.value, written.precision):
        return None
    unit = period.group("unit").lower()
    if not 0 < (published - day).days <= _PERIOD_LAG[unit]:
        return None
    if period.group("which").lower() == "this":  # the period's last day: nothing of it is later
        return period_end(period_start(day, written.precision), written.precision)
    if unit == "week":
        return day + timedelta(days=7)
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following.replace(day=min(day.day, 28))


def _scene(
    doc: Doc,
    item: Anchored,
    dated: Sequence[Anchored],
    sentence: tuple[int, int],
    *,
    published: date,
) -> Scene | None:
    """The relative date's sentence anchored to the writing moment an earlier telling implies."""
    written = item.date
    verb = _verb(doc, written.start, written.end)
    if verb is None:
        return None
    for other in dated:
        day = other.date.value
        if other.date.start >= sentence[0] or day is None or day == written.value:
            continue
        writing = _writing(item, day, published)
        if writing is None:
            continue
        told = _verb(doc, other.date.start, other.date.end)
        if told is not None and _same(told, verb):
            basis = (
                f"counted from {writing.strftime('%B')} {writing.day}, {writing.year}: the same "
                f"happening is dated '{other.date.text}'"
            )
            return Scene(sentence[0], sentence[1], writing, basis)
    return None
