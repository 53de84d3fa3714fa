"""Sync state of one stream (sent mail or calendar) of one live mailbox: where to resume, and the
health figures that make a silent gap visible (last success, last error, push channel)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel, UniqueConstraint

from models.types import UTCDateTime


class MailboxSyncBase(SQLModel):
    stream: str = Field(description="mail or calendar")
    last_success_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_attempt_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str | None = None
    last_error_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    full_resyncs: int = Field(default=0, description="times the provider refused the cursor")
    round_started_at: datetime | None = Field(
        default=None, sa_type=UTCDateTime, description="when the last read from scratch began"
    )
    items_synced: int = 0
    push_id: str | None = Field(default=None, description="Graph subscription or Google channel")
    push_expires_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class MailboxSync(MailboxSyncBase, table=True):
    __tablename__ = "mailbox_sync"
    __table_args__ = (UniqueConstraint("mailbox_id", "stream"),)

    id: int | None = Field(default=None, primary_key=True)
    mailbox_id: int = Field(foreign_key="mailbox.id", index=True, ondelete="CASCADE")
    # the provider's resume state (capture/base.py): written in the transaction that stores the
    # page it follows, never before
    cursor: str | None = Field(default=None, sa_column=Column(Text))
    # the secret a push must carry (Graph clientState, Google channel token)
    push_secret: str | None = None
