"""A fake Google (Gmail v1, Calendar v3, OAuth token endpoint, batch) with in-memory state that
tests set up and change, serving the paths google-api-python-client calls from its own bundled
discovery documents. Failures (429 with Retry-After, 403 rate limits, 503) and slow answers are
injected on demand; every request is recorded."""

from __future__ import annotations

import asyncio
import base64
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from tests.fakes.google_batch import InnerRequest, batch_response, json_body, parse_batch
from tests.fakes.google_oauth import Grant, OAuthState

GMAIL_READ = {
    "https://www.googleapis.com/auth/gmail.readonly",
    "https://www.googleapis.com/auth/gmail.modify",
    "https://mail.google.com/",
}
CALENDAR_READ = {
    "https://www.googleapis.com/auth/calendar.events.readonly",
    "https://www.googleapis.com/auth/calendar.readonly",
    "https://www.googleapis.com/auth/calendar.events",
    "https://www.googleapis.com/auth/calendar",
}

Answer = tuple[int, dict[str, str], bytes]


@dataclass
class Seen:
    """One request the fake answered (a batch's calls are recorded one by one too)."""

    method: str
    path: str
    query: dict[str, list[str]]
    via_batch: bool = False


@dataclass
class Fault:
    """An injected failure for the next `times` requests whose path contains `path`."""

    path: str
    status: int
    times: int = 1
    retry_after: str | None = None
    reason: str = ""


@dataclass
class Slow:
    """An injected delay for the next `times` requests whose path contains `path`."""

    path: str
    seconds: float
    times: int = 1


@dataclass
class Message:
    id: str
    thread_id: str
    raw: bytes
    labels: set[str]


@dataclass
class Mailbox:
    """One user's mail and calendar."""

    email: str
    messages: dict[str, Message] = field(default_factory=dict)
    # (history id, kind, message, labels changed); kind is a history.list field name
    history: list[tuple[int, str, Message, list[str]]] = field(default_factory=list)
    history_id: int = 1000
    oldest_history_id: int = 0
    events: dict[str, dict] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)  # event id -> change number
    change: int = 0
    oldest_sync: int = 0
    watch: dict | None = None


