"""A rep's sent mail from Graph: delta query on the Sent Items folder."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from capture.base import Page
from capture.graph_delta import delta_pages
from capture.graph_http import GraphClient
from capture.graph_values import graph_time, people, person
from capture.interaction import Interaction
from capture.mime import html_to_text

# only what an interaction needs: bodies are the bulk of a mailbox
MESSAGE_FIELDS = (
    "id",
    "internetMessageId",
    "conversationId",
    "subject",
    "from",
    "toRecipients",
    "ccRecipients",
    "sentDateTime",
    "body",
)


class GraphMailSource:
    """The sent mail of one mailbox (a user id or address), as pages of changes."""

    provider = "microsoft"
    stream = "mail"
    refresh_after = None  # its cursor never narrows what it sees

    def __init__(self, mailbox: str, *, client: GraphClient):
        self.mailbox = mailbox
        self.client = client

    def pages(self, cursor: str | None) -> Iterator[Page]:
        """Changes since `cursor` (a Graph next or delta link); None starts a full round."""
        return delta_pages(
            self.client,
            cursor=cursor,
            start=f"users/{self.mailbox}/mailFolders/sentitems/messages/delta",
            params={"$select": ",".join(MESSAGE_FIELDS)},
            headers={
                "Prefer": (
                    'outlook.body-content-type="text", '
                    f"odata.maxpagesize={self.client.config.page_size}"
                )
            },
            to_interaction=lambda item: message_interaction(item, mailbox=self.mailbox),
        )


def message_interaction(item: dict[str, Any], *, mailbox: str) -> Interaction | None:
    """A Graph message as an email interaction; None for one never sent (no sent time)."""
    if not item.get("sentDateTime"):
        return None  # a draft saved into Sent Items by some clients
    graph_id = item["id"]
    message_id = (item.get("internetMessageId") or "").strip().strip("<>")
    return Interaction(
        # the Message-ID, as the file importer gives it, so that one message is one row
        id=message_id or f"graph:{graph_id}",
        type="email",
        mailbox=mailbox,
        sent_at=graph_time(item["sentDateTime"]),
        subject=item.get("subject") or "",
        from_=person(item.get("from")),
        to=people(item.get("toRecipients")),
        cc=people(item.get("ccRecipients")),
        body=_body(item.get("body")),
        thread_id=item.get("conversationId"),
        source="microsoft",
        provider_id=graph_id,
    )


def _body(body: dict[str, Any] | None) -> str:
    content = (body or {}).get("content") or ""
    if (body or {}).get("contentType", "text").lower() == "html":
        return html_to_text(content)  # Graph ignored the Prefer header (it may, per message)
    return content.replace("\r\n", "\n").replace("\r", "\n")
