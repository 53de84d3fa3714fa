"""Calendar rules: responses, cancellation, past and future, category, seller-only events."""

from __future__ import annotations

from datetime import timedelta

import pytest

from classifiers.calendar import classify_event
from classifiers.evidence import HELD_KINDS, Kind
from classifiers.pipeline import default_classifier
from tests.classifiers.factories import REP, SENT_AT, event

LI = {"email": "li@buyer.com", "name": "Li Wei"}
SAM = {"email": "sam@buyer.com", "name": "Sam Ho"}
COLLEAGUE = {"email": "ben@northwind.com", "name": "Ben", "response": "accepted"}
PAST = SENT_AT - timedelta(days=7)


def _kinds(interaction):
    return [e.kind for e in classify_event(interaction)]


@pytest.mark.parametrize(
    ("response", "kinds"),
    [
        ("accepted", [Kind.meeting_scheduled]),
        ("declined", []),
        ("tentative", []),
        ("none", []),
    ],
)
def test_each_response_for_a_future_event(response, kinds):
    assert _kinds(event(attendees=[{**LI, "response": response}])) == kinds


def test_accepted_future_event_is_scheduled_with_the_calendar_fact():
    found = classify_event(event(attendees=[{**LI, "response": "accepted"}]))
    assert len(found) == 1
    evidence = found[0]
    assert evidence.quote == "li@buyer.com accepted"
    assert evidence.speaker == "li@buyer.com"
    assert evidence.observed_at == SENT_AT
    assert evidence.confidence >= 0.9
    assert evidence.meeting is not None
    assert evidence.meeting.start == SENT_AT + timedelta(days=7)


def test_tentative_counts_when_another_buyer_accepted():
    attendees = [{**LI, "response": "tentative"}, {**SAM, "response": "accepted"}]
    found = classify_event(event(attendees=attendees))
    assert [(e.kind, e.quote) for e in found] == [
        (Kind.meeting_scheduled, "sam@buyer.com accepted")
    ]


def test_all_declined_is_nothing():
    attendees = [{**LI, "response": "declined"}, {**SAM, "response": "declined"}]
    assert _kinds(event(attendees=attendees)) == []


@pytest.mark.parametrize("start", [PAST, SENT_AT + timedelta(days=7)])
def test_cancelled_event_is_nothing_even_if_accepted(start):
    interaction = event(attendees=[{**LI, "response": "accepted"}], status="cancelled", start=start)
    assert _kinds(interaction) == []


@pytest.mark.parametrize(
    ("subject", "body", "kind", "category"),
    [
        ("Product demo", "", Kind.demo_held, "demo"),
        ("Call", "Agenda: demonstration of the reporting module", Kind.demo_held, "demo"),
        ("Security review", "", Kind.technical_meeting_held, "technical"),
        (
            "Follow-up",
            "Architecture review of the integration",
            Kind.technical_meeting_held,
            "technical",
        ),
        ("IT review", "", Kind.technical_meeting_held, "technical"),
        ("Discovery call", "", Kind.meeting_held, "general"),
        ("Proposal walkthrough", "", Kind.meeting_held, "general"),
        ("Kickoff", "Join: https://api.zoom.us/j/123", Kind.meeting_held, "general"),
    ],
)
def test_past_accepted_event_is_exactly_one_held_kind(subject, body, kind, category):
    interaction = event(
        attendees=[{**LI, "response": "accepted"}], start=PAST, subject=subject, body=body
    )
    found = classify_event(interaction)
    assert [e.kind for e in found] == [kind]
    assert sum(e.kind in HELD_KINDS for e in found) == 1
    assert found[0].observed_at == PAST + timedelta(hours=1)
    assert found[0].meeting.category == category


def test_past_event_with_no_response_is_not_held():
    assert _kinds(event(attendees=[{**LI, "response": "none"}], start=PAST)) == []


def test_judged_at_now_turns_scheduled_into_held():
    interaction = event(
        attendees=[{**LI, "response": "accepted"}], now=SENT_AT + timedelta(days=30)
    )
    assert _kinds(interaction) == [Kind.meeting_held]


def test_buyer_organizer_counts_as_accepted():
    found = classify_event(event(attendees=[], organizer=LI))
    assert [(e.kind, e.quote) for e in found] == [
        (Kind.meeting_scheduled, "li@buyer.com organised the event")
    ]


def test_seller_only_event_is_nothing():
    assert _kinds(event(attendees=[COLLEAGUE, {**REP, "response": "accepted"}])) == []


def test_senior_accepting_buyer_is_also_executive_engaged():
    maria = {"email": "maria@buyer.com", "name": "Maria Lopez (CFO)", "response": "accepted"}
    found = classify_event(event(attendees=[{**LI, "response": "accepted"}, maria]))
    assert [e.kind for e in found] == [Kind.meeting_scheduled, Kind.executive_engaged]
    assert found[1].quote == "Maria Lopez (CFO) accepted"
    assert found[1].speaker == "maria@buyer.com"
    assert found[1].meeting is not None


def test_senior_who_declined_is_not_executive_engaged():
    maria = {"email": "maria@buyer.com", "name": "Maria Lopez (CFO)", "response": "declined"}
    assert _kinds(event(attendees=[{**LI, "response": "accepted"}, maria])) == [
        Kind.meeting_scheduled
    ]


def test_event_without_times_is_nothing():
    interaction = event(attendees=[{**LI, "response": "accepted"}]).model_copy(
        update={"start": None, "end": None}
    )
    assert default_classifier().classify(interaction) == []


@pytest.mark.parametrize("status", ["tentative", "cancelled"])
def test_an_event_not_yet_confirmed_or_cancelled_proves_nothing(status):
    attendees = [{**LI, "response": "accepted"}]
    assert _kinds(event(attendees=attendees, status=status)) == []
