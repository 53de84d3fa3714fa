"""The bundled demo sample (api/sample): the classifier finds what expected.yml lists and none of
the kinds it rules out. Events are judged at the sample's as_of, as expected.yml is."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import yaml

SAMPLE = Path(__file__).resolve().parents[2] / "api" / "sample"
EXPECTED = SAMPLE / "expected.yml"

pytestmark = pytest.mark.skipif(not EXPECTED.is_file(), reason="no bundled sample yet")


def _entries(expected: dict) -> list[dict]:
    entries = []
    groups = list(expected.get("deals", {}).values()) + list(expected.get("contacts", {}).values())
    for group in groups:
        entries += group.get("evidence") or []
        entries += [{**e, "kinds": {}} for e in group.get("no_evidence") or []]
    return entries


@pytest.fixture(scope="module")
def classified() -> tuple[dict, dict]:
    from capture.files import FileProblem, read_paths
    from classifiers.pipeline import default_classifier

    expected = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    as_of = datetime.fromisoformat(expected["as_of"].replace("Z", "+00:00"))
    interactions = {}
    for item in read_paths([SAMPLE]):
        assert not isinstance(item, FileProblem), item
        if item.type == "event":
            item = item.model_copy(update={"now": as_of})
        interactions[item.id.strip("<>")] = item
    found = dict(
        zip(
            interactions,
            default_classifier().classify_many(list(interactions.values())),
            strict=True,
        )
    )
    return expected, {k: (interactions[k], found[k]) for k in interactions}


def test_sample_expected_kinds_are_found(classified):
    expected, results = classified
    missed = []
    for entry in _entries(expected):
        interaction, found = results[entry["id"].strip("<>")]
        kinds = {e.kind.value for e in found}
        missed += [(entry["id"], kind) for kind in entry["kinds"] if kind not in kinds]
    assert missed == []


def test_sample_ruled_out_kinds_are_not_found(classified):
    expected, results = classified
    wrong = []
    for entry in _entries(expected):
        _, found = results[entry["id"].strip("<>")]
        ruled_out = set(entry.get("not") or {})
        if not entry["kinds"]:  # no_evidence: nothing at all
            ruled_out = {e.kind.value for e in found}
        wrong += [(entry["id"], e.kind.value, e.quote) for e in found if e.kind.value in ruled_out]
    assert wrong == []


def test_sample_quotes_are_substrings(classified):
    _, results = classified
    for interaction, found in results.values():
        for evidence in found:
            if interaction.type == "email":
                assert evidence.quote in interaction.body or evidence.quote in interaction.subject
