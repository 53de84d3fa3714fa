"""Scoring a labeled set: counts per kind, the held-out split, bad lines, and the shipped set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classifiers.evaluation import (
    LabeledInteraction,
    LabelProblem,
    Scores,
    is_held_out,
    read_labeled,
)
from classifiers.evidence import Kind
from classifiers.textcat.model import ModelMissing, SentenceModel
from classifiers.textcat.train import holds

DEVSET = Path(__file__).resolve().parents[2] / "devset"


def test_scores_count_each_kind_once_per_interaction():
    scores = Scores()
    scores.add({Kind.budget_confirmed, Kind.timeline_given}, {Kind.budget_confirmed})
    scores.add(set(), {Kind.disengaged})
    scores.add({Kind.budget_confirmed}, {Kind.budget_confirmed})
    assert scores.figures(Kind.budget_confirmed) == (1.0, 1.0, 1.0, 2)
    assert scores.figures(Kind.timeline_given)[:2] == (1.0, 0.0)  # nothing predicted: P is 1
    assert scores.figures(Kind.disengaged)[0] == 0.0
    precision, recall, _, support = scores.figures(None)
    assert (precision, recall, support) == (2 / 3, 2 / 3, 3)


def test_bad_lines_become_problems_and_the_rest_reads(tmp_path):
    good = {
        "id": "x-1",
        "type": "email",
        "mailbox": "a@s.com",
        "sent_at": "2026-03-02T15:04:00Z",
        "body": "hi",
        "labels": [{"kind": "budget_confirmed", "quote": "hi"}],
    }
    path = tmp_path / "set.jsonl"
    path.write_text(
        "not json\n"
        + json.dumps({**good, "labels": [{"kind": "no_such_kind"}]})
        + "\n"
        + json.dumps(good)
        + "\n"
    )
    items = list(read_labeled([path]))
    assert [type(i) for i in items] == [LabelProblem, LabelProblem, LabeledInteraction]
    assert items[0].where.endswith("set.jsonl:1")
    assert items[2].kinds == {Kind.budget_confirmed}


def test_the_held_out_split_depends_on_the_id_only():
    ids = [f"id-{n}" for n in range(4000)]
    share = sum(map(is_held_out, ids)) / len(ids)
    assert 0.27 < share < 0.35


def test_a_sentence_holds_a_quote_whatever_the_quoting_and_spacing():
    assert holds("voicebuyer Budget is approved for Q3.", "> Budget is approved\nfor Q3")
    assert holds("Budget is approved.", "Great news. Budget is approved. Talk soon")
    assert not holds("We will review next week.", "Budget is approved")


def test_a_missing_sentence_model_says_how_to_build_it(tmp_path):
    with pytest.raises(ModelMissing, match="proofstage train"):
        SentenceModel.load(tmp_path)


def test_the_shipped_set_is_valid_and_large_enough():
    items = list(read_labeled([DEVSET]))
    problems = [i for i in items if isinstance(i, LabelProblem)]
    assert problems == []
    assert len(items) >= 800
    hard_negatives = 0
    for path in sorted(DEVSET.glob("*.jsonl")):
        for line in path.read_text().splitlines():
            data = json.loads(line)
            hard_negatives += "hard_negative" in data.get("tags", [])
            if data["type"] == "email":
                for label in data["labels"]:
                    assert label["quote"] in data["body"] or label["quote"] in data["subject"]
    assert hard_negatives >= 150
    assert len({i.interaction.id for i in items}) == len(items)
