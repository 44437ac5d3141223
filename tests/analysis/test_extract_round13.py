"""Round 13 of extraction (issue 12): page shapes that cut a story short or add furniture to it.

Invented pages of each shape: a body split into containers by ad slots, teaser cards (a whole
block inside one link) after the body, and a box of links set among the body's paragraphs; with
guards that must not change (a paragraph about advertising, a short last paragraph, a body
sentence that starts "Related:", links inside paragraphs, a list of the story's own points).
"""

from __future__ import annotations

from lxml.html import fromstring

from analysis.cleaning import clean_article_text
from analysis.extract_blocks import (
    drop_ad_labels,
    drop_link_boxes,
    drop_linked_blocks,
    join_split_body,
)
from analysis.html_extract import extract_html

P1 = (
    "<p>The harbour board in Kellmouth voted on Tuesday to close the old ferry pier for two "
    "years, ending a service that has run across the estuary since the first steamers.</p>"
)
P2 = (
    "<p>Board chair Mirela Oduya said the timber piles had rotted far faster than engineers "
    "expected, and that a new concrete pier would cost about 40 million pounds to build.</p>"
)
P3 = (
    "<p>“We cannot ask passengers to stand on a structure we no longer trust,” Oduya told "
    "reporters after the vote, adding that a temporary pontoon would open in the spring.</p>"
)
P4 = (
    "<p>Commuters who cross each morning said the closure would add an hour to their journeys, "
    "and the town's largest employer asked the board to lay on extra buses along the coast.</p>"
)
P5 = (
    "<p>“This is the lifeline of the whole peninsula,” said Tomas Brevik, who has run a cafe "
    "beside the ferry ramp for eleven years and fears his trade will not survive the wait.</p>"
)
P6 = (
    "<p>The board will publish its plans for the new pier in March, when residents will be "
    "asked to choose between two designs drawn up by the county's engineers.</p>"
)
WORDS = ("Kellmouth", "rotted", "cannot ask", "extra buses", "lifeline", "two designs")


