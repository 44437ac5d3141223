"""A normal `pip install .` is part of the product: the wheel ships every package and data file.

The wheel is built offline from a clean copy of the checkout, installed without dependencies into a
fresh venv that borrows only the third-party libraries of the development venv (a path line, so the
development venv's editable finder never runs), and used from a folder outside the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("config", "analysis", "storage", "bot", "cogs")
NOT_IMPORTED = {
    "bot.__main__": "runs the CLI when imported; `analyst --help` covers it",
    "storage.migrations.env": "an Alembic script, run inside an upgrade: the upgrade test runs it",
}
ROOT_LEFTOVERS = {"build", "dist", "data"}  # earlier builds and local databases, never shipped
PIP = (sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet")

IMPORT_EVERY_MODULE = """
import importlib, json, pkgutil, sys

def fail(name):
    raise ImportError(name)

packages, skipped = json.loads(sys.argv[1]), set(json.loads(sys.argv[2]))
files = {}
for top in packages:
    package = importlib.import_module(top)
    files[top] = package.__file__
    for info in pkgutil.walk_packages(package.__path__, top + ".", onerror=fail):
        if info.name not in skipped:
            files[info.name] = importlib.import_module(info.name).__file__
print(json.dumps(files))
"""


@dataclass(frozen=True)
class Installed:
    """A fresh venv holding the wheel, and a working folder outside the checkout."""

    wheel: Path
    bin: Path
    site_packages: Path
    outside: Path
    env: dict[str, str]

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run a program from the fresh venv in the outside folder; fail loudly on a bad exit."""
        result = subprocess.run(
            [str(self.bin / args[0]), *args[1:]],
            cwd=self.outside,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
        return result


def _ignore_leftovers(folder: str, names: list[str]) -> set[str]:
    """Copy what a fresh clone would hold: no caches, venvs, earlier builds or egg-info."""
    at_root = Path(folder) == ROOT
    return {
        name
        for name in names
        if name.startswith(".")
        or name in {"__pycache__", "analyst.egg-info"}
        or name.endswith(".pyc")
        or (at_root and name in ROOT_LEFTOVERS)
    }


def _build_wheel(work: Path) -> Path:
    source, out = work / "source", work / "wheel"
    shutil.copytree(ROOT, source, ignore=_ignore_leftovers)
    result = subprocess.run(
        [
            *PIP,
            "wheel",
            "--no-index",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, (
        "the wheel does not build offline; the development venv needs the build backend of "
        f"[build-system] (setuptools>=68, wheel):\n{result.stdout}\n{result.stderr}"
    )
    (wheel,) = out.glob("analyst-*.whl")
    return wheel


def _environment() -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "ANALYST_", "PIP_")) and key != "VIRTUAL_ENV"
    }
    env["PYTHONNOUSERSITE"] = "1"
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """Build the wheel, install it alone into a fresh venv, lend it the dev venv's libraries."""
    work = tmp_path_factory.mktemp("install")
    wheel = _build_wheel(work)
    target = work / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    python = target / "bin" / "python"
    env = _environment()
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    site_packages = Path(site)
    # A path line, not a site dir: the dev venv's own .pth files (its editable finder) never run.
    lent = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")])
    (site_packages / "dev_libraries.pth").write_text("\n".join(lent) + "\n", encoding="utf-8")
    subprocess.run(
        [*PIP, "--python", str(python), "install", "--no-index", "--no-deps", str(wheel)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    outside = work / "elsewhere"
    outside.mkdir()
    return Installed(wheel, target / "bin", site_packages, outside, env)


def _package_files(base: Path) -> set[str]:
    return {
        path.relative_to(base).as_posix()
        for top in PACKAGES
        for path in (base / top).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def _source_modules() -> set[str]:
    names = set()
    for path in _package_files(ROOT):
        if path.endswith(".py"):
            parts = path.removesuffix(".py").split("/")
            names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names - NOT_IMPORTED.keys()


def test_the_wheel_holds_the_application_packages_only(installed: Installed) -> None:
    """No tests, benchmarks or eval in the wheel; every application package at the top."""
    with zipfile.ZipFile(installed.wheel) as archive:
        tops = {name.split("/")[0] for name in archive.namelist()}
    assert tops == {*PACKAGES, "analyst-0.1.0.dist-info"}


def test_the_wheel_ships_every_file_of_the_packages(installed: Installed) -> None:
    """Subpackages, migrations and data files (example.env, the migration template) all arrive."""
    missing = _package_files(ROOT) - _package_files(installed.site_packages)
    assert not missing, f"in the checkout but not in the installed wheel: {sorted(missing)}"


def test_analyst_help_runs_from_outside_the_checkout(installed: Installed) -> None:
    """The console script of the fresh venv starts and lists the commands."""
    result = installed.run("analyst", "--help")
    assert "Usage: analyst" in result.stdout
    for command in ("ingest", "stats", "timeline", "compare"):
        assert command in result.stdout


def test_every_module_imports_from_the_installed_wheel(installed: Installed) -> None:
    """Cogs, bot.ui and bot.charts included; each one from the fresh venv, not the checkout."""
    result = installed.run(
        "python",
        "-c",
        IMPORT_EVERY_MODULE,
        json.dumps(PACKAGES),
        json.dumps(sorted(NOT_IMPORTED)),
    )
    files = json.loads(result.stdout)
    assert set(files) == _source_modules()
    strays = {name: file for name, file in files.items() if Path(file).parent.is_relative_to(ROOT)}
    assert not strays, f"imported from the checkout, not the wheel: {strays}"
    assert all(Path(file).is_relative_to(installed.site_packages) for file in files.values())


def test_the_installed_migrations_bring_a_new_database_to_head(installed: Installed) -> None:
    """The packaged Alembic scripts run from the install, whatever the working folder."""
    url = f"sqlite+aiosqlite:///{installed.outside / 'fresh.db'}"
    result = installed.run("analyst", "--db", url, "db", "upgrade", "--json")
    figures = json.loads(result.stdout)
    assert figures["revision"] == figures["head"]
    assert figures["head"] is not None
