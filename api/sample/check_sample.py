"""Checks the bundled sample against expected.yml, reading it back the way a user's tools would.

    .venv/bin/python api/sample/check_sample.py

- every sent.mbox parses with ``mailbox.mbox`` and ``email.policy.default``; every message is From
  the rep whose folder it is in, and Message-IDs are unique;
- every calendar.ics parses with ``icalendar``; X-WR-CALNAME is the rep; UIDs are unique; events
  have UID, DTSTAMP, LAST-MODIFIED (before DTSTART), DTSTART/DTEND in UTC, SUMMARY, DESCRIPTION,
  STATUS;
- every id in expected.yml exists in its rep's files, every quoted sentence appears verbatim in
  the decoded body (or subject) of that message, every calendar fact holds, and every message
  and event of the sample is accounted for exactly once;
- the stage inference of ``models.stage_inference`` run on expected.yml's evidence gives each
  deal's expected stage and leak.
"""

from __future__ import annotations

import email
import mailbox
import sys
from datetime import UTC, datetime
from email import policy
from pathlib import Path

import icalendar
import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from classifiers.evidence import Kind, Meeting  # noqa: E402
from models.sales_process import shipped_process  # noqa: E402
from models.stage_inference import InteractionRef, ObservedEvidence, assess  # noqa: E402

HELD = {"demo_held", "technical_meeting_held", "meeting_held", "meeting_scheduled"}


