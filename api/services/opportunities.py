"""Opportunities as managers and CRMs read them: stage, proof, what is missing, timeline."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from api.errors import NotFound
from api.schemas import CriterionView, OpportunityDetail, OpportunitySummary, TimelineItem
from models.account import Account, AccountDomain, AccountPublic
from models.assessments import assess_opportunity
from models.evidence import EvidencePublic, EvidenceRecord
from models.interaction import InteractionRecord
from models.opportunity import InteractionOpportunity, Opportunity
from models.sales_process import SalesProcess
from models.stage_inference import Assessment


def _account(session: Session, account_id: int) -> AccountPublic:
    account = session.get(Account, account_id)
    assert account is not None and account.id is not None
    domains = session.exec(
        select(AccountDomain.domain).where(AccountDomain.account_id == account_id)
    ).all()
    return AccountPublic(id=account.id, name=account.name, domains=sorted(domains))


def _summary(
    session: Session, opportunity: Opportunity, assessment: Assessment, process: SalesProcess
) -> dict:
    assert opportunity.id is not None
    return {
        **opportunity.model_dump(
            include={"id", "name", "crm_id", "owner", "amount", "close_date", "crm_stage"}
        ),
        "account": _account(session, opportunity.account_id),
        "process": process.id,
        "as_of": assessment.as_of,
        "stage": assessment.stage,
        "stage_name": process.stages[process.stage_index(assessment.stage)].name,
        "leaked": assessment.leaked,
        "leak_reason": assessment.leak_reason,
        "proven": [c.id for c in assessment.criteria if c.proven],
        "missing": assessment.missing,
        "next": assessment.next,
        "last_buyer_evidence_at": assessment.last_buyer_evidence_at,
    }


def list_opportunities(
    *,
    session: Session,
    process: SalesProcess,
    as_of: datetime,
    stage: str | None = None,
    proven: Sequence[str] = (),
    missing: Sequence[str] = (),
    owner: str | None = None,
    leaked: bool | None = None,
) -> list[OpportunitySummary]:
    """Every opportunity with its inferred stage, filtered on what is proven or missing."""
    query = select(Opportunity).order_by(col(Opportunity.id))
    if owner:
        query = query.where(Opportunity.owner == owner.lower())
    result = []
    for opportunity in session.exec(query).all():
        assert opportunity.id is not None
        assessment = assess_opportunity(
            session, opportunity_id=opportunity.id, process=process, as_of=as_of
        )
        summary = OpportunitySummary(**_summary(session, opportunity, assessment, process))
        proven_ids = set(summary.proven)
        unproven = {c.id for c in assessment.criteria if not c.proven}
        if stage and summary.stage != stage:
            continue
        if not set(proven) <= proven_ids or not set(missing) <= unproven:
            continue
        if leaked is not None and summary.leaked != leaked:
            continue
        result.append(summary)
    return result


def evidence_views(session: Session, evidence_ids: Sequence[int]) -> dict[int, EvidencePublic]:
    """Stored evidence with its source (message or event id, subject), by evidence id."""
    rows = session.exec(
        select(EvidenceRecord, InteractionRecord)
        .join(InteractionRecord, col(InteractionRecord.id) == EvidenceRecord.interaction_id)
        .where(col(EvidenceRecord.id).in_(list(evidence_ids)))
    ).all()
    return {
        record.id: EvidencePublic(
            **record.model_dump(),
            source=interaction.source,
            source_id=interaction.source_id,
            interaction_type=interaction.type,
            subject=interaction.subject,
        )
        for record, interaction in rows
        if record.id is not None
    }


def get_opportunity(
    *, session: Session, opportunity_id: int, process: SalesProcess, as_of: datetime
) -> OpportunityDetail:
    opportunity = session.get(Opportunity, opportunity_id)
    if opportunity is None:
        raise NotFound(f"no opportunity with id {opportunity_id}")
    assessment = assess_opportunity(
        session, opportunity_id=opportunity_id, process=process, as_of=as_of
    )
    views = evidence_views(session, [int(e.id) for c in assessment.criteria for e in c.evidence])
    criteria = [
        CriterionView(
            id=c.id,
            stage=c.stage,
            question=c.question,
            proven=c.proven,
            proven_at=c.proven_at,
            # the kind as judged at as_of: a calendar meeting may have been held since capture
            evidence=[
                views[int(e.id)].model_copy(
                    update={"kind": e.kind.value, "observed_at": e.observed_at}
                )
                for e in c.evidence
            ],
        )
        for c in assessment.criteria
    ]
    return OpportunityDetail(
        **_summary(session, opportunity, assessment, process), criteria=criteria
    )


def opportunity_evidence(
    *, session: Session, opportunity_id: int, kind: str | None = None
) -> list[EvidencePublic]:
    """All evidence captured for an opportunity, newest first."""
    if session.get(Opportunity, opportunity_id) is None:
        raise NotFound(f"no opportunity with id {opportunity_id}")
    query = (
        select(EvidenceRecord.id)
        .join(
            InteractionOpportunity,
            col(InteractionOpportunity.interaction_id) == EvidenceRecord.interaction_id,
        )
        .where(InteractionOpportunity.opportunity_id == opportunity_id)
    )
    if kind:
        query = query.where(EvidenceRecord.kind == kind)
    views = evidence_views(session, [i for i in session.exec(query).all() if i is not None])
    return sorted(views.values(), key=lambda e: (e.observed_at, e.id), reverse=True)


def opportunity_timeline(
    *, session: Session, opportunity_id: int, process: SalesProcess, as_of: datetime
) -> list[TimelineItem]:
    """Each interaction in time order: advance, continuance, leak or pending."""
    if session.get(Opportunity, opportunity_id) is None:
        raise NotFound(f"no opportunity with id {opportunity_id}")
    assessment = assess_opportunity(
        session, opportunity_id=opportunity_id, process=process, as_of=as_of
    )
    ids = [int(step.interaction_id) for step in assessment.timeline]
    records = {
        r.id: r
        for r in session.exec(select(InteractionRecord).where(col(InteractionRecord.id).in_(ids)))
    }
    return [
        TimelineItem(
            interaction_id=int(step.interaction_id),
            type=records[int(step.interaction_id)].type,
            source_id=records[int(step.interaction_id)].source_id,
            subject=records[int(step.interaction_id)].subject,
            at=step.at,
            movement=step.movement,
            stage_before=step.stage_before,
            stage_after=step.stage_after,
            kinds=[k.value for k in step.kinds],
            reason=step.reason,
        )
        for step in assessment.timeline
    ]
