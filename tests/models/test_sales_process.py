"""Loading and validating sales-process files."""

from __future__ import annotations

import pytest

from models.sales_process import ProcessError, load_process, parse_process, shipped_processes

GOOD = """
id: tiny
name: Tiny
stages:
  - id: first
    name: First
    description: d
    exit_criteria:
      - {id: met, question: 'Met', all_of: [meeting_held]}
  - {id: done, name: Done, description: d}
"""


def test_shipped_processes_load():
    assert shipped_processes() == ["buyer_journey", "buyer_milestones"]
    journey = load_process("buyer_journey")
    assert [s.id for s in journey.stages] == [
        "awareness",
        "engagement",
        "consideration",
        "decision",
        "advocacy",
    ]
    assert [c.id for s in journey.stages for c in s.exit_criteria] == [
        "discovery_scheduled",
        "demo_and_next_step",
        "technical_and_next_step",
        "cast_confirmed",
        "fit_confirmed",
        "budget_confirmed",
        "plan_approved",
        "next_step",
        "verbal_commitment",
        "contract_acknowledged",
    ]


def test_a_valid_file_parses():
    assert parse_process(GOOD).stages[0].exit_criteria[0].all_of[0] == "meeting_held"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("all_of: [meeting_held]", "all_of: [coffee_drunk]"),
            "unknown evidence kind 'coffee_drunk'",
        ),
        (("id: done", "id: first"), "duplicate stage id(s): first"),
        (("all_of: [meeting_held]", "question: again"), "names no evidence kind"),
        (
            (
                "  - {id: done, name: Done, description: d}\n",
                "  - {id: done, name: Done, description: d}\n"
                "  - {id: after, name: After, description: d}\n",
            ),
            "stage 'done' has no exit criteria",
        ),
        (("id: tiny", "id: tiny\nsurprise: 1"), "surprise: Extra inputs are not permitted"),
        (("stages:", "stagez:"), "stages: Field required"),
    ],
)
def test_errors_say_exactly_what_is_wrong(change, message):
    broken = GOOD.replace(*change)
    with pytest.raises(ProcessError) as caught:
        parse_process(broken, origin="org.yml")
    assert message in str(caught.value)
    assert str(caught.value).startswith("org.yml: ")


def test_duplicate_criterion_and_forward_reference():
    text = GOOD.replace(
        "      - {id: met, question: 'Met', all_of: [meeting_held]}",
        "      - {id: met, question: 'Met', all_of: [meeting_held], after_criteria: [later]}\n"
        "      - {id: later, question: 'L', all_of: [demo_held]}\n"
        "      - {id: later, question: 'L2', all_of: [demo_held]}",
    )
    with pytest.raises(ProcessError, match="duplicate criterion id"):
        parse_process(text)


def test_not_yaml_and_unknown_names():
    with pytest.raises(ProcessError, match="not valid YAML"):
        parse_process("stages: [unclosed")
    with pytest.raises(ProcessError, match="no shipped process 'nope'"):
        load_process("nope")