def _page(body: str, after: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Kellmouth ferry pier to close for two years</title>
<meta property="og:title" content="Kellmouth ferry pier to close for two years">
<meta property="article:published_time" content="2025-02-04T10:00:00+00:00">
</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article class="story"><h1>Kellmouth ferry pier to close for two years</h1>
{body}</article>{after}</main>
<footer><p>© 2025 Estuary Times. All rights reserved.</p></footer></body></html>"""


def _stored(html: str) -> str:
    page = extract_html(html, "https://estuary.example/news/pier")
    return clean_article_text(f"{page.title}\n\n{page.text}").body


def _part(paragraphs: str) -> str:
    return (
        '<div class="story-grid__row"><div class="story-grid__text article-body">'
        f"{paragraphs}</div></div>"
    )


# --- a body split into sibling containers by ad slots ------------------------------------------


def test_an_advertisement_slot_does_not_end_the_body() -> None:
    ad = (
        '<aside class="rail">Advertisement</aside>'
        '<div class="slot slot--in-story">Advertisement</div>'
    )
    html = _page(_part(P1 + P2) + ad + _part(P3 + P4) + ad + _part(P5 + P6))
    text = _stored(html)
    assert all(w in text for w in WORDS)
    assert "Advertisement" not in text


def test_story_continues_below_advertisement_and_empty_slots_do_not_end_the_body() -> None:
    gap = (
        '<div class="ad-wrap"><p>Story continues below advertisement</p></div>'
        '<div class="slot"></div>'
    )
    html = _page(_part(P1 + P2) + gap + _part(P3 + P4) + '<div class="x"></div>' + _part(P5 + P6))
    text = _stored(html)
    assert all(w in text for w in WORDS)
    assert "continues below" not in text


def test_parts_are_joined_into_the_first_in_page_order() -> None:
    tree = fromstring(
        "<div><div class='body'>" + P1 + "</div><div class='ad'>ADVERTISEMENT</div>"
        "<div class='body'>" + P2 + "</div></div>"
    )
    assert join_split_body(tree) == 1
    bodies = tree.xpath("//div[@class='body']")
    assert len(bodies) == 1
    assert [p.text_content()[:20] for p in bodies[0].iter("p")] == [
        "The harbour board in",
        "Board chair Mirela O",
    ]


def test_containers_not_split_by_an_ad_slot_are_left_alone() -> None:
    # two same-class containers with a real block between them, and two cards with no ad between
    tree = fromstring(
        "<div><div class='body'>"
        + P1
        + "</div><h2>Next steps</h2><div class='body'>"
        + P2
        + "</div>"
        "<div class='card'><p>One</p></div><div class='card'><p>Two</p></div></div>"
    )
    assert join_split_body(tree) == 0
    assert len(tree.xpath("//div[@class='body']")) == 2


def test_a_paragraph_about_advertising_stays() -> None:
    advert = (
        "<p>Advertisement revenue at the harbour board's own magazine fell by a third last "
        "year, the board's accounts show, as local firms cut their spending.</p>"
    )
    html = _page(_part(P1 + P2 + advert + P3 + P4 + P5 + P6))
    assert "Advertisement revenue" in _stored(html)


def test_a_short_last_paragraph_stays() -> None:
    html = _page(_part(P1 + P2 + P3 + P4 + P5 + P6 + "<p>The vote was 7 to 2.</p>"))
    assert _stored(html).endswith("The vote was 7 to 2.")


def test_an_ad_label_inside_the_body_is_not_stored() -> None:
    slot = (
        '<section class="slot"><div class="slot__label">Advertisement 1</div>'
        '<div class="slot__label">Story continues below</div></section>'
    )
    text = _stored(_page(_part(P1 + P2 + P3 + slot + P4 + P5 + P6)))
    assert all(w in text for w in WORDS)
    assert "Advertisement" not in text and "continues below" not in text


def test_a_body_of_one_paragraph_per_container_with_ad_slots_is_joined() -> None:
    cards = [
        f'<div class="unit unit--text"><div class="unit__copy">{p}</div></div>'
        for p in (P1, P2, P3, P4, P5, P6)
    ]
    slot = '<div class="slot">Advertisement<script>fill()</script></div>'
    empty = '<div class="slot"></div>'
    body = cards[0] + cards[1] + slot + cards[2] + empty + cards[3] + cards[4] + slot + cards[5]
    tree = fromstring(f'<div class="units">{body}<div class="foot">Share this</div></div>')
    assert join_split_body(tree) == 5
    (first,) = tree.xpath("//div[@class='unit unit--text']")
    assert len(first.xpath(".//div[@class='unit__copy']")) == 1
    assert len(first.xpath(".//p")) == 6
    assert "Advertisement" not in tree.text_content()
    assert "Share this" in tree.text_content()


def test_ad_labels_are_dropped_wherever_they_stand() -> None:
    tree = fromstring(
        "<div>" + P1 + "<p>ADVERTISEMENT</p>" + P2 + '<section class="s"><div>Advertisement 1</div>'
        "<div>Story continues below</div></section>"
        + P3
        + "<p>Advertisement revenue fell.</p></div>"
    )
    assert drop_ad_labels(tree) == 2
    text = tree.text_content()
    assert "ADVERTISEMENT" not in text and "continues below" not in text
    assert "Advertisement revenue fell." in text


def test_rows_of_linked_headlines_split_by_ads_are_not_joined() -> None:
    row = (
        '<div class="row news"><h5><a href="/n/{n}">Headline number {n} of the day</a></h5>'
        "<p>A lead paragraph of another story that the row links to, cut short ...</p></div>"
    )
    tree = fromstring(
        "<div>"
        + row.format(n=1)
        + "<div class='ad'>Advertisement</div>"
        + row.format(n=2)
        + "</div>"
    )
    assert join_split_body(tree) == 0


# --- teaser cards: a whole block inside one link ------------------------------------------------


def _cards() -> str:
    cards = "".join(
        f'<li><a href="/news/{n}"><div><h3>{head}</h3><div class="date">2025-02-0{n}</div>'
        f"<p><b>{kicker}:</b> {lead}</p></div></a></li>"
        for n, head, kicker, lead in (
            (
                1,
                "Lighthouse keeper retires after forty years",
                "END OF AN ERA",
                "A keeper who said on Monday that he had climbed the tower every night "
                "since 1985 handed over the keys to the county council at a ceremony.",
            ),
            (
                2,
                "Storm closes coastal road",
                "WARNING",
                "Police said on Sunday that the road would stay shut until Friday while "
                "crews cleared rocks that fell in the night, the third fall this winter.",
            ),
        )
    )
    return f'<div class="box"><h2>You might also like</h2><ul>{cards}</ul></div>'


def _plain_page(body: str, after: str) -> str:
    """A page laid out in lists, with no article element and no class naming the body."""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Kellmouth ferry pier to close for two years</title></head><body>
<div class="page"><ul><li id="left"><div class="col">
<h1>Kellmouth ferry pier to close for two years</h1>{body}</div></li></ul></div>
<div class="lower"><ul><li>{after}</li></ul></div></body></html>"""


def test_teaser_cards_after_the_body_are_not_body() -> None:
    text = _stored(_plain_page(P1 + P2 + P3 + P4 + P5 + P6, _cards()))
    assert all(w in text for w in WORDS)
    assert "keeper" not in text and "coastal road" not in text and "rocks" not in text


def test_links_inside_body_paragraphs_stay() -> None:
    linked = (
        '<p>The <a href="/board">harbour board</a> first warned about the piles in a '
        '<a href="/report.pdf">report published last year</a>, which residents could read '
        "online.</p>"
    )
    text = _stored(_page(_part(P1 + P2 + linked + P3 + P4 + P5 + P6)))
    assert "first warned about the piles in a report published last year" in text


def test_a_link_around_a_whole_block_is_dropped_but_not_its_neighbours() -> None:
    tree = fromstring(
        '<div><p>Keep <a href="/x">this</a> text.</p><a href="/y"><h3>Card</h3></a>'
        '<a name="top"><p>An anchor without an address</p></a></div>'
    )
    assert drop_linked_blocks(tree) == 1
    assert tree.text_content() == "Keep this text.An anchor without an address"


def test_a_box_heading_goes_with_its_cards() -> None:
    text = _stored(_plain_page(P1 + P2 + P3 + P4 + P5 + P6, _cards()))
    assert "You might also like" not in text


# --- a box of links set among the body's paragraphs ---------------------------------------------


def _link_box(heading: str = "<p><b>What to know about the pier</b></p>") -> str:
    return (
        f'<div class="Factline"><div class="Factline-items">{heading}<ul>'
        "<li><b>Timetable:</b> The ferry company has set out the crossings it will run from "
        '<a href="/t">the temporary pontoon</a>.</li>'
        "<li><b>Have your say:</b> Did the closure change the way you get to work each morning? "
        '<a href="/s">Tell us</a>.</li>'
        "<li><b>Newsletter:</b> Our reporters cover the estuary's towns every week. "
        '<a href="/n">Sign up</a> to get it in your inbox on Mondays.</li>'
        "</ul></div></div>"
    )


def test_a_box_of_links_inside_the_body_is_not_body() -> None:
    text = _stored(_page(_part(P1 + P2 + P3 + _link_box() + P4 + P5 + P6)))
    assert all(w in text for w in WORDS)
    assert "What to know" not in text and "Timetable" not in text and "briefing" not in text


def test_a_list_of_the_storys_own_points_stays() -> None:
    points = (
        "<ul><li>The pier will close on 1 March.</li><li>A pontoon will open in the spring.</li>"
        "<li>Extra buses will run along the coast.</li></ul>"
    )
    text = _stored(_page(_part(P1 + P2 + P3 + points + P4 + P5 + P6)))
    assert "A pontoon will open in the spring." in text


def test_a_boxed_list_with_prose_of_its_own_stays() -> None:
    tree = fromstring(
        "<div>" + P1 + "<div class='aside'><p>The board's three options, as its engineers set "
        "them out in their report to members on Tuesday, were these.</p><ul>"
        '<li><a href="/a">Repair</a></li><li><a href="/b">Rebuild</a></li></ul></div>'
        + P2
        + "</div>"
    )
    assert drop_link_boxes(tree) == 0
    tree = fromstring("<div>" + P1 + _link_box() + P2 + "</div>")
    assert drop_link_boxes(tree) == 1


def test_a_related_sentence_inside_a_body_paragraph_stays() -> None:
    related = (
        "<p>The two votes were related: the board also voted to raise mooring fees by 4 percent, "
        "its first rise since 2019. Related: the fee rise pays for the pontoon, Oduya said.</p>"
    )
    text = _stored(_page(_part(P1 + P2 + P3 + related + P4 + P5 + P6)))
    assert "The two votes were related: the board also voted to raise mooring fees" in text
    assert "Related: the fee rise pays for the pontoon, Oduya said." in text


def _more_list() -> str:
    return (
        '<ul><li>Storm <a href="/a">closes coastal road</a></li>'
        '<li>Lighthouse keeper <a href="/b">retires after forty years</a></li>'
        '<li><a href="/c">Ten walks along the estuary</a> this spring</li></ul>'
    )


def test_a_heading_and_list_of_links_that_end_the_body_are_not_body() -> None:
    tree = fromstring(
        "<div>"
        + P1
        + P2
        + P3
        + '<hr><div class="h3">More from the Estuary Times</div>'
        + _more_list()
        + "</div>"
    )
    assert drop_link_boxes(tree) == 2
    text = tree.text_content()
    assert "Estuary Times" not in text and "coastal road" not in text
    assert "cannot ask" in text


def test_a_list_of_links_led_in_by_the_story_stays() -> None:
    for lead in (
        "<p>The board's report sets out three options:</p>",
        "<p>Residents can read about each of them in the board's papers.</p>",
    ):
        tree = fromstring("<div>" + P1 + P2 + lead + _more_list() + "</div>")
        assert drop_link_boxes(tree) == 0
