"""What the sync job builds for a Microsoft 365 mailbox: a Graph client and its two sources."""

from __future__ import annotations

from capture.base import SecretStore, Source
from capture.graph_auth import graph_auth
from capture.graph_calendar import GraphCalendarSource
from capture.graph_config import GraphConfig
from capture.graph_http import Backoff, GraphClient
from capture.graph_mail import GraphMailSource


def graph_client(
    config: GraphConfig,
    *,
    secrets: SecretStore,
    account_id: str | None = None,
    backoff: Backoff | None = None,
) -> GraphClient:
    """A client with app-only tokens, or the delegated tokens of `account_id` (a signed-in rep)."""
    auth = graph_auth(config, secrets=secrets)
    token = auth.app_tokens() if account_id is None else auth.user_tokens(account_id)
    return GraphClient(config, token=token, backoff=backoff)


def graph_sources(mailbox: str, *, client: GraphClient) -> list[Source]:
    """The sent mail and the calendar of `mailbox` (the rep's address)."""
    return [GraphMailSource(mailbox, client=client), GraphCalendarSource(mailbox, client=client)]
