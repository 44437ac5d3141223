"""A declared publication moment written in a format other than ISO 8601.

Pages declare `datePublished` / `article:published_time` mostly in ISO 8601, but some write it
as a mail header ("Wed, 02 Feb 2022 09:12:22 +0100"), a Unix `date` line ("Tue Jan 28 15:28:56
CET 2020"), a JavaScript date ("Thu Nov 09 2023 04:59:25 GMT+0000 (UTC)"), a site's own
"Tue, Sep 15 2020 10:01:41 EDT" or compact ISO ("20201123T11:02:35Z"). trafilatura and htmldate
then find no markup date and htmldate's text search may take another story's day from the page
(a list of related stories), so every "on Tuesday" of the article counts from a wrong day.

Only a full moment is read: a month's name (or compact ISO's digits), a day, a four-digit year
and a clock time, so that no day-first/month-first guess is made ("04/05/2020" is left alone).
The moment is kept as written; it is UTC when the text says GMT, UTC, Z or a zero offset, else
its day is the writer's local day (a named zone such as EDT, or a non-zero offset).
"""

from __future__ import annotations

import datetime
import re
import warnings

from dateutil import parser

_MONTH = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?(?!\w)")
_COMPACT = re.compile(r"\s*\d{8}T\d{2}:?\d{2}")
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|2\d)\d{2}(?!\d)")
_UTC = re.compile(r"(?:\b(?:GMT|UTC)|(?<=\d)Z)(?![A-Za-z])|(?<![\d:])[+-]00:?00(?!\d)")
_NONZERO = re.compile(r"[+-](?!00:?00)\d{2}:?\d{2}(?!\d)|(?:GMT|UTC)\s*[+-]\s*0?[1-9]")
_ASIDE = re.compile(r"\([^()]*\)")  # "(UTC)", "(Coordinated Universal Time)"
_TWO_DEFAULTS = (datetime.datetime(2001, 1, 1), datetime.datetime(2002, 2, 2))


def read_moment(value: str) -> tuple[datetime.datetime, bool] | None:
    """The moment a non-ISO stamp writes (naive, as written) and whether it is in UTC; None when
    any of month, day, year or clock time is missing or the text is no date."""
    text = _ASIDE.sub(" ", value).strip()
    if not (_MONTH.search(text) or _COMPACT.match(text)) or len(text) > 60:
        return None
    if not (_CLOCK.search(text) and (_YEAR.search(text) or _COMPACT.match(text))):
        return None
    readings = set()
    for default in _TWO_DEFAULTS:
        try:
            with warnings.catch_warnings():  # unknown zone names ("EDT") are read as no zone
                warnings.simplefilter("ignore")
                readings.add(parser.parse(text, default=default, ignoretz=True))
        except (ValueError, OverflowError):
            return None
    if len(readings) != 1:
        return None  # a part came from the default: the stamp does not write it
    moment = readings.pop()
    return moment, bool(_UTC.search(text)) and not _NONZERO.search(text)
