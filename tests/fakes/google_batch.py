"""Google's batch format for the fake server: multipart/mixed bodies of application/http
requests in and of application/http responses out, each tagged with its Content-ID."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from email.parser import BytesParser
from http import HTTPStatus
from urllib.parse import parse_qs, unquote, urlsplit


@dataclass
class InnerRequest:
    """One call inside a batch."""

    content_id: str
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


def parse_batch(content_type: str, body: bytes) -> list[InnerRequest]:
    """The calls of a batch request body, in order."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = BytesParser().parsebytes(head + body)
    if not message.is_multipart():
        raise ValueError("a batch must be multipart/mixed")
    calls = []
    for part in message.get_payload():
        payload = part.get_payload(decode=False)
        text = payload if isinstance(payload, str) else ""
        calls.append(_inner(str(part.get("Content-ID", "")), text))
    return calls


def _inner(content_id: str, text: str) -> InnerRequest:
    text = text.replace("\r\n", "\n")
    head, _, body = text.partition("\n\n")
    request_line, *header_lines = head.split("\n")
    method, target, _version = request_line.split(" ", 2)
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    url = urlsplit(target)
    return InnerRequest(
        content_id=content_id,
        method=method,
        path=unquote(url.path),
        query=parse_qs(url.query),
        headers=headers,
        body=body.encode(),
    )


def batch_response(answers: list[tuple[str, int, dict[str, str], bytes]]) -> tuple[str, bytes]:
    """(content type, body) of a batch response; each answer is (Content-ID, status, headers,
    body), and a response part's Content-ID is "response-" + the request's."""
    boundary = "batch_" + secrets.token_hex(12)
    out = []
    for content_id, status, headers, body in answers:
        inner_id = content_id.strip("<>")
        lines = [
            f"--{boundary}",
            "Content-Type: application/http",
            f"Content-ID: <response-{inner_id}>",
            "",
            f"HTTP/1.1 {status} {HTTPStatus(status).phrase}",
            *[f"{name}: {value}" for name, value in headers.items()],
            "",
            body.decode(),
        ]
        out.append("\r\n".join(lines))
    text = "\r\n".join(out) + f"\r\n--{boundary}--\r\n"
    return f"multipart/mixed; boundary={boundary}", text.encode()


def json_body(data: object) -> bytes:
    return json.dumps(data).encode()
