"""Access tokens for Graph with msal: app-only (client credentials, admin consent for the whole
organisation) or per rep (authorization code flow, then silent refresh).

One msal ConfidentialClientApplication per tenant and client, built once (`graph_auth`); its
token cache lives in a SecretStore, encrypted, written back whenever msal changed it. msal's
results are never logged: they hold the tokens. Only their `error` and `error_description` are
kept, in AuthError.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import msal
from msal.authority import WELL_KNOWN_AUTHORITY_HOSTS

from capture.base import SecretStore, SourceError
from capture.graph_config import GraphConfig
from capture.graph_tls import PinnedSession

# What a source calls for a bearer token; True asks for a new one (Graph answered 401).
TokenProvider = Callable[[bool], str]

# Delegated permissions a rep consents to (msal adds openid, profile and offline_access).
DELEGATED_PERMISSIONS = ("Mail.Read", "Calendars.Read")


class AuthError(SourceError):
    """The identity platform refused a token, or the rep must sign in (again)."""


@dataclass(frozen=True)
class SignIn:
    """A started sign-in: send the rep to `url`; keep `flow` (not secret, but per browser
    session) until the redirect comes back."""

    url: str
    flow: dict[str, Any]


@dataclass(frozen=True)
class SignedIn:
    """The rep's account as msal keys it (`account_id`) and the address they signed in with."""

    account_id: str
    username: str


class GraphAuth:
    """Tokens for one tenant's app registration; the token cache persisted through `secrets`."""

    def __init__(self, config: GraphConfig, *, secrets: SecretStore):
        self.config = config
        self.secrets = secrets
        self.cache = msal.SerializableTokenCache()
        stored = secrets.load(config.cache_name())
        if stored:
            self.cache.deserialize(stored.decode())
        host = urlsplit(config.authority_host).hostname or ""
        self.app = msal.ConfidentialClientApplication(
            config.client_id,
            client_credential=_credential(config),
            authority=config.authority,
            token_cache=self.cache,
            http_client=PinnedSession(config.ca_bundle, config.timeout),
            # msal asks login.microsoftonline.com to vouch for any other host (a sovereign or
            # private cloud, a test server); the configured host is trusted as given instead
            instance_discovery=None if host in WELL_KNOWN_AUTHORITY_HOSTS else False,
        )
        self._lock = threading.Lock()

    # app-only

    def app_token(self, force: bool = False) -> str:
        """An app-only token for Graph (client credentials); `force` skips the cached one."""
        with self._lock:
            if force:
                self.app.remove_tokens_for_client()
            result = self.app.acquire_token_for_client([f"{self.config.graph_resource}/.default"])
            self._persist()
        return _access_token(result, "app-only token")

    # delegated, per rep

    def delegated_scopes(self) -> list[str]:
        # full scope URIs, so that a non-public Graph host gets tokens for itself
        return [f"{self.config.graph_resource}/{p}" for p in DELEGATED_PERMISSIONS]

    def start_sign_in(self, *, login_hint: str | None = None) -> SignIn:
        """The URL to send a rep to, and the flow state to keep until they come back.

        The identity platform comes back with a form POSTed to `redirect_uri` (form_post, as
        msal recommends: the code stays out of URLs and access logs).
        """
        flow = self.app.initiate_auth_code_flow(
            self.delegated_scopes(),
            redirect_uri=self.config.redirect_uri,
            login_hint=login_hint,
            response_mode="form_post",
        )
        return SignIn(url=flow["auth_uri"], flow=flow)

    def finish_sign_in(self, flow: dict[str, Any], response: Mapping[str, str]) -> SignedIn:
        """Redeem the redirect's fields (code, state; or error) for tokens; the cache keeps them."""
        with self._lock:
            try:
                result = self.app.acquire_token_by_auth_code_flow(flow, dict(response))
            except ValueError as exc:  # msal's word for a state that is not this flow's
                raise AuthError(f"sign-in response refused: {exc}") from exc
            self._persist()
        _access_token(result, "sign-in")
        claims = result.get("id_token_claims") or {}
        accounts = self.app.get_accounts()
        account = next(
            (a for a in accounts if a.get("local_account_id") == claims.get("oid")),
            accounts[0] if accounts else None,
        )
        if account is None:
            raise AuthError("sign-in returned no account")
        return SignedIn(account_id=account["home_account_id"], username=account["username"])

    def user_token(self, account_id: str, force: bool = False) -> str:
        """A delegated token for the rep, refreshed silently from the cached refresh token."""
        with self._lock:
            account = next(
                (a for a in self.app.get_accounts() if a["home_account_id"] == account_id), None
            )
            if account is None:
                raise AuthError(f"no signed-in account {account_id}: the rep must sign in")
            result = self.app.acquire_token_silent(
                self.delegated_scopes(), account=account, force_refresh=force
            )
            self._persist()
        if result is None:
            raise AuthError(f"the sign-in of {account['username']} has lapsed: sign in again")
        return _access_token(result, "delegated token")

    def app_tokens(self) -> TokenProvider:
        return self.app_token

    def user_tokens(self, account_id: str) -> TokenProvider:
        return lambda force: self.user_token(account_id, force)

    def _persist(self) -> None:
        if self.cache.has_state_changed:
            self.secrets.save(self.config.cache_name(), self.cache.serialize().encode())
            self.cache.has_state_changed = False


_AUTHS: dict[tuple[str, str, str, int], GraphAuth] = {}
_AUTHS_LOCK = threading.Lock()


def graph_auth(config: GraphConfig, *, secrets: SecretStore) -> GraphAuth:
    """The GraphAuth of this tenant and client, built once per process (msal's cache and its
    discovered endpoints are reused)."""
    key = (config.authority, config.client_id, config.graph_url, id(secrets))
    with _AUTHS_LOCK:
        auth = _AUTHS.get(key)
        if auth is None or auth.secrets is not secrets:
            auth = _AUTHS[key] = GraphAuth(config, secrets=secrets)
        return auth


def _credential(config: GraphConfig) -> str | dict[str, str]:
    if config.certificate_path is not None:
        if not config.certificate_thumbprint:
            raise AuthError("PROOFSTAGE_MS_CERTIFICATE_THUMBPRINT is needed with the certificate")
        return {
            "private_key": config.certificate_path.read_text(),
            "thumbprint": config.certificate_thumbprint,
        }
    if config.client_secret is None:
        raise AuthError("set PROOFSTAGE_MS_CLIENT_SECRET or PROOFSTAGE_MS_CERTIFICATE_PATH")
    return config.client_secret.get_secret_value()


def _access_token(result: dict[str, Any] | None, what: str) -> str:
    if result and "access_token" in result:
        return str(result["access_token"])
    error = (result or {}).get("error", "no_result")
    description = (result or {}).get("error_description", "")
    raise AuthError(f"{what} refused: {error}: {description}".rstrip(": "))
