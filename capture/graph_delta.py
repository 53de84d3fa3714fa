"""A Graph delta round as pages: each response's items, removals and next or delta link."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from capture.base import CursorExpired, Page
from capture.graph_http import GraphClient, GraphError
from capture.interaction import Interaction

# what Graph answers for a delta or skip token it no longer holds
_EXPIRED_CODES = {"syncstatenotfound", "resyncrequired", "syncstateinvalid"}


def delta_pages(
    client: GraphClient,
    *,
    cursor: str | None,
    start: str,
    params: dict[str, str],
    headers: dict[str, str],
    to_interaction: Callable[[dict[str, Any]], Interaction | None],
) -> Iterator[Page]:
    """Pages from `cursor` (a next or delta link), or from a new round at `start` with `params`.

    The query parameters of the first request are encoded in the links Graph returns, so a
    cursor is requested as it is; the Prefer headers must be sent with every request.
    """
    url, query = (cursor, None) if cursor else (start, params)
    while True:
        try:
            body = client.get(url, params=query, headers=headers)
        except GraphError as exc:
            if exc.status == 410 or exc.code.lower() in _EXPIRED_CODES:
                raise CursorExpired(str(exc)) from exc
            raise
        interactions: list[Interaction] = []
        removed: list[str] = []
        for item in body.get("value", []):
            if "@removed" in item:
                removed.append(item["id"])
            elif (interaction := to_interaction(item)) is not None:
                interactions.append(interaction)
        next_link = body.get("@odata.nextLink")
        delta_link = body.get("@odata.deltaLink")
        yield Page(
            interactions=interactions,
            removed=removed,
            cursor=next_link or delta_link,
            final=next_link is None and delta_link is not None,
        )
        if not next_link:
            return
        url, query = next_link, None
