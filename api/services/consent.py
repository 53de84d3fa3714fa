"""A rep connecting their own mailbox (delegated access): the sign-in or consent is started here,
and the provider's answer redeemed, with the in-between state kept encrypted."""

from __future__ import annotations

import json
from collections.abc import Mapping

from api.errors import BadRequest
from api.services.live import graph_account_name, secret_store
from api.services.mailboxes import connect
from capture.base import SourceError
from models.db import get_engine, session_scope
from models.settings import get_settings

USED = b"{}"  # a redeemed state: the secret store keeps no deletes, so it is overwritten


def start_microsoft(*, login_hint: str | None) -> str:
    """The Microsoft sign-in URL for a rep; the msal flow waits, encrypted, for the callback."""
    from capture.graph_auth import graph_auth
    from capture.graph_config import GraphConfig

    secrets = secret_store(get_engine(), get_settings())
    sign_in = graph_auth(GraphConfig(), secrets=secrets).start_sign_in(login_hint=login_hint)
    secrets.save(f"msal-flow-{sign_in.flow['state']}", json.dumps(sign_in.flow).encode())
    return sign_in.url


def finish_microsoft(fields: Mapping[str, str]) -> str:
    """Redeem the posted code for tokens (kept in msal's encrypted cache) and connect the rep's
    mailbox for delegated sync; returns the address that signed in."""
    from capture.graph_auth import graph_auth
    from capture.graph_config import GraphConfig

    engine = get_engine()
    secrets = secret_store(engine, get_settings())
    flow = _pending(secrets.load(f"msal-flow-{fields.get('state', '')}"))
    secrets.save(f"msal-flow-{fields.get('state', '')}", USED)
    try:
        signed_in = graph_auth(GraphConfig(), secrets=secrets).finish_sign_in(flow, fields)
    except SourceError as exc:
        raise BadRequest(f"Microsoft sign-in failed: {exc}") from exc
    email = signed_in.username.lower()
    secrets.save(graph_account_name(email), signed_in.account_id.encode())
    with session_scope(engine) as session:
        connect(session, email=email, provider="microsoft")
    return email


def start_google(*, redirect_uri: str) -> str:
    """The Google consent URL; the PKCE verifier waits, encrypted, for the callback."""
    from capture.google_auth import start_consent
    from capture.google_config import GoogleConfig

    secrets = secret_store(get_engine(), get_settings())
    consent = start_consent(GoogleConfig(), redirect_uri=redirect_uri)
    record = {"code_verifier": consent.code_verifier, "redirect_uri": redirect_uri}
    secrets.save(f"google-consent-{consent.state}", json.dumps(record).encode())
    return consent.url


def finish_google(*, code: str, state: str) -> str:
    """Exchange the code (the refresh token is stored encrypted) and connect the mailbox Google
    says signed in; returns its address."""
    from capture.google_auth import finish_consent
    from capture.google_config import GoogleConfig

    engine = get_engine()
    secrets = secret_store(engine, get_settings())
    pending = _pending(secrets.load(f"google-consent-{state}"))
    secrets.save(f"google-consent-{state}", USED)
    try:
        email = finish_consent(
            GoogleConfig(),
            store=secrets,
            redirect_uri=pending["redirect_uri"],
            code=code,
            code_verifier=pending["code_verifier"],
        )
    except SourceError as exc:
        raise BadRequest(f"Google consent failed: {exc}") from exc
    with session_scope(engine) as session:
        connect(session, email=email, provider="google")
    return email


def _pending(stored: bytes | None) -> dict:
    data = json.loads(stored) if stored else {}
    if not data:
        raise BadRequest("unknown or already used sign-in state: start the connection again")
    return data
