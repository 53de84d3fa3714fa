"""A fake Microsoft identity platform and Microsoft Graph, in memory, for capture tests.

It follows the documented contracts that proofstage relies on: OpenID discovery and the v2.0
token endpoint (client credentials with a secret or a certificate assertion, authorization code
with PKCE, refresh token), the sent-items message delta and calendarView delta (paging with
`$skiptoken`, a `$deltatoken` that carries a change sequence number, `@removed` entries, `$select`
and the Prefer headers), bearer checks, throttling, and subscriptions. Tests set up mailboxes,
change them between rounds, make requests fail or stall, and read what was requested.

Serve it over TLS (msal accepts only https authorities) with tests/fakes/server.py.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import html
import json
import re
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlencode

import jwt
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

MAX_SUBSCRIPTION_MINUTES = 10080  # the most Graph allows now for Outlook resources
_RESOURCE = re.compile(r"^/?users/([^/]+)/(mailFolders\('sentitems'\)/messages|events)$", re.I)
_PREFER = re.compile(r'([\w.-]+)\s*=\s*"?([^",]*)"?')


@dataclass
class Recorded:
    """One request the fake answered (Graph or identity)."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]


@dataclass
class _Item:
    data: dict[str, Any]
    seq: int
    removed: bool = False


@dataclass
class _Round:
    kind: str  # "mail" or "calendar"
    mailbox: str
    entries: list[tuple[str, str]]  # ("item" | "removed", id)
    upto: int  # the change sequence number the round reads up to
    window: tuple[datetime, datetime] | None
    select: str | None
    offset: int = 0


@dataclass
class _Grant:
    kind: str  # "app" or "user"
    user: str | None = None


