"""Push from Google: Gmail users.watch (Pub/Sub) and Calendar events.watch channels, their renewal,
and checks of incoming pushes that say which mailbox stream to sync (the body is never data)."""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import secrets
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from googleapiclient.discovery import Resource

from capture.base import SourceError, Stream
from capture.google_config import GoogleConfig
from capture.google_retry import Backoff, call

# Gmail's watch lasts 7 days and Google asks for a renewal every day; channels are renewed as
# late as this before they expire
RENEW_BEFORE = timedelta(days=1)


@dataclass(frozen=True)
class MailWatch:
    """A Gmail watch on the SENT label: when it ends and the history id it started at."""

    mailbox: str
    history_id: str
    expiration: datetime


@dataclass(frozen=True)
class CalendarChannel:
    """A Calendar notification channel; `token` is the secret Google echoes on every push."""

    mailbox: str
    id: str
    resource_id: str
    token: str
    expiration: datetime


@dataclass(frozen=True)
class PushTarget:
    """What a push asks for: read this stream of this mailbox now."""

    mailbox: str
    stream: Stream


class PushRejected(Exception):
    """A push that is not from our channel or subscription (answer 401/403 and do nothing)."""


def watch_mail(
    service: Resource, *, mailbox: str, config: GoogleConfig, backoff: Backoff
) -> MailWatch:
    """Start (or renew: the same call) Gmail's pushes to the Pub/Sub topic for sent mail."""
    if not config.push_topic:
        raise SourceError("no Pub/Sub topic configured (PROOFSTAGE_GOOGLE_PUSH_TOPIC)")
    body = {"topicName": config.push_topic, "labelIds": ["SENT"], "labelFilterBehavior": "include"}
    response = call(service.users().watch(userId=mailbox, body=body).execute, backoff=backoff)
    return MailWatch(
        mailbox=mailbox.lower(),
        history_id=str(response["historyId"]),
        expiration=_from_millis(response["expiration"]),
    )


def stop_mail(service: Resource, *, mailbox: str, backoff: Backoff) -> None:
    """Stop Gmail's pushes for the mailbox."""
    call(service.users().stop(userId=mailbox).execute, backoff=backoff)


def watch_calendar(
    service: Resource,
    *,
    mailbox: str,
    config: GoogleConfig,
    backoff: Backoff,
    calendar_id: str = "primary",
    ttl: timedelta = timedelta(days=7),
) -> CalendarChannel:
    """Open a channel posting the calendar's changes to the push address, with a fresh secret."""
    if not config.push_address:
        raise SourceError("no push address configured (PROOFSTAGE_GOOGLE_PUSH_ADDRESS)")
    body = {
        "id": str(uuid.uuid4()),
        "type": "web_hook",
        "address": config.push_address,
        "token": secrets.token_urlsafe(32),
        "params": {"ttl": str(int(ttl.total_seconds()))},
    }
    response = call(
        service.events().watch(calendarId=calendar_id, body=body).execute, backoff=backoff
    )
    return CalendarChannel(
        mailbox=mailbox.lower(),
        id=response.get("id", body["id"]),
        resource_id=response["resourceId"],
        token=body["token"],
        expiration=_from_millis(response["expiration"]),
    )


def stop_calendar(service: Resource, *, channel: CalendarChannel, backoff: Backoff) -> None:
    """Close a channel; Google then sends nothing more to it."""
    body = {"id": channel.id, "resourceId": channel.resource_id}
    call(service.channels().stop(body=body).execute, backoff=backoff)


def renew_calendar(
    service: Resource,
    *,
    channel: CalendarChannel,
    config: GoogleConfig,
    backoff: Backoff,
    calendar_id: str = "primary",
) -> CalendarChannel:
    """A new channel, then the old one stopped, so no change falls between the two."""
    fresh = watch_calendar(
        service, mailbox=channel.mailbox, config=config, backoff=backoff, calendar_id=calendar_id
    )
    stop_calendar(service, channel=channel, backoff=backoff)
    return fresh


def needs_renewal(expiration: datetime, *, now: datetime) -> bool:
    """Whether a watch or channel ends within RENEW_BEFORE."""
    return expiration - now <= RENEW_BEFORE


def check_calendar_push(
    headers: Mapping[str, str], *, find_channel: Callable[[str], CalendarChannel | None]
) -> PushTarget | None:
    """The stream to sync for a Calendar push; None for the "sync" handshake of a new channel.

    `headers` must look names up case-insensitively (Starlette's do). Raises PushRejected for an
    unknown channel or a wrong token.
    """
    channel_id = headers.get("X-Goog-Channel-ID", "")
    channel = find_channel(channel_id) if channel_id else None
    if channel is None:
        raise PushRejected("unknown channel")
    token = headers.get("X-Goog-Channel-Token", "")
    if not hmac.compare_digest(token.encode(), channel.token.encode()):
        raise PushRejected("wrong channel token")
    if headers.get("X-Goog-Resource-State", "") == "sync":
        return None
    return PushTarget(mailbox=channel.mailbox, stream="calendar")


def check_gmail_push(
    body: bytes,
    *,
    token: str | None,
    config: GoogleConfig,
    is_connected: Callable[[str], bool],
) -> PushTarget | None:
    """The stream to sync for a Pub/Sub push of Gmail; None for a mailbox we do not sync.

    `token` is the secret the push subscription's address carries (`?token=`, the
    PROOFSTAGE_GOOGLE_PUSH_TOKEN setting); a missing or wrong one raises PushRejected. Only the
    address is used: the history id in the body is not trusted, the sync reads from its cursor.
    """
    expected = config.push_token.get_secret_value() if config.push_token else ""
    if not expected or not hmac.compare_digest((token or "").encode(), expected.encode()):
        raise PushRejected("wrong push token")
    try:
        envelope = json.loads(body)
        data = json.loads(base64.b64decode(envelope["message"]["data"]))
        mailbox = str(data["emailAddress"]).strip().lower()
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise PushRejected("not a Gmail push message") from exc
    if not is_connected(mailbox):
        return None
    return PushTarget(mailbox=mailbox, stream="mail")


def _from_millis(value: str | int) -> datetime:
    return datetime.fromtimestamp(int(value) / 1000, tz=UTC)
