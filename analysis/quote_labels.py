"""What someone is called: "Haley derided Ramaswamy as “scum”", "she described it as “amazing”",
"referred to her as “an honest broker”".

The words after "as" are what the verb's subject called someone or something, so they are the
subject's words, whichever the verb (derided, described, referred to, hailed, slammed): the
speech-verb list cannot hold them all. The verb must name what it labels, as an object ("derided
Ramaswamy") or after "to" ("referred to her"): "worked as “a consultant”" labels no one, and
the marks only set a word apart. As with other verbs outside the list, the quote takes such a
verb only when its subject is someone the article names (`quotes._attribute`,
`quote_lead_ins._active_speaker`).
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.speaker_words import word_set

# Verbs of regard: "views the party as “toxic”", "sees issues as “black and white”" say what
# their subject thinks, not what anyone called something; the quoted words are those of a
# speech verb above ("saying the average voter views the party as “toxic”"), if any.
REGARDS = word_set("view see regard consider perceive")


def under_as(word: Token) -> bool:
    """A quoted word hanging on "as" ("as “scum”"; the parser makes it an object or a modifier)."""
    return word.dep_ in {"pobj", "amod"} and word.head.lower_ == "as" and word.head.dep_ == "prep"


def labels_as(verb: Token, below: Token, quoted: Token) -> bool:
    """Whether `verb`, reached from the quoted words (their head `quoted`) through `below`, calls
    something by them: the quoted words hang on that "as" ("As a boss on “The Apprentice,”
    Trump demeaned women" does not)."""
    if verb.pos_ != "VERB" or below.lower_ != "as" or below.dep_ != "prep" or below.head != verb:
        return False
    if verb.lemma_.lower() in REGARDS:
        return False
    if quoted.head != below:
        return False
    return any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children)
