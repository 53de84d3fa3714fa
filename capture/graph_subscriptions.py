"""Graph change notifications: subscriptions on a rep's sent mail and events, and the rules for
the API route that receives them.

The route (a POST to the `notification_url` setting) must:

- answer Graph's handshake: when the request has a `validationToken` query parameter, reply
  200 with that token, URL-decoded, as `text/plain`, within 10 seconds, before anything else
  (`validation_token` below reads it). Graph sends it when a subscription is created or renewed,
  and drops the subscription if the answer is late or differs;
- otherwise pass the JSON body to `notification_targets` with the stored subscriptions, answer
  202 at once, and start a sync of each returned (mailbox, stream) in the background: Graph
  retries a notification that is not answered within 3 seconds. The body only says *that*
  something changed; the sync reads what changed through the delta query.
"""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from capture.base import SourceError, Stream
from capture.graph_http import GraphClient
from capture.graph_values import graph_time

# what each stream watches: the folder the mail source reads, and every event of the mailbox
RESOURCES: dict[Stream, str] = {
    "mail": "users/{mailbox}/mailFolders('sentitems')/messages",
    "calendar": "users/{mailbox}/events",
}
CHANGE_TYPES = "created,updated,deleted"


@dataclass(frozen=True)
class Subscription:
    """A subscription as the caller stores it; `client_state` is a secret (keep it encrypted)."""

    id: str
    mailbox: str
    stream: Stream
    client_state: str
    expires_at: datetime


@dataclass(frozen=True)
class SyncTarget:
    """A stream to sync because a genuine notification named its subscription."""

    subscription_id: str
    mailbox: str
    stream: Stream


def create_subscription(
    client: GraphClient, *, mailbox: str, stream: Stream, now: datetime | None = None
) -> Subscription:
    """Subscribe to changes in `mailbox`'s `stream`; Graph first checks the notification URL."""
    config = client.config
    if not config.notification_url:
        raise SourceError("PROOFSTAGE_MS_NOTIFICATION_URL is not set")
    client_state = secrets.token_urlsafe(48)  # 64 characters, under Graph's 128
    expires_at = _expiry(client, now)
    body = client.post(
        "subscriptions",
        {
            "changeType": CHANGE_TYPES,
            "notificationUrl": config.notification_url,
            "resource": RESOURCES[stream].format(mailbox=mailbox),
            "expirationDateTime": _iso(expires_at),
            "clientState": client_state,
        },
    )
    return Subscription(
        id=body["id"],
        mailbox=mailbox,
        stream=stream,
        client_state=client_state,
        expires_at=graph_time(body.get("expirationDateTime") or _iso(expires_at)),
    )


def renew_subscription(
    client: GraphClient, subscription: Subscription, *, now: datetime | None = None
) -> Subscription:
    """Push the expiry as far as Graph allows again; call well before `expires_at`."""
    body = client.patch(
        f"subscriptions/{subscription.id}", {"expirationDateTime": _iso(_expiry(client, now))}
    )
    return replace(subscription, expires_at=graph_time(body["expirationDateTime"]))


def delete_subscription(client: GraphClient, subscription_id: str) -> None:
    client.delete(f"subscriptions/{subscription_id}")


def renewal_due(
    subscription: Subscription, *, now: datetime, margin: timedelta = timedelta(hours=12)
) -> bool:
    """Whether to renew now: within `margin` of expiry (a missed renewal ends notifications)."""
    return subscription.expires_at - now <= margin


def validation_token(query: Mapping[str, str]) -> str | None:
    """The token to echo as text/plain when Graph validates the notification URL, else None."""
    return query.get("validationToken")


def notification_targets(
    body: bytes | str | dict[str, Any], *, subscriptions: Mapping[str, Subscription]
) -> list[SyncTarget]:
    """The streams to sync for a notification POST body: only items whose subscription id is
    one of `subscriptions` (by id) and whose clientState is that subscription's. The mailbox and
    stream come from the stored subscription, never from the body."""
    try:
        data = json.loads(body) if isinstance(body, bytes | str) else body
        items = data.get("value") if isinstance(data, dict) else None
    except ValueError:
        return []
    targets: list[SyncTarget] = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        subscription = subscriptions.get(str(item.get("subscriptionId")))
        state = item.get("clientState")
        if subscription is None or not isinstance(state, str):
            continue
        if not hmac.compare_digest(state.encode(), subscription.client_state.encode()):
            continue  # forged or stale: never a reason to act
        target = SyncTarget(subscription.id, subscription.mailbox, subscription.stream)
        if target not in targets:
            targets.append(target)
    return targets


def _expiry(client: GraphClient, now: datetime | None) -> datetime:
    start = (now or datetime.now(UTC)).astimezone(UTC)
    return start + timedelta(minutes=client.config.subscription_minutes)


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
