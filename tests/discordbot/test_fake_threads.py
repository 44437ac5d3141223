"""The fake Discord speaks threads, forum posts and attached files, proved with the real client.

A tiny in-test bot (not the product) uses each discord.py call the feed cog relies on: a thread
started from a message, a standalone thread, a forum post, a message inside a thread, and a slash
command with a file attached; the fake must answer as Discord does, refusals included.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.fake_discord import FakeDiscord, pointed_at

NONE = discord.AllowedMentions.none()


class Threads(commands.Cog):
    """The in-test command."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command()
    async def upload(self, interaction: discord.Interaction, file: discord.Attachment) -> None:
        """Say what was attached."""
        data = await file.read()
        await interaction.response.send_message(f"{file.filename}: {len(data)} bytes, {data[:5]!r}")


class TinyBot(commands.Bot):
    """Syncs its cog to the guild at start."""

    def __init__(self, guild_id: int) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),
            guild_ready_timeout=0.05,
        )
        self.guild_id = guild_id

    async def setup_hook(self) -> None:
        """Add the cog and sync to the guild."""
        await self.add_cog(Threads(self))
        guild = discord.Object(self.guild_id)
        self.tree.copy_global_to(guild=guild)
        await self.tree.sync(guild=guild)


@pytest.fixture
async def world() -> AsyncIterator[tuple[FakeDiscord, TinyBot]]:
    """A fake Discord with a #stories forum, and a ready TinyBot."""
    async with FakeDiscord(timeout=5) as fake:
        fake.add_forum("stories")
        with pointed_at(fake.api_base, fake.gateway_url):
            bot = TinyBot(fake.guild_id)
            task = asyncio.create_task(bot.start(fake.token))
            await fake.wait_ready()
            await asyncio.wait_for(bot.wait_until_ready(), 5)
            yield fake, bot
            await bot.close()
            await asyncio.wait_for(task, 5)
        fake.check_refusals()


def text_channel(bot: TinyBot, fake: FakeDiscord, name: str) -> discord.TextChannel:
    channel = bot.get_channel(fake.channel_id(name))
    assert isinstance(channel, discord.TextChannel)
    return channel


async def test_a_thread_starts_from_a_message_once(world: tuple[FakeDiscord, TinyBot]) -> None:
    fake, bot = world
    news = text_channel(bot, fake, "news")
    message = await news.send("A story", allowed_mentions=NONE)
    thread = await message.create_thread(name="A story")
    assert thread.id == message.id and thread.parent_id == news.id
    await thread.send("more about it", allowed_mentions=NONE)
    [listed] = fake.threads(news.id)
    assert listed["name"] == "A story" and listed["type"] == 11
    assert fake.starter_message(listed) == fake.world.messages[message.id]
    assert fake.world.messages[message.id]["flags"] & (1 << 5)  # HAS_THREAD
    assert [m["content"] for m in fake.sent_messages(thread.id)] == ["more about it"]
    await fake.wait_for(lambda: bot.get_channel(thread.id) is not None, what="THREAD_CREATE")
    fake.expect_refusal("POST /channels/*/messages/*/threads", 400)
    with pytest.raises(discord.HTTPException) as again:
        await message.create_thread(name="Again")
    assert again.value.code == 160004


async def test_a_standalone_thread_and_its_name_limit(world: tuple[FakeDiscord, TinyBot]) -> None:
    fake, bot = world
    news = text_channel(bot, fake, "news")
    thread = await news.create_thread(name="Open", type=discord.ChannelType.public_thread)
    assert thread.type is discord.ChannelType.public_thread
    fake.expect_refusal("POST /channels/*/threads", 400)
    with pytest.raises(discord.HTTPException):
        await news.create_thread(name="x" * 101, type=discord.ChannelType.public_thread)
    assert [t["name"] for t in fake.threads(news.id)] == ["Open"]


async def test_a_forum_takes_posts_not_messages(world: tuple[FakeDiscord, TinyBot]) -> None:
    fake, bot = world
    forum = bot.get_channel(fake.channel_id("stories"))
    assert isinstance(forum, discord.ForumChannel)
    embed = discord.Embed(title="Story", description="two sentences")
    post = await forum.create_thread(name="Story", embed=embed, allowed_mentions=NONE)
    assert post.thread.id == post.message.id and post.thread.parent_id == forum.id
    [listed] = fake.threads(forum.id)
    first = fake.starter_message(listed)
    assert first is not None and first["embeds"][0]["title"] == "Story"
    assert fake.raw_payloads(first["id"])[0]["allowed_mentions"] == {"parse": []}
    fake.expect_refusal("POST /channels/*/messages", 400)
    with pytest.raises(discord.HTTPException) as refused:
        await bot.get_partial_messageable(forum.id).send("hello")
    assert refused.value.code == 50008


async def test_thread_permissions_are_checked(world: tuple[FakeDiscord, TinyBot]) -> None:
    fake, bot = world
    news = text_channel(bot, fake, "news")
    message = await news.send("A story", allowed_mentions=NONE)
    await fake.deny(news.id, "create_public_threads")
    with pytest.raises(discord.Forbidden):
        await message.create_thread(name="A story")
    await fake.allow(news.id, "create_public_threads")
    thread = await message.create_thread(name="A story")
    await fake.deny(news.id, "send_messages_in_threads")
    with pytest.raises(discord.Forbidden):
        await thread.send("more")


async def test_a_slash_command_gets_an_attached_file(world: tuple[FakeDiscord, TinyBot]) -> None:
    fake, _ = world
    result = await fake.slash("upload", {"file": ("feeds.opml", b"<opml/>", "text/x-opml")})
    assert result.messages[0]["content"] == "feeds.opml: 7 bytes, b'<opml'"
