"""Authorized google-api-python-client services, aimed at the configured endpoints."""

from __future__ import annotations

import google_auth_httplib2
import httplib2
from google.auth.credentials import Credentials
from googleapiclient.discovery import Resource, build

from capture.google_config import GoogleConfig


def authorized_http(credentials: Credentials, config: GoogleConfig) -> httplib2.Http:
    """An httplib2 client that adds (and refreshes) the bearer token and trusts the CA bundle."""
    ca_certs = str(config.ca_bundle) if config.ca_bundle else None
    http = httplib2.Http(ca_certs=ca_certs, timeout=config.timeout_seconds)
    # token refreshes go through this same client, so the token endpoint gets the same CA bundle
    return google_auth_httplib2.AuthorizedHttp(credentials, http=http)


def gmail_service(credentials: Credentials, config: GoogleConfig) -> Resource:
    """Gmail v1 from the library's bundled discovery document; paths carry "gmail/v1/"."""
    return _service("gmail", "v1", config.gmail_endpoint, credentials, config)


def calendar_service(credentials: Credentials, config: GoogleConfig) -> Resource:
    """Calendar v3; the endpoint must end in "calendar/v3/" since it replaces the service path."""
    return _service("calendar", "v3", config.calendar_endpoint, credentials, config)


def _service(
    name: str, version: str, endpoint: str, credentials: Credentials, config: GoogleConfig
) -> Resource:
    return build(
        name,
        version,
        http=authorized_http(credentials, config),
        static_discovery=True,
        cache_discovery=False,
        client_options={"api_endpoint": endpoint if endpoint.endswith("/") else endpoint + "/"},
    )
