"""The plain-text cleaner drops web boilerplate and keeps every sentence of the article."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.cleaning import CleanedText, clean_article_text, markdown_to_text

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "russia-iran"


def load(prefix: str) -> CleanedText:
    """Clean the sample article whose file name starts with `prefix`."""
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return clean_article_text(path.read_text(encoding="utf-8"))


def reason_of(cleaned: CleanedText, line: int) -> str:
    """The reason the cleaner gave for a 1-based raw line number."""
    (verdict,) = (v for v in cleaned.verdicts if v.number == line)
    return verdict.reason


def reason_for_text(cleaned: CleanedText, text: str) -> str:
    """The reason the cleaner gave for the line that reads `text`."""
    (verdict,) = (v for v in cleaned.verdicts if v.text == text)
    return verdict.reason


# --- the sample corpus -------------------------------------------------------------------

DROPPED = [
    ("000", 3, "outlet logo"),
    ("000", 4, "byline"),
    ("000", 5, "page widget"),
    ("000", 21, "share/follow"),
    ("000", 23, "share/follow"),
    ("000", 25, "licensing footer"),
    ("001", 13, "read-more link"),
    ("001", 15, "avatar"),
    ("001", 17, "byline"),
    ("001", 19, "author bio"),
    ("001", 21, "comment widget"),
    ("002", 5, "photo caption"),
    ("002", 6, "photo caption"),
    ("002", 7, "image credit"),
    ("002", 8, "byline"),
    ("002", 9, "publication line"),
    ("002", 15, "subscribe prompt"),
    ("002", 17, "subscribe prompt"),
    ("002", 19, "subscribe prompt"),
    ("002", 20, "bare url"),
    ("002", 22, "subscribe prompt"),
    ("002", 24, "subscribe prompt"),
    ("002", 26, "subscribe prompt"),
    ("002", 28, "subscribe prompt"),
    ("002", 29, "subscribe prompt"),
    ("002", 30, "subscribe prompt"),
    ("002", 31, "subscribe prompt"),
    ("002", 32, "subscribe prompt"),
    ("002", 33, "subscribe prompt"),
    ("002", 34, "subscribe prompt"),
    ("002", 35, "byline"),
    ("002", 37, "author bio"),
    ("002", 39, "related links"),
    ("002", 40, "related links"),
    ("002", 41, "related links"),
    ("003", 3, "photo caption"),
    ("003", 4, "video teaser"),
    ("003", 8, "interest widget"),
    ("003", 10, "interest widget"),
    ("003", 11, "interest widget"),
    ("004", 1, "junk fragment"),
    ("004", 21, "donation prompt"),
    ("004", 24, "disclaimer"),
    ("004", 26, "comment widget"),
    ("004", 28, "comment widget"),
    ("004", 29, "comment widget"),
    ("004", 30, "comment widget"),
    ("004", 32, "related links"),
    ("004", 34, "related links"),
]


@pytest.mark.parametrize(("seed", "line", "reason"), DROPPED)
def test_sample_boilerplate_is_dropped_with_its_reason(seed: str, line: int, reason: str) -> None:
    cleaned = load(seed)
    assert reason_of(cleaned, line) == reason
    assert line in {v.number for v in cleaned.dropped}


KEPT = [
    ("000", "Russian President Vladimir Putin hosted Iranian leader Hassan Rouhani in Moscow"),
    ("000", "Moscow is now moving even closer to its Iranian ally."),
    ("000", "“We need a global determination to uproot violence and extremism.”"),
    ("000", "wants him to have more control over Syria’s warring ethnic and religious groups."),
    ("001", "By abstaining from diplomacy and relying so heavily on isolating countries"),
    ("001", "On January 17, though, Iranian President Masoud Pezeshkian"),
    ("001", "“to the very fact that the Moscow-Tehran relationship now has a treaty as a base.”"),
    (
        "002",
        "Two nations talk up their closer ties but some in Tehran believe Putin 'still owes' them",
    ),
    ("002", 'Vladimir Putin says he wants to create a "new world order"'),
    ("002", 'It is an "entente viewed with concern by the United States".'),
    ("003", "Russian President Vladimir Putin is in Iran for the first time in eight years"),
    ("003", "But after meeting today with Iran’s Supreme Leader Ayatollah Khamenei in Tehran"),
    ("003", "Putin’s visit -- his first since 2007 --"),
    ("003", "Both countries insist that Assad is Syria’s legitimate ruler and that his fall will"),
    ("003", "Iran insists that all its nuclear activities are for peaceful purposes"),
    ("004", "the Russians have agreed to host in Moscow on Friday 14th April 2017 a meeting"),
    ("004", "Here is how Maria Zakharova, the Russian Foreign Ministry’s spokesman, explained"),
    ("004", "On April 14, a trilateral meeting of foreign ministers of Russia, Syria and Iran"),
    ("004", "[The ministers[ will discuss measures needed to coordinate trilateral steps"),
    ("004", "Instead of the Russians abandoning the Iranians and the Syrians, the missile strike"),
]


@pytest.mark.parametrize(("seed", "sentence"), KEPT)
def test_sample_body_sentences_are_kept(seed: str, sentence: str) -> None:
    assert sentence in load(seed).body


@pytest.mark.parametrize(
    ("seed", "absent"),
    [
        ("000", "(RELATED:"),
        ("000", "Iran Opens The Door For Russia"),
        ("000", "Follow Will"),
        ("001", "Seeker of rabbit holes"),
        ("001", "Leave a comment"),
        ("002", "Escape your echo chamber"),
        ("002", "has been part of The Week Digital team"),
        ("002", "axis of resistance"),
        ("003", "PlayEbrahim"),
        ("003", "Add Interest"),
        ("003", "Russia Vows Retribution"),
        ("004", "BREAKING: Putin and Tillerson meet in Moscow"),
        ("004", "Patreon"),
        ("004", "in ,"),
    ],
)
def test_sample_boilerplate_is_not_in_the_body(seed: str, absent: str) -> None:
    assert absent not in load(seed).body


@pytest.mark.parametrize(
    ("seed", "title", "header_date"),
    [
        ("000", "America’s Biggest Foes Gather In Moscow To Discuss ‘Decline Of The West’", None),
        ("001", "Iran and Russia’s Friendship Just Got a Lot Deeper", None),
        ("002", "Russia and Iran 'up the ante' after meeting in Turkmenistan", "2024-10-15"),
        ("003", "Syria on Vladimir Putin's Mind for 1st Trip to Iran in 8 Years", None),
        ("004", "Lavrov invites Iranian and Syrian Foreign Ministers to Moscow", None),
    ],
)
def test_sample_title_and_header_date(seed: str, title: str, header_date: str | None) -> None:
    cleaned = load(seed)
    assert (cleaned.title, cleaned.header_date) == (title, header_date)
    assert not cleaned.body.startswith(title)


def test_seed_000_related_insert_is_cut_from_its_paragraph() -> None:
    paragraph = next(p for p in load("000").body.split("\n\n") if "Iranian ally" in p)
    assert paragraph.endswith("Moscow is now moving even closer to its Iranian ally.")


def test_seed_004_block_quote_is_its_own_paragraph() -> None:
    paragraphs = load("004").body.split("\n\n")
    intro = paragraphs.index(
        "Here is how Maria Zakharova, the Russian Foreign Ministry’s spokesman, explained the "
        "purpose of the meeting"
    )
    assert paragraphs[intro + 1].startswith("On April 14, a trilateral meeting")
    assert paragraphs[-1].endswith("the missile strike is bringing them closer together.")


def test_seed_003_body_has_twelve_paragraphs_and_no_caption() -> None:
    body = load("003").body
    assert len(body.split("\n\n")) == 12
    assert "Noroozi" not in body


def test_seed_whitespace_is_normalised_and_curly_quotes_kept() -> None:
    body = load("004").body
    assert "\u00a0" not in body
    assert "  " not in body
    assert "three countries’ foreign ministers" in body


def test_title_verdict_is_kept_but_not_in_body() -> None:
    cleaned = load("002")
    first = cleaned.verdicts[0]
    assert (first.number, first.kept, first.reason) == (1, True, "title")
    assert first.text.startswith("date 2024-10-15")


def test_blank_lines_get_no_verdict() -> None:
    cleaned = load("001")
    assert all(v.text for v in cleaned.verdicts)
    assert [v.number for v in cleaned.verdicts][:3] == [1, 3, 5]


# --- synthetic cases, one rule family at a time --------------------------------------------

BODY_A = "Russia and Iran signed a new agreement on energy cooperation in Moscow on Tuesday."
BODY_B = "The deal covers oil, gas and nuclear power, officials from both countries said."


def article(*middle: str, tail: tuple[str, ...] = ()) -> str:
    """A small article: title, a body paragraph, `middle` lines, another paragraph, `tail`."""
    return "\n\n".join(["Russia and Iran sign energy deal", BODY_A, *middle, BODY_B, *tail])


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Subscribe to Foreign Affairs", "subscribe prompt"),
        ("Sign up for our daily briefing", "subscribe prompt"),
        ("Already a member? Log in", "subscribe prompt"),
        ("Get the best stories delivered straight to your inbox.", "subscribe prompt"),
        (
            "Get the Morning Fix and the new Afternoon Fix delivered to your inbox or mobile device"
            " for easy access to the top political stories of the day.",
            "subscribe prompt",
        ),
        (
            "#ac 360 8:47 pm ET February 11, 2013 RETWEET Heartbreaking words as Chris Kyle's wife",
            "share/follow",
        ),
        ("You have reached your limit of free articles.", "paywall or licence notice"),
        ("This copy is for your personal, non-commercial use only.", "paywall or licence notice"),
        ("Subscribe to continue reading.", "paywall or licence notice"),
        ("Text size:", "page widget"),
        ("5 min read", "page widget"),
        ("The Moscow Times logo", "outlet logo"),
        ("By Jane Smith and Omar Aziz", "byline"),
        ("Written by: Jane Smith", "byline"),
        ("Updated on 12 March 2019", "publication line"),
        ("Follow Jane on X", "share/follow"),
        ("Share this article", "share/follow"),
        ("Got a tip? Email us", "share/follow"),
        ("Continue reading", "read-more link"),
        ("Jane Smith's avatar", "avatar"),
        ("Post a reply", "comment widget"),
        ("12 Comments", "comment widget"),
        ("Join the conversation", "comment widget"),
        ("More from Middle East", "related links"),
        ("Recommended for you", "related links"),
        ("READ MORE: Iran and Russia sign a pact", "related links"),
        ("Photo credit: Kremlin press service", "image credit"),
        ("Photo: Putin and Raisi in Tehran on Jan. 19, 2022", "photo caption"),
        ("https://example.com/news/123", "bare url"),
        ("© 2024 Example Media. All rights reserved.", "licensing footer"),
        ("Support independent journalism", "donation prompt"),
        ("Please donate to keep this site running", "donation prompt"),
        ("Views expressed here are those of the writer alone.", "disclaimer"),
        ("This column does not necessarily reflect the views of the editors.", "disclaimer"),
        ("Interested in Iran?", "interest widget"),
        ("VIDEO Putin lands in Tehran", "video teaser"),
        ("Watch: the two leaders shake hands", "video teaser"),
        ("January 17, 2025 2:14 PM GMT", "publication line"),
        ("Friday, 17 January 2025 at 14:05 UTC | Updated 2 hours ago", "publication line"),
        ("Home / World / Middle East", "navigation"),
        ("Tags: Iran, Russia, Drones", "navigation"),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("* * *", "junk fragment"),
        ("of ,", "junk fragment"),
    ],
)
def test_line_rule_families(line: str, reason: str) -> None:
    cleaned = clean_article_text(article(line))
    assert reason_for_text(cleaned, line) == reason
    assert cleaned.body == f"{BODY_A}\n\n{BODY_B}"


@pytest.mark.parametrize(
    "sentence",
    [
        "Iran refused to subscribe to the Western reading of the conflict, an official said.",
        "Officials declined to comment on the report.",
        "Comments from the Kremlin suggested the talks would continue.",
        "Putin said he would follow the talks in Geneva on Twitter and on state television.",
        "By Friday, the ministers had agreed on a joint statement.",
        "Latest figures show that trade between the two countries grew by 15 percent.",
        "Photos of the meeting were released by the Kremlin on Tuesday.",
        "Watch what Moscow does next, the diplomat said.",
        "Russia welcomed the donation of medical supplies to Tehran.",
        "What do you think the treaty means for Europe, the minister was asked.",
        "The views of the author of the treaty are well known.",
        "Sign language interpreters were present at the summit, state media reported.",
        "Analysts said the agreement would help both economies weather sanctions.",
        "March 3, 2019 – Iran and Russia sign a gas deal",
        "Nov. 23, 2015: Putin visits Tehran for the first time in eight years",
        "Get ready: the new sanctions will be delivered to Tehran by courier, an envoy said.",
        "At 8:47 pm ET on February 11, 2013, the minister told reporters to reply in writing.",
    ],
)
def test_body_sentence_that_merely_mentions_a_widget_word_is_kept(sentence: str) -> None:
    cleaned = clean_article_text(article(sentence))
    assert sentence in cleaned.body
    assert cleaned.dropped == ()


def test_caption_lines_stacked_on_an_image_credit_are_dropped() -> None:
    raw = article("Putin greets Pezeshkian in Ashgabat\n(Image credit: Getty Images)")
    cleaned = clean_article_text(raw)
    assert reason_for_text(cleaned, "Putin greets Pezeshkian in Ashgabat") == "photo caption"
    assert cleaned.body == f"{BODY_A}\n\n{BODY_B}"


def test_caption_run_into_text_with_agency_credit_is_dropped() -> None:
    line = "Putin in Tehran on Nov. 23, 2015.PlayEbrahim Noroozi/AP Photo"
    assert reason_for_text(clean_article_text(article(line)), line) == "photo caption"


def test_prompt_text_sandwiched_between_prompts_is_dropped() -> None:
    blurb = "Smart analysis of the week's news, every Saturday."
    cleaned = clean_article_text(article("Subscribe today", blurb, "Sign up now"))
    assert reason_for_text(cleaned, blurb) == "subscribe prompt"
    assert cleaned.body == f"{BODY_A}\n\n{BODY_B}"


def test_author_bio_after_author_line_at_the_end_is_dropped() -> None:
    bio = "Lover of maps and old radios. Writes from a cabin. Has seen things."
    cleaned = clean_article_text(article(tail=("Author: Sam Doe", bio, "Leave a reply")))
    assert reason_for_text(cleaned, bio) == "author bio"
    assert cleaned.body == f"{BODY_A}\n\n{BODY_B}"


def test_signature_and_bio_are_dropped() -> None:
    bio = "Sam Doe is a senior correspondent who has covered Iran since 2009."
    cleaned = clean_article_text(article(tail=("Sam Doe, Example News", bio)))
    assert reason_for_text(cleaned, "Sam Doe, Example News") == "byline"
    assert reason_for_text(cleaned, bio) == "author bio"


def test_author_line_at_the_top_never_drops_the_body() -> None:
    raw = "A blog post title\n\nAuthor: Sam Doe\n\n" + f"{BODY_A}\n\n{BODY_B}\n\nLeave a comment"
    cleaned = clean_article_text(raw)
    assert cleaned.body == f"{BODY_A}\n\n{BODY_B}"


def test_name_comma_place_in_the_body_is_kept() -> None:
    cleaned = clean_article_text(article("Vladimir Putin, Moscow"))
    assert "Vladimir Putin, Moscow" in cleaned.body


def test_link_titles_after_the_body_ends_are_dropped() -> None:
    tail = ("View all comments", "Iran Tests New Missile", "Kremlin Denies Report (VIDEO)")
    cleaned = clean_article_text(article(tail=tail))
    assert reason_for_text(cleaned, "Iran Tests New Missile") == "related links"
    assert reason_for_text(cleaned, "Kremlin Denies Report (VIDEO)") == "related links"
    assert cleaned.body == f"{BODY_A}\n\n{BODY_B}"


def test_link_titles_under_a_related_header_are_dropped_mid_text() -> None:
    cleaned = clean_article_text(article("Related\nIran Tests New Missile\nKremlin Denies Report"))
    assert reason_for_text(cleaned, "Kremlin Denies Report") == "related links"
    assert cleaned.body == f"{BODY_A}\n\n{BODY_B}"


def test_headline_shaped_body_line_before_any_boilerplate_is_kept() -> None:
    lead_in = "Here is what the minister told reporters"
    cleaned = clean_article_text(article(lead_in))
    assert lead_in in cleaned.body


@pytest.mark.parametrize(
    ("insert", "expected"),
    [
        (" (RELATED: Iran Opens The Door)", ""),
        (" (READ MORE: Putin in Tehran)", ""),
        (" (Image credit: AP)", ""),
        (" [See also: Previous talks]", ""),
        (" (in 2015)", " (in 2015)"),
    ],
)
def test_inline_inserts_are_cut(insert: str, expected: str) -> None:
    sentence = "Moscow is moving closer to Tehran."
    cleaned = clean_article_text(f"Title\n\n{sentence}{insert} Trade grew.")
    assert cleaned.body == f"{sentence}{expected} Trade grew."


def test_line_that_is_only_a_related_insert_is_dropped() -> None:
    cleaned = clean_article_text(article("(RELATED: Iran Opens The Door For Russia)"))
    assert reason_for_text(cleaned, "(RELATED: Iran Opens The Door For Russia)") == "related links"


def test_repeated_line_is_dropped_once() -> None:
    cleaned = clean_article_text(article(BODY_A))
    assert cleaned.body == f"{BODY_A}\n\n{BODY_B}"
    assert [v.reason for v in cleaned.dropped] == ["duplicate line"]


@pytest.mark.parametrize(
    ("raw", "title", "header_date"),
    [
        ("date 2015-11-23\nPutin in Tehran\n\nBody text here.", "Putin in Tehran", "2015-11-23"),
        ("Date: 2015-11-23 Putin in Tehran\n\nBody text here.", "Putin in Tehran", "2015-11-23"),
        ("date 2015-13-45\nPutin in Tehran\n\nBody text here.", "Putin in Tehran", None),
        ("Putin in Tehran\n\nBody text here.", "Putin in Tehran", None),
    ],
)
def test_date_header(raw: str, title: str, header_date: str | None) -> None:
    cleaned = clean_article_text(raw)
    assert (cleaned.title, cleaned.header_date, cleaned.body) == (
        title,
        header_date,
        "Body text here.",
    )


def test_text_without_a_title_keeps_its_first_paragraph_in_the_body() -> None:
    cleaned = clean_article_text(f"{BODY_A}\n\n{BODY_B}")
    assert cleaned.title is None
    assert cleaned.body == f"{BODY_A}\n\n{BODY_B}"


def test_hard_wrapped_paragraph_is_joined() -> None:
    raw = "Title\n\nRussia and Iran signed a new\nagreement on energy cooperation.\nIt covers oil."
    cleaned = clean_article_text(raw)
    assert cleaned.body == (
        "Russia and Iran signed a new agreement on energy cooperation.\n\nIt covers oil."
    )


def test_hard_wrapped_prose_is_never_judged_line_by_line() -> None:
    raw = (
        "Putin visits Tehran\n\n"
        "Russian President Vladimir Putin arrived in Tehran on Monday for talks\n"
        "with Iran's leaders about the war in Syria, officials said. By Friday\n"
        "the ministers had agreed on a text, and Iran was expected to sign up\n"
        "to the deal. Sign up sheets were handed to the delegations at the\n"
        "start of the meeting.\n\n"
        "Leave a comment"
    )
    cleaned = clean_article_text(raw)
    assert cleaned.body.startswith("Russian President Vladimir Putin arrived in Tehran on Monday")
    assert "was expected to sign up to the deal. Sign up sheets were handed" in cleaned.body
    assert [v.reason for v in cleaned.dropped] == ["comment widget"]


def test_short_fragment_inside_a_block_is_not_junk() -> None:
    cleaned = clean_article_text(
        "Title\n\nRussia and Iran signed a deal with\nand Iran,\nofficials said."
    )
    assert "and Iran," in cleaned.body


REUTERS_LIKE = """Iran, Russia sign 20-year strategic pact
By Parisa Hafezi and Guy Faulconbridge
January 17, 2025 2:14 PM GMT Updated 2 hours ago

