"""Captured interactions: one row per sent email or calendar event, per mailbox and source id."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Text
from sqlmodel import Field, SQLModel, UniqueConstraint

from models.types import UTCDateTime, utcnow


class InteractionRecord(SQLModel, table=True):
    __tablename__ = "interaction"
    __table_args__ = (UniqueConstraint("mailbox_id", "source_id"),)

    id: int | None = Field(default=None, primary_key=True)
    mailbox_id: int = Field(foreign_key="mailbox.id", index=True)
    source: str = Field(description="file, microsoft (Graph), gmail or gcal")
    # Message-ID for mail, UID for events: the same message from two sources is one row
    source_id: str
    # the provider's own id (Graph or Gmail message id, Calendar event id), which deletions name
    provider_id: str | None = Field(default=None, index=True)
    type: str
    thread_id: str | None = Field(default=None, index=True)
    participants: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    sent_at: datetime = Field(sa_type=UTCDateTime, index=True)
    subject: str = ""
    body: str = Field(default="", sa_column=Column(Text))
    start: datetime | None = Field(default=None, sa_type=UTCDateTime)
    end: datetime | None = Field(default=None, sa_type=UTCDateTime)
    status: str | None = None
    content_hash: str
    # a message the rep deleted from Sent Items: kept with its evidence (README, "Deletions")
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    imported_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
