"""`analyst alert add|list|remove`: watchlist alerts, set up from a terminal for any guild.

The cards themselves are posted by the bot (the outbox); these commands only set up what it
watches, with the same reading of WHAT as /alert add (see docs/alerts.md).
"""

from __future__ import annotations

from typing import Annotated

import typer

from bot.app import Analyst
from bot.cli.app import JsonOption, app, emit, run, settings_of
from bot.render import alerts as render
from bot.services import user_input
from bot.services.alerts import AlertRecord

alert_app = typer.Typer(help="Watchlist alerts: cards posted in a channel.", no_args_is_help=True)
app.add_typer(alert_app, name="alert")


@alert_app.command("add", context_settings={"ignore_unknown_options": True})
def add(
    ctx: typer.Context,
    what: Annotated[
        list[str],
        typer.Argument(
            help="A person or organisation (any alias), quotes:NAME, spikes, or /search words.",
            show_default=False,
        ),
    ],
    *,
    guild: Annotated[int, typer.Option("--guild", min=1, help="The guild (server) id.")],
    channel: Annotated[int, typer.Option("--channel", min=1, help="Where cards are posted.")],
    role: Annotated[
        int | None,
        typer.Option("--role", min=1, help="A role each card pings.", show_default=False),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Watch a person, organisation, speaker's quotes, search or spikes in a channel.

    Each new article that matches posts one card in the channel, pinging the role if given.
    """

    async def work(analyst: Analyst) -> AlertRecord:
        text = user_input.clean_query(" ".join(what), "alert")
        return await analyst.alerts.add(guild, channel, text, role_id=role)

    alert = run(settings_of(ctx), work)
    emit(as_json, render.added_text(alert), render.alert_json(alert))


@alert_app.command("list")
def list_(
    ctx: typer.Context,
    *,
    guild: Annotated[
        int | None, typer.Option("--guild", min=1, help="Only this guild's.", show_default=False)
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List the alerts (of one guild with --guild): what each watches, where, whom it pings."""

    async def work(analyst: Analyst) -> list[AlertRecord]:
        return await analyst.alerts.list(guild)

    alerts = run(settings_of(ctx), work)
    emit(as_json, render.alerts_text(alerts), render.alerts_json(alerts))


@alert_app.command("remove")
def remove(
    ctx: typer.Context,
    alert_id: Annotated[int, typer.Argument(metavar="ID", help="The alert's number (#3: 3).")],
    *,
    guild: Annotated[
        int | None,
        typer.Option("--guild", min=1, help="Only if it is this guild's.", show_default=False),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Stop an alert: no more cards from it."""

    async def work(analyst: Analyst) -> AlertRecord:
        return await analyst.alerts.remove(guild, alert_id)

    alert = run(settings_of(ctx), work)
    emit(as_json, render.removed_text(alert), render.alert_json(alert))
