"""`proofstage eval`: classify a labeled set and score it per part (held-out, training, all)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from classifiers.evaluation import (
    LabeledInteraction,
    LabelProblem,
    Mistake,
    Scores,
    is_held_out,
    mistakes,
    read_labeled,
)
from classifiers.evidence import Kind
from classifiers.pipeline import EvidenceClassifier, default_classifier

PARTS = ("held-out", "training", "all")


@dataclass
class MeetingTimes:
    """Labeled meeting times against the times found on meeting_scheduled evidence."""

    labeled: int = 0
    found: int = 0  # a time was found
    exact: int = 0  # and it is the labeled one (to the minute)


@dataclass
class Evaluation:
    scores: dict[str, Scores] = field(default_factory=lambda: {p: Scores() for p in PARTS})
    mistakes: list[Mistake] = field(default_factory=list)
    problems: list[LabelProblem] = field(default_factory=list)
    meeting_times: MeetingTimes = field(default_factory=MeetingTimes)

    def as_dict(self) -> dict:
        return {
            "parts": {part: scores.as_dict() for part, scores in self.scores.items()},
            "meeting_times": vars(self.meeting_times),
            "problems": [{"where": p.where, "reason": p.reason} for p in self.problems],
        }


def evaluate(paths: Iterable[Path], classifier: EvidenceClassifier | None = None) -> Evaluation:
    classifier = classifier or default_classifier()
    result = Evaluation()
    items: list[LabeledInteraction] = []
    for item in read_labeled(paths):
        if isinstance(item, LabelProblem):
            result.problems.append(item)
        else:
            items.append(item)
    found_all = classifier.classify_many(item.interaction for item in items)
    for item, found in zip(items, found_all, strict=True):
        predicted = {e.kind for e in found}
        part = "held-out" if is_held_out(item.interaction.id) else "training"
        for name in (part, "all"):
            result.scores[name].add(item.kinds, predicted)
        result.mistakes.extend(mistakes(item, found))
        _score_meeting_time(result.meeting_times, item, found)
    return result


def _score_meeting_time(times: MeetingTimes, item: LabeledInteraction, found: list) -> None:
    label = next(
        (x for x in item.labels if x.kind == Kind.meeting_scheduled and x.meeting_time), None
    )
    if label is None:
        return
    times.labeled += 1
    evidence = next((e for e in found if e.kind == Kind.meeting_scheduled), None)
    when = evidence and (evidence.meeting_time or (evidence.meeting and evidence.meeting.start))
    if not when:
        return
    times.found += 1
    times.exact += when == label.meeting_time
