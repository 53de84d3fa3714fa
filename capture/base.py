"""What every live source (Microsoft Graph, Gmail, Google Calendar) gives the sync job.

A source reads one stream of one mailbox ("mail": the rep's sent mail, "calendar": the rep's
events) as pages of changes. Each page carries the cursor to resume from once the page is stored:
the sync job (api/services/sync.py) commits the page's interactions, their evidence and that
cursor in one transaction, so a crash at any point resumes from the last committed page and
nothing is lost or doubled. A cursor is the provider's own state (a Graph next or delta link, a
Gmail history id, a Calendar sync or page token), opaque to everyone but its source.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Literal, Protocol

from capture.interaction import Interaction

Stream = Literal["mail", "calendar"]


@dataclass
class Page:
    """One page of changes: interactions added or changed, source ids removed, where to resume."""

    interactions: list[Interaction] = field(default_factory=list)
    # provider ids (Interaction.provider_id) the provider says are gone: a deleted message or a
    # removed event; a cancelled event is not removed, it comes back with status "cancelled"
    removed: list[str] = field(default_factory=list)
    # resume here once this page is stored; None keeps the stored cursor
    cursor: str | None = None
    # the last page of a round: the cursor is a delta/history/sync state, not a page link
    final: bool = False


class CursorExpired(Exception):
    """The provider no longer accepts the stored cursor (Graph 410, Gmail 404, Calendar 410): the
    stream must be read again from the start (a full resync)."""


class SourceError(Exception):
    """The provider failed in a way retrying now will not fix (auth refused, quota spent, 4xx)."""


class Source(Protocol):
    """One stream of one mailbox."""

    provider: str  # "microsoft" or "google"
    stream: Stream
    # read from scratch again once a round is this old (a Graph calendar delta keeps the window
    # it started with, so new far-future events would fall outside it); None: never
    refresh_after: timedelta | None

    def pages(self, cursor: str | None) -> Iterator[Page]:
        """Changes since `cursor`; None reads everything (backfill). Raises CursorExpired when
        the cursor is no longer valid, SourceError when the provider refuses."""
        ...


class SecretStore(Protocol):
    """Where a source keeps what it must remember between runs that is secret (msal's token
    cache, OAuth refresh tokens), encrypted at rest by the store (capture/secrets.py)."""

    def load(self, name: str) -> bytes | None: ...

    def save(self, name: str, data: bytes) -> None: ...
