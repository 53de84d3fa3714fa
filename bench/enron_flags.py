"""Flags on real mail nobody here wrote: classify a corpus (default ../shared/corpora/enron-mail,
each email read as if its sender's mailbox were the rep's), print the count per kind, and write
a seeded random sample of flags (one evidence each) as JSON Lines for a person to judge.
Run: .venv/bin/python -m bench.enron_flags [--corpus DIR] [--sample 50] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from capture.files import read_paths
from capture.interaction import Interaction
from classifiers.pipeline import default_classifier

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "enron-mail"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("enron_flags_sample.jsonl"))
    args = parser.parse_args()

    items = [x for x in read_paths([args.corpus]) if isinstance(x, Interaction)]
    flags, per_kind, flagged = [], Counter(), 0
    for interaction, evidence in zip(items, default_classifier().classify_many(items), strict=True):
        flagged += bool(evidence)
        for e in evidence:
            per_kind[e.kind.value] += 1
            flags.append(
                {
                    "id": interaction.id,
                    "mailbox": interaction.mailbox,
                    "subject": interaction.subject,
                    **e.to_output(),
                }
            )
    print(f"{len(items)} emails, {flagged} flagged, {len(flags)} evidence")
    for kind, count in per_kind.most_common():
        print(f"  {kind:<26} {count}")
    sample = random.Random(args.seed).sample(flags, min(args.sample, len(flags)))
    with args.out.open("w") as out:
        for row in sample:
            out.write(json.dumps(row) + "\n")
    print(f"{len(sample)} sampled flags written to {args.out}")


if __name__ == "__main__":
    main()
