"""The embed book: answers packed into embeds that Discord accepts, whatever their size."""

from __future__ import annotations

from bot.ui.page import (
    DESCRIPTION_LIMIT,
    FIELD_VALUE_LIMIT,
    MESSAGE_TOTAL,
    Attachment,
    EmbedBook,
    answer,
    cut_markup,
    fit,
    group_embeds,
)
from tests.fake_discord.limits import message_problems


def _problems(book: EmbedBook) -> list[str]:
    return [p for page in book.pages() for p in message_problems(_body(page.embeds))]


def _body(embeds: tuple[object, ...]) -> dict[str, object]:
    return {"embeds": [embed.to_dict() for embed in embeds]}  # type: ignore[attr-defined]


def test_a_short_answer_is_one_page_with_the_opening_first() -> None:
    book = EmbedBook("Quotes by Vladimir Putin", opening="5 quotes by Vladimir Putin.")
    book.paragraph("“This should be decided only by the Syrian people.”")
    (embed,) = book.embeds()
    assert embed.title == "Quotes by Vladimir Putin"
    assert embed.description is not None
    assert embed.description.startswith("5 quotes by Vladimir Putin.")
    assert embed.footer.text is None


def test_many_lines_fill_numbered_pages_within_every_limit() -> None:
    book = EmbedBook("Timeline", opening="Events from 2015 to 2024.")
    book.lines(f"{n}. " + "word " * 60 for n in range(400))
    embeds = book.embeds()
    assert len(embeds) > 5
    assert embeds[0].footer.text == f"Page 1 of {len(embeds)}"
    assert all(len(e.description or "") <= DESCRIPTION_LIMIT for e in embeds)
    assert all(len(e) <= MESSAGE_TOTAL for e in embeds)
    assert _problems(book) == []
    text = "\n".join(e.description or "" for e in embeds)
    assert "399. word" in text and "0. word" in text  # nothing lost between pages


def test_fields_split_over_pages_and_long_values_continue() -> None:
    book = EmbedBook("Compare")
    for n in range(60):
        book.field(f"Field {n}", "value", inline=True)
    book.field("Long", "\n".join("line " * 30 for _ in range(80)))
    embeds = book.embeds()
    assert all(len(e.fields) <= 25 for e in embeds)
    names = [f.name for e in embeds for f in e.fields]
    assert names[:2] == ["Field 0", "Field 1"] and "Long (continued)" in names
    assert all(len(f.value or "") <= FIELD_VALUE_LIMIT for e in embeds for f in e.fields)
    assert _problems(book) == []


def test_a_paragraph_after_fields_starts_a_page_so_the_order_holds() -> None:
    book = EmbedBook("Who")
    book.field("Aliases", "Putin")
    book.paragraph("Latest quotes")
    first, second = book.embeds()
    assert first.fields and not first.description
    assert second.description == "Latest quotes"


def test_the_image_is_on_every_page_and_attached_once() -> None:
    chart = Attachment("timeline.png", b"\x89PNG")
    book = EmbedBook("Timeline", image=chart)
    book.lines("x " * 100 for _ in range(200))
    built = answer(book)
    assert built.attachments == (chart,)
    assert {e.image.url for page in built.pages for e in page.embeds} == {
        "attachment://timeline.png"
    }


def test_titles_and_fitted_text_are_escaped_and_cut_after_escaping() -> None:
    book = EmbedBook("*" * 400)
    (embed,) = book.embeds()
    assert embed.title is not None and len(embed.title) <= 256
    assert embed.title.endswith("…") and "\\*" in embed.title
    assert not embed.title.removesuffix("…").endswith("\\")
    assert len(fit("[a](b) " * 100, 50)) <= 50


def test_many_embeds_group_into_messages_of_ten_and_six_thousand() -> None:
    books = [EmbedBook(f"Story {n}") for n in range(25)]
    for book in books:
        book.paragraph("x" * 1500)
    pages = group_embeds([b.embeds()[0] for b in books])
    assert all(len(p.embeds) <= 10 for p in pages)
    assert all(sum(len(e) for e in p.embeds) <= MESSAGE_TOTAL for p in pages)
    assert sum(len(p.embeds) for p in pages) == 25


def test_a_cut_never_goes_through_a_link_that_runs_past_the_limit() -> None:
    link = "[news.example, undated](https://news.example/" + "a" * 300 + ")"
    line = "0" * 900 + " · " + link
    cut = cut_markup(line, 1024)
    assert "](" not in cut and len(cut) <= 1024
