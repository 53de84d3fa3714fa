"""Stored evidence: one buyer reaction in one interaction, with its source and quote."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from models.types import UTCDateTime, utcnow


class EvidenceBase(SQLModel):
    kind: str = Field(index=True)
    confidence: float
    actor: str = Field(description="buyer: their own words or response; seller: the rep's report")
    quote: str
    speaker: str | None = None
    observed_at: datetime = Field(sa_type=UTCDateTime)
    meeting_start: datetime | None = Field(default=None, sa_type=UTCDateTime)
    meeting_end: datetime | None = Field(default=None, sa_type=UTCDateTime)
    meeting_category: str | None = None
    meeting_time: datetime | None = Field(default=None, sa_type=UTCDateTime)


class EvidenceRecord(EvidenceBase, table=True):
    __tablename__ = "evidence"

    id: int | None = Field(default=None, primary_key=True)
    interaction_id: int = Field(foreign_key="interaction.id", index=True, ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class EvidencePublic(EvidenceBase):
    id: int
    interaction_id: int
    source: str
    source_id: str
    interaction_type: str
    subject: str
