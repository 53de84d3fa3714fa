"""Requests to Microsoft Graph over httpx: bearer token, the configured CA, timeouts, throttling.

429, 503 and 504 (and network failures) are retried: after Retry-After when Graph sends it,
else after an exponential backoff with jitter, at most `max_retries` times. A 401 fetches a new
token once. Anything else that is not a success raises GraphError with Graph's error code.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from capture.base import SourceError
from capture.graph_auth import TokenProvider
from capture.graph_config import GraphConfig
from capture.graph_tls import ssl_context

_RETRIED = {429, 503, 504}


class GraphError(SourceError):
    """Graph refused a request: its HTTP status and its error code and message."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(f"Graph answered {status} {code}: {message}".rstrip(": "))
        self.status = status
        self.code = code


@dataclass
class Backoff:
    """How long to wait before each retry; `sleep` and `jitter` are there to be replaced."""

    max_retries: int = 5
    max_wait: float = 120.0
    base: float = 1.0
    sleep: Callable[[float], None] = time.sleep
    # a fraction in [0, 1): how much of the spread to add
    jitter: Callable[[], float] = field(default=random.random)

    def wait(self, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait before retry number `attempt` (0 first)."""
        if retry_after is not None:
            if retry_after > self.max_wait:
                raise SourceError(
                    f"Graph asks to wait {retry_after:.0f} s, more than the {self.max_wait:.0f} s"
                    " allowed (PROOFSTAGE_MS_MAX_WAIT): try again later"
                )
            # never earlier than asked; a little later, so that many workers do not return at once
            return retry_after * (1 + 0.1 * self.jitter())
        ceiling = min(self.max_wait, self.base * 2**attempt)
        return ceiling / 2 + ceiling / 2 * self.jitter()


class GraphClient:
    """One mailbox's (or one app's) requests to Graph, with retries; a context manager."""

    def __init__(
        self, config: GraphConfig, *, token: TokenProvider, backoff: Backoff | None = None
    ):
        self.config = config
        self.token = token
        self.backoff = backoff or Backoff(max_retries=config.max_retries, max_wait=config.max_wait)
        self.http = httpx.Client(
            verify=ssl_context(config.ca_bundle),
            timeout=httpx.Timeout(config.timeout),
            headers={"Accept": "application/json"},
        )

    def __enter__(self) -> GraphClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.http.close()

    def url(self, path: str) -> str:
        """A Graph URL from a path under `graph_url`, or an absolute URL (a next/delta link)."""
        if path.startswith(("https://", "http://")):
            return path
        return f"{self.config.graph_url.rstrip('/')}/{path.lstrip('/')}"

    def get(self, path: str, **kwargs: Any) -> dict[str, Any]:
        return self.request("GET", path, **kwargs).json()

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        return self.request("POST", path, json=body).json()

    def patch(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        return self.request("PATCH", path, json=body).json()

    def delete(self, path: str) -> None:
        self.request("DELETE", path)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        json: dict[str, Any] | None = None,
    ) -> httpx.Response:
        """Send with retries; a 2xx response, or GraphError / SourceError."""
        url = self.url(path)
        refreshed = False
        attempt = 0
        token = self.token(False)
        while True:
            request_headers = {**(headers or {}), "Authorization": f"Bearer {token}"}
            try:
                response = self.http.request(
                    method, url, params=params, headers=request_headers, json=json
                )
            except httpx.TransportError as exc:  # timeouts, refused or reset connections
                if attempt >= self.backoff.max_retries:
                    raise SourceError(f"Graph unreachable after {attempt} retries: {exc}") from exc
                self.backoff.sleep(self.backoff.wait(attempt, None))
                attempt += 1
                continue
            if response.is_success:
                return response
            if response.status_code == 401 and not refreshed:
                refreshed = True  # an expired or revoked token: one new token, one more try
                token = self.token(True)
                continue
            if response.status_code in _RETRIED and attempt < self.backoff.max_retries:
                self.backoff.sleep(self.backoff.wait(attempt, _retry_after(response)))
                attempt += 1
                continue
            raise _error(response)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "").strip()
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None  # an HTTP date: Graph sends seconds, so fall back to the backoff


def _error(response: httpx.Response) -> GraphError:
    try:
        error = response.json().get("error") or {}
    except ValueError:
        error = {}
    code = str(error.get("code") or response.reason_phrase or "")
    message = str(error.get("message") or "")
    return GraphError(response.status_code, code, message)
