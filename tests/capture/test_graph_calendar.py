"""The calendar source against the fake Graph: mapping, window, changes, series, expiry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from capture.base import CursorExpired, Page
from capture.graph_calendar import GraphCalendarSource, event_interaction
from capture.interaction import Interaction
from tests.capture.graph_support import MAILBOX, Running
from tests.fakes.graph import at

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _round(graph: Running, cursor: str | None) -> list[Page]:
    with graph.client() as client:
        return list(GraphCalendarSource(MAILBOX, client=client, now=lambda: NOW).pages(cursor))


def _by_provider_id(pages: list[Page]) -> dict[str, Interaction]:
    return {i.provider_id or "": i for p in pages for i in p.interactions}


def test_an_organised_event_maps_to_the_spec(graph: Running) -> None:
    graph_id = graph.fake.add_event(
        MAILBOX,
        start="2026-03-09T16:00:00",
        end="2026-03-09T17:00:00",
        attendees={
            MAILBOX: "organizer",
            "li@buyer.com": "accepted",
            "cfo@buyer.com": "declined",
            "it@buyer.com": "tentativelyAccepted",
            "legal@buyer.com": "notResponded",
            "ops@buyer.com": "none",
        },
    )

    (event,) = [i for p in _round(graph, None) for i in p.interactions]

    served = graph.fake.current("calendar", MAILBOX)[graph_id]
    assert event.id == served["iCalUId"]
    assert event.provider_id == graph_id
    assert event.type == "event"
    assert event.subject == served["subject"]
    assert event.body == served["body"]["content"]
    assert event.start == datetime(2026, 3, 9, 16, tzinfo=UTC)
    assert event.end == datetime(2026, 3, 9, 17, tzinfo=UTC)
    assert event.status == "confirmed"
    assert event.organizer is not None and event.organizer.email == MAILBOX
    assert event.sent_at == datetime(2026, 3, 2, 15, 4, 0, 123456, tzinfo=UTC)
    assert {a.email: a.response for a in event.attendees} == {
        MAILBOX: "accepted",
        "li@buyer.com": "accepted",
        "cfo@buyer.com": "declined",
        "it@buyer.com": "tentative",
        "legal@buyer.com": "none",
        "ops@buyer.com": "none",
    }
    assert event.source == "microsoft"


def test_the_window_comes_from_now_and_times_are_asked_in_utc(graph: Running) -> None:
    graph.fake.add_event(MAILBOX)
    _round(graph, None)

    (request,) = graph.fake.graph_requests("/calendarView/delta")
    assert request.path == f"/v1.0/users/{MAILBOX}/calendarView/delta"
    assert request.query["startDateTime"] == "2025-09-02T12:00:00Z"  # 180 days back
    assert request.query["endDateTime"] == "2027-03-01T12:00:00Z"  # 365 days ahead
    assert 'outlook.timezone="UTC"' in request.headers["prefer"]


def test_events_outside_the_window_are_not_read(graph: Running) -> None:
    inside = graph.fake.add_event(MAILBOX, start="2026-04-01T09:00:00", end="2026-04-01T10:00:00")
    graph.fake.add_event(MAILBOX, start="2024-01-01T09:00:00", end="2024-01-01T10:00:00")
    graph.fake.add_event(MAILBOX, start="2028-01-01T09:00:00", end="2028-01-01T10:00:00")

    assert set(_by_provider_id(_round(graph, None))) == {inside}


def test_an_invitation_the_rep_tentatively_accepted_is_still_confirmed(graph: Running) -> None:
    graph.fake.add_event(
        MAILBOX,
        organizer="li@buyer.com",
        attendees={MAILBOX: "none", "cfo@buyer.com": "accepted"},
        response="tentativelyAccepted",
        showAs="tentative",
    )

    (event,) = [i for p in _round(graph, None) for i in p.interactions]

    assert event.status == "confirmed"
    assert event.organizer is not None and event.organizer.email == "li@buyer.com"
    assert event.mailbox == MAILBOX
    assert {a.email: a.response for a in event.attendees} == {
        MAILBOX: "tentative",
        "cfo@buyer.com": "accepted",
    }


def test_cancelled_and_moved_events_come_back_as_changes(graph: Running) -> None:
    cancelled = graph.fake.add_event(MAILBOX, subject="Pricing review")
    moved = graph.fake.add_event(MAILBOX, subject="Demo")
    untouched = graph.fake.add_event(MAILBOX, subject="Kick-off")
    deleted = graph.fake.add_event(MAILBOX, subject="Lunch")
    away = graph.fake.add_event(MAILBOX, subject="Workshop")
    cursor = _round(graph, None)[-1].cursor

    graph.fake.change("calendar", MAILBOX, cancelled, isCancelled=True)
    graph.fake.change(
        "calendar",
        MAILBOX,
        moved,
        start=at("2026-03-12T10:00:00"),
        end=at("2026-03-12T11:00:00"),
    )
    graph.fake.delete("calendar", MAILBOX, deleted)
    graph.fake.change(  # moved out of the window: the view no longer holds it
        "calendar", MAILBOX, away, start=at("2029-01-01T10:00:00"), end=at("2029-01-01T11:00:00")
    )
    pages = _round(graph, cursor)

    changed = _by_provider_id(pages)
    assert set(changed) == {cancelled, moved}
    assert changed[cancelled].status == "cancelled"
    assert changed[moved].start == datetime(2026, 3, 12, 10, tzinfo=UTC)
    assert changed[moved].status == "confirmed"
    assert sorted(r for p in pages for r in p.removed) == sorted([deleted, away])
    assert untouched not in changed
    served = graph.fake.current("calendar", MAILBOX)
    assert (
        changed[moved].sent_at.strftime("%Y-%m-%dT%H:%M:%S")
        == (served[moved]["lastModifiedDateTime"][:19])
    )


def test_occurrences_of_a_series_are_told_apart_by_their_original_start(graph: Running) -> None:
    series_uid = "040000008200E00074C5B7101A82E00800000000SERIES"
    for day in ("09", "16"):
        graph.fake.add_event(
            MAILBOX,
            subject="Weekly sync",
            start=f"2026-03-{day}T16:00:00",
            end=f"2026-03-{day}T16:30:00",
            iCalUId=series_uid,
            type="occurrence",
            seriesMasterId="AAMkSeries",
            originalStart=f"2026-03-{day}T16:00:00Z",
        )
    graph.fake.add_event(  # the 23rd's instance, moved to the 24th
        MAILBOX,
        subject="Weekly sync",
        start="2026-03-24T10:00:00",
        end="2026-03-24T10:30:00",
        iCalUId=series_uid,
        type="exception",
        seriesMasterId="AAMkSeries",
        originalStart="2026-03-23T16:00:00Z",
    )

    ids = sorted(i.id for p in _round(graph, None) for i in p.interactions)

    assert ids == [
        f"{series_uid}#2026-03-09T16:00:00+00:00",
        f"{series_uid}#2026-03-16T16:00:00+00:00",
        f"{series_uid}#2026-03-23T16:00:00+00:00",
    ]


def test_an_expired_calendar_delta_asks_for_a_full_resync(graph: Running) -> None:
    graph.fake.add_event(MAILBOX)
    cursor = _round(graph, None)[-1].cursor
    graph.fake.expire_delta_tokens()

    with pytest.raises(CursorExpired):
        _round(graph, cursor)


def test_a_time_in_another_zone_and_an_empty_body_are_handled() -> None:
    item = {
        "id": "AAMkEv1",
        "iCalUId": "uid-1",
        "type": "singleInstance",
        "subject": "Call",
        "body": {"contentType": "html", "content": ""},
        "bodyPreview": "Agenda: pricing",
        "start": {"dateTime": "2026-07-01T09:00:00.0000000", "timeZone": "Europe/Berlin"},
        "end": {"dateTime": "2026-07-01T10:00:00.0000000", "timeZone": "Europe/Berlin"},
        "lastModifiedDateTime": "2026-06-01T08:00:00Z",
        "isCancelled": False,
        "organizer": {"emailAddress": {"name": "Ana", "address": MAILBOX}},
        "attendees": [],
    }

    event = event_interaction(item, mailbox=MAILBOX)

    assert event.start == datetime(2026, 7, 1, 7, tzinfo=UTC)
    assert event.end - event.start == timedelta(hours=1)  # type: ignore[operator]
    assert event.body == "Agenda: pricing"
