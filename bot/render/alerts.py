"""Alerts as plain text and JSON: `analyst alert add|list|remove`, and the words /alert shares.

    #3  Vladimir Putin (person) → guild 42, channel 4242, pings role 77
        posts a card for each new article naming Vladimir Putin

Plain and unescaped: the Discord layer escapes what it shows (`bot.ui.embeds.alerts`).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.services.alerts import ENTITY, QUOTES, SEARCH, SPIKES, AlertRecord

KINDS = {"person": "person", "org": "organisation"}


def watched(alert: AlertRecord) -> str:
    """`Vladimir Putin (person)`, `quotes by Vladimir Putin`, `search “iran sanctions”`."""
    name = alert.name or alert.label
    if alert.kind == ENTITY:
        kind = KINDS.get(alert.entity_kind or "", alert.entity_kind or "gone from the corpus")
        return f"{name} ({kind})"
    if alert.kind == QUOTES:
        return f"quotes by {name}"
    if alert.kind == SEARCH:
        return f"search “{alert.query or alert.label}”"
    return "rising names (spikes)"


def what_it_does(alert: AlertRecord) -> str:
    """What makes the alert post a card, in one phrase."""
    name = alert.name or alert.label
    if alert.kind == ENTITY:
        return f"a card for each new article naming {name}"
    if alert.kind == QUOTES:
        return f"a card for each new article quoting {name}"
    if alert.kind == SEARCH:
        return f"a card for each new article /search finds for “{alert.query or alert.label}”"
    if alert.kind == SPIKES:
        return "a card when a person, organisation or term rises above its baseline"
    return "nothing"


def alert_line(alert: AlertRecord) -> str:
    """`#3  Vladimir Putin (person) → guild 42, channel 4242, pings role 77`."""
    ping = f", pings role {alert.role_id}" if alert.role_id else ""
    where = f"guild {alert.guild_id}, channel {alert.channel_id}{ping}"
    return f"#{alert.id}  {watched(alert)} → {where}"


def alerts_text(alerts: Sequence[AlertRecord]) -> str:
    """Every alert on two lines: what it watches and where, then what posts a card."""
    if not alerts:
        return "No alerts are set."
    lines = [f"{len(alerts)} alert{'s' if len(alerts) != 1 else ''}:"]
    for alert in alerts:
        lines += [alert_line(alert), f"    posts {what_it_does(alert)}"]
    return "\n".join(lines)


def added_text(alert: AlertRecord) -> str:
    """The confirmation of `alert add`."""
    ping = f", pinging role {alert.role_id}" if alert.role_id else ""
    return (
        f"Alert #{alert.id}: {watched(alert)} in channel {alert.channel_id} of guild "
        f"{alert.guild_id}{ping}; it posts {what_it_does(alert)}."
    )


def removed_text(alert: AlertRecord) -> str:
    """The confirmation of `alert remove`."""
    return f"Removed alert #{alert.id}: {watched(alert)} in channel {alert.channel_id}."


def alert_json(alert: AlertRecord) -> dict[str, object]:
    """One alert as documented in docs/alerts.md."""
    return {
        "id": alert.id,
        "guild_id": alert.guild_id,
        "channel_id": alert.channel_id,
        "role_id": alert.role_id,
        "kind": alert.kind,
        "label": alert.label,
        "entity_id": alert.entity_id,
        "name": alert.name,
        "entity_kind": alert.entity_kind,
        "query": alert.query,
        "created_by": alert.created_by,
        "created_at": alert.created_at.isoformat(),
    }


def alerts_json(alerts: Sequence[AlertRecord]) -> dict[str, object]:
    """`analyst alert list --json`."""
    return {"alerts": [alert_json(a) for a in alerts]}
