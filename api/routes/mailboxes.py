"""Sync health per rep mailbox: a mailbox that stops syncing is flagged, not hidden."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi import APIRouter

from api.deps import SessionDep
from api.services import mailboxes
from api.services.mailboxes import MailboxHealth
from models.settings import get_settings

router = APIRouter(prefix="/mailboxes", tags=["mailboxes"])


def _window() -> timedelta:
    return timedelta(minutes=get_settings().stale_after_minutes)


@router.get("", response_model=list[MailboxHealth])
def list_mailboxes(session: SessionDep) -> list[MailboxHealth]:
    """Every mailbox with, per live stream (mail, calendar): the last successful sync, the lag,
    the last error, whether push is live, and `stale` when it has not synced within
    PROOFSTAGE_STALE_AFTER_MINUTES or failed since its last success."""
    return mailboxes.health(session, now=datetime.now(UTC), stale_after=_window())


@router.get("/{email}", response_model=MailboxHealth)
def get_mailbox(email: str, session: SessionDep) -> MailboxHealth:
    """One mailbox's sync health (404 when unknown)."""
    return mailboxes.health(session, now=datetime.now(UTC), stale_after=_window(), email=email)[0]
