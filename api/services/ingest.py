"""The import pipeline: interactions in, classified, stored and matched, stages re-assessed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice

from sqlalchemy.engine import Engine
from sqlmodel import Session

from capture.files import FileProblem
from capture.interaction import Interaction
from classifiers.pipeline import EvidenceClassifier
from models.assessments import record_stage_changes
from models.db import session_scope
from models.mailbox import Mailbox
from models.sales_process import SalesProcess
from models.settings import Settings, get_settings
from models.store import Lookup, is_unchanged, mailbox_for, store_interactions

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
    settings: Settings | None = None,
) -> ImportReport:
    """Import in batches, each committed on its own, so an interruption loses at most one batch."""
    report = ImportReport()
    for batch in _batches(items):
        with session_scope(engine) as session:
            store_batch(session, batch, classifier=classifier, report=report, settings=settings)
        if on_item:
            for item in batch:
                on_item(item)
    report.stage_changes = record_changes(
        engine, opportunity_ids=report.opportunity_ids, process=process, as_of=as_of
    )
    return report


def store_batch(
    session: Session,
    batch: list[Interaction | FileProblem],
    *,
    classifier: EvidenceClassifier,
    report: ImportReport,
    settings: Settings | None = None,
) -> None:
    """Classify the new or changed interactions of `batch` and store them in `session` (the
    caller commits); excluded addresses are dropped before anything reads them."""
    settings = settings or get_settings()
    lookup = Lookup()
    fresh: list[tuple[Interaction, int]] = []
    mailboxes: dict[str, Mailbox] = {}
    for item in batch:
        if isinstance(item, Interaction) and item.mailbox not in mailboxes:
            mailboxes[item.mailbox] = mailbox_for(session, email=item.mailbox, provider=item.source)
            lookup.prefetch(
                session,
                mailbox_id=mailboxes[item.mailbox].id,
                source_ids=[
                    i.id for i in batch if isinstance(i, Interaction) and i.mailbox == item.mailbox
                ],
            )
    for item in batch:
        if isinstance(item, FileProblem):
            report.problems.append(item)
            continue
        if any(settings.excludes(p.email) for p in item.participants()):
            report.statuses["excluded"] += 1
            continue
        mailbox = mailboxes[item.mailbox]
        assert mailbox.id is not None
        if is_unchanged(session, mailbox=mailbox, interaction=item, lookup=lookup):
            report.statuses["unchanged"] += 1
        else:
            fresh.append((item, mailbox.id))
    by_id = {m.id: m for m in mailboxes.values()}
    found = classifier.classify_many([interaction for interaction, _ in fresh])
    per_mailbox: dict[int, list[tuple[Interaction, list]]] = {}
    for (interaction, mailbox_id), evidence in zip(fresh, found, strict=True):
        per_mailbox.setdefault(mailbox_id, []).append((interaction, evidence))
    for mailbox_id, items in per_mailbox.items():
        results = store_interactions(
            session,
            mailbox=by_id[mailbox_id],
            found=items,
            keep_body=settings.keep_bodies,
            lookup=lookup,
        )
        for (_, evidence), stored in zip(items, results, strict=True):
            report.statuses[stored.status] += 1
            if stored.status != "internal":
                report.evidence.update(e.kind.value for e in evidence)
                report.opportunity_ids.update(stored.opportunity_ids)


def record_changes(
    engine: Engine, *, opportunity_ids: set[int], process: SalesProcess, as_of: datetime
) -> int:
    """Re-assess the opportunities an import touched and record their stage changes."""
    with session_scope(engine) as session:
        changes = record_stage_changes(
            session, opportunity_ids=opportunity_ids, process=process, as_of=as_of
        )
        return len(changes)
