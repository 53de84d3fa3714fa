"""The changes feed: inferred stage changes in the order they were recorded, for CRMs to pull."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlmodel import col, select

from api.deps import SessionDep
from api.schemas import StageChangeView
from models.opportunity import StageChange

router = APIRouter(prefix="/changes", tags=["changes"])


@router.get("", response_model=list[StageChangeView])
def list_changes(
    session: SessionDep,
    after: Annotated[int, Query(description="Only changes with a larger id (a cursor).")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[StageChangeView]:
    """Stage changes after the cursor `after`; pass the last id you saw to get the next page."""
    rows = session.exec(
        select(StageChange)
        .where(col(StageChange.id) > after)
        .order_by(col(StageChange.id))
        .limit(limit)
    ).all()
    return [StageChangeView.model_validate(row, from_attributes=True) for row in rows]
