"""Calendar rules: which events prove a buyer's meeting, judged at the interaction's time.

A buyer accepted (or organised) an event that is not cancelled: still ahead -> meeting_scheduled,
over -> exactly one held kind (demo, technical, else general). Every piece of calendar evidence
carries `meeting` so that a later step can re-judge it at another time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from capture.interaction import Interaction, Person
from classifiers.evidence import Evidence, Kind, Meeting, MeetingCategory
from classifiers.rules import PATTERNS_DIR, read_yaml
from classifiers.sides import is_seller_domain
from classifiers.titles import senior_title

CALENDAR_FILE = "calendar.yml"
CALENDAR_CONFIDENCE = 0.95
EXECUTIVE_CONFIDENCE = 0.9

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
_HELD = {
    "demo": Kind.demo_held,
    "technical": Kind.technical_meeting_held,
    "general": Kind.meeting_held,
}


@dataclass(frozen=True)
class CategoryWords:
    demo: tuple[re.Pattern[str], ...]
    technical: tuple[re.Pattern[str], ...]
    technical_subject: tuple[re.Pattern[str], ...]  # single words that count in a subject only

    def category(self, subject: str, body: str) -> MeetingCategory:
        """demo or technical when the subject (first) or the body says so, else general."""
        subject = _URL.sub(" ", subject or "")
        body = _URL.sub(" ", body or "")
        technical_in_subject = self.technical + self.technical_subject
        for text, technical in ((subject, technical_in_subject), (body, self.technical)):
            if any(p.search(text) for p in self.demo):
                return "demo"
            if any(p.search(text) for p in technical):
                return "technical"
        return "general"


@cache
def category_words() -> CategoryWords:
    data = read_yaml(PATTERNS_DIR / CALENDAR_FILE)
    subject_only = [re.compile(p, re.IGNORECASE) for p in data.get("technical_subject", [])]
    subject_only += [re.compile(p) for p in data.get("technical_case_sensitive", [])]
    return CategoryWords(
        demo=tuple(re.compile(p, re.IGNORECASE) for p in data["demo"]),
        technical=tuple(re.compile(p, re.IGNORECASE) for p in data["technical"]),
        technical_subject=tuple(subject_only),
    )


def _accepting_buyers(interaction: Interaction) -> list[tuple[Person, str]]:
    """Buyers who organised or accepted the event, with the verb, organiser first, no repeats."""
    seller = interaction.seller_domain
    found: list[tuple[Person, str]] = []
    organizer = interaction.organizer
    if organizer is not None and organizer.email and not is_seller_domain(organizer.domain, seller):
        found.append((organizer, "organised the event"))
    for attendee in interaction.attendees:
        if not attendee.email or is_seller_domain(attendee.domain, seller):
            continue
        if attendee.response == "accepted" and attendee.email not in {p.email for p, _ in found}:
            found.append((attendee, "accepted"))
    return found


def classify_event(interaction: Interaction) -> list[Evidence]:
    """Evidence from one calendar event, judged at interaction.judged_at."""
    # the spec proves only "accepted and confirmed": an event still marked tentative is not fixed
    if interaction.type != "event" or interaction.status in ("cancelled", "tentative"):
        return []
    start = interaction.start
    if start is None:
        return []
    end = interaction.end if interaction.end is not None and interaction.end >= start else start
    buyers = _accepting_buyers(interaction)
    if not buyers:
        # tentative, declined, no response, or a seller-only event: nothing is proven
        return []
    category = category_words().category(interaction.subject, interaction.body)
    meeting = Meeting(start=start, end=end, category=category)
    now: datetime = interaction.judged_at
    if end <= now:
        kind, observed_at = _HELD[category], end
    else:
        # ahead, or under way: agreed but not yet over
        kind, observed_at = Kind.meeting_scheduled, interaction.sent_at
    first, verb = buyers[0]
    found = [
        Evidence(
            kind=kind,
            confidence=CALENDAR_CONFIDENCE,
            actor="buyer",
            quote=f"{first.email} {verb}",
            observed_at=observed_at,
            speaker=first.email,
            meeting=meeting,
        )
    ]
    for person, verb in buyers:
        title = senior_title(person.name)
        if title:
            found.append(
                Evidence(
                    kind=Kind.executive_engaged,
                    confidence=EXECUTIVE_CONFIDENCE,
                    actor="buyer",
                    quote=f"{person.name or person.email} {verb}",
                    observed_at=observed_at,
                    speaker=person.email,
                    meeting=meeting,
                )
            )
            break
    return found
