"""An organisation's acronym as a speaker: "PSPC said" after "Public Services and Procurement
Canada (PSPC)", "BCHT said" after "Bayshore Community Health Trust (BCHT)".

A reader takes an acronym for the organisation the article wrote it for. `entities` already
folds an acronym tagged as an organisation onto the one organisation whose initials it is; what
the speaker rules still lose is an acronym the model tagged as something else ("PSPC said"
tagged PERSON) or as nothing at all. Such an acronym stands for the organisation the article
defines it for, in brackets straight after the full name, or else for the one organisation it
names in full whose initials it is. The brackets count only when the name before them is the
acronym's whole name: it opens with the acronym's first letter and has at least as many
initials ("Ports, Shipping and Pilotage Canada (PSPC)", tagged "Pilotage Canada", defines
nothing).

The mentions the speaker rules read are rewritten under the organisation's name and key, so the
quotation is stored where `analyst quotes "<full name>"` finds it. Nothing is guessed from
outside the article. A clipped word ("the Fed" for "the Federal Reserve") is left to
`entities`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from analysis.doc_text import doc_text
from analysis.types import EntityKind, Mention

_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")
_DEFINED = re.compile(r"^\s*\(\s*([A-Z][A-Z&]{1,5})\s*\)")
_MINOR = frozenset({"of", "the", "and", "for", "on", "in", "&", "at", "to"})
_POSSESSIVE = ("'s", "’s", "'", "’")


def _initials(name: str) -> str:
    """ "Office of Personnel Management" -> "OPM"."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in _MINOR).upper()


def _bare(text: str) -> str:
    """A mention's words without a possessive ending or full stops: "PSPC’s" -> "PSPC"."""
    for ending in _POSSESSIVE:
        if text.endswith(ending):
            text = text[: -len(ending)]
            break
    return text.replace(".", "")


def _full(mention: Mention) -> bool:
    """An organisation named in full: more than one word."""
    return mention.kind == EntityKind.ORG and " " in mention.name


def _defined(doc: Doc, mentions: Sequence[Mention]) -> dict[str, Mention | None]:
    """The acronyms the article defines in brackets straight after an organisation's full name
    (module docstring), each with that organisation; None for one defined for two."""
    found: dict[str, Mention | None] = {}
    for mention in mentions:
        if not _full(mention):
            continue
        match = _DEFINED.match(doc_text(doc)[mention.end : mention.end + 12])
        if match is None:
            continue
        acronym, initials = match.group(1), _initials(mention.name)
        if acronym[0] != initials[:1] or len(acronym) > len(initials):
            continue  # "Ports, Shipping and Pilotage Canada (PSPC)" tagged "Pilotage Canada"
        before = found.get(acronym, mention)
        found[acronym] = mention if before is not None and before.key == mention.key else None
    return found


class ShortForms:
    """The acronyms of one article's organisations (module docstring)."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.defined = _defined(doc, mentions)
        self.by_initials: dict[str, set[str]] = {}
        self.fulls: dict[str, Mention] = {}
        for mention in mentions:
            if _full(mention):
                self.by_initials.setdefault(_initials(mention.name), set()).add(mention.key)
                self.fulls[mention.key] = mention

    def rewrite(self, mentions: Sequence[Mention]) -> list[Mention]:
        """The mentions with every acronym of an organisation rewritten under that
        organisation's name and key (a place's or a people's acronym stays as it is)."""
        out = []
        for mention in mentions:
            target = None
            if mention.kind not in {EntityKind.PLACE, EntityKind.GROUP}:
                target = self.target(_bare(mention.text))
            if target is None or target.key == mention.key:
                out.append(mention)
            else:
                out.append(replace(mention, name=target.name, key=target.key, kind=EntityKind.ORG))
        return out

    def target(self, written: str) -> Mention | None:
        """The organisation an acronym stands for, or None: the one the article defines it
        for, else the one organisation named in full whose initials it is."""
        if not _ACRONYM.match(written):
            return None
        if written in self.defined:
            return self.defined[written]
        keys = self.by_initials.get(written, set())
        return self.fulls[next(iter(keys))] if len(keys) == 1 else None
