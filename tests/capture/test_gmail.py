"""GmailSource against the fake Google over TLS, through the real client library."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from capture.base import CursorExpired, Page
from capture.gmail import GmailSource, MailCursor
from capture.google_auth import delegated_credentials
from tests.capture.factories import raw_email
from tests.fakes.google_setup import GoogleWorld, google_world

ANA = "ana@seller.com"


@pytest.fixture
def world(tmp_path: Path) -> Iterator[GoogleWorld]:
    with google_world(tmp_path) as world:
        world.fake.add_user(ANA)
        yield world


def source(world: GoogleWorld) -> GmailSource:
    credentials = delegated_credentials(world.config, mailbox=ANA)
    return GmailSource(mailbox=ANA, credentials=credentials, config=world.config, sleep=no_wait)


def no_wait(seconds: float) -> None:
    pass


def send(world: GoogleWorld, number: int, labels: tuple[str, ...] = ("SENT",)) -> str:
    raw = raw_email(
        f"Budget note {number}.\n",
        Message_ID=f"<m{number}@seller.com>",
        Subject=f"Pricing {number}",
        To=f"Buyer {number} <b{number}@buyer.com>",
    )
    return world.fake.send(ANA, raw, labels)


def sent_ids(world: GoogleWorld) -> set[str]:
    box = world.fake.mailboxes[ANA]
    return {m.id for m in box.messages.values() if "SENT" in m.labels and "TRASH" not in m.labels}


def collect(pages: Iterator[Page]) -> tuple[list[Page], dict[str, str], list[str]]:
    """Pages, then subject by provider id over all pages, and every removed id."""
    listed = list(pages)
    subjects = {i.provider_id: i.subject for p in listed for i in p.interactions}
    return listed, subjects, [r for p in listed for r in p.removed]


def test_backfill_over_several_pages_gives_every_sent_message(world: GoogleWorld) -> None:
    for number in range(7):
        send(world, number)
    send(world, 99, labels=("INBOX",))  # received mail is not the rep's
    pages, subjects, removed = collect(source(world).pages(None))
    box = world.fake.mailboxes[ANA]
    assert set(subjects) == sent_ids(world)
    for message_id, subject in subjects.items():
        assert subject.encode() in box.messages[message_id].raw
    assert len(world.fake.seen("/messages", via_batch=False)) >= 3  # page size 3: paged
    assert removed == []
    assert pages[-1].final and not any(p.final for p in pages[:-1])
    first = next(i for p in pages for i in p.interactions)
    assert first.source == "gmail" and first.mailbox == ANA
    assert first.to[0].email.endswith("@buyer.com") and first.body.startswith("Budget note")


def test_bodies_are_fetched_in_batches_at_the_configured_address(world: GoogleWorld) -> None:
    for number in range(5):
        send(world, number)
    list(source(world).pages(None))
    fetches = world.fake.seen("/messages/")
    assert len(fetches) == 5 and all(s.via_batch for s in fetches)
    assert all(s.query["format"] == ["raw"] for s in fetches)
    # batches of 2 over pages of 3 and 2: every batch reached the fake, none googleapis.com
    assert len(world.fake.seen("/batch/gmail/v1")) == 3


def test_history_gives_only_the_changes(world: GoogleWorld) -> None:
    kept, deleted, trashed = send(world, 1), send(world, 2), send(world, 3)
    pages, _, _ = collect(source(world).pages(None))
    cursor = pages[-1].cursor
    added = send(world, 4)
    world.fake.delete(ANA, deleted)
    world.fake.relabel(ANA, trashed, add=("TRASH",))
    send(world, 5, labels=("INBOX",))
    pages, subjects, removed = collect(source(world).pages(cursor))
    assert set(subjects) == {added}
    assert sorted(removed) == sorted([deleted, trashed])
    assert kept not in subjects
    history = world.fake.seen("/history")[-1]
    assert history.query["labelId"] == ["SENT"]
    assert history.query["startHistoryId"] == [MailCursor.load(cursor or "").history_id]
    assert pages[-1].final


def test_a_message_sent_during_the_backfill_comes_in_the_same_round(world: GoogleWorld) -> None:
    for number in range(4):
        send(world, number)
    stream = source(world).pages(None)
    first = next(stream)
    late = send(world, 9)
    rest, subjects, _ = collect(stream)
    assert late in subjects
    assert {i.provider_id for i in first.interactions} | set(subjects) == sent_ids(world)


def test_a_backfill_resumes_from_a_stored_mid_cursor(world: GoogleWorld) -> None:
    for number in range(8):
        send(world, number)
    _, whole, _ = collect(source(world).pages(None))
    stream = source(world).pages(None)
    first = next(stream)  # stored; then the process dies
    assert first.cursor and MailCursor.load(first.cursor).phase == "backfill"
    _, resumed, _ = collect(source(world).pages(first.cursor))
    assert {i.provider_id for i in first.interactions} | set(resumed) == set(whole)
    assert not {i.provider_id for i in first.interactions} & set(resumed)


def test_an_expired_history_id_asks_for_a_full_resync(world: GoogleWorld) -> None:
    send(world, 1)
    pages = list(source(world).pages(None))
    world.fake.forget_history(ANA)
    with pytest.raises(CursorExpired):
        list(source(world).pages(pages[-1].cursor))


def test_a_message_taken_out_of_sent_is_removed(world: GoogleWorld) -> None:
    message_id = send(world, 1)
    pages = list(source(world).pages(None))
    world.fake.relabel(ANA, message_id, remove=("SENT",))
    _, subjects, removed = collect(source(world).pages(pages[-1].cursor))
    assert removed == [message_id] and subjects == {}
