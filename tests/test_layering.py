"""Data flows one way: the import rules of STYLE.md, checked on every module's imports."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

FORBIDDEN = {
    "analysis": {
        "discord",
        "sqlalchemy",
        "aiohttp",
        "storage",
        "bot",
        "cogs",
        "alembic",
        "asyncpg",
    },
    "storage": {"discord", "analysis", "bot", "cogs", "aiohttp"},
    "config": {"discord", "analysis", "storage", "bot", "cogs", "sqlalchemy"},
    "cogs": {"sqlalchemy", "storage", "alembic", "asyncpg"},
    "eval": {"discord", "sqlalchemy", "aiohttp", "storage", "bot", "cogs"},
}


# Whole modules a package may import although their root is forbidden to it, and why.
THROUGH: dict[str, dict[str, str]] = {
    "eval": {
        "bot.cli": "end-to-end scores run the `analyst` CLI in process, as a member runs it",
        "bot.services.timeline": "the Timeline17 probes swap the key-date ranking the service "
        "calls, in process only, to measure where its gap lies (eval.timeline17_probe)",
    },
}


def imported_roots(path: Path, through: dict[str, str] | None = None) -> set[str]:
    """The top-level packages a file imports, leaving out the modules `through` allows."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    allowed = through or {}
    return {
        name.split(".")[0]
        for name in names
        if not any(name == ok or name.startswith(ok + ".") for ok in allowed)
    }


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_respect_the_layers(package: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            imported_roots(path, THROUGH.get(package)) & FORBIDDEN[package]
        )
        for path in (ROOT / package).rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_every_package_is_checked_or_is_the_application() -> None:
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests"}
    assert packages == set(FORBIDDEN) | {"bot"}


# -- the rooms inside bot/ ------------------------------------------------------------------
# A capability is a slice with one name in every room (STYLE.md): services make the answers as
# plain dataclasses; render turns them into text and JSON for any front end; charts draw them;
# ui wraps them in Discord embeds, views and autocompletes; cli is the `analyst` terminal front
# end. Record types may come from storage in every room (repositories return plain records), but
# only services and the composition root (bot.app) open sessions. Rules name module prefixes.
DISCORD_SIDE = (
    "discord",
    "cogs",
    "bot.ui",
    "bot.client",
    "bot.tree",
    "bot.permissions",
    "bot.runner",
    "bot.discord_endpoints",
)
TERMINAL = ("bot.cli", "typer", "rich")
SESSIONS = ("sqlalchemy", "storage.engine", "storage.migrate", "bot.app")
WHY_NO_DISCORD = "is shared with the CLI, which needs no Discord"

ROOMS: dict[str, list[tuple[tuple[str, ...], str]]] = {
    "bot.services": [
        (DISCORD_SIDE, WHY_NO_DISCORD),
        (TERMINAL, "answers the bot and the CLI alike, so knows no terminal"),
        (("bot.render", "bot.charts"), "makes the answers that the rooms above it render"),
        (("bot.app",), "is what bot.app assembles, so does not import it back"),
    ],
    "bot.render": [
        (DISCORD_SIDE, WHY_NO_DISCORD + " (Discord's shape of an answer is bot.ui)"),
        (TERMINAL, "is the text renderer of every front end, not the CLI's alone"),
        (SESSIONS, "renders plain records and opens no sessions"),
    ],
    "bot.charts": [
        (DISCORD_SIDE, WHY_NO_DISCORD),
        (TERMINAL, "draws for every front end, not the CLI's alone"),
        (("bot.render",), "draws images; text is bot.render's"),
        (SESSIONS, "draws plain records and opens no sessions"),
    ],
    "bot.ui": [
        (("cogs",), "is what the cogs build on, so does not import them back"),
        (TERMINAL, "is the Discord front end, not the terminal one"),
        (("storage",), "shows services' answers: storage is reached through a service"),
        (SESSIONS, "opens no sessions: a service does"),
    ],
    "bot.cli": [
        (DISCORD_SIDE, "needs no token and no Discord (STYLE.md habit 5)"),
        (("sqlalchemy", "storage.engine"), "reaches the database through bot.app and services"),
    ],
    # the composition root and the error type both front ends share
    "bot.app": [
        (DISCORD_SIDE, WHY_NO_DISCORD),
        ((*TERMINAL, "bot.render", "bot.charts"), "is below the front ends"),
    ],
    "bot.errors": [(DISCORD_SIDE, WHY_NO_DISCORD), (TERMINAL, "is below the front ends")],
    # the serving process's housekeeping (the garbage collector), called by the bot when ready
    "bot.heap": [(DISCORD_SIDE + TERMINAL, "is the process's housekeeping, below every front end")],
    "bot": [(DISCORD_SIDE + TERMINAL, "is imported by every front end")],
    "bot.__main__": [(DISCORD_SIDE, "starts the CLI, which needs no Discord")],
    # the Discord side: the bot, its command tree and error handler, permission checks, start-up
    **{
        room: [(("cogs", "bot.cli", "typer"), "is below the cogs and apart from the CLI")]
        for room in (
            "bot.client",
            "bot.tree",
            "bot.permissions",
            "bot.runner",
            "bot.discord_endpoints",
        )
    },
}

