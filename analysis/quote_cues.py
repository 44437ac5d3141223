"""Which verbs are speech verbs: the cue list and the test a quote's verbs are put to.

Apart from the rules so that the speaker resolver (for "he said" chains) and the stored-name
repairs can read the same list without importing the quote rules.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.quote_verbs import speech_idiom
from analysis.speaker_words import word_set

CUE_VERBS = word_set(
    """say tell add call explain state declare insist warn note write ask describe urge hail reply
    respond answer claim concede admit argue assert announce acknowledge affirm comment complain
    confirm deny emphasize emphasise exclaim observe predict promise recall remark report reiterate
    stress suggest vow whisper shout tweet pledge conclude boast contend counter maintain quip
    proclaim laud lament caution demand dub term assure reveal recount testify mention joke plead
    muse scoff continue post agree laugh sigh marvel interject reason opine bark snap retort
    rebut remember allege accuse criticize criticise condemn denounce dismiss praise thank
    admonish estimate indicate exhort"""
)
# Reply verbs that, negated, say someone spoke no words ("did not respond to a request for
# comment", "has not commented"); "did not deny" or "did not say" still report a position.
_SILENT_WHEN_DENIED = word_set("respond reply answer comment return")
# Cue verbs that are speech only without a complement of their own.
_GOES_ON = frozenset({"continue"})
_PHRASAL_CUES = {"go": "on", "fire": "back", "shoot": "back", "hit": "back", "bark": "back"}


_REQUESTS = frozenset({"ask"})


def is_cue(token: Token) -> bool:
    """A speech verb: "said", "told", "insists", "called", "according", "went on", "shot back"."""
    if not token.tag_.startswith("VB"):
        return False
    lemma = token.lemma_.lower()
    if lemma in _SILENT_WHEN_DENIED and _denied_without_words(token):
        return False  # "“…” Chairman X did not respond to a request for comment."
    if (lemma in _GOES_ON and any(c.dep_ in {"xcomp", "dobj"} for c in token.children)) or (
        lemma in _REQUESTS and _asks_for_a_deed(token)
    ):
        # "Acme will continue to raise prices": not "“…,” she continued"; "“….” Keller would
        # later ask to meet her sister": a request, not a question
        return False
    if lemma in CUE_VERBS:
        return True
    particle = _PHRASAL_CUES.get(lemma)
    if particle is not None and any(
        c.dep_ in {"prt", "advmod"} and c.lower_ == particle for c in token.children
    ):
        return True
    return speech_idiom(token)  # "As Vulture put it", "pointed out"


def _asks_for_a_deed(verb: Token) -> bool:
    """ "ask to meet her sister", "asked him to leave": "ask" with a to-infinitive asks for a
    deed, not a question, so it says no words of a quotation outside its phrase (one inside
    it, "asked him to “stop the war”", "asked the crowd to welcome the governor - “my new best
    friend”", keeps it)."""
    if any(t.is_quote for t in verb.subtree):
        return False
    return any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def _denied_without_words(verb: Token) -> bool:
    """ "X did not respond to a request for comment": a negated reply verb with no quotation
    after it in its own phrase gave no words, so it is no cue for a quotation before it (one
    after it, "they did not respond to what is called “use it or lose it”", keeps it)."""
    if not any(c.dep_ == "neg" for c in verb.children):
        return False
    return not any(t.i > verb.i and t.is_quote for t in verb.subtree)
