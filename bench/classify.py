"""Benchmark: emails classified per second per core, against spaCy's bare tokenizer.

Generates N emails of realistic length (bench/mailgen.py), then in one process times
  1. the baseline: `spacy.blank("en").tokenizer.pipe` over the same bodies,
  2. the shipped classifier, `default_classifier().classify_many` (patterns and the trained
     sentence model), over the interactions,
  3. for comparison, the patterns alone (`EvidenceClassifier()`),
and prints the rates, the shipped classifier's ratio to the baseline, the CPU time per email and
the peak resident memory.
One process runs on one core, so emails/s of CPU time is emails/s/core.
Run: .venv/bin/python bench/classify.py [--emails 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from collections import Counter
from collections.abc import Callable

import spacy

from bench.mailgen import generate
from capture.interaction import Interaction
from classifiers.pipeline import EvidenceClassifier, default_classifier


def timed(fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(wall seconds, CPU seconds) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def median_times(fn, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median (CPU seconds, wall seconds) of `repeat` calls."""
    runs = [timed(fn) for _ in range(repeat)]
    return statistics.median(c for _, c in runs), statistics.median(w for w, _ in runs)


def classifying(
    classifier: EvidenceClassifier, emails: list[Interaction], found: Counter[str]
) -> Callable[[], None]:
    """A call that classifies all the emails, counting the evidence per kind in `found`."""

    def classify() -> None:
        found.clear()
        for evidence in classifier.classify_many(emails):
            found.update(e.kind.value for e in evidence)

    return classify


def report(label: str, n: int, cpu: float, wall: float) -> None:
    print(
        f"{label:<15}: {n / cpu:>9,.0f} emails/s/core "
        f"({n / wall:,.0f}/s wall, {1e6 * cpu / n:.0f} µs CPU per email)"
    )


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
    shipped = default_classifier()  # what ships: the patterns and the trained sentence model
    print(f"classifier built in {time.perf_counter() - started:.2f} s")
    rules_only = EvidenceClassifier()
    found: Counter[str] = Counter()

    def tokenize() -> None:
        for _ in tokenizer.pipe(bodies, batch_size=256):
            pass

    classifying(rules_only, emails, found)()  # warm-up: lazy imports and caches
    classifying(shipped, emails, found)()
    base_cpu, _ = median_times(tokenize, args.repeat)
    rules_cpu, rules_wall = median_times(classifying(rules_only, emails, found), args.repeat)
    # the shipped classifier last, so that `found` counts its evidence
    ours_cpu, ours_wall = median_times(classifying(shipped, emails, found), args.repeat)
    n = len(emails)
    print(f"bare tokenizer : {n / base_cpu:>9,.0f} emails/s/core")
    report("classify_many", n, ours_cpu, ours_wall)
    report("patterns only", n, rules_cpu, rules_wall)
    print(f"ratio to bare tokenizer: {base_cpu / ours_cpu:.3f}")
    print(f"ratio to bare tokenizer, patterns only: {base_cpu / rules_cpu:.3f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB")
    print("evidence per kind:", ", ".join(f"{k} {v}" for k, v in found.most_common()))


if __name__ == "__main__":
    main()
