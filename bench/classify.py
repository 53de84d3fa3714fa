"""Benchmark: emails classified per second per core, against spaCy's bare tokenizer.

Generates N emails of realistic length (bench/mailgen.py), then in one process times
  1. the baseline: `spacy.blank("en").tokenizer.pipe` over the same bodies,
  2. `EvidenceClassifier.classify_many` over the interactions (segments, pipeline, cues, quotes),
and prints both rates, their ratio, the CPU time per email and the peak resident memory.
One process runs on one core, so emails/s of CPU time is emails/s/core.
Run: .venv/bin/python bench/classify.py [--emails 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from collections import Counter

import spacy

from bench.mailgen import generate
from classifiers.pipeline import EvidenceClassifier


def timed(fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(wall seconds, CPU seconds) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emails", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure; medians shown")
    args = parser.parse_args()

    emails = generate(args.emails)
    bodies = [e.body for e in emails]
    words = sum(len(b.split()) for b in bodies)
    print(
        f"{len(emails):,} emails, {words / len(emails):.0f} words and "
        f"{sum(map(len, bodies)) / len(emails):.0f} characters each on average"
    )

    tokenizer = spacy.blank("en").tokenizer
    started = time.perf_counter()
    classifier = EvidenceClassifier()
    print(f"classifier built in {time.perf_counter() - started:.2f} s")
    found: Counter[str] = Counter()

    def tokenize() -> None:
        for _ in tokenizer.pipe(bodies, batch_size=256):
            pass

    def classify() -> None:
        found.clear()
        for evidence in classifier.classify_many(emails):
            found.update(e.kind.value for e in evidence)

    classify()  # warm-up: lazy imports and caches
    base = [timed(tokenize) for _ in range(args.repeat)]
    ours = [timed(classify) for _ in range(args.repeat)]
    base_cpu = statistics.median(c for _, c in base)
    ours_cpu = statistics.median(c for _, c in ours)
    ours_wall = statistics.median(w for w, _ in ours)
    n = len(emails)
    print(f"bare tokenizer : {n / base_cpu:>9,.0f} emails/s/core")
    print(
        f"classify_many  : {n / ours_cpu:>9,.0f} emails/s/core "
        f"({n / ours_wall:,.0f}/s wall, {1e6 * ours_cpu / n:.0f} µs CPU per email)"
    )
    print(f"ratio to bare tokenizer: {base_cpu / ours_cpu:.3f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB")
    print("evidence per kind:", ", ".join(f"{k} {v}" for k, v in found.most_common()))


if __name__ == "__main__":
    main()
