"""Stage inference on buyer_journey: exit criteria, conditions, calendar timing and movement."""

from __future__ import annotations

import pytest

from models.sales_process import shipped_process
from models.stage_inference import assess
from tests.models.factories import day, fact, full_journey, refs

JOURNEY = shipped_process("buyer_journey")


def stage_of(facts, as_of: float = 100, extra=None):  # type: ignore[no-untyped-def]
    return assess(JOURNEY, interactions=refs(*facts, extra=extra), evidence=facts, as_of=day(as_of))


def test_no_evidence_is_awareness_missing_discovery():
    result = stage_of([])
    assert result.stage == "awareness"
    assert result.missing == ["discovery_scheduled"]
    assert result.next == ["discovery_scheduled"]


def test_scheduled_meeting_moves_to_engagement():
    result = stage_of([fact("meeting_scheduled", 1)])
    assert result.stage == "engagement"
    assert result.missing == ["demo_and_next_step", "technical_and_next_step"]


def test_demo_needs_a_next_step_dated_after_it():
    before = [
        fact("meeting_scheduled", 1),
        fact("demo_held", 5),
        fact("technical_meeting_held", 6),
        fact("meeting_scheduled", 7),
    ]
    result = stage_of(before)
    assert result.stage == "consideration"
    only_earlier = [fact("meeting_scheduled", 1), fact("demo_held", 5)]
    assert "demo_and_next_step" in stage_of(only_earlier).missing


def test_every_engagement_criterion_is_required():
    result = stage_of(
        [fact("meeting_scheduled", 1), fact("demo_held", 5), fact("meeting_scheduled", 6)]
    )
    assert result.stage == "engagement"
    assert result.missing == ["technical_and_next_step"]


def test_plan_needs_a_senior_buyer_in_the_same_interaction():
    journey = [f for f in full_journey() if f.interaction_id != "plan"]
    separate = [*journey, fact("plan_agreed", 15), fact("executive_engaged", 15)]
    assert stage_of(separate).stage == "consideration"
    assert "plan_approved" in stage_of(separate).missing
    together = [
        *journey,
        fact("plan_agreed", 15, interaction="p"),
        fact("executive_engaged", 15, interaction="p"),
    ]
    assert "plan_approved" not in stage_of(together).missing


def test_next_step_must_follow_all_other_consideration_criteria():
    journey = [
        f
        for f in full_journey()
        if not (f.kind == "meeting_scheduled" and f.observed_at == day(16))
    ]
    result = stage_of(journey)
    assert result.stage == "consideration"
    assert result.missing == ["next_step"]


def test_next_lists_only_criteria_that_wait_on_nothing():
    result = stage_of(
        [
            fact("meeting_scheduled", 1),
            fact("demo_held", 5),
            fact("technical_meeting_held", 6),
            fact("meeting_scheduled", 7),
            fact("budget_confirmed", 8),
        ]
    )
    assert result.stage == "consideration"
    assert "next_step" in result.missing
    assert "next_step" not in result.next
    assert result.next == ["cast_confirmed", "fit_confirmed", "plan_approved"]


def test_full_journey_reaches_advocacy_and_early_evidence_still_counts():
    early_commitment = [
        fact("verbal_commitment", 0.5, interaction="c"),
        fact("executive_engaged", 0.5, interaction="c"),
    ]
    journey = [f for f in full_journey() if f.interaction_id != "commit"] + early_commitment
    assert stage_of(full_journey()).stage == "advocacy"
    assert stage_of(journey).stage == "advocacy"


def test_evidence_after_as_of_does_not_count():
    assert stage_of([fact("meeting_scheduled", 10)], as_of=9).stage == "awareness"


def test_low_confidence_evidence_proves_nothing():
    assert stage_of([fact("meeting_scheduled", 1, confidence=0.2)]).stage == "awareness"


@pytest.mark.parametrize(
    ("as_of", "kinds"),
    [(0.5, set()), (2, {"meeting_scheduled"}), (11, {"meeting_scheduled", "demo_held"})],
)
def test_calendar_meeting_is_judged_at_as_of(as_of, kinds):
    demo = fact("meeting_scheduled", 1, meeting=(10, 10.05, "demo"))
    result = stage_of([demo], as_of=as_of)
    judged = {e.kind.value for c in result.criteria for e in c.evidence}
    timeline_kinds = {k.value for step in result.timeline for k in step.kinds}
    assert timeline_kinds == kinds
    assert judged <= kinds


def test_held_demo_with_a_held_follow_up_passes_its_criterion():
    demo = fact("meeting_scheduled", 1, meeting=(5, 5.05, "demo"))
    follow_up = fact("meeting_scheduled", 6, meeting=(8, 8.05, "general"))
    result = stage_of([fact("meeting_scheduled", 0.5), demo, follow_up], as_of=20)
    criterion = next(c for c in result.criteria if c.id == "demo_and_next_step")
    assert criterion.proven
    assert [e.kind.value for e in criterion.evidence] == ["demo_held", "meeting_scheduled"]


def test_movement_advance_continuance_pending_and_leak():
    facts = [
        fact("meeting_scheduled", 1, interaction="a"),
        fact("outcome_shared", 3, interaction="b"),
        fact("disengaged", 9, interaction="d"),
    ]
    result = stage_of(facts, as_of=10, extra={"s": 5})
    moves = [(s.interaction_id, s.movement) for s in result.timeline]
    assert moves == [("a", "advance"), ("b", "continuance"), ("s", "pending"), ("d", "leak")]
    assert result.leaked
    assert result.leak_reason == "the buyer disengaged"
    assert result.stage == "engagement"  # a leaked deal keeps the stage it reached


def test_silence_beyond_allowed_days_leaks():
    facts = [fact("meeting_scheduled", 1, interaction="a")]
    result = stage_of(facts, as_of=60, extra={"f1": 20, "f2": 40})
    assert [s.movement for s in result.timeline] == ["advance", "pending", "leak"]
    assert result.leaked
    assert not stage_of(facts, as_of=25, extra={"f1": 20}).leaked


def test_a_reaction_after_disengagement_clears_the_leak():
    facts = [fact("meeting_scheduled", 1), fact("disengaged", 5), fact("interest_shown", 8)]
    assert not stage_of(facts, as_of=10).leaked


def test_advocacy_never_leaks_by_silence():
    assert not stage_of(full_journey(), as_of=400).leaked
