"""Throttling and failures from the fake Google: waits honour Retry-After, then give up."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from capture.base import SourceError
from capture.gmail import GmailSource
from capture.google_auth import delegated_credentials
from tests.capture.factories import raw_email
from tests.fakes.google_setup import GoogleWorld, google_world

ANA = "ana@seller.com"


@pytest.fixture
def world(tmp_path: Path) -> Iterator[GoogleWorld]:
    with google_world(tmp_path, timeout_seconds=0.5) as world:
        world.fake.add_user(ANA)
        for number in range(2):
            world.fake.send(ANA, raw_email(f"Note {number}\n", Message_ID=f"<m{number}@s.com>"))
        yield world


def read_all(world: GoogleWorld, waits: list[float]) -> set[str]:
    gmail = GmailSource(
        mailbox=ANA,
        credentials=delegated_credentials(world.config, mailbox=ANA),
        config=world.config,
        sleep=waits.append,
    )
    return {i.provider_id or "" for page in gmail.pages(None) for i in page.interactions}


def test_429_waits_as_long_as_retry_after_says(world: GoogleWorld) -> None:
    world.fake.fail("/messages", 429, retry_after="7", reason="rateLimitExceeded")
    waits: list[float] = []
    assert read_all(world, waits) == set(world.fake.mailboxes[ANA].messages)
    assert len(waits) == 1 and 7 <= waits[0] < 8  # Retry-After, plus under a second of jitter
    assert len(world.fake.seen("/messages", via_batch=False)) == 2


@pytest.mark.parametrize("reason", ["rateLimitExceeded", "userRateLimitExceeded"])
def test_403_rate_limits_back_off_and_retry(world: GoogleWorld, reason: str) -> None:
    world.fake.fail("/profile", 403, times=2, reason=reason)
    waits: list[float] = []
    assert read_all(world, waits)
    assert len(waits) == 2 and waits[1] > waits[0] / 2  # exponential, jittered
    assert len(world.fake.seen("/profile")) == 3


def test_503_is_retried(world: GoogleWorld) -> None:
    world.fake.fail("/history", 503, reason="backendError")
    waits: list[float] = []
    assert read_all(world, waits)
    assert len(waits) == 1 and len(world.fake.seen("/history")) == 2


def test_a_403_that_is_not_a_rate_limit_fails_at_once(world: GoogleWorld) -> None:
    world.fake.fail("/profile", 403, reason="forbidden")
    waits: list[float] = []
    with pytest.raises(SourceError, match="403"):
        read_all(world, waits)
    assert waits == [] and len(world.fake.seen("/profile")) == 1


def test_gives_up_after_max_retries(world: GoogleWorld) -> None:
    world.fake.fail("/profile", 503, times=10)
    waits: list[float] = []
    with pytest.raises(SourceError, match="503"):
        read_all(world, waits)
    assert len(world.fake.seen("/profile")) == world.config.max_retries + 1
    assert all(w <= world.config.max_wait_seconds for w in waits)


def test_a_throttled_call_inside_a_batch_is_retried_alone(world: GoogleWorld) -> None:
    world.fake.fail("/messages/", 429, retry_after="2", reason="rateLimitExceeded")
    waits: list[float] = []
    assert read_all(world, waits) == set(world.fake.mailboxes[ANA].messages)
    batches = world.fake.seen("/batch/gmail/v1")
    assert len(batches) == 2 and len(world.fake.seen("/messages/", via_batch=True)) == 3
    assert len(waits) == 1 and waits[0] >= 2


def test_a_slow_answer_times_out_and_is_retried(world: GoogleWorld) -> None:
    world.fake.slow("/profile", 1.0)
    waits: list[float] = []
    assert read_all(world, waits)
    assert len(waits) == 1 and len(world.fake.seen("/profile")) >= 1


def test_the_delegated_mailbox_cannot_read_another(world: GoogleWorld) -> None:
    world.fake.add_user("bo@seller.com")
    gmail = GmailSource(
        mailbox="bo@seller.com",
        credentials=delegated_credentials(world.config, mailbox=ANA),
        config=world.config,
        sleep=lambda _: None,
    )
    with pytest.raises(SourceError, match="403"):
        list(gmail.pages(None))
