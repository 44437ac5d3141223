"""The line rules of the boilerplate cleaner: reason names and the regex families behind them.

Each family shares a reason and a word cap, so a body sentence that merely mentions "subscribe"
or "comment" is never taken for the widget. `analysis.cleaning` applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- reason names -------------------------------------------------------------------------

SUBSCRIBE = "subscribe prompt"
WIDGET = "page widget"
LOGO = "outlet logo"
BYLINE = "byline"
PUBLISHED = "publication line"
BIO = "author bio"
SHARE = "share/follow"
READ_MORE = "read-more link"
AVATAR = "avatar"
COMMENTS = "comment widget"
RELATED = "related links"
CREDIT = "image credit"
CAPTION = "photo caption"
URL = "bare url"
LICENSE = "licensing footer"
DONATION = "donation prompt"
DISCLAIMER = "disclaimer"
INTEREST = "interest widget"
VIDEO = "video teaser"
JUNK = "junk fragment"
NAVIGATION = "navigation"
ADVERT = "advertisement"
DUPLICATE = "duplicate line"
PAYWALL = "paywall or licence notice"

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# An explicit day-month-year date, as written in bylines, captions and datelines.
FULL_DATE = (
    rf"(?:{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
_TIME = (
    r"(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:GMT|UTC)[+-]?\d{0,2}|\s*[A-Z]{2,4})?"
)
# A line that is only a date stamp: "Friday, Jan. 17, 2025 2:14 PM GMT Updated 2 hours ago".
DATE_STAMP = (
    rf"^(?:\w+day,?\s+)?(?P<date>{FULL_DATE})(?:[\s,|·•–—-]*{_TIME})?"
    r"(?:[\s,|·•–—-]*(?:updated|last updated|modified)\b.*)?$"
)


@dataclass(frozen=True)
class _Rule:
    """A line rule: `pattern` counts only on lines of at most `max_words` words that, unless
    `sentence_ok`, do not end like a sentence."""

    reason: str
    max_words: int
    pattern: re.Pattern[str]
    sentence_ok: bool = True


def _family(
    reason: str,
    max_words: int,
    *patterns: str,
    flags: int = re.IGNORECASE,
    sentence_ok: bool = True,
) -> tuple[_Rule, ...]:
    """Compile one family of patterns that share a reason and a length guard."""
    return tuple(_Rule(reason, max_words, re.compile(p, flags), sentence_ok) for p in patterns)


_RELATED_HEADS = (
    r"latest( (news|stories|articles|videos))?|you (might|may) (also )?like|related"
    r"( (articles|stories|posts|content|coverage|news|reading|topics))?|more (from|on|in|about)\b.*"
    r"|more (stories|news)|read (more|next|also)|see also|also read|recommended( for you| reading)?"
    r"|trending( now| stories)?|most (popular|read|viewed|shared)|popular (posts|stories|now)"
    r"|(view|see) more|editor'?s picks|top stories|up next|what to read next|further reading"
)
_NAME = r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2}"
_ROLE_WORDS = (
    r"(?:Reporter|Correspondent|Editor|Writer|Contributor|Columnist|Journalist|Producer"
    r"|Analyst|Fellow|Staff|Chief)"
)
_ROLE_BYLINE = _family(
    BYLINE,
    10,
    rf"^{_NAME}(?:\s*[,|–—-]\s*|\s+)(?:[A-Z][\w'’.&-]*(?: (?:[A-Z][\w'’.&-]*|and|of|for|on|&))* )?"
    rf"{_ROLE_WORDS}$",
    flags=0,
    sentence_ok=False,
)
_SIGNATURE = re.compile(rf"^{_NAME},\s+(?:The\s)?[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*){{0,3}}$")
_AUTHOR_LINE = re.compile(r"^(author|written by|about the author)\b", re.IGNORECASE)
# Words of a subscription pitch, for the lines after a paywall notice (`cleaning._mark_pitch`).
PITCH_WORDS = re.compile(
    r"\b(subscri\w*|membership|members|log ?in|sign in|join now|digital access)\b", re.IGNORECASE
)

_LINE_RULES: tuple[_Rule, ...] = (
    # what a paywall or a reprint licence shows instead of the article (a page whose body is
    # only this is refused as "not an article (paywall or licence notice)", see bot.services)
    *_family(
        PAYWALL,
        60,
        r"\bthis copy is for your personal,? non-?commercial use only\b",
        r"\bto order presentation-ready copies\b",
        r"\b(djreprints\.com|parsintl\.com)\b",
        r"^(please )?(subscribe|sign in|log ?in|register)( now| today)? to (continue|keep)"
        r" reading\b",
        r"^(to )?(continue|keep) reading,? (please )?(subscribe|sign in|log ?in|register)\b",
        r"^(this|the) (article|story|content) is (only )?(available )?(for|to) (paying |premium )?"
        r"(subscribers|members)\b",
        r"^you('ve| have) (reached|used|read) (your|all|the) .{0,30}\bfree (articles?|stories"
        r"|reads)\b",
        r"^(subscribe|subscription required|premium content|subscribers only)\s*[.!:]?$",
        # "To view the full story, please subscribe to The Haitian Times."
        r"^(to )?(view|read|see|access|unlock) (the )?(full|whole|entire|complete|rest of the)"
        r" (story|article)\b.{0,40}\b(subscribe|sign in|log ?in|register)\b",
    ),
    *_family(
        SUBSCRIBE,
        10,
        r"^subscribe\b",
        r"^sign (up|in)\b",
        r"^(log ?in|register|create (a |an )?(free )?account)\b",
        r"^(become|join) (a |an )?(paid |premium )?(member|subscriber|insider)s?\b",
        r"^already (a|an) (paid )?(subscriber|member)\b",
    ),
    *_family(
        SUBSCRIBE,
        25,
        r"^(to )?continue reading (this|the) (article|story)\b",
        r"^(get|enjoy|unlock|gain|continue)\b.*\b(unlimited|limited) (website |digital )?access",
        r"^cancel (or pause )?(at )?any ?time\b",
        r"\b(delivered|sent|straight|direct(ly)?) (straight |directly )?to your inbox\b",
        r"\bwhich email you used\b|\bmanage your subscription\b",
        r"^(get|receive|join|try) .{0,40}\b(newsletters?|free trial|subscription)\b",
        r"^you('ve| have) (reached|read) (your|all) .{0,30}(articles?|limit)",
    ),
    # a newsletter's pitch runs longer than a button ("Get the Morning Fix and the new Afternoon
    # Fix delivered to your inbox or mobile device for easy access to the top political stories
    # of the day."), but no report opens with "Get ... delivered to your inbox"
    *_family(
        SUBSCRIBE,
        40,
        r"^(get|receive|have)\b.{0,60}\b(delivered|sent)\b.{0,20}\bto your (inbox|e-?mail|phone)\b",
    ),
    *_family(
        WIDGET,
        5,
        r"^(font|text) size:?$",
        r"^(reading time|listen)\s*:",
        r"^(a-? ?a\+?|\d+ min(ute)?s? read|listen( to (this )?(article|story))?|bookmark)$",
        r"^([-•*]\s+)?(print|save)( this)?( article| page| for later)?$",  # "- Print Article"
        r"^([-•*]\s+)?order reprints?$",
    ),
    *_family(LOGO, 8, r"\blogo$", r"^logo\b"),
    *_family(BYLINE, 8, r"^(By|BY):?$", r"^(By|BY)\s+[A-Z][^.!?]*$", flags=0),
    *_family(
        BYLINE, 8, r"^(author|written by|words by|reporting by)\s*:?\s+\S", r"^about the author$"
    ),
    *_family(
        PUBLISHED,
        12,
        r"^(first )?(published|updated|posted|last updated|last modified)"
        r"(\s+on)?\s*:?(\s+.*\d.*)?$",
    ),
    *_family(PUBLISHED, 15, DATE_STAMP),
    *_family(
        NAVIGATION,
        12,
        r"^[^.!?/|>›»]{1,30}(\s[/|>›»]\s[^.!?/|>›»]{1,30}){2,8}$",
        r"^(tags?|topics?|filed under|categories|category|keywords)\s*:",
        sentence_ok=False,
    ),
    *_family(
        ADVERT,
        6,
        r"^(advertisement|advertising|sponsored( content)?|promoted( content)?|ad)$",
        r"^(story|article) continues (below|after)\b",
    ),
    *_family(
        SHARE,
        12,
        r"^(follow|like|find|join)\s+.{1,40}\s+on\s+(twitter|x|facebook|instagram|telegram|linkedin"
        r"|bluesky|threads|youtube|tiktok|mastodon|truth social)\b",
        r"^send (news |story )?tips\b",
        r"^(got|have) a (news )?tip\b",
        r"^share( this( article| story| page)?)?( on| via|:|$)",
        r"^(tweet|e-?mail|whatsapp|telegram|facebook|twitter|linkedin|reddit|copy (link|url))$",
        r"^(click|tap) (here )?to (share|tweet|email|print)\b",
    ),
    # an embedded social feed's stamp and buttons, run into the next post's words when a page was
    # saved as text ("#fireworks 12:21 pm ET February 11 , 2013 RETWEET Well , you ca n't say"):
    # its date is the feed's, never the article's
    *_family(
        SHARE,
        40,
        rf"\d{{1,2}}:\d{{2}}\s*[ap]m\s+[A-Z]{{2,4}}\s+{FULL_DATE}\s+(RETWEET|REPLY|FAVORITE|LIKE)\b",
        flags=0,
    ),
    *_family(
        READ_MORE,
        6,
        r"^(keep|continue) reading\b",
        r"^read (the )?(full|whole) (story|article)\b",
        r"^(show|load|see) (more|all)$",
    ),
    *_family(AVATAR, 6, r"\bavatar$", r"^(author|profile) (photo|picture|image)$"),
    *_family(
        COMMENTS,
        8,
        r"^(leave|post|add|write|submit) (a |your )?(comment|reply|response)\b",
        r"^what do you think\??$",
        r"^notify of\b",
        r"^\d*\s*inline feedbacks?$",
        r"^(view|show|load|see|read) (all )?(\d+ )?comments?\b",
        r"^\(?\d*\)?\s*comments?\s*(\(\d+\))?:?$",
        r"^(join|start) the (discussion|conversation)\b",
        r"^be the first to comment\b",
        r"^(you must be )?log(ged)? ?in to (post a )?(comment|reply)\b",
        r"^(oldest|newest|most voted|most liked|top comments)$",
        r"^comments? (are|is) closed\b",
    ),
    *_family(RELATED, 8, rf"^({_RELATED_HEADS})\s*[:▸›»>→.…]*$"),
    *_family(RELATED, 25, r"^(related|read more|see also|also read|read also)\s*[:|]\s*\S"),
    *_family(
        CREDIT,
        30,
        r"^\(?\s*(image|photo|picture|video|illustration)\s+(credit|courtesy|source)s?\s*:",
        r"^(photo )?credits?\s*:",
        r"^\(?\s*(getty images|reuters|ap photo|afp|shutterstock|epa)(\s*/[^)]*)?\)?$",
    ),
    *_family(CAPTION, 80, r"^(photo|photos|image|picture|pictured|caption|file photo)\s*:\s"),
    *_family(
        CAPTION,
        25,
        r"^(photo\s+)?(composite\s+)?(illustration|photograph|photo|image|picture)\s+(of|shows?"
        r"|showing)\b",
        sentence_ok=False,
    ),
    *_family(
        CAPTION,
        60,
        r"[.!?]Play[A-Z]",
        r"[a-z)]\s*/\s*(AP|AFP|Reuters|Getty Images|EPA|Sputnik|TASS|Shutterstock|Xinhua|Bloomberg)"
        r"( Photo| Images| via Getty Images)?\)?$",
        flags=0,
    ),
    *_family(URL, 1, r"^(https?://|www\.)\S+$"),
    *_family(
        LICENSE,
        60,
        r"\bcontent created by\b.*\bavailable\b",
        r"\blicensing opportunit",
        r"\ball rights reserved\b",
        r"^(©|\(c\)\s*\d{4}|copyright\s+(©\s*)?\d{4})",
        r"\bmay not be (re)?published,? broadcast\b",
        r"\breprints? (and|&) permissions\b",
    ),
    *_family(
        DONATION,
        25,
        r"^(please )?(support|help|donate to|back|join)\b.{0,60}\bon (patreon|paypal|ko-fi|boosty"
        r"|subscribestar)\b",
        r"^help us (grow|keep|continue|stay)\b",
        r"^support (us|our (work|journalism|reporting)|independent (media|journalism))\b",
        r"^(please )?(donate|make a donation|chip in|buy me a coffee)\b",
        r"\b(ko-fi\.com|patreon\.com|paypal\.me)\b",
    ),
    *_family(
        DISCLAIMER,
        60,
        r"\b(views|opinions)\b.{0,80}\b(are|is) (solely |entirely |only )?(those|the views"
        r"|the opinions) of the (author|writer|contributor)s?\b",
        r"\bdo(es)? not necessarily (reflect|represent) (the (official )?(views|opinions|position"
        r"|policy)|those) of\b",
        r"^disclaimer\s*:",
    ),
    *_family(
        INTEREST,
        25,
        r"^interested in\b[^.!]{0,60}\?$",
        r"^add (as an )?interests?\b",
        r"^(follow|add) (this )?(topic|interest)s?\b",
    ),
    *_family(VIDEO, 15, r"^(WATCH|VIDEO|LISTEN|PODCAST)\b", flags=0, sentence_ok=False),
    *_family(VIDEO, 15, r"^(watch|video|listen|podcast)\s*:", r"^\(?video\)?$"),
)
