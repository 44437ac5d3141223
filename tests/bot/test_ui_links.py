"""Sources a member can click, and never a server path."""

from __future__ import annotations

from datetime import date

from bot.ui.links import file_name, source_label, source_link, source_links
from storage.records_cite import ArticleRef


def ref(
    url: str | None = "https://theweek.com/russia/putin",
    source: str = "https://theweek.com/russia/putin",
    outlet: str | None = "The Week",
    n: int = 3,
) -> ArticleRef:
    return ArticleRef(n, "Putin's new world order", outlet, date(2024, 10, 15), "day", url, source)


def test_a_linked_article_is_a_masked_link_to_its_stored_url() -> None:
    assert source_link(ref()) == "[The Week, 15 Oct 2024](https://theweek.com/russia/putin)"


def test_a_file_shows_its_name_never_the_server_path() -> None:
    local = ref(url=None, source="/srv/analyst/samples/russia-iran/002_theweek.txt")
    assert source_link(local) == "The Week, 15 Oct 2024 · 002\\_theweek.txt"
    bare = ref(url=None, source="C:\\data\\upload\\notes.md", outlet=None)
    assert source_label(bare) == "notes.md, 15 Oct 2024"
    assert "data" not in source_link(bare)
    assert file_name(ref(url=None, source="attachment:report.txt")) == "attachment:report.txt"


def test_hostile_labels_and_urls_cannot_build_another_link() -> None:
    evil = ref(outlet="[Click](https://evil.example) @everyone", url="https://ok.example/a b)")
    link = source_link(evil)
    assert link.startswith("[\\[Click\\]")
    assert "https://evil" not in link  # the label shows no address of its own
    assert "\\@everyone" in link
    assert link.endswith("(https://ok.example/a%20b%29)")


def test_only_web_urls_are_linked() -> None:
    assert "](" not in source_link(ref(url="javascript:alert(1)", source="x.txt"))
    assert "](" not in source_link(ref(url="file:///etc/passwd", source="x.txt"))


def test_an_upper_case_scheme_is_linked_lower_case() -> None:
    """'HTTP://' is a web address; Discord's masked links are written with the scheme lower case."""
    link = source_link(ref(url="HTTP://theweek.com/Putin"))
    assert link == "[The Week, 15 Oct 2024](http://theweek.com/Putin)"


def test_several_sources_once_each_with_a_count_of_the_rest() -> None:
    refs = [ref(n=n, url=f"https://a.example/{n}") for n in (1, 2, 2, 3, 4, 5, 6, 7)]
    line = source_links(refs, limit=3)
    assert line.count("](") == 3
    assert line.endswith(" · +4 more")
