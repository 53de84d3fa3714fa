"""Opportunities (one open per account unless a CRM loaded them) and their stage changes."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from models.types import UTCDateTime, utcnow


class OpportunityBase(SQLModel):
    name: str
    crm_id: str | None = Field(default=None, index=True)
    amount: float | None = None
    close_date: date | None = None
    crm_stage: str | None = Field(default=None, description="The stage the CRM claims.")
    owner: str | None = Field(default=None, index=True, description="The owning rep's address.")
    is_open: bool = True


class Opportunity(OpportunityBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    organization_id: int = Field(foreign_key="organization.id", index=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class OpportunityCreate(OpportunityBase):
    account_domain: str


class InteractionOpportunity(SQLModel, table=True):
    """Which opportunities an interaction concerns (one per buyer account on it)."""

    __tablename__ = "interaction_opportunity"

    interaction_id: int = Field(foreign_key="interaction.id", primary_key=True)
    opportunity_id: int = Field(foreign_key="opportunity.id", primary_key=True, index=True)


class StageChange(SQLModel, table=True):
    """A change of inferred buyer stage, recorded after each import: the CRM changes feed."""

    __tablename__ = "stage_change"

    id: int | None = Field(default=None, primary_key=True)
    opportunity_id: int = Field(foreign_key="opportunity.id", index=True)
    process: str
    previous_stage: str | None
    stage: str
    leaked: bool = False
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
