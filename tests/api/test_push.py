"""Push against the fake Graph: subscriptions created and kept in health, the handshake echoed,
a genuine notification syncs its stream, a forged one syncs nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from api.main import app
from api.services.mailboxes import health
from api.services.push import renew_all
from models.db import get_engine
from models.settings import Settings, get_settings
from tests.api.test_live_sync import _connect, _seed, _stored, graph  # noqa: F401
from tests.capture.graph_support import MAILBOX


@pytest.fixture
def api(graph, database_url, monkeypatch):  # noqa: F811
    monkeypatch.setenv("PROOFSTAGE_DATABASE_URL", database_url)
    monkeypatch.setenv("PROOFSTAGE_MS_NOTIFICATION_URL", "https://app.example/push/microsoft")
    get_settings.cache_clear()
    yield TestClient(app)
    get_settings.cache_clear()


def _subscribe(database_url: str) -> dict[str, str]:
    done = renew_all(get_engine(database_url), Settings(), now=datetime.now(UTC))
    assert sorted((stream, what) for _, stream, what in done) == [
        ("calendar", "subscribed"),
        ("mail", "subscribed"),
    ]


def test_the_handshake_is_echoed_as_plain_text(api):
    response = api.post("/push/microsoft", params={"validationToken": "Validation: abc 123"})
    assert response.status_code == 200
    assert response.text == "Validation: abc 123"
    assert response.headers["content-type"].startswith("text/plain")


def test_subscriptions_are_created_once_and_shown_live(api, graph, database_url):  # noqa: F811
    _connect(database_url)
    _subscribe(database_url)
    assert len(graph.fake.subscriptions) == 2
    again = renew_all(get_engine(database_url), Settings(), now=datetime.now(UTC))
    assert again == []  # nothing due yet
    later = datetime.now(UTC) + timedelta(minutes=4230 - 60)
    renewed = renew_all(get_engine(database_url), Settings(), now=later)
    assert {what for _, _, what in renewed} == {"renewed"}
    with Session(get_engine(database_url)) as session:
        (row,) = health(session, now=datetime.now(UTC), stale_after=timedelta(minutes=60))
    assert all(s.push_live for s in row.streams)


def test_a_genuine_notification_syncs_and_a_forged_one_does_not(api, graph, database_url):  # noqa: F811
    _seed(graph, messages=3)
    _connect(database_url)
    _subscribe(database_url)
    mail = next(s for s in graph.fake.subscriptions.values() if "messages" in s["resource"])
    forged = {"value": [{"subscriptionId": mail["id"], "clientState": "guess", "resource": "x"}]}
    response = api.post("/push/microsoft", json=forged)
    assert response.status_code == 202 and response.json() == {"syncs": 0}
    assert _stored(database_url) == (set(), set())

    genuine = {"value": [{"subscriptionId": mail["id"], "clientState": mail["clientState"]}]}
    response = api.post("/push/microsoft", json=genuine)
    assert response.status_code == 202 and response.json() == {"syncs": 1}
    interactions, _ = _stored(database_url)
    assert len(interactions) == 3  # the mail stream only: the events wait for their own push


def test_removing_a_rep_deletes_their_data_and_secrets(api, graph, database_url):  # noqa: F811
    from sqlmodel import select
    from typer.testing import CliRunner

    from api.cli import app as cli
    from models.credential import Credential
    from models.mailbox import Mailbox

    _seed(graph, messages=2)
    _connect(database_url)
    _subscribe(database_url)
    api.post(
        "/push/microsoft",
        json={
            "value": [
                {"subscriptionId": s["id"], "clientState": s["clientState"]}
                for s in graph.fake.subscriptions.values()
            ]
        },
    )
    assert len(_stored(database_url)[0]) == 4

    def push_secrets() -> list[str]:
        with Session(get_engine(database_url)) as session:
            return [c.name for c in session.exec(select(Credential)) if c.name.startswith("push-")]

    assert len(push_secrets()) == 2
    result = CliRunner().invoke(cli, ["mailboxes", "remove", MAILBOX, "--yes"])
    assert result.exit_code == 0, result.output
    assert _stored(database_url) == (set(), set())
    assert push_secrets() == []
    with Session(get_engine(database_url)) as session:
        assert session.exec(select(Mailbox)).all() == []


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_google_pushes_without_their_secret_are_refused(database_url, monkeypatch):
    monkeypatch.setenv("PROOFSTAGE_DATABASE_URL", database_url)
    monkeypatch.setenv("PROOFSTAGE_GOOGLE_PUSH_TOKEN", "right-token")
    get_settings.cache_clear()
    client = TestClient(app)
    try:
        calendar = client.post(
            "/push/google/calendar",
            headers={"X-Goog-Channel-ID": "nope", "X-Goog-Channel-Token": "x"},
        )
        gmail = client.post("/push/google/gmail", params={"token": "wrong"}, json={})
    finally:
        get_settings.cache_clear()
    assert calendar.status_code == 403 and calendar.json()["error"] == "Forbidden"
    assert gmail.status_code == 403 and "token" in gmail.json()["detail"]
