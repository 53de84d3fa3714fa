"""A rep's calendar from Graph: delta query on the calendar view over a window of days."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from capture.base import Page
from capture.graph_delta import delta_pages
from capture.graph_http import GraphClient
from capture.graph_values import graph_time, person
from capture.interaction import Attendee, Interaction, Response
from capture.mime import html_to_text

# Graph's responseStatus.response; the organizer's own "organizer" counts as accepted (the spec)
_RESPONSE: dict[str, Response] = {
    "accepted": "accepted",
    "organizer": "accepted",
    "declined": "declined",
    "tentativelyaccepted": "tentative",
}
_OCCURRENCES = {"occurrence", "exception"}


class GraphCalendarSource:
    """The events of one mailbox's calendar from `days_back` before now to `days_ahead` after.

    A delta link keeps the window of the round that made it, so the window does not follow the
    clock: the sync job should start a fresh round (cursor None) now and then, e.g. weekly.
    """

    provider = "microsoft"
    stream = "calendar"

    def __init__(
        self,
        mailbox: str,
        *,
        client: GraphClient,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ):
        self.mailbox = mailbox
        self.client = client
        self.now = now
        self.refresh_after = timedelta(days=client.config.calendar_refresh_days)

    def pages(self, cursor: str | None) -> Iterator[Page]:
        """Changes since `cursor` (a next or delta link, which keeps its window); None starts a
        full round over the window from now."""
        config = self.client.config
        now = self.now().astimezone(UTC).replace(microsecond=0)
        return delta_pages(
            self.client,
            cursor=cursor,
            start=f"users/{self.mailbox}/calendarView/delta",
            params={
                "startDateTime": _iso(now - timedelta(days=config.calendar_days_back)),
                "endDateTime": _iso(now + timedelta(days=config.calendar_days_ahead)),
            },
            headers={
                "Prefer": f'outlook.timezone="UTC", odata.maxpagesize={config.page_size}',
            },
            to_interaction=lambda item: event_interaction(item, mailbox=self.mailbox),
        )


def event_interaction(item: dict[str, Any], *, mailbox: str) -> Interaction:
    """A Graph event (as the rep's calendar holds it, organised or invited) as an interaction."""
    start = _when(item["start"])
    end = _when(item["end"]) if item.get("end") else start
    uid = item.get("iCalUId") or f"graph:{item['id']}"
    if (item.get("type") or "").lower() in _OCCURRENCES:
        # a series' instances share its iCalUId; the original start tells them apart even after
        # one is moved (the file importer's UID#RECURRENCE-ID)
        original = graph_time(item["originalStart"]) if item.get("originalStart") else start
        uid = f"{uid}#{original.isoformat()}"
    return Interaction(
        id=uid,
        type="event",
        mailbox=mailbox,
        sent_at=graph_time(item.get("lastModifiedDateTime") or item["createdDateTime"]),
        subject=item.get("subject") or "",
        body=_body(item),
        start=start,
        end=end,
        # a tentative acceptance by the rep (showAs) is still a held meeting; only the
        # organizer's cancellation cancels it
        status="cancelled" if item.get("isCancelled") else "confirmed",
        organizer=person(item.get("organizer")),
        attendees=_attendees(item, mailbox),
        source="microsoft",
        provider_id=item["id"],
    )


def _attendees(item: dict[str, Any], mailbox: str) -> list[Attendee]:
    own = _response(item.get("responseStatus"))
    attendees = []
    for entry in item.get("attendees") or []:
        who = person(entry)
        if who is None:
            continue
        response = _response(entry.get("status"))
        if who.email == mailbox.lower() and response == "none":
            # an invitee's copy often lists everyone as "none"; the rep's own answer is here
            response = own
        attendees.append(Attendee(email=who.email, name=who.name, response=response))
    return attendees


def _response(status: dict[str, Any] | None) -> Response:
    return _RESPONSE.get(((status or {}).get("response") or "").lower(), "none")


def _when(value: dict[str, Any]) -> datetime:
    return graph_time(value["dateTime"], value.get("timeZone") or "UTC")


def _body(item: dict[str, Any]) -> str:
    body = item.get("body") or {}
    content = body.get("content") or ""
    if not content.strip():
        return item.get("bodyPreview") or ""
    if (body.get("contentType") or "text").lower() == "html":
        return html_to_text(content)
    return content.replace("\r\n", "\n").replace("\r", "\n")


def _iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")
