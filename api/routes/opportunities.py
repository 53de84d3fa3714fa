"""Opportunities: inferred stage, proven and missing criteria, evidence and timeline."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import AsOfDep, ProcessDep, SessionDep
from api.errors import BadRequest
from api.schemas import OpportunityDetail, OpportunitySummary, TimelineItem
from api.services import opportunities as service
from models.evidence import EvidencePublic
from models.sales_process import SalesProcess

router = APIRouter(prefix="/opportunities", tags=["opportunities"])


@router.get("", response_model=list[OpportunitySummary])
def list_opportunities(
    session: SessionDep,
    process: ProcessDep,
    as_of: AsOfDep,
    stage: Annotated[str | None, Query(description="Only this inferred stage id.")] = None,
    proven: Annotated[list[str], Query(description="Criterion ids that must be proven.")] = [],  # noqa: B006
    missing: Annotated[list[str], Query(description="Criterion ids that must be unproven.")] = [],  # noqa: B006
    owner: Annotated[str | None, Query(description="The owning rep's address.")] = None,
    leaked: Annotated[bool | None, Query(description="Only leaked (or not leaked) deals.")] = None,
) -> list[OpportunitySummary]:
    """Opportunities with their inferred buyer stage, e.g. `?proven=budget_confirmed`."""
    _check_ids(process, stage=stage, criteria=[*proven, *missing])
    return service.list_opportunities(
        session=session,
        process=process,
        as_of=as_of,
        stage=stage,
        proven=proven,
        missing=missing,
        owner=owner,
        leaked=leaked,
    )


@router.get("/{opportunity_id}", response_model=OpportunityDetail)
def get_opportunity(
    opportunity_id: int, session: SessionDep, process: ProcessDep, as_of: AsOfDep
) -> OpportunityDetail:
    """One opportunity: its stage, each criterion with its proof, what is missing, what is next."""
    return service.get_opportunity(
        session=session, opportunity_id=opportunity_id, process=process, as_of=as_of
    )


@router.get("/{opportunity_id}/evidence", response_model=list[EvidencePublic])
def get_evidence(
    opportunity_id: int,
    session: SessionDep,
    kind: Annotated[str | None, Query(description="Only this evidence kind.")] = None,
) -> list[EvidencePublic]:
    """Every piece of evidence captured for the opportunity, newest first, with its quote."""
    return service.opportunity_evidence(session=session, opportunity_id=opportunity_id, kind=kind)


@router.get("/{opportunity_id}/timeline", response_model=list[TimelineItem])
def get_timeline(
    opportunity_id: int, session: SessionDep, process: ProcessDep, as_of: AsOfDep
) -> list[TimelineItem]:
    """Each interaction in time order and whether it was an advance, a continuance or a leak."""
    return service.opportunity_timeline(
        session=session, opportunity_id=opportunity_id, process=process, as_of=as_of
    )


def _check_ids(process: SalesProcess, *, stage: str | None, criteria: list[str]) -> None:
    """Unknown stage or criterion ids are the caller's mistake, not an empty result."""
    stages = [s.id for s in process.stages]
    if stage and stage not in stages:
        raise BadRequest(f"unknown stage {stage!r} in process {process.id}; stages: {stages}")
    known = {c.id for s in process.stages for c in s.exit_criteria}
    unknown = sorted(set(criteria) - known)
    if unknown:
        raise BadRequest(
            f"unknown criteria {unknown} in process {process.id}; known: {sorted(known)}"
        )
