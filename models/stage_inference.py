"""Stage inference: one pure function from a sales process and observed evidence to an assessment.

No clock, no database: `as_of` is an argument, so the same inputs always give the same stage.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Literal

from pydantic import BaseModel

from classifiers.evidence import HELD_KINDS, Evidence, Kind
from models.sales_process import ExitCriterion, SalesProcess

Movement = Literal["advance", "continuance", "leak", "pending"]
_HELD_BY_CATEGORY = dict(zip(("demo", "technical", "general"), HELD_KINDS, strict=True))
_MEETING_KINDS = {Kind.meeting_scheduled, *HELD_KINDS}


class ObservedEvidence(Evidence):
    """Evidence as stored: with its own id, its interaction and when that interaction happened."""

    id: str
    interaction_id: str
    interaction_at: datetime


class InteractionRef(BaseModel):
    id: str
    at: datetime


class CriterionResult(BaseModel):
    id: str
    stage: str
    question: str
    proven: bool
    proven_at: datetime | None = None
    evidence: list[ObservedEvidence] = []


class Step(BaseModel):
    """What one interaction did to the opportunity."""

    interaction_id: str
    at: datetime
    movement: Movement
    stage_before: str
    stage_after: str
    kinds: list[Kind]
    reason: str


class Assessment(BaseModel):
    process: str
    as_of: datetime
    stage: str
    criteria: list[CriterionResult]
    missing: list[str]  # unproven exit criteria of the current stage
    next: list[str]  # of those, the ones that wait on nothing else: push these first
    leaked: bool
    leak_reason: str | None = None
    last_buyer_evidence_at: datetime | None = None
    timeline: list[Step] = []


def judge_at(evidence: ObservedEvidence, as_of: datetime) -> list[ObservedEvidence]:
    """Evidence as it stands at `as_of`: a calendar meeting is scheduled, then held once over.

    A held meeting was also scheduled: from its acceptance on, it still proves meeting_scheduled,
    so a next step that has already happened keeps counting as a scheduled next step.
    """
    if evidence.meeting is None or evidence.kind not in _MEETING_KINDS:
        return [evidence] if evidence.observed_at <= as_of else []
    if evidence.interaction_at > as_of:
        return []
    scheduled = evidence.model_copy(
        update={"kind": Kind.meeting_scheduled, "observed_at": evidence.interaction_at}
    )
    if evidence.meeting.end > as_of:
        return [scheduled]
    held = _HELD_BY_CATEGORY[evidence.meeting.category]
    return [
        scheduled,
        evidence.model_copy(update={"kind": held, "observed_at": evidence.meeting.end}),
    ]


def _prove(
    criterion: ExitCriterion,
    by_kind: dict[Kind, list[ObservedEvidence]],
    by_interaction: dict[str, set[Kind]],
    not_before: datetime | None,
) -> tuple[datetime, list[ObservedEvidence]] | None:
    """The earliest time the criterion became true and the evidence that shows it, or None."""
    same: dict[tuple[str, Kind], list[ObservedEvidence]] = defaultdict(list)
    for kind in criterion.together_with:  # evidence of each kind by interaction, looked up once
        for e in by_kind.get(kind, []):
            same[(e.interaction_id, kind)].append(e)

    def earliest(kind: Kind) -> tuple[datetime, list[ObservedEvidence]] | None:
        best: tuple[datetime, list[ObservedEvidence]] | None = None
        for item in by_kind.get(kind, []):  # sorted by time
            if not_before and item.observed_at < not_before:
                continue
            if not set(criterion.together_with) <= by_interaction[item.interaction_id]:
                continue
            chain = [item] + [
                e for k in criterion.together_with for e in same[(item.interaction_id, k)]
            ][: len(criterion.together_with)]
            if criterion.then:
                follow = next(
                    (
                        e
                        for e in by_kind.get(criterion.then, [])
                        if e.observed_at >= item.observed_at and e is not item
                    ),
                    None,
                )
                if follow is None:
                    continue
                chain.append(follow)
            done = max(e.observed_at for e in chain)
            if best is None or done < best[0]:
                best = (done, chain)
        return best

    parts = [earliest(kind) for kind in criterion.all_of]
    if any(part is None for part in parts):
        return None
    if criterion.any_of:
        options = [p for p in (earliest(kind) for kind in criterion.any_of) if p is not None]
        if not options:
            return None
        parts.append(min(options, key=lambda p: p[0]))
    found = [p for p in parts if p is not None]
    return max(p[0] for p in found), [e for p in found for e in p[1]]


def _evaluate(
    process: SalesProcess, evidence: Sequence[ObservedEvidence]
) -> tuple[int, list[CriterionResult]]:
    """The index of the current stage and every criterion's result, from already-judged evidence."""
    by_kind: dict[Kind, list[ObservedEvidence]] = defaultdict(list)
    by_interaction: dict[str, set[Kind]] = defaultdict(set)
    for item in sorted(evidence, key=lambda e: (e.observed_at, e.id)):
        if item.confidence >= process.min_confidence:
            by_kind[item.kind].append(item)
            by_interaction[item.interaction_id].add(item.kind)
    results: list[CriterionResult] = []
    current = None
    for index, stage in enumerate(process.stages):
        proven_at: dict[str, datetime] = {}
        for criterion in stage.exit_criteria:
            after = [proven_at.get(ref) for ref in criterion.after_criteria]
            proof = None
            if all(after):
                not_before = max((t for t in after if t), default=None)
                proof = _prove(criterion, by_kind, by_interaction, not_before)
            if proof:
                proven_at[criterion.id] = proof[0]
            results.append(
                CriterionResult(
                    id=criterion.id,
                    stage=stage.id,
                    question=criterion.question,
                    proven=proof is not None,
                    proven_at=proof and proof[0],
                    evidence=proof[1] if proof else [],
                )
            )
        if current is None and len(proven_at) < len(stage.exit_criteria):
            current = index
    return (len(process.stages) - 1 if current is None else current), results