# Imports the rules above would refuse, each allowed for one file and one imported prefix.
ALLOWED: dict[str, dict[str, str]] = {
    "bot/cli/run.py": {
        "discord": "`analyst run` starts the bot, and says a rejected token plainly",
        "bot.runner": "`analyst run` starts the bot",
    },
    "bot/cli/app.py": {
        "sqlalchemy.exc": "says a locked database plainly; catching an error opens no session",
    },
    "bot/ui/links.py": {"storage.records_cite": "ArticleRef, the plain record a source links to"},
    "bot/ui/embeds/quotes.py": {"storage.quotes_repo": "QuoteRecord, a plain record (typing only)"},
    "bot/ui/embeds/who.py": {"storage.profiles": "Companion and EntityProfile, plain records"},
    "bot/ui/embeds/corpus.py": {"storage.records": "ArticleDetail and CorpusStats, plain records"},
    "bot/ui/autocomplete.py": {
        "bot.app": "its callbacks take the Analyst they read through (typing only)",
        "storage.entity_lookup": "EntityMatch, a plain record, named for typing only",
    },
}


def module_name(path: Path) -> str:
    """bot/services/ingest.py -> bot.services.ingest; a package's __init__ keeps its name."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def imported_modules(path: Path) -> set[str]:
    """Every module a file names in an import (`from a.b import c` names a.b and a.b.c)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            names |= {f"{module}.{alias.name}" for alias in node.names}
    return names


def within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def room_of(module: str) -> str | None:
    """The most specific room holding a module; the room "bot" is bot/__init__.py alone."""
    rooms = [room for room in ROOMS if within(module, room) and (room != "bot" or module == "bot")]
    return max(rooms, key=len) if rooms else None


def bot_modules() -> Iterator[Path]:
    yield from sorted((ROOT / "bot").rglob("*.py"))


def violations(path: Path) -> list[str]:
    """One line per import a file's room forbids: the file, the import, and why not."""
    name = module_name(path)
    room = room_of(name)
    assert room is not None, f"{name} is in no room of ROOMS"
    allowed = ALLOWED.get(str(path.relative_to(ROOT)), {})
    found: list[str] = []
    reported: list[str] = []
    for imported in sorted(imported_modules(path)):
        if any(within(imported, ok) for ok in [*allowed, *reported]):
            continue
        for prefixes, why in ROOMS[room]:
            hit = next((p for p in prefixes if within(imported, p)), None)
            if hit is not None and not within(imported, room):
                found.append(f"{path.relative_to(ROOT)} imports {imported}: {room} {why}")
                reported.append(imported)
                break
    return found


@pytest.mark.parametrize("room", sorted(ROOMS))
def test_rooms_inside_bot_import_only_downwards(room: str) -> None:
    found = [
        line
        for path in bot_modules()
        if room_of(module_name(path)) == room
        for line in violations(path)
    ]
    assert found == [], "\n".join(found)


def test_every_module_of_bot_is_in_a_room() -> None:
    homeless = [module_name(p) for p in bot_modules() if room_of(module_name(p)) is None]
    assert homeless == []
    rooms = {p.parent.name for p in (ROOT / "bot").glob("*/__init__.py")}
    assert {f"bot.{r}" for r in rooms} <= set(ROOMS)


def test_every_allowed_import_is_still_made() -> None:
    """An exception nobody needs any more is removed, so the rule is whole again."""
    stale = [
        f"{file}: {prefix}"
        for file, allowed in ALLOWED.items()
        for prefix in allowed
        if not any(within(m, prefix) for m in imported_modules(ROOT / file))
    ]
    assert stale == []
