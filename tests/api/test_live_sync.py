"""Live sync end to end: the fake Graph over TLS, reached by settings alone, through msal, the
Graph sources, the sync job, the classifier and the store, on SQLite and PostgreSQL; and a sync
killed at random moments, rerun, ending with exactly what an uninterrupted sync stores."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from sqlmodel import Session, select

from api.services.live import run_sync
from api.services.mailboxes import connect, health
from models.db import get_engine, migrate, session_scope
from models.evidence import EvidenceRecord
from models.interaction import InteractionRecord
from models.settings import Settings
from tests.capture.graph_support import MAILBOX, Running, running_fake

KEY = Fernet.generate_key().decode()
SOON = datetime.now(UTC) + timedelta(days=5)
PAST = datetime.now(UTC) - timedelta(days=5)

REPLIES = [
    "Budget is approved for this year.",
    "We have decided to go ahead with you.",
    "Our CFO will make the final call.",
    "We received the proposal and reviewed the pricing.",
    "Let's plan on signing by the end of the month.",
    "Thanks, talk soon.",
]


def _env(graph: Running) -> dict[str, str]:
    config = graph.config
    assert config.client_secret is not None
    return {
        "PROOFSTAGE_MS_TENANT_ID": config.tenant_id,
        "PROOFSTAGE_MS_CLIENT_ID": config.client_id,
        "PROOFSTAGE_MS_CLIENT_SECRET": config.client_secret.get_secret_value(),
        "PROOFSTAGE_MS_AUTHORITY_HOST": config.authority_host,
        "PROOFSTAGE_MS_GRAPH_URL": config.graph_url,
        "PROOFSTAGE_MS_CA_BUNDLE": str(config.ca_bundle),
        "PROOFSTAGE_MS_PAGE_SIZE": "3",
        "PROOFSTAGE_SECRET_KEY": KEY,
    }


@pytest.fixture
def graph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Running]:
    with running_fake(tmp_path) as running:
        for name, value in _env(running).items():
            monkeypatch.setenv(name, value)
        yield running


def _seed(graph: Running, messages: int = 12) -> dict[str, str]:
    for n in range(messages):
        reply = REPLIES[n % len(REPLIES)]
        graph.fake.add_message(
            MAILBOX,
            subject=f"Re: rollout {n}",
            body=f"Thanks Li.\n\nOn Mon, Mar 2, 2026, Li Wei <li@buyer.com> wrote:\n> {reply}",
            sent=f"2026-03-{n % 27 + 1:02d}T15:04:00Z",
        )
    hour = timedelta(hours=1)
    return {
        "future": graph.fake.add_event(
            MAILBOX, subject="Discovery call", start=_at(SOON), end=_at(SOON + hour)
        ),
        "past": graph.fake.add_event(
            MAILBOX, subject="Product demo", start=_at(PAST), end=_at(PAST + hour)
        ),
    }


def _at(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S")


def _settings(url: str) -> Settings:
    return Settings(database_url=url, secret_key=KEY)


def _connect(url: str) -> None:
    with session_scope(get_engine(url)) as session:
        connect(session, email=MAILBOX, provider="microsoft")


def _stored(url: str) -> tuple[set[tuple[str, str]], set[tuple[str, str, str]]]:
    with Session(get_engine(url)) as session:
        records = {r.id: r for r in session.exec(select(InteractionRecord))}
        evidence = {
            (records[e.interaction_id].source_id, e.kind, e.quote)
            for e in session.exec(select(EvidenceRecord))
        }
    return {(r.source_id, r.content_hash) for r in records.values()}, evidence


def test_a_graph_mailbox_syncs_incrementally_and_applies_changes(graph, database_url):
    events = _seed(graph)
    _connect(database_url)
    first = run_sync(email=MAILBOX, settings=_settings(database_url))
    assert first.ok and [s.finished for s in first.streams] == [True, True]
    interactions, evidence = _stored(database_url)
    assert len(interactions) == 14
    kinds = {kind for _, kind, _ in evidence}
    assert {"budget_confirmed", "verbal_commitment", "meeting_scheduled"} <= kinds

    # a new reply, a cancelled meeting and a deleted past demo
    graph.fake.add_message(
        MAILBOX,
        subject="Re: order form",
        body="Great.\n\nOn Tue, Li Wei <li@buyer.com> wrote:\n> We signed the order form today.",
    )
    graph.fake.change("calendar", MAILBOX, events["future"], isCancelled=True)
    graph.fake.delete("calendar", MAILBOX, events["past"])
    requests_before = len(graph.fake.graph_requests("delta"))
    second = run_sync(email=MAILBOX, settings=_settings(database_url))
    assert second.ok
    assert second.items.statuses["added"] == 1 and second.items.statuses["updated"] == 1
    assert len(graph.fake.graph_requests("delta")) - requests_before == 2  # one page each
    _, evidence = _stored(database_url)
    assert "contract_signed" in {kind for _, kind, _ in evidence}
    assert not {kind for _, kind, _ in evidence} & {"meeting_scheduled", "demo_held"}

    with Session(get_engine(database_url)) as session:
        (row,) = health(session, now=datetime.now(UTC), stale_after=timedelta(minutes=60))
    assert row.healthy and all(s.last_success_at for s in row.streams)


def test_an_expired_delta_token_resyncs_without_doubling(graph, database_url):
    _seed(graph)
    _connect(database_url)
    run_sync(email=MAILBOX, settings=_settings(database_url))
    before = _stored(database_url)
    graph.fake.expire_delta_tokens()
    report = run_sync(email=MAILBOX, settings=_settings(database_url))
    assert report.ok and all(s.full_resync for s in report.streams)
    assert _stored(database_url) == before


def test_missing_credentials_are_shown_in_the_mailbox_health(database_url, monkeypatch):
    monkeypatch.delenv("PROOFSTAGE_MS_CLIENT_SECRET", raising=False)
    _connect(database_url)
    report = run_sync(email=MAILBOX, settings=_settings(database_url))
    assert not report.ok
    with Session(get_engine(database_url)) as session:
        (row,) = health(session, now=datetime.now(UTC), stale_after=timedelta(minutes=60))
    assert not row.healthy
    assert all("PROOFSTAGE_MS_CLIENT_SECRET" in (s.last_error or "") for s in row.streams)


def _proofstage() -> str:
    return str(Path(sys.executable).with_name("proofstage"))


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
@pytest.mark.parametrize("seed", [1, 2])
def test_a_sync_killed_at_random_moments_ends_as_an_uninterrupted_one(
    graph, database_url, tmp_path, seed
):
    _seed(graph, messages=36)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    migrate(reference)
    _connect(reference)
    assert run_sync(email=MAILBOX, settings=_settings(reference)).ok
    expected = _stored(reference)

    _connect(database_url)
    env = {**os.environ, **_env(graph), "PROOFSTAGE_DATABASE_URL": database_url}
    rng = random.Random(seed)
    kills = 0
    for _attempt in range(12):
        # slow answers, so that syncing outlasts the latest kill (10 s) on a fast machine too:
        # at 0.4 s a run could finish in under 10 s and escape every kill
        graph.fake.stall_next(200, 0.8)
        process = subprocess.Popen(
            [_proofstage(), "sync", "--mailbox", MAILBOX],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            process.wait(timeout=rng.uniform(4.0, 10.0) if kills < 3 else 120)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            kills += 1
            continue
        assert process.returncode == 0, process.stderr.read().decode() if process.stderr else ""
        break
    assert kills >= 1
    assert _stored(database_url) == expected
