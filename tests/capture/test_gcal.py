"""GoogleCalendarSource against the fake Google over TLS, through the real client library."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from capture.base import CursorExpired, Page
from capture.gcal import GoogleCalendarSource
from capture.google_auth import delegated_credentials
from capture.interaction import Interaction
from tests.fakes.google_setup import GoogleWorld, google_world

ANA = "ana@seller.com"
NOW = datetime(2026, 6, 1, tzinfo=UTC)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[GoogleWorld]:
    with google_world(tmp_path, calendar_days_back=30, calendar_days_ahead=30) as world:
        world.fake.add_user(ANA)
        yield world


def source(world: GoogleWorld) -> GoogleCalendarSource:
    return GoogleCalendarSource(
        mailbox=ANA,
        credentials=delegated_credentials(world.config, mailbox=ANA),
        config=world.config,
        clock=lambda: NOW,
    )


def event(event_id: str, start: str = "2026-06-09T16:00:00+02:00", **fields: object) -> dict:
    """An event as Calendar returns it; a buyer-organised one unless fields say otherwise."""
    return {
        "id": event_id,
        "summary": f"Demo {event_id}",
        "description": "Agenda: reporting module",
        "start": {"dateTime": start, "timeZone": "Europe/Paris"},
        "end": {"dateTime": start.replace("T16:", "T17:"), "timeZone": "Europe/Paris"},
        "organizer": {"email": "li@buyer.com", "displayName": "Li Wei"},
        "attendees": [
            {
                "email": "li@buyer.com",
                "displayName": "Li Wei",
                "organizer": True,
                "responseStatus": "needsAction",
            },
            {"email": ANA, "self": True, "responseStatus": "accepted"},
            {"email": "jo@buyer.com", "responseStatus": "declined"},
            {
                "email": "room-1@resource.calendar.google.com",
                "resource": True,
                "responseStatus": "accepted",
            },
        ],
        **fields,
    }


def everything(pages: Iterator[Page]) -> tuple[list[Page], dict[str, Interaction], list[str]]:
    listed = list(pages)
    by_id = {i.provider_id or "": i for p in listed for i in p.interactions}
    return listed, by_id, [r for p in listed for r in p.removed]


def test_first_sync_pages_through_the_window(world: GoogleWorld) -> None:
    served = [
        world.fake.put_event(ANA, event(f"ev{n}", f"2026-06-{10 + n}T09:00:00Z")) for n in range(5)
    ]
    world.fake.put_event(ANA, event("old", "2026-01-05T09:00:00Z"))  # before the window
    pages, by_id, removed = everything(source(world).pages(None))
    assert set(by_id) == {e["id"] for e in served}
    assert removed == [] and pages[-1].final and len(pages) == 2
    first = world.fake.seen("/events")[0]
    assert first.query["timeMin"] == ["2026-05-02T00:00:00Z"]
    assert first.query["timeMax"] == ["2026-07-01T00:00:00Z"]
    assert first.query["singleEvents"] == ["true"] and first.query["showDeleted"] == ["true"]
    # the window goes with every page of the first sync, as Google requires
    assert world.fake.seen("/events")[1].query["timeMin"] == ["2026-05-02T00:00:00Z"]
    for served_event in served:
        assert by_id[served_event["id"]].sent_at == datetime.fromisoformat(
            served_event["updated"].replace("Z", "+00:00")
        )


def test_an_event_becomes_the_spec_interaction(world: GoogleWorld) -> None:
    served = world.fake.put_event(ANA, event("ev1"))
    _, by_id, _ = everything(source(world).pages(None))
    got = by_id["ev1"]
    assert got.id == served["iCalUID"] and got.type == "event" and got.source == "gcal"
    assert got.start == datetime(2026, 6, 9, 14, tzinfo=UTC)  # +02:00 to UTC
    assert got.end == datetime(2026, 6, 9, 15, tzinfo=UTC)
    assert got.subject == served["summary"] and got.body == served["description"]
    assert got.organizer is not None and got.organizer.email == "li@buyer.com"
    responses = {a.email: a.response for a in got.attendees}
    # the organiser counts as accepted; needsAction is "none"; rooms are not people
    assert responses == {"li@buyer.com": "accepted", ANA: "accepted", "jo@buyer.com": "declined"}
    assert got.status == "confirmed"


def test_all_day_and_recurring_instances(world: GoogleWorld) -> None:
    all_day = {**event("day"), "start": {"date": "2026-06-12"}, "end": {"date": "2026-06-13"}}
    world.fake.put_event(ANA, all_day)
    world.fake.put_event(
        ANA,
        event(
            "series_20260615T090000Z",
            "2026-06-15T11:00:00+02:00",
            iCalUID="series@google.com",
            recurringEventId="series",
            originalStartTime={"dateTime": "2026-06-15T11:00:00+02:00"},
        ),
    )
    _, by_id, _ = everything(source(world).pages(None))
    assert by_id["day"].start == datetime(2026, 6, 12, tzinfo=UTC)
    assert by_id["day"].end == datetime(2026, 6, 13, tzinfo=UTC)
    assert by_id["series_20260615T090000Z"].id == "series@google.com#2026-06-15T09:00:00+00:00"


def test_increments_give_only_the_changes(world: GoogleWorld) -> None:
    for name in ("keep", "cancel", "move", "drop"):
        world.fake.put_event(ANA, event(name))
    pages, _, _ = everything(source(world).pages(None))
    world.fake.put_event(ANA, event("cancel", status="cancelled"))
    moved = world.fake.put_event(ANA, event("move", "2026-06-20T16:00:00Z"))
    world.fake.delete_event(ANA, "drop")
    pages, by_id, removed = everything(source(world).pages(pages[-1].cursor))
    assert set(by_id) == {"cancel", "move"}
    assert by_id["cancel"].status == "cancelled"
    assert by_id["move"].start == datetime.fromisoformat(moved["start"]["dateTime"])
    assert removed == ["drop"]
    incremental = world.fake.seen("/events")[-1]
    assert "syncToken" in incremental.query and "timeMin" not in incremental.query
    assert pages[-1].final


def test_an_expired_sync_token_asks_for_a_full_resync(world: GoogleWorld) -> None:
    world.fake.put_event(ANA, event("ev1"))
    pages = list(source(world).pages(None))
    world.fake.expire_sync_tokens(ANA)
    with pytest.raises(CursorExpired):
        list(source(world).pages(pages[-1].cursor))


def test_a_first_sync_resumes_from_a_stored_mid_cursor(world: GoogleWorld) -> None:
    for n in range(7):
        world.fake.put_event(ANA, event(f"ev{n}", f"2026-06-{10 + n}T09:00:00Z"))
    _, whole, _ = everything(source(world).pages(None))
    first = next(source(world).pages(None))
    _, resumed, _ = everything(source(world).pages(first.cursor))
    before = {i.provider_id for i in first.interactions}
    assert before | set(resumed) == set(whole) and not before & set(resumed)
