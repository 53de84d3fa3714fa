"""The reps' mailboxes: connect, pause, remove, and the sync health that makes gaps visible."""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import BaseModel
from sqlmodel import Session, col, select

from api.errors import BadRequest, NotFound
from models.mailbox import Mailbox
from models.mailbox_sync import MailboxSync
from models.store import mailbox_for, remove_mailbox

PROVIDERS = ("microsoft", "google")
STREAMS = ("mail", "calendar")


class StreamHealth(BaseModel):
    stream: str
    last_success_at: datetime | None
    lag_seconds: int | None = None  # since the last successful sync
    last_error: str | None
    last_error_at: datetime | None
    full_resyncs: int
    items_synced: int
    push_live: bool
    push_expires_at: datetime | None
    stale: bool  # no success within the stale window, or an error since the last success


class MailboxHealth(BaseModel):
    email: str
    provider: str
    paused: bool
    last_import_at: datetime | None
    healthy: bool
    streams: list[StreamHealth]


def health(
    session: Session, *, now: datetime, stale_after: timedelta, email: str | None = None
) -> list[MailboxHealth]:
    """Per mailbox (or the one asked for) and live stream: last success, lag, last error, push."""
    query = select(Mailbox).order_by(col(Mailbox.email))
    if email:
        query = query.where(Mailbox.email == email.lower())
    boxes = session.exec(query).all()
    if email and not boxes:
        raise NotFound(f"no mailbox {email}")
    states: dict[int, dict[str, MailboxSync]] = {}
    for state in session.exec(select(MailboxSync)):
        states.setdefault(state.mailbox_id, {})[state.stream] = state
    result = []
    for box in boxes:
        assert box.id is not None
        live = box.provider in PROVIDERS
        streams = [
            _stream_health(states.get(box.id, {}).get(stream), stream, now, stale_after)
            for stream in (STREAMS if live else ())
        ]
        result.append(
            MailboxHealth(
                email=box.email,
                provider=box.provider,
                paused=box.paused,
                last_import_at=box.last_import_at,
                healthy=box.paused or not any(s.stale for s in streams),
                streams=streams,
            )
        )
    return result


def _stream_health(
    state: MailboxSync | None, stream: str, now: datetime, stale_after: timedelta
) -> StreamHealth:
    if state is None:  # connected, never synced: that is a gap too
        return StreamHealth(
            stream=stream,
            last_success_at=None,
            last_error=None,
            last_error_at=None,
            full_resyncs=0,
            items_synced=0,
            push_live=False,
            push_expires_at=None,
            stale=True,
        )
    success = state.last_success_at
    failing = state.last_error_at is not None and (success is None or state.last_error_at > success)
    return StreamHealth(
        stream=stream,
        last_success_at=success,
        lag_seconds=int((now - success).total_seconds()) if success else None,
        last_error=state.last_error,
        last_error_at=state.last_error_at,
        full_resyncs=state.full_resyncs,
        items_synced=state.items_synced,
        push_live=bool(state.push_expires_at and state.push_expires_at > now),
        push_expires_at=state.push_expires_at,
        stale=failing or success is None or now - success > stale_after,
    )


def connect(session: Session, *, email: str, provider: str, name: str = "") -> Mailbox:
    """Register a rep's mailbox for live capture (the provider's access is set up apart)."""
    if provider not in PROVIDERS:
        raise BadRequest(f"unknown provider {provider!r}: use one of {', '.join(PROVIDERS)}")
    if "@" not in email:
        raise BadRequest(f"{email!r} is not an email address")
    mailbox = mailbox_for(session, email=email.lower(), name=name, provider=provider)
    mailbox.provider = provider
    session.add(mailbox)
    session.flush()
    return mailbox


def set_paused(session: Session, *, email: str, paused: bool) -> Mailbox:
    mailbox = _get(session, email)
    mailbox.paused = paused
    session.add(mailbox)
    session.flush()
    return mailbox


def remove(session: Session, *, email: str) -> set[int]:
    """Delete the mailbox and everything captured from it; the opportunities to re-assess."""
    return remove_mailbox(session, mailbox=_get(session, email))


def _get(session: Session, email: str) -> Mailbox:
    mailbox = session.exec(select(Mailbox).where(Mailbox.email == email.lower())).first()
    if mailbox is None:
        raise NotFound(f"no mailbox {email}")
    return mailbox
