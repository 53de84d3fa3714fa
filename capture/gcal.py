"""A rep's Google Calendar as pages of interactions: a windowed first sync, then sync tokens."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta

from google.auth.credentials import Credentials

from capture.base import Page, Stream
from capture.gcal_event import interaction_from_event
from capture.google_client import calendar_service
from capture.google_config import GoogleConfig
from capture.google_retry import Backoff, call


@dataclass
class CalendarCursor:
    """A sync token (between rounds) or a page token with the query it belongs to; JSON."""

    sync_token: str | None = None
    page_token: str | None = None
    # the first sync's window, repeated with each of its page tokens as Google requires
    time_min: str | None = None
    time_max: str | None = None

    def dump(self) -> str:
        return json.dumps({k: v for k, v in asdict(self).items() if v}, separators=(",", ":"))

    @classmethod
    def load(cls, text: str) -> CalendarCursor:
        return cls(**json.loads(text))


class GoogleCalendarSource:
    """Every event on the mailbox's calendar, organised or only attended (a base.py Source)."""

    provider = "google"
    stream: Stream = "calendar"
    refresh_after = None  # its cursor never narrows what it sees

    def __init__(
        self,
        *,
        mailbox: str,
        credentials: Credentials,
        config: GoogleConfig,
        calendar_id: str = "primary",
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ):
        self.mailbox = mailbox.lower()
        self.config = config
        self.calendar_id = calendar_id
        self.service = calendar_service(credentials, config)
        self.backoff = Backoff.from_config(config, sleep)
        self.clock = clock

    def pages(self, cursor: str | None) -> Iterator[Page]:
        """All events in the window when `cursor` is None, else the changes since it."""
        state = CalendarCursor.load(cursor) if cursor else self._first_sync()
        while True:
            response = call(
                self.service.events().list(**self._query(state)).execute,
                backoff=self.backoff,
                expired=(410,),  # Gone: the sync token is too old, a full sync is required
            )
            page = Page(final="nextPageToken" not in response)
            for event in response.get("items", []):
                interaction = interaction_from_event(event, mailbox=self.mailbox)
                if interaction is None:
                    page.removed.append(event["id"])
                else:
                    page.interactions.append(interaction)
            if page.final:
                state = CalendarCursor(sync_token=response.get("nextSyncToken"))
            else:
                state.page_token = response["nextPageToken"]
            page.cursor = state.dump()
            yield page
            if page.final:
                return

    def _first_sync(self) -> CalendarCursor:
        now = self.clock()
        return CalendarCursor(
            time_min=_rfc3339(now - timedelta(days=self.config.calendar_days_back)),
            time_max=_rfc3339(now + timedelta(days=self.config.calendar_days_ahead)),
        )

    def _query(self, state: CalendarCursor) -> dict:
        query: dict = {
            "calendarId": self.calendar_id,
            "singleEvents": True,
            # deleted and cancelled events too: a cancelled meeting is evidence
            "showDeleted": True,
            "maxResults": self.config.page_size,
            "pageToken": state.page_token,
        }
        if state.sync_token:
            query["syncToken"] = state.sync_token  # which forbids timeMin and timeMax
        else:
            query["timeMin"] = state.time_min
            query["timeMax"] = state.time_max
        return query


def _rfc3339(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
