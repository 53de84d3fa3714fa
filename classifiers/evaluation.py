"""Precision, recall and F1 per evidence kind on a labeled set (devset/README.md).

A kind counts once per interaction: predicted and labeled is a true positive, predicted only a
false positive, labeled only a false negative. The held-out part is chosen by the id's hash, so
it never depends on content (see `is_held_out`).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, ValidationError

from capture.interaction import Interaction
from classifiers.evidence import Evidence, Kind

HELD_OUT_DIGITS = "01234"  # sha256(id) starting with one of these: about 31% of the set


def is_held_out(interaction_id: str) -> bool:
    return hashlib.sha256(interaction_id.encode()).hexdigest()[0] in HELD_OUT_DIGITS


class Label(BaseModel):
    kind: Kind
    quote: str = ""
    meeting_time: datetime | None = None


@dataclass(frozen=True)
class LabeledInteraction:
    interaction: Interaction
    labels: tuple[Label, ...]
    where: str  # file:line

    @property
    def kinds(self) -> set[Kind]:
        return {label.kind for label in self.labels}


@dataclass(frozen=True)
class LabelProblem:
    where: str
    reason: str


def labeled_files(paths: Iterable[Path]) -> list[Path]:
    """The .jsonl files given, and those inside folders given, in name order."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.rglob("*.jsonl")) if path.is_dir() else [path])
    return files


def read_labeled(paths: Iterable[Path]) -> Iterator[LabeledInteraction | LabelProblem]:
    """Each labeled line, or the problem that stops it being used; the rest still reads."""
    for path in labeled_files(paths):
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    data = json.loads(line)
                    labels = tuple(Label.model_validate(x) for x in data.get("labels", []))
                    interaction = Interaction.model_validate(data)
                except (json.JSONDecodeError, ValidationError, AttributeError) as exc:
                    yield LabelProblem(where, str(exc).splitlines()[0])
                    continue
                yield LabeledInteraction(interaction, labels, where)


@dataclass
class Scores:
    """Counts per kind, and the figures derived from them."""

    true_positive: Counter[Kind] = field(default_factory=Counter)
    false_positive: Counter[Kind] = field(default_factory=Counter)
    false_negative: Counter[Kind] = field(default_factory=Counter)
    interactions: int = 0

    def add(self, labeled: set[Kind], predicted: set[Kind]) -> None:
        self.interactions += 1
        self.true_positive.update(labeled & predicted)
        self.false_positive.update(predicted - labeled)
        self.false_negative.update(labeled - predicted)

    def kinds(self) -> list[Kind]:
        seen = self.true_positive + self.false_positive + self.false_negative
        return [kind for kind in Kind if seen[kind]]

    def counts(self, kind: Kind | None = None) -> tuple[int, int, int]:
        """(true positives, false positives, false negatives) of one kind, or of all for None."""
        tallies = (self.true_positive, self.false_positive, self.false_negative)
        if kind is None:
            return tuple(sum(t.values()) for t in tallies)  # type: ignore[return-value]
        return tuple(t[kind] for t in tallies)  # type: ignore[return-value]

    def figures(self, kind: Kind | None = None) -> tuple[float, float, float, int]:
        """(precision, recall, F1, support) for one kind, or micro-averaged for None."""
        tp, fp, fn = self.counts(kind)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1, tp + fn

    def as_dict(self) -> dict:
        def row(kind: Kind | None) -> dict:
            p, r, f, support = self.figures(kind)
            return {
                "precision": round(p, 4),
                "recall": round(r, 4),
                "f1": round(f, 4),
                "support": support,
            }

        return {
            "interactions": self.interactions,
            "micro": row(None),
            "kinds": {kind.value: row(kind) for kind in self.kinds()},
        }


@dataclass(frozen=True)
class Mistake:
    where: str
    interaction_id: str
    kind: Kind
    missed: bool  # True: labeled, not found; False: found, not labeled
    quote: str  # the label's quote when missed, the evidence's when a false alarm


def mistakes(item: LabeledInteraction, found: list[Evidence]) -> list[Mistake]:
    predicted = {e.kind: e for e in found}
    labels = {label.kind: label for label in item.labels}
    return [
        Mistake(item.where, item.interaction.id, kind, True, labels[kind].quote)
        for kind in labels.keys() - predicted.keys()
    ] + [
        Mistake(item.where, item.interaction.id, kind, False, predicted[kind].quote)
        for kind in predicted.keys() - labels.keys()
    ]
