"""Benchmark: stage inference per opportunity, with and without the per-interaction timeline.

Prints opportunities per second for `assess` (stage, proof, timeline) and, as the baseline in the
same process, for the stage alone; the ratio shows what the timeline costs.
Run: .venv/bin/python bench/assess.py [--opportunities N] [--interactions M]
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import UTC, datetime, timedelta

from classifiers.evidence import Kind
from models.sales_process import shipped_process
from models.stage_inference import InteractionRef, ObservedEvidence, _evaluate, assess, judge_at

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def deal(
    rng: random.Random, interactions: int
) -> tuple[list[InteractionRef], list[ObservedEvidence]]:
    refs, evidence = [], []
    for n in range(interactions):
        at = T0 + timedelta(hours=rng.uniform(0, 24 * 180))
        refs.append(InteractionRef(id=f"i{n}", at=at))
        for k in range(rng.choice([0, 0, 1, 1, 2])):
            evidence.append(
                ObservedEvidence(
                    id=f"e{n}.{k}",
                    interaction_id=f"i{n}",
                    interaction_at=at,
                    kind=rng.choice(list(Kind)),
                    confidence=0.9,
                    actor="buyer",
                    quote="q",
                    observed_at=at,
                )
            )
    return refs, evidence


def rate(label: str, fn, deals) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    for refs, evidence in deals:
        fn(refs, evidence)
    seconds = time.perf_counter() - start
    per_second = len(deals) / seconds
    print(f"{label:<28} {per_second:10.1f} opportunities/s  ({seconds:.2f} s)")
    return per_second


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--opportunities", type=int, default=300)
    parser.add_argument("--interactions", type=int, default=60)
    args = parser.parse_args()
    rng = random.Random(7)
    process = shipped_process()
    as_of = T0 + timedelta(days=200)
    deals = [deal(rng, args.interactions) for _ in range(args.opportunities)]
    print(
        f"{args.opportunities} opportunities x {args.interactions} interactions, "
        f"{sum(len(e) for _, e in deals)} evidence"
    )
    base = rate(
        "stage only (baseline)",
        lambda r, e: _evaluate(process, [j for x in e for j in judge_at(x, as_of)]),
        deals,
    )
    full = rate(
        "assess with timeline",
        lambda r, e: assess(process, interactions=r, evidence=e, as_of=as_of),
        deals,
    )
    print(f"ratio assess/baseline: {full / base:.3f}")


if __name__ == "__main__":
    main()
