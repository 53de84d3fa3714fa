"""Push endpoints: Microsoft Graph change notifications, Gmail (Pub/Sub) and Google Calendar
channel pushes. Each checks its secret, answers at once, and syncs the named stream in the
background; the body is never taken as data."""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, Request, Response
from fastapi.responses import PlainTextResponse

from api.errors import Forbidden
from api.services.push import (
    Target,
    calendar_channel,
    dispatcher,
    graph_subscriptions,
    is_google_mailbox,
    secret_store,
)
from models.db import get_engine
from models.settings import get_settings

router = APIRouter(prefix="/push", tags=["push"])


def _start(background: BackgroundTasks, targets: list[Target]) -> None:
    run = dispatcher(get_settings())
    for target in targets:
        background.add_task(run, target)


@router.post("/microsoft", status_code=202, response_model=None)
async def graph_notification(
    request: Request, background: BackgroundTasks
) -> Response | dict[str, int]:
    """Graph change notifications (the PROOFSTAGE_MS_NOTIFICATION_URL). A `validationToken`
    query parameter is Graph's handshake and is echoed as text/plain; otherwise every item whose
    subscription and clientState match a stored subscription starts an incremental sync."""
    from capture.graph_subscriptions import notification_targets, validation_token

    token = validation_token(request.query_params)
    if token is not None:
        return PlainTextResponse(token)
    engine = get_engine()
    subscriptions = graph_subscriptions(engine, secret_store(engine, get_settings()))
    targets = notification_targets(await request.body(), subscriptions=subscriptions)
    _start(background, [Target(t.mailbox, t.stream) for t in targets])
    return {"syncs": len(targets)}


@router.post("/google/gmail", status_code=202)
async def gmail_push(
    request: Request, background: BackgroundTasks, token: str | None = None
) -> dict[str, int]:
    """Gmail pushes from a Pub/Sub push subscription whose address carries
    `?token=PROOFSTAGE_GOOGLE_PUSH_TOKEN`; 403 on a wrong token."""
    from capture.google_config import GoogleConfig
    from capture.google_watch import PushRejected, check_gmail_push

    engine = get_engine()
    try:
        target = check_gmail_push(
            await request.body(),
            token=token,
            config=GoogleConfig(),
            is_connected=lambda email: is_google_mailbox(engine, email),
        )
    except PushRejected as exc:
        raise Forbidden(str(exc)) from exc
    targets = [Target(target.mailbox, target.stream)] if target else []
    _start(background, targets)
    return {"syncs": len(targets)}


@router.post("/google/calendar", status_code=202)
async def calendar_push(request: Request, background: BackgroundTasks) -> dict[str, int]:
    """Google Calendar channel pushes (X-Goog-Channel-ID / -Token / -Resource-State headers);
    403 for an unknown channel or a wrong token; the "sync" handshake starts nothing."""
    from capture.google_watch import PushRejected, check_calendar_push

    engine = get_engine()
    secrets = secret_store(engine, get_settings())
    try:
        target = check_calendar_push(
            request.headers, find_channel=lambda cid: calendar_channel(engine, secrets, cid)
        )
    except PushRejected as exc:
        raise Forbidden(str(exc)) from exc
    targets = [Target(target.mailbox, target.stream)] if target else []
    _start(background, targets)
    return {"syncs": len(targets)}
