"""A member edits a message in the watched channel to fix or add a link (issue 11).

Discord sends MESSAGE_UPDATE for a member's edit and also when it unfurls the links (embeds
added, text unchanged). The new links of an edit go through ⏳/✅/❌ like a new message; links
already read are not queued again; unfurls and other bots' edits do nothing.
"""

from __future__ import annotations

from tests.discordbot import test_watch
from tests.discordbot.test_watch import (
    ArticleSite,
    StartWatching,
    answered_barrier,
    finished,
    read_card,
    replies_to,
    story,
)
from tests.fake_discord import FakeDiscord

site = test_watch.site  # the article server and the watching bot, as fixtures here too
start_watching = test_watch.start_watching


async def test_a_member_fixes_a_broken_link_and_the_fixed_one_is_ingested(
    fake: FakeDiscord, start_watching: StartWatching, site: ArticleSite
) -> None:
    async with start_watching() as bot:
        posted = await fake.post_message(fake.channel_id("links"), site.url("/stroy/51"))
        assert await finished(fake, posted) == ["❌"]
        await fake.edit_message(posted, f"sorry, this one: {site.url('/story/51')}")
        await fake.wait_for(
            lambda: len(replies_to(fake, posted)) == 2 and "⏳" not in fake.reactions(posted["id"]),
            what="the answer to the fixed link",
        )
        counts = await bot.analyst.queue.counts()
    broken, fixed = (read_card(m["content"]) for m in replies_to(fake, posted))
    assert broken.startswith("❌ ")
    assert fixed.startswith(f"✅ #6 {story(51)[0]} · Steppe Wire · 2024-03-21 · ")
    assert fake.reaction_history(posted["id"]) == [
        ("+", "⏳"),
        ("+", "❌"),
        ("-", "⏳"),
        ("+", "⏳"),
        ("+", "✅"),
        ("-", "⏳"),
    ]
    assert counts == {"done": 6, "failed": 1}  # the five samples, the fixed link; the broken one


async def test_an_added_link_is_read_and_the_earlier_one_is_not_queued_again(
    fake: FakeDiscord, start_watching: StartWatching, site: ArticleSite
) -> None:
    first, second = site.url("/story/52"), site.url("/story/53")
    async with start_watching() as bot:
        posted = await fake.post_message(fake.channel_id("links"), first)
        assert await finished(fake, posted) == ["✅"]
        await fake.edit_message(posted, f"{first} and also {second}")
        await fake.wait_for(lambda: len(replies_to(fake, posted)) == 2, what="the second card")
        await answered_barrier(fake, site)  # and nothing more comes for the first link
        counts = await bot.analyst.queue.counts()
    one, two = (read_card(m["content"]) for m in replies_to(fake, posted))
    assert one.startswith(f"✅ #6 {story(52)[0]}")
    assert two.startswith(f"✅ <{second}>: #7 {story(53)[0]}")  # named: the message has two
    assert counts == {"done": 8}  # the samples, each link once, and the barrier


async def test_unfurls_and_edits_by_bots_change_nothing(
    fake: FakeDiscord, start_watching: StartWatching, site: ArticleSite
) -> None:
    newsbot = fake.add_user("newsbot", bot=True)
    links = fake.channel_id("links")
    async with start_watching() as bot:
        posted = await fake.post_message(links, site.url("/story/54"))
        assert await finished(fake, posted) == ["✅"]
        await fake.unfurl(posted)  # Discord adds the preview: same text, no edit time
        by_bot = await fake.post_message(links, "nothing yet", user=newsbot)
        await fake.edit_message(by_bot, f"now: {site.url('/story/55')}")
        await answered_barrier(fake, site)  # events are handled in order: both were seen
        counts = await bot.analyst.queue.counts()
    assert fake.world.messages[int(posted["id"])]["embeds"][0]["type"] == "link"
    assert fake.reaction_history(posted["id"]) == [("+", "⏳"), ("+", "✅"), ("-", "⏳")]
    assert len(replies_to(fake, posted)) == 1
    assert fake.reaction_history(by_bot["id"]) == []
    assert replies_to(fake, by_bot) == []
    assert counts == {"done": 7}  # the samples, the link, the barrier


async def test_an_edit_after_a_restart_queues_only_what_was_not_queued(
    fake: FakeDiscord, start_watching: StartWatching, site: ArticleSite
) -> None:
    first, second = site.url("/story/56"), site.url("/story/57")
    async with start_watching():
        posted = await fake.post_message(fake.channel_id("links"), first)
        assert await finished(fake, posted) == ["✅"]
    async with start_watching() as bot:  # the new process never saw the message's first text
        await fake.wait_ready(2)  # the edit goes to the new session
        await fake.edit_message(posted, f"{first} {second}")
        await fake.wait_for(lambda: len(replies_to(fake, posted)) == 2, what="the second card")
        await answered_barrier(fake, site)
        counts = await bot.analyst.queue.counts()
    second_card = read_card(replies_to(fake, posted)[1]["content"])
    assert second_card.startswith(f"✅ <{second}>: #7 {story(57)[0]}")
    assert counts == {"done": 8}
