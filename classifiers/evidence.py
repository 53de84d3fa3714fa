"""Evidence: a buyer's observable reaction in one interaction (shared/spec/evidence-kinds.md)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel


class Kind(StrEnum):
    interest_shown = "interest_shown"
    meeting_scheduled = "meeting_scheduled"
    meeting_held = "meeting_held"
    demo_held = "demo_held"
    technical_meeting_held = "technical_meeting_held"
    outcome_shared = "outcome_shared"
    stakeholders_identified = "stakeholders_identified"
    executive_engaged = "executive_engaged"
    budget_confirmed = "budget_confirmed"
    timeline_given = "timeline_given"
    plan_agreed = "plan_agreed"
    business_case_agreed = "business_case_agreed"
    solution_fit_confirmed = "solution_fit_confirmed"
    proposal_acknowledged = "proposal_acknowledged"
    verbal_commitment = "verbal_commitment"
    contract_acknowledged = "contract_acknowledged"
    contract_signed = "contract_signed"
    advocacy = "advocacy"
    disengaged = "disengaged"


HELD_KINDS = (Kind.demo_held, Kind.technical_meeting_held, Kind.meeting_held)

Actor = Literal["buyer", "seller"]
MeetingCategory = Literal["demo", "technical", "general"]


class Meeting(BaseModel):
    """The calendar facts behind meeting evidence, so stage inference can judge it at any time."""

    start: datetime
    end: datetime
    category: MeetingCategory = "general"


class Evidence(BaseModel):
    """One kind proven by one interaction, with the words (or calendar fact) it rests on.

    `actor` is who performed the reaction as the text shows it: "buyer" for the buyer's own words or
    calendar response, "seller" when the rep reports the buyer's action (lower confidence).
    """

    kind: Kind
    confidence: float
    actor: Actor = "buyer"
    quote: str
    observed_at: datetime
    speaker: str | None = None  # the address whose words or response this is, when known
    meeting: Meeting | None = None  # for calendar evidence
    meeting_time: datetime | None = None  # meeting_scheduled from text: when the meeting is

    def to_output(self) -> dict:
        """The classifier output format of the spec (kind, confidence, actor, quote)."""
        return {
            "kind": self.kind.value,
            "confidence": round(self.confidence, 2),
            "actor": self.actor,
            "quote": self.quote,
        }
