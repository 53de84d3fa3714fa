"""The import pipeline: interactions in, classified, stored and matched, stages re-assessed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice

from sqlalchemy.engine import Engine

from capture.files import FileProblem
from capture.interaction import Interaction
from classifiers.pipeline import EvidenceClassifier
from models.assessments import record_stage_changes
from models.db import session_scope
from models.mailbox import Mailbox
from models.sales_process import SalesProcess
from models.store import is_unchanged, mailbox_for, store_interaction

BATCH_SIZE = 256


@dataclass
class ImportReport:
    statuses: Counter[str] = field(default_factory=Counter)
    evidence: Counter[str] = field(default_factory=Counter)
    problems: list[FileProblem] = field(default_factory=list)
    opportunity_ids: set[int] = field(default_factory=set)
    stage_changes: int = 0


def _batches(
    items: Iterable[Interaction | FileProblem],
) -> Iterator[list[Interaction | FileProblem]]:
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH_SIZE)):
        yield batch


def import_interactions(
    items: Iterable[Interaction | FileProblem],
    *,
    engine: Engine,
    classifier: EvidenceClassifier,
    process: SalesProcess,
    as_of: datetime,
    on_item: Callable[[Interaction | FileProblem], None] | None = None,
) -> ImportReport:
    """Import in batches, each committed on its own, so an interruption loses at most one batch."""
    report = ImportReport()
    for batch in _batches(items):
        with session_scope(engine) as session:
            fresh: list[tuple[Interaction, int]] = []
            for item in batch:
                if isinstance(item, FileProblem):
                    report.problems.append(item)
                    continue
                mailbox = mailbox_for(session, email=item.mailbox, provider=item.source)
                assert mailbox.id is not None
                if is_unchanged(session, mailbox=mailbox, interaction=item):
                    report.statuses["unchanged"] += 1
                else:
                    fresh.append((item, mailbox.id))
            mailboxes = {m: session.get_one(Mailbox, m) for _, m in fresh}
            found = classifier.classify_many([interaction for interaction, _ in fresh])
            for (interaction, mailbox_id), evidence in zip(fresh, found, strict=True):
                stored = store_interaction(
                    session,
                    mailbox=mailboxes[mailbox_id],
                    interaction=interaction,
                    evidence=evidence,
                )
                report.statuses[stored.status] += 1
                if stored.status != "internal":
                    report.evidence.update(e.kind.value for e in evidence)
                    report.opportunity_ids.update(stored.opportunity_ids)
            if on_item:
                for item in batch:
                    on_item(item)
    with session_scope(engine) as session:
        changes = record_stage_changes(
            session, opportunity_ids=report.opportunity_ids, process=process, as_of=as_of
        )
        report.stage_changes = len(changes)
    return report