MOSCOW, Jan 17 (Reuters) - Putin and Pezeshkian signed a partnership treaty on Friday.

Sign up here.

"This is a breakthrough," Putin said.

Reporting by Guy Faulconbridge; Editing by Andrew Osborn

Share
Facebook
X
"""

PORTAL_LIKE = """Home / World / Middle East
Russia and Iran deepen ties
Published March 3, 2023 | Updated March 4, 2023
Share on Facebook
Listen to this article

Iran has delivered drones to Russia, U.S. officials said on Thursday.

Advertisement

Tehran denied the claims.

Read next
Kremlin says talks with Tehran "productive"
Iran's president to visit Moscow next month

Privacy Policy | Terms of Use | Contact Us
"""


@pytest.mark.parametrize(
    ("raw", "title", "body"),
    [
        (
            REUTERS_LIKE,
            "Iran, Russia sign 20-year strategic pact",
            "MOSCOW, Jan 17 (Reuters) - Putin and Pezeshkian signed a partnership treaty on "
            'Friday.\n\n"This is a breakthrough," Putin said.',
        ),
        (
            PORTAL_LIKE,
            "Russia and Iran deepen ties",
            "Iran has delivered drones to Russia, U.S. officials said on Thursday.\n\n"
            "Tehran denied the claims.",
        ),
    ],
)
def test_other_site_layouts(raw: str, title: str, body: str) -> None:
    cleaned = clean_article_text(raw)
    assert (cleaned.title, cleaned.body) == (title, body)


def test_empty_text() -> None:
    assert clean_article_text("") == CleanedText(None, "", (), None)


# --- Markdown -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("md", "text"),
    [
        ("# Putin in *Tehran*", "Putin in Tehran"),
        ("Read [the treaty](https://example.com/t) **now**.", "Read the treaty now."),
        ("![Putin](https://example.com/p.jpg) Leaders met.", "Leaders met."),
        ("```\ncode line\n```", "code line"),
        ("A wrapped\nparagraph.\n\nSecond one.", "A wrapped paragraph.\n\nSecond one."),
        ("> Quoted words.\n\n- item one\n- item two", "Quoted words.\n\nitem one\n\nitem two"),
        ("Use `nlp.pipe` here.", "Use nlp.pipe here."),
    ],
)
def test_markdown_to_text(md: str, text: str) -> None:
    assert markdown_to_text(md) == text


def test_markdown_article_cleans_like_plain_text() -> None:
    md = (
        "# Russia and Iran sign energy deal\n\n"
        + f"{BODY_A}\n\n**Subscribe to Example**\n\n{BODY_B}"
    )
    cleaned = clean_article_text(markdown_to_text(md))
    assert cleaned.title == "Russia and Iran sign energy deal"
    assert cleaned.body == f"{BODY_A}\n\n{BODY_B}"


# --- never raises -----------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_clean_article_text_never_raises(raw: str) -> None:
    cleaned = clean_article_text(raw)
    assert all(v.text for v in cleaned.verdicts)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Author: X", "By", "Latest", "“", "\u00a0", "Sam Doe, A B", ""])))
def test_clean_article_text_never_raises_on_boilerplate_soup(lines: list[str]) -> None:
    clean_article_text("\n".join(lines))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_markdown_to_text_never_raises(md: str) -> None:
    markdown_to_text(md)


def test_huge_and_binary_input() -> None:
    junk = bytes(range(256)).decode("latin-1") * 200
    cleaned = clean_article_text(junk + "\n" + ("word " * 50_000) + "\n" + "“unbalanced")
    assert "unbalanced" in cleaned.body


def test_untitled_hard_wrapped_text_keeps_its_first_line_in_the_body() -> None:
    raw = (
        "Russian President Vladimir Putin arrived in Tehran on Monday for talks\n"
        "with Iran's leaders about the war in Syria, officials said on the day\n"
        "of the visit."
    )
    cleaned = clean_article_text(raw)
    assert cleaned.title is None
    assert cleaned.body == " ".join(raw.split("\n"))
