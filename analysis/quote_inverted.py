"""An attribution with its speech verb first, as columnists and transcripts write it: "Stated
Stone:" on a line of its own before the quotation, "Continued Stone: “So I think …”".

The parser reads the capitalised verb as the first word of a name ("Continued Stone"), so no
rule finds a speech verb, nor a person of that name; `inverted_name` splits the verb off, and
the name that is left is resolved as a surname is. Only a paragraph's opening words count: the
verb and the name alone before a colon or a comma.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from analysis.speaker_words import word_set

# Speech verbs in the forms that open an inverted attribution ("Said Smith:", "Writes Jones:").
INVERTING_VERBS = word_set(
    """said says stated states continued continues added adds wrote writes explained explains
    noted notes asked asks replied replies concluded concludes declared declares insisted
    insists recalled recalls warned warns"""
)
_NAME_TYPES = frozenset({"PERSON", "ORG"})


def inverted_name(tokens: Iterable[Token]) -> Token | None:
    """The last word of the name after an opening speech verb ("Continued Stone" -> "Stone"),
    when the words are that verb and a name alone; None otherwise."""
    words = [t for t in tokens if not t.is_space]
    if len(words) < 2 or words[0].lower_ not in INVERTING_VERBS:
        return None
    rest = words[1:]
    if not all(t.pos_ == "PROPN" or t.ent_type_ in _NAME_TYPES for t in rest):
        return None
    return rest[-1]


def inverted_label(tokens: list[Token]) -> Token | None:
    """The name's last word when a paragraph's words before a colon or comma are an opening
    speech verb and a name ("Stated Stone:", "Continued Stone: “…”", "Said Castillo, “…”");
    None otherwise."""
    words = [t for t in tokens if not t.is_space]
    if len(words) < 3 or words[-1].text not in {":", ","}:
        return None
    return inverted_name(words[:-1])