class FakeGoogle:
    """State and behaviour; `app` is the ASGI app to serve."""

    def __init__(self) -> None:
        self.oauth = OAuthState()
        self.mailboxes: dict[str, Mailbox] = {}
        self.requests: list[Seen] = []
        self.faults: list[Fault] = []
        self.slow_paths: list[Slow] = []
        self.channels: dict[str, dict] = {}
        self.stopped_channels: list[str] = []
        self._lock = threading.RLock()
        self._next_id = 0x18C0000000000000

    # --- what tests set up and change -------------------------------------------------------

    def add_user(self, email: str) -> Mailbox:
        return self.mailboxes.setdefault(email, Mailbox(email=email))

    def send(self, email: str, raw: bytes, labels: tuple[str, ...] = ("SENT",)) -> str:
        """A message appears in the mailbox (sent, or received when labels say so)."""
        with self._lock:
            box = self.mailboxes[email]
            self._next_id += 0x1F3
            message = Message(f"{self._next_id:016x}", f"{self._next_id:016x}", raw, set(labels))
            box.messages[message.id] = message
            self._record(box, "messagesAdded", message, [])
            return message.id

    def delete(self, email: str, message_id: str) -> None:
        with self._lock:
            box = self.mailboxes[email]
            message = box.messages.pop(message_id)
            self._record(box, "messagesDeleted", message, [])

    def relabel(
        self, email: str, message_id: str, add: tuple[str, ...] = (), remove: tuple[str, ...] = ()
    ) -> None:
        with self._lock:
            box = self.mailboxes[email]
            message = box.messages[message_id]
            if add:
                message.labels |= set(add)
                self._record(box, "labelsAdded", message, list(add))
            if remove:
                message.labels -= set(remove)
                self._record(box, "labelsRemoved", message, list(remove))

    def forget_history(self, email: str) -> None:
        """Every history id handed out so far is too old now (Gmail then answers 404); the
        mailbox's current id, which getProfile hands out next, stays valid, as in Gmail."""
        box = self.mailboxes[email]
        box.history_id += 1
        box.oldest_history_id = box.history_id

    def put_event(self, email: str, event: dict) -> dict:
        """Create or change an event (Calendar's resource shape); it shows in the next sync."""
        with self._lock:
            box = self.mailboxes[email]
            stored = {
                "kind": "calendar#event",
                "status": "confirmed",
                "iCalUID": f"{event['id']}@google.com",
                **event,
                "updated": _now(),
            }
            box.change += 1
            box.events[event["id"]] = stored
            box.changed[event["id"]] = box.change
            return stored

    def delete_event(self, email: str, event_id: str) -> None:
        """Deleted from the calendar: Google then lists it cancelled with little but its id."""
        with self._lock:
            box = self.mailboxes[email]
            box.change += 1
            box.events[event_id] = {"kind": "calendar#event", "id": event_id, "status": "cancelled"}
            box.changed[event_id] = box.change

    def expire_sync_tokens(self, email: str) -> None:
        box = self.mailboxes[email]
        box.oldest_sync = box.change + 1

    def fail(
        self,
        path: str,
        status: int,
        *,
        times: int = 1,
        retry_after: str | None = None,
        reason: str = "",
    ) -> None:
        """The next `times` requests whose path contains `path` get `status`."""
        self.faults.append(Fault(path, status, times, retry_after, reason))

    def slow(self, path: str, seconds: float, *, times: int = 1) -> None:
        """The next `times` requests whose path contains `path` are answered `seconds` late."""
        self.slow_paths.append(Slow(path, seconds, times))

    def seen(self, path_part: str, *, via_batch: bool | None = None) -> list[Seen]:
        return [
            s
            for s in self.requests
            if path_part in s.path and (via_batch is None or s.via_batch == via_batch)
        ]

    # --- ASGI -------------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        body = await request.body()
        delay = self._delay(request.url.path)
        if delay:
            await asyncio.sleep(delay)
        inner = InnerRequest(
            content_id="",
            method=request.method,
            path=request.url.path,
            query={k: request.query_params.getlist(k) for k in request.query_params},
            headers={k.lower(): v for k, v in request.headers.items()},
            body=body,
        )
        if inner.path == "/batch/gmail/v1":
            status, headers, content = self._batch(inner)
        else:
            status, headers, content = self._answer(inner, via_batch=False)
        media = headers.pop("content-type", "application/json; charset=UTF-8")
        # no keep-alive: the server can stop at the end of a test without waiting for clients
        headers["connection"] = "close"
        response = Response(content, status_code=status, headers=headers, media_type=media)
        await response(scope, receive, send)

    def _batch(self, outer: InnerRequest) -> Answer:
        with self._lock:
            self.requests.append(Seen(outer.method, outer.path, outer.query))
            fault = self._fault(outer.path)
            if fault is not None:
                return fault
            if self._grant(outer) is None:
                return _error(401, "Request had invalid authentication credentials.", "")
        calls = parse_batch(outer.headers.get("content-type", ""), outer.body)
        answers = []
        for call in calls:
            status, headers, content = self._answer(call, via_batch=True)
            answers.append((call.content_id, status, headers, content))
        content_type, content = batch_response(answers)
        return 200, {"content-type": content_type}, content

    def _answer(self, call: InnerRequest, *, via_batch: bool) -> Answer:
        with self._lock:
            self.requests.append(Seen(call.method, call.path, call.query, via_batch))
            if call.path == "/token":
                status, data = self.oauth.token(call.body, call.headers.get("authorization", ""))
                return status, {}, json_body(data)
            if call.path == "/auth":
                return self.oauth.consent(call.query)
            fault = self._fault(call.path)
            if fault is not None:
                return fault
            grant = self._grant(call)
            if grant is None:
                return _error(401, "Request had invalid authentication credentials.", "")
            for pattern, handler in self._routes():
                match = re.fullmatch(pattern, call.path)
                if match:
                    return handler(grant, call, *match.groups())
            return _error(404, "Not Found", "notFound")

    def _routes(self) -> list[tuple[str, Callable[..., Answer]]]:
        return [
            (r"/gmail/v1/users/([^/]+)/profile", self._profile),
            (r"/gmail/v1/users/([^/]+)/messages", self._list_messages),
            (r"/gmail/v1/users/([^/]+)/messages/([^/]+)", self._get_message),
            (r"/gmail/v1/users/([^/]+)/history", self._history),
            (r"/gmail/v1/users/([^/]+)/watch", self._watch),
            (r"/gmail/v1/users/([^/]+)/stop", self._stop),
            (r"/calendar/v3/calendars/([^/]+)/events", self._list_events),
            (r"/calendar/v3/calendars/([^/]+)/events/watch", self._watch_events),
            (r"/calendar/v3/channels/stop", self._stop_channel),
        ]

    def _delay(self, path: str) -> float:
        with self._lock:
            for slow in self.slow_paths:
                if slow.path in path and slow.times > 0:
                    slow.times -= 1
                    return slow.seconds
        return 0.0

    def _fault(self, path: str) -> Answer | None:
        for fault in self.faults:
            if fault.path in path and fault.times > 0:
                fault.times -= 1
                status, headers, body = _error(fault.status, "injected", fault.reason)
                if fault.retry_after is not None:
                    headers["retry-after"] = fault.retry_after
                return status, headers, body
        return None

    def _grant(self, call: InnerRequest) -> Grant | None:
        return self.oauth.grant_for(call.headers.get("authorization", ""))

    # --- Gmail --------------------------------------------------------------------------------

    def _mailbox(self, grant: Grant, user_id: str, scopes: set[str]) -> Mailbox | Answer:
        """The mailbox a call names, if the token is for that user and carries a right scope."""
        email = grant.subject if user_id in ("me", "primary") else user_id
        if email != grant.subject:
            return _error(403, "Delegation denied", "forbidden")
        if not grant.scopes & scopes:
            return _error(403, "Request had insufficient authentication scopes.", "forbidden")
        box = self.mailboxes.get(email)
        if box is None:
            return _error(400, "Mail service not enabled", "failedPrecondition")
        return box

    def _profile(self, grant: Grant, call: InnerRequest, user_id: str) -> Answer:
        box = self._mailbox(grant, user_id, GMAIL_READ)
        if not isinstance(box, Mailbox):
            return box
        return _ok(
            {
                "emailAddress": box.email,
                "messagesTotal": len(box.messages),
                "threadsTotal": len(box.messages),
                "historyId": str(box.history_id),
            }
        )

    def _list_messages(self, grant: Grant, call: InnerRequest, user_id: str) -> Answer:
        box = self._mailbox(grant, user_id, GMAIL_READ)
        if not isinstance(box, Mailbox):
            return box
        wanted = set(call.query.get("labelIds", []))
        with_trash = _one(call, "includeSpamTrash") == "true"
        found = [
            m
            for m in sorted(box.messages.values(), key=lambda m: m.id, reverse=True)
            if wanted <= m.labels and (with_trash or not m.labels & {"TRASH", "SPAM"})
        ]
        items, next_token = _page(found, call, default_size=100)
        data: dict = {"resultSizeEstimate": len(found)}
        if items:
            data["messages"] = [{"id": m.id, "threadId": m.thread_id} for m in items]
        if next_token:
            data["nextPageToken"] = next_token
        return _ok(data)

    def _get_message(
        self, grant: Grant, call: InnerRequest, user_id: str, message_id: str
    ) -> Answer:
        box = self._mailbox(grant, user_id, GMAIL_READ)
        if not isinstance(box, Mailbox):
            return box
        message = box.messages.get(message_id)
        if message is None:
            return _error(404, "Requested entity was not found.", "notFound")
        data = {
            "id": message.id,
            "threadId": message.thread_id,
            "labelIds": sorted(message.labels),
            "historyId": str(box.history_id),
            "sizeEstimate": len(message.raw),
        }
        if _one(call, "format") == "raw":
            data["raw"] = base64.urlsafe_b64encode(message.raw).decode()
        return _ok(data)

    def _history(self, grant: Grant, call: InnerRequest, user_id: str) -> Answer:
        box = self._mailbox(grant, user_id, GMAIL_READ)
        if not isinstance(box, Mailbox):
            return box
        start = int(_one(call, "startHistoryId") or 0)
        if start < box.oldest_history_id or start > box.history_id:
            return _error(404, "Requested entity was not found.", "notFound")
        label = _one(call, "labelId")
        kinds = {_HISTORY_KIND[t] for t in call.query.get("historyTypes", [])} or set(
            _HISTORY_KIND.values()
        )
        records = [
            _history_record(hid, kind, message, labels)
            for hid, kind, message, labels in box.history
            if hid > start
            and kind in kinds
            # the label at the change or after it (a SENT label removed still matches SENT)
            and (label is None or label in message.labels or label in labels)
        ]
        items, next_token = _page(records, call, default_size=100)
        data: dict = {"historyId": str(box.history_id)}
        if items:
            data["history"] = items
        if next_token:
            data["nextPageToken"] = next_token
        return _ok(data)

    def _watch(self, grant: Grant, call: InnerRequest, user_id: str) -> Answer:
        box = self._mailbox(grant, user_id, GMAIL_READ)
        if not isinstance(box, Mailbox):
            return box
        box.watch = json.loads(call.body)
        expiration = int((time.time() + 7 * 86400) * 1000)
        return _ok({"historyId": str(box.history_id), "expiration": str(expiration)})

    def _stop(self, grant: Grant, call: InnerRequest, user_id: str) -> Answer:
        box = self._mailbox(grant, user_id, GMAIL_READ)
        if not isinstance(box, Mailbox):
            return box
        box.watch = None
        return 204, {}, b""

    def _record(self, box: Mailbox, kind: str, message: Message, labels: list[str]) -> None:
        box.history_id += 7  # increasing, with gaps, as Gmail's are
        snapshot = Message(message.id, message.thread_id, message.raw, set(message.labels))
        box.history.append((box.history_id, kind, snapshot, labels))

    # --- Calendar -----------------------------------------------------------------------------

    def _list_events(self, grant: Grant, call: InnerRequest, calendar_id: str) -> Answer:
        box = self._mailbox(grant, calendar_id, CALENDAR_READ)
        if not isinstance(box, Mailbox):
            return box
        sync_token = _one(call, "syncToken")
        if sync_token is not None:
            if {"timeMin", "timeMax", "orderBy", "q", "updatedMin"} & set(call.query):
                return _error(400, "Sync token cannot be used with this query.", "invalid")
            since = int(sync_token.removeprefix("sync-"))
            if since < box.oldest_sync:
                return _error(
                    410,
                    "Sync token is no longer valid, a full sync is required.",
                    "fullSyncRequired",
                )
            events = [e for i, e in box.events.items() if box.changed[i] > since]
        else:
            show_deleted = _one(call, "showDeleted") == "true"
            events = [
                e
                for e in box.events.values()
                if (show_deleted or e.get("status") != "cancelled") and _in_window(e, call)
            ]
        events.sort(key=lambda e: box.changed[e["id"]])
        items, next_token = _page(events, call, default_size=250)
        data: dict = {"kind": "calendar#events", "summary": box.email, "items": items}
        if next_token:
            data["nextPageToken"] = next_token
        else:
            data["nextSyncToken"] = f"sync-{box.change}"
        return _ok(data)

    def _watch_events(self, grant: Grant, call: InnerRequest, calendar_id: str) -> Answer:
        box = self._mailbox(grant, calendar_id, CALENDAR_READ)
        if not isinstance(box, Mailbox):
            return box
        channel = json.loads(call.body)
        resource_id = "res-" + channel["id"][:8]
        expiration = int((time.time() + int(channel.get("params", {}).get("ttl", 604800))) * 1000)
        self.channels[channel["id"]] = {**channel, "resourceId": resource_id, "mailbox": box.email}
        answer = {
            "kind": "api#channel",
            "id": channel["id"],
            "resourceId": resource_id,
            "resourceUri": f"https://www.googleapis.com/calendar/v3/calendars/{calendar_id}/events",
            "token": channel.get("token"),
            "expiration": str(expiration),
        }
        return _ok(answer)

    def _stop_channel(self, grant: Grant, call: InnerRequest) -> Answer:
        body = json.loads(call.body)
        channel = self.channels.get(body.get("id", ""))
        if channel is None or channel["resourceId"] != body.get("resourceId"):
            return _error(404, "Channel not found", "notFound")
        del self.channels[body["id"]]
        self.stopped_channels.append(body["id"])
        return 204, {}, b""


