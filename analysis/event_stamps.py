"""Time stamps and wire datelines a page leaves around a story's first line: metadata, no events.

Shapes seen in news text (issue 12, round 9), each a date with what only a page's furniture
writes around a date:

- a reader comment's stamp: the date, its clock time and a bar ("March 9, 2011 at 10:25 am |
  Reply"); a sentence never goes on that way; a chat post's signature, a dash, the date and its
  clock time ("... or anything, but... -- June 02, 2010 2:03 PM How do you feel ..."); a comment's
  header ("At 4:15 pm on 11 Jun 2009, JamesJester wrote: ...");
- a wire dateline opening the story: the date after nothing, a place in capitals or a page's
  stamp, and before the agency in brackets and a dash ("Aug 21 (Reuters) - Libyan rebels
  entered ...", "... 12:25 am EDT ATLANTA Oct 21 (Reuters Legal) - U.S. groups filed ...");
  a dash alone is no sign: "June 5 - Protesters marched" is a dated list's entry;
- a photo's note in brackets ("Health Minister Jose Cordova (pictured above with President
  Calderon last week; ...) was visibly relieved"): when the picture was taken, not the story;
- a post's stamp opening its line, its clock time and zone and a double dash ("May 15, 2009
  14:06 UTC -- Paul Sousa is co-founder of ...", round 14);
- a broadcast transcript's stamp: "Aired February 3, 2011 - 12:00 ET" (round 14);
- a page's clock stamp ("RABAT | Sat Feb 26, 2011 12:58 pm EST RABAT (Reuters) - ... said on
  Saturday"): the date, then a clock time. It is metadata only when a later date of its
  sentence dates the story: a headline whose only date is its stamp ("Five schools shut ...
  Tuesday 5 May 2009 14.37 BST") keeps it, the day of its news.
"""

from __future__ import annotations

import re

