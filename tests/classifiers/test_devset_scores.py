"""Regression guard: the shipped classifier on the held-out part of the labeled set.

The floors sit a little under the figures measured when the model was last trained (see the
README's classifier section); a change that loses precision on unseen mail fails here.
"""

from __future__ import annotations

from pathlib import Path

from api.services.evaluate import evaluate

DEVSET = Path(__file__).resolve().parents[2] / "devset"


def test_held_out_precision_and_recall_stay_above_their_floors():
    result = evaluate([DEVSET])
    precision, recall, _, support = result.scores["held-out"].figures(None)
    assert support > 300
    assert precision >= 0.93, precision
    assert recall >= 0.54, recall
