"""Push: Graph subscriptions and Google watch channels kept alive, and the pushes they send
turned into incremental syncs. A push never carries data we trust: it only says which stream to
read, and the sync reads it from its stored cursor. Polling (`proofstage sync` on a schedule)
stays the fallback, so a lost push delays evidence but never loses it."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from api.services.live import push_secret_name, secret_store
from api.services.sync import stream_state
from capture.base import SecretStore, Stream
from capture.google_watch import CalendarChannel
from capture.graph_subscriptions import Subscription
from models.db import session_scope
from models.mailbox import Mailbox
from models.mailbox_sync import MailboxSync
from models.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Target:
    mailbox: str
    stream: Stream


def graph_subscriptions(engine: Engine, secrets: SecretStore) -> dict[str, Subscription]:
    """The live Graph subscriptions by id, with their client states decrypted."""
    found: dict[str, Subscription] = {}
    for box, state in _pushed(engine, "microsoft"):
        client_state = secrets.load(push_secret_name(box.email, state.stream))
        if client_state and state.push_id and state.push_expires_at:
            found[state.push_id] = Subscription(
                id=state.push_id,
                mailbox=box.email,
                stream=state.stream,  # type: ignore[arg-type]
                client_state=client_state.decode(),
                expires_at=state.push_expires_at,
            )
    return found


def calendar_channel(
    engine: Engine, secrets: SecretStore, channel_id: str
) -> CalendarChannel | None:
    """The Google Calendar channel with this id, with its token decrypted."""
    for box, state in _pushed(engine, "google"):
        if state.stream == "calendar" and state.push_id == channel_id and state.push_expires_at:
            stored = secrets.load(push_secret_name(box.email, state.stream))
            if stored:
                data = json.loads(stored)
                return CalendarChannel(
                    mailbox=box.email,
                    id=channel_id,
                    resource_id=data["resource_id"],
                    token=data["token"],
                    expiration=state.push_expires_at,
                )
    return None


def is_google_mailbox(engine: Engine, email: str) -> bool:
    with Session(engine) as session:
        box = session.exec(select(Mailbox).where(Mailbox.email == email)).first()
        return box is not None and box.provider == "google" and not box.paused


def record_push(
    engine: Engine,
    secrets: SecretStore,
    *,
    mailbox: Mailbox,
    stream: str,
    push_id: str,
    expires_at: datetime,
    secret: str | None,
) -> None:
    """Remember a created or renewed subscription or channel (its secret encrypted)."""
    if secret is not None:
        secrets.save(push_secret_name(mailbox.email, stream), secret.encode())
    with session_scope(engine) as session:
        state = stream_state(session, mailbox_id=mailbox.id, stream=stream)
        state.push_id = push_id
        state.push_expires_at = expires_at
        session.add(state)


def _pushed(engine: Engine, provider: str) -> list[tuple[Mailbox, MailboxSync]]:
    with Session(engine) as session:
        rows = session.exec(
            select(Mailbox, MailboxSync)
            .join(MailboxSync, col(MailboxSync.mailbox_id) == col(Mailbox.id))
            .where(Mailbox.provider == provider, col(MailboxSync.push_id).is_not(None))
        ).all()
        return [(box, state) for box, state in rows]


def dispatcher(settings: Settings) -> Callable[[Target], None]:
    """How a push starts its sync: a Celery task when a broker is set, else in this process."""
    if settings.broker_url:
        from api.worker import SYNC_TASK, app

        task = app.tasks[SYNC_TASK]
        return lambda target: task.delay(target.mailbox, [target.stream])

    from api.services.live import run_sync

    def run_here(target: Target) -> None:
        report = run_sync(email=target.mailbox, streams=[target.stream], settings=settings)
        if not report.ok:
            log.warning("pushed sync of %s %s failed", target.mailbox, target.stream)

    return run_here


def renew_all(engine: Engine, settings: Settings, *, now: datetime) -> list[tuple[str, str, str]]:
    """Create missing and renew expiring subscriptions and channels of every active live
    mailbox whose provider has a push address configured; (mailbox, stream, what was done)."""
    secrets = secret_store(engine, settings)
    with Session(engine) as session:
        boxes = session.exec(
            select(Mailbox).where(col(Mailbox.provider).in_(("microsoft", "google")))
        ).all()
    done: list[tuple[str, str, str]] = []
    for box in boxes:
        if box.paused:
            continue
        try:
            if box.provider == "microsoft":
                done += _renew_graph(engine, secrets, box, now)
            else:
                done += _renew_google(engine, secrets, box, now)
        except Exception as exc:  # one mailbox's failure must not stop the others' renewals
            log.error("push renewal for %s failed: %s", box.email, exc)
            done.append((box.email, "-", f"failed: {type(exc).__name__}: {exc}"))
    return done


def _renew_graph(
    engine: Engine, secrets: SecretStore, box: Mailbox, now: datetime
) -> list[tuple[str, str, str]]:
    from api.services.live import graph_account
    from capture.graph_config import GraphConfig
    from capture.graph_sources import graph_client
    from capture.graph_subscriptions import (
        create_subscription,
        renew_subscription,
        renewal_due,
    )

    config = GraphConfig()
    if not config.notification_url:
        return []
    existing = {(s.mailbox, s.stream): s for s in graph_subscriptions(engine, secrets).values()}
    done = []
    with graph_client(
        config, secrets=secrets, account_id=graph_account(secrets, box.email)
    ) as client:
        stream: Stream
        for stream in ("mail", "calendar"):
            current = existing.get((box.email, stream))
            if current is None or current.expires_at <= now:
                made = create_subscription(client, mailbox=box.email, stream=stream, now=now)
                secret, what = made.client_state, "subscribed"
            elif renewal_due(current, now=now):
                made = renew_subscription(client, current, now=now)
                secret, what = None, "renewed"  # a renewal keeps its client state
            else:
                continue
            record_push(
                engine,
                secrets,
                mailbox=box,
                stream=stream,
                push_id=made.id,
                expires_at=made.expires_at,
                secret=secret,
            )
            done.append((box.email, stream, what))
    return done


def _renew_google(
    engine: Engine, secrets: SecretStore, box: Mailbox, now: datetime
) -> list[tuple[str, str, str]]:
    from capture.google_auth import credentials_for
    from capture.google_client import calendar_service, gmail_service
    from capture.google_config import GoogleConfig
    from capture.google_retry import Backoff
    from capture.google_watch import needs_renewal, renew_calendar, watch_calendar, watch_mail

    config = GoogleConfig()
    states = {s.stream: s for b, s in _pushed(engine, "google") if b.email == box.email}
    credentials = credentials_for(config, store=secrets, mailbox=box.email)
    backoff = Backoff.from_config(config)
    done = []
    mail = states.get("mail")
    if config.push_topic and (mail is None or needs_renewal(mail.push_expires_at, now=now)):
        watch = watch_mail(
            gmail_service(credentials, config), mailbox=box.email, config=config, backoff=backoff
        )
        record_push(
            engine,
            secrets,
            mailbox=box,
            stream="mail",
            push_id="gmail-watch",
            expires_at=watch.expiration,
            secret=None,
        )
        done.append((box.email, "mail", "watching"))
    if config.push_address:
        service = calendar_service(credentials, config)
        current = (
            calendar_channel(engine, secrets, states["calendar"].push_id or "")
            if ("calendar" in states)
            else None
        )
        if current is None or current.expiration <= now:
            channel = watch_calendar(service, mailbox=box.email, config=config, backoff=backoff)
        elif needs_renewal(current.expiration, now=now):
            channel = renew_calendar(service, channel=current, config=config, backoff=backoff)
        else:
            return done
        secret = json.dumps({"token": channel.token, "resource_id": channel.resource_id})
        record_push(
            engine,
            secrets,
            mailbox=box,
            stream="calendar",
            push_id=channel.id,
            expires_at=channel.expiration,
            secret=secret,
        )
        done.append((box.email, "calendar", "channel opened"))
    return done
