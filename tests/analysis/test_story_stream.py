"""A page that streams several whole stories keeps the one it is named after (issue 12)."""

from __future__ import annotations

from lxml.html import HtmlElement
from trafilatura.utils import load_html

from analysis.html_extract import extract_html
from analysis.story_stream import keep_named_story


def story(heading: str, sentence: str, times: int = 15) -> str:
    """A whole story: a heading and 15 paragraphs of 7 or 8 words each."""
    paragraphs = "".join(f"<p>{sentence} Paragraph {n} goes on.</p>" for n in range(times))
    return f"<article><h2>{heading}</h2>{paragraphs}</article>"


def page(title: str, *stories: str) -> str:
    return (
        f"<html><head><title>{title} | The Daily</title>"
        f'<meta property="og:title" content="{title}"></head>'
        f"<body><main>{''.join(stories)}</main></body></html>"
    )


def tree_of(html: str) -> HtmlElement:
    tree = load_html(html)
    assert tree is not None
    return tree


FLOOD = story("River floods the old town after a week of rain", "The river rose overnight.")
BUDGET = story("Council approves the budget for next year", "Councillors voted in favour.")
MARKET = story("Market reopens on Saturday", "Traders returned to their stalls.")


def test_a_stream_keeps_the_story_the_page_is_named_after() -> None:
    tree = tree_of(page("River floods the old town after a week of rain", FLOOD, BUDGET, MARKET))
    assert keep_named_story(tree) == 2
    text = tree.text_content()
    assert "The river rose overnight." in text and "Councillors" not in text
    assert "Traders" not in text


def test_the_named_story_need_not_come_first() -> None:
    tree = tree_of(page("Council approves the budget for next year", FLOOD, BUDGET))
    assert keep_named_story(tree) == 1
    assert "Councillors voted" in tree.text_content()
    assert "river rose" not in tree.text_content()


def test_a_page_whose_title_names_no_story_is_left_whole() -> None:
    tree = tree_of(page("Today's news in brief", FLOOD, BUDGET))
    assert keep_named_story(tree) == 0
    assert "river rose" in tree.text_content() and "Councillors" in tree.text_content()


def test_one_story_and_teaser_cards_are_not_a_stream() -> None:
    teaser = "<article><h2>Council approves the budget</h2><p>Read more.</p></article>"
    tree = tree_of(page("River floods the old town after a week of rain", FLOOD, teaser))
    assert keep_named_story(tree) == 0
    assert "Read more." in tree.text_content()


def test_the_stored_text_of_a_stream_page_is_its_own_story() -> None:
    extracted = extract_html(page("Council approves the budget for next year", BUDGET, FLOOD))
    assert "Councillors voted in favour." in extracted.text
    assert "The river rose overnight." not in extracted.text
