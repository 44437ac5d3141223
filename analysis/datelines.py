"""A wire story's dateline, cut from the front of a sentence that is shown to a member.

A wire story's first sentence carries its dateline: "WASHINGTON (Reuters) - The Fed raised
rates", "LONDON, Aug 22 (Reuters) - Gasoline prices fell", "(CNN) -- Egypt's president". Text
pasted from a wire page may also run the headline and a time stamp in front of it: "Time to go,
U.S. tells Gaddafi TRIPOLI | Sat Feb 26, 2011 6:49 pm EST TRIPOLI (Reuters) - Muammar
Gaddafi's grip ...". A timeline line or a key date tells what happened, so the shown sentence
starts after the agency's credit and its dash.

The stored sentence is left as it is (its offsets point into the article); only what a member
reads is cut. A sentence is cut only when the credit comes within its first DATELINE_REACH
characters and at least KEPT_AT_LEAST characters follow it, so a sentence that merely names an
agency in brackets keeps its words.

Text pasted from a wire page also splits into "sentences" that are only its dateline: "MEXICO CITY
| Tue Apr 28, 2009 12:49 am BST MEXICO CITY (Reuters) -" (the story's first words went into the
next sentence), "HONG KONG | Fri", "22.09 BST". `only_dateline` tells them, so that such a stub
is never shown as what happened on a day.

A page's own stamp also runs in front of its first sentence: "Wednesday 19 January 2005 08.47
GMT The first British soldier ...", "24 June 2010 Last updated at 14:59 GMT Help A year on ...",
"Page last updated at 08:03 GMT, Tuesday, 26 July 2011 09:03 UK Katherine Jackson ...",
"(5:25 p.m. Monday ET, 11:25 p.m. Monday in Libya) CNN's Ed Henry ...", "By Chris Cillizza |
September 16, 2008; 6:32 AM ET If Wall Street ...". It tells when the page was written, not what
happened, so what a member reads starts after it (`without_stamp`). A run of stamp words is cut
only when it holds a clock time and a date, a time zone or "updated", and a sentence follows it.
The Guardian also glues its headline in front of its full stamp ("Soldier wins first VC since
Falklands Friday 18 March 2005 12.47 GMT Private Johnson Beharry …"), or the stamp after a
headline shown alone, and a photograph's credit in front of the first sentence ("Photograph:
Sean Gardner/Reuters Shares in BP fell …"); those are cut from what a member reads as well.
"""

from __future__ import annotations

import re

DATELINE_REACH = 220  # the credit ends within this many characters of the start ...
KEPT_AT_LEAST = 40  # ... and this many characters of sentence follow it
STAMP_LONGEST = 60  # "Wednesday, September 29, 2010 11:45 p.m. EDT" and the like fit in it

_AGENCIES = (
    "Reuters|AP|AFP|CNN|Bloomberg|UPI|dpa|DPA|Xinhua|IANS|PTI|ANI|ANSA|EFE|Kyodo|Yonhap|"
    "Interfax|TASS|ITAR-TASS|RIA Novosti|Anadolu|MarketWatch|Dow Jones|CNBC|BBC|Al Jazeera|"
    "CBS News|NBC News|ABC News|Fox News|AAP|Canadian Press|The Canadian Press|CP|PA|KUNA|WAM|"
    "Yahoo News|Business Wire|PRNewswire|PR Newswire|GLOBE NEWSWIRE|Globe Newswire"
)
_CREDIT = re.compile(
    rf"\((?:{_AGENCIES})(?:\s*/\s*[A-Z][\w .-]{{0,40}})?\)\s*(?:-{{1,2}}|—|–|:)\s+",
)
_ENDING_CREDIT = re.compile(  # the credit with nothing after it: the story went on elsewhere
    rf"\((?:{_AGENCIES})(?:\s*/\s*[A-Z][\w .-]{{0,40}})?\)\s*(?:-{{1,2}}|—|–|:)\s*$",
)
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?"
_PHOTO_CREDIT = re.compile(r"(?:Photograph|Photo|Picture|Image|Credit)s?\s*:", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]+(?:\.[a-z])?")
_ENDING_BAR = re.compile(rf"\|\s*(?:{_WEEKDAY})?\s*$")  # "HONG KONG | Fri": a cut stamp
_STAMP_WORD = re.compile(  # the words a wire time stamp is made of
    r"(?i)(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov"
    r"|dec|january|february|march|april|june|july|august|september|october|november|december"
    r"|am|pm|a\.m|p\.m|gmt|bst|utc|edt|est|cdt|cst|mdt|mst|pdt|pst|cet|cest|ist|jst|hkt|uk|time"
)


