"""iCalendar events into interactions: times in UTC, status, responses, ids and mailbox."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from capture.ics import CalendarError, interactions_from_calendar
from tests.capture.factories import calendar, vevent

PACIFIC = (
    "BEGIN:VTIMEZONE",
    "TZID:Pacific Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:16010101T020000",
    "TZOFFSETFROM:-0700",
    "TZOFFSETTO:-0800",
    "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010101T020000",
    "TZOFFSETFROM:-0800",
    "TZOFFSETTO:-0700",
    "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def one(*lines: str, without: tuple[str, ...] = (), header: tuple[str, ...] = (), **kwargs):  # type: ignore[no-untyped-def]
    [event] = interactions_from_calendar(
        calendar(vevent(*lines, without=without), header=header), **kwargs
    )
    return event


def test_event_fields() -> None:
    got = one()

    assert got.id == "demo-1@seller.com"
    assert got.type == "event"
    assert got.mailbox == "ana@seller.com"
    assert got.subject == "Product demo"
    assert got.body == "Agenda:\ndemo of the reporting module"
    assert (got.start, got.end) == (utc(2026, 3, 9, 16), utc(2026, 3, 9, 17))
    assert got.sent_at == utc(2026, 3, 2, 15, 4)
    assert got.status == "confirmed"
    assert (got.organizer.email, got.organizer.name) == ("ana@seller.com", "Diaz, Ana")
    assert [(a.email, a.name, a.response) for a in got.attendees] == [
        ("li@buyer.com", "Li Wei", "accepted")
    ]
    assert got.thread_id is None
    assert got.source == "file"


def test_partstat_of_each_kind() -> None:
    got = one(
        "ATTENDEE;CN=Acc;PARTSTAT=ACCEPTED:mailto:acc@buyer.com",
        "ATTENDEE;CN=Dec;PARTSTAT=DECLINED:mailto:dec@buyer.com",
        "ATTENDEE;CN=Ten;PARTSTAT=TENTATIVE:mailto:ten@buyer.com",
        "ATTENDEE;CN=Nee;PARTSTAT=NEEDS-ACTION:mailto:nee@buyer.com",
        "ATTENDEE;CN=Del;PARTSTAT=DELEGATED:mailto:del@buyer.com",
        "ATTENDEE;CN=Low;PARTSTAT=accepted:MAILTO:Low@Buyer.com",
        "ATTENDEE;CN=Abs:mailto:abs@buyer.com",
        "ATTENDEE;CN=Room:urn:uuid:00000000-room",
    )

    assert {a.email: a.response for a in got.attendees} == {
        "acc@buyer.com": "accepted",
        "dec@buyer.com": "declined",
        "ten@buyer.com": "tentative",
        "nee@buyer.com": "none",
        "del@buyer.com": "none",
        "low@buyer.com": "accepted",
        "abs@buyer.com": "none",
    }


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("STATUS:CANCELLED", "cancelled"),
        ("STATUS:TENTATIVE", "tentative"),
        ("STATUS:CONFIRMED", "confirmed"),
        ("X-NO-STATUS:1", "confirmed"),
    ],
)
def test_status(line: str, status: str) -> None:
    assert one(line).status == status


def test_method_cancel_cancels_every_event() -> None:
    data = calendar(
        vevent("STATUS:CONFIRMED"),
        vevent("UID:demo-2@seller.com"),
        header=("METHOD:CANCEL",),
    )

    assert [e.status for e in interactions_from_calendar(data)] == ["cancelled", "cancelled"]


def test_all_day_event_is_midnight_utc() -> None:
    single = one("DTSTART;VALUE=DATE:20260310", without=("DTEND",))
    two_days = one("DTSTART;VALUE=DATE:20260310", "DTEND;VALUE=DATE:20260312")

    assert (single.start, single.end) == (utc(2026, 3, 10), utc(2026, 3, 11))
    assert (two_days.start, two_days.end) == (utc(2026, 3, 10), utc(2026, 3, 12))


def test_tzid_times_are_converted_to_utc() -> None:
    iana = one(
        "DTSTART;TZID=America/New_York:20260309T090000",
        "DTEND;TZID=Europe/Berlin:20260309T150000",
    )
    outlook = one(
        "DTSTART;TZID=Pacific Standard Time:20260115T090000",
        "DTEND;TZID=Pacific Standard Time:20260115T093000",
        header=PACIFIC,
    )

    assert (iana.start, iana.end) == (utc(2026, 3, 9, 13), utc(2026, 3, 9, 14))
    assert (outlook.start, outlook.end) == (utc(2026, 1, 15, 17), utc(2026, 1, 15, 17, 30))
    assert iana.start.utcoffset().total_seconds() == 0


def test_floating_time_is_taken_as_utc() -> None:
    got = one("DTSTART:20260309T090000", without=("DTEND",))

    assert (got.start, got.end) == (utc(2026, 3, 9, 9), utc(2026, 3, 9, 9))


def test_duration_gives_the_end() -> None:
    got = one("DURATION:PT45M", without=("DTEND",))

    assert got.end == utc(2026, 3, 9, 16, 45)


def test_recurrence_id_makes_the_id_unique() -> None:
    data = calendar(
        vevent("RRULE:FREQ=WEEKLY;COUNT=4"),
        vevent(
            "RECURRENCE-ID;TZID=Europe/Berlin:20260316T170000",
            "DTSTART:20260316T170000Z",
            "DTEND:20260316T180000Z",
        ),
    )

    master, moved = interactions_from_calendar(data)

    assert master.id == "demo-1@seller.com"
    assert moved.id == "demo-1@seller.com#2026-03-16T16:00:00+00:00"


@pytest.mark.parametrize(
    ("lines", "sent_at"),
    [
        (("LAST-MODIFIED:20260304T100000Z", "CREATED:20260301T100000Z"), utc(2026, 3, 4, 10)),
        (("CREATED:20260301T100000Z",), utc(2026, 3, 2, 15, 4)),
    ],
)
def test_sent_at_prefers_last_modified_then_dtstamp(
    lines: tuple[str, ...], sent_at: datetime
) -> None:
    assert one(*lines).sent_at == sent_at


def test_sent_at_falls_back_to_created_then_start() -> None:
    created = one("CREATED:20260301T100000Z", without=("DTSTAMP",))
    neither = one(without=("DTSTAMP",))

    assert created.sent_at == utc(2026, 3, 1, 10)
    assert neither.sent_at == utc(2026, 3, 9, 16)


def test_mailbox_from_argument_then_calendar_name_then_organizer() -> None:
    named = ("X-WR-CALNAME:Rep@Seller.com",)

    assert one(header=named, mailbox="boss@seller.com").mailbox == "boss@seller.com"
    assert one(header=named).mailbox == "rep@seller.com"
    assert one(header=("X-WR-CALNAME:Work",)).mailbox == "ana@seller.com"


def test_event_without_organizer_or_mailbox_raises() -> None:
    with pytest.raises(CalendarError, match="no organizer"):
        one(without=("ORGANIZER",))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "not a calendar"),
        (b"Hello, this is a letter.\n", "not a calendar"),
        (b"\x00\x9f\xff junk \x80", "not a calendar"),
        (b"BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n", "not a calendar"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n", "not a valid calendar"),
        (calendar(vevent(without=("UID",))), "event 1 has no UID"),
        (calendar(vevent(), vevent("UID:b", without=("DTSTART",))), r"event 2 \(b\) has no usable"),
        (calendar(vevent("DTSTART:tomorrow")), "no usable DTSTART"),
    ],
)
def test_bad_data_raises_calendar_error(data: bytes, reason: str) -> None:
    with pytest.raises(CalendarError, match=reason):
        interactions_from_calendar(data)


def test_calendar_without_events_is_empty() -> None:
    assert interactions_from_calendar(calendar()) == []
