"""The seller's organization and the reps' mailboxes it captures."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from models.types import UTCDateTime, utcnow


class OrganizationBase(SQLModel):
    name: str
    domain: str = Field(index=True, unique=True, description="The seller's mail domain.")


class Organization(OrganizationBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
