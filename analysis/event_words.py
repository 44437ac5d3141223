"""Word lists the event rules read: reporting verbs, states, plans, person roles.

Lemmas, lower case. They are kept apart so that the rules read as rules and the lists can grow
without touching them.
"""

from __future__ import annotations

# A clause that reports speech or thought: what it reports is its content ("X said that ...").
REPORTING = frozenset(
    {"say", "tell", "add", "note", "announce", "report", "write", "tweet", "post", "state"}
    | {"claim", "argue", "warn", "explain", "insist", "confirm", "reveal", "declare", "predict"}
    | {"suggest", "acknowledge", "admit", "deny", "believe", "think", "pledge", "promise", "vow"}
    | {"ask", "urge", "recall", "stress", "emphasize", "emphasise", "indicate", "testify"}
    | {"allege", "contend", "conclude", "estimate", "complain", "agree", "respond", "reply"}
    | {"answer", "comment", "remark", "observe", "signal", "hint", "concede", "caution"}
    | {"forecast", "speculate", "demand", "assert", "maintain", "disclose", "show", "find"}
)
# Clauses that tell a state, not a happening, whatever their tense.
STATES = frozenset(
    {"be", "have", "remain", "seem", "appear", "mean", "include", "reflect", "represent"}
    | {"belong", "contain", "exist", "stay", "lie", "need", "want", "require", "depend"}
    | {"matter", "look", "sound", "feel", "know", "consider", "regard", "own", "hold"}
)
# States told even in the past tense: "the 2020 process reflected the wariness of elites".
RELATIONS = frozenset(
    {"reflect", "represent", "mean", "include", "contain", "remain", "seem", "appear", "belong"}
    | {"exist", "depend", "matter", "resemble", "mirror", "embody", "comprise", "involve"}
)
# Words that put what follows them in the future: "is due to meet", "expects to release".
PLANS = frozenset(
    {"due", "set", "scheduled", "schedule", "expected", "expect", "slate", "slated", "poised"}
    | {"plan", "aim", "intend", "hope", "prepare", "go", "going", "about", "propose", "seek"}
    | {"forecast", "predict", "project", "likely", "unlikely", "ready", "bound", "poise"}
    | {"supposed"}  # "was only supposed to take effect in August" (round 19)
)
# Participles that put a thing in the future: "coming in e-book June 9", "upcoming".
COMING = frozenset({"come", "upcoming", "forthcoming"})
# Modals of possibility: a reported clause with one tells a speculation, not a happening.
SPECULATIVE = frozenset({"could", "might", "may"})
# A person named by role is described by a date, not dated by it ("2020 Democratic candidate").
PERSON_ROLES = frozenset(
    {"candidate", "nominee", "champion", "winner", "loser", "president", "senator", "member"}
    | {"graduate", "alumnus", "laureate", "hopeful", "contender", "rookie", "veteran", "mvp"}
    | {"chair", "chairman", "chairwoman", "founder", "author", "director", "leader", "star"}
    | {"recipient", "finalist", "holder", "inductee", "governor", "mayor", "minister"}
    # people named by their part in a dated happening: "the Oct. 7 terrorists", "three of the
    # Oct. 7 hostages", "the Jan. 6 rioters" (round 25)
    | {"terrorist", "attacker", "hijacker", "rioter", "gunman", "shooter", "bomber", "militant"}
    | {"assailant", "perpetrator", "insurrectionist", "kidnapper", "hostage", "captive"}
    | {"victim", "survivor", "protester", "protestor", "demonstrator"}
)
# Works a year describes as their own ("the 2016 film", "her 2005 memoir"): the year is the work's,
# not the sentence's happening.
WORKS = frozenset(
    {"film", "movie", "album", "book", "novel", "memoir", "song", "single", "record", "series"}
    | {"documentary", "play", "musical", "poem", "painting", "opera", "show", "sitcom", "game"}
    | {"biography", "essay", "report", "study", "paper", "law", "act", "treaty", "version"}
    | {"bill", "budget"}  # "the 2016 defense authorization bill": a fiscal year names it
)
# A document a clause dates as it describes it ("a letter dated Oct. 12", "a report published on
# Wednesday"): when a reporting clause speaks through the document, its date is the report's.
PUBLISHING = frozenset(
    {"date", "publish", "release", "issue", "post", "send", "file", "sign", "write", "unveil"}
    | {"air", "broadcast", "deliver", "submit", "circulate"}
)
