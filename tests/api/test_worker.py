"""Celery workers on the machine's Redis and RabbitMQ: a queued sync runs the same function as
`proofstage sync` and stores the same result."""

from __future__ import annotations

import os
import socket
import time
from urllib.parse import urlsplit

import pytest
from celery.contrib.testing.worker import start_worker

from api.worker import SYNC_TASK, make_app
from models.settings import get_settings
from tests.api.test_live_sync import _connect, _seed, _stored, graph  # noqa: F401

BROKERS = {
    "redis": os.environ.get("PROOFSTAGE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15"),
    "rabbitmq": os.environ.get("PROOFSTAGE_TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672//"),
}


def _reachable(url: str) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture(params=sorted(BROKERS))
def broker(request):
    url = BROKERS[request.param]
    if not _reachable(url):
        if os.environ.get("CI"):
            pytest.fail(f"{request.param} not reachable at {url}")
        pytest.skip(f"{request.param} not reachable at {url}")
    yield make_app(url)


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_a_queued_sync_runs_on_a_worker(graph, database_url, broker, monkeypatch):  # noqa: F811
    _seed(graph, messages=4)
    _connect(database_url)
    monkeypatch.setenv("PROOFSTAGE_DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        with start_worker(broker, perform_ping_check=False, shutdown_timeout=30):
            broker.tasks[SYNC_TASK].delay("ana@seller.com")
            deadline = time.monotonic() + 60
            while len(_stored(database_url)[0]) < 6 and time.monotonic() < deadline:
                time.sleep(0.2)
    finally:
        get_settings.cache_clear()
    interactions, evidence = _stored(database_url)
    assert len(interactions) == 6  # 4 messages and 2 events
    assert "budget_confirmed" in {kind for _, kind, _ in evidence}
