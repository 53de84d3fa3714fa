"""Read raw .eml files into interactions for tests (mailbox = the From address)."""

from __future__ import annotations

import email
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from capture.interaction import Interaction, Person


def _people(message: EmailMessage, header: str) -> list[Person]:
    try:
        values = message.get_all(header) or []
        pairs = getaddresses([str(v) for v in values])
    except Exception:  # malformed headers are common in old mail
        return []
    return [Person(email=address, name=name) for name, address in pairs if "@" in address]


def _body(message: EmailMessage) -> str:
    try:
        part = message.get_body(preferencelist=("plain",))
        return part.get_content() if part is not None else ""
    except Exception:
        return ""


def _sent_at(message: EmailMessage) -> datetime:
    try:
        when = parsedate_to_datetime(str(message["Date"]))
        return when if when.tzinfo else when.replace(tzinfo=UTC)
    except Exception:
        return datetime(2001, 1, 1, tzinfo=UTC)


def read_eml(path: Path) -> Interaction:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    senders = _people(message, "From")
    sender = senders[0] if senders else Person(email="unknown@unknown.invalid")
    return Interaction(
        id=path.name,
        type="email",
        mailbox=sender.email,
        sent_at=_sent_at(message),
        subject=str(message["Subject"] or ""),
        from_=sender,
        to=_people(message, "To"),
        cc=_people(message, "Cc"),
        body=_body(message),
    )
