"""The classifier's output line (shared/spec/interaction.md): {"id": ..., "evidence": [...]}."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from classifiers.evidence import Evidence
from classifiers.segments import MAX_BODY


def output_line(
    interaction_id: str | None, evidence: Iterable[Evidence], *, body_length: int = 0
) -> dict[str, Any]:
    """One output line: the interaction's id and its evidence (kind, confidence, actor, quote),
    and `truncated` with the characters read when a body longer than MAX_BODY was cut."""
    line: dict[str, Any] = {"id": interaction_id, "evidence": [e.to_output() for e in evidence]}
    if body_length > MAX_BODY:
        line["truncated"] = {"read": MAX_BODY, "of": body_length}
    return line
