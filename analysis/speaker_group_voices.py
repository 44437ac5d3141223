"""People at a named place of work speaking for it: "officials at Etlaq described the launch as
…", "executives at Harwick Tower said".

"officials at X" speak for the body X, as "officials of X" or "a spokesperson for X" do; the
model often tags a little-known company or agency as a place ("Etlaq"), which the voice rules
for organisations pass over. A body's people ("officials", "executives", "spokespeople") at a
proper name the model tagged a place, written right after "at", speak for it; not "officials
in Gaza" (a place, "in"), nor "residents at the camp" (no body's people), nor a lowercase
place ("at the airport").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from analysis.speaker_words import VOICES, word_set
from analysis.types import EntityKind, Mention

# Those who speak for a body (`VOICES`, a writing aside) and its executives.
_BODY_PEOPLE = (VOICES - {"statement"}) | word_set(
    "executive executives spokespeople representatives"
)


def voice_at_place(subject: Token, mention_at: Callable[[int], Mention | None]) -> Mention | None:
    """The place-tagged body a body's people "at" it speak for (module docstring), or None."""
    if subject.lower_ not in _BODY_PEOPLE and subject.lemma_.lower() not in _BODY_PEOPLE:
        return None
    for prep in (c for c in subject.rights if c.dep_ == "prep" and c.lower_ == "at"):
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
            found = mention_at(obj.idx)
            if found is not None and found.kind == EntityKind.PLACE and found.name[:1].isupper():
                return found
    return None
