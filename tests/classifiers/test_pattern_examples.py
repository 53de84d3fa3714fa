"""Every pattern finds each of its own examples, in the voice it is written for."""

from __future__ import annotations

import pytest

from classifiers.pipeline import default_classifier
from classifiers.rules import default_rules
from tests.classifiers.factories import buyer_reply, rep_says

CASES = [
    pytest.param(rule, example, id=f"{rule.id}:{example[:40]}")
    for rule in default_rules()
    for example in rule.examples
]


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_pattern_finds_its_example(rule, example):
    interaction = buyer_reply(example) if rule.voice == "buyer" else rep_says(example)
    found = default_classifier().classify(interaction)
    assert rule.kind in {e.kind for e in found}, [e.to_output() for e in found]


def test_every_pattern_has_an_example():
    missing = [rule.id for rule in default_rules() if not rule.examples]
    assert missing == []