def when(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def read_mail(folder: Path) -> dict[str, tuple[str, str]]:
    """Message-ID -> (subject, decoded body) for the rep's sent.mbox."""
    rep = folder.name
    box = mailbox.mbox(
        folder / "sent.mbox",
        factory=lambda f: email.message_from_binary_file(f, policy=policy.default),
    )
    found: dict[str, tuple[str, str]] = {}
    for msg in box:
        sender = msg["From"].addresses[0].addr_spec
        assert sender == rep, f"{msg['Message-ID']} in {rep}'s sent mail is from {sender}"
        assert msg["Date"].datetime.tzinfo is not None
        mid = msg["Message-ID"].strip()
        assert mid not in found, f"duplicate Message-ID {mid}"
        body = msg.get_body(preferencelist=("plain", "html")).get_content()
        found[mid] = (str(msg["Subject"]), body)
    return found


def read_calendar(folder: Path) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical((folder / "calendar.ics").read_bytes())
    assert str(cal["X-WR-CALNAME"]) == folder.name, f"X-WR-CALNAME of {folder.name}"
    found: dict[str, icalendar.Event] = {}
    for event in cal.walk("VEVENT"):
        uid = str(event["UID"])
        assert uid not in found, f"duplicate UID {uid}"
        for prop in (
            "DTSTAMP",
            "LAST-MODIFIED",
            "DTSTART",
            "DTEND",
            "SUMMARY",
            "DESCRIPTION",
            "STATUS",
        ):
            assert prop in event, f"{uid} has no {prop}"
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert start.utcoffset().total_seconds() == 0 and end > start, uid
        assert event.decoded("LAST-MODIFIED") < start, f"{uid}: LAST-MODIFIED after DTSTART"
        found[uid] = event
    return found


def people(event: icalendar.Event) -> list[tuple[str, str, str]]:
    """(email, CN, PARTSTAT) of every attendee, and of the organizer as ORGANIZER."""
    attendees = event.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    rows = [
        (
            str(a).removeprefix("mailto:").lower(),
            a.params.get("CN", ""),
            a.params.get("PARTSTAT", ""),
        )
        for a in attendees
    ]
    org = event["ORGANIZER"]
    rows.append((str(org).removeprefix("mailto:").lower(), org.params.get("CN", ""), "ORGANIZER"))
    return rows


def check_fact(uid: str, event: icalendar.Event, fact: str) -> None:
    if fact.endswith(" accepted"):
        who, wanted = fact.removesuffix(" accepted"), {"ACCEPTED"}
    elif fact.endswith(" organised the event"):
        who, wanted = fact.removesuffix(" organised the event"), {"ORGANIZER"}
    else:
        raise AssertionError(f"{uid}: unknown calendar fact {fact!r}")
    assert any(who in (mail, cn) and status in wanted for mail, cn, status in people(event)), (
        f"{uid}: fact does not hold: {fact!r}"
    )
    assert str(event["STATUS"]).upper() != "CANCELLED", f"{uid}: a cancelled event proves nothing"


def check_record(record: dict, rep: str, mail, events) -> None:
    rid, kinds = record["id"], record.get("kinds", {})
    valid = {k.value for k in Kind}
    assert set(kinds) <= valid and set(record.get("not", {})) <= valid, f"{rid}: unknown kind"
    if record["type"] == "email":
        assert rid in mail[rep], f"{rid} is not in {rep}'s sent.mbox"
        subject, body = mail[rep][rid]
        for kind, sentence in kinds.items():
            assert sentence in body or sentence in subject, (
                f"{rid} {kind}: not verbatim: {sentence!r}"
            )
    else:
        assert rid in events[rep], f"{rid} is not in {rep}'s calendar.ics"
        event = events[rep][rid]
        for fact in kinds.values():
            check_fact(rid, event, fact)
        assert str(event["STATUS"]).lower() == record["status"], rid


def simulate(deal: dict, as_of: datetime):
    """The real stage inference run on the evidence expected.yml promises."""
    refs, evidence = [], []
    for record in deal["evidence"] + deal["no_evidence"]:
        refs.append(InteractionRef(id=record["id"], at=when(record["at"])))
    for record in deal["evidence"]:
        at = when(record["at"])
        for kind, quote in record["kinds"].items():
            meeting = None
            if record["type"] == "event" and kind in HELD:
                meeting = Meeting(
                    start=when(record["start"]),
                    end=when(record["end"]),
                    category=record["category"],
                )
            evidence.append(
                ObservedEvidence(
                    id=f"{record['id']}#{kind}",
                    interaction_id=record["id"],
                    interaction_at=at,
                    kind=Kind(kind),
                    confidence=0.9 if record["actor"] == "buyer" else 0.7,
                    actor=record["actor"],
                    quote=quote,
                    observed_at=at,
                    meeting=meeting,
                )
            )
    return assess(shipped_process(), interactions=refs, evidence=evidence, as_of=as_of)


def main() -> int:
    expected = yaml.safe_load((HERE / "expected.yml").read_text(encoding="utf-8"))
    as_of = when(yaml.safe_load((HERE / "sample.yml").read_text(encoding="utf-8"))["as_of"])
    assert as_of == datetime(2026, 10, 1, tzinfo=UTC)
    reps = [p for p in sorted(HERE.iterdir()) if p.is_dir() and "@" in p.name]
    mail = {p.name: read_mail(p) for p in reps}
    events = {p.name: read_calendar(p) for p in reps}

    seen: list[str] = []
    for domain, deal in expected["deals"].items():
        for record in deal["evidence"] + deal["no_evidence"]:
            check_record(record, deal["rep"], mail, events)
            seen.append(record["id"])
        assessment = simulate(deal, as_of)
        got = (assessment.stage, assessment.leaked)
        want = (deal["stage"], deal["leaked"])
        assert got == want, (
            f"{domain}: inference gives {got}, expected {want} ({assessment.missing})"
        )
        assert assessment.leak_reason == deal["leak_reason"], (domain, assessment.leak_reason)
        print(
            f"{domain:28} {deal['stage']:14} leaked={deal['leaked']!s:5} "
            f"missing={assessment.missing}"
        )
    for contact in expected["contacts"].values():
        for record in contact["evidence"]:
            check_record(record, contact["rep"], mail, events)
            seen.append(record["id"])
    for record in expected["skipped"]:
        check_record(record, record["rep"], mail, events)
        seen.append(record["id"])

    everything = [i for m in mail.values() for i in m] + [u for e in events.values() for u in e]
    assert sorted(seen) == sorted(everything), "every interaction is accounted for exactly once"
    print(f"ok: {sum(map(len, mail.values()))} messages, {sum(map(len, events.values()))} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
