"""Data flows one way: the import rules of STYLE.md, checked on every module's imports."""

from __future__ import annotations

import ast
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


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_respect_the_layers(package: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_roots(path) & FORBIDDEN[package])
        for path in (ROOT / package).rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_every_package_is_checked_or_is_the_application() -> None:
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests"}
    assert packages == set(FORBIDDEN) | {"bot"}
