"""iCalendar data into event interactions, one per VEVENT."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from icalendar import Calendar, Component

from capture.interaction import Attendee, EventStatus, Interaction, Person, Response

_STATUS: dict[str, EventStatus] = {
    "CONFIRMED": "confirmed",
    "TENTATIVE": "tentative",
    "CANCELLED": "cancelled",
}
_RESPONSE: dict[str, Response] = {
    "ACCEPTED": "accepted",
    "DECLINED": "declined",
    "TENTATIVE": "tentative",
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class CalendarError(ValueError):
    """Data that is not a calendar, or an event that cannot become an interaction."""


def interactions_from_calendar(
    data: bytes, *, mailbox: str | None = None, source: str = "file"
) -> list[Interaction]:
    """Every VEVENT of the iCalendar data as an event interaction; the first bad event raises."""
    interactions = []
    for item in read_calendar(data, mailbox=mailbox, source=source):
        if isinstance(item, CalendarError):
            raise item
        interactions.append(item)
    return interactions


def read_calendar(
    data: bytes, *, mailbox: str | None = None, source: str = "file"
) -> Iterator[Interaction | CalendarError]:
    """Each VEVENT in file order, or the error that stands for it, so one bad event skips alone.

    Data that is not a calendar at all raises CalendarError.
    """
    number = 0
    for calendar in _parse(data):
        cancelled = str(calendar.get("METHOD", "")).strip().upper() == "CANCEL"
        calname = str(calendar.get("X-WR-CALNAME", "")).strip()
        default_mailbox = mailbox or (calname if _EMAIL.match(calname) else None)
        for event in calendar.walk("VEVENT"):
            number += 1
            try:
                yield _interaction(
                    event,
                    number=number,
                    mailbox=default_mailbox,
                    cancelled=cancelled,
                    source=source,
                )
            except CalendarError as exc:
                yield exc  # its message names the event


def _parse(data: bytes) -> list[Component]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if "BEGIN:VCALENDAR" not in text.upper():
        raise CalendarError("not a calendar (no BEGIN:VCALENDAR)")
    try:
        components = Calendar.from_ical(text, multiple=True)
    except ValueError as exc:
        raise CalendarError(f"not a valid calendar: {_one_line(exc)}") from exc
    if not components:
        raise CalendarError("not a valid calendar: no complete VCALENDAR (is the file cut short?)")
    stray = sorted({c.name for c in components} - {"VCALENDAR"})
    if stray:
        raise CalendarError(f"not a calendar: {', '.join(stray)} outside a VCALENDAR")
    return list(components)


def _interaction(
    event: Component, *, number: int, mailbox: str | None, cancelled: bool, source: str
) -> Interaction:
    uid = str(event.get("UID", "")).strip()
    if not uid:
        raise CalendarError(f"event {number} has no UID")
    start = _when(event, "DTSTART")
    if start is None:
        raise CalendarError(f"event {number} ({uid}) has no usable DTSTART")
    recurrence = _when(event, "RECURRENCE-ID")
    organizer = _person(event.get("ORGANIZER"))
    owner = mailbox or (organizer.email if organizer else None)
    if not owner:
        raise CalendarError(f"event {number} ({uid}) has no organizer and no mailbox was given")
    sent_at = next(
        (w for name in ("LAST-MODIFIED", "DTSTAMP", "CREATED") if (w := _when(event, name))),
        start,
    )
    status: EventStatus = (
        "cancelled"
        if cancelled
        else _STATUS.get(str(event.get("STATUS", "")).strip().upper(), "confirmed")
    )
    return Interaction(
        id=f"{uid}#{_utc(recurrence).isoformat()}" if recurrence else uid,
        type="event",
        mailbox=owner,
        sent_at=_utc(sent_at),
        subject=str(event.get("SUMMARY", "")).strip(),
        body=_newlines(str(event.get("DESCRIPTION", ""))),
        start=_utc(start),
        end=_end(event, start),
        status=status,
        organizer=organizer,
        attendees=_attendees(event.get("ATTENDEE")),
        source=source,
    )


def _end(event: Component, start: date) -> datetime:
    """DTEND, else DTSTART + DURATION, else RFC 5545: a day for a date, no time for a time."""
    end = _when(event, "DTEND")
    if end is not None:
        return _utc(end)
    duration = _value(event.get("DURATION"))
    if isinstance(duration, timedelta):
        return _utc(start) + duration
    if not isinstance(start, datetime):
        return _utc(start) + timedelta(days=1)
    return _utc(start)


def _when(event: Component, name: str) -> date | None:
    value = _value(event.get(name))
    return value if isinstance(value, date) else None


def _value(prop: Any) -> Any:
    if isinstance(prop, list):
        prop = prop[0] if prop else None
    if prop is None:
        return None
    try:
        return prop.dt
    except (AttributeError, ValueError):  # a value icalendar could not parse
        return None


def _utc(value: date) -> datetime:
    """A calendar time in UTC: dates become midnight UTC, floating times are taken as UTC."""
    if not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _person(address: Any) -> Person | None:
    if address is None:
        return None
    if isinstance(address, list):
        address = address[0] if address else None
        return _person(address)
    email = re.sub(r"^mailto:", "", str(address).strip(), flags=re.IGNORECASE)
    if "@" not in email:
        return None
    return Person(email=email, name=_param(address, "CN"))


def _attendees(prop: Any) -> list[Attendee]:
    addresses = prop if isinstance(prop, list) else [prop] if prop is not None else []
    attendees: list[Attendee] = []
    for address in addresses:
        person = _person(address)
        if person is not None:
            response = _RESPONSE.get(_param(address, "PARTSTAT").upper(), "none")
            attendees.append(Attendee(email=person.email, name=person.name, response=response))
    return attendees


def _param(address: Any, name: str) -> str:
    params = getattr(address, "params", {})
    return str(params.get(name, "")).strip().strip('"')


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:120]
