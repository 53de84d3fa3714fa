"""A rep's sent Gmail as pages of interactions: a backfill of the SENT label, then its history."""

from __future__ import annotations

import base64
import json
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from google.auth.credentials import Credentials
from googleapiclient.errors import HttpError

from capture.base import Page, SourceError, Stream
from capture.google_batch import execute_batch
from capture.google_client import gmail_service
from capture.google_config import GoogleConfig
from capture.google_retry import Backoff, call
from capture.interaction import Interaction
from capture.mime import MessageError, interaction_from_message

log = logging.getLogger(__name__)

HISTORY_TYPES = ["messageAdded", "messageDeleted", "labelAdded", "labelRemoved"]
# list calls leave out spam and trash; a message moved there is gone for us too
_HIDDEN = {"TRASH", "SPAM"}


@dataclass
class MailCursor:
    """Where a Gmail round stands; stored as JSON, read only by this module."""

    phase: str  # "backfill" (listing SENT) or "history" (changes since `history_id`)
    history_id: str  # the mailbox's history id when the backfill began, or the last one read
    page_token: str | None = None

    def dump(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"))

    @classmethod
    def load(cls, text: str) -> MailCursor:
        return cls(**json.loads(text))


class GmailSource:
    """The SENT label of one mailbox (capture/base.py Source)."""

    provider = "google"
    stream: Stream = "mail"
    refresh_after = None  # its cursor never narrows what it sees

    def __init__(
        self,
        *,
        mailbox: str,
        credentials: Credentials,
        config: GoogleConfig,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.mailbox = mailbox.lower()
        self.config = config
        self.service = gmail_service(credentials, config)
        self.backoff = Backoff.from_config(config, sleep)

    def pages(self, cursor: str | None) -> Iterator[Page]:
        """A backfill when `cursor` is None, then (or else) the history since the cursor."""
        if cursor is None:
            # taken before listing, so a message sent during the backfill shows in the history
            profile = self._call(self.service.users().getProfile(userId=self.mailbox).execute)
            state = MailCursor(phase="backfill", history_id=str(profile["historyId"]))
        else:
            state = MailCursor.load(cursor)
        if state.phase == "backfill":
            yield from self._backfill(state)
            state = MailCursor(phase="history", history_id=state.history_id)
        yield from self._history(state)

    def _backfill(self, state: MailCursor) -> Iterator[Page]:
        page_token = state.page_token
        while True:
            listed = self._call(
                self.service.users()
                .messages()
                .list(
                    userId=self.mailbox,
                    labelIds=["SENT"],
                    maxResults=self.config.page_size,
                    pageToken=page_token,
                )
                .execute
            )
            ids = [item["id"] for item in listed.get("messages", [])]
            interactions, _gone = self._fetch(ids)
            page_token = listed.get("nextPageToken")
            after = MailCursor(
                phase="backfill" if page_token else "history",
                history_id=state.history_id,
                page_token=page_token,
            )
            yield Page(interactions=interactions, cursor=after.dump())
            if not page_token:
                return

    def _history(self, state: MailCursor) -> Iterator[Page]:
        page_token = state.page_token
        while True:
            response = self._call(
                self.service.users()
                .history()
                .list(
                    userId=self.mailbox,
                    startHistoryId=state.history_id,
                    labelId="SENT",
                    historyTypes=HISTORY_TYPES,
                    maxResults=self.config.page_size,
                    pageToken=page_token,
                )
                .execute,
                expired=(404,),  # Gmail's answer to a history id it no longer keeps
            )
            wanted, removed = changes(response.get("history", []))
            interactions, gone = self._fetch(wanted)
            page_token = response.get("nextPageToken")
            if page_token:
                after = MailCursor("history", state.history_id, page_token)
            else:
                after = MailCursor("history", str(response.get("historyId") or state.history_id))
            yield Page(
                interactions=interactions,
                removed=removed + gone,
                cursor=after.dump(),
                final=not page_token,
            )
            if not page_token:
                return

    def _fetch(self, ids: list[str]) -> tuple[list[Interaction], list[str]]:
        """The messages as interactions, and the ids Gmail no longer has (or no longer SENT)."""
        messages = self.service.users().messages()
        requests = {
            message_id: messages.get(userId=self.mailbox, id=message_id, format="raw")
            for message_id in ids
        }
        results = execute_batch(
            requests,
            batch_uri=self.config.gmail_batch_uri,
            backoff=self.backoff,
            size=self.config.batch_size,
        )
        interactions: list[Interaction] = []
        gone: list[str] = []
        for message_id in ids:
            result = results[message_id]
            if isinstance(result, HttpError):
                if result.resp.status == 404:
                    gone.append(message_id)  # deleted between the listing and the fetch
                    continue
                raise _as_source_error(result)
            labels = set(result.get("labelIds", []))
            if "SENT" not in labels or labels & _HIDDEN:
                gone.append(message_id)
                continue
            interaction = self._interaction(result)
            if interaction is not None:
                interactions.append(interaction)
        return interactions, gone

    def _interaction(self, message: dict) -> Interaction | None:
        raw = _decode_raw(message["raw"])
        parsed = BytesParser(_class=EmailMessage, policy=policy.default).parsebytes(raw)
        try:
            interaction = interaction_from_message(
                parsed, mailbox=self.mailbox, source="gmail", raw=raw
            )
        except MessageError as exc:
            log.warning("Gmail message %s skipped: %s", message["id"], exc)
            return None
        interaction.provider_id = message["id"]
        return interaction

    def _call(self, fn: Callable[[], dict], expired: tuple[int, ...] = ()) -> dict:
        return call(fn, backoff=self.backoff, expired=expired)


def changes(history: list[dict]) -> tuple[list[str], list[str]]:
    """Message ids to fetch and ids removed, from history records read in order (last one wins)."""
    latest: dict[str, bool] = {}  # id -> wanted (True) or removed (False)
    for record in history:
        for item in record.get("messagesAdded", []):
            message = item["message"]
            labels = set(message.get("labelIds", []))
            latest[message["id"]] = "SENT" in labels and not labels & _HIDDEN
        for item in record.get("messagesDeleted", []):
            latest[item["message"]["id"]] = False
        for item in record.get("labelsAdded", []):
            if set(item.get("labelIds", [])) & (_HIDDEN | {"SENT"}):
                # moved to trash: gone; labelled SENT: fetch decides with its current labels
                latest[item["message"]["id"]] = not set(item["labelIds"]) & _HIDDEN
        for item in record.get("labelsRemoved", []):
            removed_labels = set(item.get("labelIds", []))
            if "SENT" in removed_labels:
                latest[item["message"]["id"]] = False
            elif removed_labels & _HIDDEN:
                latest[item["message"]["id"]] = True  # out of the trash: back among the sent
    wanted = [message_id for message_id, keep in latest.items() if keep]
    removed = [message_id for message_id, keep in latest.items() if not keep]
    return wanted, removed


def _decode_raw(data: str) -> bytes:
    # Gmail's "raw" is base64url; padding is added back in case it was left off
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


def _as_source_error(exc: HttpError) -> SourceError:
    return SourceError(f"Gmail refused a message fetch ({exc.resp.status})")
