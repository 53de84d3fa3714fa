"""Live sync from the fake Google (Gmail history, Calendar sync tokens) through the sync job,
reached by PROOFSTAGE_GOOGLE_* settings alone: backfill, increments, deletions, expiry."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from api.services.live import run_sync
from api.services.mailboxes import connect
from models.db import get_engine, session_scope
from tests.api.test_live_sync import _settings, _stored
from tests.capture.factories import raw_email
from tests.fakes.google_setup import GoogleWorld, google_world

ANA = "ana@seller.com"
SOON = datetime.now(UTC) + timedelta(days=3)


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[GoogleWorld]:
    with google_world(tmp_path) as world:
        world.fake.add_user(ANA)
        for name, value in world.config.model_dump(mode="json", exclude_none=True).items():
            if value not in ({}, []) and not isinstance(value, dict):
                monkeypatch.setenv(f"PROOFSTAGE_GOOGLE_{name.upper()}", str(value))
        assert world.config.client_secret is not None
        monkeypatch.setenv(
            "PROOFSTAGE_GOOGLE_CLIENT_SECRET", world.config.client_secret.get_secret_value()
        )
        yield world


def _reply(n: int, quoted: str) -> bytes:
    return raw_email(
        f"Thanks Li.\n\nOn Mon, Mar 2, 2026, Li Wei <li@buyer.com> wrote:\n> {quoted}\n",
        Message_ID=f"<g-{n}@seller.com>",
        Subject=f"Re: rollout {n}",
    )


def _meeting(event_id: str) -> dict:
    start = SOON.strftime("%Y-%m-%dT%H:%M:%SZ")
    end = (SOON + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "id": event_id,
        "summary": "Discovery call",
        "start": {"dateTime": start},
        "end": {"dateTime": end},
        "organizer": {"email": ANA, "self": True},
        "attendees": [
            {"email": ANA, "self": True, "organizer": True, "responseStatus": "accepted"},
            {"email": "li@buyer.com", "responseStatus": "accepted"},
        ],
    }


def _connect(url: str) -> None:
    with session_scope(get_engine(url)) as session:
        connect(session, email=ANA, provider="google")


def test_a_google_mailbox_syncs_incrementally(world, database_url):
    for n, quoted in enumerate(["Budget is approved for Q3.", "Thanks, talk soon.", "Hi."]):
        world.fake.send(ANA, _reply(n, quoted))
    world.fake.put_event(ANA, _meeting("ev1"))
    _connect(database_url)
    first = run_sync(email=ANA, settings=_settings(database_url))
    assert first.ok, [s.error for s in first.streams]
    interactions, evidence = _stored(database_url)
    assert len(interactions) == 4
    assert ("g-0@seller.com", "budget_confirmed") in {(s, k) for s, k, _ in evidence}
    assert "meeting_scheduled" in {k for _, k, _ in evidence}

    world.fake.send(ANA, _reply(9, "We signed the order form today."))
    world.fake.put_event(ANA, {**_meeting("ev1"), "status": "cancelled"})
    second = run_sync(email=ANA, settings=_settings(database_url))
    assert second.ok and second.items.statuses["added"] == 1
    _, evidence = _stored(database_url)
    kinds = {k for _, k, _ in evidence}
    assert "contract_signed" in kinds and "meeting_scheduled" not in kinds


def test_expired_history_and_sync_tokens_resync_without_doubling(world, database_url):
    world.fake.send(ANA, _reply(1, "Budget is approved for Q3."))
    world.fake.put_event(ANA, _meeting("ev1"))
    _connect(database_url)
    run_sync(email=ANA, settings=_settings(database_url))
    before = _stored(database_url)
    world.fake.forget_history(ANA)
    world.fake.expire_sync_tokens(ANA)
    report = run_sync(email=ANA, settings=_settings(database_url))
    assert report.ok and all(s.full_resync for s in report.streams)
    assert _stored(database_url) == before