_MONTH_NAME = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"  # "Sept.", "September"
)
_ZONE = r"(?:GMT|BST|UTC|UK(?:\s+time)?|[ECMP][SD]?T|CET|CEST|IST|JST|HKT)"
_CLOCK = r"\d{1,2}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?"
_STAMP_TOKEN = (
    rf"(?:{_CLOCK}|{_WEEKDAY}|{_MONTH_NAME}|\d{{1,2}}(?:st|nd|rd|th)?|(?:19|20)\d\d|{_ZONE}"
    r"|(?:Page\s+)?[Ll]ast\s+updated(?:\s+at)?|Updated|Published|Posted|Help"
    r"|in\s+[A-Z][a-z]+|\(an error occurred while processing this directive\))[,;:]?"
)
_STAMP_RUN = re.compile(  # "By Chris Cillizza | " first, then the stamp's words, in brackets or not
    rf"(?:By\s+[A-Z][^|]{{2,60}}\|\s*)?\(?(?:{_STAMP_TOKEN}\s+)*{_STAMP_TOKEN}\)?[,:]?\s+"
)
_HAS_CLOCK = re.compile(_CLOCK)
_HAS_DAY_OR_ZONE = re.compile(
    rf"{_MONTH_NAME}|{_WEEKDAY}|\b{_ZONE}\b|updated|\b(?:19|20)\d\d\b", re.IGNORECASE
)
_OPENS_SENTENCE = re.compile(r"[\"“‘'(]?[A-Z0-9]")
HEADLINE_WORDS = 15  # a headline glued in front of a page's full stamp has at most this many
_FULL_STAMP_BODY = (  # "Friday 18 March 2005 12.47 GMT": weekday, date, year, clock, zone
    rf"\b{_WEEKDAY},?\s+\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_NAME},?\s+(?:19|20)\d\d,?\s+"
    rf"{_CLOCK}\s+{_ZONE}\b"
)
_FULL_STAMP = re.compile(rf"{_FULL_STAMP_BODY}[,:]?\s+")
_ENDING_STAMP = re.compile(rf"\s+{_FULL_STAMP_BODY}[,:.]?\s*$")
_HEADLINE = re.compile(r"[A-Z0-9‘'\"“`][^.!?;:|]*\s")
_AGENCY = (
    r"(?:Getty(?:\s+Images)?|Rex(?:\s+Features)?|Reuters|AP|AFP|EPA|PA|Corbis|Alamy|Bloomberg"
    r"|Associated\s+Press|Press\s+Association|Sipa(?:\s+Press)?|White\s+House|Greenpeace|Xinhua"
    r"|UPI|[Pp]ool|HO|Ho|NASA|REUTERS|GETTY\s+IMAGES)"
)
_PHOTO_FRONT = re.compile(  # "Photograph: Sean Gardner/Reuters " in front of the sentence
    rf"(?:Photograph|Photo|Picture)s?\s*:\s*(?:[^/\\\n]{{1,40}}?\\?/)*{_AGENCY}\s+(?=[\"“‘'A-Z0-9])"
)


def without_stamp(text: str) -> str:
    """The sentence without the page's stamp in front of it ("Wednesday 19 January 2005 08.47
    GMT", "24 June 2010 Last updated at 14:59 GMT Help"), when a sentence follows the stamp;
    otherwise the sentence as it is."""
    found = _STAMP_RUN.match(text)
    if found is None:
        return _without_headed_stamp(text)
    stamp, rest = found.group(), text[found.end() :]
    if not _HAS_CLOCK.search(stamp) or not _HAS_DAY_OR_ZONE.search(stamp):
        return text
    if len(rest) < KEPT_AT_LEAST or not _OPENS_SENTENCE.match(rest):
        return text
    return rest


