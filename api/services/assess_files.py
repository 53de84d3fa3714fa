"""Assess straight from files, with no database: group as matching does, then infer each stage."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from capture.files import FileProblem
from capture.interaction import Interaction
from classifiers.pipeline import EvidenceClassifier
from models.matching import account_name, buyer_side
from models.sales_process import SalesProcess
from models.stage_inference import Assessment, InteractionRef, ObservedEvidence, assess


@dataclass
class FileOpportunity:
    """One buyer account's deal, as the files show it, with its assessment."""

    name: str
    account_domains: list[str]
    owners: list[str]
    interactions: dict[str, Interaction]
    assessment: Assessment

    def to_json(self) -> dict:
        a = self.assessment
        return {
            "opportunity": self.name,
            "account_domains": self.account_domains,
            "owners": self.owners,
            "process": a.process,
            "as_of": a.as_of.isoformat(),
            "stage": a.stage,
            "proven": [
                {
                    "criterion": c.id,
                    "stage": c.stage,
                    "proven_at": c.proven_at.isoformat() if c.proven_at else None,
                    "evidence": [_evidence_json(e, self.interactions) for e in c.evidence],
                }
                for c in a.criteria
                if c.proven
            ],
            "missing": a.missing,
            "next": a.next,
            "leaked": a.leaked,
            "leak_reason": a.leak_reason,
            "timeline": [
                {
                    "id": self.interactions[s.interaction_id].id,
                    "at": s.at.isoformat(),
                    "movement": s.movement,
                    "stage_after": s.stage_after,
                    "kinds": [k.value for k in s.kinds],
                }
                for s in a.timeline
            ],
        }


def _evidence_json(evidence: ObservedEvidence, interactions: dict[str, Interaction]) -> dict:
    return {
        "kind": evidence.kind.value,
        "id": interactions[evidence.interaction_id].id,
        "quote": evidence.quote,
        "at": evidence.observed_at.isoformat(),
        "actor": evidence.actor,
        "confidence": round(evidence.confidence, 2),
    }


def latest_time(interactions: Iterable[Interaction]) -> datetime | None:
    """The data's own "now": the latest time any interaction was judged at."""
    return max((i.judged_at for i in interactions), default=None)


def assess_interactions(
    items: Iterable[Interaction | FileProblem],
    *,
    classifier: EvidenceClassifier,
    process: SalesProcess,
    as_of: datetime | None = None,
) -> tuple[list[FileOpportunity], list[FileProblem]]:
    """One opportunity per buyer account domain with its stage; as_of defaults to the data's."""
    problems: list[FileProblem] = []
    unique: dict[str, Interaction] = {}  # keyed by mailbox and source id: a repeat adds nothing
    for item in items:
        if isinstance(item, FileProblem):
            problems.append(item)
        elif not buyer_side(item).internal:
            unique[f"{item.mailbox}/{item.id}"] = item
    keys = list(unique)
    found = classifier.classify_many([unique[k] for k in keys])
    evidence: dict[str, list[ObservedEvidence]] = {}
    for key, items_found in zip(keys, found, strict=True):
        interaction = unique[key]
        evidence[key] = [
            ObservedEvidence(
                **e.model_dump(),
                id=f"{key}#{n}",
                interaction_id=key,
                interaction_at=interaction.sent_at,
            )
            for n, e in enumerate(items_found)
        ]
    groups: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        for domain in buyer_side(unique[key]).account_domains:
            groups[domain].append(key)
    when = as_of or latest_time(unique.values())
    opportunities = []
    for domain in sorted(groups):
        members = groups[domain]
        assessment = assess(
            process,
            interactions=[InteractionRef(id=k, at=unique[k].sent_at) for k in members],
            evidence=[e for k in members for e in evidence[k]],
            as_of=when,  # type: ignore[arg-type]  # groups exist only when interactions do
        )
        opportunities.append(
            FileOpportunity(
                name=account_name(domain),
                account_domains=[domain],
                owners=sorted({unique[k].mailbox for k in members}),
                interactions={k: unique[k] for k in members},
                assessment=assessment,
            )
        )
    return opportunities, problems
