"""The sales process in force: stages, exit criteria, gates and tactics."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import ProcessDep
from models.sales_process import SalesProcess

router = APIRouter(prefix="/process", tags=["process"])


@router.get("", response_model=SalesProcess)
def get_process(process: ProcessDep) -> SalesProcess:
    """The process stage inference applies (the default, or `?process=` a shipped one)."""
    return process
