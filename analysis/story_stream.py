"""One story from a page that streams several: the one the page is named after.

Some sites show the next stories below the one a link points to, each a whole `<article>`
with its own heading (a "speed reads" column, an infinite-scroll page). The extractor then
reads them all as one article: quotes and dated events of other stories land in it. When a page
holds two or more whole stories (each at least MIN_STORY_WORDS words of paragraphs) and exactly
one of them is headed by the page's own title (`og:title`, else `<title>`), the other whole
stories are removed before extraction. Anything else is left as it is: a page whose title names
none of its stories, or that holds one story and a few teaser cards, is not a stream.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

MIN_STORY_WORDS = 100
MIN_HEADING_WORDS = 3
TITLE_SHARE = 0.8  # of the heading's words found in the page title
_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    """Lower-cased words (letters and digits) of a text."""
    return _WORD.findall(text.casefold())


def page_title(tree: HtmlElement) -> str:
    """The page's own title: `og:title` if given, else `<title>`."""
    for found in (
        tree.xpath("//meta[@property='og:title']/@content"),
        tree.xpath("//title//text()"),
    ):
        text = " ".join(str(t) for t in found).strip()
        if text:
            return text
    return ""


def _stories(tree: HtmlElement) -> list[HtmlElement]:
    """The outermost `<article>` elements that hold a whole story's paragraphs."""
    outermost = [
        a for a in tree.iter("article") if not any(p.tag == "article" for p in a.iterancestors())
    ]
    return [
        a
        for a in outermost
        if sum(len(_words(p.text_content())) for p in a.iter("p")) >= MIN_STORY_WORDS
    ]


def _heading(story: HtmlElement) -> list[str]:
    """The words of a story's first heading."""
    first = next(iter(story.iter("h1", "h2", "h3")), None)
    return _words(first.text_content()) if first is not None else []


def _named(heading: list[str], title: set[str]) -> bool:
    """The page title holds (nearly) all of the heading's words."""
    if len(heading) < MIN_HEADING_WORDS:
        return False
    return sum(w in title for w in heading) >= TITLE_SHARE * len(heading)


def keep_named_story(tree: HtmlElement) -> int:
    """Remove the whole stories other than the one the page is named after; how many went."""
    stories = _stories(tree)
    if len(stories) < 2:
        return 0
    title = set(_words(page_title(tree)))
    named = [s for s in stories if _named(_heading(s), title)]
    if len(named) != 1:
        return 0
    others = [s for s in stories if s is not named[0]]
    for story in others:
        story.drop_tree()
    return len(others)
