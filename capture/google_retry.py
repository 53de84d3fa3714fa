"""Google API calls with retries: 429, 403 rate limits and 5xx wait (Retry-After, else
exponential back-off with jitter, capped), then give up with SourceError."""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TypeVar

import httplib2
from google.auth.exceptions import RefreshError, TransportError
from googleapiclient.errors import HttpError

from capture.base import CursorExpired, SourceError
from capture.google_config import GoogleConfig

log = logging.getLogger(__name__)

T = TypeVar("T")

_RATE_REASONS = {"ratelimitexceeded", "userratelimitexceeded"}
_RETRY_STATUSES = {429, 500, 502, 503, 504}
_NETWORK_ERRORS = (TimeoutError, ConnectionError, httplib2.HttpLib2Error, TransportError)


@dataclass
class Backoff:
    """How long to wait before each retry; `sleep` and `rand` are injectable so tests run fast."""

    max_retries: int = 5
    max_wait: float = 64.0
    sleep: Callable[[float], None] = time.sleep
    rand: Callable[[], float] = random.random
    waits: list[float] = field(default_factory=list)  # what was waited, for logs and tests

    @classmethod
    def from_config(
        cls, config: GoogleConfig, sleep: Callable[[float], None] = time.sleep
    ) -> Backoff:
        return cls(max_retries=config.max_retries, max_wait=config.max_wait_seconds, sleep=sleep)

    def wait(self, attempt: int, retry_after: float | None) -> None:
        """Sleep before retry number `attempt` (1-based)."""
        if retry_after is not None:
            # a little jitter so that many mailboxes told the same moment do not return together
            seconds = retry_after + self.rand()
        else:
            seconds = (2 ** (attempt - 1)) * (0.5 + self.rand() / 2)
        seconds = min(seconds, self.max_wait)
        self.waits.append(seconds)
        self.sleep(seconds)


def call(fn: Callable[[], T], *, backoff: Backoff, expired: Collection[int] = ()) -> T:
    """Run one API call; statuses in `expired` mean the cursor is stale (CursorExpired)."""
    attempt = 0
    while True:
        try:
            return fn()
        except HttpError as exc:
            status = exc.resp.status
            if status in expired:
                raise CursorExpired(f"Google answered {status}: {_message(exc)}") from exc
            if not is_retryable(exc) or attempt >= backoff.max_retries:
                raise SourceError(f"Google answered {status}: {_message(exc)}") from exc
            attempt += 1
            log.info("Google answered %s, retry %s", status, attempt)
            backoff.wait(attempt, retry_after(exc))
        except RefreshError as exc:
            # the grant is revoked or the delegation withdrawn; only an administrator can fix it
            raise SourceError(f"Google refused the credentials: {exc.args[0]}") from exc
        except _NETWORK_ERRORS as exc:
            if attempt >= backoff.max_retries:
                raise SourceError(f"Google could not be reached: {exc}") from exc
            attempt += 1
            log.info("Google network error (%s), retry %s", type(exc).__name__, attempt)
            backoff.wait(attempt, None)


def is_retryable(exc: HttpError) -> bool:
    """429 and 5xx, and 403 only when its reason is a rate limit (other 403s are refusals)."""
    status = exc.resp.status
    if status in _RETRY_STATUSES:
        return True
    return status == 403 and bool(_reasons(exc) & _RATE_REASONS)


def retry_after(exc: HttpError) -> float | None:
    """Retry-After in seconds (a number or an HTTP date), or None when absent or unreadable."""
    value = exc.resp.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _error(exc: HttpError) -> dict:
    try:
        body = json.loads(exc.content)
    except (TypeError, ValueError):
        return {}
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, dict) else {}


def _reasons(exc: HttpError) -> set[str]:
    error = _error(exc)
    items = [*error.get("errors", []), *error.get("details", [])]
    reasons = {str(item.get("reason", "")) for item in items if isinstance(item, dict)}
    # the v1 errors say "rateLimitExceeded", the newer ErrorInfo details "RATE_LIMIT_EXCEEDED"
    return {reason.replace("_", "").lower() for reason in reasons if reason}


def _message(exc: HttpError) -> str:
    return str(_error(exc).get("message") or exc.resp.reason or "")[:200]