def _without_headed_stamp(text: str) -> str:
    """The sentence without a headline and the page's full stamp glued in front of it ("Soldier
    wins first VC since Falklands Friday 18 March 2005 12.47 GMT Private Johnson Beharry, 25,
    ..."): only a stamp with weekday, date, year, clock and zone, after at most HEADLINE_WORDS
    words with no sentence's end among them."""
    found = _FULL_STAMP.search(text)
    if found is None or found.start() == 0:
        return text
    head, rest = text[: found.start()], text[found.end() :]
    if not _HEADLINE.fullmatch(head) or len(head.split()) > HEADLINE_WORDS:
        return text
    if len(rest) < KEPT_AT_LEAST or not _OPENS_SENTENCE.match(rest):
        return text
    return rest


def without_photo_credit(text: str) -> str:
    """The sentence without a photograph's credit in front of it ("Photograph: Sean
    Gardner/Reuters Shares in BP fell …"): only a credit that ends in an agency's name, so the
    sentence's first word is known."""
    found = _PHOTO_FRONT.match(text)
    if found is None or len(text) - found.end() < KEPT_AT_LEAST:
        return text
    return text[found.end() :]


def without_ending_stamp(text: str) -> str:
    """The text without the page's full stamp at its end ("BP will 'pay every dime owed' for
    Gulf oil spill, Obama warns … Thursday 27 May 2010 23.18 BST"): a headline shown alone."""
    found = _ENDING_STAMP.search(text)
    if found is None or found.start() < KEPT_AT_LEAST:
        return text
    return text[: found.start()]


def without_dateline(text: str) -> str:
    """The sentence as a member reads it: without a wire dateline (and whatever ran in front of
    it) when it has one near its start, without a photograph's credit or the page's stamp in
    front of it, and without the page's stamp at its end."""
    return without_ending_stamp(without_stamp(without_photo_credit(without_credit(text))))


def without_credit(text: str) -> str:
    """The sentence without a wire dateline (and whatever ran in front of it), when it has one
    near its start; otherwise the sentence as it is."""
    found = _CREDIT.search(text, 0, DATELINE_REACH + 40)
    if found is None or found.start() > DATELINE_REACH:
        return text
    rest = text[found.end() :]
    if len(rest) < KEPT_AT_LEAST:
        return text
    return rest


def only_dateline(text: str) -> bool:
    """Whether the text is only a wire dateline or time stamp, nothing of a sentence in it: it
    ends with an agency's credit and its dash ("MEXICO CITY | Tue Apr 28, 2009 12:49 am BST
    MEXICO CITY (Reuters) -") or with a place's bar and at most a weekday ("HONG KONG | Fri"),
    and what comes before is names and a stamp (no lower-case word but a stamp's or a byline's
    "and"); or it is a photograph's credit ("Photograph: John Edwards/EPA"); or it is short and
    has no word but a stamp's and a place's in capitals ("22.09 BST", "19 JANUARY, 2200 GMT,
    PORT-AU-PRINCE"). A teaser run in front of a dateline ("House members traded recriminations
    anew ... WASHINGTON (AP) --") is a sentence."""
    tail = text.rstrip()
    end = _ENDING_CREDIT.search(text) if tail.endswith(("-", "—", "–", ":")) else None
    if end is None and "|" in tail[-12:]:  # looked for only where it can be: a few characters
        end = _ENDING_BAR.search(text)
    if end is None:
        end = _PHOTO_CREDIT.match(text)
        if end is not None:  # "Photograph: John Edwards/EPA": names after it, no words of a caption
            return all(w[0].isupper() for w in _WORDS.findall(text[end.end() :]))
    if end is not None:
        words = _WORDS.findall(text[: end.start()])
        return all(w[0].isupper() or w == "and" or _STAMP_WORD.fullmatch(w) for w in words)
    if len(tail) > STAMP_LONGEST or not any(c.isdigit() for c in tail):
        return False
    # a stamp and a place in capitals: "19 JANUARY, 2200 GMT, PORT-AU-PRINCE"
    words = _WORDS.findall(tail)
    return any(_STAMP_WORD.fullmatch(w) for w in words) and all(
        w.isupper() or _STAMP_WORD.fullmatch(w) for w in words
    )
