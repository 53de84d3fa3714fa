"""The three lines of shared/spec/examples.jsonl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from capture.interaction import Interaction
from classifiers.evidence import Kind
from classifiers.output import output_line
from classifiers.pipeline import default_classifier

EXAMPLES = Path("/work/shared/spec/examples.jsonl")

pytestmark = pytest.mark.skipif(not EXAMPLES.is_file(), reason="spec examples not on this machine")


def _lines() -> dict[str, Interaction]:
    lines = EXAMPLES.read_text(encoding="utf-8").splitlines()
    return {i.id: i for i in (Interaction.model_validate_json(line) for line in lines if line)}


def test_m001_budget_confirmed_quotes_the_buyer():
    interaction = _lines()["m-001"]
    found = default_classifier().classify(interaction)
    assert [(e.kind, e.quote, e.actor) for e in found] == [
        (Kind.budget_confirmed, "Budget is approved for Q3.", "buyer")
    ]
    assert found[0].speaker == "li@buyer.com"
    assert found[0].observed_at == interaction.sent_at


def test_e001_accepted_future_demo_is_meeting_scheduled():
    found = default_classifier().classify(_lines()["e-001"])
    assert [e.kind for e in found] == [Kind.meeting_scheduled]
    assert found[0].quote == "li@buyer.com accepted"
    assert found[0].meeting is not None
    assert found[0].meeting.category == "demo"


def test_m002_seller_activity_is_nothing():
    assert default_classifier().classify(_lines()["m-002"]) == []


def test_output_lines_follow_the_spec_format():
    interaction = _lines()["m-001"]
    line = output_line(interaction.id, default_classifier().classify(interaction))
    assert json.loads(json.dumps(line)) == {
        "id": "m-001",
        "evidence": [
            {
                "kind": "budget_confirmed",
                "confidence": 0.9,
                "actor": "buyer",
                "quote": "Budget is approved for Q3.",
            }
        ],
    }
