"""/settings through the fake Discord: admins choose the watched channel and the roles."""

from __future__ import annotations

from tests.discordbot.conftest import StartBot
from tests.fake_discord import FakeDiscord

COGS = ("cogs.help", "cogs.settings", "cogs.watch")


def said(result: object) -> str:
    """The text of an interaction's first answer."""
    return result.callback["data"]["content"]  # type: ignore[attr-defined]


async def test_only_admins_choose_the_watched_channel(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    links = fake.channel_id("links")
    async with start_bot(cogs=COGS):
        refused = await fake.slash("settings watch", {"channel": links}, user=fake.user("alice"))
        watched = await fake.slash("settings watch", {"channel": links}, user=fake.user("erin"))
        shown = await fake.slash("settings show", user=fake.user("alice"))
        unwatched = await fake.slash("settings unwatch", user=fake.user("erin"))
        after = await fake.slash("settings show", user=fake.user("alice"))
        posted = await fake.post_message(links, "https://example.com/news/1")
        # Barrier: events are handled in order, so once a link posted after watching again has
        # its ⏳, the bot has long decided about the one posted while nothing was watched.
        await fake.slash("settings watch", {"channel": links}, user=fake.user("erin"))
        barrier = await fake.post_message(links, "http://127.0.0.1:9/barrier")
        await fake.wait_for_reaction(barrier["id"], "⏳", timeout=30)
    assert refused.ephemeral
    assert said(refused).startswith("You need the Manage Server permission")
    assert not watched.ephemeral
    assert said(watched).startswith(f"Watching <#{links}>: links and .txt, .html, .md files")
    assert watched.payloads[0]["allowed_mentions"] == {"parse": []}
    assert shown.ephemeral
    assert said(shown).splitlines() == [
        f"Watched channel: <#{links}>",
        "Who may add articles: everyone",
        "Admins: Manage Server",
        "Daily digest: off",
    ]
    assert said(unwatched) == "No channel is watched now."
    assert said(after).splitlines()[0] == "Watched channel: none"
    assert fake.reaction_history(posted["id"]) == []


async def test_roles_for_ingesting_and_administering(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    analysts = fake.add_role("Analysts")
    bob = fake.add_user("bob", roles=["Analysts"])
    editors = fake.role_id("Editors")
    erin, alice = fake.user("erin"), fake.user("alice")
    async with start_bot(cogs=COGS):
        limited = await fake.slash("settings ingest-role", {"role": editors}, user=erin)
        refused = await fake.slash("ingest", {"url": "https://example.com/a"}, user=alice)
        before = await fake.slash("settings unwatch", user=bob)
        admin = await fake.slash("settings admin-role", {"role": analysts}, user=erin)
        by_bob = await fake.slash("settings ingest-role", user=bob)
        shown = await fake.slash("settings show", user=alice)
        cleared = await fake.slash("settings admin-role", user=erin)
        after = await fake.slash("settings unwatch", user=bob)
    assert said(limited) == f"Only <@&{editors}> (and admins) may add articles now."
    assert refused.ephemeral
    assert said(refused).startswith("Adding articles here is limited to the role")
    assert said(before).startswith("You need the Manage Server permission")
    assert said(admin) == f"<@&{analysts}> may administer Analyst now, besides Manage Server."
    assert said(by_bob) == "Everyone may add articles now."
    assert said(shown).splitlines()[1:3] == [
        "Who may add articles: everyone",
        f"Admins: Manage Server or <@&{analysts}>",
    ]
    assert said(cleared) == "Only members with Manage Server administer Analyst now."
    assert said(after).startswith("You need the Manage Server permission")
