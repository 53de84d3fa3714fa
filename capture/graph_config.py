"""Settings for Microsoft 365 capture (msal + Microsoft Graph), from `PROOFSTAGE_MS_*` variables."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class GraphConfig(BaseSettings):
    """One Entra ID app registration in one tenant and how to reach Graph (public cloud default)."""

    model_config = SettingsConfigDict(env_prefix="PROOFSTAGE_MS_", env_file=".env", extra="ignore")

    tenant_id: str = ""
    client_id: str = ""
    # one of the two credentials: a client secret, or a certificate (PEM private key + thumbprint)
    client_secret: SecretStr | None = None
    certificate_path: Path | None = None
    certificate_thumbprint: str | None = None

    authority_host: str = "https://login.microsoftonline.com"
    graph_url: str = "https://graph.microsoft.com/v1.0"
    # a PEM file of the CA certificates to trust for both login and Graph (a TLS-inspecting proxy,
    # a sovereign cloud); it wins over REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE and SSL_CERT_FILE
    ca_bundle: Path | None = None
    # where the rep's browser comes back after signing in (delegated access)
    redirect_uri: str = "http://localhost:8000/connect/microsoft/callback"

    calendar_days_back: int = 180
    calendar_days_ahead: int = 365
    # a calendarView delta keeps the window it started with: read from scratch this often
    calendar_refresh_days: int = 7
    page_size: int = 50
    timeout: float = 30.0
    max_retries: int = 5
    # the longest single wait between retries, in seconds; a longer Retry-After fails the round
    max_wait: float = 120.0

    # the public HTTPS URL of the API's Graph notification route; unset: no change notifications
    notification_url: str | None = None
    # under the 4230 minutes Graph documented for Outlook resources (newer pages allow 10080)
    subscription_minutes: int = 4230

    @property
    def authority(self) -> str:
        return f"{self.authority_host.rstrip('/')}/{self.tenant_id}"

    @property
    def graph_resource(self) -> str:
        """Graph's resource URI (scheme and host of `graph_url`), the prefix of its scopes."""
        parts = urlsplit(self.graph_url)
        return f"{parts.scheme}://{parts.netloc}"

    def cache_name(self) -> str:
        """The SecretStore name of this app's msal token cache."""
        return f"msal-{self.tenant_id}-{self.client_id}"
