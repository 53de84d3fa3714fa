"""Push from the fake Google: watches and channels opened, renewed and stopped there, and the
checks that decide which stream an incoming push asks to sync."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from capture.google_auth import delegated_credentials
from capture.google_client import calendar_service, gmail_service
from capture.google_retry import Backoff
from capture.google_watch import (
    CalendarChannel,
    PushRejected,
    PushTarget,
    check_calendar_push,
    check_gmail_push,
    needs_renewal,
    renew_calendar,
    stop_mail,
    watch_calendar,
    watch_mail,
)
from tests.fakes.google_setup import GoogleWorld, google_world

ANA = "ana@seller.com"
TOPIC = "projects/proofstage/topics/gmail"
ADDRESS = "https://proofstage.example/push/google/calendar"


@pytest.fixture
def world(tmp_path: Path) -> Iterator[GoogleWorld]:
    settings = {"push_topic": TOPIC, "push_address": ADDRESS, "push_token": "pubsub-secret"}
    with google_world(tmp_path, **settings) as world:
        world.fake.add_user(ANA)
        yield world


def open_channel(world: GoogleWorld) -> CalendarChannel:
    service = calendar_service(delegated_credentials(world.config, mailbox=ANA), world.config)
    return watch_calendar(service, mailbox=ANA, config=world.config, backoff=Backoff())


def headers(channel_id: str, token: str, state: str = "exists") -> dict[str, str]:
    return {
        "X-Goog-Channel-ID": channel_id,
        "X-Goog-Channel-Token": token,
        "X-Goog-Resource-State": state,
    }


def test_gmail_watch_asks_for_sent_mail_on_the_topic(world: GoogleWorld) -> None:
    service = gmail_service(delegated_credentials(world.config, mailbox=ANA), world.config)
    watch = watch_mail(service, mailbox=ANA, config=world.config, backoff=Backoff())
    box = world.fake.mailboxes[ANA]
    assert box.watch == {"topicName": TOPIC, "labelIds": ["SENT"], "labelFilterBehavior": "include"}
    assert watch.history_id == str(box.history_id)
    assert watch.expiration > datetime.now(UTC) + timedelta(days=6)
    stop_mail(service, mailbox=ANA, backoff=Backoff())
    assert box.watch is None


def test_a_calendar_channel_carries_a_fresh_secret_to_the_push_address(world: GoogleWorld) -> None:
    channel = open_channel(world)
    other = open_channel(world)
    served = world.fake.channels[channel.id]
    assert served["address"] == ADDRESS and served["type"] == "web_hook"
    assert served["token"] == channel.token and channel.token != other.token
    assert channel.resource_id == served["resourceId"]


def test_renewal_opens_a_new_channel_then_stops_the_old(world: GoogleWorld) -> None:
    old = open_channel(world)
    service = calendar_service(delegated_credentials(world.config, mailbox=ANA), world.config)
    fresh = renew_calendar(service, channel=old, config=world.config, backoff=Backoff())
    assert fresh.id in world.fake.channels and old.id not in world.fake.channels
    assert world.fake.stopped_channels == [old.id]
    now = datetime.now(UTC)
    assert not needs_renewal(fresh.expiration, now=now)
    assert needs_renewal(fresh.expiration, now=fresh.expiration - timedelta(hours=2))


def test_a_calendar_push_with_the_right_token_syncs_that_mailbox(world: GoogleWorld) -> None:
    channel = open_channel(world)
    known = {channel.id: channel}
    target = check_calendar_push(headers(channel.id, channel.token), find_channel=known.get)
    assert target == PushTarget(mailbox=ANA, stream="calendar")
    # the handshake Google sends when a channel opens asks for nothing
    assert (
        check_calendar_push(headers(channel.id, channel.token, "sync"), find_channel=known.get)
        is None
    )


def test_a_calendar_push_with_a_wrong_token_or_channel_is_rejected(world: GoogleWorld) -> None:
    channel = open_channel(world)
    known = {channel.id: channel}
    with pytest.raises(PushRejected):
        check_calendar_push(headers(channel.id, channel.token + "x"), find_channel=known.get)
    with pytest.raises(PushRejected):
        check_calendar_push(headers("no-such-channel", channel.token), find_channel=known.get)
    with pytest.raises(PushRejected):
        check_calendar_push({}, find_channel=known.get)


def pubsub_body(email: str, history_id: str = "99999") -> bytes:
    data = base64.b64encode(json.dumps({"emailAddress": email, "historyId": history_id}).encode())
    message = {"data": data.decode(), "messageId": "1", "publishTime": "2026-06-01T00:00:00Z"}
    return json.dumps({"message": message, "subscription": "projects/p/subscriptions/s"}).encode()


def test_a_gmail_push_names_the_mailbox_to_sync(world: GoogleWorld) -> None:
    connected = {ANA}.__contains__
    target = check_gmail_push(
        pubsub_body("Ana@Seller.com"),
        token="pubsub-secret",
        config=world.config,
        is_connected=connected,
    )
    assert target == PushTarget(mailbox=ANA, stream="mail")
    unknown = check_gmail_push(
        pubsub_body("eve@else.com"),
        token="pubsub-secret",
        config=world.config,
        is_connected=connected,
    )
    assert unknown is None


@pytest.mark.parametrize("token", [None, "", "pubsub-secreT"])
def test_a_gmail_push_without_the_right_token_is_rejected(
    world: GoogleWorld, token: str | None
) -> None:
    with pytest.raises(PushRejected):
        check_gmail_push(pubsub_body(ANA), token=token, config=world.config, is_connected=bool)


def test_a_gmail_push_that_is_not_a_gmail_message_is_rejected(world: GoogleWorld) -> None:
    with pytest.raises(PushRejected):
        check_gmail_push(b"{}", token="pubsub-secret", config=world.config, is_connected=bool)
