"""What the API returns: opportunities with their stage, proof and timeline."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from models.account import AccountPublic
from models.evidence import EvidencePublic


class CriterionView(BaseModel):
    id: str
    stage: str
    question: str
    proven: bool
    proven_at: datetime | None
    evidence: list[EvidencePublic] = Field(description="The evidence that proves it, with quotes.")


class OpportunitySummary(BaseModel):
    id: int
    name: str
    crm_id: str | None
    owner: str | None
    amount: float | None
    close_date: date | None
    crm_stage: str | None = Field(description="The stage the CRM claims, for comparison.")
    account: AccountPublic
    process: str
    as_of: datetime
    stage: str = Field(description="The inferred buyer stage (a stage id of the process).")
    stage_name: str
    leaked: bool
    leak_reason: str | None
    proven: list[str] = Field(description="Ids of the exit criteria proven by evidence.")
    missing: list[str] = Field(description="Unproven exit criteria of the current stage.")
    next: list[str] = Field(description="Missing criteria that wait on nothing else: push these.")
    last_buyer_evidence_at: datetime | None


class OpportunityDetail(OpportunitySummary):
    criteria: list[CriterionView]


class TimelineItem(BaseModel):
    interaction_id: int
    type: str
    source_id: str
    subject: str
    at: datetime
    movement: str = Field(description="advance, continuance, leak, or pending (seller activity)")
    stage_before: str
    stage_after: str
    kinds: list[str]
    reason: str


class StageChangeView(BaseModel):
    id: int
    opportunity_id: int
    process: str
    previous_stage: str | None
    stage: str
    leaked: bool
    recorded_at: datetime


class Health(BaseModel):
    status: str
    database: str
    process: str