def assess(
    process: SalesProcess,
    *,
    interactions: Sequence[InteractionRef],
    evidence: Sequence[ObservedEvidence],
    as_of: datetime,
) -> Assessment:
    """The buyer stage at `as_of`: what proves it, what is missing, how each interaction moved."""
    judged = [j for e in evidence for j in judge_at(e, as_of)]
    stage_index, criteria = _evaluate(process, judged)
    stage = process.stages[stage_index]

    # an interaction sits at its latest evidence (a held meeting at its end), else when it was sent
    latest: dict[str, datetime] = {}
    for item in judged:
        latest[item.interaction_id] = max(
            item.observed_at, latest.get(item.interaction_id, item.observed_at)
        )
    ordered = sorted(
        (InteractionRef(id=i.id, at=latest.get(i.id, i.at)) for i in interactions if i.at <= as_of),
        key=lambda i: (i.at, i.id),
    )
    evidence_of: dict[str, list[ObservedEvidence]] = defaultdict(list)
    for item in judged:
        evidence_of[item.interaction_id].append(item)

    timeline: list[Step] = []
    seen: list[ObservedEvidence] = []
    before = 0
    last_reaction: datetime | None = None
    quiet_since = ordered[0].at if ordered else None
    for ref in ordered:
        kinds = sorted({e.kind for e in evidence_of[ref.id]})
        after = before
        if kinds:  # only new evidence can move the stage
            seen += evidence_of[ref.id]
            # evidence only ever proves more, so once the stage reached by all the evidence is
            # reached, nothing later can move it: no need to evaluate again
            if before < stage_index:
                after, _ = _evaluate(process, seen)
        allowed = process.days_allowed(process.stages[before])
        silent = ref.at - quiet_since if quiet_since else timedelta(0)
        if Kind.disengaged in kinds:
            movement, reason = "leak", "the buyer disengaged"
        elif after > before:
            movement, reason = "advance", f"moved to {process.stages[after].id}"
        elif kinds:
            movement, reason = "continuance", "the buyer reacted; the stage held"
        elif allowed is not None and silent > timedelta(days=allowed):
            movement, reason = (
                "leak",
                f"no buyer reaction for {silent.days} days (allowed {allowed})",
            )
        else:
            movement, reason = "pending", "seller activity; no buyer reaction yet"
        timeline.append(
            Step(
                interaction_id=ref.id,
                at=ref.at,
                movement=movement,
                kinds=kinds,
                reason=reason,
                stage_before=process.stages[before].id,
                stage_after=process.stages[after].id,
            )
        )
        if kinds:
            last_reaction = quiet_since = ref.at
        before = after

    leak_reason = None
    allowed = process.days_allowed(stage)
    reactions = [s for s in timeline if s.kinds]
    if reactions and reactions[-1].movement == "leak":
        leak_reason = "the buyer disengaged"
    elif quiet_since and allowed is not None and as_of - quiet_since > timedelta(days=allowed):
        leak_reason = f"no buyer reaction since {quiet_since.date()} (allowed {allowed} days)"

    missing = [c for c in criteria if c.stage == stage.id and not c.proven]
    missing_ids = {c.id for c in missing}
    waiting = {c.id for c in missing if set(process.criterion(c.id).after_criteria) & missing_ids}
    return Assessment(
        process=process.id,
        as_of=as_of,
        stage=stage.id,
        criteria=criteria,
        missing=[c.id for c in missing],
        next=[c.id for c in missing if c.id not in waiting],
        leaked=leak_reason is not None,
        leak_reason=leak_reason,
        last_buyer_evidence_at=last_reaction,
        timeline=timeline,
    )