_HISTORY_KIND = {
    "messageAdded": "messagesAdded",
    "messageDeleted": "messagesDeleted",
    "labelAdded": "labelsAdded",
    "labelRemoved": "labelsRemoved",
}


def _history_record(hid: int, kind: str, message: Message, labels: list[str]) -> dict:
    summary = {"id": message.id, "threadId": message.thread_id}
    full = {**summary, "labelIds": sorted(message.labels)}
    item: dict = {"message": full}
    if kind in ("labelsAdded", "labelsRemoved"):
        item["labelIds"] = labels
    return {"id": str(hid), "messages": [summary], kind: [item]}


def _in_window(event: dict, call: InnerRequest) -> bool:
    """timeMin bounds the event's end, timeMax its start (both exclusive), as Calendar's are."""
    start, end = _instant(event.get("start")), _instant(event.get("end"))
    time_min, time_max = _one(call, "timeMin"), _one(call, "timeMax")
    if time_min and end is not None and end <= _parse(time_min):
        return False
    return not (time_max and start is not None and start >= _parse(time_max))


def _instant(item: dict | None) -> datetime | None:
    if not item:
        return None
    if "dateTime" in item:
        return _parse(item["dateTime"])
    return _parse(item["date"] + "T00:00:00Z")


def _parse(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _page(items: list, call: InnerRequest, *, default_size: int) -> tuple[list, str | None]:
    token = _one(call, "pageToken")
    offset = int(base64.urlsafe_b64decode(token).decode()) if token else 0
    size = int(_one(call, "maxResults") or default_size)
    end = offset + size
    next_token = base64.urlsafe_b64encode(str(end).encode()).decode() if end < len(items) else None
    return items[offset:end], next_token


def _one(call: InnerRequest, name: str) -> str | None:
    values = call.query.get(name)
    return values[0] if values else None


def _ok(data: dict) -> Answer:
    return 200, {"content-type": "application/json; charset=UTF-8"}, json_body(data)


def _error(status: int, message: str, reason: str) -> Answer:
    """Google's JSON error shape (v1 "errors" list and the status name)."""
    statuses = {
        400: "INVALID_ARGUMENT",
        401: "UNAUTHENTICATED",
        403: "PERMISSION_DENIED",
        404: "NOT_FOUND",
        410: "GONE",
        429: "RESOURCE_EXHAUSTED",
        500: "INTERNAL",
        503: "UNAVAILABLE",
    }
    errors = [{"message": message, "domain": "global", "reason": reason}] if reason else []
    error = {"code": status, "message": message, "errors": errors, "status": statuses[status]}
    return status, {"content-type": "application/json; charset=UTF-8"}, json_body({"error": error})


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
