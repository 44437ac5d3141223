"""What members see: each command's answer on the sample corpus, as a PNG in docs/screenshots/.

`make screenshots` (or `.venv/bin/python -m docs.screenshots.make`) ingests samples/russia-iran
into a fresh temporary database, starts the real bot against the tests' local fake Discord, runs
each command below, and draws the first page of every answer the way Discord's dark theme shows it:
an HTML page (embeds with their coloured bar, inline fields three to a row, the chart the embed
points to, the buttons) screenshotted by headless Chromium (Debian: `apt-get install chromium`).

Nothing here changes an answer: it only looks at the embeds the bot sent. A command that fails is
skipped, and named again at the end (the exit status is then 1).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import html
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.fake_discord import FakeDiscord

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SAMPLES = ROOT / "samples" / "russia-iran"
WIDTH = 800  # px: the PNGs' width
TALLEST = 8000  # px: the browser window's height; the picture is cropped to what is drawn

Json = dict[str, Any]


@dataclass(frozen=True)
class Shot:
    """One command to run and the file its picture goes to."""

    file: str
    command: str
    options: dict[str, str]


SHOTS = (
    Shot("timeline", "timeline", {}),
    Shot("quotes", "quotes", {"speaker": "putin"}),
    Shot("compare", "compare", {"a": "2015", "b": "2024"}),
    Shot("who", "who", {"name": "putin"}),
    Shot("summary", "summary", {"article": "4"}),
    Shot("search", "search", {"query": "nuclear deal"}),
    Shot("stats", "stats", {}),
    Shot("digest", "digest now", {}),
)

# ---------------------------------------------------------------- Discord Markdown to HTML

_HOLE = re.compile("\ue000(\\d+)\ue001")
_ESCAPE = re.compile(r"\\([^A-Za-z0-9\s])")  # Discord unescapes any punctuation
_TIMESTAMP = re.compile(r"<t:(-?\d+)(?::([tTdDfFR]))?>")
_LINK = re.compile(r"\[([^\[\]\n]+)\]\((https?://[^\s()]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_UNDERLINE = re.compile(r"__(.+?)__")
_ITALIC = re.compile(r"(?<![*\w])\*(?![\s*])(.+?)(?<![\s*])\*(?![*\w])")
_STRIKE = re.compile(r"~~(.+?)~~")
_CODE = re.compile(r"`([^`\n]+)`")
_STYLES = {
    "t": "%H:%M",
    "T": "%H:%M:%S",
    "d": "%d/%m/%Y",
    "D": "%-d %B %Y",
    "f": "%-d %B %Y %H:%M",
    "F": "%A, %-d %B %Y %H:%M",
    "R": "%-d %B %Y",
}


def _timestamp(match: re.Match[str]) -> str:
    """`<t:unix:style>` as Discord shows it (here in UTC; Discord uses the reader's zone)."""
    try:
        moment = datetime.fromtimestamp(int(match[1]), UTC)
    except (OverflowError, OSError, ValueError):
        return html.escape(match[0])
    return f'<span class="ts">{html.escape(moment.strftime(_STYLES[match[2] or "f"]))}</span>'


def _inline(text: str) -> str:
    """One line of Discord Markdown as HTML. Everything from the text is escaped first; only the
    markup Discord itself reads (escapes, links, bold, italics, code, timestamps) becomes tags."""
    holes: list[str] = []

    def hole(fragment: str) -> str:
        holes.append(fragment)
        return f"\ue000{len(holes) - 1}\ue001"

    text = text.replace("\ue000", "").replace("\ue001", "")  # the holes' marks are ours alone
    text = _CODE.sub(lambda m: hole(f"<code>{html.escape(m[1])}</code>"), text)
    text = _ESCAPE.sub(lambda m: hole(html.escape(m[1])), text)
    text = _TIMESTAMP.sub(lambda m: hole(_timestamp(m)), text)
    text = html.escape(text, quote=True)
    text = _LINK.sub(lambda m: f'<a href="{m[2]}">{m[1]}</a>', text)
    text = _BOLD.sub(r"<strong>\1</strong>", text)
    text = _UNDERLINE.sub(r"<u>\1</u>", text)
    text = _ITALIC.sub(r"<em>\1</em>", text)
    text = _STRIKE.sub(r"<s>\1</s>", text)
    while _HOLE.search(text):  # a hole may hold another (code inside nothing else; cheap anyway)
        text = _HOLE.sub(lambda m: holes[int(m[1])], text)
    return text


def markdown_to_html(text: str) -> str:
    """Discord Markdown (a description, a field value) as HTML: lines starting `> ` are block
    quotes, `>>> ` quotes the rest, other lines are joined by line breaks."""
    parts: list[str] = []
    plain: list[str] = []
    quoted: list[str] = []

    def flush_plain() -> None:  # one div a line: an empty line keeps its height, as in Discord
        parts.extend(f'<div class="line">{line or "&nbsp;"}</div>' for line in plain)
        plain.clear()

    def flush_quote() -> None:
        if quoted:
            parts.append(f'<div class="quote">{"<br>".join(quoted)}</div>')
            quoted.clear()

    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.startswith(">>> "):
            flush_plain()
            quoted.extend(_inline(rest) for rest in [line[4:], *lines[index + 1 :]])
            break
        if line.startswith("> ") or line == ">":
            flush_plain()
            quoted.append(_inline(line[2:]))
            continue
        flush_quote()
        plain.append(_inline(line))
    flush_quote()
    flush_plain()
    return "".join(parts)


# ---------------------------------------------------------------- the page

CSS = """
* { box-sizing: border-box; }
body { margin: 0; background: #313338; color: #dbdee1; width: %(width)dpx;
  font: 15px/1.375 "gg sans", "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
.msg { display: flex; padding: 14px 16px 18px 16px; }
.avatar { flex: none; width: 40px; height: 40px; border-radius: 50%%; background: #5865f2;
  color: #fff; font-weight: 700; font-size: 18px; display: flex; align-items: center;
  justify-content: center; margin-right: 16px; margin-top: 22px; }
.body { flex: 1; min-width: 0; }
.reply { color: #b5bac1; font-size: 13px; margin-bottom: 2px; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; }
.reply b { color: #c9cdfb; font-weight: 600; }
.reply .cmd { color: #00a8fc; }
.head { display: flex; align-items: baseline; gap: 6px; }
.name { color: #f2f3f5; font-weight: 600; }
.tag { background: #5865f2; color: #fff; font-size: 10px; font-weight: 700; padding: 1px 4px;
  border-radius: 3px; position: relative; top: -2px; }
.when { color: #949ba4; font-size: 12px; }
.content { margin-top: 2px; }
.embed { background: #2b2d31; border-left: 4px solid #1e1f22; border-radius: 4px;
  max-width: 680px; padding: 8px 16px 16px 12px; margin-top: 8px; }
.etitle { color: #f2f3f5; font-weight: 600; font-size: 16px; margin-top: 8px; }
.author { color: #f2f3f5; font-weight: 600; font-size: 14px; margin-top: 8px; }
.desc { font-size: 14px; margin-top: 8px; overflow-wrap: anywhere; }
.fields { display: grid; grid-template-columns: repeat(12, 1fr); column-gap: 8px;
  row-gap: 8px; margin-top: 8px; }
.field { font-size: 14px; min-width: 0; overflow-wrap: anywhere; }
.fname { color: #f2f3f5; font-weight: 600; margin-bottom: 2px; }
.image { margin-top: 16px; }
.image img { max-width: 100%%; max-height: 360px; border-radius: 4px; display: block; }
.footer { color: #b5bac1; font-size: 12px; margin-top: 8px; }
.quote { border-left: 4px solid #4e5058; padding: 0 8px 0 12px; margin: 2px 0; }
a { color: #00a8fc; text-decoration: none; }
strong { color: #f2f3f5; font-weight: 700; }
code { background: #1e1f22; border-radius: 3px; padding: 0 3px; font-size: 13px; }
.ts { background: rgba(255, 255, 255, 0.06); border-radius: 3px; padding: 0 2px; }
.row { display: flex; gap: 8px; margin-top: 8px; flex-wrap: wrap; }
.button { color: #fff; font-size: 14px; font-weight: 500; padding: 2px 16px; height: 32px;
  border-radius: 3px; display: flex; align-items: center; background: #4e5058; }
.button.s1 { background: #5865f2; } .button.s3 { background: #248046; }
.button.s4 { background: #da373c; } .button.off { opacity: 0.5; }
.select { background: #1e1f22; color: #949ba4; border-radius: 4px; padding: 8px 12px;
  font-size: 14px; width: 400px; }
.only { color: #949ba4; font-size: 12px; margin-top: 6px; }
.only a { font-size: 12px; }
"""


def _field_spans(fields: list[Json]) -> list[int]:
    """Columns (of 12) each field takes: consecutive inline fields share a row, three at most,
    as Discord lays them out; a field that is not inline takes the whole row."""
    spans = [12] * len(fields)
    run: list[int] = []

    def close() -> None:
        for start in range(0, len(run), 3):
            row = run[start : start + 3]
            for index in row:
                spans[index] = 12 // len(row)
        run.clear()

    for index, field in enumerate(fields):
        if field.get("inline"):
            run.append(index)
        else:
            close()
    close()
    return spans


def _image(url: str, files: dict[str, bytes]) -> str | None:
    """An `<img>` for an embed image: an attachment it points to, inline as a data URL."""
    if url.startswith("attachment://") and url.removeprefix("attachment://") in files:
        data = base64.b64encode(files[url.removeprefix("attachment://")]).decode()
        return f'<img src="data:image/png;base64,{data}" alt="">'
    return None


def embed_html(embed: Json, files: dict[str, bytes]) -> str:
    """One embed as Discord draws it."""
    colour = embed.get("color")
    bar = f"#{colour:06x}" if isinstance(colour, int) else "#1e1f22"
    parts = [f'<div class="embed" style="border-left-color: {bar}">']
    author = (embed.get("author") or {}).get("name")
    if author:
        parts.append(f'<div class="author">{html.escape(author)}</div>')
    if embed.get("title"):
        title = _inline(embed["title"])
        if embed.get("url", "").startswith(("http://", "https://")):
            title = f'<a href="{html.escape(embed["url"])}">{title}</a>'
        parts.append(f'<div class="etitle">{title}</div>')
    if embed.get("description"):
        parts.append(f'<div class="desc">{markdown_to_html(embed["description"])}</div>')
    fields = list(embed.get("fields") or [])
    if fields:
        parts.append('<div class="fields">')
        for field, span in zip(fields, _field_spans(fields), strict=True):
            parts.append(
                f'<div class="field" style="grid-column: span {span}">'
                f'<div class="fname">{_inline(field.get("name", ""))}</div>'
                f"<div>{markdown_to_html(field.get('value', ''))}</div></div>"
            )
        parts.append("</div>")
    picture = _image((embed.get("image") or {}).get("url", ""), files)
    if picture:
        parts.append(f'<div class="image">{picture}</div>')
    footer = (embed.get("footer") or {}).get("text")
    stamp = embed.get("timestamp")
    if footer or stamp:
        bits = [html.escape(footer)] if footer else []
        if stamp:
            moment = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
            bits.append(html.escape(moment.strftime("%d/%m/%Y %H:%M")))
        parts.append(f'<div class="footer">{" • ".join(bits)}</div>')
    parts.append("</div>")
    return "".join(parts)


def components_html(rows: Iterable[Json]) -> str:
    """Buttons and select menus, row by row."""
    out = []
    for row in rows:
        items = []
        for item in row.get("components") or []:
            if item.get("type") == 2:
                off = " off" if item.get("disabled") else ""
                label = html.escape(item.get("label") or (item.get("emoji") or {}).get("name", ""))
                items.append(f'<div class="button s{item.get("style", 2)}{off}">{label}</div>')
            elif item.get("type") in {3, 5, 6, 7, 8}:
                text = item.get("placeholder") or "Make a selection"
                items.append(f'<div class="select">{html.escape(text)} ▾</div>')
        out.append(f'<div class="row">{"".join(items)}</div>')
    return "".join(out)


def message_html(
    message: Json, files: dict[str, bytes], *, asked: str, ephemeral: bool, width: int = WIDTH
) -> str:
    """A whole page: the member's command, the bot's message with its embeds and buttons."""
    body = []
    if message.get("content"):
        body.append(f'<div class="content">{markdown_to_html(message["content"])}</div>')
    shown = {
        (e.get("image") or {}).get("url", "").removeprefix("attachment://")
        for e in message.get("embeds") or []
    }
    body.extend(embed_html(e, files) for e in message.get("embeds") or [])
    for name, data in files.items():  # attachments no embed shows sit below, as in Discord
        if name not in shown and name.lower().endswith(".png"):
            image = _image(f"attachment://{name}", {name: data})
            body.append(f'<div class="image">{image}</div>')
        elif name not in shown:
            body.append(f'<div class="content">📎 {html.escape(name)}</div>')
    body.append(components_html(message.get("components") or []))
    if ephemeral:
        body.append('<div class="only">👁 Only you can see this • <a>Dismiss message</a></div>')
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        f"<style>{CSS % {'width': width}}</style></head><body>"
        '<div class="msg"><div class="avatar">A</div><div class="body">'
        f'<div class="reply"><b>alice</b> used <span class="cmd">{html.escape(asked)}</span></div>'
        '<div class="head"><span class="name">Analyst</span><span class="tag">APP</span>'
        '<span class="when">Today at 09:00</span></div>'
        f"{''.join(body)}</div></div></body></html>"
    )


