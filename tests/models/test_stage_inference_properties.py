"""Invariants of stage inference, over random evidence (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers.evidence import Kind
from models.sales_process import shipped_process
from models.stage_inference import assess
from tests.models.factories import day, fact, refs

PROCESSES = [shipped_process("buyer_journey"), shipped_process("buyer_milestones")]

evidence_item = st.builds(
    lambda kind, at, group, conf: fact(kind, at, interaction=f"i{group}", confidence=conf),
    st.sampled_from(list(Kind)),
    st.floats(min_value=0, max_value=90, allow_nan=False),
    st.integers(min_value=0, max_value=12),
    st.sampled_from([0.3, 0.7, 0.95]),
)
evidence_lists = st.lists(evidence_item, max_size=40)
process_choice = st.sampled_from(PROCESSES)


def run(process, facts, as_of=100):  # type: ignore[no-untyped-def]
    return assess(process, interactions=refs(*facts), evidence=facts, as_of=day(as_of))


def index(process, stage: str) -> int:  # type: ignore[no-untyped-def]
    return process.stage_index(stage)


@settings(max_examples=150, deadline=None)
@given(process_choice, evidence_lists, evidence_lists)
def test_more_evidence_never_moves_the_stage_back(process, facts, more):
    assert index(process, run(process, facts + more).stage) >= index(
        process, run(process, facts).stage
    )


@settings(max_examples=150, deadline=None)
@given(process_choice, evidence_lists, st.randoms())
def test_order_of_evidence_does_not_matter(process, facts, rnd):
    shuffled = list(facts)
    rnd.shuffle(shuffled)
    first, second = run(process, facts), run(process, shuffled)
    assert (first.stage, first.missing, first.leaked) == (
        second.stage,
        second.missing,
        second.leaked,
    )


@settings(max_examples=150, deadline=None)
@given(process_choice, evidence_lists)
def test_every_earlier_criterion_is_proven_and_the_current_one_is_not(process, facts):
    result = run(process, facts)
    current = index(process, result.stage)
    for criterion in result.criteria:
        if index(process, criterion.stage) < current:
            assert criterion.proven
    last = len(process.stages) - 1
    assert current == last or result.missing


@settings(max_examples=150, deadline=None)
@given(process_choice, evidence_lists, st.floats(min_value=0, max_value=100))
def test_proof_uses_only_evidence_of_its_kinds_observed_by_as_of(process, facts, as_of):
    result = run(process, facts, as_of=as_of)
    for criterion in result.criteria:
        kinds = set(process.criterion(criterion.id).kinds)
        for evidence in criterion.evidence:
            assert evidence.kind in kinds
            assert evidence.observed_at <= day(as_of)
            assert evidence.confidence >= process.min_confidence
        assert criterion.proven == bool(criterion.evidence)


@settings(max_examples=100, deadline=None)
@given(process_choice, evidence_lists)
def test_the_timeline_ends_at_the_assessed_stage(process, facts):
    result = run(process, facts)
    if result.timeline:
        assert result.timeline[-1].stage_after == result.stage
    advances = [s for s in result.timeline if s.movement == "advance"]
    assert all(index(process, s.stage_after) > index(process, s.stage_before) for s in advances)