_CLOCK = r"\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?|[AP]M)?"
_ZONE = r"(?:[A-Z]{1,2}[SD]?T|GMT|UTC|BST)"
_COMMENT_STAMP = re.compile(rf"^,?\s*(?:at\s+)?{_CLOCK}\s*(?:{_ZONE}\s*)?\|")
# a stamp's clock time says am/pm, its zone or its seconds: "12:58 pm EST", "14.37 BST",
# "21:41:00" (not "at 10:30")
_CLOCK_AFTER = re.compile(
    rf"^,?\s*(?:\d{{1,2}}:\d\d:\d\d|"
    rf"\d{{1,2}}[:.]\d\d\s*(?:(?:[ap]\.?m\.?|[AP]M)(?:\s*{_ZONE})?|{_ZONE}))(?![\w.])"
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_STAMP_BEFORE = re.compile(r"(?i)(?:^|[|:])\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?$")
_AGENCY_AFTER = re.compile(r"^,?\s*(?:\d{4}\s*)?\(\s*[A-Z][\w .-]{1,25}\)?\s*[-–—]")
_WIRE_BEFORE = re.compile(
    rf"(?:^|\||\b{_ZONE})\s*(?:[A-Z][A-Z .'’/\\-]{{1,40}}(?:,\s*[A-Z][\w .'’-]{{1,30}})?,?)?\s*$"
)


_SIGNATURE_BEFORE = re.compile(r"(?:--|[—–])\s*$")
# the post's clock time with am/pm or zone; the next post may run on after it on the line
_SIGNATURE_AFTER = re.compile(
    rf"^,?\s*(?:at\s+)?\d{{1,2}}[:.]\d\d\s*(?:[ap]\.?m\.?|[AP]M|{_ZONE})(?![\w.])"
)
# the header may follow the last comment's words on the same line ('I send my love At 20:58
# 24th Mar 2010, Gemma wrote:'): its "wrote:" after the date says what it is
_HEADER_BEFORE = re.compile(rf"(?:^|\s)At\s+{_CLOCK}\s*(?:{_ZONE}\s*)?(?:on\s+)?$")
_HEADER_AFTER = re.compile(r"^,?\s*[\w.'’-]{1,40}(?:\s+[\w.'’-]{1,40}){0,3}\s+wrote\s*:")
_POST_AFTER = re.compile(rf"^,?\s*{_CLOCK}\s*(?:{_ZONE}\s*)?(?:--|[—–])")
_AIRED_BEFORE = re.compile(r"\bAired\s*(?:on\s+)?$")
_AIRED_AFTER = re.compile(rf"^,?\s*(?:[-–—]|at)\s*{_CLOCK}")
# "Page last updated at 11:50 GMT, Friday, 29 January 2010": a BBC page's stamp
_PAGE_UPDATED = re.compile(rf"(?i)\bpage\s+last\s+updated\s+at\s+{_CLOCK}\s*(?:{_ZONE})?\W*$")
# a print or correction note closing the page (round 16): "A version appeared on p40 of the Main
# section section of the Guardian on 19 June 2010", "A version of this article appears in print on
# June 13, 2010, on page A1", "This article was amended on 18 June 2010"
_PRINT_NOTE = re.compile(
    r"(?i)(?:\b(?:appeared|appears)\s+on\s+p(?:age)?\s*[A-Z]?\d+\s+of\s+the\s+"
    r"(?:[^.!?]|\d[.:]\d){0,80}?"  # a clock may come before the date: "on 01.35 GMT on"
    r"|\bappears\s+in\s+print"
    r"|\b(?:article|story|piece)\s+was\s+(?:amended|corrected))(?:\s+on)?\s*$"
)
_PHOTO_NOTE = re.compile(r"(?i)\(\s*(?:pictured|photographed|shown|seen)\b[^()]*$")


def photo_note(before: str) -> bool:
    """Whether the date lies in a photo's note in brackets: '(pictured above with the
    president last week; ...)', or is a page's update stamp ('Page last updated at 11:50 GMT,
    Friday, 29 January 2010') or print note ('appeared on p40 of the Main section of the
    Guardian on 19 June 2010', 'This article was amended on 18 June 2010')."""
    page = bool(_PAGE_UPDATED.search(before)) or bool(_PRINT_NOTE.search(before))
    return bool(_PHOTO_NOTE.search(before)) or page


def comment_stamp(written: str, before: str, after: str) -> bool:
    """Whether a date is a comment's stamp: its clock time and a bar after it ('at 10:25 am |'),
    a chat post's signature closing its line ('... but... -- June 02, 2010 2:03 PM'), or a
    comment's header ('At 4:15 pm on 11 Jun 2009, JamesJester wrote: ...')."""
    if _COMMENT_STAMP.match(after):
        return True
    signed = _SIGNATURE_BEFORE.search(before) and _SIGNATURE_AFTER.match(after)
    if signed and _YEAR.search(written):  # not "The vote was held -- on Tuesday at 10:30 am"
        return True
    if not before.strip() and _YEAR.search(written) and _POST_AFTER.match(after):
        return True  # "May 15, 2009 14:06 UTC -- Paul Sousa is ..."
    return bool(_HEADER_BEFORE.search(before)) and bool(_HEADER_AFTER.match(after))


def broadcast_stamp(before: str, after: str) -> bool:
    """Whether a date is a transcript's air stamp: 'Aired February 3, 2011 - 12:00 ET'."""
    return bool(_AIRED_BEFORE.search(before)) and bool(_AIRED_AFTER.match(after))


def wire_dateline(before: str, after: str) -> bool:
    """Whether a date is a wire story's dateline: its line holds before it nothing, a place in
    capitals or a page's clock stamp, and after it the agency in brackets and a dash."""
    return bool(_AGENCY_AFTER.match(after)) and bool(_WIRE_BEFORE.search(before))


def clock_stamp(written: str, before: str, after: str) -> bool:
    """Whether a date with its year opens its line, or follows a bar or a colon ('RABAT | Sat
    Feb 26, 2011', 'updated: Mon Jul 18 2011'), and is followed by a clock time and its am/pm
    or zone (a stamp when a later date of its sentence dates the story; prose says 'on Monday
    at 10:30 a.m.', and a stamp after a headline is the day of its news)."""
    if not _YEAR.search(written) or not _CLOCK_AFTER.match(after):
        return False
    return bool(_STAMP_BEFORE.search(before))
