"""One Google Calendar event resource into an event interaction."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from capture.interaction import Attendee, EventStatus, Interaction, Person, Response

_STATUS: dict[str, EventStatus] = {
    "confirmed": "confirmed",
    "tentative": "tentative",
    "cancelled": "cancelled",
}
_RESPONSE: dict[str, Response] = {
    "accepted": "accepted",
    "declined": "declined",
    "tentative": "tentative",
    "needsAction": "none",
}


def interaction_from_event(event: dict, *, mailbox: str) -> Interaction | None:
    """The event as an interaction; None for a deleted event Google returns as a bare id."""
    start = _when(event.get("start"))
    if start is None or not event.get("iCalUID"):
        return None
    organizer = _person(event.get("organizer"))
    return Interaction(
        id=_interaction_id(event),
        type="event",
        mailbox=mailbox,
        sent_at=_timestamp(event.get("updated") or event.get("created")) or start,
        subject=str(event.get("summary", "")).strip(),
        body=str(event.get("description", "")).replace("\r\n", "\n"),
        start=start,
        end=_when(event.get("end")) or _default_end(event.get("start"), start),
        status=_STATUS.get(str(event.get("status", "")), "confirmed"),
        organizer=organizer,
        attendees=_attendees(event.get("attendees", []), organizer),
        source="gcal",
        provider_id=event["id"],
    )


def _interaction_id(event: dict) -> str:
    """iCalUID, with the instance's original start for one occurrence of a recurring event, as the
    .ics importer names RECURRENCE-ID instances."""
    original = _when(event.get("originalStartTime"))
    if event.get("recurringEventId") and original is not None:
        return f"{event['iCalUID']}#{original.isoformat()}"
    return str(event["iCalUID"])


def _attendees(items: list[dict], organizer: Person | None) -> list[Attendee]:
    attendees: list[Attendee] = []
    for item in items:
        email = str(item.get("email", ""))
        if "@" not in email or item.get("resource"):
            continue  # rooms and equipment are not people
        response = _RESPONSE.get(str(item.get("responseStatus", "")), "none")
        is_organizer = item.get("organizer") or (
            organizer is not None and email.lower() == organizer.email
        )
        if is_organizer:
            response = "accepted"  # the spec counts an organizer as having accepted
        attendees.append(
            Attendee(email=email, name=str(item.get("displayName", "")), response=response)
        )
    return attendees


def _person(item: dict | None) -> Person | None:
    if not item or "@" not in str(item.get("email", "")):
        return None
    return Person(email=item["email"], name=str(item.get("displayName", "")))


def _when(item: dict | None) -> datetime | None:
    """A start or end in UTC: dateTime with its offset, or an all-day date as midnight UTC."""
    if not item:
        return None
    if item.get("dateTime"):
        return _timestamp(item["dateTime"])
    if item.get("date"):
        day = date.fromisoformat(item["date"])
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    return None


def _default_end(start_item: dict | None, start: datetime) -> datetime:
    all_day = bool(start_item and start_item.get("date") and not start_item.get("dateTime"))
    return start + timedelta(days=1) if all_day else start


def _timestamp(value: str | None) -> datetime | None:
    if not value:
        return None
    when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC)
