"""A local fake of Discord's REST API and gateway that the real discord.py client can drive."""

from tests.fake_discord.faults import Refusal
from tests.fake_discord.interactions import InteractionResult
from tests.fake_discord.patching import pointed_at
from tests.fake_discord.payloads import FakeUser
from tests.fake_discord.server import FAKE_TOKEN, FakeDiscord

__all__ = [
    "FAKE_TOKEN",
    "FakeDiscord",
    "FakeUser",
    "InteractionResult",
    "Refusal",
    "pointed_at",
]
