"""The classifier's output line (shared/spec/interaction.md): {"id": ..., "evidence": [...]}."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from classifiers.evidence import Evidence


def output_line(interaction_id: str | None, evidence: Iterable[Evidence]) -> dict[str, Any]:
    """One output line: the interaction's id and its evidence (kind, confidence, actor, quote)."""
    return {"id": interaction_id, "evidence": [e.to_output() for e in evidence]}
