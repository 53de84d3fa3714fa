"""A rep connects their own mailbox (delegated access) from a browser: each route starts the
provider's sign-in or redeems its answer, then the mailbox syncs like any other."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qsl

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse

from api.services import consent

router = APIRouter(prefix="/connect", tags=["connect"])


@router.get("/microsoft", status_code=307)
def connect_microsoft(
    mailbox: Annotated[str | None, Query(description="The rep's address (a login hint).")] = None,
) -> RedirectResponse:
    """Sends the rep to Microsoft's sign-in for Mail.Read and Calendars.Read (delegated); the
    answer comes back to PROOFSTAGE_MS_REDIRECT_URI (this API's /connect/microsoft/callback)."""
    return RedirectResponse(consent.start_microsoft(login_hint=mailbox), status_code=307)


@router.post("/microsoft/callback")
async def microsoft_callback(request: Request) -> dict[str, str]:
    """Microsoft's posted answer (response_mode=form_post): the code is redeemed and the
    mailbox connected."""
    fields = dict(parse_qsl((await request.body()).decode("utf-8", "replace")))
    return {"mailbox": consent.finish_microsoft(fields), "provider": "microsoft"}


@router.get("/google", status_code=307)
def connect_google(request: Request) -> RedirectResponse:
    """Sends the rep to Google's consent for read-only Gmail and Calendar access (offline)."""
    redirect_uri = str(request.url_for("google_callback"))
    return RedirectResponse(consent.start_google(redirect_uri=redirect_uri), status_code=307)


@router.get("/google/callback", name="google_callback")
def google_callback(code: str, state: str) -> dict[str, str]:
    """Google's answer: the code is exchanged and the mailbox Google names is connected."""
    return {"mailbox": consent.finish_google(code=code, state=state), "provider": "google"}
