"""Google credentials for a mailbox: a service account impersonating it (domain-wide delegation)
or the refresh token the user granted through OAuth consent, kept encrypted in a SecretStore."""

from __future__ import annotations

import json
from dataclasses import dataclass

from google.oauth2 import credentials as user_oauth
from google.oauth2 import service_account
from google_auth_oauthlib.flow import Flow

from capture.base import SecretStore, SourceError
from capture.google_client import gmail_service
from capture.google_config import GoogleConfig
from capture.google_retry import Backoff, call

# read-only; gmail.metadata would not give message bodies, which the classifiers read
GMAIL_SCOPE = "https://www.googleapis.com/auth/gmail.readonly"
# events.list, events.watch and channels.stop all accept this narrowest read-only scope
CALENDAR_SCOPE = "https://www.googleapis.com/auth/calendar.events.readonly"
SCOPES = [GMAIL_SCOPE, CALENDAR_SCOPE]

Credentials = service_account.Credentials | user_oauth.Credentials


@dataclass(frozen=True)
class Consent:
    """Where to send the user, and what to keep (server side) until Google sends them back."""

    url: str
    state: str
    code_verifier: str


def delegated_credentials(config: GoogleConfig, *, mailbox: str) -> service_account.Credentials:
    """The service account acting as `mailbox`; the token URI is the setting, not the key file's."""
    if config.service_account_file is None:
        raise SourceError(
            "no Google service account configured (PROOFSTAGE_GOOGLE_SERVICE_ACCOUNT_FILE)"
        )
    info = json.loads(config.service_account_file.read_text())
    info["token_uri"] = config.token_uri
    account = service_account.Credentials.from_service_account_info(info, scopes=SCOPES)
    return account.with_subject(mailbox)


def start_consent(config: GoogleConfig, *, redirect_uri: str) -> Consent:
    """The consent URL for a user to grant read-only mail and calendar access (offline)."""
    flow = _flow(config, redirect_uri=redirect_uri)
    # prompt=consent: Google returns a refresh token only on a consent, not on a silent re-login
    url, state = flow.authorization_url(access_type="offline", prompt="consent")
    return Consent(url=url, state=state, code_verifier=flow.code_verifier or "")


def finish_consent(
    config: GoogleConfig,
    *,
    store: SecretStore,
    redirect_uri: str,
    code: str,
    code_verifier: str,
) -> str:
    """Exchange the code, store the refresh token encrypted, and return the mailbox it is for."""
    flow = _flow(config, redirect_uri=redirect_uri, code_verifier=code_verifier)
    verify = str(config.ca_bundle) if config.ca_bundle else True
    token = flow.fetch_token(code=code, verify=verify)
    refresh_token = token.get("refresh_token")
    if not refresh_token:
        raise SourceError("Google granted no refresh token; revoke the app's access and reconnect")
    granted = token.get("scope") or SCOPES
    scopes = granted.split() if isinstance(granted, str) else list(granted)
    credentials = _user_credentials(config, refresh_token=refresh_token, scopes=scopes)
    # the address the user really signed in as, from Google rather than from the browser
    profile = call(
        gmail_service(credentials, config).users().getProfile(userId="me").execute,
        backoff=Backoff.from_config(config),
    )
    mailbox = str(profile["emailAddress"]).lower()
    record = {"refresh_token": refresh_token, "scopes": scopes}
    store.save(_secret_name(mailbox), json.dumps(record).encode())
    return mailbox


def stored_credentials(
    config: GoogleConfig, *, store: SecretStore, mailbox: str
) -> user_oauth.Credentials | None:
    """The user's own grant for `mailbox`, or None when they never consented."""
    data = store.load(_secret_name(mailbox.lower()))
    if data is None:
        return None
    record = json.loads(data)
    return _user_credentials(config, refresh_token=record["refresh_token"], scopes=record["scopes"])


def credentials_for(config: GoogleConfig, *, store: SecretStore, mailbox: str) -> Credentials:
    """The user's own grant when there is one, else the delegated service account."""
    stored = stored_credentials(config, store=store, mailbox=mailbox)
    if stored is not None:
        return stored
    if config.service_account_file is not None:
        return delegated_credentials(config, mailbox=mailbox)
    raise SourceError(f"{mailbox} has not granted access and no service account is configured")


def _user_credentials(
    config: GoogleConfig, *, refresh_token: str, scopes: list[str]
) -> user_oauth.Credentials:
    client_id, client_secret = _client(config)
    return user_oauth.Credentials(
        token=None,
        refresh_token=refresh_token,
        token_uri=config.token_uri,
        client_id=client_id,
        client_secret=client_secret,
        scopes=scopes,
    )


def _flow(config: GoogleConfig, *, redirect_uri: str, code_verifier: str | None = None) -> Flow:
    client_id, client_secret = _client(config)
    client_config = {
        "web": {
            "client_id": client_id,
            "client_secret": client_secret,
            "auth_uri": config.auth_uri,
            "token_uri": config.token_uri,
            "redirect_uris": [redirect_uri],
        }
    }
    return Flow.from_client_config(
        client_config, scopes=SCOPES, redirect_uri=redirect_uri, code_verifier=code_verifier
    )


def _client(config: GoogleConfig) -> tuple[str, str]:
    if not config.client_id or config.client_secret is None:
        raise SourceError(
            "no Google OAuth client configured "
            "(PROOFSTAGE_GOOGLE_CLIENT_ID, PROOFSTAGE_GOOGLE_CLIENT_SECRET)"
        )
    return config.client_id, config.client_secret.get_secret_value()


def _secret_name(mailbox: str) -> str:
    return f"google-oauth-{mailbox}"
