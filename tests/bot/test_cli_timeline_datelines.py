"""What a member reads of a wire story in `analyst timeline`: no dateline in front of the event."""

from __future__ import annotations

import json
from pathlib import Path

from tests.bot.conftest import Invoke

STORY = """Harbour strike ends

date 2024-03-15

ROTTERDAM, March 14 (Reuters) - Dock workers at the port of Rotterdam ended their strike on \
Thursday after the port authority agreed to raise wages by six percent.

The union said ships would be unloaded again from Friday morning.
"""


def test_a_wire_story_s_event_is_told_without_its_dateline(cli: Invoke, tmp_path: Path) -> None:
    story = tmp_path / "strike.txt"
    story.write_text(STORY, encoding="utf-8")
    cli("ingest", str(story))
    data = json.loads(cli("timeline", "--all", "--json").output)
    texts = [e["text"] for e in data["events"] if e["date"] == "2024-03-14"]
    assert texts, data
    assert texts[0].startswith("Dock workers at the port of Rotterdam ended their strike")
    assert "(Reuters)" not in cli("timeline", "--all").output
