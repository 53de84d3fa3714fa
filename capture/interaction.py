"""The interaction: one sent email or one calendar event (shared/spec/interaction.md)."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

InteractionType = Literal["email", "event"]
EventStatus = Literal["confirmed", "tentative", "cancelled"]
Response = Literal["accepted", "declined", "tentative", "none"]


class Person(BaseModel):
    """An address with its display name as the mail or invite showed it."""

    model_config = ConfigDict(extra="ignore")

    email: str
    name: str = ""

    @field_validator("email")
    @classmethod
    def _lower(cls, value: str) -> str:
        return value.strip().lower()

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2]


class Attendee(Person):
    response: Response = "none"


class Interaction(BaseModel):
    """The unit every source produces and every classifier reads; the JSON Lines spec format."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    id: str
    type: InteractionType
    mailbox: str
    sent_at: datetime
    subject: str = ""
    from_: Person | None = Field(default=None, alias="from")
    to: list[Person] = []
    cc: list[Person] = []
    body: str = ""
    thread_id: str | None = None
    now: datetime | None = None
    # events only
    start: datetime | None = None
    end: datetime | None = None
    status: EventStatus | None = None
    organizer: Person | None = None
    attendees: list[Attendee] = []
    # where it came from ("file", "microsoft", "gmail", "gcal"); not in the spec's line format
    source: str = "file"
    # the provider's own id (Graph or Gmail message id, Calendar event id), which its deletions
    # name; None for files. Not part of the spec's line format.
    provider_id: str | None = None

    @field_validator("mailbox")
    @classmethod
    def _lower_mailbox(cls, value: str) -> str:
        return value.strip().lower()

    @field_validator("sent_at", "now", "start", "end")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        # naive times in files are taken as UTC so that comparisons never mix naive and aware
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value

    @property
    def seller_domain(self) -> str:
        return self.mailbox.rpartition("@")[2]

    @property
    def judged_at(self) -> datetime:
        """The time the interaction is judged at: `now` when given, else when it was sent."""
        return self.now or self.sent_at

    def participants(self) -> list[Person]:
        """Everyone on the interaction, sender first, without repeats."""
        people: list[Person] = []
        for person in [self.from_, self.organizer, *self.to, *self.cc, *self.attendees]:
            if person is not None and person.email not in {p.email for p in people}:
                people.append(person)
        return people

    def content_hash(self) -> str:
        """A hash of what the classifier reads, so a changed event or message is re-classified."""
        payload = self.model_dump(
            mode="json", exclude={"id", "source", "provider_id", "now"}, by_alias=True
        )
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()

    def to_line(self) -> str:
        """The interaction as one line of the spec's JSON Lines format."""
        return json.dumps(
            self.model_dump(
                mode="json", by_alias=True, exclude_none=True, exclude={"source", "provider_id"}
            )
        )
