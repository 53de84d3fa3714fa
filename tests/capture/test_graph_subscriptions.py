"""Change-notification subscriptions against the fake Graph, and notification validation."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from capture.graph_http import GraphError
from capture.graph_subscriptions import (
    Subscription,
    create_subscription,
    delete_subscription,
    notification_targets,
    renew_subscription,
    renewal_due,
    validation_token,
)
from tests.capture.graph_support import MAILBOX, Running


def test_subscriptions_watch_sent_items_and_events_with_a_fresh_client_state(
    graph: Running,
) -> None:
    now = datetime.now(UTC)
    with graph.client() as client:
        mail = create_subscription(client, mailbox=MAILBOX, stream="mail", now=now)
        calendar = create_subscription(client, mailbox=MAILBOX, stream="calendar", now=now)

    served = graph.fake.subscriptions
    assert set(served) == {mail.id, calendar.id}
    assert served[mail.id]["resource"] == f"users/{MAILBOX}/mailFolders('sentitems')/messages"
    assert served[calendar.id]["resource"] == f"users/{MAILBOX}/events"
    assert served[mail.id]["changeType"] == "created,updated,deleted"
    assert served[mail.id]["notificationUrl"] == graph.config.notification_url
    assert served[mail.id]["clientState"] == mail.client_state
    assert mail.client_state != calendar.client_state
    assert len(mail.client_state) <= 128
    assert mail.expires_at - now <= timedelta(minutes=graph.config.subscription_minutes)
    assert (mail.mailbox, mail.stream) == (MAILBOX, "mail")


def test_renewal_moves_the_expiry_and_delete_removes_the_subscription(graph: Running) -> None:
    start = datetime.now(UTC)
    with graph.client() as client:
        subscription = create_subscription(
            client, mailbox=MAILBOX, stream="mail", now=start - timedelta(days=2, hours=14)
        )
        assert renewal_due(subscription, now=start)
        renewed = renew_subscription(client, subscription, now=start)
        assert renewed.expires_at > subscription.expires_at
        assert not renewal_due(renewed, now=start)
        served = graph.fake.subscriptions[subscription.id]["expirationDateTime"]
        assert served.startswith(renewed.expires_at.strftime("%Y-%m-%dT%H:%M"))

        delete_subscription(client, subscription.id)
        assert subscription.id not in graph.fake.subscriptions
        with pytest.raises(GraphError) as gone:
            renew_subscription(client, subscription, now=start)
    assert gone.value.code == "ResourceNotFound"


def test_an_expiry_beyond_graphs_maximum_is_refused(graph: Running) -> None:
    graph.config.subscription_minutes = 20000
    with graph.client() as client, pytest.raises(GraphError, match="expirationDateTime"):
        create_subscription(client, mailbox=MAILBOX, stream="calendar")


def _stored() -> dict[str, Subscription]:
    expires = datetime(2026, 3, 4, tzinfo=UTC)
    return {
        "sub-mail": Subscription("sub-mail", MAILBOX, "mail", "state-mail-secret", expires),
        "sub-cal": Subscription("sub-cal", MAILBOX, "calendar", "state-cal-secret", expires),
    }


def _notification(subscription_id: str, client_state: str, **extra: str) -> dict[str, str]:
    return {
        "subscriptionId": subscription_id,
        "clientState": client_state,
        "changeType": "created",
        "resource": "Users/attacker@evil.com/Messages/AAMk1",
        "tenantId": "contoso",
        **extra,
    }


def test_a_notification_with_the_right_client_state_names_the_stored_stream() -> None:
    body = json.dumps(
        {
            "value": [
                _notification("sub-mail", "state-mail-secret"),
                _notification("sub-mail", "state-mail-secret", changeType="updated"),
                _notification("sub-cal", "state-cal-secret"),
            ]
        }
    ).encode()

    targets = notification_targets(body, subscriptions=_stored())

    # the mailbox is the stored one, whatever the body's resource says
    assert [(t.subscription_id, t.mailbox, t.stream) for t in targets] == [
        ("sub-mail", MAILBOX, "mail"),
        ("sub-cal", MAILBOX, "calendar"),
    ]


@pytest.mark.parametrize(
    "item",
    [
        _notification("sub-mail", "state-cal-secret"),  # another subscription's state
        _notification("sub-mail", "wrong"),
        _notification("sub-unknown", "state-mail-secret"),
        {"subscriptionId": "sub-mail"},  # no clientState
        {"subscriptionId": "sub-mail", "clientState": 42},
    ],
)
def test_a_notification_without_the_right_client_state_is_ignored(item: object) -> None:
    assert notification_targets({"value": [item]}, subscriptions=_stored()) == []


@pytest.mark.parametrize("body", [b"not json", b"[]", b'{"value": "x"}', b"{}", b'{"value":[1]}'])
def test_a_malformed_notification_names_nothing(body: bytes) -> None:
    assert notification_targets(body, subscriptions=_stored()) == []


def test_the_validation_handshake_token_is_read_from_the_query() -> None:
    assert validation_token({"validationToken": "Validation: Token 123"}) == (
        "Validation: Token 123"
    )
    assert validation_token({}) is None
