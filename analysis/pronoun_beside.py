"""The one person of a pronoun's gender named beside subjects of the other gender.

"McDonough was responding to a message from Undersecretary for Political Affairs Wendy
Sherman, reporting that a plane had lifted off. “Tunis plane wheels up,” she wrote." The pronoun
chain reads subjects: McDonough, a man, is the only one of that sentence, so "she" went back to
the latest woman who was a subject, paragraphs before (Hillary Clinton). A reader takes the one
woman the sentence just named, whatever her place in it. `one_of_gender` gives that person from
the people a sentence names: the one person (by key) the article genders as the pronoun is
(`speaker_gender`), or whose first name says so when the article does not; None when there are
none or several, or when someone of unknown gender is named beside them (who may be the one).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from analysis.speaker_first_names import name_gender
from analysis.types import Mention


def one_of_gender(
    named: Sequence[Mention], gender: str, genders: Mapping[str, str]
) -> Mention | None:
    """The one person of `named` of this gender (module docstring)."""
    fitting: dict[str, Mention] = {}
    for mention in named:
        known = genders.get(mention.key) or name_gender(mention.name)
        if known is None:
            return None
        if known == gender:
            fitting[mention.key] = mention
    return next(iter(fitting.values())) if len(fitting) == 1 else None
