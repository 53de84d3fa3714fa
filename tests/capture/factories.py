"""Small builders for raw mail and calendar bytes, as clients write them."""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

_HEADERS = {
    "Message-ID": "<m-001@seller.com>",
    "Date": "Mon, 02 Mar 2026 07:04:00 -0800",
    "From": "Ana Diaz <ana@seller.com>",
    "To": "Li Wei <li@buyer.com>",
    "Subject": "Re: pricing",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Transfer-Encoding": "8bit",
}


def raw_email(body: bytes | str = "Thanks Li.\n", **headers: str | None) -> bytes:
    """A CRLF message; keyword names are headers with "_" for "-", None leaves a header out."""
    fields = dict(_HEADERS)
    for key, value in headers.items():
        fields[key.replace("_", "-")] = value
    head = "".join(f"{name}: {value}\r\n" for name, value in fields.items() if value is not None)
    data = body.encode() if isinstance(body, str) else body
    return head.encode() + b"\r\n" + data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def parse(raw: bytes) -> EmailMessage:
    message = BytesParser(_class=EmailMessage, policy=policy.default).parsebytes(raw)
    assert isinstance(message, EmailMessage)
    return message


def mbox(*messages: bytes) -> bytes:
    """An mbox file: each message after its "From " line, its own "From " lines escaped (mboxo)."""
    out = b""
    for message in messages:
        text = message.replace(b"\r\n", b"\n").rstrip(b"\n")
        text = re.sub(rb"^From ", b">From ", text, flags=re.MULTILINE)
        out += b"From ana@seller.com Mon Mar  2 15:04:00 2026\n" + text + b"\n\n"
    return out


_EVENT = [
    "UID:demo-1@seller.com",
    "DTSTAMP:20260302T150400Z",
    "DTSTART:20260309T160000Z",
    "DTEND:20260309T170000Z",
    "SUMMARY:Product demo",
    "DESCRIPTION:Agenda:\\ndemo of the reporting module",
    'ORGANIZER;CN="Diaz, Ana":mailto:ana@seller.com',
    "ATTENDEE;CN=Li Wei;PARTSTAT=ACCEPTED:mailto:li@buyer.com",
]


def vevent(*lines: str, without: tuple[str, ...] = ()) -> list[str]:
    """A VEVENT; a given line replaces the default lines of its property, `without` drops some."""
    given = {_name(line) for line in lines}
    kept = [line for line in _EVENT if _name(line) not in given | set(without)]
    return ["BEGIN:VEVENT", *kept, *lines, "END:VEVENT"]


def calendar(*events: list[str], header: tuple[str, ...] = ()) -> bytes:
    """A VCALENDAR with `header` lines (METHOD, X-WR-CALNAME, VTIMEZONE) and the events."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//proofstage tests//EN", *header]
    for event in events:
        lines += event
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def _name(line: str) -> str:
    return line.split(":", 1)[0].split(";", 1)[0].upper()
