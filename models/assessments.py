"""Assessing stored opportunities: load evidence, infer the stage, record stage changes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlmodel import Session, col, select

from classifiers.evidence import Kind, Meeting
from models.evidence import EvidenceRecord
from models.interaction import InteractionRecord
from models.opportunity import InteractionOpportunity, StageChange
from models.sales_process import SalesProcess
from models.stage_inference import Assessment, InteractionRef, ObservedEvidence, assess


def observed(record: EvidenceRecord, interaction: InteractionRecord) -> ObservedEvidence:
    """A stored evidence row as stage inference reads it."""
    meeting = None
    if record.meeting_start and record.meeting_end:
        meeting = Meeting(
            start=record.meeting_start,
            end=record.meeting_end,
            category=record.meeting_category or "general",
        )  # type: ignore[arg-type]
    return ObservedEvidence(
        id=str(record.id),
        interaction_id=str(interaction.id),
        interaction_at=interaction.sent_at,
        kind=Kind(record.kind),
        confidence=record.confidence,
        actor=record.actor,  # type: ignore[arg-type]
        quote=record.quote,
        speaker=record.speaker,
        observed_at=record.observed_at,
        meeting=meeting,
        meeting_time=record.meeting_time,
    )


def opportunity_inputs(
    session: Session, *, opportunity_id: int
) -> tuple[list[InteractionRef], list[ObservedEvidence]]:
    interactions = session.exec(
        select(InteractionRecord)
        .join(
            InteractionOpportunity,
            col(InteractionOpportunity.interaction_id) == InteractionRecord.id,
        )
        .where(InteractionOpportunity.opportunity_id == opportunity_id)
    ).all()
    by_id = {i.id: i for i in interactions}
    rows = session.exec(
        select(EvidenceRecord).where(col(EvidenceRecord.interaction_id).in_(list(by_id)))
    ).all()
    refs = [InteractionRef(id=str(i.id), at=i.sent_at) for i in interactions]
    return refs, [observed(row, by_id[row.interaction_id]) for row in rows]


def assess_opportunity(
    session: Session, *, opportunity_id: int, process: SalesProcess, as_of: datetime
) -> Assessment:
    refs, evidence = opportunity_inputs(session, opportunity_id=opportunity_id)
    return assess(process, interactions=refs, evidence=evidence, as_of=as_of)


def record_stage_changes(
    session: Session, *, opportunity_ids: Iterable[int], process: SalesProcess, as_of: datetime
) -> list[StageChange]:
    """Assess each opportunity and record a change when its stage or leak flag differs."""
    changes = []
    for opportunity_id in sorted(set(opportunity_ids)):
        assessment = assess_opportunity(
            session, opportunity_id=opportunity_id, process=process, as_of=as_of
        )
        last = session.exec(
            select(StageChange)
            .where(StageChange.opportunity_id == opportunity_id, StageChange.process == process.id)
            .order_by(col(StageChange.id).desc())
        ).first()
        if last and (last.stage, last.leaked) == (assessment.stage, assessment.leaked):
            continue
        change = StageChange(
            opportunity_id=opportunity_id,
            process=process.id,
            previous_stage=last.stage if last else None,
            stage=assessment.stage,
            leaked=assessment.leaked,
        )
        session.add(change)
        changes.append(change)
    session.flush()
    return changes
