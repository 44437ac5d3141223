"""The product bot through the fake Discord: login, command sync, /help, /stats, /article."""

from __future__ import annotations

import gc

from bot.heap import SERVING_YOUNG_THRESHOLD
from tests.discordbot.conftest import StartBot
from tests.fake_discord import FakeDiscord

CORE = ("cogs.help", "cogs.corpus")


async def test_login_syncs_commands_to_the_dev_guild(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(cogs=CORE):
        names = {c["name"] for c in fake.registered_commands(fake.guild_id)}
    assert {"help", "stats", "article"} <= names
    described = {c["name"]: c["description"] for c in fake.registered_commands(fake.guild_id)}
    assert described["stats"].startswith("What the corpus holds")


async def test_help_lists_commands_and_hides_admin_ones(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(cogs=CORE):
        result = await fake.slash("help", user=fake.user("alice"))
    text = result.callback["data"]["content"]
    assert "/stats — What the corpus holds" in text
    assert "/article show — One article" in text
    assert result.ephemeral


async def test_stats_answers_with_an_embed_and_never_pings(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(cogs=CORE):
        result = await fake.slash("stats")
    embed = result.embeds[0]
    assert result.type == 5  # deferred: counting a big or busy corpus may take a while
    assert embed["title"] == "Corpus"
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["Articles"] == "5 (2 dated, 3 undated)"
    assert "Outlets (4)" in fields
    assert result.payloads[-1]["allowed_mentions"] == {"parse": []}


async def test_article_show_and_autocomplete(fake: FakeDiscord, start_bot: StartBot) -> None:
    async with start_bot(cogs=CORE):
        choices = await fake.autocomplete("article show", {"article": "Turkmen"}, "article")
        shown = await fake.slash("article show", {"article": "3"})
    assert [str(c["value"]) for c in choices] == ["3"]
    assert choices[0]["name"].startswith("#3 [2024-10-15] · The Week")
    fields = {f["name"]: f["value"] for f in shown.embeds[0]["fields"]}
    assert fields["Published"] == "15 Oct 2024 (from header)"


async def test_unknown_article_is_an_ephemeral_one_liner(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(cogs=CORE):
        result = await fake.slash("article show", {"article": "99"})
    assert result.ephemeral
    assert result.callback["data"]["content"].startswith("No article #99")


async def test_fix_needs_admin_and_then_corrects(fake: FakeDiscord, start_bot: StartBot) -> None:
    async with start_bot(cogs=CORE) as bot:
        await bot.analyst.guilds.update(fake.guild_id, admin_role_id=None)
        refused = await fake.slash(
            "article fix", {"article": "2", "published": "2025-01-21"}, user=fake.user("alice")
        )
        fixed = await fake.slash(
            "article fix", {"article": "2", "published": "2025-01-21"}, user=fake.user("erin")
        )
    assert refused.callback["data"]["content"].startswith("You need the Manage Server permission")
    assert fixed.type == 5  # deferred: moving its counts to another month may take a while
    assert fixed.messages[-1]["content"].startswith("Fixed: #2 [2025-01-21]")


async def test_fix_and_forget_tell_mistakes_at_once_then_defer_the_work(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    erin = fake.user("erin")
    async with start_bot(cogs=CORE) as bot:
        await bot.analyst.guilds.update(fake.guild_id, admin_role_id=None)
        unknown = await fake.slash("article fix", {"article": "99", "title": "T"}, user=erin)
        bad_date = await fake.slash(
            "article fix", {"article": "2", "published": "2024-13"}, user=erin
        )
        nothing = await fake.slash("article fix", {"article": "2"}, user=erin)
        gone = await fake.slash("article forget", {"article": "99"}, user=erin)
        forgot = await fake.slash("article forget", {"article": "5"}, user=erin)
        shown = await fake.slash("article show", {"article": "5"})
    mistakes = [unknown, bad_date, nothing, gone]
    assert all(m.ephemeral and m.type == 4 for m in mistakes)
    assert [m.callback["data"]["content"] for m in mistakes] == [
        "No article #99.",
        "published: not a real date: '2024-13'",
        "Nothing to fix: give a title, outlet, author or published date.",
        "No article #99.",
    ]
    assert forgot.type == 5
    assert forgot.messages[-1]["content"] == "Forgot article #5."
    assert shown.callback["data"]["content"].startswith("No article #5")


async def test_a_ready_bot_keeps_its_start_up_objects_out_of_the_collectors_scans(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    before = gc.get_threshold()
    async with start_bot(cogs=CORE):
        assert gc.get_freeze_count() > 10_000  # settled once the commands were synced
        assert gc.get_threshold() == (SERVING_YOUNG_THRESHOLD, *before[1:])  # fewer collections
    assert gc.get_freeze_count() == 0  # released when it closed
    assert gc.get_threshold() == before
