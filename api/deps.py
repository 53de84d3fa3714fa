"""Request dependencies: the database session, the sales process and the assessment time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Query
from sqlmodel import Session

from api.errors import BadRequest
from models.db import get_engine
from models.sales_process import ProcessError, SalesProcess, load_process
from models.settings import get_settings


def get_session() -> Iterator[Session]:
    """A read session per request; the API never writes outside the import pipeline."""
    with Session(get_engine(), expire_on_commit=False) as session:
        yield session


def get_process(
    process: Annotated[
        str | None, Query(description="A shipped process name; default from settings.")
    ] = None,
) -> SalesProcess:
    try:
        return load_process(process or get_settings().process)
    except ProcessError as exc:
        raise BadRequest(str(exc)) from exc


def get_as_of(
    as_of: Annotated[
        datetime | None,
        Query(description="Assess as of this time (ISO 8601); default now or PROOFSTAGE_AS_OF."),
    ] = None,
) -> datetime:
    when = as_of or get_settings().as_of or datetime.now(UTC)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


SessionDep = Annotated[Session, Depends(get_session)]
ProcessDep = Annotated[SalesProcess, Depends(get_process)]
AsOfDep = Annotated[datetime, Depends(get_as_of)]