# ---------------------------------------------------------------- the browser


CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
MISSING = (
    "docs.screenshots.make needs headless Chromium to draw the pages: on Debian or Ubuntu run "
    "`apt-get install chromium` (as root), or point CHROMIUM=/path/to/chrome at one."
)


def find_chromium() -> str | None:
    """The browser to screenshot with: $CHROMIUM, else the first on PATH."""
    wanted = os.environ.get("CHROMIUM")
    if wanted:
        return wanted if Path(wanted).exists() or shutil.which(wanted) else None
    return next((found for n in CHROMIUM_NAMES if (found := shutil.which(n))), None)


def screenshot(browser: str, page: Path, out: Path, width: int = WIDTH) -> None:
    """Draw `page` in a tall window, then crop the picture to what was drawn and shrink it."""
    from PIL import Image

    raw = out.with_suffix(".raw.png")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(  # noqa: S603  # the browser found on PATH or named by $CHROMIUM
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                f"--user-data-dir={profile}",
                f"--window-size={width},{TALLEST}",
                f"--screenshot={raw}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    with Image.open(raw) as drawn:
        picture = drawn.convert("RGB")
    raw.unlink()
    background = picture.getpixel((width - 1, picture.height - 1))
    bottom = picture.height
    pixels = picture.load()
    assert pixels is not None
    while bottom > 1 and all(pixels[x, bottom - 1] == background for x in range(0, width, 2)):
        bottom -= 1
    picture = picture.crop((0, 0, width, min(picture.height, bottom + 18)))
    picture.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(out, optimize=True)


# ---------------------------------------------------------------- the bot


def ingest_samples(folder: Path) -> str:
    """The sample corpus ingested by the CLI into a fresh database in `folder`; its URL."""
    from typer.testing import CliRunner

    from bot.cli import app as cli_app

    url = f"sqlite+aiosqlite:///{folder / 'analyst.db'}"
    result = CliRunner().invoke(
        cli_app, ["ingest", str(SAMPLES)], env={"ANALYST_DATABASE_URL": url}
    )
    if result.exit_code != 0:
        raise SystemExit(f"ingesting {SAMPLES} failed:\n{result.output}")
    # the CLI logged to the runner's captured stream, closed now: log warnings to stderr instead
    for handler in logging.getLogger().handlers[:]:
        logging.getLogger().removeHandler(handler)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("discord").setLevel(logging.ERROR)  # "voice will NOT be supported" etc.
    return url


@dataclass
class Answer:
    """The first message of one answer, what it attached, and whether only the asker sees it."""

    shot: Shot
    message: Json
    files: dict[str, bytes]
    ephemeral: bool

    @property
    def asked(self) -> str:
        options = " ".join(f"{k}: {v}" for k, v in self.shot.options.items())
        return f"/{self.shot.command} {options}".strip()


async def collect(url: str, shots: Iterable[Shot], report: Callable[[str], None]) -> list[Answer]:
    """Run each command through the real bot and the fake Discord; keep the answers' first
    messages. A command that errors or sends nothing is reported and skipped."""
    from bot.app import open_analyst
    from bot.client import AnalystBot
    from bot.services.cooldown import Cooldown
    from config.settings import Settings
    from tests.fake_discord import FakeDiscord, pointed_at

    answers = []
    settings = Settings.model_validate({"database_url": url})
    async with FakeDiscord() as fake, open_analyst(settings) as analyst:
        # as tests/discordbot/conftest.py starts it; no per-member limits for eight commands
        bot = AnalystBot(
            analyst, dev_guild_id=fake.guild_id, guild_ready_timeout=0.05, cooldown=Cooldown({})
        )
        with pointed_at(fake.api_base, fake.gateway_url):
            running = asyncio.create_task(bot.start(fake.token))
            try:
                await fake.wait_ready()
                answers = await _ask(fake, shots, report)
            finally:
                await bot.close()
                await asyncio.wait_for(running, timeout=10)
    return answers


async def _ask(
    fake: FakeDiscord, shots: Iterable[Shot], report: Callable[[str], None]
) -> list[Answer]:
    """Each command in turn, as member alice; the first message of each answer."""
    answers = []
    for shot in shots:
        try:
            result = await fake.slash(shot.command, shot.options, timeout=60)
            shown = [m for m in result.messages if m.get("embeds") or m.get("content")]
            if not shown:
                report(f"skipped /{shot.command}: no message came back")
                continue
            first = shown[0]
            files = {
                a["filename"]: result.world.files[int(a["id"])]
                for a in first.get("attachments") or []
            }
        except Exception as exc:  # noqa: BLE001  # one failing command skips its picture
            report(f"skipped /{shot.command}: {type(exc).__name__}: {exc}")
            continue
        answers.append(Answer(shot, first, files, result.ephemeral))
    return answers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=HERE, help="folder for the PNGs")
    parser.add_argument("--html", type=Path, help="also keep the HTML pages in this folder")
    parser.add_argument("--only", nargs="*", help="file names to make (timeline, quotes, ...)")
    args = parser.parse_args(argv)
    browser = find_chromium()
    if browser is None:
        print(MISSING, file=sys.stderr)  # noqa: T201
        return 2
    shots = [s for s in SHOTS if not args.only or s.file in args.only]
    problems: list[str] = []

    def report(line: str) -> None:
        problems.append(line)
        print(line, file=sys.stderr)  # noqa: T201

    with tempfile.TemporaryDirectory(prefix="analyst-screens-") as work:
        folder = Path(work)
        answers = asyncio.run(collect(ingest_samples(folder), shots, report))
        pages = args.html or folder
        pages.mkdir(parents=True, exist_ok=True)
        args.out.mkdir(parents=True, exist_ok=True)
        for answer in answers:
            page = pages / f"{answer.shot.file}.html"
            page.write_text(
                message_html(
                    answer.message, answer.files, asked=answer.asked, ephemeral=answer.ephemeral
                ),
                encoding="utf-8",
            )
            out = args.out / f"{answer.shot.file}.png"
            try:
                screenshot(browser, page, out)
            except (subprocess.SubprocessError, OSError) as exc:
                report(f"no picture of {answer.asked}: {exc}")
                continue
            print(f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")  # noqa: T201
    if problems:
        print("Not drawn:", *problems, sep="\n  ", file=sys.stderr)  # noqa: T201
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
