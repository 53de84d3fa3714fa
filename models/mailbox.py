"""A rep's mailbox: where sent mail and calendar events are captured from."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from models.types import UTCDateTime, utcnow


class MailboxBase(SQLModel):
    email: str = Field(index=True, unique=True)
    name: str = ""
    provider: str = Field(default="file", description="file, microsoft or google")
    paused: bool = False


class Mailbox(MailboxBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    organization_id: int = Field(foreign_key="organization.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    last_import_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
