"""Graph's JSON values that mail and calendar share: times and recipients."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from capture.base import SourceError
from capture.interaction import Person

# Graph writes up to 7 fractional digits ("2026-03-09T16:00:00.0000000"); Python reads 6
_FRACTION = re.compile(r"(\.\d{6})\d+")
_UTC_NAMES = {"utc", "tzone://microsoft/utc", "z"}


def graph_time(value: str, time_zone: str = "UTC") -> datetime:
    """A Graph DateTimeOffset, or a dateTimeTimeZone's parts, as an aware UTC datetime."""
    text = _FRACTION.sub(r"\1", value.strip()).replace("Z", "+00:00")
    try:
        when = datetime.fromisoformat(text)
    except ValueError as exc:
        raise SourceError(f"Graph sent a time that is not ISO 8601: {value!r}") from exc
    if when.tzinfo is None:
        when = when.replace(tzinfo=_zone(time_zone))
    return when.astimezone(UTC)


def _zone(name: str) -> Any:
    if name.strip().lower() in _UTC_NAMES:
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        # sources ask for UTC (Prefer: outlook.timezone); a Windows zone name means they did not
        raise SourceError(f"Graph sent a time in an unknown zone {name!r}") from exc


def person(recipient: dict[str, Any] | None) -> Person | None:
    """A Graph recipient ({"emailAddress": {"name", "address"}}) as a Person; None without @."""
    address = ((recipient or {}).get("emailAddress") or {}).get("address") or ""
    if "@" not in address:
        return None  # an address-less entry (a deleted user, a room without a mailbox)
    name = ((recipient or {}).get("emailAddress") or {}).get("name") or ""
    return Person(email=address, name=name if name != address else "")


def people(recipients: list[dict[str, Any]] | None) -> list[Person]:
    return [p for r in recipients or [] if (p := person(r)) is not None]
