"""TLS trust for Graph and login: the `ca_bundle` setting, which environment variables cannot
override."""

from __future__ import annotations

import ssl
from pathlib import Path
from typing import Any

import requests


def ssl_context(ca_bundle: Path | None) -> ssl.SSLContext | bool:
    """httpx's `verify`: a context trusting only `ca_bundle`, else the default trust (True)."""
    if ca_bundle is None:
        return True
    # an SSLContext is used as given: httpx reads SSL_CERT_FILE only for verify=True
    return ssl.create_default_context(cafile=str(ca_bundle))


class PinnedSession(requests.Session):
    """A requests session for msal that always verifies with `ca_bundle` and times out.

    requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE replace a session's `verify` (it merges the
    environment into each request when the request itself gives none), so the bundle is passed
    with every request instead; proxies from the environment still apply.
    """

    def __init__(self, ca_bundle: Path | None, timeout: float):
        super().__init__()
        self.ca_bundle = ca_bundle
        self.timeout = timeout
        adapter = requests.adapters.HTTPAdapter(max_retries=1)  # what msal mounts by default
        self.mount("https://", adapter)
        self.mount("http://", adapter)

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> Any:
        if self.ca_bundle is not None:
            kwargs["verify"] = str(self.ca_bundle)
        kwargs.setdefault("timeout", self.timeout)
        return super().request(method, url, *args, **kwargs)
