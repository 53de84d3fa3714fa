"""A run over 1,598 real business emails (shared/corpora/enron-mail): nothing crashes, every
quote is an exact substring, and the flags per kind are printed (pytest -s) for reading."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from classifiers.pipeline import default_classifier
from tests.classifiers.mail_files import read_eml

CORPUS = Path("/work/shared/corpora/enron-mail")

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="enron corpus not on this machine")


def test_enron_corpus_classifies_without_crashing():
    paths = sorted(CORPUS.glob("*.eml"))
    assert len(paths) == 1598
    interactions = [read_eml(p) for p in paths]
    counts: Counter[str] = Counter()
    flagged = 0
    for interaction, found in zip(
        interactions, default_classifier().classify_many(interactions), strict=True
    ):
        flagged += bool(found)
        for evidence in found:
            counts[evidence.kind.value] += 1
            assert evidence.quote in interaction.body or evidence.quote in interaction.subject
    print(f"\nenron: {flagged} of {len(interactions)} emails flagged")
    for kind, count in counts.most_common():
        print(f"  {kind:26} {count}")
    # mostly regulation and trading mail, not sales: flags must stay rare
    assert flagged < len(interactions) * 0.05
