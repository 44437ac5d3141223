"""The screenshot generator's Discord Markdown → HTML: corpus text stays text (no Chromium)."""

from __future__ import annotations

from docs.screenshots.make import embed_html, markdown_to_html


def test_html_in_corpus_text_is_escaped() -> None:
    page = markdown_to_html('<script>alert("x")</script> & <b>bold</b> <img src=x onerror=y>')
    assert "<script" not in page and "<b>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;" in page


def test_discord_markdown_becomes_tags_and_escapes_are_undone() -> None:
    page = markdown_to_html(
        "**Putin** said\n> “a quote”\n[The Week, 15 Oct 2024](https://theweek.example/a?b=1&c=2)"
        "\n002\\_7ff5.txt \\*not bold\\*"
    )
    assert "<strong>Putin</strong> said" in page
    assert '<div class="quote">“a quote”</div>' in page
    assert '<a href="https://theweek.example/a?b=1&amp;c=2">The Week, 15 Oct 2024</a>' in page
    assert "002_7ff5.txt *not bold*" in page and "<em>" not in page


def test_no_link_or_tag_is_formed_from_escaped_text() -> None:
    page = markdown_to_html(
        '\\[label\\](https://evil.example) [x](javascript:alert(1)) "><a href=y>'
    )
    assert "<a " not in page
    assert "&quot;&gt;&lt;a href=y&gt;" in page


def test_an_embed_keeps_titles_fields_and_footers_escaped() -> None:
    embed = {
        "title": "<i>T</i>",
        "color": 0x3465A4,
        "fields": [{"name": "<u>n</u>", "value": "<v>", "inline": True}],
        "footer": {"text": "Page 1 of 2 <x>"},
        "image": {"url": "attachment://chart.png"},
    }
    page = embed_html(embed, {"chart.png": b"\x89PNG"})
    assert "&lt;i&gt;T&lt;/i&gt;" in page and "&lt;u&gt;n&lt;/u&gt;" in page
    assert "&lt;v&gt;" in page and "Page 1 of 2 &lt;x&gt;" in page
    assert "#3465a4" in page and "data:image/png;base64," in page
