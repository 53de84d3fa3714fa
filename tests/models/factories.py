"""Small builders for stage-inference inputs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import count

from classifiers.evidence import Kind, Meeting
from models.stage_inference import InteractionRef, ObservedEvidence

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
_ids = count(1)


def day(n: float) -> datetime:
    return T0 + timedelta(days=n)


def fact(
    kind: Kind | str,
    at: float,
    *,
    interaction: str | None = None,
    confidence: float = 0.9,
    meeting: tuple[float, float, str] | None = None,
) -> ObservedEvidence:
    """Evidence of `kind` observed on day `at`; `meeting` = (start day, end day, category)."""
    n = next(_ids)
    return ObservedEvidence(
        id=f"e{n}",
        interaction_id=interaction or f"i{n}",
        interaction_at=day(at),
        kind=Kind(kind),
        confidence=confidence,
        actor="buyer",
        quote=f"quote {n}",
        observed_at=day(at),
        meeting=Meeting(start=day(meeting[0]), end=day(meeting[1]), category=meeting[2])  # type: ignore[arg-type]
        if meeting
        else None,
    )


def refs(*facts: ObservedEvidence, extra: dict[str, float] | None = None) -> list[InteractionRef]:
    """The interactions behind the facts, plus seller-only ones: {id: day}."""
    seen = {f.interaction_id: f.interaction_at for f in facts}
    seen.update({k: day(v) for k, v in (extra or {}).items()})
    return [InteractionRef(id=k, at=v) for k, v in seen.items()]


# everything that passes buyer_journey's first four stages, in a plausible order
def full_journey() -> list[ObservedEvidence]:
    return [
        fact("meeting_scheduled", 1),
        fact("demo_held", 5),
        fact("meeting_scheduled", 6),
        fact("technical_meeting_held", 10),
        fact("meeting_scheduled", 11),
        fact("stakeholders_identified", 12),
        fact("solution_fit_confirmed", 13),
        fact("budget_confirmed", 14),
        fact("plan_agreed", 15, interaction="plan"),
        fact("executive_engaged", 15, interaction="plan"),
        fact("meeting_scheduled", 16),
        fact("verbal_commitment", 20, interaction="commit"),
        fact("executive_engaged", 20, interaction="commit"),
        fact("contract_acknowledged", 22),
    ]
