"""Settings of the Google connector (Gmail, Calendar), from PROOFSTAGE_GOOGLE_* variables."""

from __future__ import annotations

from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class GoogleConfig(BaseSettings):
    """Where Google is, how we sign in, how hard we retry; defaults are Google's public cloud."""

    model_config = SettingsConfigDict(
        env_prefix="PROOFSTAGE_GOOGLE_", env_file=".env", extra="ignore"
    )

    # Workspace: a service account with domain-wide delegation, impersonating each mailbox
    service_account_file: Path | None = None
    # per-user consent instead (or as well): an OAuth client of type "Web application"
    client_id: str | None = None
    client_secret: SecretStr | None = None
    auth_uri: str = "https://accounts.google.com/o/oauth2/auth"
    token_uri: str = "https://oauth2.googleapis.com/token"
    # API roots; Calendar's carries its path because a custom endpoint replaces rootUrl+servicePath
    gmail_endpoint: str = "https://gmail.googleapis.com/"
    calendar_endpoint: str = "https://www.googleapis.com/calendar/v3/"
    # batch address for Gmail; unset: "{gmail_endpoint}batch/gmail/v1"
    batch_uri: str | None = None
    # a PEM bundle to trust instead of the system's (a TLS-inspecting proxy, a test server)
    ca_bundle: Path | None = None
    timeout_seconds: float = 60.0
    # the first calendar sync reads events from this many days back to this many days ahead
    calendar_days_back: int = 365
    calendar_days_ahead: int = 180
    # how many items a list call asks for, and how many message fetches go in one batch
    page_size: int = 100
    batch_size: int = 50
    max_retries: int = 5
    # no single back-off wait is longer than this, whatever Retry-After says
    max_wait_seconds: float = 64.0
    # push: the Pub/Sub topic Gmail publishes to, and the HTTPS address Calendar posts to
    push_topic: str | None = None
    push_address: str | None = None
    # the secret the Pub/Sub push subscription's address carries as ?token=, checked on each push
    push_token: SecretStr | None = None

    @property
    def gmail_batch_uri(self) -> str:
        """Where Gmail batches go: never Google's public address when the endpoint is elsewhere."""
        return self.batch_uri or f"{_with_slash(self.gmail_endpoint)}batch/gmail/v1"


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"
