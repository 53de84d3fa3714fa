"""Small builders of interactions for the classifier tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from capture.interaction import Interaction

SENT_AT = datetime(2026, 3, 2, 15, 4, tzinfo=UTC)
REP = {"email": "ana@northwind.com", "name": "Ana Diaz"}
BUYER = {"email": "li@buyer.com", "name": "Li Wei"}


def email(
    body: str, *, subject: str = "Re: next steps", to: list[dict] | None = None, **extra: Any
) -> Interaction:
    """An email from the rep's sent mail, to the buyer unless told otherwise."""
    data = {
        "id": extra.pop("id", "m-test"),
        "type": "email",
        "mailbox": REP["email"],
        "sent_at": SENT_AT,
        "subject": subject,
        "from": REP,
        "to": [BUYER] if to is None else to,
        "body": body,
    }
    data.update(extra)
    return Interaction.model_validate(data)


def buyer_reply(
    text: str, *, author: dict | None = None, rep_text: str = "Thanks, noted."
) -> Interaction:
    """The rep's reply quoting the buyer's message (Gmail style)."""
    who = author or BUYER
    quoted = "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))
    header = f"On Mon, Mar 2, 2026 at 9:12 AM {who['name']} <{who['email']}> wrote:"
    body = f"{rep_text}\n\n{header}\n{quoted}\n"
    return email(body)


def rep_says(text: str, **extra: Any) -> Interaction:
    """The rep's own words to the buyer."""
    return email(f"Hi Li,\n\n{text}\n\nBest,\nAna", **extra)


def event(
    *,
    attendees: list[dict],
    organizer: dict | None = None,
    start: datetime | None = None,
    hours: float = 1,
    status: str = "confirmed",
    subject: str = "Call",
    body: str = "",
    now: datetime | None = None,
) -> Interaction:
    """A calendar event, by default a week after SENT_AT."""
    begin = start or SENT_AT + timedelta(days=7)
    data = {
        "id": "e-test",
        "type": "event",
        "mailbox": REP["email"],
        "sent_at": SENT_AT,
        "subject": subject,
        "start": begin,
        "end": begin + timedelta(hours=hours),
        "status": status,
        "organizer": organizer or REP,
        "attendees": attendees,
        "body": body,
    }
    if now is not None:
        data["now"] = now
    return Interaction.model_validate(data)