@dataclass
class FakeGraph:
    """The state behind the fake; `app` is the ASGI application to serve."""

    tenant: str = "contoso"
    client_id: str = "11111111-2222-3333-4444-555555555555"
    client_secret: str = "fake-client-secret"
    # the PEM public certificate whose private key may sign client assertions instead
    certificate_pem: bytes | None = None
    users: tuple[str, ...] = ("ana@seller.com",)
    default_page_size: int = 10
    # who "signs in" at the authorize endpoint when the request has no login_hint
    signed_in_user: str = "ana@seller.com"

    requests: list[Recorded] = field(default_factory=list)
    subscriptions: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self.seq = 0
        self.items: dict[tuple[str, str], dict[str, _Item]] = {}
        self.rounds: dict[str, _Round] = {}
        self.delta_tokens: dict[str, _Round] = {}
        self.expired_error = (410, "SyncStateNotFound")
        self.access_tokens: dict[str, _Grant] = {}
        self.refresh_tokens: dict[str, str] = {}
        self.codes: dict[str, dict[str, Any]] = {}
        self.failures: deque[tuple[int, float | None]] = deque()
        self.delays: deque[float] = deque()
        self.app = Starlette(routes=self._routes(), middleware=[Middleware(_CloseConnections)])

    # what tests set up -------------------------------------------------------------------------

    def add_message(
        self,
        mailbox: str,
        *,
        subject: str = "Re: pricing",
        body: str = "Thanks Li.",
        to: tuple[str, ...] = ("li@buyer.com",),
        cc: tuple[str, ...] = (),
        sent: str = "2026-03-02T15:04:00Z",
        internet_message_id: str | None = None,
        conversation_id: str | None = None,
    ) -> str:
        """A sent message as Graph holds it; returns its Graph id."""
        graph_id = "AAMk" + secrets.token_hex(12)
        message = {
            "id": graph_id,
            "internetMessageId": internet_message_id or f"<{secrets.token_hex(8)}@seller.com>",
            "conversationId": conversation_id or "AAQk" + secrets.token_hex(8),
            "subject": subject,
            "from": _recipient(mailbox),
            "sender": _recipient(mailbox),
            "toRecipients": [_recipient(a) for a in to],
            "ccRecipients": [_recipient(a) for a in cc],
            "sentDateTime": sent,
            "receivedDateTime": sent,
            "isRead": True,
            "bodyPreview": body[:255],
            "body": {"contentType": "text", "content": body},
        }
        self._put("mail", mailbox, message)
        return graph_id

    def add_event(
        self,
        mailbox: str,
        *,
        subject: str = "Product demo",
        start: str = "2026-03-09T16:00:00",
        end: str = "2026-03-09T17:00:00",
        organizer: str | None = None,
        attendees: dict[str, str] | None = None,
        body: str = "Agenda: demo",
        response: str | None = None,
        **fields: Any,
    ) -> str:
        """An event in the mailbox's calendar (times in UTC); `attendees` maps each address to
        its Graph response; returns its Graph id."""
        organizer = organizer or mailbox
        graph_id = "AAMkEv" + secrets.token_hex(12)
        event = {
            "id": graph_id,
            "iCalUId": "040000008200E00074C5B7101A82E008" + secrets.token_hex(16),
            "type": "singleInstance",
            "subject": subject,
            "bodyPreview": body[:255],
            "body": {"contentType": "text", "content": body},
            "start": at(start),
            "end": at(end),
            "isCancelled": False,
            "isOrganizer": organizer == mailbox,
            "showAs": "busy",
            "createdDateTime": "2026-03-01T10:00:00.0000000Z",
            "lastModifiedDateTime": "2026-03-02T15:04:00.1234567Z",
            "responseStatus": {
                "response": response or ("organizer" if organizer == mailbox else "none"),
                "time": "0001-01-01T00:00:00Z",
            },
            "organizer": _recipient(organizer),
            "attendees": [
                {
                    "type": "required",
                    "status": {"response": answer, "time": "2026-03-03T09:00:00Z"},
                    **_recipient(address),
                }
                for address, answer in (attendees or {"li@buyer.com": "accepted"}).items()
            ],
            **fields,
        }
        self._put("calendar", mailbox, event)
        return graph_id

    def change(self, kind: str, mailbox: str, graph_id: str, **fields: Any) -> None:
        """Change fields of a message ("mail") or event ("calendar"), as a later round sees it."""
        with self.lock:
            item = self.items[(kind, mailbox)][graph_id]
            item.data.update(fields)
            item.data["lastModifiedDateTime"] = _now_graph()
            self.seq += 1
            item.seq = self.seq

    def delete(self, kind: str, mailbox: str, graph_id: str) -> None:
        with self.lock:
            item = self.items[(kind, mailbox)][graph_id]
            self.seq += 1
            item.seq, item.removed = self.seq, True

    def current(self, kind: str, mailbox: str) -> dict[str, dict[str, Any]]:
        """What the mailbox holds now, by Graph id."""
        with self.lock:
            items = self.items.get((kind, mailbox), {})
            return {i: dict(item.data) for i, item in items.items() if not item.removed}

    def fail_next(self, count: int, *, status: int = 429, retry_after: float | None = None) -> None:
        """The next `count` Graph requests answer `status` (with Retry-After when given)."""
        with self.lock:
            self.failures.extend([(status, retry_after)] * count)

    def stall_next(self, count: int, seconds: float) -> None:
        """The next `count` Graph requests answer only after `seconds`."""
        with self.lock:
            self.delays.extend([seconds] * count)

    def expire_delta_tokens(self, *, status: int = 410, code: str = "SyncStateNotFound") -> None:
        """Forget every skip and delta token; using one answers `status` with `code`."""
        with self.lock:
            self.rounds.clear()
            self.delta_tokens.clear()
            self.expired_error = (status, code)

    def revoke_access_tokens(self) -> None:
        """Every access token issued so far is refused from now on (401)."""
        with self.lock:
            self.access_tokens.clear()

    def graph_requests(self, contains: str = "") -> list[Recorded]:
        with self.lock:
            return [r for r in self.requests if r.path.startswith("/v1.0/") and contains in r.path]

    def identity_requests(self, contains: str = "") -> list[Recorded]:
        with self.lock:
            return [
                r for r in self.requests if not r.path.startswith("/v1.0/") and contains in r.path
            ]

    def _put(self, kind: str, mailbox: str, data: dict[str, Any]) -> None:
        with self.lock:
            self.seq += 1
            self.items.setdefault((kind, mailbox), {})[data["id"]] = _Item(data, self.seq)

    # the ASGI routes ----------------------------------------------------------------------------

    def _routes(self) -> list[Route]:
        return [
            Route("/{tenant}/v2.0/.well-known/openid-configuration", self._discovery),
            Route("/{tenant}/oauth2/v2.0/authorize", self._authorize),
            Route("/{tenant}/oauth2/v2.0/token", self._token, methods=["POST"]),
            Route("/v1.0/users/{mailbox}/mailFolders/sentitems/messages/delta", self._mail_delta),
            Route("/v1.0/users/{mailbox}/calendarView/delta", self._calendar_delta),
            Route("/v1.0/subscriptions", self._subscribe, methods=["POST"]),
            Route(
                "/v1.0/subscriptions/{id}", self._subscription, methods=["PATCH", "DELETE", "GET"]
            ),
        ]

    def _record(self, request: Request) -> None:
        with self.lock:
            self.requests.append(
                Recorded(
                    request.method,
                    request.url.path,
                    dict(request.query_params),
                    {k.lower(): v for k, v in request.headers.items()},
                )
            )

    # identity platform

    async def _discovery(self, request: Request) -> Response:
        self._record(request)
        tenant = request.path_params["tenant"]
        if tenant != self.tenant:
            return _oauth_error(400, "invalid_tenant", f"AADSTS90002: Tenant '{tenant}' not found.")
        base = f"{str(request.base_url).rstrip('/')}/{tenant}"
        return JSONResponse(
            {
                "issuer": f"{base}/v2.0",
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "token_endpoint": f"{base}/oauth2/v2.0/token",
                "jwks_uri": f"{base}/discovery/v2.0/keys",
                "response_types_supported": ["code", "id_token", "code id_token"],
                "scopes_supported": ["openid", "profile", "email", "offline_access"],
                "subject_types_supported": ["pairwise"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "tenant_region_scope": "EU",
            }
        )

    async def _authorize(self, request: Request) -> Response:
        """Signs `login_hint` (or `signed_in_user`) in at once and sends the browser back to the
        redirect URI with a code: a posted form (response_mode=form_post) or a query."""
        self._record(request)
        query = request.query_params
        if query.get("client_id") != self.client_id or query.get("response_type") != "code":
            return _oauth_error(400, "unauthorized_client", "AADSTS700016: unknown application")
        if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
            return _oauth_error(400, "invalid_request", "AADSTS9002325: PKCE is required")
        user = query.get("login_hint") or self.signed_in_user
        code = secrets.token_urlsafe(24)
        with self.lock:
            self.codes[code] = {
                "redirect_uri": query.get("redirect_uri"),
                "challenge": query["code_challenge"],
                "nonce": query.get("nonce"),
                "scope": query.get("scope", ""),
                "user": user,
            }
        answer = {"code": code, "state": query.get("state", "")}
        if query.get("response_mode") == "form_post":
            # what Entra ID serves: a form the browser posts to the redirect URI at once
            fields = "".join(
                f'<input type="hidden" name="{k}" value="{html.escape(v)}"/>'
                for k, v in answer.items()
            )
            target = html.escape(query["redirect_uri"])
            return HTMLResponse(
                f'<html><body onload="document.forms[0].submit()">'
                f'<form method="POST" action="{target}">{fields}</form></body></html>'
            )
        return RedirectResponse(f"{query['redirect_uri']}?{urlencode(answer)}", 302)

    async def _token(self, request: Request) -> Response:
        self._record(request)
        # parsed by hand: Starlette's form parser needs python-multipart, which is not installed
        form = {k: v[0] for k, v in parse_qs((await request.body()).decode()).items()}
        endpoint = str(request.url)
        if form.get("client_id") != self.client_id:
            return _oauth_error(400, "unauthorized_client", "AADSTS700016: unknown application")
        if not self._client_authenticated(form, endpoint):
            return _oauth_error(
                401, "invalid_client", "AADSTS7000215: Invalid client secret provided."
            )
        grant = form.get("grant_type")
        if grant == "client_credentials":
            if not form.get("scope", "").endswith("/.default"):
                return _oauth_error(400, "invalid_scope", "AADSTS1002012: use /.default")
            return JSONResponse(self._issue(_Grant("app"), scope=form["scope"]))
        if grant == "authorization_code":
            with self.lock:
                code = self.codes.pop(form.get("code", ""), None)
            if code is None or code["redirect_uri"] != form.get("redirect_uri"):
                return _oauth_error(400, "invalid_grant", "AADSTS70008: code expired or reused")
            if _challenge(form.get("code_verifier", "")) != code["challenge"]:
                return _oauth_error(400, "invalid_grant", "AADSTS501481: PKCE verifier mismatch")
            body = self._issue(_Grant("user", code["user"]), scope=code["scope"], user=True)
            body["id_token"] = self._id_token(request, code["user"], code["nonce"])
            return JSONResponse(body)
        if grant == "refresh_token":
            with self.lock:
                user = self.refresh_tokens.pop(form.get("refresh_token", ""), None)
            if user is None:
                return _oauth_error(400, "invalid_grant", "AADSTS700082: refresh token expired")
            return JSONResponse(
                self._issue(_Grant("user", user), scope=form.get("scope", ""), user=True)
            )
        return _oauth_error(400, "unsupported_grant_type", f"AADSTS70003: {grant}")

    def _client_authenticated(self, form: dict[str, Any], endpoint: str) -> bool:
        if "client_secret" in form:
            return secrets.compare_digest(str(form["client_secret"]), self.client_secret)
        assertion = form.get("client_assertion")
        if assertion and self.certificate_pem is not None:
            from cryptography.x509 import load_pem_x509_certificate

            key = load_pem_x509_certificate(self.certificate_pem).public_key()
            try:
                claims = jwt.decode(
                    str(assertion), key, algorithms=["RS256", "PS256"], audience=endpoint
                )
            except jwt.InvalidTokenError:
                return False
            return claims.get("iss") == self.client_id and claims.get("sub") == self.client_id
        return False

    def _issue(self, grant: _Grant, *, scope: str, user: bool = False) -> dict[str, Any]:
        access = "fake-at-" + secrets.token_urlsafe(24)
        granted = [s for s in scope.split() if s not in {"openid", "profile", "offline_access"}]
        body: dict[str, Any] = {
            "token_type": "Bearer",
            "scope": " ".join(granted),
            "expires_in": 3599,
            "ext_expires_in": 3599,
            "access_token": access,
        }
        with self.lock:
            self.access_tokens[access] = grant
            if user:
                refresh = "fake-rt-" + secrets.token_urlsafe(24)
                self.refresh_tokens[refresh] = str(grant.user)
                body["refresh_token"] = refresh
        if user:
            uid = _user_id(str(grant.user))
            body["client_info"] = _b64(json.dumps({"uid": uid, "utid": _tenant_id(self.tenant)}))
        return body

    def _id_token(self, request: Request, user: str, nonce: str | None) -> str:
        now = int(time.time())
        claims = {
            "iss": f"{str(request.base_url).rstrip('/')}/{self.tenant}/v2.0",
            "aud": self.client_id,
            "iat": now,
            "nbf": now,
            "exp": now + 3600,
            "sub": "sub-" + _user_id(user),
            "oid": _user_id(user),
            "tid": _tenant_id(self.tenant),
            "preferred_username": user,
            "name": user.split("@")[0].title(),
            "nonce": nonce,
        }
        # unsigned: msal reads an id token's claims without checking its signature
        return f"{_b64(json.dumps({'alg': 'RS256', 'typ': 'JWT'}))}.{_b64(json.dumps(claims))}.sig"

    # Graph

    async def _graph_gate(self, request: Request, mailbox: str | None = None) -> Response | None:
        """Recording, injected stalls and failures, then the bearer check; None lets it through."""
        self._record(request)
        with self.lock:
            delay = self.delays.popleft() if self.delays else 0.0
            failure = self.failures.popleft() if self.failures else None
        if delay:
            await asyncio.sleep(delay)
        if failure is not None:
            status, retry_after = failure
            headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else {}
            code = "TooManyRequests" if status == 429 else "ServiceUnavailable"
            return _graph_error(status, code, "injected failure", headers)
        auth = request.headers.get("authorization", "")
        token = auth[len("Bearer ") :] if auth.startswith("Bearer ") else ""
        with self.lock:
            grant = self.access_tokens.get(token)
        if grant is None:
            return _graph_error(401, "InvalidAuthenticationToken", "Access token is invalid.")
        if mailbox is not None:
            if mailbox not in self.users:
                return _graph_error(404, "ErrorInvalidUser", f"The user {mailbox} is invalid.")
            if grant.kind == "user" and grant.user != mailbox:
                return _graph_error(403, "ErrorAccessDenied", "Access is denied.")
        return None

    async def _mail_delta(self, request: Request) -> Response:
        mailbox = request.path_params["mailbox"]
        refused = await self._graph_gate(request, mailbox)
        if refused is not None:
            return refused
        return self._delta(request, "mail", mailbox)

    async def _calendar_delta(self, request: Request) -> Response:
        mailbox = request.path_params["mailbox"]
        refused = await self._graph_gate(request, mailbox)
        if refused is not None:
            return refused
        return self._delta(request, "calendar", mailbox)

    def _delta(self, request: Request, kind: str, mailbox: str) -> Response:
        query = request.query_params
        prefer = dict(_PREFER.findall(request.headers.get("prefer", "")))
        size = int(prefer.get("odata.maxpagesize", self.default_page_size))
        with self.lock:
            if "$skiptoken" in query:
                round_ = self.rounds.pop(query["$skiptoken"], None)
            elif "$deltatoken" in query:
                previous = self.delta_tokens.get(query["$deltatoken"])
                round_ = self._new_round(previous) if previous is not None else None
            else:
                window = None
                if kind == "calendar":
                    if "startDateTime" not in query or "endDateTime" not in query:
                        return _graph_error(
                            400, "ErrorInvalidParameter", "startDateTime and endDateTime needed"
                        )
                    window = (_parse(query["startDateTime"]), _parse(query["endDateTime"]))
                start = _Round(kind, mailbox, [], 0, window, query.get("$select"))
                round_ = self._new_round(start)
            if round_ is None:
                status, code = self.expired_error
                return _graph_error(status, code, "The sync state is not found or has expired.")
            page = round_.entries[round_.offset : round_.offset + size]
            values = [self._render(round_, entry, prefer) for entry in page]
            round_.offset += len(page)
            base = str(request.url.replace(query=""))
            body: dict[str, Any] = {"value": values}
            token = secrets.token_urlsafe(16)
            if round_.offset < len(round_.entries):
                self.rounds[token] = round_
                body["@odata.nextLink"] = f"{base}?$skiptoken={token}"
            else:
                self.delta_tokens[token] = round_
                body["@odata.deltaLink"] = f"{base}?$deltatoken={token}"
        return JSONResponse(body, headers={"Preference-Applied": request.headers.get("prefer", "")})

    def _new_round(self, previous: _Round) -> _Round:
        """Everything changed after `previous` read up to (all there is, for a first round)."""
        since = previous.upto
        entries: list[tuple[str, str]] = []
        items = self.items.get((previous.kind, previous.mailbox), {})
        for graph_id, item in sorted(items.items(), key=lambda pair: pair[1].seq):
            if item.seq <= since:
                continue
            visible = not item.removed and _in_window(item.data, previous.window)
            if visible:
                entries.append(("item", graph_id))
            elif since > 0:  # deleted, or moved out of the window: the client must forget it
                entries.append(("removed", graph_id))
        return _Round(
            previous.kind, previous.mailbox, entries, self.seq, previous.window, previous.select
        )

    def _render(self, round_: _Round, entry: tuple[str, str], prefer: dict[str, str]) -> Any:
        what, graph_id = entry
        if what == "removed":
            return {"id": graph_id, "@removed": {"reason": "deleted"}}
        data = dict(self.items[(round_.kind, round_.mailbox)][graph_id].data)
        if round_.select:
            wanted = {"id", *round_.select.split(",")}
            data = {k: v for k, v in data.items() if k in wanted}
        if "body" in data and prefer.get("outlook.body-content-type", "html") != "text":
            text = data["body"]["content"]
            markup = html.escape(text).replace("\n", "<br>")
            data["body"] = {"contentType": "html", "content": f"<html><body>{markup}</body></html>"}
        return data

    # subscriptions

    async def _subscribe(self, request: Request) -> Response:
        refused = await self._graph_gate(request)
        if refused is not None:
            return refused
        body = await request.json()
        problem = _subscription_problem(body, require_all=True)
        if problem:
            return _graph_error(400, "InvalidRequest", problem)
        subscription = {
            "id": secrets.token_hex(16),
            "resource": body["resource"],
            "changeType": body["changeType"],
            "notificationUrl": body["notificationUrl"],
            "clientState": body.get("clientState"),
            "expirationDateTime": body["expirationDateTime"],
            "applicationId": self.client_id,
        }
        with self.lock:
            self.subscriptions[subscription["id"]] = subscription
        return JSONResponse(subscription, status_code=201)

    async def _subscription(self, request: Request) -> Response:
        refused = await self._graph_gate(request)
        if refused is not None:
            return refused
        subscription_id = request.path_params["id"]
        with self.lock:
            subscription = self.subscriptions.get(subscription_id)
        if subscription is None:
            return _graph_error(404, "ResourceNotFound", "The object was not found.")
        if request.method == "DELETE":
            with self.lock:
                self.subscriptions.pop(subscription_id, None)
            return Response(status_code=204)
        if request.method == "PATCH":
            body = await request.json()
            problem = _subscription_problem(body, require_all=False)
            if problem:
                return _graph_error(400, "InvalidRequest", problem)
            with self.lock:
                subscription["expirationDateTime"] = body["expirationDateTime"]
        return JSONResponse(subscription)


class _CloseConnections:
    """Answers with `Connection: close`, so that clients hold no idle connection that would
    keep the server from stopping at the end of a test."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        async def send_closing(message: Any) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"connection", b"close")]
            await send(message)

        await self.app(scope, receive, send_closing)


def _subscription_problem(body: dict[str, Any], *, require_all: bool) -> str | None:
    """Graph's checks on a subscription, or None."""
    if require_all:
        changes = set(str(body.get("changeType", "")).split(","))
        if not changes or not changes <= {"created", "updated", "deleted"}:
            return "changeType must be created, updated and/or deleted"
        if not str(body.get("notificationUrl", "")).startswith("https://"):
            return "notificationUrl must use https"
        if not _RESOURCE.match(str(body.get("resource", ""))):
            return f"unsupported resource {body.get('resource')!r}"
        if len(str(body.get("clientState") or "")) > 128:
            return "clientState is longer than 128 characters"
    try:
        expires = _parse(str(body["expirationDateTime"]))
    except (KeyError, ValueError):
        return "expirationDateTime is required"
    now = datetime.now(UTC)
    if expires <= now or expires > now + timedelta(minutes=MAX_SUBSCRIPTION_MINUTES):
        return f"expirationDateTime must be within {MAX_SUBSCRIPTION_MINUTES} minutes from now"
    return None


def _in_window(data: dict[str, Any], window: tuple[datetime, datetime] | None) -> bool:
    if window is None:
        return True
    start = _parse(data["start"]["dateTime"])
    end = _parse(data["end"]["dateTime"])
    return start < window[1] and end > window[0]


def _parse(value: str) -> datetime:
    text = re.sub(r"(\.\d{6})\d+", r"\1", value).replace("Z", "+00:00")
    when = datetime.fromisoformat(text)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def at(value: str) -> dict[str, str]:
    """A UTC time ("2026-03-09T16:00:00") as an event's start or end."""
    return {"dateTime": _graph_local(value), "timeZone": "UTC"}


def _graph_local(value: str) -> str:
    """A UTC time as Graph writes a dateTimeTimeZone's dateTime (7 fractional digits)."""
    return _parse(value).strftime("%Y-%m-%dT%H:%M:%S.0000000")


def _now_graph() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f0Z")


def _recipient(address: str) -> dict[str, Any]:
    name = address.split("@")[0].replace(".", " ").title()
    return {"emailAddress": {"name": name, "address": address}}


def _graph_error(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> Response:
    body = {"error": {"code": code, "message": message, "innerError": {"request-id": "fake"}}}
    return JSONResponse(body, status_code=status, headers=headers)


def _oauth_error(status: int, error: str, description: str) -> Response:
    return JSONResponse(
        {"error": error, "error_description": description, "error_codes": [0]}, status_code=status
    )


def _challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).rstrip(b"=").decode()


def _user_id(user: str) -> str:
    return hashlib.sha256(user.encode()).hexdigest()[:32]


def _tenant_id(tenant: str) -> str:
    return hashlib.sha256(tenant.encode()).hexdigest()[:32]
